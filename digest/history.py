"""What the previous briefings were made from, so the next one can mark what is new.

`<output>/.digest-state.json` keeps two records, each mapping a source's
sha256 to its path: the sources of the last briefing *written* (any run) and
of the last one *sent* (a run that mailed it). A run that sends compares with
what was last sent, any other run with what was last written, so a preview
(`digest run`) never changes what the next mail calls new or whether
`skip_unchanged` lets it go out. A record is written only after its run fully
succeeded, so a failed send does not make the next one treat unsent articles
as old. A missing or unreadable record means "no previous briefing":
everything is new, and nothing is skipped.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from .errors import DigestError
from .models import Article, Briefing

STATE_NAME = ".digest-state.json"
WRITTEN, SENT = "written", "sent"
log = logging.getLogger(__name__)


def _load_state(path: Path) -> dict:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(state, dict):
            raise ValueError("not a mapping")
        return state
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable, treating every source as new (%s)", path, exc)
        return {}


def load_seen(output: Path, kind: str = WRITTEN) -> set[str] | None:
    """Hashes of the sources of the last briefing written (or sent), or None if there was none."""
    path = output / STATE_NAME
    record = _load_state(path).get(kind)
    if record is None:
        return None
    try:
        return set(record["sources"])
    except (KeyError, TypeError) as exc:
        log.warning("%s: unreadable '%s' record, treating every source as new (%s)", path, kind, exc)
        return None


def has_new(articles: list[Article], seen: set[str] | None) -> bool:
    return seen is None or any(a.sha256 not in seen for a in articles)


def mark_new(briefing: Briefing, seen: set[str] | None) -> int:
    """Set Source.new for sources absent from the previous briefing; return how many."""
    for source in briefing.sources:
        source.new = seen is None or source.article.sha256 not in seen
    return sum(s.new for s in briefing.sources)


def save_seen(output: Path, briefing: Briefing, kinds: tuple[str, ...] = (WRITTEN,)) -> None:
    """Record this briefing's sources as the last written (and sent), atomically.

    The other record is kept as it was: a preview must not touch what was sent.
    A torn state file would mark everything new, hence the rename.
    """
    path = output / STATE_NAME
    state = _load_state(path)
    record = {"briefing_date": briefing.date.isoformat(),
              "sources": {s.article.sha256: str(s.article.path) for s in briefing.sources}}
    state.update({kind: record for kind in kinds})
    fd, tmp = tempfile.mkstemp(prefix=f".{STATE_NAME}.", suffix=".tmp", dir=output)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state, fh, indent=1)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DigestError(f"cannot record the run state: {exc.strerror or exc}", path) from exc
