"""Input folders -> list[Article]; unusable files become Skipped with a reason.

Readers are keyed by suffix. The publication date comes from front matter,
HTML metadata or a dateline at the top of the text, never from the file's
mtime or today's date: a wrong anchor would silently shift every "Tuesday".
"""
from __future__ import annotations

import hashlib
import itertools
import logging
import os
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable, Mapping
from urllib.parse import urlparse

import yaml
from charset_normalizer import from_bytes

from .boilerplate import split_boilerplate
from .errors import SourceError
from .models import Article, Skipped
from .outlets import outlet_from_credits, outlet_from_url
from .window import Window

log = logging.getLogger(__name__)

FRONT_MATTER_KEYS = {"title", "outlet", "published", "url", "author"}
HEADER_LINES = 6


def collect(inputs: list[Path], max_bytes: int, briefing_date: date | None = None,
            windows: Mapping[Path, Window] | None = None,
            fetched: Iterable[Article] = ()) -> tuple[list[Article], list[Skipped]]:
    """Read every supported file under the input folders, in name order, then the `fetched` pages.

    A text that repeats an earlier one (a wire story republished by several
    outlets) is not a second source of information: it is recorded in the first
    article's `copies` and left out, so merge counts it once. Fetched pages
    (digest.web) are compared with the files, so a feed's copy of a saved
    story is not a second source either. A folder with a `since:` window in
    `windows` gives only its recent articles.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    copies = CopyFinder()
    for article in itertools.chain(_read_files(inputs, max_bytes, windows or {}, skipped), fetched):
        path = article.path
        original = copies.original_of(article)
        if original is not None:
            log.info("%s: copy of %s, counted once", path, original.path)
            original.copies.append(str(path))
            continue
        if briefing_date and article.published and article.published > briefing_date:
            # Kept, and its relative dates still read from its own date: "on Tuesday"
            # means the Tuesday before it was written, whatever day the briefing is for.
            log.warning("%s: published %s, after the briefing date %s", path, article.published, briefing_date)
        articles.append(article)
    return articles, skipped


def _read_files(inputs: list[Path], max_bytes: int, windows: Mapping[Path, Window], skipped: list[Skipped]):
    """Each file's Article; unreadable files go to `skipped`, those before their window are left out."""
    for path, root in _walk(inputs, skipped):
        try:
            article = read_article(path, root, max_bytes)
        except SourceError as exc:
            # One line (YAML and OS messages may span several); the caller logs skipped files.
            skipped.append(Skipped(str(path), " ".join(exc.message.split())))
            continue
        window = windows.get(root, windows.get(path))  # a folder's, or a single file's
        if window is not None and not window.admits(article.published, f"file:{article.sha256}"):
            log.info("%s: published %s, before the 'since' window of %s", path,
                     article.published or "(undated) and first seen", root)
            continue
        yield article


SHINGLE_WORDS = 5
COPY_OVERLAP = 0.8  # share of the shorter text's 5-word runs found in the other
MIN_SHINGLES = 20   # below this, only an identical text counts as a copy


def _shingles(text: str) -> frozenset[int]:
    """Hashes of every run of five words, after case, punctuation and spacing are dropped."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset([hash(" ".join(words))])
    return frozenset(hash(" ".join(words[i:i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1))


def _same_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """Near-identical texts: a copy may have a new headline, byline or a cut last paragraph."""
    smaller = min(len(a), len(b))
    if smaller < MIN_SHINGLES:
        return a == b
    return len(a & b) >= COPY_OVERLAP * smaller


class CopyFinder:
    """The first earlier article that a new one copies, without comparing it with every one.

    Comparing each article with all earlier ones was quadratic (17 s of set
    intersections at 1,000 articles). Instead an index of a fixed sample of
    each text's shingles (those whose hash is 0 mod SAMPLE) finds the earlier
    texts that share at least half of the smaller sample, a looser bar than the
    80 % a copy needs, so sampling noise cannot hide one; only those are then
    compared in full. Texts too short for a reliable sample are compared with
    every other text, which is cheap because they are short.
    """

    SAMPLE = 16
    MIN_SAMPLE = 8

    def __init__(self) -> None:
        self.kept: list[tuple[Article, frozenset[int], int]] = []  # article, shingles, sample size
        self.index: dict[int, list[int]] = {}
        self.short: list[int] = []

    def original_of(self, article: Article) -> Article | None:
        """The earlier article this one copies, or None; a new original is remembered."""
        shingles = _shingles(article.text)
        sample = [h for h in shingles if h % self.SAMPLE == 0]
        if len(sample) < self.MIN_SAMPLE:
            candidates = range(len(self.kept))
        else:
            shared = Counter(i for h in sample for i in self.index.get(h, ()))
            candidates = sorted({i for i, n in shared.items() if 2 * n >= min(len(sample), self.kept[i][2])}
                                | set(self.short))
        match = next((i for i in candidates if _same_story(shingles, self.kept[i][1])), None)
        if match is not None:
            return self.kept[match][0]
        number = len(self.kept)
        self.kept.append((article, shingles, len(sample)))
        if len(sample) < self.MIN_SAMPLE:
            self.short.append(number)
        for h in sample:
            self.index.setdefault(h, []).append(number)
        return None


def _walk(inputs: list[Path], skipped: list[Skipped]):
    """(file, its input folder) for every candidate file; hidden files and folders are left out.

    os.walk rather than rglob: rglob silently drops folders it may not list,
    and the reader should hear about those.
    """
    for root in inputs:
        if root.is_file():
            yield root, root.parent
            continue
        if not root.is_dir():
            skipped.append(Skipped(str(root), "input folder does not exist"))
            continue

        def unlisted(exc: OSError) -> None:
            skipped.append(Skipped(str(exc.filename), f"cannot list folder: {exc.strerror or exc}"))

        found = []
        for folder, dirs, files in os.walk(root, onerror=unlisted):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for d in dirs:
                if (Path(folder) / d).is_symlink():  # os.walk does not follow it; say so
                    skipped.append(Skipped(str(Path(folder) / d), "linked folder; not followed"))
            found += [Path(folder) / f for f in files if not f.startswith(".")]
        for path in sorted(found):
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
        with real.open("rb") as fh:  # never more than the limit, even if the file grows meanwhile
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", path) from exc
    if len(raw) > max_bytes:
        raise SourceError(f"file is over the limit of {max_bytes} bytes (limits.max_file_bytes)", path)
    if not raw.strip():
        raise SourceError("empty file", path)
    reader = READERS[path.suffix.lower()]
    article = reader(path, raw)
    article.sha256 = hashlib.sha256(raw).hexdigest()
    if not article.text.strip():
        raise SourceError("no article text found", path)
    return article


BINARY_SIGNATURES = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF")


def decode(path: Path, raw: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else detected.

    A PDF or image saved with a .txt name must be refused, not decoded into
    noise that spaCy would then read as names.
    """
    utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
    if raw.startswith(BINARY_SIGNATURES) or (b"\x00" in raw[:4096] and not utf16):
        raise SourceError("binary file, not text", path)
    for encoding in ("utf-16", "utf-8-sig") if utf16 else ("utf-8-sig",):
        try:
            return _text_only(path, raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    results = from_bytes(raw)
    best = results.best()
    if best is None:
        raise SourceError("not readable as text in any known encoding", path)
    # Short Western texts fit cp1250 and cp1252 equally well; cp1252 is far more
    # common, and picking cp1250 turns "Genève" into "Genčve".
    western = next((m for m in results if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos and western.coherence >= best.coherence:
        best = western
    log.info("%s: read as %s", path, best.encoding)
    return _text_only(path, str(best))


def _text_only(path: Path, text: str) -> str:
    """Refuse decoded text full of control characters: binary data that happened to decode."""
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > 0.01 * min(len(text), 20000):
        raise SourceError("binary file, not text", path)
    return text


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
    article.url = _web_url(path, _text(meta.get("url")))
    article.outlet = _text(meta.get("outlet")) or outlet_from_url(article.url) or outlet_from_credits(removed)
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
    article.url = _web_url(path, data.get("url"))
    article.outlet = data.get("sitename") or outlet_from_url(article.url) or outlet_from_credits(removed)
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
    except (ValueError, OverflowError, RecursionError) as exc:
        # PyYAML builds dates while parsing: "published: 2024-02-30" fails here, not above.
        raise SourceError(f"malformed front matter: {exc}", path) from exc
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a mapping of keys to values", path, 2)
    unknown = set(map(str, meta)) - FRONT_MATTER_KEYS
    if unknown:
        log.warning("%s: ignoring unknown front matter keys: %s", path, ", ".join(sorted(unknown)))
    known = {}
    for key in FRONT_MATTER_KEYS & set(meta):
        if isinstance(meta[key], (list, dict, set)):
            # A list or mapping is no title; printing one could also expand a YAML alias bomb.
            log.warning("%s: ignoring front matter '%s': not a single value", path, key)
        else:
            known[key] = meta[key]
    return known


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


def _web_url(path: Path, url: str | None) -> str | None:
    """Keep only http(s) addresses: a briefing that links a javascript: or file: URL is a trap."""
    if url and urlparse(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    if url:
        log.warning("%s: ignoring url %r: not an http(s) address", path, url[:80])
    return None


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
        if not re.search(r"\d{4}", line[:300]):
            continue  # no year, no dateline: and search_dates costs ~8 ms a line
        found = search_dates(line[:300], languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        for text, value in found or []:
            # "Beijing, 6 November 2023 (TDI): ..." opens with its city
            opening = line.startswith(text) or re.fullmatch(r"[A-Z][\w.'’ -]{1,30},\s*", line[:line.find(text)])
            if re.search(r"\b\d{4}\b", text) and (len(line.split()) <= 12 or opening):
                return value.date()
    return None


READERS: dict[str, Callable[[Path, bytes], Article]] = {
    ".txt": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}
