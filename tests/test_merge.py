"""merge() is a pure function of its extractions: it never changes what it was given."""
import copy
from datetime import date
from pathlib import Path

from digest.merge import merge
from digest.models import ActorMention, Article, DateValue, Extraction, MeetingMention


def test_merge_leaves_its_inputs_as_they_were():
    dated = Extraction(Article(path=Path("a.txt"), text="", published=date(2024, 3, 20)),
                       actors=[ActorMention("Anna Berg", "person"), ActorMention("Lars Holm", "person")],
                       meetings=[MeetingMention(participants=["Anna Berg", "Lars Holm"],
                                                date=DateValue(2024, 3, 17, "March 17"))])
    undated = Extraction(Article(path=Path("b.txt"), text="", published=None),
                         actors=[ActorMention("Anna Berg", "person"), ActorMention("Holm", "person", partial=True)],
                         meetings=[MeetingMention(participants=["Anna Berg", "Holm"], date=DateValue(None, 3, 17, "March 17"))])
    given = [dated, undated]
    before = copy.deepcopy(given)
    briefing = merge(given, date(2024, 3, 21), "t")
    assert [m.date for m in briefing.meetings] == ["2024-03-17"]  # the yearless one was anchored ...
    assert given == before  # ... in merge's own copy, and the bare "Holm" joined Lars Holm there too


def test_a_meeting_its_source_tells_as_an_earlier_one_stays_apart():
    people = [ActorMention("Anna Berg", "person"), ActorMention("Lars Holm", "person")]
    now = MeetingMention(participants=["Anna Berg", "Lars Holm"], date=DateValue(2024, 3, 18, "Monday"), place="Bergen")
    before = MeetingMention(participants=["Anna Berg", "Lars Holm"], date=DateValue(2024, 3, None, "in March"),
                            place="Oslo", earlier=True)
    one = Extraction(Article(path=Path("a.txt"), text="", published=date(2024, 3, 20)), actors=people,
                     meetings=[now, before])
    briefing = merge([one], date(2024, 3, 21), "t")
    assert sorted((m.date, m.place) for m in briefing.meetings) == [("2024-03", "Oslo"), ("2024-03-18", "Bergen")]


def test_an_undated_meeting_of_a_july_article_is_not_a_meeting_dated_october():
    people = [ActorMention("Anna Berg", "person"), ActorMention("Lars Holm", "person")]
    july = Extraction(Article(path=Path("a.txt"), text="", published=date(2024, 7, 30)), actors=people,
                      meetings=[MeetingMention(participants=["Anna Berg", "Lars Holm"], place="Bergen")])
    october = Extraction(Article(path=Path("b.txt"), text="", published=date(2024, 10, 14)), actors=people,
                         meetings=[MeetingMention(participants=["Anna Berg", "Lars Holm"],
                                                  date=DateValue(2024, 10, 14, "Tuesday"), place="Oslo")])
    briefing = merge([july, october], date(2024, 10, 15), "t")
    assert sorted((m.date or "", m.place) for m in briefing.meetings) == [("", "Bergen"), ("2024-10-14", "Oslo")]


def test_an_office_is_written_in_one_style_a_description_as_written():
    from digest.merge import best_title
    assert best_title(["Russian foreign minister"]) == "Russian Foreign Minister"
    assert best_title(["deputy director-general of the ministry"]) == "Deputy Director-General of the Ministry"
    assert best_title(["the top U.S. diplomat"]) == "The top U.S. diplomat"
