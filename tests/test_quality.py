"""Extraction quality floor on the shipped example articles, with our own expectations.

A regression guard: the three articles in inputs/ read as an analyst would.
"""
from datetime import date

import pytest

from digest.collect import collect
from digest.extract import extract
from digest.merge import merge

from conftest import INPUTS


@pytest.fixture(scope="module")
def briefing(nlp):
    articles, skipped = collect([INPUTS], 10_000_000)
    assert not skipped
    return merge(extract(articles, nlp), date(2024, 3, 20), "test")


def names(briefing, ids):
    by_id = {a.id: a.name for a in briefing.actors}
    return {by_id[i] for i in ids}


def test_people(briefing):
    people = {a.name for a in briefing.actors if a.kind == "person"}
    assert people == {"Wang Kejian", "Ismail Haniyeh", "Cao Xiaolin", "Khalid Manzalawi", "Riyad al-Maliki",
                      "Rachel Feinmesser", "Hagai Shagrir", "Wang Yi", "Zhai Jun", "Ma Xinmin"}


def test_meetings_dates_places(briefing):
    found = {(m.date, m.place): names(briefing, m.participants) for m in briefing.meetings}
    assert found[("2024-03-10", "Cairo")] >= {"Wang Kejian", "Khalid Manzalawi"}
    assert found[("2024-03-13", "West Bank")] >= {"Wang Kejian", "Riyad al-Maliki"}
    assert found[("2024-03-14", "Israel")] >= {"Wang Kejian", "Rachel Feinmesser", "Hagai Shagrir"}
    assert found[("2024-03-17", "Qatar")] >= {"Wang Kejian", "Ismail Haniyeh", "Cao Xiaolin"}
    assert found[("2024-02", "Qatar")] >= {"Ismail Haniyeh", "Cao Xiaolin"}
    assert len(briefing.meetings) == 5


def test_doha_meeting_from_all_sources_with_the_lede_conflict(briefing):
    doha = next(m for m in briefing.meetings if m.date == "2024-03-17")
    assert doha.sources == ["s1", "s2", "s3"]
    assert doha.conflicts == ['s1 dates it 2024-03-18 ("March 18th")']


def test_positions_are_attributed_to_their_speakers(briefing):
    said = {(names(briefing, [p.actor]).pop(), phrase) for p in briefing.positions
            for phrase in ("needs to be ended quickly", "national fabric", "top priority", "disgrace for civilization",
                           "full membership in the UN", "firmly stands with", "right to use force")
            if phrase in p.evidence}
    assert said >= {("Ismail Haniyeh", "needs to be ended quickly"), ("Wang Kejian", "national fabric"),
                    ("Wang Kejian", "top priority"), ("Wang Yi", "disgrace for civilization"),
                    ("Wang Yi", "full membership in the UN"), ("Riyad al-Maliki", "firmly stands with"),
                    ("Ma Xinmin", "right to use force")}
    assert not any(who == "Wang Kejian" and phrase in ("disgrace for civilization", "full membership in the UN")
                   for who, phrase in said)
