"""Build a realistic benchmark corpus of N articles from the shipped inputs/.

Each article keeps the headline and opening paragraphs of one of the three real
articles, then 8-14 body paragraphs drawn from all three; its people are
renamed (from a generated list) and its dates shifted by a per-article offset.
No two articles share much text: neither spaCy nor our cache can reuse work,
and collect's near-copy check (80 % shared 5-word runs) keeps them all.
Deterministic for a given seed.

    python benchmarks/corpus.py 300 /tmp/corpus-300 --seed 1
"""
from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"

# People named in the shipped articles: full name -> the surname used alone.
# Surnames shared by two people (Wang Kejian / Wang Yi) follow the first listed.
PEOPLE = {
    "Wang Kejian": "Wang", "Ismail Haniyeh": "Haniyeh", "Isma'il Haniya": "Haniya",
    "Cao Xiaolin": "Cao", "Zhai Jun": "Zhai", "Riyad al-Maliki": "al-Maliki", "Wang Yi": None,
    "Ma Xinmin": None, "Khalid Manzalawi": "Manzalawi", "Hagai Shagrir": "Shagrir",
    "Rachel Feinmesser": "Feinmesser", "Nectar Gan": None, "Celine Alkhaldi": None,
    "Sophie Jeong": None, "Joaquin Camarena": None,
}
FIRST = ["Amina", "Boris", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kofi",
         "Lena", "Mateo", "Nadia", "Omar", "Priya", "Rafael", "Sara", "Tomas", "Uma", "Viktor", "Wen",
         "Yusuf", "Zara", "Anders", "Bilal", "Carmen", "Dmitri", "Esther", "Felix"]
LAST = ["Abara", "Bergstrom", "Castellanos", "Delacroix", "Eriksen", "Fontaine", "Goldberg", "Hashemi",
        "Ivanova", "Jovanovic", "Kowalski", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo", "Petrov",
        "Quintero", "Rosenthal", "Santoro", "Takahashi", "Ulloa", "Vasquez", "Whitfield", "Xu",
        "Yilmaz", "Zielinski", "Adeyemi", "Brennan", "Chaudhry", "Dimitriou"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
DATE = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2})(st|nd|rd|th)?(, (\d{4}))?\b")


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def shift_dates(text: str, days: int) -> str:
    """Move every 'March 18th' / 'March 18, 2024' by `days`, keeping its style."""
    def shifted(m: re.Match) -> str:
        year = int(m.group(5)) if m.group(5) else 2024
        try:
            new = date(year, MONTHS.index(m.group(1)) + 1, int(m.group(2))) + timedelta(days=days)
        except ValueError:
            return m.group(0)
        out = f"{MONTHS[new.month - 1]} {new.day}"
        if m.group(3):
            out += _ordinal(new.day)
        if m.group(5):
            out += f", {new.year}"
        return out
    return DATE.sub(shifted, text)


def rename_people(text: str, rng: random.Random) -> str:
    """Give every known person a new full name and the matching new surname."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for full, surname in PEOPLE.items():
        while True:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            if last not in used:
                break
        used.add(last)
        mapping[full] = f"{first} {last}"
        if surname and surname not in mapping:
            mapping[surname] = last
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, keys)) + r")(?![\w'])")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def compose(original: list[str], pool: list[str], rng: random.Random) -> str:
    """The headline and first two paragraphs of one article, then paragraphs drawn from all."""
    head = original[:3]
    body = rng.sample([p for p in pool if p not in head], rng.randint(8, 14))
    return "\n\n".join(head + body) + "\n"


def build(n: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write n articles into folder (created) and return their paths."""
    rng = random.Random(seed)
    originals = [[p for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
                 for f in sorted(INPUTS.iterdir()) if f.suffix == ".txt"]
    pool = [p for paras in originals for p in paras[3:]]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = compose(originals[i % len(originals)], pool, rng)
        text = shift_dates(text, rng.randint(-400, 400))
        text = rename_people(text, rng)
        path = folder / f"article-{seed}-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"wrote {len(build(args.n, args.folder, args.seed))} articles to {args.folder}")


if __name__ == "__main__":
    main()
