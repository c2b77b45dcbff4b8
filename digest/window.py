"""The `since:` window of an input: which articles are recent enough for this briefing.

An article is left out when it was published before the window opens, or,
having no publication date, was first seen by digest before it opens. The
first-seen time is only ever used for this choice, never shown as a date:
the moment a file was found or a page fetched says nothing about when it was
written. The window closes at the briefing: now for today's briefing, the
end of the day for a past one. Only the start is enforced, as for articles
without a window, an article dated after the briefing is kept (and logged).
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

log = logging.getLogger(__name__)

FIRST_SEEN_NAME = ".digest-first-seen.json"


class FirstSeen:
    """When each undated article (by content hash or URL) was first seen, kept across runs.

    Kept in the output folder beside the run state, not in .cache/: deleting
    the cache must not make last month's undated files look new again.
    """

    def __init__(self, output: Path, now: datetime):
        self.path = output / FIRST_SEEN_NAME
        self.now = now
        self.changed = False
        self._lock = threading.Lock()  # fetched pages are judged in threads
        try:
            self.seen = {k: datetime.fromisoformat(v) for k, v in
                         json.loads(self.path.read_text(encoding="utf-8")).items()}
        except FileNotFoundError:
            self.seen = {}
        except (OSError, ValueError, AttributeError, TypeError) as exc:
            log.warning("%s: unreadable, undated articles count as first seen now (%s)", self.path, exc)
            self.seen = {}

    def get(self, key: str) -> datetime:
        """When `key` was first seen; now, recorded, if never before."""
        with self._lock:
            if key not in self.seen:
                self.seen[key] = self.now
                self.changed = True
            return self.seen[key]

    def save(self) -> None:
        """Write the record atomically; failing costs only the undated articles' window next run."""
        if not self.changed:
            return
        payload = json.dumps({k: v.isoformat() for k, v in sorted(self.seen.items())}, indent=0)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{FIRST_SEEN_NAME}.", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(payload)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("%s: cannot record when articles were first seen (%s)", self.path, exc.strerror or exc)


@dataclass(frozen=True)
class Window:
    start: datetime  # timezone-aware
    zone: tzinfo
    first_seen: FirstSeen

    def admits(self, published: date | datetime | None, key: str) -> bool:
        """True when an article published then (or, undated, first seen under `key`) is recent enough.

        A date without a time is in the window when any part of that day is: a
        story dated yesterday is in "the last 24 hours" of a 07:00 briefing.
        """
        if isinstance(published, datetime):
            return published >= self.start
        if isinstance(published, date):
            return published >= self.start.astimezone(self.zone).date()
        return self.first_seen.get(key) >= self.start


def window_for(since: timedelta, briefing_date: date, now: datetime, zone: tzinfo | None,
               first_seen: FirstSeen) -> Window:
    """The window of `since` before the briefing, in the briefing's time zone."""
    zone = zone or now.astimezone().tzinfo or timezone.utc
    local_now = now.astimezone(zone)
    if briefing_date == local_now.date():
        end = local_now
    else:
        end = datetime.combine(briefing_date + timedelta(days=1), time(0), zone)
    return Window(start=end - since, zone=zone, first_seen=first_seen)
