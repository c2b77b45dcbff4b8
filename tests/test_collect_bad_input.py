"""Bad input files: each is read correctly or skipped with a one-line reason naming the file."""
from __future__ import annotations

import logging
import os
from datetime import date
from pathlib import Path

import pytest

import digest.collect
from digest.collect import collect

LEDE = ("Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Geneva on Monday. "
        "The two discussed fishing quotas, energy prices and the northern shipping route. ")


def reasons(skipped) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in skipped}


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_read(tmp_path, encoding):
    text = "Le ministre a rencontré son homologue à Genève mardi, a déclaré Müller."
    if encoding != "latin-1":
        text += " \u201cProgress\u201d \u2013 he said."
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    articles, skipped = collect([tmp_path], 10_000)
    assert not skipped
    assert articles[0].text == text


def test_mixed_line_endings(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Talks in Oslo\r\n\r\nThe ministers met.\rThey agreed.\nThey left.\r\n")
    articles, _ = collect([tmp_path], 10_000)
    assert "\r" not in articles[0].text
    assert articles[0].text.splitlines() == ["Talks in Oslo", "", "The ministers met.", "They agreed.", "They left."]


def test_binary_files_under_text_names(tmp_path):
    from weasyprint import HTML

    (tmp_path / "report.txt").write_bytes(HTML(string="<p>The ministers met in Oslo.</p>").write_pdf())
    (tmp_path / "photo.md").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(32, 256)) * 4)  # JPEG, no NUL early
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 50)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    articles, skipped = collect([tmp_path], 1_000_000)
    assert not articles
    assert reasons(skipped) == {"report.txt": "binary file, not text", "photo.md": "binary file, not text",
                                "noise.txt": "binary file, not text",
                                "scan.pdf": "unsupported file type '.pdf'", "image.png": "unsupported file type '.png'"}


def test_fifty_megabyte_file_is_skipped_without_reading_it_all(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.write(LEDE.encode() * (50_000_000 // len(LEDE)))
    (tmp_path / "ok.txt").write_text(LEDE, encoding="utf-8")
    articles, skipped = collect([tmp_path], 20_000_000)
    assert [a.path.name for a in articles] == ["ok.txt"]
    assert reasons(skipped) == {"huge.txt": "file is over the limit of 20000000 bytes (limits.max_file_bytes)"}


def test_text_over_the_model_limit_is_skipped(tmp_path):
    (tmp_path / "long.txt").write_text(LEDE * 20, encoding="utf-8")
    (tmp_path / "short.txt").write_text("The ministers met in Rome.", encoding="utf-8")
    articles, skipped = collect([tmp_path], 1_000_000, max_chars=1000)
    assert [a.path.name for a in articles] == ["short.txt"]
    assert reasons(skipped)["long.txt"].endswith("is over the language model's limit of 1000")


def test_file_vanishing_between_listing_and_reading(tmp_path, monkeypatch):
    for name, place in (("a.txt", "Rome"), ("b.txt", "Oslo"), ("c.txt", "Lima")):
        (tmp_path / name).write_text(f"The ministers met in {place}.", encoding="utf-8")
    real_read = digest.collect.read_bytes

    def read_and_delete_next(path, root, max_bytes):
        if path.name == "a.txt":
            (tmp_path / "b.txt").unlink()  # another process removes b.txt after the folder was listed
        return real_read(path, root, max_bytes)

    monkeypatch.setattr(digest.collect, "read_bytes", read_and_delete_next)
    articles, skipped = collect([tmp_path], 10_000)
    assert [a.path.name for a in articles] == ["a.txt", "c.txt"]
    assert reasons(skipped) == {"b.txt": "cannot read: No such file or directory"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files and folders whatever their mode")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "secret.txt").write_text(LEDE, encoding="utf-8")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(LEDE, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        _, skipped = collect([tmp_path], 10_000)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert reasons(skipped) == {"secret.txt": "cannot read: Permission denied",
                                "locked": "cannot list folder: Permission denied"}


def test_symlinks_outside_the_inputs_folder_are_not_read(tmp_path):
    inputs, outside = tmp_path / "inputs", tmp_path / "outside"
    inputs.mkdir()
    outside.mkdir()
    (outside / "private.txt").write_text("PRIVATE " + LEDE, encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "deep.txt").write_text("DEEP " + LEDE, encoding="utf-8")
    (inputs / "ok.txt").write_text(LEDE, encoding="utf-8")
    (inputs / "link.txt").symlink_to(outside / "private.txt")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    (inputs / "folder").symlink_to(outside / "sub", target_is_directory=True)
    (inputs / "dangling.txt").symlink_to(inputs / "gone.txt")
    (inputs / "inside.txt").symlink_to(inputs / "ok.txt")
    articles, skipped = collect([inputs], 10_000)
    assert [a.path.name for a in articles] == ["inside.txt"]  # ok.txt is the same text: a copy
    assert articles[0].copies == [str(inputs / "ok.txt")]
    assert not any("PRIVATE" in a.text or "DEEP" in a.text or "root:" in a.text for a in articles)
    assert reasons(skipped) == {"link.txt": "points outside the inputs folder; not read",
                                "passwd.txt": "points outside the inputs folder; not read",
                                "dangling.txt": "cannot read: No such file or directory",
                                "folder": "linked folder; not followed"}


def test_hidden_files_and_folders_are_ignored(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(LEDE, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(LEDE, encoding="utf-8")
    assert collect([tmp_path], 10_000) == ([], [])


@pytest.mark.parametrize("front, reason", [
    ("title: [unclosed", "malformed front matter: expected ',' or ']', but got '<stream end>'"),
    ("published: 2024-02-30", "malformed front matter: day is out of range for month"),
    ("published: next week", "front matter 'published' is not a date (YYYY-MM-DD): 'next week'"),
    ("- a list", "front matter must be a mapping of keys to values"),
    ("title: x\n\ttab: y", "malformed front matter: found character '\\t' that cannot start any token"),
])
def test_malformed_front_matter(tmp_path, front, reason):
    (tmp_path / "a.md").write_text(f"---\n{front}\n---\n{LEDE}", encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert not articles and reasons(skipped) == {"a.md": reason}


def test_front_matter_values_that_are_not_single_values_are_ignored(tmp_path, caplog):
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh"))
    (tmp_path / "a.md").write_text(f"---\n{bomb}title: *h\noutlet: {{x: 1}}\nauthor: 42\n---\nTalks in Geneva\n\n{LEDE}",
                                   encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert not skipped
    assert articles[0].title == "Talks in Geneva"  # the list is ignored: the heading is used instead
    assert (articles[0].outlet, articles[0].author) == (None, "42")
    assert "ignoring front matter 'title': not a single value" in caplog.text


def test_future_publication_date_is_kept_with_a_warning(tmp_path, caplog):
    (tmp_path / "a.md").write_text(f"---\npublished: 2030-05-01\n---\n{LEDE}", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"---\npublished: 2024-03-01\n---\nThe mayors met in Porto.", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles, skipped = collect([tmp_path], 10_000, briefing_date=date(2024, 3, 20))
    assert [a.published for a in articles] == [date(2030, 5, 1), date(2024, 3, 1)]
    assert [r.getMessage() for r in caplog.records] == [
        f"{tmp_path / 'a.md'}: published 2030-05-01, after the briefing date 2024-03-20"]


def test_wire_copies_count_once(tmp_path):
    story = ("GENEVA (Wire) - " + LEDE + "Officials said the talks would resume in Oslo next month after "
             "experts meet to prepare a draft agreement on the shipping route and on quotas. " * 2)
    (tmp_path / "a_wire.txt").write_text(story, encoding="utf-8")
    # Republished elsewhere: new headline and byline, spacing and case changed, last sentence cut.
    (tmp_path / "b_outlet.txt").write_text("Ministers meet in Geneva\nBy Staff\n\n" + story.upper().replace(
        ". ", ".\n\n")[: int(len(story) * 0.85)], encoding="utf-8")
    (tmp_path / "c_other.txt").write_text(LEDE.replace("Geneva", "Bern") + "Separately, the prime minister "
                                          "visited a school in Aarhus and spoke to teachers about pay.",
                                          encoding="utf-8")
    (tmp_path / "d_same.html").write_text(f"<html><body><article><p>{story}</p></article></body></html>",
                                          encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert not skipped
    assert [a.path.name for a in articles] == ["a_wire.txt", "c_other.txt"]
    assert articles[0].copies == [str(tmp_path / "b_outlet.txt"), str(tmp_path / "d_same.html")]
    assert articles[1].copies == []


def test_html_drops_scripts_styles_iframes_forms_and_pixels(tmp_path):
    body = "<p>" + LEDE * 3 + "</p><p>" + "Both sides called the meeting constructive and useful. " * 4 + "</p>"
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks in Geneva</title><style>.x{color:red} STYLECSS</style>"
        "<script>var SCRIPTJS = document.cookie;</script></head><body>"
        f"<article><h1>Talks in Geneva</h1>{body}"
        "<iframe src='https://ads.example/IFRAMEAD'>IFRAMETEXT</iframe>"
        "<form action='/subscribe'><label>FORMLABEL</label><input name='email' value='FORMVALUE'>"
        "<button>FORMBUTTON</button></form>"
        "<img src='https://track.example/PIXEL.gif?u=1' width='1' height='1' alt='PIXELALT'>"
        "<noscript>NOSCRIPTTEXT</noscript></article></body></html>", encoding="utf-8")
    articles, skipped = collect([tmp_path], 100_000)
    assert not skipped
    text = articles[0].text
    assert "Anna Berg met her Danish counterpart" in text
    for marker in ("STYLECSS", "SCRIPTJS", "IFRAME", "FORM", "PIXEL", "NOSCRIPT", "<", "cookie"):
        assert marker not in text


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", "https://example.org/a"), ("javascript:alert(1)", None),
    ("file:///etc/passwd", None), ("JaVaScRiPt:alert(1)", None), ("data:text/html,x", None),
])
def test_only_web_addresses_are_kept_as_article_urls(tmp_path, url, kept):
    (tmp_path / "a.md").write_text(f"---\nurl: '{url}'\n---\n{LEDE}", encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<html><head><link rel='canonical' href='{url}'></head><body><article>"
                                     f"<p>{LEDE.replace('Geneva', 'Bern') * 3}</p></article></body></html>",
                                     encoding="utf-8")
    articles, skipped = collect([tmp_path], 10_000)
    assert not skipped
    assert [a.url for a in articles] == [kept, kept]


def test_copies_found_among_many_similar_articles(tmp_path):
    """The sampled copy index finds a cut copy and an identical short text among articles
    that share whole paragraphs without being copies."""
    import random
    rng = random.Random(3)
    words = [f"w{i}" for i in range(400)]
    shared = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(4)]
    for i in range(40):
        own = " ".join(rng.choice(words) for _ in range(200))
        (tmp_path / f"a{i:02d}.txt").write_text(f"{shared[i % 4]}\n\n{own}\n", encoding="utf-8")
    original = (tmp_path / "a07.txt").read_text(encoding="utf-8")
    (tmp_path / "b_cut.txt").write_text("New headline\n\n" + original[: int(len(original) * 0.9)], encoding="utf-8")
    (tmp_path / "c_short.txt").write_text("Talks resume on Monday.\n", encoding="utf-8")
    (tmp_path / "d_short.txt").write_text("Talks resume on Monday.\n", encoding="utf-8")
    articles, _ = collect([tmp_path], 10**6)
    by_name = {a.path.name: a for a in articles}
    assert len(articles) == 41
    assert by_name["a07.txt"].copies == [str(tmp_path / "b_cut.txt")]
    assert by_name["c_short.txt"].copies == [str(tmp_path / "d_short.txt")]
