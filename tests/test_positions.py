"""Who said what (digest/extract/positions.py), with short sentences written for these tests."""
import pytest

from extraction import run


@pytest.mark.parametrize("text, speakers", [
    pytest.param('"We will not accept any partition of the country," Prime Minister Lars Holm said.',
                 ["Lars Holm"], id="quote-then-speaker"),
    pytest.param("The ministry statement said that Foreign Minister Anna Berg stressed the need for a ceasefire.",
                 ["Anna Berg"], id="innermost-person-not-the-relaying-statement"),
    pytest.param("Governor Ann Lowe spoke in Oslo. The Lowe campaign says the ad will air on national cable stations.",
                 ["Ann Lowe"], id="a-campaign-speaks-for-its-candidate"),
    pytest.param("Governor Ann Lowe spoke in Oslo. Lowe's tweet said the talks with the fishermen had failed.",
                 ["Ann Lowe"], id="a-persons-tweet-speaks-for-them"),
    pytest.param("The Norwegian Foreign Ministry said that the talks would continue next month.",
                 ["Norwegian Foreign Ministry"], id="organisation-speaks-for-itself"),
    pytest.param("The plan, according to Nordic Council Secretary General Anna Berg, meets all the concerns of Norway.",
                 ["Anna Berg"], id="according-to-a-titled-person"),
    pytest.param("Prime Minister Lars Holm met King Harald Olsen in Oslo on Tuesday, state news agency NTB reported.\n"
                 "\"During the meeting, they reviewed the relations between the two countries,\" NTB reported.",
                 ["Harald Olsen", "Lars Holm"], id="a-news-agency-reporting-holds-no-position"),
    pytest.param("Foreign Minister Anna Berg and Prime Minister Lars Holm reiterated that fishing quotas must be "
                 "shared fairly.", ["Anna Berg", "Lars Holm"], id="coordinated-speakers-both-hold-it"),
])
def test_who_speaks(nlp, text, speakers):
    assert sorted(p.actor for p in run(nlp, text).positions) == speakers


def test_reported_speech_by_reporting_verb(nlp):
    ex = run(nlp, "Foreign Minister Anna Berg said that a ceasefire must come first.")
    assert [(p.actor, p.text) for p in ex.positions] == [("Anna Berg", "that a ceasefire must come first")]
    assert ex.positions[0].evidence == "Foreign Minister Anna Berg said that a ceasefire must come first."


@pytest.mark.parametrize("text, not_speaking", [
    pytest.param("Foreign Minister Anna Berg met Prime Minister Lars Holm. "
                 "Asked about Berg's remarks, Jensen said the plan would fail.", "Anna Berg",
                 id="an-unidentified-speaker-blocks-attribution"),
    pytest.param("Foreign Minister Anna Berg met Prime Minister Lars Holm. "
                 "Holm would respond by saying that the border must stay closed to all traffic.", "Lars Holm",
                 id="hypothetical-speech-is-not-a-position"),
])
def test_words_not_credited(nlp, text, not_speaking):
    assert all(p.actor != not_speaking for p in run(nlp, text).positions)


def test_a_clause_beside_a_report_is_not_relayed_by_it(nlp):
    """Only the content clause of a person's report relays another's words, not a 'when' clause beside it."""
    ex = run(nlp, "When Senator Tom Reed said that farmers would suffer, Governor Ann Lowe argued that the plan was fair.")
    assert all(p.actor == "Tom Reed" for p in ex.positions if "farmers" in p.text)


def test_they_right_after_a_meeting_is_its_participants(nlp):
    ex = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.\n"
                  "They agreed that fishing quotas must be shared fairly.\n"
                  "The leaders welcomed the new ferry link between the two ports.\n"
                  "Fishermen in the north were unhappy.\n"
                  "Officials from both ports met the press.\n"
                  "They said the ferry would start in May.")
    said = {(p.actor, p.text.split()[0]) for p in ex.positions}
    assert {a for a, w in said if w.startswith("that")} == {"Anna Berg", "Lars Holm"}
    assert {a for a, w in said if w == "the"} == {"Anna Berg", "Lars Holm"}
    assert not any("May" in p.text for p in ex.positions)


def test_transcript_turns_belong_to_their_labelled_speaker(nlp):
    text = ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.\n\n"
            "MINISTER BERG:  Good morning, and thank you all for coming here today.\n\n"
            "We believe that fishing quotas in the Barents Sea must be shared fairly.\n\n"
            "Q:  Will the ferry start again this year, and who will pay for it?\n\n"
            "We will not accept any closure of the ferry link between the two ports.\n\n"
            "PRIME MINISTER HOLM:  The harbours must reopen before the winter storms come back.\n")
    said = [(p.actor, p.text.split()[0]) for p in run(nlp, text).positions]
    assert said == [("Anna Berg", "We"), ("Lars Holm", "The")]


def test_asking_someone_to_act_is_a_position_of_the_subjects_possessor(nlp):
    ex = run(nlp, "Prime Minister Lars Holm met King Harald Olsen in Oslo on Friday.\n"
                  "Holm's visit to Oslo follows his visit to Bergen on Tuesday, where he asked "
                  "Foreign Minister Anna Berg to consider a new ferry link.")
    assert [p.actor for p in ex.positions] == ["Lars Holm"]
    assert "to consider a new ferry link" in ex.positions[0].text


def test_a_report_set_off_by_commas_leaves_the_whole_claim(nlp):
    ex = run(nlp, "Norway, Berg pointed out, has worked hard to reopen the ferry link since the storm.\n"
                  "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.")
    assert [p.text for p in ex.positions if p.actor == "Anna Berg"] == [
        "Norway has worked hard to reopen the ferry link since the storm."]


def test_a_quotation_running_on_stays_with_its_speaker(nlp):
    ex = run(nlp, "After the meeting, Prime Minister Lars Holm wrote online, stating, \"Met King Harald Olsen today. "
                  "Norway and Denmark must share the fishing quotas fairly.\"\n"
                  "The fishermen of the north were not convinced by the plan.")
    said = [(p.actor, p.text.split()[0]) for p in ex.positions]
    assert ("Lars Holm", "Norway") in said and all(w != "The" for _, w in said)


def test_thanks_to_the_one_spoken_to_is_the_thanks_itself(nlp):
    text = ("Remarks by President Anna Berg\n\nI thank you for your thoughtful arrangements for our meeting "
            "today. Thank you, Prime Minister.\n")
    assert [(p.actor, p.text) for p in run(nlp, text).positions] == [
        ("Anna Berg", "thank you for your thoughtful arrangements for our meeting today.")]
