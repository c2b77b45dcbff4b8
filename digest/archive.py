"""Fetched feeds and pages, kept in <output>/archive/ so every briefing can be rebuilt offline.

Layout: `archive/<host>/<hash>.html` (a page as the server sent it), `.md`
beside it (the text and metadata digest read from it, with front matter,
which is what the briefing is made from), `.xml` for a feed, and
`archive/index.json`, which maps each URL to its files and to the ETag and
Last-Modified that make the next request conditional. `<hash>` is of the URL,
so a page that changes keeps its name and its latest copy.

Archived pages are opened from the briefing's sources list in a browser, so
each starts with a Content-Security-Policy that stops its scripts and its
requests to the network; the hash in the index is of the body as received.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from .errors import SourceError
from .fetch import Response, redact

log = logging.getLogger(__name__)

INDEX = "index.json"
NO_SCRIPTS = (b'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
              b'style-src \'unsafe-inline\'; img-src data:">\n')


@dataclass
class Record:
    """What the archive holds for one URL."""

    url: str  # as asked for (a feed's link, a line of a links file)
    file: str  # "<host>/<hash>", relative to the archive folder, without suffix
    final_url: str  # after redirects
    sha256: str  # of the body as received, to tell a changed page from a re-sent one
    fetched: str  # when this copy was fetched (ISO 8601, UTC)
    etag: str | None = None
    last_modified: str | None = None
    published_from: str | None = None  # pages: "html metadata" or "feed", when the date came from there


class Archive:
    """The archive folder and its index; safe to use from several threads."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = threading.Lock()
        self._changed = False
        try:
            data = json.loads((root / INDEX).read_text(encoding="utf-8"))
            self._records = {url: Record(**r) for url, r in data.items()}
        except FileNotFoundError:
            self._records = {}
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            # Unreadable index: every URL is fetched afresh and the copies overwritten; nothing is lost.
            log.warning("%s: unreadable archive index, fetching everything again (%s)", root / INDEX, exc)
            self._records = {}

    def record(self, url: str) -> Record | None:
        with self._lock:
            return self._records.get(redact(url))

    def path(self, record: Record, suffix: str) -> Path:
        return self.root / f"{record.file}{suffix}"

    def has(self, record: Record | None, suffix: str) -> bool:
        return record is not None and self.path(record, suffix).is_file()

    def read(self, record: Record, suffix: str) -> bytes:
        try:
            return self.path(record, suffix).read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read the archived copy: {exc.strerror or exc}",
                              self.path(record, suffix)) from exc

    def store(self, url: str, response: Response, suffix: str, published_from: str | None = None) -> Record:
        """Keep a fetched body under its URL's name and return its new record (not yet in the index).

        URLs are kept without any password in them: the archive is for reading.
        """
        url = redact(url)
        parts = urlsplit(url)
        host = re.sub(r"[^\w.-]", "_", f"{parts.hostname}_{parts.port}" if parts.port else str(parts.hostname))
        record = Record(url=url, file=f"{host}/{hashlib.sha256(url.encode('utf-8')).hexdigest()[:20]}",
                        final_url=redact(response.final_url), sha256=hashlib.sha256(response.body).hexdigest(),
                        fetched=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                        published_from=published_from)
        body = NO_SCRIPTS + response.body if suffix == ".html" else response.body
        self.write(record, suffix, body)
        return record

    def write(self, record: Record, suffix: str, payload: bytes) -> None:
        """Write one archived file atomically, so a killed run never leaves half a page to rebuild from."""
        target = self.path(record, suffix)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(target, payload)
        except OSError as exc:
            raise SourceError(f"cannot write the archived copy: {exc.strerror or exc}", target) from exc

    def remember(self, record: Record) -> None:
        """Put a record in the index (written by save())."""
        with self._lock:
            self._records[record.url] = record
            self._changed = True

    def revalidated(self, record: Record, response: Response) -> None:
        """A 304 or an identical body: keep the copy, take any new validators the server sent."""
        etag = response.headers.get("etag") or record.etag
        modified = response.headers.get("last-modified") or record.last_modified
        if (etag, modified) != (record.etag, record.last_modified):
            record.etag, record.last_modified = etag, modified
            self.remember(record)

    def save(self) -> None:
        """Write the index; failing only costs unconditional requests next run."""
        with self._lock:
            if not self._changed:
                return
            payload = json.dumps({u: asdict(r) for u, r in sorted(self._records.items())}, indent=1)
            self._changed = False
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            _atomic_write(self.root / INDEX, payload.encode("utf-8"))
        except OSError as exc:
            log.warning("%s: cannot write the archive index (%s)", self.root / INDEX, exc.strerror or exc)


def _atomic_write(path: Path, payload: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
