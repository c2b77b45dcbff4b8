"""What an operator sees: `digest check` on schedule and email settings, `digest schedule` errors."""
from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

from digest.cli import main


def test_schedule_help_has_an_example():
    assert "Example: digest schedule" in CliRunner().invoke(main, ["schedule", "--help"]).output


def test_check_reports_schedule_and_missing_password(project, monkeypatch):
    monkeypatch.chdir(project)
    monkeypatch.delenv("DIGEST_SMTP_PASSWORD", raising=False)
    (project / "config" / "digest.yaml").write_text(
        "inputs: [../inputs]\noutput: ../output\nschedule:\n  every: monday\n  at: '08:00'\n"
        "  timezone: Europe/Berlin\nemail:\n  username: digest\n  password_env: DIGEST_SMTP_PASSWORD\n"
        "  to: [ann@example.org]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output
    assert "schedule: every monday at 08:00 (Europe/Berlin)" in result.output
    assert "password from environment variable DIGEST_SMTP_PASSWORD: NOT SET" in result.output
    monkeypatch.setenv("DIGEST_SMTP_PASSWORD", "s3cret")
    result = CliRunner().invoke(main, ["check"])
    assert "DIGEST_SMTP_PASSWORD: set" in result.output and "s3cret" not in result.output


def test_schedule_with_bad_config_exits_2(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "config" / "digest.yaml").write_text("schedule:\n  every: fortnight\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["schedule"])
    assert result.exit_code == 2
    assert result.output.startswith("digest: config/digest.yaml:2: 'schedule.every' must be like day")


def test_send_without_readers_fails_before_rendering(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["run", "--send"])
    assert result.exit_code == 1
    assert "no readers to send to" in result.output
    assert not (project / "output").exists()


def write_config(project, extra: str) -> None:
    (project / "config" / "digest.yaml").write_text(
        "inputs: [../inputs]\noutput: ../output\n" + extra, encoding="utf-8")


def test_check_and_run_refuse_a_missing_templates_folder(project, monkeypatch):
    monkeypatch.chdir(project)
    write_config(project, "templates: ../mine\n")
    for command in ("check", "run"):
        result = CliRunner().invoke(main, [command])
        assert result.exit_code == 2, command
        assert result.output.strip() == (f"digest: config/digest.yaml:3: 'templates' folder does not exist: "
                                         f"{project / 'mine'}")


@pytest.mark.parametrize("command", ["check", "run"])
def test_template_syntax_error_names_template_and_line_and_exits_2(project, monkeypatch, command):
    monkeypatch.chdir(project)
    (project / "mine").mkdir()
    (project / "mine" / "timeline.html").write_text("<p>\n{% for x in %}\n</p>\n", encoding="utf-8")
    write_config(project, "templates: ../mine\n")
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == 2
    assert result.output.strip() == (f"digest: {project / 'mine' / 'timeline.html'}:2: "
                                     "template syntax error: Expected an expression, got 'end of statement block'")
    assert not (project / "output").exists()  # found before any article was read


def test_check_reports_an_output_folder_that_cannot_be_written(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "blocker").write_text("a file, not a folder", encoding="utf-8")
    write_config(project, "output: ../blocker/out\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert f"output   {project / 'blocker' / 'out'}: cannot be created: {project / 'blocker'} is not a folder" \
        in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_check_reports_a_read_only_output_folder(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "output").mkdir(mode=0o555)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert f"output   {project / 'output'}: cannot be written" in result.output


def test_check_skips_a_text_over_the_model_limit_and_is_fast(project, monkeypatch):
    monkeypatch.chdir(project)
    line = "The foreign minister met his counterpart in the capital and said talks would go on.\n"
    with open(project / "inputs" / "huge.txt", "w", encoding="utf-8") as fh:
        fh.write(line * (19_000_000 // len(line)))
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check"])
    assert time.monotonic() - started < 3  # it took 7 s to 24 s when it cut boilerplate and looked for copies
    assert result.exit_code == 0, result.output
    assert (f"skipped  {project / 'inputs' / 'huge.txt'}: text of {19_000_000 // len(line) * len(line)} characters "
            f"is over the language model's limit of 1000000") in result.output
    assert "3 readable, 1 skipped" in result.output


def test_check_never_echoes_a_password_written_as_password_env(project, monkeypatch):
    monkeypatch.chdir(project)
    write_config(project, "email:\n  username: digest\n  password_env: 'hunter2!Secret'\n")
    for command in ("check", "run"):
        result = CliRunner().invoke(main, [command])
        assert result.exit_code == 2
        assert "hunter2" not in result.output
        assert result.output.strip() == ("digest: config/digest.yaml:5: 'email.password_env' does not look like an "
                                         "environment variable name (letters, digits and _); put the password "
                                         "in a variable and write that variable's name here")


def test_inputs_given_twice_reads_both(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "more").mkdir()
    (project / "more" / "extra.txt").write_text("Anna Berg met Lars Holm in Oslo on 4 March 2024.\n",
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--inputs", "inputs", "--inputs", "more"])
    assert result.exit_code == 0, result.output
    assert "4 readable, 0 skipped" in result.output and "extra.txt" in result.output
