"""What the previous briefing was made from, so the next one can mark what is new.

`<output>/.digest-state.json` maps each source's sha256 to its path. It is
written only after a run has fully succeeded (rendered and, if asked, sent),
so a failed run does not make the next one treat unsent articles as old.
A missing or unreadable state file means "no previous briefing": everything
is new, and nothing is skipped.
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
log = logging.getLogger(__name__)


def load_seen(output: Path) -> set[str] | None:
    """Hashes of the sources of the previous briefing, or None if there was none."""
    path = output / STATE_NAME
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return set(state["sources"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s: unreadable, treating every source as new (%s)", path, exc)
        return None


def has_new(articles: list[Article], seen: set[str] | None) -> bool:
    return seen is None or any(a.sha256 not in seen for a in articles)


def mark_new(briefing: Briefing, seen: set[str] | None) -> int:
    """Set Source.new for sources absent from the previous briefing; return how many."""
    for source in briefing.sources:
        source.new = seen is None or source.article.sha256 not in seen
    return sum(s.new for s in briefing.sources)


def save_seen(output: Path, briefing: Briefing) -> None:
    """Record this briefing's sources, atomically (a torn state file would mark everything new)."""
    state = {"briefing_date": briefing.date.isoformat(),
             "sources": {s.article.sha256: str(s.article.path) for s in briefing.sources}}
    fd, tmp = tempfile.mkstemp(prefix=f".{STATE_NAME}.", suffix=".tmp", dir=output)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state, fh, indent=1)
        os.replace(tmp, output / STATE_NAME)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DigestError(f"cannot record the run state: {exc.strerror or exc}", output / STATE_NAME) from exc
