"""Person-name keys that survive transliteration and spelling variants.

"Ismail Haniyeh", "Isma'il Haniya" and "Ismail Haniya" are one man; "Wang Yi"
and "Wang Kejian" are two. A name part is compared by its consonant skeleton
(accents, apostrophes, an "al-" prefix, vowels and h/w/y dropped after the
first letter) and the whole name by rapidfuzz similarity, so vowel and
apostrophe variants meet while different given names stay apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from anyascii import anyascii
from nicknames import NickNamer
from rapidfuzz import fuzz

from .vocabulary import PARTICLES, STANDING_TITLES, SUFFIXES

NICKNAMES = NickNamer()
@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """Lower-case ASCII letters and spaces: accents, apostrophes and hyphens removed, and
    letters without an accent to strip transliterated ("Łukasz Ødegaard" -> "lukasz odegaard")."""
    text = re.sub(r"['’‘`ʼʻ]", "", text)
    text = anyascii(text).lower()
    return " ".join(re.sub(r"[^a-z]+", " ", text).split())


@lru_cache(maxsize=4096)
def is_country(name: str) -> bool:
    """"Mauritius", "Việt Nam": a country's name (ISO 3166, by short, common or official
    name) is no person's, whatever the model tags it."""
    try:
        pycountry.countries.lookup(anyascii(name).strip())
    except LookupError:
        return False
    return True


def is_suffix(word: str) -> bool:
    """A generational suffix as written after a name ("Jr.", "III"): part of neither name nor title."""
    return word[:1].isupper() and plain(word) in SUFFIXES


@lru_cache(maxsize=65536)
def parts(name: str) -> tuple[str, ...]:
    """Name parts without particles or a generational suffix: "Riyad al-Maliki" ->
    ("riyad", "maliki"), "Joseph R. Biden Jr." -> ("joseph", "r", "biden")."""
    found = [p for p in plain(name).split() if p not in PARTICLES]
    while len(found) > 2 and found[-1] in SUFFIXES:
        found.pop()
    return tuple(found)


@lru_cache(maxsize=65536)
def skeleton(part: str) -> str:
    """First letter plus the consonants that carry a name across transliterations."""
    if not part:
        return ""
    rest = re.sub(r"[aeiouhwy]", "", part[1:])
    first = "a" if part[0] in "aeiou" else part[0]
    return first + re.sub(r"(.)\1+", r"\1", rest)


@lru_cache(maxsize=65536)
def part_matches(a: str, b: str) -> bool:
    """Two single name parts (already plain) are variants of one another."""
    return a == b or (len(a) > 2 and len(b) > 2 and skeleton(a) == skeleton(b) and fuzz.ratio(a, b) >= 70)


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """Two full names denote the same person.

    Every part pairs up in order ("Isma'il Haniya" / "Ismail Haniyeh"), an initial
    stands for a part it begins ("S Jaishankar" / "Subrahmanyam Jaishankar"), and a
    shorter name of two or more parts may be the tail of a longer one
    ("Bhutto-Zardari" / "Bilawal Bhutto Zardari"): the surname must always agree.
    """
    pa, pb = parts(a), parts(b)
    if len(pa) < 2 or len(pb) < 2:
        return False
    if len(pa) > len(pb):
        pa, pb = pb, pa
    if len(pa) < len(pb):
        if len(pa) >= 2 and all(part_matches(x, y) for x, y in zip(pa, pb[len(pb) - len(pa):])):
            return True
        # a dropped middle name or initial: first and last parts agree
        return _given_matches(pa[0], pb[0]) and part_matches(pa[-1], pb[-1]) and all(
            any(_part_or_initial(x, y) for y in pb[1:-1]) for x in pa[1:-1])
    if not _given_matches(pa[0], pb[0]) or not all(_part_or_initial(x, y) for x, y in zip(pa[1:], pb[1:])):
        return False
    full = [(x, y) for x, y in zip(pa, pb) if len(x) > 1 and len(y) > 1]
    if full and is_nickname(*full[0]):
        full = full[1:]  # "Bill"/"William" share no letters to compare; the rest must
    return not full or fuzz.ratio(" ".join(x for x, _ in full), " ".join(y for _, y in full)) >= 75


@lru_cache(maxsize=65536)
def is_nickname(a: str, b: str) -> bool:
    """One given name is a common English short form of the other ("Joe"/"Joseph",
    "Bill"/"William"), from the curated list of the `nicknames` package."""
    return a != b and (b in NICKNAMES.canonicals_of(a) or a in NICKNAMES.canonicals_of(b))


def _given_matches(x: str, y: str) -> bool:
    """Given names agree as spellings, as an initial, or as a nickname of one another."""
    return _part_or_initial(x, y) or is_nickname(x, y)


def _part_or_initial(x: str, y: str) -> bool:
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return part_matches(x, y)


@lru_cache(maxsize=65536)
def contains_part(full: str, single: str) -> bool:
    """A bare "Haniya" or "Kejian" is one of the parts of `full`. A given name stands for
    the full name only as spelled: "Melanie" is not "Melania Trump", and "Laura", a common
    given name, is not a spelling of the surname in "Matt Lauer"."""
    ps, pf = parts(single), parts(full)
    exact = len(ps) == 1 and is_given_name(ps[0])
    return len(ps) == 1 and (any(ps[0] == p if exact or i == 0 and len(pf) > 1 else part_matches(ps[0], p)
                                 for i, p in enumerate(pf)) or is_blend(ps[0], pf))


def is_blend(word: str, full: tuple[str, ...]) -> bool:
    """"Jokowi" for Joko Widodo: a name made of the opening letters of the given name and of
    the surname, as some countries' press names its leaders."""
    if len(full) < 2 or len(word) < 5:
        return False
    given, surname = full[0], full[-1]
    if word[:2] != given[:2]:
        return False
    return any(word == given[:i] + surname[:j] for i in range(2, len(given) + 1) for j in range(2, len(surname) + 1))


def is_given_name(part: str) -> bool:
    """A common English given name, by the curated list of the `nicknames` package."""
    return bool(NICKNAMES.nicknames_of(part) or NICKNAMES.canonicals_of(part))


def same_stem(a: str, b: str) -> bool:
    """"Somali"/"Somalia", "Chinese"/"China", "Israeli"/"Israel": a nationality and its
    country share a stem of at least four letters ("Iraqi" and "Iran" do not); an "-ish"
    nationality shares what is left of it ("Swedish"/"Sweden", "Turkish"/"Turkey")."""
    n = max(4, min(len(a), len(b)) - 1)
    if len(a) >= 4 and len(b) >= 4 and a[:n] == b[:n]:
        return True
    return any(w.endswith("ish") and len(w) >= 7 and o.startswith(w[:-3]) and o != w for w, o in ((a, b), (b, a)))


def standings(title: str | None) -> set[str]:
    """The standings a title gives ("President", the "Lady" of "First Lady"): two people of
    one surname given different ones are relatives, not one person."""
    return {w for w in re.split(r"[^a-z]+", (title or "").lower()) if w in STANDING_TITLES}
