"""The quality gate: no extraction score may drop below its baseline.

Runs `benchmarks/quality.py` on every cheap gold set present on this machine
(the shipped inputs and tests/data/devset always; ../shared/devsets and
PolNeAR dev when they are there) and compares each number with
tests/data/quality-baseline.json. Raising a baseline is a deliberate commit
(`python benchmarks/quality.py --json tests/data/quality-baseline.json`);
lowering one shows in the diff, never silently.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((ROOT / "tests" / "data" / "quality-baseline.json").read_text(encoding="utf-8"))
# A rate may move by rounding only; a count of misattributed statements may not grow at all.
TOLERANCE = {"misattributed": 0.0, "misattributed_per_100": 0.1}
RATE_TOLERANCE = 0.005
LOWER_IS_BETTER = {"misattributed", "misattributed_per_100"}

_spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
sys.modules["quality"] = quality  # its dataclasses look their module up by name
_spec.loader.exec_module(quality)
SETS = {s.name: s for s in quality.gold_sets() if s.cheap}


def drops(name: str, scores: dict[str, float], baseline: dict[str, float]) -> list[str]:
    """Every number worse than its baseline by more than its tolerance, said in words."""
    worse = []
    for key, floor in baseline.items():
        got = scores.get(key)
        allowed = TOLERANCE.get(key, RATE_TOLERANCE)
        if got is None:
            worse.append(f"{name}: {key} is no longer scored (baseline {floor})")
        elif (got > floor + allowed) if key in LOWER_IS_BETTER else (got < floor - allowed):
            worse.append(f"{name}: {key} went from {floor} to {round(got, 4)}")
    return worse


def test_every_cheap_set_has_a_baseline():
    assert set(SETS) <= set(BASELINE), sorted(set(SETS) - set(BASELINE))


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_score_drops_below_its_baseline(name, nlp):
    gold_set = SETS[name]
    if not gold_set.available():
        pytest.skip(f"{gold_set.articles} or the shared scorer is not on this machine")
    result = quality.run_set(gold_set, nlp)
    worse = drops(name, result.scores, BASELINE[name])
    assert not worse, "\n".join(worse)


def test_a_drop_is_named_with_set_number_and_values():
    assert drops("news-a", {"meeting_recall": 0.7, "misattributed": 5.0},
                 {"meeting_recall": 0.75, "misattributed": 4.0}) == [
        "news-a: meeting_recall went from 0.75 to 0.7", "news-a: misattributed went from 4.0 to 5.0"]
    assert drops("news-a", {"meeting_recall": 0.748}, {"meeting_recall": 0.75}) == []
