"""End to end: the CLI on the shipped inputs writes a real PDF, HTML and JSON."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from digest.cli import main


def test_run_writes_dated_briefing(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20"])
    assert result.exit_code == 0, result.output
    out = project / "output"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "briefing-2024-03-20.html", "briefing-2024-03-20.json", "briefing-2024-03-20.pdf"]
    data = json.loads((out / "briefing-2024-03-20.json").read_text(encoding="utf-8"))
    assert len(data["sources"]) == 3
    names = {a["id"]: a["name"] for a in data["actors"]}
    doha = [m for m in data["meetings"]
            if {"Wang Kejian", "Ismail Haniyeh"} <= {names[p] for p in m["participants"]}]
    assert doha and "Qatar" in doha[0]["place"]
    assert doha[0]["date"] == "2024-03-17"
    text = " ".join(page.extract_text() for page in PdfReader(out / "briefing-2024-03-20.pdf").pages)
    assert "Wang Kejian" in text and "Ismail Haniyeh" in text and "Qatar" in text and "17 March 2024" in text


def test_json_contract(project, monkeypatch):
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["run", "--date", "2024-03-20"]).exit_code == 0
    data = json.loads((project / "output" / "briefing-2024-03-20.json").read_text(encoding="utf-8"))
    ids = {s["id"] for s in data["sources"]}
    actor_ids = {a["id"] for a in data["actors"]}
    for s in data["sources"]:
        assert set(s) >= {"id", "path", "title", "outlet", "published"}
    for a in data["actors"]:
        assert a["kind"] in ("person", "organization", "country")
        assert set(a) >= {"id", "name", "aliases", "title", "affiliation", "sources"}
    for m in data["meetings"]:
        assert set(m["participants"]) <= actor_ids and set(m["sources"]) <= ids
        assert m["date"] is None or len(m["date"]) in (7, 10)
        assert all(e["source"] in ids and e["text"] for e in m["evidence"])
    for p in data["positions"]:
        assert p["actor"] in actor_ids and p["source"] in ids and p["evidence"]


def test_bad_config_exits_2_with_one_line(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "config" / "digest.yaml").write_text("title: X\npage_sise: A4\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 2
    assert result.output.strip() == ("digest: config/digest.yaml:2: unknown key 'page_sise' "
                                      "(did you mean 'page_size'?)")


def test_no_readable_inputs_exits_1(project, monkeypatch):
    monkeypatch.chdir(project)
    empty = project / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["run", "--inputs", str(empty)])
    assert result.exit_code == 1
    assert "no article files in" in result.output and "no briefing written" in result.output


def test_check_lists_inputs(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert "3 readable, 0 skipped" in result.output
    assert "published 2024-03-18" in result.output


def test_help_and_version():
    runner = CliRunner()
    assert "Example:" in runner.invoke(main, ["run", "--help"]).output
    assert "Example:" in runner.invoke(main, ["check", "--help"]).output
    assert runner.invoke(main, ["--version"]).output.startswith("digest, version")


def test_run_reads_every_inputs_option(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "more").mkdir()
    (project / "more" / "extra.txt").write_text("Anna Berg met Lars Holm in Oslo on 4 March 2024.\n",
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--date", "2024-03-20", "--inputs", "inputs", "--inputs", "more"])
    assert result.exit_code == 0, result.output
    data = json.loads((project / "output" / "briefing-2024-03-20.json").read_text(encoding="utf-8"))
    assert sorted(Path(s["path"]).parent.name for s in data["sources"]) == ["inputs", "inputs", "inputs", "more"]


# What `--help` and `check` must not pay for: the language model, the PDF engine, Dask, the
# merge's fuzzy matching, the HTTP and feed libraries without feeds (each tens of milliseconds
# to seconds); `--help` not the templates either, which `check` renders to find their mistakes.
HEAVY = {"spacy", "thinc", "weasyprint", "distributed", "dask", "rapidfuzz", "trafilatura", "feedparser", "urllib3"}
IMPORTED = ("import sys\nfrom digest.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")


@pytest.mark.parametrize("args, heavy", [(["--help"], HEAVY | {"jinja2"}), (["run", "--help"], HEAVY | {"jinja2"}),
                                         (["check"], HEAVY)])
def test_help_and_check_start_without_heavy_imports(project, args, heavy):
    done = subprocess.run([sys.executable, "-c", IMPORTED, *args], cwd=project, capture_output=True, text=True)
    imported = set(done.stderr.split("\n")[-2].split())
    assert "digest" in imported and "click" in imported
    assert imported & heavy == set()
