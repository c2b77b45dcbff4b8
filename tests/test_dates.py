"""A meeting's date (digest/extract/dates.py, and merge's choice among sources), with short sentences
written for these tests."""
from datetime import date

import pytest

from extraction import brief, run


def test_relative_dates_need_a_publication_date(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday.", published=None).meetings
    assert found[0].date.iso() is None  # never resolved against today


def test_month_precision(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm late last month.").meetings
    assert found[0].date.iso() == "2024-02"


@pytest.mark.parametrize("when, day", [("this evening", "2024-03-20"), ("earlier today", "2024-03-20"),
                                       ("tonight", "2024-03-20"), ("yesterday (18)", "2024-03-18"),
                                       ("on Tuesday (19th)", "2024-03-19"), ("on Monday (25)", None)])
def test_parts_of_the_day_and_days_in_brackets(nlp, when, day):
    found = run(nlp, f"Foreign Minister Anna Berg met Prime Minister Lars Holm {when} in Oslo.").meetings
    assert (found[0].date.iso() if found[0].date else None) == day


def test_date_of_reporting_verb_is_not_the_meeting_date(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo, the ministry said Tuesday.").meetings
    assert found[0].date is None


def test_sources_disagreeing_on_a_date_are_a_conflict(nlp):
    b = brief(nlp,
              "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on March 17, 2024.",
              "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on March 17, 2024.",
              "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on March 18, 2024.")
    assert len(b.meetings) == 1
    m = b.meetings[0]
    assert m.date == "2024-03-17" and m.sources == ["s1", "s2", "s3"]
    assert m.conflicts and m.conflicts[0].startswith("s3 dates it 2024-03-18")


def test_undated_article_takes_the_year_of_a_dated_report(nlp):
    b = brief(nlp,
              ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on March 17, 2024.", date(2024, 3, 18)),
              ("On March 17th, Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo. On March 10th, "
               "Berg met President Joseph Otieno in Nairobi.", None))
    dated = {m.place: m.date for m in b.meetings}
    assert dated == {"Oslo": "2024-03-17", "Nairobi": "2024-03-10"}


def test_a_day_in_brackets_without_a_year_known_is_left_alone(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm on March 10 (10) in Oslo.",
                published=None).meetings
    assert (found[0].date.month, found[0].date.day, found[0].date.year) == (3, 10, None)
