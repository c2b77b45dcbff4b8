"""Where a meeting took place (digest/extract/places.py), with short sentences written for these tests."""
from extraction import run


def test_place_from_visit_context(nlp):
    found = run(nlp, "During his visit to Nairobi, Foreign Minister Anna Berg met President Joseph Otieno.").meetings
    assert found[0].place == "Nairobi"


def test_place_from_dateline(nlp):
    found = run(nlp, "NAIROBI (Reuters) - Foreign Minister Anna Berg met President Joseph Otieno on Monday.").meetings
    assert found[0].place == "Nairobi"


def test_a_kicker_is_not_a_dateline(nlp):
    text = ("PRESS RELEASE : Berg meets Holm\n\nThe press release was issued on Monday.\n"
            "Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday.")
    assert run(nlp, text).meetings[0].place is None


def test_a_place_that_only_qualifies_a_title_is_not_the_venue(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday in her first visit "
                     "to Denmark as the top Norwegian diplomat in Brussels.").meetings
    assert found[0].place == "Denmark"


def test_a_venue_of_a_city_is_the_place(nlp):
    found = run(nlp, "President Joseph Otieno welcomed President Ahmed Farah to Nairobi's State House on Thursday.").meetings
    assert found[0].place and "Nairobi" in found[0].place
