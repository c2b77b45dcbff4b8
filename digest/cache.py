"""On-disk cache of per-article extractions, so an hourly rerun skips spaCy.

An entry is keyed by what the extractor actually sees (the article's text and
publication date, which anchors relative dates), the model's name and version,
and EXTRACTOR_VERSION: changing any of them misses, so a new model or new rules
never serve stale results. The article itself is not stored: a hit is joined to
the freshly collected Article, so a renamed file keeps its new path.

Entries are JSON files written atomically (temp file + rename); an entry that
cannot be read or parsed is treated as a miss and overwritten, because a cache
must never be the reason a briefing fails.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, fields
from pathlib import Path

from .models import ActorMention, Article, DateValue, Extraction, MeetingMention, PositionMention

log = logging.getLogger(__name__)

FORMAT = 1  # layout of an entry file; bump when the JSON shape below changes
# The stored dataclasses' field names are part of every key, so adding or
# renaming a field in models.py invalidates old entries without a version bump.
SHAPE = ",".join(f"{cls.__name__}:{'/'.join(f.name for f in fields(cls))}"
                 for cls in (ActorMention, MeetingMention, PositionMention, DateValue))


class ExtractionCache:
    """Extractions stored as <folder>/<key[:2]>/<key>.json."""

    def __init__(self, folder: Path, model: str, extractor_version: str):
        self.folder = folder
        self.salt = f"{FORMAT}\0{SHAPE}\0{model}\0{extractor_version}\0"

    def key(self, article: Article) -> str:
        published = article.published.isoformat() if article.published else ""
        h = hashlib.sha256(self.salt.encode("utf-8"))
        h.update(published.encode("ascii") + b"\0")
        h.update(article.text.encode("utf-8"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction for this article, or None (missing, unreadable or corrupt)."""
        path = self._path(self.key(article))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return _extraction(article, data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("%s: ignoring unreadable cache entry (%s)", path, exc)
            return None

    def put(self, extraction: Extraction) -> None:
        """Store one extraction; a cache that cannot be written only costs time next run."""
        path = self._path(self.key(extraction.article))
        payload = dump_extraction(extraction)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write_text(path, payload)
        except OSError as exc:
            log.warning("%s: cannot write cache entry (%s)", path, exc.strerror or exc)


def dump_extraction(extraction: Extraction) -> str:
    """The JSON of an entry: the mentions only, since the article is collected afresh each run.
    Dask workers send back this same text (digest/cluster.py)."""
    return json.dumps({
        "actors": [asdict(a) for a in extraction.actors],
        "meetings": [asdict(m) for m in extraction.meetings],
        "positions": [asdict(p) for p in extraction.positions],
    }, ensure_ascii=False, separators=(",", ":"))


def load_extraction(article: Article, payload: str) -> Extraction:
    """An entry's JSON joined to the article it was extracted from."""
    return _extraction(article, json.loads(payload))


def _atomic_write_text(path: Path, payload: str) -> None:
    """Write beside the target and rename, so a killed run never leaves half an entry."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _extraction(article: Article, data: dict) -> Extraction:
    meetings = []
    for m in data["meetings"]:
        m = dict(m)
        if m["date"] is not None:
            m["date"] = DateValue(**m["date"])
        meetings.append(MeetingMention(**m))
    return Extraction(article=article,
                      actors=[ActorMention(**a) for a in data["actors"]],
                      meetings=meetings,
                      positions=[PositionMention(**p) for p in data["positions"]])


class RunStamp:
    """Fingerprint of everything a briefing is made from, recorded after each run.

    When this run's fingerprint equals the last one and that run's output files
    are still there, untouched, collecting, merging and rendering again would write
    the same bytes, so the run stops before reading a single article. The
    fingerprint covers every file under the inputs by path, size and modification
    time (as make and rsync do: cheap, and any edit or added file changes it), the
    date, the whole config, the model's version, every template file and digest's
    own source.
    """

    def __init__(self, path: Path, inputs: list[Path], briefing_date, config, model: str,
                 template_dirs: list[Path | None], version: str):
        self.path = path
        h = hashlib.sha256(f"{version}\0{model}\0{briefing_date}\0{config!r}\0".encode("utf-8"))
        for root in inputs:
            for f in [root] if not root.is_dir() else sorted(root.rglob("*")):
                try:
                    st = f.stat()
                    h.update(f"{f}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8"))
                except OSError:
                    h.update(f"{f}\0missing\0".encode("utf-8"))
        for folder in [Path(__file__).parent, *template_dirs]:
            for f in sorted(folder.rglob("*")) if folder is not None and folder.is_dir() else []:
                if f.is_file() and "__pycache__" not in f.parts:
                    h.update(f"\0{f.relative_to(folder)}\0".encode("utf-8") + f.read_bytes())
        self.fingerprint = h.hexdigest()

    def _recorded(self) -> dict | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if data.get("fingerprint") == self.fingerprint else None
        except (OSError, ValueError, AttributeError):
            return None

    def matches(self) -> bool:
        """True when the last run had the same inputs and its outputs are untouched."""
        data = self._recorded()
        if data is None:
            return False
        for name, (path, size, mtime) in data["outputs"].items():
            try:
                st = Path(path).stat()
            except OSError:
                return False
            if (st.st_size, st.st_mtime_ns) != (size, mtime):
                return False
        return True

    def mixed(self, targets: list[Path]) -> bool:
        """True when this date's briefing files on disk are not the set the last run recorded complete.

        The stamp is written only after all files were renamed into place, so
        a run killed between its renames leaves files the stamp does not know
        (new JSON, old PDF): the next run must render again even if nothing is new.
        """
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            recorded = {Path(path): (size, mtime) for path, size, mtime in data["outputs"].values()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            recorded = {}
        for target in targets:
            try:
                st = target.stat()
            except FileNotFoundError:
                if target in recorded:
                    return True
                continue
            if recorded.get(target) != (st.st_size, st.st_mtime_ns):
                return True
        return False

    def outputs(self) -> dict[str, Path]:
        data = self._recorded() or {"outputs": {}}
        return {name: Path(path) for name, (path, _, _) in data["outputs"].items()}

    def write(self, written: dict[str, Path], reusable: bool = True) -> None:
        """Record this run's outputs as one complete set, and its fingerprint; failure only costs a render.

        `reusable=False` records the set without the fingerprint, so that
        `matches()` fails but `mixed()` knows the files: for a run that wrote
        its files but did not (yet) finish (a dry run, a send still to come).
        """
        outputs = {}
        for name, path in written.items():
            st = path.stat()
            outputs[name] = [str(path), st.st_size, st.st_mtime_ns]
        payload = json.dumps({"fingerprint": self.fingerprint if reusable else None, "outputs": outputs}, indent=1)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write_text(self.path, payload)
        except OSError as exc:
            log.warning("%s: cannot write run stamp (%s)", self.path, exc.strerror or exc)
