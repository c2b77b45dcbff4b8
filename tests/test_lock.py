"""The output folder lock: busy while held, free again when its holder dies."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
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



def test_full_disk_at_the_lock_is_one_line_and_exit_1(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "output").mkdir()
    (project / "output" / LOCK_NAME).symlink_to("/dev/full")  # every write: No space left on device
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1
    assert result.output == f"digest: {project / 'output' / LOCK_NAME}: cannot write the lock file: " \
                            "No space left on device\n"


def children_of(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="extraction forks workers only with 2 or more cores")
def test_kill_9_during_extraction_frees_the_lock_and_ends_the_workers(tmp_path):
    """A run killed while its workers parse: an immediate rerun may lock, and the workers are gone."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    rng = random.Random(15)
    people, cities = ["Anna Berg", "Lars Holm", "Mira Sand", "Olaf Nyberg", "Ines Dahl"], ["Oslo", "Rome", "Lima"]
    for i in range(40):  # distinct texts (a copy counts once), enough to keep two workers busy for a while
        (inputs / f"{i:02}.txt").write_text(" ".join(
            f"On {rng.randint(1, 28)} March 2024 {rng.choice(people)} met {rng.choice(people)} in "
            f"{rng.choice(cities)}, and said the talks number {rng.randint(1, 10**6)} had gone well."
            for _ in range(60)), encoding="utf-8")
    job = subprocess.Popen([sys.executable, "-m", "digest", "run", "--inputs", str(inputs), "--output",
                            str(tmp_path / "out"), "--date", "2024-03-20"], cwd=tmp_path,
                           env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and job.poll() is None:
            workers = children_of(job.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the run ended or never forked its workers"
        time.sleep(0.5)  # the workers are parsing now
        job.send_signal(signal.SIGKILL)
        job.wait()
        with job_lock(tmp_path / "out"):  # at once: no worker holds the lock
            pass
        deadline = time.monotonic() + 5
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(w) for w in workers)
    finally:
        job.kill()
