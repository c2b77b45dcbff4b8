"""What an operator sees: `digest check` on schedule and email settings, `digest schedule` errors."""
from __future__ import annotations

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
