"""Input folders -> list[Article]; unusable files become Skipped with a reason.

Readers are keyed by suffix. The publication date comes from front matter,
HTML metadata or a dateline at the top of the text, never from the file's
mtime or today's date: a wrong anchor would silently shift every "Tuesday".
"""
from __future__ import annotations

import hashlib
import logging
import re
from datetime import date, datetime
from pathlib import Path
from typing import Callable

import yaml
from charset_normalizer import from_bytes

from .boilerplate import split_boilerplate
from .errors import SourceError
from .models import Article, Skipped

log = logging.getLogger(__name__)

FRONT_MATTER_KEYS = {"title", "outlet", "published", "url", "author"}
HEADER_LINES = 6


def collect(inputs: list[Path], max_bytes: int) -> tuple[list[Article], list[Skipped]]:
    """Read every supported file under the input folders, in name order."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_hashes: dict[str, Path] = {}
    for path, root in _walk(inputs, skipped):
        try:
            article = read_article(path, root, max_bytes)
        except SourceError as exc:
            log.warning("%s", exc)
            skipped.append(Skipped(str(path), exc.message))
            continue
        if article.sha256 in seen_hashes:
            reason = f"same text as {seen_hashes[article.sha256].name}"
            log.warning("%s: skipped: %s", path, reason)
            skipped.append(Skipped(str(path), reason))
            continue
        seen_hashes[article.sha256] = path
        articles.append(article)
    return articles, skipped


def _walk(inputs: list[Path], skipped: list[Skipped]):
    for root in inputs:
        if root.is_file():
            yield root, root.parent
            continue
        if not root.is_dir():
            skipped.append(Skipped(str(root), "input folder does not exist"))
            log.warning("%s: input folder does not exist", root)
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
            if path.name.startswith("."):
                continue
            if path.suffix.lower() not in READERS:
                skipped.append(Skipped(str(path), f"unsupported file type '{path.suffix or path.name}'"))
                continue
            yield path, root


def read_article(path: Path, root: Path, max_bytes: int) -> Article:
    """Read one file into an Article, or raise SourceError naming what is wrong."""
    real = path.resolve()
    if root.resolve() not in real.parents:
        raise SourceError("points outside the inputs folder; not read", path)
    try:
        size = real.stat().st_size
        if size > max_bytes:
            raise SourceError(f"{size} bytes is over the limit of {max_bytes} (limits.max_file_bytes)", path)
        raw = real.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from exc
    if not raw.strip():
        raise SourceError("empty file", path)
    reader = READERS[path.suffix.lower()]
    article = reader(path, raw)
    article.sha256 = hashlib.sha256(raw).hexdigest()
    if not article.text.strip():
        raise SourceError("no article text found", path)
    return article


def decode(path: Path, raw: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else detected."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("binary file, not text", path)
    for encoding in ("utf-8-sig", "utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(raw).best()
    if best is None:
        raise SourceError("not readable as text in any known encoding", path)
    log.info("%s: read as %s", path, best.encoding)
    return str(best)


def read_text_file(path: Path, raw: bytes) -> Article:
    """Plain text or Markdown, with optional YAML front matter."""
    text = decode(path, raw).replace("\r\n", "\n").replace("\r", "\n")
    meta: dict = {}
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if match:
        meta = _front_matter(path, match.group(1))
        text = text[match.end():]
    content, removed = split_boilerplate(text)
    article = Article(path=path, text=content, boilerplate=removed)
    article.title = _text(meta.get("title")) or _first_heading(content)
    article.outlet = _text(meta.get("outlet"))
    article.url = _text(meta.get("url"))
    article.author = _text(meta.get("author"))
    if meta.get("published") is not None:
        article.published = _meta_date(path, meta["published"])
        article.published_from = "front matter"
    else:
        article.published = dateline(content)
        article.published_from = "text" if article.published else None
    return article


def read_html_file(path: Path, raw: bytes) -> Article:
    """HTML page: trafilatura finds the main text and the page's metadata."""
    import trafilatura

    html = decode(path, raw)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        raise SourceError("no article text found in the HTML", path)
    data = doc if isinstance(doc, dict) else doc.as_dict()
    content, removed = split_boilerplate(data.get("text") or "")
    article = Article(path=path, text=content, boilerplate=removed)
    article.title = data.get("title")
    article.outlet = data.get("sitename")
    article.url = data.get("url")
    article.author = data.get("author")
    if data.get("date"):
        try:
            article.published = date.fromisoformat(str(data["date"])[:10])
            article.published_from = "html metadata"
        except ValueError:
            pass
    if article.published is None:
        article.published = dateline(content)
        article.published_from = "text" if article.published else None
    return article


def _front_matter(path: Path, block: str) -> dict:
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SourceError(f"malformed front matter: {getattr(exc, 'problem', exc)}", path,
                          mark.line + 2 if mark else None) from exc
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of keys to values", path, 2)
    unknown = set(map(str, meta)) - FRONT_MATTER_KEYS
    if unknown:
        log.warning("%s: ignoring unknown front matter keys: %s", path, ", ".join(sorted(unknown)))
    return meta


def _meta_date(path: Path, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise SourceError(f"front matter 'published' is not a date (YYYY-MM-DD): {value!r}", path) from exc


def _text(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _first_heading(content: str) -> str | None:
    """The first short line that reads as a headline: not prose, not a dateline."""
    for line in content.strip().split("\n")[:HEADER_LINES]:
        line = line.strip()
        if not line or re.match(r"^(\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+ \d{4})\b", line):
            continue
        return line if len(line) <= 200 and not line.endswith(".") else None
    return None


def dateline(content: str) -> date | None:
    """A full date (day, month, year) opening a short line near the top, as a dateline does.

    A date inside the lede sentence is usually the event's, not the article's, so
    only short lines or lines that start with the date count.
    """
    from dateparser.search import search_dates

    for line in content.strip().split("\n")[:HEADER_LINES]:
        line = line.strip()
        if not line:
            continue
        found = search_dates(line[:300], languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        for text, value in found or []:
            if re.search(r"\b\d{4}\b", text) and (len(line.split()) <= 12 or line.startswith(text)):
                return value.date()
    return None


READERS: dict[str, Callable[[Path, bytes], Article]] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}
