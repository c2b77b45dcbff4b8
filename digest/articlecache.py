"""Collected articles kept between runs, so a rerun reads only the files that changed.

An hourly job over a growing folder used to read, decode, clean and compare
every file again: 3 s at 300 articles, most of a rerun after one new article.
Here each file version is known by its path, size, modification and change
time (as make and rsync do; ctime too, because `touch -d` and `cp -p` can set
mtime back, but nothing sets ctime): an unchanged file is not opened at all.
A file whose times changed but whose bytes did not (a checkout, a copy) is
read and hashed, but not decoded again. What is stored is what collect made:
the decoded, cleaned Article, or the reason it was skipped, and the near-copy
index (copies.py).

Everything is in one SQLite file, written in one transaction at the end of a
collect, so a killed run leaves the previous state. Entries are keyed by a
fingerprint of digest's own code and of the libraries that decode and date
articles: an upgrade starts afresh instead of serving articles read by other
rules. A file that cannot be opened as a database is replaced, because a cache
must never be the reason a briefing fails. Warnings logged while reading a
file (an unknown front matter key, a guessed encoding) appear on the run that
read it, not on every rerun.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import sqlite3
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path
from typing import Callable

from .copies import CopyIndex, text_key
from .errors import SourceError
from .models import Article

log = logging.getLogger(__name__)

# Libraries whose output is stored: a new version may decode, clean or date differently.
LIBRARIES = ("charset-normalizer", "dateparser", "markdown-it-py", "pyyaml", "trafilatura", "lxml_html_clean")

SCHEMA = """
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER,
                                 variant TEXT NOT NULL, content TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS contents(content TEXT PRIMARY KEY, article TEXT, reason TEXT, text TEXT) WITHOUT ROWID;
"""
STORED = [f.name for f in fields(Article) if f.name not in ("path", "copies")]  # copies: per run


def fingerprint() -> str:
    """What a stored article depends on besides its bytes: digest's code and the decoding libraries."""
    h = hashlib.sha256(",".join(STORED).encode("utf-8"))
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            h.update(f"\0{name}=={importlib.metadata.version(name)}".encode("utf-8"))
        except importlib.metadata.PackageNotFoundError:
            h.update(f"\0{name}".encode("utf-8"))
    return h.hexdigest()


class ArticleCache:
    """File versions -> collected articles, in `path` (an SQLite file), or in memory when path is None.

    Use as a context manager around one collect: on a clean exit the files not
    seen in this run are forgotten and everything is committed.
    """

    def __init__(self, path: Path | None):
        self.path = path
        self.db = self._open()
        self.copies = CopyIndex(self.db)
        self.seen: dict[str, str] = {}  # path -> content key, this run

    def _open(self) -> sqlite3.Connection:
        if self.path is None:
            return self._prepare(sqlite3.connect(":memory:"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._prepare(sqlite3.connect(self.path))
        except sqlite3.DatabaseError as exc:
            log.warning("%s: replacing unreadable article cache (%s)", self.path, exc)
            self.path.unlink(missing_ok=True)
            return self._prepare(sqlite3.connect(self.path))

    @staticmethod
    def _prepare(db: sqlite3.Connection) -> sqlite3.Connection:
        """Open the tables, dropping all of them first when another digest wrote them: the
        schema may have changed with the code, and so may what its articles would be."""
        db.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        salt = fingerprint()
        stored = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
        if stored is None or stored[0] != salt:
            tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'meta'").fetchall()
            for (table,) in tables:
                db.execute(f'DROP TABLE "{table}"')
            db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (salt,))
        db.executescript(SCHEMA)
        return db

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, kind, value, tb) -> None:
        try:
            if kind is None:
                self._forget_unseen()
                self.db.commit()
        finally:
            self.db.close()

    def read(self, path: Path, read_bytes: Callable[[], bytes], parse: Callable[[bytes], Article],
             variant: str = "") -> Article:
        """The article in `path`, from the cache when this version of the file was read before.

        `read_bytes` and `parse` are collect's own reader, split at the point
        where the content hash is known; `variant` names the settings `parse`
        depends on besides the bytes (the model's length limit). Raises
        SourceError like the reader, also for a skip remembered from an earlier run.
        """
        stat = self._stat(path)
        if stat is not None:
            row = self.db.execute("SELECT content FROM files WHERE path = ? AND size = ? AND mtime = ? "
                                  "AND ctime = ? AND variant = ?", (str(path), *stat, variant)).fetchone()
            if row is not None and (found := self._content(row[0], path)) is not None:
                return found
        raw = read_bytes()  # errors here (gone, unreadable, too large, empty) are not remembered
        content = hashlib.sha256(f"{variant}\0{path.suffix.lower()}\0".encode("utf-8") + raw).hexdigest()
        self._remember(path, stat, variant, content)
        found = self._content(content, path)
        if found is not None:
            return found
        try:
            article = parse(raw)
        except SourceError as exc:
            self.db.execute("INSERT OR REPLACE INTO contents VALUES (?, NULL, ?, NULL)", (content, exc.message))
            raise
        self.db.execute("INSERT OR REPLACE INTO contents VALUES (?, ?, NULL, ?)",
                        (content, _dump(article), text_key(article.text)))
        return article

    @staticmethod
    def _stat(path: Path) -> tuple[int, int, int] | None:
        """Size and times of a regular file; None (never cached by version) for a link or a failure,
        since the target of a link can change while the link's own times do not."""
        try:
            if path.is_symlink():
                return None
            st = path.stat()
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns, st.st_ctime_ns

    def _remember(self, path: Path, stat: tuple[int, int, int] | None, variant: str, content: str) -> None:
        self.seen[str(path)] = content
        if stat is not None:
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                            (str(path), *stat, variant, content))

    def _content(self, content: str, path: Path) -> Article | None:
        row = self.db.execute("SELECT article, reason FROM contents WHERE content = ?", (content,)).fetchone()
        if row is None:
            return None
        self.seen[str(path)] = content
        if row[1] is not None:
            raise SourceError(row[1], path)
        return _load(row[0], path)

    def _forget_unseen(self) -> None:
        """Keep only this run's files and their texts, so the cache is the inputs' size, not their history."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS seen(path TEXT PRIMARY KEY, content TEXT)")
        db.execute("DELETE FROM seen")
        db.executemany("INSERT INTO seen VALUES (?, ?)", self.seen.items())
        db.execute("DELETE FROM files WHERE path NOT IN (SELECT path FROM seen)")
        db.execute("DELETE FROM contents WHERE content NOT IN (SELECT content FROM seen)")
        self.copies.retain({t for (t,) in db.execute("SELECT text FROM contents WHERE text IS NOT NULL")})


def _dump(article: Article) -> str:
    data = {name: value for name, value in asdict(article).items() if name in STORED}
    data["published"] = article.published.isoformat() if article.published else None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _load(payload: str, path: Path) -> Article:
    """A stored article under its current path, with no copies yet (this run's collect finds them)."""
    data = json.loads(payload)
    if data["published"] is not None:
        data["published"] = date.fromisoformat(data["published"])
    return Article(path=path, **data)
