"""Random text, bytes and front matter through collect -> extract -> merge -> JSON/HTML: never a crash."""
from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import yaml
from hypothesis import given, settings, strategies as st

from digest.collect import collect
from digest.config import load_config
from digest.extract import extract_doc
from digest.merge import merge
from digest.render import briefing_data, render_html

DAY = date(2024, 3, 20)
WORDS = ["met", "meets", "talks", "with", "and", "in", "on", "Monday", "last", "week", "March 3", "2024",
         "President", "Minister", "Anna Berg", "Lars Holm", "Wang Kejian", "Hamas", "Qatar", "Geneva", "said",
         "told", "\u201c", "\u201d", '"', ".", ",", ";", "\n", "\n\n", "<b>", "{{ x }}", "---", "Mr.", "Dr",
         "yesterday", "the", "of", "Reporting by", "Editing by", "(Reuters) -", "\u00e9", "\u0627\u0644",
         "\U0001F600", "\x00", "\r", "\u2028", "\t"]
SETTINGS = settings(max_examples=25, deadline=None)

sentences = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=120).map(" ".join)


def run_pipeline(folder: Path, nlp) -> dict:
    """The stages as the CLI runs them, minus the PDF; returns the JSON read back."""
    articles, skipped = collect([folder], 200_000, DAY)
    assert all(s.reason and "\n" not in s.reason for s in skipped)
    extractions = [extract_doc(a, nlp(a.text)) for a in articles]
    briefing = merge(extractions, DAY, "Property briefing", skipped)
    (folder.parent / "digest.yaml").write_text("inputs: [in]\noutput: out\n", encoding="utf-8")
    render_html(briefing, load_config(folder.parent / "digest.yaml"))
    data = json.loads(json.dumps(briefing_data(briefing), ensure_ascii=False, default=str, allow_nan=False))
    assert len(data["sources"]) + len(data["skipped"]) + sum(len(s["copies"]) for s in data["sources"]) \
        == len(list(folder.iterdir()))  # every file is accounted for exactly once
    return data


def write_files(files: dict[str, bytes]) -> tuple[tempfile.TemporaryDirectory, Path]:
    tmp = tempfile.TemporaryDirectory()
    folder = Path(tmp.name) / "in"
    folder.mkdir()
    for name, payload in files.items():
        (folder / name).write_bytes(payload)
    return tmp, folder


@SETTINGS
@given(texts=st.lists(sentences, min_size=1, max_size=3), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text(nlp, texts, suffix):
    tmp, folder = write_files({f"{i}{suffix}": t.encode("utf-8", "surrogatepass") for i, t in enumerate(texts)})
    with tmp:
        run_pipeline(folder, nlp)


@SETTINGS
@given(payloads=st.lists(st.binary(max_size=3000), min_size=1, max_size=3),
       suffix=st.sampled_from([".txt", ".md", ".html"]),
       prefix=st.sampled_from([b"", b"\xff\xfe", b"\xef\xbb\xbf", b"---\n", b"<html><body><p>"]))
def test_random_bytes(nlp, payloads, suffix, prefix):
    tmp, folder = write_files({f"{i}{suffix}": prefix + p for i, p in enumerate(payloads)})
    with tmp:
        run_pipeline(folder, nlp)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.dates(), st.datetimes())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
front_keys = st.one_of(st.sampled_from(["title", "outlet", "published", "url", "author"]), st.text(max_size=10))


@SETTINGS
@given(meta=st.dictionaries(front_keys, values, max_size=6), raw=st.text(max_size=200), body=sentences,
       use_raw=st.booleans())
def test_random_front_matter(nlp, meta, raw, body, use_raw):
    block = raw if use_raw else yaml.safe_dump(meta, allow_unicode=True)
    text = f"---\n{block}\n---\n{body} Anna Berg met Lars Holm in Geneva on Monday.\n"
    tmp, folder = write_files({"a.md": text.encode("utf-8", "surrogatepass")})
    with tmp:
        data = run_pipeline(folder, nlp)
    for source in data["sources"]:
        assert source["published"] is None or len(source["published"]) == 10
