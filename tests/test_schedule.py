"""The scheduler loop driven by the real `schedule` library on a controllable clock."""
from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import schedule

from digest.config import load_config
from digest.deliver.schedule import MAX_NAP, loop, plan
from digest.errors import DigestError
from digest.models import ScheduleConfig

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    """Wall-clock time that moves only when the loop naps; `suspend` adds a jump, like a sleeping laptop."""

    def __init__(self, start: dt.datetime, until: dt.datetime, stop: threading.Event):
        self.now, self.until, self.stop = start, until, stop
        self.naps: list[float] = []
        self.suspend = dt.timedelta(0)

    def sleep(self, seconds: float) -> None:
        self.naps.append(seconds)
        self.now += dt.timedelta(seconds=seconds) + self.suspend
        self.suspend = dt.timedelta(0)
        if self.now >= self.until:
            self.stop.set()


@pytest.fixture
def make_clock(monkeypatch):
    """Point `schedule`'s datetime.now at a Clock; the machine's zone is fixed to UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    clocks = []

    def make(start, until):
        clock = Clock(start, until, threading.Event())
        clocks.append(clock)

        class Now(dt.datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.now if tz is None else clock.now.astimezone(tz)

        monkeypatch.setattr(schedule, "datetime", SimpleNamespace(datetime=Now, timedelta=dt.timedelta,
                                                                  time=dt.time))
        return clock

    yield make
    monkeypatch.undo()
    time.tzset()


def run(clock, settings, job=None, run_now=False):
    """Drive the loop until the clock passes `until`; return the times the job ran."""
    ran = []

    def record():
        ran.append(clock.now)
        return job() if job else "ok"

    scheduler = schedule.Scheduler()
    plan(scheduler, settings, record)
    loop(scheduler, clock.stop, run_now=run_now, sleep=clock.sleep)
    return ran


def test_daily_at_time_in_time_zone(make_clock, caplog):
    caplog.set_level(logging.INFO, logger="digest")
    clock = make_clock(dt.datetime(2024, 3, 18, 5, 0), dt.datetime(2024, 3, 20, 8, 0))
    settings = ScheduleConfig(every="day", at="07:00", timezone="Europe/Berlin", interval=1, unit="days")
    ran = run(clock, settings)
    # 07:00 in Berlin is 06:00 UTC in March (before the switch to summer time).
    assert [t.replace(second=0, microsecond=0) for t in ran] == [
        dt.datetime(2024, 3, 18, 6, 0), dt.datetime(2024, 3, 19, 6, 0), dt.datetime(2024, 3, 20, 6, 0)]
    assert max(clock.naps) <= MAX_NAP
    assert "next run at 2024-03-19 06:00:00" in caplog.text
    assert caplog.text.count("run finished: ok") == 3


def test_weekday(make_clock):
    clock = make_clock(dt.datetime(2024, 3, 16, 12, 0), dt.datetime(2024, 3, 26, 0, 0))  # Saturday
    ran = run(clock, ScheduleConfig(every="monday", at="08:30", interval=1, unit="monday"))
    assert [(t.strftime("%A"), t.strftime("%H:%M"), t.day) for t in ran] == [
        ("Monday", "08:30", 18), ("Monday", "08:30", 25)]


def test_failed_run_is_logged_and_the_next_one_happens(make_clock, caplog):
    caplog.set_level(logging.INFO, logger="digest")
    clock = make_clock(dt.datetime(2024, 3, 18, 0, 0), dt.datetime(2024, 3, 18, 0, 0, 35))
    outcomes = iter([DigestError("no readable articles"), RuntimeError("a bug"), "fine"])

    def job():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    ran = run(clock, ScheduleConfig(every="10 seconds", at=None, interval=10, unit="seconds"), job)
    assert len(ran) == 3
    assert "run failed: no readable articles" in caplog.text
    assert "RuntimeError: a bug" in caplog.text  # the traceback of a bug is kept
    assert "run finished: fine" in caplog.text


def test_missed_slots_run_once_after_wake(make_clock):
    clock = make_clock(dt.datetime(2024, 3, 18, 0, 0), dt.datetime(2024, 3, 18, 7, 1))
    calls = []

    def job():
        calls.append(clock.now)
        if len(calls) == 1:
            clock.suspend = dt.timedelta(hours=5)  # the machine sleeps through five due times
        return "ok"

    ran = run(clock, ScheduleConfig(every="hour", at=None, interval=1, unit="hours"), job, run_now=True)
    assert [t.strftime("%H:%M") for t in ran] == ["00:00", "05:00", "06:00", "07:00"]


def test_run_now_then_stop_between_runs(make_clock):
    clock = make_clock(dt.datetime(2024, 3, 18, 0, 0), dt.datetime(2024, 3, 18, 0, 0))

    def job():
        clock.stop.set()  # as SIGTERM during a run: it finishes, no further run starts
        return "ok"

    ran = run(clock, ScheduleConfig(every="30 seconds", at=None, interval=30, unit="seconds"), job, run_now=True)
    assert len(ran) == 1 and clock.naps == []


ARTICLE = """---
title: Ministers meet in Geneva
outlet: Test Wire
published: 2024-03-18
---
Swiss Foreign Minister Ignazio Cassis met Norwegian Foreign Minister Espen Barth Eide in Geneva on Monday.
Cassis said the talks were constructive.
"""


def test_schedule_process_runs_repeatedly_and_stops_cleanly_on_sigterm(tmp_path):
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "geneva.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "digest.yaml").write_text(
        "title: T\ninputs: [inputs]\noutput: out\nschedule:\n  every: 1 second\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(tmp_path / "digest.yaml")],
                            cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(120, proc.kill)  # only guards against a hang; not a timing assertion
    watchdog.start()
    log = []
    try:
        for line in proc.stderr:
            log.append(line)
            if sum("run finished" in entry for entry in log) == 2:
                break
        proc.send_signal(signal.SIGTERM)
        log += proc.stderr.readlines()
        code = proc.wait()
    finally:
        watchdog.cancel()
    text = "".join(log)
    assert code == 0, text
    assert text.count("run finished: wrote") >= 2 and "SIGTERM received" in text and "INFO stopped" in text
    out = tmp_path / "out"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    pdfs = list(out.glob("briefing-*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("every,at", [
    ("day", "07:00"), ("2 days", "06:00:30"), ("sunday", "23:59"), ("week", ""), ("3 weeks", ""),
    ("6 hours", ":15"), ("hour", ""), ("10 minutes", ":30"), ("30 seconds", ""),
])
def test_every_schedule_the_config_accepts_can_be_planned(tmp_path, every, at):
    """config.py's checks and the `schedule` library agree: nothing valid fails at start-up."""
    (tmp_path / "digest.yaml").write_text(
        f"schedule:\n  every: {every}\n  at: '{at}'\n  timezone: America/New_York\n", encoding="utf-8")
    settings = load_config(tmp_path / "digest.yaml").schedule
    scheduler = schedule.Scheduler()
    plan(scheduler, settings, lambda: None)
    assert scheduler.next_run is not None
