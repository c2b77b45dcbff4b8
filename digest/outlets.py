"""Who published an article, when its metadata does not say: its address or a credit line.

"N sources from M outlets" in the header is only true if every source that
states its outlet somewhere is counted. Explicit metadata (front matter,
og:site_name) comes first and is read by the readers; this module adds what
a URL or a line cut as boilerplate gives away, in that order, and nothing
when neither does: an unnamed outlet is better than a guessed one.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# "CNN's Nectar Gan and Sophie Jeong contributed to this report." Only the possessive
# form: "Jane Roe contributed to this report" names a person, not an outlet.
CREDIT = re.compile(r"^(?P<outlet>(?:The\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s?\s+[A-Z][^.]*"
                    r"\bcontributed\b")
# "© 2024 Reuters. All rights reserved." / "Copyright 2023-2024 The Associated Press"
COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)"
                       r"(?P<outlet>[A-Z][\w&'’ .-]{1,60}?)\s*(?:[.,|]|\ball rights reserved\b|$)",
                       re.IGNORECASE)


def outlet_from_url(url: str | None) -> str | None:
    """The host of an http(s) address, without 'www.': 'edition.cnn.com', 'example.org'."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def outlet_from_credits(lines: list[str]) -> str | None:
    """The outlet a contributor credit or copyright line names, among lines cut as boilerplate."""
    for line in lines:
        match = CREDIT.match(line.strip())
        if match:
            return match.group("outlet")
    for line in lines:
        line = line.strip()
        if re.match(r"(?i)(copyright|©|\(c\))", line):
            match = COPYRIGHT.match(line)
            if match and match.group("outlet")[0].isupper():
                return match.group("outlet").strip()
    return None
