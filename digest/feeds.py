"""Feeds and links files -> the pages to fetch, each with what its feed says about it.

feedparser reads RSS 0.9x/1.0/2.0 and Atom, resolves relative links against
the feed's own address and parses dates in every format it knows. It is only
ever given bytes digest fetched itself (given a string, feedparser would go
and fetch a URL on its own, past robots.txt and the private-address check).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import feedparser

from .config import url_problem
from .fetch import redact
from .models import Skipped


@dataclass
class Item:
    """One page to fetch, with the feed's metadata for when the page itself gives none."""

    url: str
    title: str | None = None
    published: datetime | None = None  # the feed's date (UTC); never the time it was fetched
    author: str | None = None
    outlet: str | None = None  # the feed's title
    summary: str = ""


@dataclass
class Feed:
    items: list[Item]  # every entry with a link
    problem: str | None = None  # why the feed could not be read; items is then empty


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Feed:
    """A feed's entries; a body that is no feed at all gives a `problem`, not an exception."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom entries in it"
        return Feed([], f"not a feed that can be read: {' '.join(str(reason).split())[:160]}")
    outlet = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or url_problem(link):
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        items.append(Item(url=link.strip(), title=entry.get("title") or None, published=published,
                          author=entry.get("author") or None, outlet=outlet,
                          summary=re.sub(r"<[^>]*>", " ", entry.get("summary") or "")))
    return Feed(items)


def matches(item: Item, words: list[str]) -> bool:
    """True when the title or summary has a word that starts with one of `words` ('meet' finds 'meets')."""
    if not words:
        return True
    text = f"{item.title or ''} {item.summary}"
    return any(re.search(r"\b" + re.escape(word), text, re.IGNORECASE) for word in words)


def read_links(path: Path) -> tuple[list[str], list[Skipped]]:
    """The URLs of a links file, one a line, '#' starting a comment; a bad line is skipped by number."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [Skipped(str(path), "links file does not exist")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Skipped(str(path), f"cannot read links file: {getattr(exc, 'strerror', None) or exc}")]
    urls, skipped = [], []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = line.split(" #", 1)[0].strip()  # a comment after the URL; a '#' inside one is its fragment
        problem = url_problem(line)
        if problem:
            skipped.append(Skipped(f"{path}:{number}", f"{redact(line)[:80]!r} {problem}"))
        else:
            urls.append(line)
    return urls, skipped
