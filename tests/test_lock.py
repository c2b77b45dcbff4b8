"""The output folder lock: busy while held, free again when its holder dies."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.errors import LockError
from digest.lock import LOCK_NAME, job_lock

ROOT = Path(__file__).resolve().parent.parent


def test_second_holder_is_refused_with_the_first_ones_pid(tmp_path):
    with job_lock(tmp_path / "out"):
        with pytest.raises(LockError) as err:
            with job_lock(tmp_path / "out"):
                pass
    assert f"pid {os.getpid()}" in str(err.value)
    assert str(err.value).startswith(f"{tmp_path / 'out' / LOCK_NAME}: another digest job")
    with job_lock(tmp_path / "out"):  # released after the block
        pass


def test_lock_of_a_killed_process_does_not_block(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\nfrom digest.lock import job_lock\n"
         "with job_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    time.sleep(600)\n",
         str(tmp_path)], env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError, match=f"pid {holder.pid}"):
            with job_lock(tmp_path):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (tmp_path / LOCK_NAME).exists()  # the stale file is still there ...
    with job_lock(tmp_path):  # ... and does not block
        assert f"pid {os.getpid()}" in (tmp_path / LOCK_NAME).read_text()


def test_run_refuses_while_another_job_holds_the_output(project, monkeypatch):
    monkeypatch.chdir(project)
    with job_lock(project / "output"):
        result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1
    assert "another digest job is using this output folder" in result.output
    assert not list((project / "output").glob("briefing-*"))

