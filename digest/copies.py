"""Near-copies: the same story under several names counts as one source.

Wire copy republished by several outlets is one source of information, not
several. A text is a copy when at least 80 % of the shorter text's five-word
runs ("shingles", after case, punctuation and spacing are dropped) are found
in the other; the first file in name order is the original.

The index lives in SQLite so that it can be kept between runs (in the article
cache, see articlecache.py): each text's shingles, a fixed sample of them as
an inverted index, and which texts were found to match. A rerun then compares
only new or changed texts, and only with the texts that share enough of their
sample; which file is a copy of which is decided again from the stored matches
and this run's name order, so adding a file that sorts first still makes it
the original. Without a cache the same code runs on an in-memory database.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
from array import array

from .models import Article

SHINGLE_WORDS = 5
COPY_OVERLAP = 0.8  # share of the shorter text's 5-word runs found in the other
MIN_SHINGLES = 20   # below this, only an identical text counts as a copy
# Comparing each text with all others was quadratic (17 s of set intersections at 1,000
# articles). The index holds the shingles whose hash is 0 mod SAMPLE; a text is compared
# in full only with texts sharing at least half of the smaller sample, a looser bar than
# the 80 % a copy needs, so sampling noise cannot hide one. Texts with fewer than
# MIN_SAMPLE sampled shingles are compared with every text: they are short, so cheap.
SAMPLE = 16
MIN_SAMPLE = 8

# The shingles (5 KB a text) have a table of their own: the candidate query joins `texts`
# once per shared sample, and rows that small keep that join in a few pages.
SCHEMA = """
CREATE TABLE IF NOT EXISTS texts(key TEXT PRIMARY KEY, sample INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shingles(key TEXT PRIMARY KEY, hashes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS samples(hash INTEGER NOT NULL, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS samples_by_hash ON samples(hash, key);
CREATE TABLE IF NOT EXISTS matches(a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
"""


def _hash(words: list[str]) -> int:
    """A 64-bit hash that is the same in every process: Python's hash() is salted per
    process, and these values are stored for the next run."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)  # signed: SQLite integers are


def shingles(text: str) -> frozenset[int]:
    """Hashes of every run of five words, after case, punctuation and spacing are dropped."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset([_hash(words)])
    return frozenset(_hash(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def same_story(a: frozenset[int], b: frozenset[int]) -> bool:
    """Near-identical texts: a copy may have a new headline, byline or a cut last paragraph."""
    smaller = min(len(a), len(b))
    if smaller < MIN_SHINGLES:
        return a == b
    return len(a & b) >= COPY_OVERLAP * smaller


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CopyIndex:
    """Which earlier article (in this run's order) a new one copies.

    `original_of` is called once per article in name order. Matches are stored
    both ways and found against every indexed text, earlier or later in the
    order, so that they stay true whatever files are added next run.
    """

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        db.executescript(SCHEMA)
        self.kept: dict[str, tuple[int, Article]] = {}  # this run's originals: text key -> (position, article)

    def original_of(self, article: Article) -> Article | None:
        """The earlier article this one copies, or None; a new original is remembered."""
        key = text_key(article.text)
        if key in self.kept:
            return self.kept[key][1]
        if self.db.execute("SELECT 1 FROM texts WHERE key = ?", (key,)).fetchone() is None:
            self._add(key, article.text)
        matched = [self.kept[k] for (k,) in self.db.execute("SELECT b FROM matches WHERE a = ?", (key,))
                   if k in self.kept]
        if matched:
            return min(matched, key=lambda kept: kept[0])[1]
        self.kept[key] = (len(self.kept), article)
        return None

    def _add(self, key: str, text: str) -> None:
        """Index a text not seen before and record which indexed texts it matches."""
        mine = shingles(text)
        sample = [h for h in mine if h % SAMPLE == 0]
        if len(sample) < MIN_SAMPLE:
            candidates = [k for (k,) in self.db.execute("SELECT key FROM texts")]
        else:
            shared = self.db.execute(
                f"SELECT s.key, COUNT(*), t.sample FROM samples s JOIN texts t ON t.key = s.key "
                f"WHERE s.hash IN ({','.join('?' * len(sample))}) GROUP BY s.key", sample)
            candidates = [k for k, n, size in shared if 2 * n >= min(len(sample), size)]
            candidates += [k for (k,) in self.db.execute("SELECT key FROM texts WHERE sample < ?", (MIN_SAMPLE,))]
        for other in candidates:
            (blob,) = self.db.execute("SELECT hashes FROM shingles WHERE key = ?", (other,)).fetchone()
            if same_story(mine, frozenset(array("q", blob))):
                self.db.executemany("INSERT OR IGNORE INTO matches VALUES (?, ?)", [(key, other), (other, key)])
        self.db.execute("INSERT INTO texts VALUES (?, ?)", (key, len(sample)))
        self.db.execute("INSERT INTO shingles VALUES (?, ?)", (key, array("q", mine).tobytes()))
        self.db.executemany("INSERT INTO samples VALUES (?, ?)", [(h, key) for h in sample])

    def retain(self, keys: set[str]) -> None:
        """Forget every text not in `keys` (files gone or changed), so the index stays the inputs' size."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS present(key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM present")
        self.db.executemany("INSERT OR IGNORE INTO present VALUES (?)", [(k,) for k in keys])
        self.db.execute("DELETE FROM texts WHERE key NOT IN (SELECT key FROM present)")
        self.db.execute("DELETE FROM shingles WHERE key NOT IN (SELECT key FROM present)")
        self.db.execute("DELETE FROM samples WHERE key NOT IN (SELECT key FROM present)")
        self.db.execute("DELETE FROM matches WHERE a NOT IN (SELECT key FROM present) "
                        "OR b NOT IN (SELECT key FROM present)")
