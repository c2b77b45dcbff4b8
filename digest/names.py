"""Person-name keys that survive transliteration and spelling variants.

"Ismail Haniyeh", "Isma'il Haniya" and "Ismail Haniya" are one man; "Wang Yi"
and "Wang Kejian" are two. A name part is compared by its consonant skeleton
(accents, apostrophes, an "al-" prefix, vowels and h/w/y dropped after the
first letter) and the whole name by rapidfuzz similarity, so vowel and
apostrophe variants meet while different given names stay apart.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

PARTICLES = {"al", "el", "ul", "bin", "ibn", "bint", "abu", "de", "da", "di", "del", "van", "von", "der", "le", "la"}


def plain(text: str) -> str:
    """Lower-case ASCII letters and spaces: accents, apostrophes and hyphens removed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`ʼʻ]", "", text.lower())
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


def parts(name: str) -> list[str]:
    """Name parts without particles: "Riyad al-Maliki" -> ["riyad", "maliki"]."""
    return [p for p in plain(name).split() if p not in PARTICLES]


def skeleton(part: str) -> str:
    """First letter plus the consonants that carry a name across transliterations."""
    if not part:
        return ""
    rest = re.sub(r"[aeiouhwy]", "", part[1:])
    first = "a" if part[0] in "aeiou" else part[0]
    return first + re.sub(r"(.)\1+", r"\1", rest)


def part_matches(a: str, b: str) -> bool:
    """Two single name parts (already plain) are variants of one another."""
    return a == b or (len(a) > 2 and len(b) > 2 and skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= 70)


def same_person(a: str, b: str) -> bool:
    """Two full names denote the same person: every part pairs up, in order."""
    pa, pb = parts(a), parts(b)
    if not pa or not pb or len(pa) != len(pb):
        return False
    return all(part_matches(x, y) for x, y in zip(pa, pb)) and fuzz.ratio(" ".join(pa), " ".join(pb)) >= 75


def contains_part(full: str, single: str) -> bool:
    """A bare "Haniya" or "Kejian" is one of the parts of `full`."""
    ps = parts(single)
    return len(ps) == 1 and any(part_matches(ps[0], p) for p in parts(full))
