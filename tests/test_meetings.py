"""Whether a sentence reports a meeting that happened, its attendees, topic and later sentences about it
(digest/extract/meetings.py), with short sentences written for these tests."""
from datetime import date
from pathlib import Path

import pytest

from digest.extract import extract_doc
from digest.extract.actors import Roster
from digest.extract.meetings import CHECKS
from digest.models import Article

from extraction import brief, meetings, parsed, run


@pytest.mark.parametrize("sentence", [
    "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.",
    "Foreign Minister Anna Berg held talks with Prime Minister Lars Holm in Oslo on Monday.",
    "Prime Minister Lars Holm received Foreign Minister Anna Berg in Oslo on Monday.",
    "Prime Minister Lars Holm hosted Foreign Minister Anna Berg in Oslo on Monday.",
    "Foreign Minister Anna Berg sat down with Prime Minister Lars Holm in Oslo on Monday.",
    "Foreign Minister Anna Berg and Prime Minister Lars Holm met in Oslo on Monday.",
    "Foreign Minister Anna Berg was received by Prime Minister Lars Holm in Oslo on Monday.",
])
def test_meeting_forms(nlp, sentence):
    found = run(nlp, sentence).meetings
    assert [sorted(m.participants) for m in found] == [["Anna Berg", "Lars Holm"]]
    assert found[0].place == "Oslo"
    assert found[0].date.iso() == "2024-03-18"  # Monday before Wednesday 20 March


def test_nominal_meeting_between(nlp):
    found = run(nlp, "The talks between Foreign Minister Anna Berg and Prime Minister Lars Holm in Oslo "
                     "lasted three hours.").meetings
    assert sorted(found[0].participants) == ["Anna Berg", "Lars Holm"]


@pytest.mark.parametrize("sentence", [
    "Foreign Minister Anna Berg will meet Prime Minister Lars Holm in Oslo next week.",
    "Foreign Minister Anna Berg plans to meet Prime Minister Lars Holm in Oslo.",
    "Foreign Minister Anna Berg did not meet Prime Minister Lars Holm during the visit.",
    "Foreign Minister Anna Berg refused to meet Prime Minister Lars Holm.",
    "If Foreign Minister Anna Berg met Prime Minister Lars Holm, the deal could move forward.",
    "Foreign Minister Anna Berg spoke by phone with Prime Minister Lars Holm on Monday.",
    "Foreign Minister Anna Berg is expected to meet Prime Minister Lars Holm on Friday.",
])
def test_not_meetings(nlp, sentence):
    assert meetings(nlp, sentence) == []


def test_attendee_of_previous_meeting(nlp):
    text = ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.\n"
            "The meeting was also attended by Ambassador Erik Dahl.")
    found = run(nlp, text).meetings
    assert found[0].attendees == ["Erik Dahl"]


def test_those_who_attended_the_meeting_further_on_are_its_attendees(nlp):
    text = ("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday. "
            "They discussed trade. The talks covered fishing. They spoke of energy. The two touched on security. "
            "Adviser Erik Dahl and Ambassador Maria Lund attended the meeting on the Norwegian side.")
    found = run(nlp, text).meetings
    assert [(sorted(m.participants), sorted(m.attendees)) for m in found] == [
        (["Anna Berg", "Lars Holm"], ["Erik Dahl", "Maria Lund"])]


def test_a_list_the_article_then_counts_as_one_group_met_together(nlp):
    text = ("President Anna Lund met with President Erik Holm, Chancellor Olaf Berg and Prime Minister Jan Dahl, "
            "who arrived in Norway on a visit. Lund said the talks went well. During the meeting in Oslo, the "
            "leaders of the four states discussed trade.")
    assert meetings(nlp, text) == [["Anna Lund", "Erik Holm", "Jan Dahl", "Olaf Berg"]]


def test_a_caption_standing_one_person_beside_another_is_their_meeting(nlp):
    found = run(nlp, "U.S. Secretary of State Joan Kerr, left, with Palestinian President Erik Abbas, Amman, "
                     "June 28, 2013.").meetings
    assert [(sorted(m.participants), m.place, m.date.iso()) for m in found] == [
        (["Erik Abbas", "Joan Kerr"], "Amman", "2013-06-28")]


def test_a_relative_clause_meeting_its_noun(nlp):
    found = run(nlp, "On Thursday, Foreign Minister Lars Holm had an unplanned conversation with Prime Minister "
                     "Anna Berg, who officials say he met by chance at an airport in Norway.").meetings
    assert [(sorted(m.participants), m.place, m.date.iso()) for m in found] == [
        (["Anna Berg", "Lars Holm"], "Norway", "2024-03-14")]
    found = run(nlp, "Anna Lund praised Prime Minister Erik Holm, whom she met in Oslo on Monday.").meetings
    assert [sorted(m.participants) for m in found] == [["Anna Lund", "Erik Holm"]]


def test_who_sent_a_delegation_is_not_at_its_meeting(nlp):
    assert meetings(nlp, "Prime Minister Anna Berg said her meeting with President Lars Holm's delegation was "
                         "cordial.") == []
    assert meetings(nlp, "Prime Minister Anna Berg met a delegation led by President Lars Holm in Oslo.") == [
        ["Anna Berg", "Lars Holm"]]


@pytest.mark.parametrize("text", [
    "President Lars Holm visited Norway, where he was welcomed by Prime Minister Anna Berg.",
    "President Lars Holm paid a state visit to Norway, where he was received by Prime Minister Anna Berg.",
])
def test_a_guest_named_by_a_pronoun_was_received(nlp, text):
    assert [(sorted(m.participants), m.place) for m in run(nlp, text).meetings] == [
        (["Anna Berg", "Lars Holm"], "Norway")]


@pytest.mark.parametrize("text, place", [
    ("Prime Minister Anna Berg's visit to Oslo included talks with President Lars Holm.", "Oslo"),
    ("President Lars Holm gave a luncheon in honour of Prime Minister Anna Berg on Monday.", None),
    ("Prime Minister Anna Berg held a working lunch with President Lars Holm in Oslo on Monday.", "Oslo"),
    ("Prime Minister Anna Berg exchanged views with President Lars Holm in Oslo on Monday.", "Oslo"),
    # an infinitive's "after meeting" has the subject of the verb it complements
    ("Prime Minister Anna Berg and President Lars Holm agreed on Monday to expand trade after meeting in Oslo.",
     "Oslo"),
])
def test_what_a_visit_included_and_a_meal_in_honour_of_a_guest(nlp, text, place):
    assert [(sorted(m.participants), m.place) for m in run(nlp, text).meetings] == [
        (["Anna Berg", "Lars Holm"], place)]


def test_separate_bilateral_meetings_are_split(nlp):
    found = meetings(nlp, "President Joseph Otieno held separate meetings with Foreign Minister Anna Berg "
                          "and Prime Minister Lars Holm on Monday.")
    assert found == [["Anna Berg", "Joseph Otieno"], ["Joseph Otieno", "Lars Holm"]]


def test_one_party_mention_does_not_stand_alone(nlp):
    b = brief(nlp, "Foreign Minister Anna Berg met with counterparts in Oslo on Monday.")
    assert b.meetings == []


@pytest.mark.parametrize("sentence", [
    "Foreign Minister Anna Berg is due to meet Prime Minister Lars Holm in Oslo.",
    "Foreign Minister Anna Berg held a video meeting with Prime Minister Lars Holm on Monday.",
])
def test_more_not_meetings(nlp, sentence):
    assert meetings(nlp, sentence) == []


def test_relative_clause_meeting_and_composite_place(nlp):
    found = run(nlp, "Foreign Minister Anna Berg and Prime Minister Lars Holm, who met at the Royal Palace in Oslo "
                     "on Tuesday evening, signed a fisheries accord.").meetings
    assert sorted(found[0].participants) == ["Anna Berg", "Lars Holm"]
    assert "Oslo" in found[0].place
    assert found[0].date.iso() == "2024-03-19"


def test_what_was_discussed(nlp):
    found = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.\n"
                     "The two ministers discussed fishing quotas in the Barents Sea.").meetings
    assert found[0].topic == "fishing quotas in the Barents Sea"


def test_discussed_with_is_a_meeting_but_not_by_phone(nlp):
    assert meetings(nlp, "Foreign Minister Anna Berg discussed with Prime Minister Lars Holm ways of "
                         "strengthening trade.") == [["Anna Berg", "Lars Holm"]]
    assert meetings(nlp, "Foreign Minister Anna Berg discussed by phone with Prime Minister Lars Holm ways of "
                         "strengthening trade.") == []
    assert meetings(nlp, "The discussion held with Prime Minister Lars Holm focused on trade, Foreign Minister "
                         "Anna Berg said.") == [["Anna Berg", "Lars Holm"]]  # who reports it held it


def test_no_talks_is_not_a_meeting(nlp):
    assert meetings(nlp, "There were no bilateral talks between Foreign Minister Anna Berg and "
                         "Prime Minister Lars Holm.") == []


def test_later_meetings_of_the_opening_occasion_take_its_day_and_place(nlp):
    text = ("President Joseph Otieno held a series of bilateral meetings on Tuesday in Geneva.\n"
            "Yesterday, he had a meeting with Chancellor Petra Vogel.\n"
            "Afterwards, Otieno met with Foreign Minister Anna Berg.\n"
            "Otieno also met with Prime Minister Lars Holm.\n"
            "Otieno met with King Harald Olsen.")
    found = {m.participants[-1] if m.participants[0] == "Joseph Otieno" else m.participants[0]:
             (m.date.iso() if m.date else None, m.place) for m in run(nlp, text).meetings}
    assert found == {"Petra Vogel": ("2024-03-19", None), "Anna Berg": ("2024-03-19", "Geneva"),
                     "Lars Holm": (None, "Geneva"), "Harald Olsen": (None, None)}


def test_place_from_where_a_participant_was_just_said_to_be(nlp):
    text = ("Foreign Minister Anna Berg told reporters in Bergen that the ferry must run again.\n"
            "During her visit, Berg met with Prime Minister Lars Holm.\n"
            "Chancellor Petra Vogel was born in Hamburg.\n"
            "Vogel met with Holm.")
    assert [m.place for m in run(nlp, text).meetings] == ["Bergen", None]


def test_joining_someones_meeting_makes_an_attendee(nlp):
    b = brief(nlp, "Prime Minister Lars Holm met King Harald Olsen at the palace in Oslo on Monday.\n"
                   "Foreign Minister Anna Berg joined him and also attended his meeting with the King at the palace in Oslo.")
    names = {a.id: a.name for a in b.actors}
    assert [(sorted(names[p] for p in m.participants), [names[p] for p in m.attendees]) for m in b.meetings] == \
        [(["Anna Berg", "Harald Olsen", "Lars Holm"], ["Anna Berg"])]


def test_a_later_date_for_the_meeting_dates_it(nlp):
    ex = run(nlp, "Prime Minister Lars Holm has met with King Harald Olsen at the palace in Oslo.\n"
                  "At the meeting on Monday evening, Olsen praised the work of the government.")
    assert ex.meetings[0].date.iso() == "2024-03-18"


def test_those_who_joined_the_two_leaders_attended(nlp):
    ex = run(nlp, "Prime Minister Lars Holm and President Ahmed Farah opened their summit on Monday in Oslo.\n"
                  "Holm said he was hopeful.\nFarah said he was hopeful too.\nThe talks went on all day.\n"
                  "The two leaders were joined for dinner by Foreign Minister Anna Berg, "
                  "Defence Minister Nils Dahl and the interpreters.")
    assert ex.meetings[0].attendees == ["Anna Berg", "Nils Dahl"]


def test_a_visit_where_he_asked_someone_is_a_meeting_with_them(nlp):
    ex = run(nlp, "Prime Minister Lars Holm arrived in Oslo on Friday.\n"
                  "Holm's visit to Oslo follows his surprise visit to Copenhagen on Tuesday where he asked "
                  "Danish Prime Minister Anna Berg to consider a new ferry link.")
    assert [(sorted(m.participants), m.date.iso()) for m in ex.meetings] == [(["Anna Berg", "Lars Holm"], "2024-03-19")]


def test_the_title_repeated_as_first_line_is_not_a_report(nlp):
    text = ("The meeting between Berg and Holm ended: \"I hope\"\n\n"
            "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday.")
    article = Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20),
                      title="The meeting between Berg and Holm ended: \"I hope\"")
    found = extract_doc(article, nlp(text)).meetings
    assert [m.evidence for m in found] == ["Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday."]


def test_started_a_meeting_and_taking_part(nlp):
    ex = run(nlp, "Prime Minister Lars Holm and Foreign Minister Anna Berg have started a meeting in Oslo.\n"
                  "Secretary General Nils Dahl is also taking part.")
    assert [(sorted(m.participants), m.attendees, m.place) for m in ex.meetings] == \
        [(["Anna Berg", "Lars Holm"], ["Nils Dahl"], "Oslo")]


def test_a_share_received_is_no_guest():
    """"Trump received 38 percent, Gary Johnson 3 percent", parsed (as the model once did in a
    poll story) with Johnson as the object: a share of a vote is received, not a guest."""
    doc = parsed([("Trump", 1, "nsubj", "PROPN", "NNP", "Trump", "B-PERSON"),
                  ("received", 1, "ROOT", "VERB", "VBD", "receive", "O"),
                  ("38", 3, "nummod", "NUM", "CD", "38", "B-PERCENT"),
                  ("percent", 1, "npadvmod", "NOUN", "NN", "percent", "I-PERCENT"),
                  (",", 1, "punct", "PUNCT", ",", ",", "O"),
                  ("Gary", 6, "compound", "PROPN", "NNP", "Gary", "B-PERSON"),
                  ("Johnson", 1, "dobj", "PROPN", "NNP", "Johnson", "I-PERSON")])
    assert CHECKS["hosted_guest"](doc[1], Roster()) is False


EXCHANGE = ("President Lars Holm: Mr Berg, first of all, I would like to say how happy we are to see you in Oslo.\n"
            "I am pleased at the contacts we have with you.\n"
            "Anna Berg: Mr President, thank you for this opportunity to meet. It is a great honour for me.\n")


def test_a_transcript_of_two_speakers_addressing_each_other_is_their_meeting(nlp):
    found = run(nlp, EXCHANGE).meetings
    assert [(sorted(m.participants), m.place) for m in found] == [(["Anna Berg", "Lars Holm"], "Oslo")]


PRESS_CONFERENCE = ("Bilateral Press Conference\n\n"
                    "LARS HOLM: This is the final day of the consultations. We have had a very fruitful "
                    "discussion. Thank you very much for coming along Foreign Minister.\n\n"
                    "ANNA BERG: Thank you Deputy Prime Minister. It was a very effective meeting.\n")


def test_a_transcript_speaker_here_today_dates_the_meeting_by_publication(nlp):
    found = run(nlp, EXCHANGE.replace("It is a great honour for me.", "I am pleased to be here today.")).meetings
    assert [m.date.iso() for m in found] == ["2024-03-20"]
    assert [m.date for m in run(nlp, EXCHANGE).meetings] == [None]  # nobody says when


def test_two_speakers_thanking_each_other_by_title_met(nlp):
    found = run(nlp, PRESS_CONFERENCE).meetings
    assert [sorted(m.participants) for m in found] == [["Anna Berg", "Lars Holm"]]


def test_i_is_the_speaker_the_text_names(nlp):
    turn = PRESS_CONFERENCE + "\nLARS HOLM: I met Prime Minister Erik Dahl in Bergen on Monday.\n"
    assert ["Erik Dahl", "Lars Holm"] in [sorted(m.participants) for m in run(nlp, turn).meetings]
    remarks = ("Remarks by President Anna Berg after the informal meeting of leaders\n\n"
               "Good afternoon. This morning I met Prime Minister Lars Holm in Athens. "
               "I discussed trade with Chancellor Erik Dahl.\n")  # one's own "discussed with" may be a call
    assert [sorted(m.participants) for m in run(nlp, remarks).meetings] == [["Anna Berg", "Lars Holm"]]

    blog = ("A Happy Day for Everyone\n\nRemarks by President Anna Berg after the summit\n\n"
            "Good afternoon. This morning I met Prime Minister Lars Holm in Athens.\n")  # a site's headline first
    assert [sorted(m.participants) for m in run(nlp, blog).meetings] == [["Anna Berg", "Lars Holm"]]
    own = ("Anna Berg's opening remarks at the press conference\n\n"
           "Good afternoon. This morning I met Prime Minister Lars Holm in Athens.\n")
    assert [sorted(m.participants) for m in run(nlp, own).meetings] == [["Anna Berg", "Lars Holm"]]
    record = ("Anna Berg (Oslo North, Labour) | Storting source\n\n"
              "I propose to take the questions together. On 12 March, I met with Prime Minister Lars Holm.\n")
    assert [sorted(m.participants) for m in run(nlp, record).meetings] == [["Anna Berg", "Lars Holm"]]


def test_one_meeting_hosted_with_a_list_is_one_meeting_and_who_was_also_there_attended(nlp):
    found = run(nlp, "President Anna Berg hosted an informal meeting with Prime Minister Lars Holm, Chancellor "
                     "Erik Dahl and President Ola Lund in Oslo on Monday. Governor Kari Moe was also there.").meetings
    assert [(sorted(m.participants), m.attendees) for m in found] == [
        (["Anna Berg", "Erik Dahl", "Lars Holm", "Ola Lund"], ["Kari Moe"])]


def test_the_subject_of_a_trip_after_days_of_meetings_with_a_list_met_each(nlp):
    found = run(nlp, "Foreign Minister Anna Berg will fly to Rome later today, following two days of meetings in "
                     "Oslo with Prime Minister Lars Holm, Defence Minister Kari Moe and Finance Minister Erik Dahl."
                ).meetings
    assert sorted((sorted(m.participants), m.place, m.date) for m in found) == [
        (["Anna Berg", "Erik Dahl"], "Oslo", None), (["Anna Berg", "Kari Moe"], "Oslo", None),
        (["Anna Berg", "Lars Holm"], "Oslo", None)]  # the flight's "later today" is not their day


def test_an_occasion_someone_had_to_meet_is_a_meeting(nlp):
    found = run(nlp, "Foreign Minister Anna Berg said she had the opportunity to meet informally with Prime "
                     "Minister Lars Holm in Oslo.").meetings
    assert [(sorted(m.participants), m.place) for m in found] == [(["Anna Berg", "Lars Holm"], "Oslo")]


def test_a_transcript_of_a_telephone_conversation_is_no_meeting(nlp):
    assert run(nlp, "Telephone conversation with Anna Berg.\n" + EXCHANGE).meetings == []


def test_a_speaker_nobody_is_known_by_leaves_no_meeting_of_the_partners(nlp):
    assert meetings(nlp, '"I discussed this matter with President Lars Holm and Minister Anna Berg," '
                         'the envoy said.') == []


@pytest.mark.parametrize("text, place", [
    ("Prime Minister Anna Berg dined with President Lars Holm in Oslo on Monday.", "Oslo"),
    ("President Lars Holm entertained Prime Minister Anna Berg at his residence in Oslo on Monday.", "Oslo"),
    ("Prime Minister Anna Berg and President Lars Holm addressed a joint press conference in Oslo on Monday.",
     "Oslo"),
    ("Prime Minister Anna Berg joined President Lars Holm for a walk on Monday.", None),
    ("Prime Minister Anna Berg and President Lars Holm toured the port together on Monday.", None),
    ("Prime Minister Anna Berg and President Lars Holm signed the agreement together in Oslo on Monday.", "Oslo"),
    # the adjective "visiting", parsed as a verb joined to the name before, still names a party
    ("President Lars Holm and visiting Prime Minister Anna Berg discussed trade in Oslo on Monday.", "Oslo"),
    # "Speaking after meeting X, Y said": the one who spoke met X
    ("Speaking after meeting President Lars Holm in Oslo on Monday, Prime Minister Anna Berg said trade would grow.",
     "Oslo"),
])
def test_meals_joint_appearances_and_what_two_did_together_are_meetings(nlp, text, place):
    assert [(sorted(m.participants), m.place) for m in run(nlp, text).meetings] == [
        (["Anna Berg", "Lars Holm"], place)]


@pytest.mark.parametrize("text", [
    "Prime Minister Anna Berg and President Lars Holm worked together on the bill for years.",
    "Prime Minister Anna Berg joined President Lars Holm for a phone call on Monday.",
    "President Lars Holm entertained the idea of a summit with Prime Minister Anna Berg.",
])
def test_working_together_a_call_joined_and_an_idea_entertained_are_no_meetings(nlp, text):
    assert run(nlp, text).meetings == []


def test_a_list_of_titled_guests_the_model_chains_in_apposition_keeps_every_guest_and_the_place(nlp):
    found = run(nlp, "President Ann Berg also met Prime Minister Jan Holm, Foreign Minister Peter Lund and "
                     "Defence Minister Karin Moe in Oslo on Monday.").meetings
    assert sorted((sorted(m.participants), m.place) for m in found) == [
        (["Ann Berg", "Jan Holm"], "Oslo"), (["Ann Berg", "Karin Moe"], "Oslo"), (["Ann Berg", "Peter Lund"], "Oslo")]


@pytest.mark.parametrize("text", [
    "Talks were held between President Ann Berg and Prime Minister Jan Holm in Oslo on Monday.",
    "President Ann Berg held talks with a Danish delegation headed by Prime Minister Jan Holm in Oslo on Monday.",
])
def test_a_place_hung_on_the_partners_of_a_passive_or_on_a_delegation_leader(nlp, text):
    assert [m.place for m in run(nlp, text).meetings] == ["Oslo"]


@pytest.mark.parametrize("text, place", [
    ("Prime Minister Anna Berg held a round of talks with President Lars Holm in Oslo on Monday.", "Oslo"),
    ("Prime Minister Anna Berg began her visit to Oslo on Monday with talks with President Lars Holm.", "Oslo"),
    ("Prime Minister Anna Berg, in Oslo for talks with President Lars Holm, said trade would grow.", "Oslo"),
    ("Prime Minister Anna Berg raised the issue with President Lars Holm during talks in Oslo on Monday.", "Oslo"),
    ("Prime Minister Anna Berg's first stop was a meeting with President Lars Holm in Oslo on Monday.", "Oslo"),
    ("President Lars Holm received the credentials of Ambassador Anna Berg in Oslo on Monday.", "Oslo"),
    ("Ambassador Anna Berg presented her credentials to President Lars Holm in Oslo on Monday.", "Oslo"),
    # a city the model tags as a body, after a building's common noun, is where the building is
    ("President Lars Holm hosted Prime Minister Anna Berg at the presidential palace in Copenhagen on Monday.",
     "Copenhagen"),
])
def test_talks_measured_or_begun_with_whose_stop_it_was_and_credentials_handed_over(nlp, text, place):
    assert [(sorted(m.participants), m.place) for m in run(nlp, text).meetings] == [
        (["Anna Berg", "Lars Holm"], place)]


def test_a_city_visited_that_the_model_tags_as_a_person_is_no_party(nlp):
    ex = run(nlp, "President Ann Berg visited Oslo on Monday.")
    assert ex.meetings == [] and [a.name for a in ex.actors if a.kind == "person"] == ["Ann Berg"]


def test_a_past_perfect_meeting_is_an_earlier_one_and_takes_no_day_from_other_talks(nlp):
    found = run(nlp, "OSLO (Reuters) - Foreign Minister Anna Berg met President Lars Holm on Monday. Ms. Berg had "
                     "already met with Prime Minister Peter Moe, who flew to Bergen following the breakdown in the "
                     "talks.").meetings
    assert [(sorted(m.participants), m.date and m.date.iso(), m.earlier) for m in found] == [
        (["Anna Berg", "Lars Holm"], "2024-03-18", False), (["Anna Berg", "Peter Moe"], None, True)]


def test_meetings_of_a_verb_joined_to_a_trip_are_the_travellers_one_by_one_where_the_trip_went(nlp):
    found = run(nlp, "Foreign Minister Anna Berg traveled Wednesday to Harare and held meetings with President "
                     "Lars Holm and opposition leader Peter Moe.").meetings
    assert [(sorted(m.participants), m.date.iso(), m.place) for m in found] == [
        (["Anna Berg", "Lars Holm"], "2024-03-20", "Harare"), (["Anna Berg", "Peter Moe"], "2024-03-20", "Harare")]


def test_the_sentence_after_a_dated_lead_tells_the_leads_day(nlp):
    found = run(nlp, "Envoy Anna Berg launched a new round of mediation on Tuesday, holding talks with the leaders "
                     "of the parties.\nMs. Berg held a brief meeting with negotiators before meeting President "
                     "Lars Holm.").meetings
    assert [(sorted(m.participants), m.date.iso()) for m in found] == [(["Anna Berg", "Lars Holm"], "2024-03-19")]


def test_the_name_right_before_a_gerund_is_its_subject(nlp):
    found = run(nlp, "The visit came ahead of the anniversary of President Anna Berg welcoming Prime Minister "
                     "Lars Holm to Oslo on July 15, 1963.").meetings
    assert [(sorted(m.participants), m.date.iso()) for m in found] == [(["Anna Berg", "Lars Holm"], "1963-07-15")]


@pytest.mark.parametrize("text, place", [
    ("President Anna Berg began her tour in Norway, where she met with her Norwegian counterpart, Lars Holm.",
     "Norway"),
    ("President Anna Berg arrives in Denmark from Norway, where she stressed trade during talks with Prime "
     "Minister Lars Holm.", "Norway"),
])
def test_where_names_the_place_it_describes_and_a_counterpart_set_off_by_a_comma_is_named(nlp, text, place):
    assert [(sorted(m.participants), m.place) for m in run(nlp, text).meetings] == [(["Anna Berg", "Lars Holm"], place)]


RECORDED = ("Transcripts\n\nBeginning of the Meeting with Prime Minister Lars Holm\n\n"
            "March 18, 2024, Lima, Peru\n\n"
            "President of Norway Anna Berg: Mr Prime Minister, I am glad for this opportunity to meet and to "
            "discuss bilateral relations. We support the new trade agreement.\n\n"
            "Prime Minister Lars Holm (Retranslated from Russian): Madam President, I am grateful for "
            "this opportunity. Relations between our countries have been developing dynamically.\n")


def test_a_transcripts_record_line_dates_and_places_the_exchange_of_its_labelled_speakers(nlp):
    ex = run(nlp, RECORDED, published=None)
    assert [(sorted(m.participants), m.date.iso(), m.place) for m in ex.meetings] == [
        (["Anna Berg", "Lars Holm"], "2024-03-18", "Lima, Peru")]
    # an office "of" a country in the label is the person's title
    assert next(a.titles for a in ex.actors if a.name == "Anna Berg") == ["President of Norway"]
