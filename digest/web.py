"""Feeds, links files and single URLs -> Articles, through the polite client and the archive.

Every page becomes an archived `.md` (text plus front matter) before it becomes
an Article, and every Article is read back from that file by the same reader
as a local Markdown file. So a briefing made from the network and one rebuilt
from the archive when the network is down are made from the same bytes.

Per-item failures (a 404, a timeout, a page that is not HTML or has no text,
a feed that does not parse) are Skipped with the URL and the job goes on. When
the network or a server fails (timeouts, refused connections, 5xx), the
archived copy, if there is one, stands in, and the log says so.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .archive import Archive, Record
from .collect import read_text_file
from .errors import SourceError
from .feeds import Item, matches, parse_feed, read_links
from .fetch import Fetcher, FetchError, Response, redact
from .models import Article, FetchConfig, InputEntry, Skipped
from .outlets import outlet_from_url
from .window import Window

log = logging.getLogger(__name__)

PAGE_TYPES = ("text/html", "application/xhtml+xml")


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass


def no_progress(stage: str, total: int):
    """The default progress display: none."""
    return contextlib.nullcontext(_NoBar())


def read_web(inputs: list[tuple[InputEntry, Window | None]], settings: FetchConfig, output: Path,
             progress=no_progress, max_chars: int | None = None) -> tuple[list[Article], list[Skipped]]:
    """The articles of every feed, links file and URL entry, in config order, and what was skipped.

    `progress(stage, total)` is a context manager with `update(n)`, as
    cli._progress gives: a bar on a terminal, nothing in a log. A page longer
    than `max_chars` (the language model's limit) is skipped, as a file is by collect.
    """
    reader = _Reader(settings, output, max_chars)
    try:
        return reader.run(inputs, progress)
    finally:
        reader.fetcher.close()
        reader.archive.save()


def preview(inputs: list[tuple[InputEntry, Window | None]], settings: FetchConfig) -> list[tuple[str, str]]:
    """What each web entry would give, for `digest check`: feeds are fetched, pages are not.

    Nothing is archived, so a check never changes what the next run sends as
    conditional requests.
    """
    fetcher = Fetcher(settings)
    lines = []
    try:
        for entry, window in inputs:
            where = redact(entry.location)
            if entry.kind == "feed":
                try:
                    response = fetcher.get(entry.location)
                except FetchError as exc:
                    lines.append(("skipped", f"{where}: feed: {exc.message}"))
                    continue
                feed = parse_feed(response.body, response.final_url, response.headers.get("content-type"))
                if feed.problem:
                    lines.append(("skipped", f"{where}: {feed.problem}"))
                    continue
                kept = select(feed.items, entry, window)
                undated = sum(1 for i in kept if i.published is None)
                lines.append(("feed", f"{where}: {len(feed.items)} entries, {len(kept)} to read"
                                      + (f" ({undated} undated: the page's date decides)" if window and undated
                                         else "")))
            elif entry.kind == "urls":
                urls, bad = read_links(Path(entry.location))
                lines.append(("links", f"{where}: {len(urls)} URLs"))
                lines += [("skipped", f"{s.path}: {s.reason}") for s in bad]
            else:
                lines.append(("url", where))
    finally:
        fetcher.close()
    return lines


def select(items: list[Item], entry: InputEntry, window: Window | None) -> list[Item]:
    """A feed's entries that match its words and are not dated before its window.

    An undated entry stays: its page may carry a date, and the window is
    applied again once the page is read.
    """
    kept = [i for i in items if matches(i, entry.match)]
    return [i for i in kept if window is None or i.published is None or window.admits(i.published, "")]


class _Reader:
    """One run's fetching: the client, the archive, and what was skipped or read from the archive."""

    def __init__(self, settings: FetchConfig, output: Path, max_chars: int | None = None):
        self.settings = settings
        self.output = output
        self.max_chars = max_chars
        self.archive = Archive(output / "archive")
        self.fetcher = Fetcher(settings)
        self.skipped: list[Skipped] = []
        self.from_archive = 0
        self._count = threading.Lock()  # pages are read in threads

    def run(self, inputs: list[tuple[InputEntry, Window | None]], progress) -> tuple[list[Article], list[Skipped]]:
        feeds = [(e, w) for e, w in inputs if e.kind == "feed"]
        with ThreadPoolExecutor(max_workers=self.settings.parallel) as pool:
            with progress("feeds", len(feeds)) as bar:
                found = iter(list(pool.map(lambda ew: self._feed(*ew, bar), feeds)))
            todo: dict[str, tuple[Item, Window | None]] = {}  # one fetch for a link in two feeds
            for entry, window in inputs:
                if entry.kind == "feed":
                    items = next(found)
                elif entry.kind == "urls":
                    urls, bad = read_links(Path(entry.location))
                    self.skipped += bad
                    items = [Item(url=u) for u in urls]
                else:
                    items = [Item(url=entry.location)]
                for item in items:
                    todo.setdefault(item.url, (item, window))
            with progress("pages", len(todo)) as bar:
                results = list(pool.map(lambda iw: self._page(*iw, bar), todo.values()))
        if self.from_archive:
            log.warning("the network or a server failed: %d feeds and pages were read from the archive "
                        "(%s) instead", self.from_archive, self.archive.root)
        return [r for r in results if isinstance(r, Article)], self.skipped + [
            r for r in results if isinstance(r, Skipped)]

    def _fetch(self, url: str, suffix: str) -> tuple[Record | None, Response | None]:
        """(the archive's record, a new 200 response or None when the archived copy is current).

        Conditional only while the archived copy is still on disk: validators
        for a deleted copy would get a 304 and nothing to read.
        """
        record = self.archive.record(url)
        current = self.archive.has(record, suffix)
        try:
            response = (self.fetcher.get(url, record.etag, record.last_modified) if current
                        else self.fetcher.get(url))
        except FetchError as exc:
            if exc.network and current:
                log.warning("%s: %s; using the copy archived %s", exc.path, exc.message, record.fetched)
                with self._count:
                    self.from_archive += 1
                return record, None
            raise
        if response.status == 304 or (current and hashlib.sha256(response.body).hexdigest() == record.sha256):
            self.archive.revalidated(record, response)
            return record, None
        return record, response

    def _feed(self, entry: InputEntry, window: Window | None, bar) -> list[Item]:
        url = entry.location
        try:
            record, response = self._fetch(url, ".xml")
            if response is not None:
                record = self.archive.store(url, response, ".xml")
                self.archive.remember(record)
                body, content_type = response.body, response.headers.get("content-type")
            else:
                body, content_type = self.archive.read(record, ".xml"), None
        except SourceError as exc:
            self.skipped.append(Skipped(redact(url), f"feed: {exc.message}"))
            return []
        finally:
            bar.update(1)
        feed = parse_feed(body, record.final_url, content_type)
        if feed.problem:
            self.skipped.append(Skipped(redact(url), feed.problem))
            return []
        items = select(feed.items, entry, window)
        log.info("%s: %d entries, %d to read", redact(url), len(feed.items), len(items))
        return items

    def _page(self, item: Item, window: Window | None, bar) -> Article | Skipped | None:
        """The page's article, a Skipped saying why not, or None when it is before the window."""
        try:
            record, response = self._fetch(item.url, ".md")
            if response is not None:
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind not in PAGE_TYPES:
                    return Skipped(redact(item.url), f"not an HTML page ({kind or 'no content type'})")
                record = self._store_page(item, response)
            article = self._article(record)
        except SourceError as exc:
            return Skipped(redact(item.url), exc.message)
        finally:
            bar.update(1)
        if window is not None and item.published is None and not window.admits(article.published,
                                                                                 f"url:{item.url}"):
            log.info("%s: published %s, before the 'since' window", redact(item.url),
                     article.published or "(undated) and first fetched")
            return None
        return article

    def _store_page(self, item: Item, response: Response) -> Record:
        """Extract the page with trafilatura, fill gaps from the feed, archive both files."""
        import trafilatura

        charset = _charset(response.headers.get("content-type", ""))
        try:
            html: str | bytes = response.body.decode(charset, "replace") if charset else response.body
        except LookupError:  # an unknown charset name: let trafilatura detect it
            html = response.body
        doc = trafilatura.bare_extraction(html, url=response.final_url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True,
                                          # structured metadata only: a date in the body is an event's
                                          date_extraction_params={"extensive_search": False, "original_date": True})
        data = (doc if isinstance(doc, dict) else doc.as_dict()) if doc is not None else {}
        text = (data.get("text") or "").strip()
        if not text:
            raise SourceError("no article text found in the page", redact(item.url))
        published, published_from = None, None
        if data.get("date"):
            published, published_from = str(data["date"])[:10], "html metadata"
        elif item.published:
            published, published_from = item.published.date().isoformat(), "feed"
        final = redact(response.final_url)
        canonical = data.get("url")
        # A canonical URL on another host is the page's claim, not where it was read.
        url = canonical if canonical and _same_site(canonical, final) else final
        meta = {"title": data.get("title") or item.title, "outlet": data.get("sitename") or item.outlet
                or outlet_from_url(final), "published": published, "url": url,
                "author": data.get("author") or item.author}
        front = yaml.safe_dump({k: v for k, v in meta.items() if v}, allow_unicode=True, sort_keys=False)
        record = self.archive.store(item.url, response, ".html", published_from)
        self.archive.write(record, ".md", f"---\n{front}---\n{as_markdown(text)}\n".encode("utf-8"))
        self.archive.remember(record)
        log.info("%s: fetched and archived as %s", redact(item.url), self.archive.path(record, ".md"))
        return record

    def _article(self, record: Record) -> Article:
        """The Article of an archived page, read as a local Markdown file would be."""
        path = self.archive.path(record, ".md")
        raw = self.archive.read(record, ".md")
        article = read_text_file(path, raw, self.max_chars)
        if not article.text.strip():
            raise SourceError("no article text found in the page", path)
        article.sha256 = hashlib.sha256(raw).hexdigest()
        if article.published_from == "front matter" and record.published_from:
            article.published_from = record.published_from
        copy = self.archive.path(record, ".html")
        article.archive = str(copy.relative_to(self.output)) if copy.is_file() else None
        article.fetched = record.fetched
        return article


# What CommonMark reads as markup anywhere in a line, and the markers that open a block at its
# start (headings, quotations, list items, thematic breaks): escaping a marker's last character
# leaves it text.
MARKUP = re.compile(r"[\\`*_\[\]<&]")
BLOCK_MARKER = re.compile(r"^(?:[#>+=-]|\d{1,9}[.)])")


def as_markdown(text: str) -> str:
    """trafilatura's plain text as Markdown that collect reads back as the same paragraphs and words.

    trafilatura gives one paragraph a line, and Markdown joins lines into one
    paragraph unless a blank line parts them: a page's quotations would all
    have been one paragraph, and a speaker in one would be taken for the
    speaker of the others. Characters Markdown reads as markup are escaped,
    so "*", "[1]" or "1." opening a line stay in the article's text.
    """
    paragraphs = []
    for line in text.split("\n"):
        line = MARKUP.sub(lambda m: "\\" + m.group(), line.strip())
        if line:
            paragraphs.append(BLOCK_MARKER.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], line))
    return "\n\n".join(paragraphs)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _same_site(a: str, b: str) -> bool:
    return urlsplit(a).scheme in ("http", "https") and _site(a) == _site(b)


def _site(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")
