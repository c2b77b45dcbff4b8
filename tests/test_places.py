"""Where a meeting took place (digest/extract/places.py), with short sentences written for these tests,
and without the model on parses built by hand."""
import pytest

from digest.extract.places import place_under

from extraction import parsed, run


def test_place_from_visit_context(nlp):
    found = run(nlp, "During his visit to Nairobi, Foreign Minister Anna Berg met President Joseph Otieno.").meetings
    assert found[0].place == "Nairobi"


def test_place_from_dateline(nlp):
    found = run(nlp, "NAIROBI (Reuters) - Foreign Minister Anna Berg met President Joseph Otieno on Monday.").meetings
    assert found[0].place == "Nairobi"


@pytest.mark.parametrize("opening", ["OSLO, March 18 -", "Oslo, March 18 (Reuters) -", "Oslo, 18 March:"])
def test_a_dateline_with_a_yearless_day_and_no_agency_is_the_place_and_never_a_party(nlp, opening):
    found = run(nlp, f"{opening} Foreign Minister Anna Berg met President Joseph Otieno for talks on trade.").meetings
    assert [(sorted(m.participants), m.place, m.date) for m in found] == [
        (["Anna Berg", "Joseph Otieno"], "Oslo", None)]


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


@pytest.mark.parametrize("text, place", [
    ("Vice President Anna Berg met today with President Joseph Otieno of Kenya on the margins of the Summit "
     "for Peace in Geneva.", "Geneva"),  # a name completing the occasion's
    ("President Joseph Otieno and Chancellor Maria Lund met one-on-one in Nairobi on Monday.", "Nairobi"),
    ("President Joseph Otieno on Monday met with a delegation led by Chancellor Maria Lund in Nairobi.", "Nairobi"),
    ("President Joseph Otieno hosted Chancellor Maria Lund and President Ana Ruiz for talks in Nairobi on Monday.",
     "Nairobi"),
    ("President Joseph Otieno met separately with Chancellor Maria Lund and with President Ana Ruiz in Lima on "
     "Monday.", "Lima"),  # on the partner of the last "with", for each meeting
    # "where" means the last place named before it, though the parser hangs it on the day
    ("Chancellor Maria Lund paid a visit to Kampala on Monday, where she held talks with President Joseph Otieno.",
     "Kampala"),
    ("Chancellor Maria Lund paid a state visit to Uganda on Monday, where she held talks with President Joseph "
     "Otieno.", "Uganda"),
    # where a participant was visiting, said in a relative clause on the guest or on the subject
    ("President Joseph Otieno met with Prime Minister of Norway Lars Holm, who arrived in Kyiv on a visit.", "Kyiv"),
    ("President Joseph Otieno had a meeting with Prime Minister Lars Holm, who is in Russia on an official visit.",
     "Russia"),
    ("Chancellor Maria Lund, who is on a three-day visit to Beijing, met with President Joseph Otieno on Monday.",
     "Beijing"),
    ("Chancellor Maria Lund is in Nairobi for talks with President Joseph Otieno.", "Nairobi"),
    ("Chancellor Maria Lund was greeted by President Joseph Otieno as she arrived at State House on Monday.",
     "State House"),
    ("Chancellor Maria Lund visited the White House on Tuesday for talks with President Joseph Otieno.",
     "White House"),
    ("Foreign Minister Anna Berg welcomed Indonesian Foreign Minister Retno Marsudi to Canberra for the annual "
     "Foreign Ministers' Meeting.", "Canberra"),  # "to Canberra" parsed as a verb
    ("Prime Minister Anna Lund met with President Erik Holm, Chancellor Olaf Berg and Prime Minister Jan Dahl "
     "in Oslo on Monday.", "Oslo"),  # hung on the last of three, which the model chains to the second
    ("President Joseph Otieno met with Chancellor Maria Lund for about 30 minutes in the private White House "
     "residence.", "White House"),  # a venue naming the building it modifies
])
def test_the_place_the_parser_hangs_away_from_the_verb(nlp, text, place):
    assert all(m.place == place for m in run(nlp, text).meetings)


def test_where_a_participant_is_now_places_the_dated_meeting_told_next(nlp):
    text = ("Foreign Minister Anna Berg is in Juba for talks on the fighting. "
            "Berg met for more than an hour on Monday with President Joseph Otieno.")
    assert [m.place for m in run(nlp, text).meetings] == ["Juba"]


def test_where_a_participant_arrived_places_the_dated_meeting_told_next(nlp):
    text = "Chancellor Maria Lund arrived in Nairobi on Sunday. She met President Joseph Otieno on Monday."
    assert [m.place for m in run(nlp, text).meetings] == ["Nairobi"]


@pytest.mark.parametrize("text, place", [
    ("Emir Tamim bin Hamad received Dr. Hassan Diab and the accompanying delegation in his office at Al-Bahr "
     "Palace this evening.", "Al-Bahr Palace"),  # on the second object; an office in a palace
    ("President Joseph Otieno received Ethiopian President Sahle-Work Zewde at State House Nairobi during a "
     "visit in May 2019.", "State House Nairobi"),  # the building's noun inside the name
])
def test_venues_the_parse_or_the_tagger_hides(nlp, text, place):
    assert run(nlp, text).meetings[0].place == place


# ---- place_under on parses built by hand, no model --------------------------------------
# Rows: (word, head, dep, pos, tag, lemma, entity); heads are token indices.

MET_AT_THE_KREMLIN_IN_MOSCOW = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("at", 1, "prep", "ADP", "IN", "at", "O"),
    ("the", 5, "det", "DET", "DT", "the", "B-FAC"),
    ("Kremlin", 3, "pobj", "PROPN", "NNP", "Kremlin", "I-FAC"),
    ("in", 5, "prep", "ADP", "IN", "in", "O"),
    ("Moscow", 6, "pobj", "PROPN", "NNP", "Moscow", "B-GPE"),
]
MET_IN_OSAKA_JAPAN = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    ("Osaka", 3, "pobj", "PROPN", "NNP", "Osaka", "B-GPE"),
    (",", 4, "punct", "PUNCT", ",", ",", "O"),
    ("Japan", 4, "appos", "PROPN", "NNP", "Japan", "B-GPE"),
]
MET_AT_THE_UNION_BUILDINGS = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("at", 1, "prep", "ADP", "IN", "at", "O"),
    ("the", 6, "det", "DET", "DT", "the", "O"),
    ("Union", 6, "compound", "PROPN", "NNP", "Union", "B-ORG"),
    ("Buildings", 3, "pobj", "PROPN", "NNPS", "Buildings", "I-ORG"),
]
MET_AT_THE_UNITED_NATIONS = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("at", 1, "prep", "ADP", "IN", "at", "O"),
    ("the", 6, "det", "DET", "DT", "the", "O"),
    ("United", 6, "compound", "PROPN", "NNP", "United", "B-ORG"),
    ("Nations", 3, "pobj", "PROPN", "NNPS", "Nations", "I-ORG"),
]
MET_AT_TALKS_ENDING_THE_FIGHTING_IN_CONGO = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("at", 1, "prep", "ADP", "IN", "at", "O"),
    ("talks", 3, "pobj", "NOUN", "NNS", "talk", "O"),
    ("ending", 4, "acl", "VERB", "VBG", "end", "O"),
    ("the", 7, "det", "DET", "DT", "the", "O"),
    ("fighting", 5, "dobj", "NOUN", "NN", "fighting", "O"),
    ("in", 7, "prep", "ADP", "IN", "in", "O"),
    ("Congo", 8, "pobj", "PROPN", "NNP", "Congo", "B-GPE"),
]
MET_WITH_HOLM_IN_DOHA = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("with", 1, "prep", "ADP", "IN", "with", "O"),
    ("Holm", 2, "pobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    ("Doha", 4, "pobj", "PROPN", "NNP", "Doha", "B-GPE"),
]
MET_ON_MONDAY = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
    ("on", 1, "prep", "ADP", "IN", "on", "O"),
    ("Monday", 3, "pobj", "PROPN", "NNP", "Monday", "B-DATE"),
]
VISITED_CAIRO = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("visited", 1, "ROOT", "VERB", "VBD", "visit", "O"),
    ("Cairo", 1, "dobj", "PROPN", "NNP", "Cairo", "B-GPE"),
]
TOLD_REPORTERS_IN_BERGEN = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("told", 1, "ROOT", "VERB", "VBD", "tell", "O"),
    ("reporters", 1, "dobj", "NOUN", "NNS", "reporter", "O"),
    ("in", 1, "prep", "ADP", "IN", "in", "O"),
    ("Bergen", 3, "pobj", "PROPN", "NNP", "Bergen", "B-GPE"),
]
FLEW_TO_BERGEN = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("flew", 1, "ROOT", "VERB", "VBD", "fly", "O"),
    ("to", 1, "prep", "ADP", "IN", "to", "O"),
    ("Bergen", 2, "pobj", "PROPN", "NNP", "Bergen", "B-GPE"),
]


@pytest.mark.parametrize("rows, head, preps, place", [
    pytest.param(MET_AT_THE_KREMLIN_IN_MOSCOW, 1, None, "Kremlin, Moscow", id="most-specific-first"),
    pytest.param(MET_IN_OSAKA_JAPAN, 1, None, "Osaka, Japan", id="city-and-country"),
    pytest.param(MET_AT_THE_UNION_BUILDINGS, 1, None, "Union Buildings", id="a-building-tagged-org"),
    pytest.param(MET_AT_THE_UNITED_NATIONS, 1, None, None, id="an-organisation-is-no-venue"),
    pytest.param(MET_AT_TALKS_ENDING_THE_FIGHTING_IN_CONGO, 1, None, None, id="a-place-in-a-clause-of-its-own"),
    pytest.param(MET_WITH_HOLM_IN_DOHA, 1, None, "Doha", id="after-the-partner"),
    pytest.param(MET_WITH_HOLM_IN_DOHA, 3, None, None, id="not-under-that-head"),
    pytest.param(MET_ON_MONDAY, 1, None, None, id="a-date-is-no-place"),
    pytest.param(VISITED_CAIRO, 1, None, "Cairo", id="the-object-of-a-visit"),
    pytest.param(TOLD_REPORTERS_IN_BERGEN, 1, {"in"}, "Bergen", id="in-only"),
    pytest.param(FLEW_TO_BERGEN, 1, {"in"}, None, id="to-not-asked-for"),
    pytest.param(FLEW_TO_BERGEN, 1, {"in", "at", "to"}, "Bergen", id="to-asked-for"),
])
def test_place_under(rows, head, preps, place):
    doc = parsed(rows)
    found = place_under(doc[head]) if preps is None else place_under(doc[head], preps)
    assert found == place


@pytest.mark.parametrize("city", ["Kota Baru", "Tana Toraja"])  # the model tags them an organisation, a person
def test_the_dateline_city_named_again_is_a_place_whatever_the_model_tags_it(nlp, city):
    text = (f"{city} (VNA) – President Anna Berg on May 9 had a bilateral meeting with Prime Minister Lars Holm "
            f"on the sidelines of the regional summit in {city}, East Sumba.")
    assert run(nlp, text).meetings[0].place == f"{city}, East Sumba"


def test_a_dateline_the_parser_splits_off_is_still_the_dateline(nlp):
    text = ("BY ANNA KIM\n\nSEOUL — Korean President Lee Jae Myung was spotted taking a selfie with Chinese President "
            "Xi Jinping during their state banquet on Monday.\n"
            "The two presidents attended the state banquet after their bilateral summit.")
    assert run(nlp, text).meetings[-1].place == "Seoul"


def test_a_region_is_no_venue_to_complete_with_a_city(nlp):
    text = ("Envoy Wang Lei arrived in Cairo on Friday.\n"
            "Wang then traveled to the West Bank and met with Foreign Minister Anna Berg on Monday.")
    assert run(nlp, text).meetings[-1].place == "West Bank"


def test_a_place_inside_a_topic_is_not_the_venue(nlp):
    text = ("Prime Minister Lars Holm and President Anna Berg met again in Brussels in a bilateral meeting on the eve "
            "of a crucial summit on the issues of enlargement to Ukraine.")
    assert run(nlp, text).meetings[0].place == "Brussels"


def test_a_meeting_dated_another_day_does_not_take_the_last_meetings_place(nlp):
    text = ("Earlier this month, Envoy Wang Lei told visiting Foreign Minister Anna Berg that trade mattered, the first "
            "time China has hosted her.\n"
            "On Monday, Wang also met with Chancellor Maria Lund.")
    found = run(nlp, text).meetings
    assert [m.place for m in found] == ["China", None]
