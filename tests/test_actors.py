"""The roster: titles, bare surnames, initials, datelines and what pronouns and descriptions stand for
(digest/extract/actors.py, digest/extract/references.py), with short sentences written for these tests."""
import pytest

from extraction import brief, meetings, run


def test_titles_from_apposition_and_before_the_name(nlp):
    ex = run(nlp, "Anna Berg, the foreign minister of Norway, met Prime Minister Lars Holm in Oslo.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert titles["Anna Berg"] == ["foreign minister of Norway"]
    assert titles["Lars Holm"] == ["Prime Minister"]


def test_bare_surname_resolves_only_to_the_one_person_who_fits(nlp):
    ex = run(nlp, "Foreign Minister Wang Yi met Ambassador Wang Kejian in Beijing. "
                  "Foreign Minister Wang said the talks were useful and constructive for both countries.")
    speakers = {p.actor for p in ex.positions}
    assert speakers == {"Wang Yi"}
    assert {a.name for a in ex.actors if a.kind == "person"} == {"Wang Yi", "Wang Kejian"}


def test_pronoun_refers_to_main_clause_subject(nlp):
    ex = run(nlp, "Adviser Erik Dahl added that Prime Minister Lars Holm wanted peace. "
                  '"There is no alternative to talks," he said.')
    assert ex.positions[-1].actor == "Erik Dahl"


def test_title_before_comma_when_apposition_is_misparsed(nlp):
    ex = run(nlp, "He met the Deputy Director-General of the Foreign Ministry, Rachel Feinmesser, and the "
                  "ministry's Acting Deputy Director-General for Asia-Pacific Affairs, Hagai Shagrir.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert any("Director-General" in t for t in titles["Hagai Shagrir"])


def test_title_description_resolves_by_nationality(nlp):
    ex = run(nlp, "President Joseph Otieno of Kenya received Somali President Ahmed Farah in Nairobi.\n"
                  "The Somali President said that the talks had been frank and useful for both countries.")
    assert [p.actor for p in ex.positions][-1] == "Ahmed Farah"


def test_hyphenated_title_before_the_name(nlp):
    ex = run(nlp, "Prime Minister Lars Holm met with the Secretary-General of the Nordic Council Anna Berg today.")
    berg = next(a for a in ex.actors if a.name == "Anna Berg")
    assert berg.titles[0].startswith("Secretary-General")


def test_a_dateline_is_not_a_speaker(nlp):
    text = ("OSLO: Foreign Minister Anna Berg met Prime Minister Lars Holm on Monday.\n\n"
            "BERGEN: The ferry link will not reopen before the winter storms have passed.\n")
    ex = run(nlp, text)
    assert {a.name for a in ex.actors if a.kind == "person"} == {"Anna Berg", "Lars Holm"}
    assert not ex.positions


def test_a_dateline_city_and_agency_do_not_act(nlp):
    ex = run(nlp, "BERGEN (NTB) — Foreign Minister Anna Berg said the ferry link must reopen before the winter.")
    assert [p.actor for p in ex.positions] == ["Anna Berg"]
    assert not {"BERGEN", "NTB"} & {a.name for a in ex.actors}


def test_a_speaker_pronoun_inside_a_report_is_the_reporter(nlp):
    ex = run(nlp, "Prime Minister Lars Holm met Foreign Minister Anna Berg in Oslo on Monday.\n"
                  "Spokesman Nils Dahl told reporters that Holm and Berg had a working lunch, "
                  "though he stressed that the two would also speak alone.")
    assert {p.actor for p in ex.positions} == {"Nils Dahl"}


def test_a_mixed_case_dateline_is_not_an_actor(nlp):
    ex = run(nlp, "Oslo, 6 November 2023 (NTB): Foreign Minister Anna Berg met Prime Minister Lars Holm today.")
    assert {a.name for a in ex.actors} == {"Anna Berg", "Lars Holm"}
    assert ex.meetings[0].place == "Oslo"


def test_initials_stand_for_the_one_person_they_spell(nlp):
    text = ("Foreign Minister Anna Berg met Crown Prince Harald Olav Nilsen, known by his initials HON, in Oslo.\n"
            "King Erik Vogel met with HON during a trip to Norway in July 2022.")
    assert meetings(nlp, text) == [["Anna Berg", "Harald Olav Nilsen"], ["Erik Vogel", "Harald Olav Nilsen"]]


def test_an_honorific_before_the_name_is_not_part_of_the_title(nlp):
    ex = run(nlp, "The meeting, which included Qatar’s Emir Sheikh Hamad bin Khalid Al Nasser, came hours after "
                  "talks in Oslo were cancelled.")
    assert [a.titles for a in ex.actors if "Hamad" in a.name] == [["Qatar’s Emir"]]


def test_a_counterpart_holds_the_subjects_office_in_his_own_nation(nlp):
    ex = run(nlp, "Norwegian President Anna Berg met Monday in Oslo with her Swedish counterpart Lars Holm.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert titles["Lars Holm"] == ["Swedish President"]


def test_the_office_named_after_counterpart_is_the_title(nlp):
    ex = run(nlp, "Envoy Anna Berg is meeting her Chinese counterpart Foreign Minister Wang Lei on the sidelines.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert titles["Wang Lei"] == ["Chinese Foreign Minister"]


def test_a_title_the_model_tags_as_a_name_still_titles_the_name_after_it(nlp):
    ex = run(nlp, "Earlier Thursday, President Anna Berg separately met Council of Europe Secretary General Tom Reed, "
                  "High Commissioner for Refugees Ann Lowe, and Archbishop of Canterbury Justin Holm.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert titles["Justin Holm"] == ["Archbishop of Canterbury"]


def test_a_title_goes_past_of_only_from_its_own_noun(nlp):
    ex = run(nlp, "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo. "
                  '"I commend the leadership of President Holm," Berg said.')
    holm = next(a for a in ex.actors if a.name == "Lars Holm")
    assert all("leadership" not in t for t in holm.titles)


def test_a_group_the_text_names_as_one_is_no_person(nlp):
    ex = run(nlp, "President Joseph Otieno said the army is fighting the militant group al-Shabab. "
                  "The area controlled by al-Shabab has shrunk, Otieno said.")
    assert {a.name for a in ex.actors if a.kind == "person"} == {"Joseph Otieno"}


def test_a_country_and_its_people_are_no_persons(nlp):
    ex = run(nlp, "Prime Minister James Kila met the Prime Minister of Australia in Port Moresby. "
                  "Papua New Guineans watched the talks, Kila said.")
    assert {a.name for a in ex.actors if a.kind == "person"} == {"James Kila"}


def test_a_country_tagged_as_a_person_still_titles_the_name_after_it(nlp):
    ex = run(nlp, "Niger President Mahamadou Issa met President Joseph Otieno in Nairobi.")
    assert next(a for a in ex.actors if a.name == "Mahamadou Issa").titles == ["Niger President"]


def test_a_transcript_label_with_the_office_after_a_comma(nlp):
    ex = run(nlp, "JAMES KILA, PRIME MINISTER OF LAKELAND: We just concluded a very thoughtful dialogue.\n"
                  "PRIME MINISTER ANNA BERG: Thank you for hosting us here today in the capital.\n")
    kila = next(a for a in ex.actors if a.name == "James Kila")
    assert kila.titles == ["Prime Minister of Lakeland"]


def test_a_mixed_case_transcript_label_names_the_turns_speaker(nlp):
    ex = run(nlp, "President Lars Holm: Mr Berg, welcome.\nI hope that trade between our countries will grow.\n"
                  "Anna Berg: Mr President, thank you for the invitation.\n"
                  "Our cooperation must deepen, and I hope that trade will grow.\n")
    said = {(p.actor, p.text.split()[0]) for p in ex.positions}
    assert ("Lars Holm", "I") in said and ("Anna Berg", "Our") in said
    assert next(a for a in ex.actors if a.name == "Lars Holm").titles == ["President"]


def _persons(ex):
    return {a.name for a in ex.actors if a.kind == "person"}


def test_a_name_that_modifies_a_building_is_a_place_not_a_person(nlp):
    ex = run(nlp, "President Joseph Otieno held talks at the Bocharov Ruchei residence with President Anna Berg.")
    assert _persons(ex) == {"Joseph Otieno", "Anna Berg"}
    assert ex.meetings[0].place == "Bocharov Ruchei"


@pytest.mark.parametrize("text, persons", [
    # a creed or doctrine ("-ism") is no one's name
    ("The exiled leader of Tibetan Buddhism says the tour of Norway is meant to promote harmony. "
     "President Anna Berg welcomed him.", {"Anna Berg"}),
    # a meal named as a subject ("Lunch with President Abbas") is no one
    ('Lund\'s meeting in Oslo with Holm was "a detailed and substantive conversation," one official said. '
     'Lunch with President Berg in Jordan was "a very constructive discussion."', {"Lund", "Holm", "Berg"}),
    # "Hon" and "the Hon" are honorifics, as "His Excellency" is
    ("Senator the Hon Anna Berg and Hon Lars Holm have today held the annual consultations.",
     {"Anna Berg", "Lars Holm"}),
    # two capitalised words after "<title> for" complete the title ("Minister for Maori Development")
    ("Associate Minister for Maori Development, Hon Lars Holm, spoke.", {"Lars Holm"}),
])
def test_words_that_are_no_persons(nlp, text, persons):
    assert _persons(run(nlp, text)) == persons


def test_a_state_named_with_its_form_completes_the_title(nlp):
    ex = run(nlp, "President Joseph Otieno met with Prime Minister of the Portuguese Republic Duarte Nunes Vaz, "
                  "who is on a visit to our country.")
    assert meetings(nlp, ex.article.text) == [["Duarte Nunes Vaz", "Joseph Otieno"]]
    assert {a.name: a.titles for a in ex.actors}["Duarte Nunes Vaz"] == ["Prime Minister of the Portuguese Republic"]


def test_chairperson_is_a_title(nlp):
    ex = run(nlp, "President Joseph Otieno held talks with President Anna Berg with the participation of "
                  "Chairperson of the African Union Commission Lars Holm Dahl.")
    assert "Lars Holm Dahl" in _persons(ex)
    assert "Chairperson" not in " ".join(_persons(ex))


def test_a_titled_surname_holding_another_office_than_its_namesake_is_someone_else(nlp):
    text = ("President Holm met privately with Chancellor Anna Berg on Tuesday. Berg says she and the "
            "president were joined by First Lady Maria Holm for a discussion of trade.")
    b = brief(nlp, text)
    names = {a.id: a.name for a in b.actors}
    met = [{names[p] for p in m.participants} - {names[p] for p in m.attendees} for m in b.meetings]
    assert met == [{"Anna Berg", "President Holm"}]  # the first lady joined them: an attendee


def test_a_titled_surname_no_source_gives_in_full_is_named_as_written(nlp):
    b = brief(nlp, "Prime Minister Holm received Chancellor Anna Berg in Oslo on Monday.",
              "Norwegian Prime Minister Holm said on Friday that the talks were useful.")
    assert {a.name for a in b.actors if a.kind == "person"} == {"Prime Minister Holm", "Anna Berg"}


def test_a_surname_alone_no_source_gives_in_full_is_no_actor(nlp):
    b = brief(nlp, "Holm said the talks with Chancellor Anna Berg were good.")
    assert {a.name for a in b.actors if a.kind == "person"} == {"Anna Berg"}


def test_a_blend_of_a_full_name_named_with_a_title_is_that_person_in_another_source(nlp):
    b = brief(nlp, "President Suko Harjono met Prime Minister Anna Berg in Jakarta on Monday.",
              "Berg invited President Sukohar to visit Oslo, an official said on Tuesday.")
    assert {a.name for a in b.actors if a.kind == "person"} == {"Suko Harjono", "Anna Berg"}


def test_a_title_goes_on_past_of_through_the_name_of_the_body_it_heads(nlp):
    ex = run(nlp, "Foreign Minister Ayman Farouk and Director of the Office of His Majesty Jalal Omar attended "
                  "the meeting.")
    assert {a.name: a.titles for a in ex.actors}["Jalal Omar"] == ["Director of the Office of His Majesty"]


def test_the_next_name_of_a_list_is_no_title_of_the_one_before(nlp):
    ex = run(nlp, "President of Ukraine Anna Lund met with President of France Jean Macron, Chancellor of Germany "
                  "Olaf Scholz, President of Romania Klaus Dahl and Prime Minister of Italy Mario Vik, who arrived "
                  "in Ukraine on a visit.")
    assert {a.name: a.titles for a in ex.actors}["Jean Macron"] == ["President of France"]


def test_a_name_after_a_title_phrase_and_a_comma_holds_that_title(nlp):
    found = run(nlp, "Minister for Foreign Affairs, Senator the Hon Anna Berg, and Associate Minister for Maori "
                     "Development, Hon Lars Holm, have today held the annual Foreign Minister Consultations.").meetings
    assert [sorted(m.participants) for m in found] == [["Anna Berg", "Lars Holm"]]


def test_a_title_starts_after_the_noun_that_is_no_title(nlp):
    ex = run(nlp, "President Joseph Otieno held talks with President Anna Berg with the participation of "
                  "Chairperson of the African Union Commission Lars Holm Dahl.")
    assert {a.name: a.titles for a in ex.actors}["Lars Holm Dahl"] == ["Chairperson of the African Union Commission"]


def test_a_title_word_after_a_given_name_is_a_surname(nlp):
    ex = run(nlp, "Foreign Minister Julie Bishop met Prime Minister Lars Holm in Oslo. Bishop said it went well.")
    assert {a.name for a in ex.actors if a.kind == "person"} == {"Julie Bishop", "Lars Holm"}
    labels = run(nlp, "ANNA KING: Thank you Deputy Prime Minister.\n\nLARS HOLM: Thank you Foreign Minister.\n")
    assert {a.name for a in labels.actors if a.kind == "person"} == {"Anna King", "Lars Holm"}


def test_a_title_alone_is_no_one(nlp):
    """Found by the property test: a text that is only a title ends before any name."""
    assert [a for a in run(nlp, "President").actors if a.kind == "person"] == []


def test_a_description_of_what_someone_leads_is_the_one_whose_title_says_so(nlp):
    ex = run(nlp, "Prime Minister John Holm met Tibet's spiritual leader, the Dalai Lama, in Oslo. He also met the "
                  "opposition leader Kevin Rudd. The exiled leader of Tibetan Buddhism says his tour is meant to "
                  "promote harmony.")
    assert [p.actor for p in ex.positions] == ["Dalai Lama"]


def test_the_irish_head_of_government_is_a_title(nlp):
    ex = run(nlp, "Taoiseach Lars Holm met Prime Minister Anna Berg in Dublin on Monday.")
    titles = {a.name: a.titles for a in ex.actors if a.kind == "person"}
    assert titles["Lars Holm"] == ["Taoiseach"]


def test_one_label_with_a_name_and_its_office_opens_a_turn(nlp):
    text = ("Opening remarks\n\nJAMES KILA, PRIME MINISTER OF LAKELAND: We hope our discussions here consolidate "
            "our relationships. It is in our interest to have these dialogues.\n")
    ex = run(nlp, text)
    assert {a.name: a.titles for a in ex.actors if a.kind == "person"} == {
        "James Kila": ["Prime Minister of Lakeland"]}
    assert {p.actor for p in ex.positions} == {"James Kila"}
    assert [a for a in run(nlp, "WASHINGTON: We hope the talks go well, officials said.\n").actors
            if a.kind == "person"] == []  # a dateline alone is no turn
