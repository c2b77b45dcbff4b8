"""Failed runs: one clear line, exit 1, and the previous briefing left as it was."""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from digest.cli import main
from digest.config import load_config
from digest.errors import RenderError
from digest.models import Article, Briefing, Source
from digest.render import write_outputs

DAY = date(2024, 3, 20)
NAMES = [f"briefing-{DAY}.{kind}" for kind in ("html", "json", "pdf")]


def small_briefing() -> Briefing:
    article = Article(path=Path("in/a.txt"), text="The ministers met in Rome.", title="Rome talks")
    return Briefing(date=DAY, title="New briefing", sources=[Source("s1", article)], actors=[], meetings=[],
                    positions=[])


def previous_briefing(out: Path) -> dict[str, bytes]:
    """Put an earlier run's outputs in place and return their bytes."""
    out.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        (out / name).write_bytes(f"previous {name}".encode())
    return {name: (out / name).read_bytes() for name in NAMES}


def briefing_files(out: Path) -> dict[str, bytes]:
    """The briefings and any temporary files of theirs in `out` (the run's lock file is not one)."""
    return {p.name: p.read_bytes() for p in out.iterdir() if "briefing" in p.name}


def config_for(tmp_path: Path, extra: str = ""):
    path = tmp_path / "digest.yaml"
    path.write_text("inputs: [in]\noutput: out\n" + extra, encoding="utf-8")
    return load_config(path)


def test_writes_all_three_and_leaves_no_temporary_files(tmp_path):
    config = config_for(tmp_path)
    previous_briefing(config.output)
    written = write_outputs(small_briefing(), config, config.output)
    assert sorted(p.name for p in config.output.iterdir()) == NAMES
    umask = os.umask(0o022)
    os.umask(umask)
    assert {p.stat().st_mode & 0o777 for p in written.values()} == {0o666 & ~umask}
    assert json.loads(written["json"].read_text(encoding="utf-8"))["title"] == "New briefing"
    assert "New briefing" in PdfReader(written["pdf"]).pages[0].extract_text()


def test_disk_full_keeps_previous_briefing(tmp_path, monkeypatch):
    config = config_for(tmp_path)
    before = previous_briefing(config.output)
    real_fdopen = os.fdopen
    opened = []

    class FullDisk:
        """The disk is outside this machine's control: the second file written fills it."""

        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            if len(opened) == 2:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    def fdopen(fd, *args, **kwargs):
        opened.append(fd)
        return FullDisk(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(RenderError) as err:
        write_outputs(small_briefing(), config, config.output)
    assert str(err.value) == f"{config.output}: cannot write the briefing: No space left on device"
    assert len(opened) == 2  # the first file was staged, and then thrown away
    assert briefing_files(config.output) == before


def test_crash_between_renames_leaves_whole_files(tmp_path, monkeypatch):
    """A kill after the first rename: each file is the old or the new one, never a part."""
    config = config_for(tmp_path)
    before = previous_briefing(config.output)
    real_replace = os.replace
    calls = []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt  # stands in for a kill; not an OSError, so nothing catches it
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(small_briefing(), config, config.output)
    files = briefing_files(config.output)
    assert sorted(files) == NAMES  # no temporary files left behind
    assert json.loads(files[f"briefing-{DAY}.json"])["title"] == "New briefing"
    assert files[f"briefing-{DAY}.html"] == before[f"briefing-{DAY}.html"]
    assert files[f"briefing-{DAY}.pdf"] == before[f"briefing-{DAY}.pdf"]


def test_output_folder_is_a_file(tmp_path):
    config = config_for(tmp_path)
    config.output.write_text("not a folder", encoding="utf-8")
    with pytest.raises(RenderError, match=r"out: cannot create output folder: File exists"):
        write_outputs(small_briefing(), config, config.output)
    with pytest.raises(RenderError, match=r"cannot create output folder: Not a directory"):
        write_outputs(small_briefing(), config, config.output / "below")
    assert config.output.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(tmp_path):
    config = config_for(tmp_path)
    before = previous_briefing(config.output)
    config.output.chmod(0o555)
    try:
        with pytest.raises(RenderError, match="cannot write the briefing: Permission denied"):
            write_outputs(small_briefing(), config, config.output)
        assert briefing_files(config.output) == before
    finally:
        config.output.chmod(0o755)


@pytest.mark.parametrize("template, message", [
    ("{% extends 'default/briefing.html' %}\n{% block header %}\n{% if %}\n{% endblock %}",
     r"tpl/briefing.html:3: template syntax error: Expected an expression"),
    ("{% extends 'default/briefing.html' %}\n{% block header %}\n\n{{ nothing.here }}{% endblock %}",
     r"tpl/briefing.html:4: template error: 'nothing' is undefined"),
    ("<p>\n{% include 'missing.html' %}</p>", r"tpl: template not found: missing.html"),
])
def test_broken_template_keeps_previous_briefing(tmp_path, template, message):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "briefing.html").write_text(template, encoding="utf-8")
    config = config_for(tmp_path, "templates: tpl\n")
    before = previous_briefing(config.output)
    with pytest.raises(RenderError, match=message) as err:
        write_outputs(small_briefing(), config, config.output)
    assert err.value.exit_code == 2 and "\n" not in str(err.value)  # the user's to fix, like the config
    assert briefing_files(config.output) == before


def test_templates_folder_removed_after_loading_the_config(tmp_path):
    (tmp_path / "gone").mkdir()
    config = config_for(tmp_path, "templates: gone\n")
    (tmp_path / "gone").rmdir()
    with pytest.raises(RenderError, match=r"gone: templates folder does not exist"):
        write_outputs(small_briefing(), config, config.output)


@pytest.fixture
def fast_model(monkeypatch, nlp):
    """CLI runs reuse the session's loaded model instead of loading their own."""
    monkeypatch.setattr("digest.cli.load_model", lambda name: nlp)


def test_cli_template_failure_exits_2_with_one_line(project, monkeypatch, fast_model):
    monkeypatch.chdir(project)
    (project / "tpl").mkdir()
    (project / "tpl" / "briefing.html").write_text("<h1>{{ b.title }</h1>\n", encoding="utf-8")
    with open(project / "config" / "digest.yaml", "a", encoding="utf-8") as fh:
        fh.write("templates: ../tpl\n")
    before = previous_briefing(project / "output")
    result = CliRunner().invoke(main, ["run", "--date", str(DAY)])
    assert result.exit_code == 2  # a template mistake is the user's to fix, like the config (README: exit codes)
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == f"digest: {project / 'tpl' / 'briefing.html'}:1: template syntax error: unexpected '}}'"
    assert "Traceback" not in result.output
    assert briefing_files(project / "output") == before


def test_cli_every_input_skipped_says_so(tmp_path, monkeypatch, caplog):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "--inputs", "in", "--output", "out"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "digest: all 2 input files were skipped (reasons above); no briefing written")
    assert "empty.txt: empty file" in caplog.text and "scan.pdf: unsupported file type '.pdf'" in caplog.text
    assert not list((tmp_path / "out").glob("*briefing*"))  # the lock may create the folder; no briefing


def test_cli_writes_briefing_despite_bad_files(project, monkeypatch, fast_model, caplog):
    """Exit 0; the skipped files are in the log, the JSON and the PDF; a wire copy counts once."""
    monkeypatch.chdir(project)
    inputs = project / "inputs"
    first = sorted(inputs.iterdir())[0]
    shutil.copy(first, inputs / "zz_wire_copy.txt")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inputs / "future.md").write_text("---\npublished: 2031-01-01\n---\nThe premier of Ruritania met "
                                      "the mayor of Gotham in Zenda on Tuesday for talks on trade.\n",
                                      encoding="utf-8")
    caplog.set_level("INFO")
    result = CliRunner().invoke(main, ["run", "--date", str(DAY)])
    assert result.exit_code == 0, result.output
    assert "future.md: published 2031-01-01, after the briefing date 2024-03-20" in caplog.text
    assert caplog.text.count("empty.txt: empty file") == 1  # logged once, not by each stage
    assert caplog.text.count("photo.txt: binary file, not text") == 1
    data = json.loads((project / "output" / f"briefing-{DAY}.json").read_text(encoding="utf-8"))
    assert {Path(s["path"]).name: s["reason"] for s in data["skipped"]} == {
        "empty.txt": "empty file", "photo.txt": "binary file, not text"}
    assert len(data["sources"]) == 4
    original = next(s for s in data["sources"] if Path(s["path"]).name == first.name)
    assert [Path(c).name for c in original["copies"]] == ["zz_wire_copy.txt"]
    future = next(s for s in data["sources"] if Path(s["path"]).name == "future.md")
    assert future["published"] == "2031-01-01"
    pdf = " ".join(p.extract_text() for p in PdfReader(project / "output" / f"briefing-{DAY}.pdf").pages)
    pdf = re.sub(r"\s+", " ", pdf)
    assert "empty.txt: empty file" in pdf and "photo.txt: binary file, not text" in pdf
    assert "Same story, counted once, also in: zz_wire_copy.txt" in pdf


def test_leftovers_of_killed_runs_are_removed_and_others_kept(project, monkeypatch, fast_model):
    monkeypatch.chdir(project)
    out = project / "output"
    out.mkdir()
    old = [out / f".briefing-{DAY}.pdf.k3j2x.tmp", out / ".briefing-2024-03-01.json.a1b2.tmp",
           out / ".digest-state.json.zz9.tmp"]
    for path in old:
        path.write_bytes(b"half a file")
        os.utime(path, (1_000_000_000, 1_000_000_000))
    (out / "notes.tmp").write_text("the operator's own", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", "--date", str(DAY)])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in old)
    assert (out / "notes.tmp").exists()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".briefing")) == []


def test_a_run_killed_between_renames_is_redone_even_with_nothing_new(project, monkeypatch, fast_model):
    """New JSON, old HTML and PDF: the next run sees that the set is mixed and renders it whole."""
    monkeypatch.chdir(project)
    with open(project / "config" / "digest.yaml", "a", encoding="utf-8") as fh:
        fh.write("schedule:\n  skip_unchanged: true\n")
    assert CliRunner().invoke(main, ["run", "--date", str(DAY)]).exit_code == 0
    out = project / "output"
    real_replace = os.replace
    renamed = []

    def replace_then_die(src, dst):
        if Path(dst).parent == out and Path(dst).name.startswith("briefing-"):
            renamed.append(Path(dst).suffix)
            if len(renamed) == 2:
                raise KeyboardInterrupt  # stands in for a kill after the first rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_die)
    CliRunner().invoke(main, ["run", "--date", str(DAY), "--force"])
    monkeypatch.setattr(os, "replace", real_replace)
    assert renamed == [".json", ".html"]  # the PDF is renamed last
    files = {kind: out / f"briefing-{DAY}.{kind}" for kind in ("json", "html", "pdf")}
    mixed = {kind: path.stat().st_mtime_ns for kind, path in files.items()}
    assert mixed["json"] > mixed["html"]

    result = CliRunner().invoke(main, ["run", "--date", str(DAY)])
    assert result.exit_code == 0, result.output
    after = {kind: path.stat().st_mtime_ns for kind, path in files.items()}
    assert all(after[kind] > mixed["json"] for kind in files)  # all three rendered again, together
    assert CliRunner().invoke(main, ["run", "--date", str(DAY)]).exit_code == 0
    assert {kind: path.stat().st_mtime_ns for kind, path in files.items()} == after  # and then left alone
