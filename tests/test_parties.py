"""Who the parties of a meeting are (digest/extract/parties.py), with short sentences written for these tests,
and without the model on parses built by hand."""
import pytest

from digest.extract.parties import group_subject

from extraction import brief, meetings, parsed, run


def test_meeting_without_a_named_host_belongs_to_the_protagonist(nlp):
    text = ("President Joseph Otieno arrived in Geneva on Monday for the conference.\n"
            "The first bilateral meeting of the day was with Foreign Minister Anna Berg.")
    assert meetings(nlp, text) == [["Anna Berg", "Joseph Otieno"]]


def test_an_office_never_named_is_an_unnamed_party(nlp):
    b = brief(nlp, "The Prime Minister met the President of the Nordic Council Anna Berg in Oslo today.\n"
                   "They agreed that fishing quotas must be shared fairly.")
    assert [(m.unnamed, [a.name for a in b.actors if a.id in m.participants]) for m in b.meetings] == \
        [(["the Prime Minister"], ["Anna Berg"])]
    assert {a.name for a in b.actors if a.kind == "person"} == {"Anna Berg"}
    named = brief(nlp, "Prime Minister Lars Holm arrived in Oslo on Monday.\n"
                       "The Prime Minister met Foreign Minister Anna Berg today.")
    assert all(not m.unnamed for m in named.meetings)


def test_the_chair_of_a_delegation_takes_part(nlp):
    found = meetings(nlp, "Kenya's delegation, chaired by the country's ambassador to Somalia Joseph Otieno, "
                          "met with Ahmed Farah, the head of the council.")
    assert any({"Ahmed Farah", "Joseph Otieno"} <= set(m) for m in found)


def test_a_country_qualifying_a_title_is_no_party(nlp):
    found = run(nlp, "Secretary of State Anna Berg met with Saudi Crown Prince Ahmed Farah on Tuesday in her "
                     "first bilateral visit to Saudi Arabia as the top U.S. diplomat.").meetings
    assert [(sorted(m.participants), m.place) for m in found] == [(["Ahmed Farah", "Anna Berg"], "Saudi Arabia")]


@pytest.mark.parametrize("text, parties", [
    pytest.param("Kenyan President Joseph Otieno and his Democratic Republic of Congo (DRC) counterpart Ahmed Farah "
                 "met in Qatar on Tuesday.", [["Ahmed Farah", "Joseph Otieno"]], id="counterpart-after-a-country"),
    pytest.param("The President of Kenya, Joseph Otieno, received this Saturday his counterpart from Somalia, "
                 "Ahmed Farah, in Nairobi.", [["Ahmed Farah", "Joseph Otieno"]], id="country-qualifying-a-counterpart"),
    pytest.param("Oman’s Crown Prince Khalid bin Rashid met with Qatar’s Emir Sheikh Hamad bin Nasser on the sidelines "
                 "of the summit in Doha on Tuesday, state news agency ONA reported.",
                 [["Hamad bin Nasser", "Khalid bin Rashid"]], id="crown-prince-is-a-title"),
    pytest.param("Prime Minister Lars Holm praised President Ahmed Farah, one day after the two leaders held talks "
                 "in their first formal summit in Oslo.", [["Ahmed Farah", "Lars Holm"]], id="the-two-leaders"),
    pytest.param("Prime Minister Lars Holm met in Brussels with the EU's High Representative, Anna Berg, and the EU's "
                 "Special Representative, Nils Dahl, as part of the dialogue between Oslo and Bergen.",
                 [["Anna Berg", "Lars Holm", "Nils Dahl"]], id="offices-and-title-possessors-are-no-parties"),
    pytest.param("Prime Minister Lars Holm arrived in Geneva on Tuesday.\n\"He had fruitful meetings yesterday with "
                 "the foreign ministers of Denmark [Anna Berg] and Iceland [Sigrun Dottir]. Both countries are our "
                 "partners,\" the spokesman said.", [["Anna Berg", "Lars Holm"], ["Lars Holm", "Sigrun Dottir"]],
                 id="names-an-editor-adds-in-brackets"),
])
def test_who_the_parties_are(nlp, text, parties):
    """Parties named around titles, descriptions and misparses: the people, not the countries."""
    assert meetings(nlp, text) == parties


# ---- group_subject on parses built by hand, no model ------------------------------------
# Rows: (word, head, dep, pos, tag, lemma, entity); heads are token indices.

THE_TWO_LEADERS_HELD_TALKS = [
    ("The", 2, "det", "DET", "DT", "the", "O"),
    ("two", 2, "nummod", "NUM", "CD", "two", "B-CARDINAL"),
    ("leaders", 3, "nsubj", "NOUN", "NNS", "leader", "O"),
    ("held", 3, "ROOT", "VERB", "VBD", "hold", "O"),
    ("talks", 3, "dobj", "NOUN", "NNS", "talk", "O"),
]
THEY_MET = [
    ("They", 1, "nsubj", "PRON", "PRP", "they", "O"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
]
THE_TALKS_ENDED = [
    ("The", 1, "det", "DET", "DT", "the", "O"),
    ("talks", 2, "nsubj", "NOUN", "NNS", "talk", "O"),
    ("ended", 2, "ROOT", "VERB", "VBD", "end", "O"),
]
BOTH_SIDES_MET = [
    ("Both", 1, "det", "DET", "DT", "both", "O"),
    ("sides", 2, "nsubj", "NOUN", "NNS", "side", "O"),
    ("met", 2, "ROOT", "VERB", "VBD", "meet", "O"),
]
BOTH_MET = [
    ("Both", 1, "nsubj", "PRON", "DT", "both", "O"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
]
THE_LEADERS_OF_THE_THREE_COUNTRIES_MET = [
    ("The", 1, "det", "DET", "DT", "the", "O"),
    ("leaders", 6, "nsubj", "NOUN", "NNS", "leader", "O"),
    ("of", 1, "prep", "ADP", "IN", "of", "O"),
    ("the", 5, "det", "DET", "DT", "the", "O"),
    ("three", 5, "nummod", "NUM", "CD", "three", "B-CARDINAL"),
    ("countries", 2, "pobj", "NOUN", "NNS", "country", "O"),
    ("met", 6, "ROOT", "VERB", "VBD", "meet", "O"),
]
THE_LEADERS_MET = [
    ("The", 1, "det", "DET", "DT", "the", "O"),
    ("leaders", 2, "nsubj", "NOUN", "NNS", "leader", "O"),
    ("met", 2, "ROOT", "VERB", "VBD", "meet", "O"),
]
THE_TWO_COMPANIES_MET = [
    ("The", 2, "det", "DET", "DT", "the", "O"),
    ("two", 2, "nummod", "NUM", "CD", "two", "B-CARDINAL"),
    ("companies", 3, "nsubj", "NOUN", "NNS", "company", "O"),
    ("met", 3, "ROOT", "VERB", "VBD", "meet", "O"),
]
BERG_MET_HOLM = [
    ("Berg", 1, "nsubj", "PROPN", "NNP", "Berg", "B-PERSON"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet", "O"),
    ("Holm", 1, "dobj", "PROPN", "NNP", "Holm", "B-PERSON"),
]
TO_MARK_THEIR_SUMMIT = [
    ("to", 1, "aux", "PART", "TO", "to", "O"),
    ("mark", 1, "ROOT", "VERB", "VB", "mark", "O"),
    ("their", 3, "poss", "PRON", "PRP$", "their", "O"),
    ("summit", 1, "dobj", "NOUN", "NN", "summit", "O"),
]
MET_IN_OSLO = [
    ("Met", 0, "ROOT", "VERB", "VBD", "meet", "O"),
    ("in", 0, "prep", "ADP", "IN", "in", "O"),
    ("Oslo", 1, "pobj", "PROPN", "NNP", "Oslo", "B-GPE"),
]


@pytest.mark.parametrize("rows, trigger, count", [
    pytest.param(THE_TWO_LEADERS_HELD_TALKS, 3, 2, id="the-two-leaders-held"),
    pytest.param(THE_TWO_LEADERS_HELD_TALKS, 4, 2, id="the-two-leaders-held-talks"),
    pytest.param(THEY_MET, 1, 0, id="they-count-unknown"),
    pytest.param(THE_TALKS_ENDED, 1, None, id="the-talks-ended"),
    pytest.param(BOTH_SIDES_MET, 2, 2, id="both-sides"),
    pytest.param(BOTH_MET, 1, 2, id="both"),
    pytest.param(THE_LEADERS_OF_THE_THREE_COUNTRIES_MET, 6, 3, id="leaders-of-three-countries"),
    pytest.param(THE_LEADERS_MET, 2, None, id="uncounted"),
    pytest.param(THE_TWO_COMPANIES_MET, 3, None, id="not-people"),
    pytest.param(BERG_MET_HOLM, 1, None, id="a-name"),
    pytest.param(TO_MARK_THEIR_SUMMIT, 3, 0, id="their-summit"),
    pytest.param(MET_IN_OSLO, 0, None, id="no-subject"),
])
def test_group_subject(rows, trigger, count):
    assert group_subject(parsed(rows)[trigger]) == count
