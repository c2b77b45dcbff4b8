"""The English constructions that report a meeting, one invented sentence each.

Each row names a construction (FrameNet's Meet_with / Discussion / Visiting /
Hosting frames and their news variants), a sentence written for this test, and
the meetings it reports (participants, and where given the place and date).
Published Wednesday 20 March 2024, so "on Monday" is 2024-03-18.
"""
from datetime import date
from pathlib import Path

import pytest

from digest.boilerplate import split_boilerplate
from digest.extract import extract_doc
from digest.models import Article

CONSTRUCTIONS = [
    ("counted group subject after a meeting",
     "Foreign Minister Anna Berg met Prime Minister Lars Holm on the sidelines of the forum. "
     "The top diplomats of the two nations held a meeting in Oslo on Monday to discuss trade.",
     [["Anna Berg", "Lars Holm"], ["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'the two leaders' with no meeting before: the last two named",
     "President Joseph Otieno welcomed Chancellor Maria Lund at the airport. "
     "The two leaders then held talks on Monday.",
     [["Joseph Otieno", "Maria Lund"], ["Joseph Otieno", "Maria Lund"]], {}),
    ("one subject, a list of three partners: one meeting each",
     "Foreign Minister Anna Berg also met on Monday with Chancellor Maria Lund, President Joseph Otieno "
     "and Prime Minister Lars Holm.",
     [["Anna Berg", "Maria Lund"], ["Anna Berg", "Joseph Otieno"], ["Anna Berg", "Lars Holm"]], {}),
    ("'separately met' two partners",
     "Foreign Minister Anna Berg separately met Chancellor Maria Lund and President Joseph Otieno.",
     [["Anna Berg", "Maria Lund"], ["Anna Berg", "Joseph Otieno"]], {}),
    ("a list met together stays one meeting",
     "Foreign Minister Anna Berg met Chancellor Maria Lund, President Joseph Otieno and Prime Minister "
     "Lars Holm together in Oslo.",
     [["Anna Berg", "Joseph Otieno", "Lars Holm", "Maria Lund"]], {}),
    ("title of a place or body before the name ('High Commissioner for Refugees X')",
     "President Joseph Otieno received High Commissioner for Refugees Filip Grande in Nairobi.",
     [["Filip Grande", "Joseph Otieno"]], {"place": "Nairobi"}),
    ("venue nested under an occasion ('on the sidelines of the X in City')",
     "Prime Minister Lars Holm and President Joseph Otieno met for the first time on the sidelines of "
     "the General Assembly debate in New York.",
     [["Joseph Otieno", "Lars Holm"]], {"place": "New York"}),
    ("a monarch known by one name",
     "King Haakon received Foreign Minister Anna Berg at the Royal Palace on Monday.",
     [["Anna Berg", "King Haakon"]], {"date": "2024-03-18"}),
    ("progressive 'is hosting' with the guest named after the object's commas",
     "President Joseph Otieno is on Monday hosting the president of the Republic of Lakeland, Maria Lund, "
     "at the Union Buildings in Nairobi.",
     [["Joseph Otieno", "Maria Lund"]], {"place": "Union Buildings, Nairobi"}),
    ("'called on' as a courtesy call in person",
     "Foreign Minister Anna Berg called on the acting Prime Minister, Lars Holm, on Monday.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18"}),
    ("coordinated people who 'discussed' something met",
     "Chancellor Maria Lund and President Joseph Otieno discussed trade during the president's visit to Oslo.",
     [["Joseph Otieno", "Maria Lund"]], {"place": "Oslo"}),
    ("people acting 'at the meeting' took part in it",
     "At the meeting, Chancellor Maria Lund and President Joseph Otieno spoke about trade.",
     [["Joseph Otieno", "Maria Lund"]], {}),
    ("nominal 'a meeting of A and B took place'",
     "A regular meeting of President of Kenya Joseph Otieno and Prime Minister of Norway Lars Holm took place "
     "in Geneva.",
     [["Joseph Otieno", "Lars Holm"]], {"place": "Geneva"}),
    ("a hyphenated given name after a title, tagged as an organisation",
     "President Kassym-Jomart Tokayev received Foreign Minister Anna Berg.",
     [["Anna Berg", "Kassym-Jomart Tokayev"]], {}),
    ("time spent with someone",
     "Envoy Steve Witkoff spent almost five hours with President Vladimir Putin in Moscow on Monday.",
     [["Steve Witkoff", "Vladimir Putin"]], {"date": "2024-03-18", "place": "Moscow"}),
    ("'earlier in the day' takes the day and place of the meeting just told",
     "President Joseph Otieno met Prime Minister Lars Holm on Monday on the sidelines of the summit in Geneva. "
     "Earlier in the day, Otieno met Chancellor Maria Lund.",
     [["Joseph Otieno", "Lars Holm"], ["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Geneva"}),
    ("a title completed by 'for <region>' before the name",
     "King Haakon on Monday received Coordinator for the Middle East Brett Cole at the palace.",
     [["Brett Cole", "King Haakon"]], {}),
    ("parties described by their nations, one named person of each",
     "The Norwegian foreign minister, Anna Berg, landed on Wednesday. Lars Holm of Sweden and the Danish "
     "foreign minister, Maria Lund, were waiting.\nA trilateral meeting of the Norwegian, Swedish and Danish "
     "foreign ministers took place in Bergen on Monday.",
     [["Anna Berg", "Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Bergen"}),
    ("'the diplomats from A and B', each nation's one, not the nations",
     "Chinese Foreign Minister Wang Lei arrived on Wednesday, and Secretary of State Anna Berg of Norway flew in."
     "\nThe most senior diplomats from China and Norway began talks in Oslo on Monday.",
     [["Anna Berg", "Wang Lei"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a lead in the present perfect: what just happened, in the publication month",
     "Foreign Minister Anna Berg and a delegation of MPs have met with Prime Minister Lars Holm in Oslo.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03", "place": "Oslo"}),
    ("a meeting under way ('is meeting') is the occasion the article opens with",
     "The two foreign ministers began talks in Oslo on Monday.\n"
     "Foreign Minister Anna Berg is meeting her counterpart Lars Holm on the sidelines of the forum.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18"}),
    ("a country hosting in the meeting's sentence is its place",
     "On Monday, Foreign Minister Anna Berg told visiting Prime Minister Lars Holm that trade mattered, the first "
     "time Norway has hosted a Swedish leader in a decade.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Norway"}),
    ("a venue named without its city is in the city a participant just arrived in",
     "President Joseph Otieno arrived in Bergen on Friday.\n"
     "President Joseph Otieno met Monday at the Royal Palace with Prime Minister Lars Holm.",
     [["Joseph Otieno", "Lars Holm"]], {"date": "2024-03-18", "place": "Royal Palace, Bergen"}),
    ("'a separate meeting' on the same visit: in the occasion's city, not its building",
     "President Joseph Otieno met Prime Minister Lars Holm on Monday at the Royal Palace in Bergen.\n"
     "Chancellor Maria Lund held a separate meeting with Foreign Minister Anna Berg.",
     [["Joseph Otieno", "Lars Holm"], ["Anna Berg", "Maria Lund"]], {"place": "Bergen"}),
    ("'our last meeting' in a participant's quotation: the pair just met, an earlier meeting",
     "Foreign Minister Anna Berg also met Foreign Minister Lars Holm on Monday afternoon.\n"
     'She wrote on Facebook: "Much has happened since our last meeting in September in New York."',
     [["Anna Berg", "Lars Holm"], ["Anna Berg", "Lars Holm"]], {"date": "2023-09", "place": "New York"}),
    ("'paid a courtesy call on X' (in person, not a phone call)",
     "Foreign Minister Anna Berg paid a courtesy call on Prime Minister Lars Holm in Oslo on Monday.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'paid a visit to X', a person",
     "Foreign Minister Anna Berg paid a visit to Prime Minister Lars Holm in Oslo on Monday.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'A and B exchanged views'",
     "Chancellor Maria Lund and President Joseph Otieno exchanged views on trade in Oslo on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("the place hung on the name that completes the partner's title",
     "The Prime Minister Lars Holm met President of the European Council Charles Michel in Brussels today.",
     [["Charles Michel", "Lars Holm"]], {"date": "2024-03-20", "place": "Brussels"}),
    ("'the talks between A and B in Oslo': the place hung on the last partner",
     "The talks between President Anna Berg and Prime Minister Lars Holm in Oslo on Monday focused on trade.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'A joined B for talks'",
     "Foreign Minister Anna Berg joined Prime Minister Lars Holm for talks on Monday.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18"}),
    ("'During their meeting, A and B discussed': the pair after the fronted phrase",
     "During their meeting on Monday in Oslo, President Anna Berg and Prime Minister Lars Holm discussed trade.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a relative clause telling an earlier meeting is an event of its own, with its own date and place",
     "President Anna Berg and Prime Minister Lars Holm, who first met in Oslo in 2018, held talks in Bergen on Monday.",
     [["Anna Berg", "Lars Holm"], ["Anna Berg", "Lars Holm"]], {"place": "Oslo"}),
    ("'the two last met in March': an earlier meeting, kept apart from the one reported",
     "President Anna Berg held talks with Prime Minister Lars Holm in Bergen on Monday. The two last met in Oslo "
     "in March.",
     [["Anna Berg", "Lars Holm"], ["Anna Berg", "Lars Holm"]], {"date": "2024-03", "place": "Oslo"}),
    ("'the two met again': the pair just told",
     "President Anna Berg met Prime Minister Lars Holm. The two met again on Tuesday in Bergen.",
     [["Anna Berg", "Lars Holm"], ["Anna Berg", "Lars Holm"]], {"date": "2024-03-19", "place": "Bergen"}),
    ("'their meeting' with the pair named after it in the same sentence",
     "Chancellor Maria Lund met Prime Minister Lars Holm in Oslo on Friday.\n"
     "After their private meeting on Monday, President Joseph Otieno and Foreign Minister Anna Berg went out "
     "to greet the crowd.",
     [["Lars Holm", "Maria Lund"], ["Anna Berg", "Joseph Otieno"]], {}),
    ("the subject of a trip 'for talks with' a partner went to the talks",
     "Foreign Minister Anna Berg travelled to Oslo on Monday for talks with Prime Minister Lars Holm.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'Following talks with X, Y said': the speaker held the talks",
     "Following talks with Prime Minister Lars Holm in Oslo on Monday, Chancellor Maria Lund said trade "
     "would grow.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a reception in a second conjunct ('arrived in Nairobi and was received by X')",
     "Chancellor Maria Lund arrived in Nairobi on Monday and was received by President Joseph Otieno.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("'A and B reviewed ties' (Discussion)",
     "President Joseph Otieno and Chancellor Maria Lund reviewed bilateral ties in Nairobi on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"place": "Nairobi"}),
    ("'granted an audience to X', 'convened a meeting with X'",
     "King Haakon granted an audience to Foreign Minister Anna Berg on Monday. "
     "President Joseph Otieno convened a meeting with Chancellor Maria Lund in Nairobi on Tuesday.",
     [["Anna Berg", "King Haakon"], ["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-19"}),
    ("two people speaking at an occasion both were at",
     "President Joseph Otieno and Chancellor Maria Lund spoke in person at the summit in Oslo on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"place": "Oslo"}),
    ("'spoke face to face with X'",
     "President Joseph Otieno spoke face to face with Chancellor Maria Lund on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18"}),
    ("'A and B held separate meetings with C and D': each met each",
     "Foreign Minister Anna Berg and Defence Minister Karl Dahl held separate meetings with Prime Minister "
     "Lars Holm and President Ana Ruiz on Monday.",
     [["Anna Berg", "Lars Holm"], ["Ana Ruiz", "Anna Berg"], ["Karl Dahl", "Lars Holm"], ["Ana Ruiz", "Karl Dahl"]],
     {}),
    ("the countries of 'the leaders of A, B and C' are no parties (and one party is no meeting)",
     "President Joseph Otieno hosted the leaders of Norway, Chile and Peru at a summit in Nairobi on Monday.",
     [], {}),
    ("a time clause reports an event of its own, counted back from the main one's day; a nationality "
     "the model tags a person opens a title",
     "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo on Monday, a day after Holm met Ugandan "
     "President Sam Okello in Kampala.",
     [["Anna Berg", "Lars Holm"], ["Lars Holm", "Sam Okello"]], {"date": "2024-03-17", "place": "Kampala"}),
    ("'One of the meetings was with X' after a day of receptions; a trip's destination tagged a person "
     "is no party",
     "President Joseph Otieno spent Monday receiving heads of state. One of the meetings was with the president "
     "of Norway Lars Holm, who confirmed Otieno's trip to Buenos Aires.",
     [["Joseph Otieno", "Lars Holm"]], {}),
    ("a quotation's own day and place do not date the meeting told outside it",
     "\u201cOn the 23rd of January we will meet in Bergen,\u201d posted Lars Holm on social media after meeting "
     "with President Joseph Otieno.",
     [["Joseph Otieno", "Lars Holm"]], {}),
    ("'In the meeting with X, Y sought ...': what a speaker seeks at a meeting does not unmake it; "
     "'on the margins of the Summit' is the occasion told first, after a standfirst that names none",
     "Trade and energy also came up for discussion.\n"
     "On the sidelines of the Global Summit in Oslo, Prime Minister Lars Holm met King Haakon.\n"
     "In the meeting with President Joseph Otieno on Monday, on the margins of the Summit, Mr. Holm sought "
     "support for his plan.",
     [["King Haakon", "Lars Holm"], ["Joseph Otieno", "Lars Holm"]], {"place": "Oslo"}),
    ("'discussed <a long list> with X': the partner hung deep inside the object",
     "Prime Minister Lars Holm discussed cooperation in counter-terrorism, in the areas of railways, defence "
     "manufacturing, renewable energy and marine security with the Prime Minister of Spain Mariano Rajoy.",
     [["Lars Holm", "Mariano Rajoy"]], {}),
    ("a participle set off after its subject ('Lund, meeting Holm in Oslo, said')",
     "Chancellor Maria Lund, meeting Prime Minister Lars Holm in Oslo on Monday, said trade would grow.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a meal shared with a named guest ('had a working lunch with X')",
     "President Joseph Otieno had a working lunch with Chancellor Maria Lund in Oslo on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a meal hosted for a named guest ('hosted a dinner for X')",
     "Prime Minister Lars Holm hosted a dinner for Chancellor Maria Lund in Bergen on Monday.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Bergen"}),
    ("'played host to X'",
     "President Joseph Otieno played host to Prime Minister Lars Holm in Nairobi on Monday.",
     [["Joseph Otieno", "Lars Holm"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("'received a courtesy call from X': the caller came in person",
     "Chancellor Maria Lund received a courtesy call from Ambassador Joseph Otieno in Oslo on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'received a visit from X'",
     "Prime Minister Lars Holm received a visit from Foreign Minister Anna Berg in Oslo on Monday.",
     [["Anna Berg", "Lars Holm"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'sat with X to discuss' (no 'down')",
     "Chancellor Maria Lund sat with President Joseph Otieno in Nairobi on Monday to discuss trade.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("the one told something during a meeting took part in it",
     "Prime Minister Lars Holm told Chancellor Maria Lund during a meeting in Oslo on Monday that trade would grow.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("'During talks in X, A assured B ...'",
     "During talks in Nairobi on Monday, President Joseph Otieno assured Foreign Minister Anna Berg of his support.",
     [["Anna Berg", "Joseph Otieno"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("coordinated subject acting after talks ('after two hours of talks')",
     "Chancellor Maria Lund and Prime Minister Lars Holm agreed on Monday in Bergen to expand trade, "
     "after two hours of talks.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Bergen"}),
    ("'shook hands with X': a handshake is an encounter in person",
     "Prime Minister Lars Holm shook hands with Chancellor Maria Lund at the summit in Lima on Friday.",
     [["Lars Holm", "Maria Lund"]], {"date": "2024-03-15", "place": "Lima"}),
    ("'A and B greeted each other'",
     "President Joseph Otieno and Chancellor Maria Lund greeted each other in Nairobi on Friday evening.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-15", "place": "Nairobi"}),
    ("'A and B embraced'",
     "President Joseph Otieno and Chancellor Maria Lund embraced in Nairobi on Friday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-15", "place": "Nairobi"}),
    ("'has met and shaken hands with X': the verb that names both sides reports it",
     "President Joseph Otieno has met and shaken hands with Chancellor Maria Lund for the first time.",
     [["Joseph Otieno", "Maria Lund"]], {}),
    ("a caption's '(L) speaks with X': pictured together, so in person",
     "Foreign Minister Anna Berg (L) speaks with President Joseph Otieno in Nairobi March 18, 2024.",
     [["Anna Berg", "Joseph Otieno"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("a caption's 'meets with, from left, A, B and C': one meeting of all of them",
     "President Joseph Otieno meets with, from left, Chancellor Maria Lund, Prime Minister Lars Holm and "
     "Foreign Minister Anna Berg in Nairobi, March 18, 2024.",
     [["Anna Berg", "Joseph Otieno", "Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("a caption's 'meets with A, left, and B in Moscow': the place hung on the second partner",
     "President Joseph Otieno, center, meets with Chancellor Maria Lund, left, and Prime Minister Lars Holm "
     "in Moscow, March 18, 2024.",
     [["Joseph Otieno", "Lars Holm", "Maria Lund"]], {"date": "2024-03-18", "place": "Moscow"}),
    ("'Speaking in X at a joint news conference with Y, Z said'",
     "Speaking in Nairobi on Monday at a joint news conference with President Joseph Otieno, Chancellor Maria "
     "Lund said trade would grow.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("'A and B held a joint press conference'",
     "President Joseph Otieno and Chancellor Maria Lund held a joint press conference in Nairobi on Monday.",
     [["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
    ("'the two leaders ... after holding talks': the governing clause's counted subject",
     "President Joseph Otieno praised the ferry link. Chancellor Maria Lund thanked the crew. "
     "The two leaders addressed the press after holding talks at State House in Nairobi.",
     [["Joseph Otieno", "Maria Lund"]], {"place": "State House, Nairobi"}),
    ("'X's meeting with the presidents of A, B and C' is one meeting, a nation tagged as a person too",
     "President Joseph Otieno of Kenya, President Ana Ruiz of Peru and President Paul Biya of Cameroon "
     "arrived on Monday. Chancellor Maria Lund's meeting with the presidents of Kenya, Peru and Cameroon took "
     "place in Oslo.",
     [["Ana Ruiz", "Joseph Otieno", "Maria Lund", "Paul Biya"]], {"place": "Oslo"}),
    ("'had a conversation with X on the sidelines of the summit': in person where the text puts them together",
     "Prime Minister Lars Holm had a conversation with Chancellor Maria Lund on the sidelines of the summit.",
     [["Lars Holm", "Maria Lund"]], {}),
    ("'A and B had an informal conversation over a cup of tea'",
     "Prime Minister Lars Holm and Chancellor Maria Lund had an informal conversation over a cup of tea.",
     [["Lars Holm", "Maria Lund"]], {}),
    ("a country's name before the partner's name, tagged with it as a place",
     "President Joseph Otieno had a meeting with President of the Republic of Guinea-Bissau Umaro Sissoco "
     "Embalo on Monday.",
     [["Joseph Otieno", "Umaro Sissoco Embalo"]], {"date": "2024-03-18"}),
    ("'Prime Minister of the Netherlands Mark Rutte': the country, untagged, is the title's",
     "President Joseph Otieno met with Prime Minister of the Netherlands Mark Rutte on Monday.",
     [["Joseph Otieno", "Mark Rutte"]], {"date": "2024-03-18"}),
    ("'met her Chinese counterpart' with no name after it: the one Chinese official of the article",
     "Chinese Foreign Minister Li Wei arrived in Oslo on Sunday. Norwegian Foreign Minister Anna Berg met her "
     "Chinese counterpart on Monday.",
     [["Anna Berg", "Li Wei"]], {"date": "2024-03-18", "place": "Oslo"}),
    ("a counted group discussing right after the meeting gives it its day and place",
     "Chancellor Maria Lund met with President Joseph Otieno. The two leaders discussed trade in Nairobi on Monday.",
     [["Joseph Otieno", "Maria Lund"], ["Joseph Otieno", "Maria Lund"]], {"date": "2024-03-18", "place": "Nairobi"}),
]


@pytest.mark.parametrize("construction, text, expected, details", CONSTRUCTIONS,
                         ids=[c[0] for c in CONSTRUCTIONS])
def test_construction(nlp, construction, text, expected, details):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text)).meetings
    assert [sorted(m.participants) for m in found] == [sorted(e) for e in expected]
    for m in found[-1:]:
        if "date" in details:
            assert m.date is not None and m.date.iso() == details["date"]
        if "place" in details:
            assert m.place == details["place"]


def test_a_dateline_city_tagged_as_a_person_is_no_party(nlp):
    text = ("Port Lindow (NNA) – President Joseph Otieno had bilateral meetings with Chancellor Maria Lund and "
            "Prime Minister Lars Holm at the summit in Port Lindow.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert "Port Lindow" not in {a.name for a in found.actors}
    assert [sorted(m.participants) for m in found.meetings] == [["Joseph Otieno", "Maria Lund"],
                                                               ["Joseph Otieno", "Lars Holm"]]


def test_a_courtesy_call_paid_him_under_a_dateline_with_its_country_and_a_yearless_day(nlp):
    text = ("NAIROBI, Kenya, Mar 12 – President Joseph Otieno held talks with Ethiopian President Sahle-Work Zewde "
            "who paid him a courtesy call at State House.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2020, 3, 12)), nlp(text))
    assert [sorted(m.participants) for m in found.meetings] == [["Joseph Otieno", "Sahle-Work Zewde"]]
    assert "NAIROBI" not in {a.name for a in found.actors}


def test_those_who_also_attended_the_meeting_were_present_at_it(nlp):
    text = ("President Joseph Otieno met Prime Minister Lars Holm in Oslo on Monday. Foreign Minister Anna Berg and "
            "her Kenyan counterpart Ali Hassan also attended the bilateral meeting.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text)).meetings
    assert [sorted(m.participants) for m in found] == [["Joseph Otieno", "Lars Holm"]]
    assert {"Anna Berg", "Ali Hassan"} <= set(found[0].attendees)


@pytest.mark.parametrize("text, names", [
    ("The meeting was attended by Cabinet Secretaries Raychelle Omamo and Sicily Kariuki.",
     {"Raychelle Omamo", "Sicily Kariuki"}),  # a plural title
    ("Also present were Kenya's Ambassador to Ethiopia Catherine Mwangi and her Ethiopian counterpart to Kenya "
     "Meles Alem Tikea.", {"Catherine Mwangi", "Meles Alem Tikea"}),  # the place named elsewhere as one
])
def test_names_after_plural_titles_and_counterparts(nlp, text, names):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert names <= {a.name for a in found.actors}


def test_a_plural_title_is_no_part_of_the_name_it_leads(nlp):
    text = ("Mayor Anna Berg asked Councilor Gary Allen to open the gift, which Councilors Allen and Tom Reed held "
            "up for all to see.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert not any(a.name.startswith("Councilors") for a in found.actors)


def test_the_meeting_told_again_and_the_initial_one_it_follows(nlp):
    text = ("President Joseph Otieno and Prime Minister Lars Holm held talks in Oslo on Monday. "
            "Their talks were followed by a dinner attended by both leaders' spouses. "
            "The meeting came three months after their initial talks at the summit in Nairobi.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text)).meetings
    told = [(m.place, m.date and m.date.iso(), m.earlier) for m in found]
    assert told[:2] == [("Oslo", "2024-03-18", False), ("Oslo", "2024-03-18", False)]
    assert ("Nairobi", None, True) in told[2:] and all(p == "Oslo" for p, _, e in told if not e)


def test_a_courtesy_call_on_his_excellency_told_again_and_placed_later(nlp):
    text = ("As the Special Envoy of President Ali Hassan, Minister of Foreign Affairs, His Excellency Anna Berg, "
            "called on His Excellency Lars Holm, Prime Minister of Lakeland, this evening.\n"
            "At the meeting held in Port Lindow, Minister Berg extended warm greetings from President Hassan.\n"
            "During the call, Minister Berg and Prime Minister Holm discussed trade.\n"
            "Foreign Minister Berg is visiting Mauritius as part of her current tour.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2019, 7, 16)), nlp(text))
    assert [sorted(m.participants) for m in found.meetings] == [["Anna Berg", "Lars Holm"]] * 2
    assert found.meetings[0].place == "Port Lindow"
    assert {"Anna Berg", "Lars Holm", "Ali Hassan"} == {a.name for a in found.actors if a.kind == "person"}


def test_a_day_of_receptions_dates_and_places_each_meeting_of_it(nlp):
    text = ("President Joseph Otieno spent this Monday receiving heads of state who came to Nairobi for his "
            "inauguration. The meetings took place at the State House throughout the day.\n"
            "One of the meetings was with the president of Norway Lars Holm.\n"
            "Another meeting was with Chilean President Ana Ruiz.\n"
            "Otieno also met with presidents Luis Soto (Peru) and Karl Dahl (Denmark).\n"
            "There were also bilateral meetings with the president of Sweden, Anna Berg and with the president of "
            "Finland, Iris Castro.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text)).meetings
    assert sorted(sorted(m.participants) for m in found) == sorted(sorted(["Joseph Otieno", p]) for p in (
        "Lars Holm", "Ana Ruiz", "Luis Soto", "Karl Dahl", "Anna Berg", "Iris Castro"))
    assert {(m.date.iso() if m.date else None, m.place) for m in found} == {("2024-03-18", "State House")}


def test_a_previous_meeting_told_as_a_story_takes_its_month_and_the_trip_s_city(nlp):
    text = ("Foreign Minister Anna Berg and her Danish counterpart held a telephone conversation today.\n"
            "The previous ministerial meeting took place in mid-February. Then Berg paid a visit to Ankara. "
            "During the trip, she held talks with Lars Holm, who served as foreign minister before.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2023, 6, 7)), nlp(text)).meetings
    assert [(sorted(m.participants), m.date and m.date.iso(), m.place) for m in found] == [
        (["Anna Berg", "Lars Holm"], "2023-02", "Ankara")]


def test_a_quotation_s_plan_neither_dates_nor_places_a_meeting_outside_it(nlp):
    text = ("\u201cOn the 23rd of January we will meet in Bergen,\u201d posted Lars Holm on social media after "
            "meeting with President Joseph Otieno.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 1, 3)), nlp(text)).meetings
    assert [(m.date, m.place) for m in found] == [(None, None)]


@pytest.mark.parametrize("text", [
    "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo three weeks after the election.",
    "Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo, a day after Holm met King Haakon in Bergen.",
])
def test_a_span_after_another_event_is_not_counted_from_publication(nlp, text):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert found.meetings and all(m.date is None for m in found.meetings)


def test_an_experiential_perfect_gives_no_date(nlp):
    text = "Foreign Minister Anna Berg has met Prime Minister Lars Holm several times in Oslo."
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert all(m.date is None for m in found.meetings)


@pytest.mark.parametrize("sentence", [
    "President Anna Berg called on Lakeland to stop the war.",
    "President Anna Berg called on Chancellor Maria Lund to resign.",
    "Chancellor Maria Lund and President Joseph Otieno discussed trade by phone.",
    "Foreign Minister Anna Berg paid tribute to Prime Minister Lars Holm.",
    "Foreign Minister Anna Berg paid a visit to Oslo.",
    "Chancellor Maria Lund and President Joseph Otieno exchanged letters on trade.",
    "Foreign Minister Anna Berg joined Prime Minister Lars Holm in calling for peace.",
    "Chancellor Maria Lund pressed for talks with President Joseph Otieno.",
    "President Joseph Otieno spoke with Chancellor Maria Lund on Monday.",  # most often a call
    "President Joseph Otieno spoke to reporters on the sidelines of the summit in Oslo.",
    "Foreign Minister Anna Berg met with reporters after Prime Minister Lars Holm spoke.",  # one party
    "Senator Tom Reed is with the Democratic Party.",  # an affiliation, not company
    "A meeting between President Joseph Otieno and Chancellor Maria Lund is possible.",
    "A meeting between President Joseph Otieno and Chancellor Maria Lund is likely next month.",
    "Foreign Minister Anna Berg arrived in Oslo ahead of talks with Prime Minister Lars Holm.",
    "The meeting between Foreign Minister Anna Berg and Prime Minister Lars Holm was postponed.",
    "The meeting between Foreign Minister Anna Berg and Prime Minister Lars Holm was called off.",
    "President Joseph Otieno received a call from Chancellor Maria Lund on Monday.",  # a call, not a courtesy call
    "Prime Minister Lars Holm hosted a dinner for journalists in Oslo.",  # nobody named
    "Prime Minister Lars Holm played host to the Nordic Games in Oslo.",
    "Chancellor Maria Lund sat next to President Joseph Otieno at the concert hall's opening.",
    # nobody named: a meeting of countries' leaderships
    "This is the first meeting between Australia and Papua New Guinea leadership for some time now.",
    "Prime Minister Lars Holm had a conversation with Chancellor Maria Lund on Monday.",  # may be by telephone
    # a discussion right after a telephone call is that call
    "Prime Minister Lars Holm had a telephone conversation with Chancellor Maria Lund. The two leaders discussed trade.",
    "President Joseph Otieno spoke by phone with Chancellor Maria Lund. Otieno and Lund discussed trade.",
    "Chancellor Maria Lund said she looked forward to meeting President Joseph Otieno.",
])
def test_not_a_meeting(nlp, sentence):
    found = extract_doc(Article(path=Path("t.txt"), text=sentence, published=None), nlp(sentence))
    assert found.meetings == []


def test_a_named_event_to_come_does_not_date_the_meeting_before(nlp):
    text = ("Chancellor Maria Lund and President Joseph Otieno discussed trade. In advance of the Global Summit, "
            "to be held in Geneva on November 2, the two leaders reiterated their commitment.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert all(m.date is None for m in found.meetings)


def test_the_venue_said_after_the_meeting_beats_the_dateline(nlp):
    text = ("OSLO: Prime Minister Lars Holm discussed trade with President Joseph Otieno at a bilateral meeting "
            "on Monday.\nThe meeting was held shortly after Mr Holm landed in Geneva to attend the summit.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert [m.place for m in found.meetings] == ["Geneva"]


def test_a_hyphenated_dateline_city_stays_whole(nlp):
    text = "NUR-SULTAN – President Joseph Otieno met Prime Minister Lars Holm on Monday."
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert [m.place for m in found.meetings] == ["Nur-Sultan"]


def test_a_monarch_only_mentioned_is_not_an_actor(nlp):
    text = "Foreign Minister Anna Berg met Chancellor Maria Lund. They recalled the coronation of King Olav."
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert "King Olav" not in {a.name for a in found.actors}


def speakers(nlp, text):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    return [(p.actor, p.text) for p in found.positions]


SPEECH = [
    ("'commended X for ...': a stance on an object",
     "Prime Minister Lars Holm commended President Joseph Otieno for his leadership.", {"Lars Holm"}),
    ("'sought the support of ...'",
     "Prime Minister Lars Holm sought the support of the country for Norway's membership.", {"Lars Holm"}),
    ("a speaker inverted after 'posted' ('\u201c...\u201d, posted Holm on social media')",
     "\u201cWe are on the same path and we seek the same destiny for our peoples\u201d, posted Lars Holm on "
     "social media.", {"Lars Holm"}),
    ("a report inside the quotation belongs to the speaker outside it",
     '"During the debate Senator Tom Reed said farmers would suffer," Governor Ann Lowe said.',
     {"Ann Lowe"}),
    ("earlier sentences of a quotation closed by its speaker",
     '"Paul Berg already gave his answer to this committee. He was ready to do it again today. '
     'That is all there is to it," lawyer Mark Dunn said in a statement.',
     {"Mark Dunn"}),
    ("a quotation following an attributed one in the same paragraph goes on in that voice",
     '"We are fighting a long war," General Lisa Grant said. "President Tom Reed has enormous respect for '
     'the troops, and he said so last night."',
     {"Lisa Grant"}),
    ("a quoted paragraph signed with a dash",
     '"Governor Tom Reed is ignorant of our culture. He makes blanket statements about people." ― Maria Lopez',
     {"Maria Lopez"}),
    ("a pronoun after a quotation is not someone the quotation names",
     'Mayor Ann Lowe met the press. "We talked about the plans of Secretary Paul Berg and our interest in '
     'them," she said.',
     {"Ann Lowe"}),
    ("named people who agree together each take the stance",
     "Foreign Minister Anna Berg and Prime Minister Lars Holm agreed to deepen trade ties.",
     {"Anna Berg", "Lars Holm"}),
    ("'assured X that ...': the one who assures speaks, not the one assured",
     "Prime Minister Lars Holm assured Chancellor Maria Lund that Sweden would send aid soon.",
     {"Lars Holm"}),
    ("'was quoted as saying': the one quoted speaks",
     "Foreign Minister Anna Berg was quoted as saying that Norway would back the plan.",
     {"Anna Berg"}),
    ("'posted on X that ...'",
     "Foreign Minister Anna Berg posted on X that the plan needed more work.",
     {"Anna Berg"}),
    ("a person's stance on an object, however short ('condemned the attack')",
     "Foreign Minister Anna Berg condemned the attack.",
     {"Anna Berg"}),
    ("a stance inside what someone lays out is the content, not a country's own report",
     "On trade, President Tom Reed laid out in detail that the plan has not changed, the United States opposes "
     "any new tariffs, and the world has an interest in open markets.",
     set()),
    ("a name after a verb that never takes the one spoken to is its subject inverted",
     'Prime Minister Ann Lowe met President Paul Berg. "It was a great discussion," she explained Berg at the '
     'end of the meeting.',
     {"Paul Berg"}),
    ("a person relaying what another person promised and said: the relaying person's account",
     "Press secretary Ann Lowe says Senator Tom Reed promised to back the bill and said he would vote for it.",
     {"Ann Lowe"}),
    ("a person relaying a call for something",
     "Spokesman Mark Dunn said on Monday that Governor Ann Lowe has long called for lower taxes on farms.",
     {"Mark Dunn"}),
    ("'maintain', 'observe', 'add' with a direct object keep, watch or count: no words",
     "The new ports help Prime Minister Lars Holm maintain the image of a strong leader that Governor Ann Lowe "
     "admires. Governor Ann Lowe observed the ceasefire talks from Oslo.",
     set()),
    ("a person's lawyer, aide or family speaks, not the person",
     "Senator Tom Reed met Governor Ann Lowe. Reed's lawyer said the senator will refuse to answer any questions "
     "from the panel. A Lowe aide said the governor had been misled by her staff.",
     set()),
    ("a report inside a relative clause describes a noun: the outer speaker speaks",
     '"Who is the real villain here?" said Governor Ann Lowe, using a term Senator Tom Reed has used to '
     'describe Paul Berg, on a call with reporters.',
     {"Ann Lowe"}),
    ("a report inside a question asks whether someone spoke: it is not their position",
     'Senator Tom Reed met the press. "Is Governor Ann Lowe going to finally say the words farm crisis? '
     'If she does not, she is finished!" Senator Tom Reed wrote on Sunday.',
     {"Tom Reed"}),  # the one who wrote it, set off after the exclamation
    ("quotation marks typed as two apostrophes open and close a quotation, also after a paragraph break",
     "Governor Ann Lowe spoke first.\n\n''The farmers are angry,'' Governor Ann Lowe said. ''Senator Tom Reed "
     "told them nothing about the new tax on their land.''",
     {"Ann Lowe"}),
    ("someone unidentified reporting inside a quotation is part of what its speaker says",
     '"The voters are like a choir and they write a new song every year," Governor Ann Lowe said.',
     {"Ann Lowe"}),
    ("'called it \"predatory\"': what someone calls a thing is a judgement, however short",
     'Governor Ann Lowe called it "predatory."',
     {"Ann Lowe"}),
    ("a surname the model tags as an organisation is the one person of that name",
     "Governor Ann Wood came to Oslo. Wood has called climate change a hoax.",
     {"Ann Wood"}),
    ("an 'as'-clause names the report's source, not another speaker",
     'Mrs. Ann Lowe met Mr. Paul Berg on Monday. Lowe left early. "It was a great discussion," said Berg, '
     'as she writes on her blog.',
     {"Paul Berg"}),
    ("a surname the model tags as a place is the one person of that name, also when the given name reads "
     "as a particle ('Al')",
     'Governor Ann Lowe was joined on stage by Sen. Al Paris. "Look at what you did," Paris said.',
     {"Al Paris"}),
    ("a quotation opened after a colon, whatever the verb, and run on, is the subject's; a closing mark "
     "glued to the next paragraph ends the sentence",
     'Senator Tom Reed posted a photo of a corn dog: “I love farmers!”Former governor Ann Lowe laid out '
     'what was wrong with the photo to a Dutch newspaper: “What Reed did was so careless.\n'
     '“First, not all farmers grow corn.\n“Second, to say this is a further insult.”',
     {"Ann Lowe"}),
    ("'said X, who added that ...': the relative pronoun is X",
     'Governor Ann Lowe spoke first. "I have made a career of defending Tom Reed on the farm bill," said '
     'Paul Berg, who added that the new revelations gave him pause.',
     {"Paul Berg"}),
    ("a report in a clause of time beside the main one: the main report's speaker holds the sentence",
     '"Your plan is amazing," Governor Ann Lowe assured Paul Berg, after Berg assured Lowe that most of his '
     'voters supported her plan.',
     {"Ann Lowe"}),
]


@pytest.mark.parametrize("construction, text, who", SPEECH, ids=[c[0] for c in SPEECH])
def test_speech_construction(nlp, construction, text, who):
    assert {actor for actor, _ in speakers(nlp, text)} == who


def test_a_contrasting_clause_is_its_own_speaker_s(nlp):
    text = ("Prime Minister Lars Holm welcomed the visit of President Joseph Otieno as a significant gesture, while "
            "Otieno emphasized the need to correct unnecessary conflicts.")
    assert speakers(nlp, text) == [("Lars Holm", "the visit of President Joseph Otieno as a significant gesture"),
                                   ("Joseph Otieno", "the need to correct unnecessary conflicts")]


def test_words_before_a_late_report_are_what_was_said(nlp):
    text = "Both sides agreed to deepen ties, Foreign Minister Anna Berg said after meeting Lars Holm in Oslo."
    assert speakers(nlp, text) == [("Anna Berg", "Both sides agreed to deepen ties")]


def test_a_quotation_closed_without_a_speaker_stays_the_voice_before(nlp):
    text = ('The senator spoke first.\n\n"The delays," Governor Ann Lowe said, as the crowd cheered. "The waste. '
            'The broken promises. The endless, pointless meetings."\n\n"Well, she was a failed governor," '
            'Senator Tom Reed said of Lowe. "She should have done better."')
    said = dict((t, a) for a, t in speakers(nlp, text))
    assert said["The broken promises."] == "Ann Lowe"
    assert said['"She should have done better."'] == "Tom Reed"


def test_a_quotation_after_a_colon_is_the_speaker_of_the_sentence_before(nlp):
    text = ('Voters in the county gave their views. Retired farmer Paul Berg said of the candidates on both sides:'
            '\n\n"There is only one: Lowe. I never heard Senator Tom Reed say one word that I agree with. '
            'He promised everything and did nothing."')
    assert {actor for actor, _ in speakers(nlp, text)} == {"Paul Berg"}


def test_an_opening_asked_tagged_as_a_past_tense_asks_and_the_answer_is_said(nlp):
    text = ("Asked what qualities he would like the party's nominee to have, Prime Minister Lars Holm said, "
            '"They have got to be able to win."')
    found = speakers(nlp, text)
    assert [a for a, _ in found] == ["Lars Holm"] and "able to win" in found[0][1]


def test_a_speaker_set_off_after_a_question_is_the_quotations(nlp):
    text = ('"Every time you say that," Senator Tom Reed said, "you give the banks more power."\n\n'
            '"Why is this not proof that the bank is too big to manage?" Senator Ann Lowe demanded.')
    said = dict((t, a) for a, t in speakers(nlp, text))
    assert said['"Why is this not proof that the bank is too big to manage?"'] == "Ann Lowe"
    assert "Senator Ann Lowe demanded." not in said  # the tag says nothing itself


def test_an_honorific_and_surname_is_whoever_they_named_before(nlp):
    text = ('Mr. Paul Berg spoke at the rally. "Mr. Berg is a good man," said his daughter, Anna Berg. '
            'Mr. Berg said the farmers of the north would win the vote.')
    assert [a for a, t in speakers(nlp, text) if "farmers" in t] == ["Paul Berg"]


def test_abbreviated_titles_lead_names(nlp):
    assert speakers(nlp, '"It is a dog whistle to all voters," Rep. Gwen Morton (D-Wis.) said.')[0][0] == "Gwen Morton"


def test_a_person_relaying_a_person_speaks_alone(nlp):
    text = "Governor Ann Lowe said during a rally that Senator Tom Reed once described the trade deal as a gold standard."
    assert speakers(nlp, text) == [("Ann Lowe", "that Senator Tom Reed once described the trade deal as a gold standard")]


@pytest.mark.parametrize("text, absent", [
    ("Foreign Minister Anna Berg and Chancellor Maria Lund discussed Kazakh-Uzbek ties. "
     "The Kazakh President and the Uzbek Minister were pleased.", "Kazakh-Uzbek"),
])
def test_joined_nationalities_are_no_person(nlp, text, absent):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert absent not in {a.name for a in found.actors}


def test_guests_received_without_a_host_did_not_meet_each_other(nlp):
    text = "Both President Tom Reed and Foreign Minister Anna Berg have been received in Oslo many times."
    assert extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text)).meetings == []


def test_a_named_summit_is_no_party(nlp):
    text = "Prime Minister Lars Holm is also attending the G20 Summit, which President Joseph Otieno is hosting."
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert all("Summit" not in p for m in found.meetings for p in m.participants)


def test_undotted_initials_and_a_name_right_before_its_verb(nlp):
    assert speakers(nlp, "His running mate JD Vance has advocated halting the aid program.")[0][0] == "JD Vance"
    text = "Ministers met in Brussels on Wednesday and Secretary-General Mark Rutte said that the talks were positive."
    assert speakers(nlp, text)[0][0] == "Mark Rutte"


def test_days_later_falls_in_the_month_of_the_day_before(nlp):
    text = ("Chancellor Maria Lund attended the inauguration of President Joseph Otieno on June 1. "
            "Days later, Minister Anna Berg visited Otieno to see the new port.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 10, 1)), nlp(text))
    assert [(sorted(m.participants), m.date.iso() if m.date else None) for m in found.meetings] == [
        (["Anna Berg", "Joseph Otieno"], "2024-06")]


def test_a_dateline_parsed_as_a_second_subject_leaves_the_people_discussing(nlp):
    text = ("OSLO – Norwegian President Kari-Anne Holm and Danish Minister of Foreign Affairs Lars Berg discussed "
            "bilateral relations during the minister's visit to Oslo on Feb. 18, the press service reported.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 2, 19)), nlp(text))
    assert any({"Kari-Anne Holm", "Lars Berg"} <= set(m.participants) for m in found.meetings)


@pytest.mark.parametrize("text, person", [
    ("European Commission chief Ursula von der Leyen hailed the deal as a new era.", "Ursula von der Leyen"),
    ("The delegation was welcomed by Chief of State Protocol Faisal Jalali at the airport.", "Faisal Jalali"),
    ("In the meeting with President of Turkey Recep Tayyip Erdoğan on Monday, Mr. Modi sought support.",
     "Recep Tayyip Erdoğan"),  # after the place the model tags, every word is the name's
    ("Prime Minister Lars Holm was received by the King of Saudi Arabia Salman Al Saud on Monday.",
     "Salman Al Saud"),
])
def test_names_whole_and_without_their_titles(nlp, text, person):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert person in {a.name for a in found.actors}


def test_a_caption_credit_in_brackets_names_no_actor(nlp):
    text = ("Prime Minister Lars Holm met President Joseph Otieno on Monday. "
            "The two leaders have held talks. (Reuters: Ajeng Dinar Ulfiana/Kevin Lamarque)")
    kept, cut = split_boilerplate(text)
    assert cut == ["(Reuters: Ajeng Dinar Ulfiana/Kevin Lamarque)"]
    found = extract_doc(Article(path=Path("t.txt"), text=kept, published=None), nlp(kept))
    assert not {"Ajeng Dinar Ulfiana", "Kevin Lamarque"} & {a.name for a in found.actors}


def test_a_romanised_name_with_a_lower_case_syllable_after_its_hyphen(nlp):
    text = ("The choir had sung for the guests. National Security Adviser Wi Sung-lac said in a briefing that "
            "the summit had been cordial.")
    assert speakers(nlp, text) and speakers(nlp, text)[0][0] == "Wi Sung-lac"


def test_a_bare_surname_of_two_people_goes_to_the_titled_one(nlp):
    text = ("Foreign Minister Anna Berg met the press. The gift was made by Tomas Berg, a silversmith. "
            "Berg said the talks had gone very well for both countries.")
    assert [a for a, _ in speakers(nlp, text)] == ["Anna Berg"]


def test_delegations_that_held_talks_are_their_leaders(nlp):
    text = ("Norway and Kenya delegations held talks at the Foreign Ministry in Oslo on Monday. "
            "Foreign Minister Anna Berg led the Norwegian delegation while Foreign Minister Joseph Otieno "
            "led the Kenyan side.")
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert any({"Anna Berg", "Joseph Otieno"} <= set(m.participants) for m in found.meetings)


@pytest.mark.parametrize("text", [
    "The delegation was welcomed by officials including Deputy Minister Anna Berg and Protocol Chief Lars Holm.",
    "Minister Anna Berg said the visit would be the first of a range of engagements between Norway and Kenya.",
])
def test_hosts_alone_and_engagements_to_come_are_no_meetings(nlp, text):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text))
    assert [m for m in found.meetings if len(m.participants) >= 2] == []


def test_a_place_name_the_model_tags_only_in_part_stays_whole(nlp):
    text = "President Nayib Bukele met Monday in Casa Rosada with his counterpart Javier Milei to discuss trade."
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert [m.place for m in found.meetings] == ["Casa Rosada"]


def test_she_is_never_a_mister_named_last(nlp):
    text = ("First lady Anna Holm toured the museum. Its director, Mr. Lars Berg, showed the collection. "
            "She said the exhibition was a wonderful gift to both countries.")
    assert [a for a, _ in speakers(nlp, text)] == ["Anna Holm"]


SPEAKERS_OF_THE_SUBJECT = [
    ("the person in apposition to the subject, not its possessor, even hung on a nearer noun",
     "Tom Clarke ran the firm for years. His former partner at the bank, Mark Dunn, called him a master at "
     "closing deals.", {"Mark Dunn"}),
    ("a signature after a no-break space",
     '"Governor Tom Reed is ignorant of our culture. He makes blanket statements about people."\u00a0― Maria Lopez',
     {"Maria Lopez"}),
]


@pytest.mark.parametrize("construction, text, who", SPEAKERS_OF_THE_SUBJECT,
                         ids=[c[0] for c in SPEAKERS_OF_THE_SUBJECT])
def test_who_the_speaker_is(nlp, construction, text, who):
    assert {actor for actor, _ in speakers(nlp, text)} == who


NOT_THEIR_WORDS = [
    ("receiving a guest takes no stance",
     "President Joseph Otieno welcomed Prime Minister Lars Holm of Norway to State House on Monday.",
     "Joseph Otieno", "welcomed"),
    ("a quotation closed before its speaker does not run on into the next paragraph",
     '"We will win. The plan is good for the ports," Governor Ann Lowe said.\n'
     "Some critics, however, question the wisdom of the plan for the northern ports.", "Ann Lowe", "critics"),
    ("a name before an imperative is the one addressed",
     "At the rally, Governor Ann Lowe spoke to the crowd.\n"
     "Senator Tom Reed, tell me what you are going to do for the farmers.", "Tom Reed", "tell me"),
    ("a passive participle: the one asked does not speak",
     "Prime Minister Lars Holm left the room calmly when asked to explain the plan for the ports.",
     "Lars Holm", "asked"),
    ("calling a meeting reports no words",
     "The Nordic Council, which meets twice a year, called an emergency meeting to discuss the ferry link.",
     "Nordic Council", "called"),
    ("calling someone on a day is a telephone call",
     "Governor Ann Lowe called Senator Tom Reed on Friday to discuss the farmers and their harvest.",
     "Ann Lowe", "called"),
    ("'what X called ...' names the words, it gives none",
     "Norway denounced what Prime Minister Lars Holm called the reckless actions of the fishing fleet.",
     "Lars Holm", "denounced"),
    ("a participle after a reporting noun only describes it ('the speech titled')",
     "The plan comes from a paper published before Governor Ann Lowe's speech titled 'A New Deal for Farmers' "
     "by Tom Reed.", "Ann Lowe", "titled"),
    ("'despite NP, now saying': the participle is NP's",
     "Lars Holm and Anna Berg remain confident despite a few early critics of the plan, such as Senator Tom Reed, "
     "now saying they think it should be changed.", "Lars Holm", "saying"),
    ("a paragraph signed by a name the model does not tag is not the voice before",
     '"We will win the vote in the north," Governor Ann Lowe said.\n'
     '"I am so ashamed of the campaign. He thinks he is always right about everything." ― Reader In Ohio',
     "Ann Lowe", "ashamed"),
    ("a quotation tagged by a name the tagger took for a common noun is nobody's we know, not the voice "
     "before nor the one whose promise it mentions",
     '"The wall will be built soon," Governor Tom Lowe said. "They said it is negotiable on the wall," Hannity '
     "said in reference to his promise to build a border wall.", "Tom Lowe", "negotiable"),
]


@pytest.mark.parametrize("construction, text, who, words", NOT_THEIR_WORDS, ids=[c[0] for c in NOT_THEIR_WORDS])
def test_not_their_words(nlp, construction, text, who, words):
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=None), nlp(text)).positions
    assert not [p for p in found if p.actor == who and words in p.evidence]


def test_first_lady_is_a_title_that_picks_the_bare_surname(nlp):
    text = ("The banquet was attended by first lady Mia Kim and the mayor. The vase was crafted by Jon Kim, a potter "
            "from the north. Kim told the guests that she had admired the potter's work for a long time.")
    assert [a for a, _ in speakers(nlp, text)] == ["Mia Kim"]
