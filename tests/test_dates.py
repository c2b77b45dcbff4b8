"""A meeting's date (digest/extract/dates.py, and merge's choice among sources), with short sentences
written for these tests, and without the model as tables of date expressions and of the dates sources
give one meeting."""
from datetime import date

import pytest

from digest.extract.dates import resolve_date
from digest.merge import _Cluster, _choose_date, _dates_compatible
from digest.models import DateValue, MeetingMention

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


# ---- resolve_date, no model: one date expression against Wednesday 20 March 2024 ------

WEDNESDAY = date(2024, 3, 20)


@pytest.mark.parametrize("text, published, expected", [
    # a weekday is the latest such day on or before publication
    ("Monday", WEDNESDAY, (2024, 3, 18)),
    ("on Tuesday", WEDNESDAY, (2024, 3, 19)),
    ("Wednesday", WEDNESDAY, (2024, 3, 20)),  # the publication day itself
    ("Thursday", WEDNESDAY, (2024, 3, 14)),  # never a day after publication
    ("Sunday", WEDNESDAY, (2024, 3, 17)),
    ("last Friday", WEDNESDAY, (2024, 3, 15)),
    ("Tuesday evening", WEDNESDAY, (2024, 3, 19)),
    ("Monday", None, (None, None, None)),  # no publication date: unresolved, never against today
    # days relative to publication
    ("Yesterday", WEDNESDAY, (2024, 3, 19)),
    ("yesterday", date(2024, 3, 1), (2024, 2, 29)),
    ("today", WEDNESDAY, (2024, 3, 20)),
    ("this evening", WEDNESDAY, (2024, 3, 20)),
    ("earlier today", WEDNESDAY, (2024, 3, 20)),
    ("tonight", WEDNESDAY, (2024, 3, 20)),
    ("Yesterday", None, (None, None, None)),
    ("three days ago", WEDNESDAY, (2024, 3, 17)),
    ("tomorrow", WEDNESDAY, None),
    # periods: month precision
    ("last month", WEDNESDAY, (2024, 2, None)),
    ("late last month", WEDNESDAY, (2024, 2, None)),
    ("last month", date(2024, 1, 15), (2023, 12, None)),
    ("earlier this month", WEDNESDAY, (2024, 3, None)),
    ("earlier in the week", WEDNESDAY, (2024, 3, None)),  # "this week"
    ("early in the month", WEDNESDAY, (2024, 3, None)),
    ("this week", WEDNESDAY, (2024, 3, None)),  # Monday 18 to Wednesday 20: all March
    ("this week", date(2024, 5, 1), None),  # Monday 29 April to Wednesday 1 May: no one month
    ("last week", WEDNESDAY, (2024, 3, None)),  # Monday 11 to Sunday 17 March
    ("last week", date(2024, 5, 8), None),  # Monday 29 April to Sunday 5 May: no one month
    ("last year", WEDNESDAY, (2023, None, None)),
    ("two weeks ago", WEDNESDAY, (2024, 3, None)),
    ("three weeks ago", WEDNESDAY, None),  # about 28 February: the window straddles two months
    ("last month", None, (None, None, None)),
    ("next month", WEDNESDAY, None),
    ("over the weekend", WEDNESDAY, (2024, 3, None)),  # Saturday 16 and Sunday 17 March
    ("last weekend", date(2024, 6, 3), (2024, 6, None)),  # 1 and 2 June
    ("last weekend", date(2024, 9, 2), None),  # 31 August and 1 September: no one month
    ("last night", WEDNESDAY, (2024, 3, 19)),
    ("on the 18th", WEDNESDAY, (2024, 3, 18)),  # the latest 18th on or before publication
    ("on the 25th", WEDNESDAY, (2024, 2, 25)),
    ("the 31st", date(2024, 3, 5), (2024, 1, 31)),  # February has none
    # absolute dates keep the precision given
    ("March 10th", WEDNESDAY, (2024, 3, 10)),
    ("March 10th", None, (None, 3, 10)),  # yearless stays yearless; merge may anchor it
    ("March 10th, 2024", None, (2024, 3, 10)),
    ("March 10, 2023", WEDNESDAY, (2023, 3, 10)),
    ("10 March 2024", WEDNESDAY, (2024, 3, 10)),
    ("March 21", WEDNESDAY, (2023, 3, 21)),  # a yearless date is on or before publication
    ("December 28", date(2024, 1, 3), (2023, 12, 28)),
    ("Dec. 5", WEDNESDAY, (2023, 12, 5)),
    ("March 2024", WEDNESDAY, (2024, 3, None)),
    ("early March", WEDNESDAY, (2024, 3, None)),
    ("2023", None, (2023, None, None)),
    ("February 30, 2024", WEDNESDAY, (2024, 2, None)),  # no such day: the month stands
    ("Monday, March 18", WEDNESDAY, (2024, 3, 18)),
    # ISO and numeric dates
    ("2024-03-18", WEDNESDAY, (2024, 3, 18)),
    ("2024-03-18", None, (2024, 3, 18)),
    ("2024-03-18T10:00", WEDNESDAY, (2024, 3, 18)),
    ("18/03/2024", WEDNESDAY, (2024, 3, 18)),
    # no point in time
    ("banana", WEDNESDAY, None),
    ("", WEDNESDAY, None),
    ("   ", None, None),
    ("recent years", WEDNESDAY, None),
    ("the past decade", WEDNESDAY, None),
    ("the 1990s", WEDNESDAY, None),
    ("the weekend", WEDNESDAY, None),
])
def test_resolve_date(text, published, expected):
    value = resolve_date(text, published)
    assert (None if value is None else (value.year, value.month, value.day)) == expected
    if value is not None:
        assert value.text == " ".join(text.split())


# ---- merge's choice among the dates sources give one meeting, no model ----------------

def _cluster(*dates, sources=None):
    sources = sources or [f"s{i + 1}" for i in range(len(dates))]
    return _Cluster(items=[(sid, MeetingMention(participants=["A", "B"], date=d)) for sid, d in zip(sources, dates)])


def _d(year=None, month=None, day=None, text=""):
    return DateValue(year, month, day, text)


@pytest.mark.parametrize("dates, sources, chosen, conflicts", [
    pytest.param([], None, None, [], id="no-mention"),
    pytest.param([None, None], None, None, [], id="all-undated"),
    pytest.param([_d(2024, 3, 17, "March 17")], None, "2024-03-17", [], id="one-source"),
    pytest.param([_d(2024, 3, 17, "a"), _d(2024, 3, 17, "b"), _d(2024, 3, 18, "c")], None, "2024-03-17",
                 ['s3 dates it 2024-03-18 ("c")'], id="most-sources-win"),
    pytest.param([_d(2024, 3, 18, "x"), _d(2024, 3, 17, "y")], None, "2024-03-18",
                 ['s2 dates it 2024-03-17 ("y")'], id="a-tie-goes-to-the-first-source"),
    pytest.param([_d(2024, 3, 17, "a"), _d(2024, 3, 18, "b")], ["s2", "s10"], "2024-03-17",
                 ['s10 dates it 2024-03-18 ("b")'], id="source-order-is-numeric"),
    pytest.param([_d(2024, 3, None, "March"), _d(2024, 3, 17, "17")], None, "2024-03-17", [],
                 id="a-day-refines-its-month"),
    pytest.param([_d(2024, 3, 17, "a"), _d(2024, 3, 18, "b"), _d(2024, 3, None, "March")], None, "2024-03-17",
                 ['s2 dates it 2024-03-18 ("b")'], id="a-month-backs-both-days"),
    pytest.param([_d(2024, 2, None, "last month"), _d(2024, 2, None, "February")], None, "2024-02", [],
                 id="month-only"),
    pytest.param([_d(2024, 2, None, "Feb"), _d(2024, 3, None, "Mar")], None, "2024-02",
                 ['s2 dates it 2024-03 ("Mar")'], id="months-disagree"),
    pytest.param([_d(2024, 3, 17, "a"), _d(2024, 2, None, "Feb")], None, "2024-03-17",
                 ['s2 dates it 2024-02 ("Feb")'], id="a-day-beats-another-month"),
    pytest.param([_d(None, 3, 17, "March 17"), _d(2024, 3, 18, "x")], None, "2024-03-18", [],
                 id="a-yearless-date-is-no-support"),
    pytest.param([_d(text="Monday")], None, None, [], id="unresolved"),
    pytest.param([_d(2024, text="2024")], None, None, [], id="a-year-alone-dates-nothing"),
    pytest.param([_d(2024, 3, 18, "a"), _d(2024, 3, 18, "b"), _d(2024, 3, 17, "c"), _d(2024, 3, 17, "d")],
                 ["s1", "s1", "s2", "s3"], "2024-03-17", ['s1 dates it 2024-03-18 ("a")'],
                 id="sources-count-not-mentions"),
])
def test_choose_date(dates, sources, chosen, conflicts):
    value, found = _choose_date(_cluster(*dates, sources=sources))
    assert (value.iso() if value else None, found) == (chosen, conflicts)


@pytest.mark.parametrize("cluster, new, strong, compatible", [
    pytest.param([_d(2024, 3, 17)], None, False, True, id="undated-mention"),
    pytest.param([_d(2024, 3, 17)], _d(text="Monday"), False, True, id="unresolved-mention"),
    pytest.param([], _d(2024, 3, 17), False, True, id="empty-cluster"),
    pytest.param([None], _d(2024, 3, 17), False, True, id="undated-cluster"),
    pytest.param([_d(text="Monday")], _d(2024, 3, 17), False, True, id="unresolved-cluster"),
    pytest.param([_d(2024, 3, 17)], _d(2024, 3, 17), False, True, id="same-day"),
    pytest.param([_d(2024, 3, 17)], _d(2024, 3, 18), False, False, id="a-day-apart"),
    pytest.param([_d(2024, 3, 17)], _d(2024, 3, 18), True, True, id="a-day-apart-same-people"),
    pytest.param([_d(2024, 3, 17)], _d(2024, 3, 19), True, True, id="two-days-apart-same-people"),
    pytest.param([_d(2024, 3, 17)], _d(2024, 3, 20), True, False, id="three-days-apart-same-people"),
    pytest.param([_d(2024, 3, 17)], _d(2023, 3, 17), True, False, id="another-year"),
    pytest.param([_d(2024, 3, None)], _d(2024, 3, 17), False, True, id="a-day-within-the-month"),
    pytest.param([_d(2024, 2, None)], _d(2024, 3, 17), False, False, id="a-day-in-another-month"),
    pytest.param([_d(2024, 3, 17)], _d(None, 3, 17), False, True, id="yearless-same-day"),
    pytest.param([_d(2024, 3, 17)], _d(None, 3, 18), False, False, id="yearless-other-day"),
    pytest.param([_d(2024)], _d(2024, 3, 17), False, True, id="a-year-alone"),
    pytest.param([_d(2023)], _d(2024, 3, 17), False, False, id="another-year-alone"),
    pytest.param([_d(2024, 3, 17), _d(2024, 3, 19)], _d(2024, 3, 17), False, False,
                 id="every-dated-mention-must-agree"),
    pytest.param([_d(2024, 2, 29)], _d(2024, 3, 1), True, True, id="a-day-apart-across-a-month-end"),
    pytest.param([_d(2024, 3, None)], _d(2023, 3, None), False, False, id="same-month-another-year"),
])
def test_dates_compatible(cluster, new, strong, compatible):
    mention = MeetingMention(participants=["A", "B"], date=new)
    assert _dates_compatible(_cluster(*cluster), mention, strong) is compatible


def test_last_weekday_written_on_that_weekday_is_the_week_before():
    assert resolve_date("last Monday", date(2024, 3, 18)).iso() == "2024-03-11"
    assert resolve_date("Monday", date(2024, 3, 18)).iso() == "2024-03-18"


@pytest.mark.parametrize("text, written, expected", [
    ("on Tuesday", (date(2023, 9, 19),), "2023-09-19"),  # the caption's day is a Tuesday
    ("on Monday", (date(2023, 9, 19),), None),  # no written day is a Monday: not guessed
    ("on Tuesday", (date(2023, 9, 19), date(2023, 9, 26)), None),  # two Tuesdays: which one?
    ("last Tuesday", (date(2023, 9, 19),), None),  # "last" counts from a day nobody gave
])
def test_a_weekday_without_a_publication_date_is_a_written_day_only_when_one_fits(text, written, expected):
    assert resolve_date(text, None, written).iso() == expected


def test_an_undated_article_dates_a_weekday_by_the_full_date_it_writes(nlp):
    text = ("Foreign Minister Anna Berg and Prime Minister Lars Holm meet in Oslo, Sept. 19, 2023. Photo: Ministry.\n"
            "Foreign Minister Anna Berg met Prime Minister Lars Holm on Tuesday in Oslo.")
    found = run(nlp, text, published=None).meetings
    assert found and all(m.date is not None and m.date.iso() == "2023-09-19" for m in found)


def test_telling_a_visiting_guest_dates_the_visit(nlp):
    text = "Earlier this week, Foreign Minister Anna Berg told visiting Prime Minister Lars Holm that Norway backed the talks."
    found = run(nlp, text).meetings
    assert [m.date.iso() if m.date else None for m in found] == ["2024-03"]


def test_a_weekday_and_a_yearless_day_take_the_one_nearby_year_they_fit(nlp):
    text = ("Foreign Minister Anna Berg met Prime Minister Lars Holm on Thursday evening (Nov 10) in Oslo. "
            "She backed Norway's chairmanship in 2023.\n"
            "Berg also met Chancellor Maria Lund on Thursday afternoon.")
    found = run(nlp, text, published=None).meetings
    assert [m.date.iso() if m.date else None for m in found] == ["2022-11-10", "2022-11-10"]


def test_a_weekday_and_a_yearless_day_stay_yearless_when_the_article_names_no_year(nlp):
    text = "Foreign Minister Anna Berg met Prime Minister Lars Holm on Thursday evening (Nov 10) in Oslo."
    found = run(nlp, text, published=None).meetings
    assert found[0].date.year is None and (found[0].date.month, found[0].date.day) == (11, 10)


def test_an_undated_article_gives_an_earlier_yearless_month_the_year_of_its_latest_day(nlp):
    text = ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on November 10, 2022.\n"
            "Their last meeting in September in New York was short.\n"
            "They will meet again in December in Bergen, Berg said.")
    found = run(nlp, text, published=None).meetings
    assert [m.date.iso() for m in found] == ["2022-11-10", "2022-09"]


def test_a_relative_clauses_date_is_not_the_main_meetings(nlp):
    found = run(nlp, "President Anna Berg and Prime Minister Lars Holm, who first met in Oslo in 2018, held talks in "
                     "Bergen on Monday.").meetings
    assert [(m.date.iso(), m.place) for m in found if m.place == "Bergen"] == [("2024-03-18", "Bergen")]


def test_a_name_the_model_joins_to_the_weekday_after_it_is_not_part_of_the_date(nlp):
    found = run(nlp, "Officials said President Joe Bush met privately with the Dalai Lama Tuesday. "
                     "The Dalai Lama said it was good.").meetings
    assert found[0].date.iso() == "2024-03-19"  # the model tags "Lama Tuesday" as one date


def test_an_occasion_named_again_with_the_has_the_day_it_was_named_with(nlp):
    text = ("OSLO - President Anna Berg was seen taking a selfie with President Lars Holm to show warming "
            "relations during their state banquet in Oslo on Monday. The two presidents, accompanied by their "
            "wives, attended the state banquet hosted at the palace after their bilateral summit.")
    found = run(nlp, text).meetings
    assert [m.date.iso() for m in found] == ["2024-03-18"]


def test_an_earlier_meeting_named_again_by_its_rank_takes_its_day_and_place_there(nlp):
    text = ("BEIJING - Chinese President Xi Ming met President Lee Jae-sun in Beijing on Monday. The smartphone Lee "
            "used to take selfies with Xi and the two first ladies was a device from tech giant Xiaomi gifted by Xi "
            "after their first summit two months ago. Adviser Wi said it continued discussions not covered in the "
            "first summit in Gyeongju, North Gyeongsang, in November.")
    found = run(nlp, text, published=date(2024, 1, 6)).meetings  # two months back: October or November
    earlier = [(m.date.iso() if m.date else None, m.place) for m in found if m.earlier]
    assert earlier == [("2023-11", "Gyeongju, North Gyeongsang")]  # never the dateline's Beijing


@pytest.mark.parametrize("text, day", [
    ("Foreign Minister Anna Berg arrived in Oslo on March 11. A day later, she met Prime Minister Lars Holm.",
     "2024-03-12"),
    ("Foreign Minister Anna Berg arrived in Oslo on March 11. The next day, she met Prime Minister Lars Holm.",
     "2024-03-12"),
    ("Foreign Minister Anna Berg spoke in Oslo on Friday. Two days earlier, she had met Prime Minister Lars Holm "
     "in Bergen.", "2024-03-13"),
    # with no day told before, a day counted from nothing is no day (never one from publication)
    ("Foreign Minister Anna Berg met Prime Minister Lars Holm a day earlier.", None),
])
def test_days_later_count_from_the_day_the_sentence_before_tells(nlp, text, day):
    found = run(nlp, text).meetings
    assert [m.date.iso() if m.date else None for m in found] == [day]


def test_a_weekday_set_off_before_its_date_is_that_date(nlp):
    found = run(nlp, "Prime Minister Anna Berg met Lars Holm in Oslo on the morning of Sunday, 10 March.").meetings
    assert found[0].date.iso() == "2024-03-10"  # not the Sunday before publication, 17 March


def test_the_day_a_span_began_does_not_date_the_meeting(nlp):
    found = run(nlp, "Prime Minister Anna Berg has met Lars Holm twice since his appointment on 6 March.").meetings
    assert [m.date for m in found] == [None]
