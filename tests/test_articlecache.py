"""The article cache: unchanged files are not read again, and a cached collect equals a fresh one."""
from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

import digest.collect
from digest.articlecache import ArticleCache
from digest.collect import collect

from conftest import INPUTS

STORY = ("GENEVA (Wire) - Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Geneva on Monday "
         "to discuss fishing quotas. Officials said the talks would resume in Oslo next month after experts "
         "meet to prepare a draft agreement on the shipping route and on quotas for the coming year.\n")


@pytest.fixture
def calls(monkeypatch):
    """Which files collect opened and which it decoded, through the real reader."""
    seen = {"read": [], "parsed": []}
    read, parse = digest.collect.read_bytes, digest.collect.parse_article

    def read_bytes(path, root, max_bytes):
        seen["read"].append(path.name)
        return read(path, root, max_bytes)

    def parse_article(path, raw, max_chars):
        seen["parsed"].append(path.name)
        return parse(path, raw, max_chars)

    monkeypatch.setattr(digest.collect, "read_bytes", read_bytes)
    monkeypatch.setattr(digest.collect, "parse_article", parse_article)
    return seen


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(INPUTS, folder)
    return folder


def cached_collect(inputs, db):
    with ArticleCache(db) as cache:
        return collect([inputs], 10**6, cache=cache)


def test_unchanged_files_are_not_opened_and_give_the_same_articles(tmp_path, inputs, calls):
    db = tmp_path / "articles.sqlite"
    first = cached_collect(inputs, db)
    assert len(calls["parsed"]) == 3
    calls["read"].clear(), calls["parsed"].clear()
    assert cached_collect(inputs, db) == first
    assert calls == {"read": [], "parsed": []}


def test_a_touched_file_is_hashed_but_not_decoded_and_an_edited_one_is_decoded(tmp_path, inputs, calls):
    db = tmp_path / "articles.sqlite"
    cached_collect(inputs, db)
    touched, edited, _ = sorted(inputs.iterdir())
    os.utime(touched, ns=(1, 1))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAnna Berg met Lars Holm in Oslo on Monday.\n",
                      encoding="utf-8")
    calls["read"].clear(), calls["parsed"].clear()
    articles, _ = cached_collect(inputs, db)
    assert calls == {"read": [touched.name, edited.name], "parsed": [edited.name]}
    assert "Lars Holm in Oslo" in next(a for a in articles if a.path == edited).text


def test_a_skipped_file_is_remembered_with_its_reason(tmp_path, inputs, calls):
    db = tmp_path / "articles.sqlite"
    (inputs / "scan.txt").write_bytes(b"%PDF-1.4 not an article")
    _, skipped = cached_collect(inputs, db)
    calls["read"].clear(), calls["parsed"].clear()
    assert cached_collect(inputs, db)[1] == skipped
    assert [s.reason for s in skipped] == ["binary file, not text"]
    assert calls == {"read": [], "parsed": []}


def test_cached_collect_equals_a_fresh_one_as_the_folder_changes(tmp_path, inputs):
    """Copies are decided by this run's name order from the kept index: a copy added in front
    becomes the original, a deleted original hands its copies on, a renamed file keeps its name."""
    db = tmp_path / "articles.sqlite"
    (inputs / "m_wire.txt").write_text(STORY, encoding="utf-8")
    (inputs / "n_outlet.txt").write_text("Ministers meet\n\n" + STORY.upper(), encoding="utf-8")
    steps = [
        lambda: None,
        lambda: (inputs / "a_first.txt").write_text("New headline\n\n" + STORY[:int(len(STORY) * 0.9)],
                                                    encoding="utf-8"),
        lambda: (inputs / "m_wire.txt").unlink(),
        lambda: (inputs / "a_first.txt").rename(inputs / "z_last.txt"),
        lambda: (inputs / "n_outlet.txt").write_text("Another story altogether about quotas and ferries, "
                                                     "told in more than twenty words so that it is "
                                                     "compared by its five-word runs and not as a whole.",
                                                     encoding="utf-8"),
    ]
    copies = []
    for step in steps:
        step()
        fresh = collect([inputs], 10**6)
        assert cached_collect(inputs, db) == fresh
        copies.append({a.path.name: [os.path.basename(c) for c in a.copies] for a in fresh[0] if a.copies})
    assert copies == [{"m_wire.txt": ["n_outlet.txt"]}, {"a_first.txt": ["m_wire.txt", "n_outlet.txt"]},
                      {"a_first.txt": ["n_outlet.txt"]}, {"n_outlet.txt": ["z_last.txt"]}, {}]
    with sqlite3.connect(db) as con:  # forgotten files leave nothing behind
        assert con.execute("SELECT COUNT(*) FROM texts").fetchone() == (5,)
        assert con.execute("SELECT COUNT(*) FROM matches").fetchone() == (0,)


def test_a_failed_collect_keeps_the_previous_cache(tmp_path, inputs, calls):
    db = tmp_path / "articles.sqlite"
    cached_collect(inputs, db)
    (inputs / "new.txt").write_text(STORY, encoding="utf-8")
    with pytest.raises(RuntimeError), ArticleCache(db) as cache:
        collect([inputs], 10**6, cache=cache)
        raise RuntimeError("killed")
    calls["parsed"].clear()
    cached_collect(inputs, db)
    assert calls["parsed"] == ["new.txt"]


def test_an_unreadable_cache_file_is_replaced(tmp_path, inputs, caplog):
    db = tmp_path / "articles.sqlite"
    db.write_bytes(b"not a database" * 100)
    assert cached_collect(inputs, db) == collect([inputs], 10**6)
    assert "replacing unreadable article cache" in caplog.text
    assert len(cached_collect(inputs, db)[0]) == 3


def test_other_code_or_libraries_start_afresh(tmp_path, inputs, calls):
    """Another version's file, even with tables of another shape, is emptied and used."""
    db = tmp_path / "articles.sqlite"
    cached_collect(inputs, db)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE meta SET value = 'digest of another version' WHERE name = 'fingerprint'")
        con.execute("DROP TABLE files")
        con.execute("CREATE TABLE files(path TEXT PRIMARY KEY, content TEXT)")
    calls["parsed"].clear()
    assert len(cached_collect(inputs, db)[0]) == 3
    assert len(calls["parsed"]) == 3


def test_the_model_limit_is_part_of_what_is_remembered(tmp_path, inputs):
    db = tmp_path / "articles.sqlite"
    assert len(cached_collect(inputs, db)[0]) == 3
    with ArticleCache(db) as cache:
        articles, skipped = collect([inputs], 10**6, max_chars=1000, cache=cache)
    assert not articles and len(skipped) == 3
    assert all(s.reason.endswith("over the language model's limit of 1000") for s in skipped)
