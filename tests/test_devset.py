"""Extraction quality floor on the development set in tests/data/devset.

Real, openly licensed texts (US government works, UK Open Government Licence),
annotated by hand before the extractor ever ran on them (see its README). The
counts here are deliberately simple (which people, who met whom, whose words)
so that a regression fails CI even where the project's shared scorer (outside the
repo, used by test_quality_gate.py) is absent. Its floors are the "devset-counted"
entry of tests/data/quality-baseline.json, the numbers the set scores today.
"""
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from digest.collect import collect
from digest.extract import extract
from digest.merge import merge
from digest.names import plain, same_person

DEVSET = Path(__file__).parent / "data" / "devset"
GOLD = yaml.safe_load((DEVSET / "gold.yaml").read_text(encoding="utf-8"))
FLOOR = json.loads((DEVSET.parent / "quality-baseline.json").read_text(encoding="utf-8"))["devset-counted"]


@pytest.fixture(scope="module")
def briefing(nlp):
    articles, skipped = collect([DEVSET / "articles"], 10_000_000)
    assert not skipped and len(articles) == len(GOLD["sources"])
    return merge(extract(articles, nlp), date(2026, 11, 24), "test")


def gold_name(actor) -> str | None:
    """The gold person an extracted actor is, by any of its names."""
    names = [actor.name, *actor.aliases]
    for person in GOLD["actors"]:
        variants = {plain(v) for v in [person["name"], *person.get("variants", [])] if len(v.split()) > 1}
        if any(plain(n) in variants or same_person(n, person["name"]) for n in names if len(n.split()) > 1):
            return person["name"]
    return None


@pytest.fixture(scope="module")
def who(briefing):
    return {a.id: gold_name(a) for a in briefing.actors if a.kind == "person"}


def test_people(briefing, who):
    found = {n for n in who.values() if n}
    extra = [a.name for a in briefing.actors if a.kind == "person" and not who[a.id]
             and a.name not in GOLD.get("allowed_actors", [])]
    assert len(found) / len(GOLD["actors"]) >= FLOOR["people_found"], sorted({p["name"] for p in GOLD["actors"]} - found)
    assert len(extra) <= 1, extra


def test_meetings(briefing, who):
    """A gold meeting is found when one extracted meeting has two of its people (its one
    person, when the other side is an office nobody names)."""
    extracted = [{who.get(p) for p in m.participants} - {None} for m in briefing.meetings]

    def same(gold, found):
        return len(set(gold["participants"]) & found) >= min(2, len(gold["participants"]))

    required = [m for m in GOLD["meetings"] if m.get("required", True)]
    found = [m for m in required if any(same(m, e) for e in extracted)]
    unknown = [e for e in extracted if not any(same(m, e) for m in GOLD["meetings"] if m["participants"])]
    assert len(found) / len(required) >= FLOOR["meetings_found"], [m["id"] for m in required if m not in found]
    assert not unknown


def test_positions(briefing, who):
    """Each stance's phrases appear in a position (its words or evidence) of the right
    person, and its words are never credited to another."""
    def said(q, p, evidence):
        return any(plain(ph) in plain(f"{q.text} {q.evidence}" if evidence else q.text) for ph in p["phrases"])

    found = {id(p) for p in GOLD["positions"] for q in briefing.positions
             if said(q, p, evidence=True) and who.get(q.actor) == p["actor"]}
    by_phrase = [(p, who.get(q.actor)) for p in GOLD["positions"] for q in briefing.positions if said(q, p, False)]
    joint = {(p["actor"], tuple(p["phrases"])) for p in GOLD["positions"]}
    wrong = [(speaker, p["phrases"][0]) for p, speaker in by_phrase
             if speaker and speaker != p["actor"] and (speaker, tuple(p["phrases"])) not in joint]
    assert len(found) / len(GOLD["positions"]) >= FLOOR["positions_found"], len(found) / len(GOLD["positions"])
    assert not wrong
