"""Who the parties of a meeting are (digest/extract/parties.py), with short sentences written for these tests."""
import pytest

from extraction import brief, meetings, run


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
