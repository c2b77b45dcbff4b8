"""Run a job on the config's schedule with the `schedule` library until told to stop.

The loop naps at most MAX_NAP seconds at a time and then looks at the wall
clock again: a monotonic sleep does not advance while the machine is
suspended, so one long sleep would wake hours late. After a wake-up (or a
stopped process) past several due times, `schedule` runs the job once and
plans the next run from now, so missed slots are not replayed.
"""
from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable

import schedule

from ..errors import DigestError
from ..models import ScheduleConfig

MAX_NAP = 30.0
log = logging.getLogger(__name__)


def plan(scheduler: schedule.Scheduler, settings: ScheduleConfig, job: Callable[[], object]) -> schedule.Job:
    """Add `job` to `scheduler` as config.py parsed `schedule.every`, `at` and `timezone`."""
    planned = getattr(scheduler.every(settings.interval), settings.unit)
    if settings.at:
        planned = planned.at(settings.at, settings.timezone)
    return planned.do(_survive, job)


def _survive(job: Callable[[], object]) -> None:
    """Run the job and log how it ended; never let it raise into `schedule`.

    A job that raises is not rescheduled by `schedule` and would be retried in
    a tight loop, so every failure, even a bug, is logged (with its traceback)
    and the loop waits for the next due time.
    """
    log.info("run started")
    try:
        outcome = job()
    except DigestError as exc:
        log.error("run failed: %s", exc)
    except Exception:  # noqa: BLE001 - the loop must outlive any single run
        log.exception("run failed")
    else:
        log.info("run finished: %s", outcome)


def loop(scheduler: schedule.Scheduler, stop: threading.Event, run_now: bool = False,
         sleep: Callable[[float], object] | None = None) -> None:
    """Run due jobs until `stop` is set; `sleep` defaults to waiting on `stop`, so a signal wakes it."""
    sleep = sleep or stop.wait
    if run_now:
        scheduler.run_all()
    log.info("next run at %s", _when(scheduler))
    while not stop.is_set():
        before = scheduler.next_run
        scheduler.run_pending()
        if scheduler.next_run != before:
            log.info("next run at %s", _when(scheduler))
        if stop.is_set():
            break
        sleep(min(max(scheduler.idle_seconds or 0.0, 0.0), MAX_NAP))
    log.info("stopped")


def _when(scheduler: schedule.Scheduler) -> str:
    """The next run in the machine's local time, to the second (as `schedule` keeps it)."""
    return scheduler.next_run.isoformat(sep=" ", timespec="seconds") if scheduler.next_run else "never"


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM and SIGINT end the loop after the run in progress; a second one aborts at once.

    Outputs are renamed into place whole (render.write_outputs), so an abort
    leaves no half-written briefing, only a temporary file at worst.
    """
    def handle(signum: int, frame: object) -> None:
        log.info("%s received; stopping after the current run", signal.Signals(signum).name)
        # set from another thread: the handler runs in the main thread, which may be inside
        # stop.wait() holding the event's lock, and setting it here would deadlock
        threading.Thread(target=stop.set, daemon=True).start()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
