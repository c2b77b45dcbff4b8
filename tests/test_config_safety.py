"""Config mistakes and secrets: exit 2 with file, line and key; secrets only from the environment."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "digest.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_relative_paths_follow_the_config_file_not_the_cwd(tmp_path, monkeypatch):
    path = write(tmp_path / "conf", "inputs: [../in, /data/x/../news]\noutput: out\ntemplates: ~/tpl\n")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "tpl").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "conf")
    here = load_config(path)
    monkeypatch.chdir("/")
    there = load_config(path)
    assert here == there
    assert there.inputs == [tmp_path / "in", Path("/data/news")]
    assert there.output == tmp_path / "conf" / "out"
    assert there.templates == Path.home() / "tpl"


@pytest.mark.parametrize("text, message", [
    ("inputs: [in]\noutput: in\n", ":2: 'output' .* must not be inside the inputs folder"),
    ("inputs: [in]\noutput: ./in/./briefings\n", ":2: 'output' .* must not be inside the inputs folder"),
    ("inputs: [{root}/in]\noutput: {root}/elsewhere/../in/out\n", ":2: 'output' .* must not be inside"),
    ("inputs: [in, 3]\n", ":1: inputs entry 2 must be a folder path or a mapping such as 'feed: <url>', not a number"),
    ("inputs: []\n", ":1: 'inputs' must name at least one folder, feed or link"),
    ("limits:\n  max_file_bytes: -5\n", ":2: 'limits.max_file_bytes' must be positive"),
    ("limits:\n  max_file_bytes: 10 MB\n", ":2: 'limits.max_file_bytes' must be a number, not text"),
    ("render: yes\n", ":1: 'render' must be a mapping, not true/false"),
    ("render:\n  allow_remote_assets: 'no'\n", ":2: 'render.allow_remote_assets' must be true/false, not text"),
    ("limits:\n  max_bytes: 5\n", r":2: unknown key 'limits.max_bytes' \(did you mean 'limits.max_file_bytes'\?\)"),
    ("- a\n- b\n", ":1: the config must be a mapping"),
])
def test_config_mistakes_name_line_and_key(tmp_path, text, message):
    path = write(tmp_path, text.format(root=tmp_path))
    with pytest.raises(ConfigError, match=f"^{path}{message}") as err:
        load_config(path)
    assert err.value.exit_code == 2 and "\n" not in str(err.value)


def test_config_file_not_utf8(tmp_path):
    path = tmp_path / "digest.yaml"
    path.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(path)


def test_password_only_from_the_environment_and_never_shown(tmp_path, monkeypatch):
    text = ("email:\n  enabled: true\n  username: bot\n  password_env: DIGEST_TEST_SMTP\n"
            "  to: [reader@example.org]\n")
    monkeypatch.delenv("DIGEST_TEST_SMTP", raising=False)
    with pytest.raises(ConfigError, match=":4: environment variable DIGEST_TEST_SMTP is not set"):
        load_config(write(tmp_path, text))
    monkeypatch.setenv("DIGEST_TEST_SMTP", "s3cret-value")
    config = load_config(write(tmp_path, text))
    assert config.email.password == "s3cret-value"
    assert "s3cret-value" not in repr(config) and "s3cret-value" not in str(config.email)


def test_cli_output_inside_inputs_is_refused(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["run", "--inputs", "in", "--output", "in/briefings"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"digest: 'output' ({tmp_path / 'in' / 'briefings'}) "
                                     f"must not be inside the inputs folder {tmp_path / 'in'}")
    assert not (tmp_path / "in" / "briefings").exists()
