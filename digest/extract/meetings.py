"""Sentences that report a meeting that took place -> MeetingMention.

Triggers are verbs ("met", "hosted", "received", "held talks with", "sat down
with") and nouns ("the meeting between", "X's meeting with Y"). A trigger is
dropped when the meeting did not (yet) happen: negated, modal or future
("will meet"), embedded under plans, refusals or conditions ("plans to meet",
"if they met"), or a phone/video call. Participants come from the trigger's
subject and partners (parties.py); attendees from "attended"/"was present";
the place (places.py) from the clause or the visit it belongs to ("traveled to
Cairo, where he met"); the date (dates.py) from the trigger's clause, never
from a reporting verb ("said Tuesday").
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..models import DateValue, MeetingMention
from .actors import Mention, Roster, speaker_turns
from ..names import is_country
from .dates import NUMBERS, days_after, find_date, just_happened, resolve_date, time_clause, under_way
from .parties import (CLAUSE_DEPS, copular_partner, described_nationals, existential, find_parties, group_subject,
                      had_occasion_to, held_with, inside_title, last_named, phrase)
from .places import PLACE_LABELS, Place, choose_place, find_dateline_place, find_place, host_country, place_under
from .rules import Rule, load_rules, matches
from .sequence import continued, day_long, earlier_phrase, goes_on_from, told_again, told_as_earlier
from .sentences import is_heading
from ..vocabulary import (ACHIEVED_VERBS, ADDRESS_VERBS, ATTENDED_PREPS, ATTEND_VERBS, CONDITION_MARKS,
                          DEFINITE_DETS, DELEGATION_NOUNS, DISCUSS_VERBS, EACH_WORDS, EARLIER_WORDS, FOCUS_VERBS,
                          GESTURE_VERBS, GROUP_HEADS, HOSTING_VERBS, IN_PERSON_OCCASIONS, LEAD_VERBS,
                          LIFE_EVENT_VERBS, MEAL_NOUNS, MEETING_NOUNS, MEETING_VERBS, MODAL_AUX, MODAL_HEADS,
                          NEGATION_ADVERBS, NOT_MEETING_NOUN_MODS, PAIR_NOUNS, PARTNER_PREPS, PHONE_WORDS,
                          PRESENT_TODAY, PRESENCE_WORDS, RESPECTIVE_WORDS, SEPARATE_WORDS, SUBJECT_MATTER_VERBS, TIME_UNITS,
                          TITLE_NOUNS, TOGETHER_WORDS, TOPIC_PREPS, TRAVEL_VERBS, TRIP_NOUNS, VIEW_NOUNS, Words)


def find_meetings(doc: Doc, roster: Roster, published: date | None) -> list[MeetingMention]:
    out: list[MeetingMention] = []
    last: MeetingMention | None = None
    lead: tuple[DateValue | None, str | None] | None = None
    occasion_index = -1
    whole_day = False  # the opening occasion filled one day ("spent Monday receiving ...")
    announced: tuple[DateValue, int] | None = None  # "The previous meeting took place in mid-February."
    here: dict[str, tuple[str, int]] = {}  # where each person was last said to be, and when
    now_in: dict[str, int] = {}  # ... when it was said they stay there ("Kerry is in Juba", "arrived in Oslo")
    called = -FOLLOW_UP - 1  # the last sentence that told a telephone call
    cities: dict[str, tuple[str, int]] = {}  # ... the last time that was a city or country
    gpes = {re.sub(r"^the ", "", e.text.lower()) for e in doc.ents if e.label_ in ("GPE", "LOC")}  # towns, countries
    dateline_place = find_dateline_place(doc)
    matched = matches(doc, "meetings", RULES)
    filed_only: set[int] = set()  # meetings (by index in `out`) placed only by the dateline
    undated: dict[int, DateValue] = {}  # the month a lead's present perfect gives, if nothing says more
    body = 0  # sentences of the text proper, headings left out
    previous: Span | None = None  # the sentence before, for "Days later, ..."
    for index, sent in enumerate(doc.sents):
        if is_heading(sent):
            continue
        body += 1
        sent_before, previous = previous, sent
        said = list(_whereabouts(sent, roster))
        here.update((name, (place, index)) for name, place, _ in said)
        cities.update((name, (place, index)) for name, place, _ in said if place.lower() in gpes)
        now_in.update((name, index) for name, _, staying in said if staying)
        triggers = [t for t in _triggers(sent, roster, matched) if _happened(t)]
        if not triggers and _by_phone(sent):
            called = index  # "Putin had a telephone conversation with X. The two leaders discussed ..."
        elif index - called <= FOLLOW_UP:
            triggers = [t for t in triggers if not _contact_only(t)]
        if (lead is None or lead == (None, None)) and body <= 3:  # a standfirst's "came up for discussion" says neither
            # the occasion the article opens with, even with nobody named ("held a series of meetings")
            # ("spent Monday receiving heads of state")
            occasion = triggers or [t for t in sent if (t.lower_ in MEETING_NOUNS or t.pos_ == "VERB"
                                                        and t.lemma_.lower() in HOSTING_VERBS) and _happened(t)]
            if occasion:
                # "Mbeki launched back into brokering ... on Tuesday, holding talks with the principals":
                # the lead's own day when the occasion's phrase carries none
                lead = (next((d for t in occasion if (d := find_date(t, sent, published)) is not None), None)
                        or find_date(sent.root, sent, published),
                        next((p for t in occasion if (p := find_place(t))), None))
                occasion_index = index
                whole_day = day_long(sent)
        if triggers:
            # one sentence, one event: "greeted each other when they met ... and held talks on
            # Monday" dates the meeting from whichever trigger carries the date or place; unless
            # a clause tells another, dated otherwise ("A and B, who first met in 2018, held talks")
            for triggers in _events(triggers, sent, published):
                # "has met and shaken hands with X": the trigger that names both sides
                found = [(t, find_parties(t, roster)) for t in triggers]
                trigger, parties = next(((t, p) for t, p in found if sum(m.kind == "person" for m in p) >= 2),
                                        found[0])
                count = group_subject(trigger)
                if count is not None and sum(m.kind == "person" for m in parties) < 2:
                    parties = _group_parties(trigger, roster, parties, count, last, index)
                joined = _joined_meeting(trigger, roster)
                if joined is not None:
                    # "Wong and Fletcher joined him and attended his meeting with the President":
                    # the meeting is the possessor's; its joiners were present
                    parties, present = joined, [m.name for m in parties if m.kind == "person"
                                                and sent.doc[m.start].pos_ != "PRON"
                                                and m.name not in {p.name for p in joined}]
                else:
                    present = []
                when = next((d for t in triggers if (d := find_date(t, sent, published)) is not None), None) \
                    or days_after(sent, sent_before, published) \
                    or _named_before(sent, triggers, published)
                places = [Place(p, "clause") for t in triggers if (p := find_place(t))][:1] \
                    or [Place(host_country(sent) or (_caption_place(sent) if _pictured(sent) else None), "clause")]
                dated = when is not None
                # "Earlier in the day, X met Y": the day just told of, the last meeting's or the opening's
                told = (last.date, last.place) if last is not None and last.date is not None and not whole_day \
                    else lead
                if told is not None and index != occasion_index:
                    same_day, same_trip = continued(sent)
                    # "spent Monday receiving heads of state ... Another meeting was with X": that day
                    when = when or (told[0] if same_day or same_trip and whole_day else None)
                    # the occasion's city, not its building: another meeting of a visit may be elsewhere in
                    # town, unless the day's meetings were all in one place
                    town = told[1] if whole_day and told[1] else ", ".join(
                        part for part in (told[1] or "").split(", ") if part.lower() in gpes)
                    # a meeting dated on its own, another day than the occasion's, may have been elsewhere
                    elsewhen = dated and told[0] is not None and when is not None and told[0].iso() != when.iso()
                    places += [Place(town, "occasion")] if same_trip and town and not elsewhen else []
                if when is None and announced is not None and index - announced[1] <= 2 \
                        and goes_on_from(sent, sent_before):
                    when = announced[0]  # "... took place in mid-February. Then X visited Ankara. During the trip, ..."
                if when is None and lead is not None and lead[0] is not None and index - occasion_index == 1 \
                        and not told_as_earlier(trigger) and not continued(sent)[1] \
                        and not any(e.label_ == "DATE" for e in sent.ents):
                    # "X launched talks on Tuesday ... / X held a brief meeting with Y before meeting Z":
                    # the sentence right after a dated lead tells more of the lead's event
                    when = lead[0]
                if when is None and lead is not None and index != occasion_index and under_way(trigger):
                    when = lead[0]  # "X is meeting Y" after "The two began talks on Saturday"
                recent = just_happened(trigger, published) if when is None and body <= 3 else None
                if _unknown_subject(trigger, roster):
                    continue  # "I discussed this with A and B": A and B did not meet each other
                for group in _separate(trigger, parties):
                    # "Bolton told reporters in Moscow ... During his visit, Bolton met Putin"; a meeting
                    # dated on its own ("Yesterday, he met ...") may have been elsewhere
                    # — unless a sentence just before put them there for the visit ("Kerry is in Juba for
                    # talks. Kerry met Friday with Kiir", "Lund arrived in Nairobi on Sunday. ... on Monday")
                    near = [Place(here[m.name][0], "whereabouts") for m in group
                            if m.name in here and index - here[m.name][1] <= 2
                            and (not dated or now_in.get(m.name) == here[m.name][1])]
                    # "the summit" again after an earlier meeting told in passing is the one reported
                    again = told_again(trigger, group, last) and not last.earlier
                    if again and not dated:
                        when = last.date  # "Their talks were followed by a dinner": the meeting just told
                    told_place = [Place(last.place, "occasion")] if again else []
                    # "... after their first summit two months ago. ... a gift from Xi at their first
                    # summit held in Gyeongju": the earlier meeting again
                    before = told_as_earlier(trigger) or trigger in _the_earlier_meeting(sent) and any(
                        m.earlier and set(m.participants) == {g.name for g in group} for m in out)
                    # a meeting told as before the one reported was not where this story is filed
                    here_now = [] if before else [*near, Place(dateline_place, "dateline")]
                    chosen = choose_place([*places, *told_place, *here_now])
                    place = chosen.name if chosen else None
                    if place is not None and chosen.source != "dateline" \
                            and not any(part.lower() in gpes for part in place.split(", ")):
                        # "in Casa Rosada" after "Bukele arrived in Buenos Aires": the venue in its city;
                        # never the dateline's, as an article is often filed far from the venue
                        city = next((cities[m.name][0] for m in group if m.name in cities
                                     and index - cities[m.name][1] <= VENUE_CITY_REACH), None)
                        place = f"{place}, {city}" if city else place
                    if chosen is not None and chosen.source == "dateline":
                        filed_only.add(len(out))  # the dateline's city stands in until the text says where
                    mention = MeetingMention(participants=[m.name for m in group if m.kind != "office"], attendees=present,
                                             unnamed=[m.name for m in group if m.kind == "office"], date=when, place=place,
                                             evidence=sent.text.strip(), sentence_index=index,
                                             topic=_subject_matter(sent), earlier=before)
                    if last is not None and last.topic is None and index - last.sentence_index <= FOLLOW_UP \
                            and set(mention.participants) == set(last.participants):
                        last.topic = mention.topic  # "The two ministers discussed fishing quotas": its topic
                    out.append(mention)
                    last = mention
                    if recent is not None:
                        undated[len(out) - 1] = recent
            continue
        if last is not None and len(out) - 1 in filed_only and index - last.sentence_index <= FOLLOW_UP:
            # "The meeting was held shortly after Mr Lee landed in Phnom Penh": the venue, not the dateline
            moved = next((p for n, (p, i) in here.items() if i == index and n in last.participants), None)
            if moved:
                last.place = moved
                filed_only.discard(len(out) - 1)
        if last is not None and index - last.sentence_index <= FOLLOW_UP and _named_people(last, roster) < 2:
            # "Pakistan and Afghanistan delegations held talks. Dar led the Pakistani delegation
            # while Muttaqi led the Afghan side": the delegations' leaders met
            last.participants += [n for n in _delegation_leaders(sent, roster) if n not in last.participants]
        first_told = next((m for m in reversed(out) if m.earlier and m.sentence_index < index), None)
        for noun in _the_earlier_meeting(sent) if first_told is not None else []:
            # "their first summit two months ago ... the first summit in Gyeongju in November"
            first_told.date = first_told.date or find_date(noun, sent, published)
            first_told.place = first_told.place or find_place(noun)
        if last is not None and last.date is None and index - last.sentence_index <= DATED_LATER:
            last.date = _date_of_the_meeting(sent, published)  # "At the meeting on Monday evening, ..."
        elif last is None and (heard := _date_of_the_meeting(sent, published, earlier=True)) is not None:
            announced = (heard, index)  # a meeting dated before any is told: the next one told may be it
        if lead is not None and lead[1] is None and 0 < index - occasion_index <= FOLLOW_UP:
            # "The meetings took place at the Itamaraty Palace throughout the day"
            lead = (lead[0], _place_of_the_meeting(sent))
            whole_day = whole_day or day_long(sent)
        if last is not None and (last.place is None or len(out) - 1 in filed_only) \
                and index - last.sentence_index <= FOLLOW_UP:
            placed = _place_of_the_meeting(sent)  # "At the meeting held in Port Louis, ..."
            if placed:
                last.place = placed
                filed_only.discard(len(out) - 1)
        if last is not None and index - last.sentence_index <= FOLLOW_UP and last.topic is None:
            last.topic = _subject_matter(sent)  # "The two discussed ..." right after the meeting
        if last is not None and index - last.sentence_index <= ATTENDEES_LATER:
            for attendee in _attendees(sent, roster, distance=index - last.sentence_index):
                if attendee not in last.participants and attendee not in last.attendees:
                    last.attendees.append(attendee)
    for i, month in undated.items():
        out[i].date = out[i].date or month  # "have met": this month, unless a later sentence gave the day
    # "X met with reporters", "X arrived ahead of talks with Y": one party is no meeting to report;
    # nor is "the first meeting between Australia and Papua New Guinea leadership", with nobody named
    out += _exchange(doc, roster, out)
    here_today = _here_today(doc, roster, published)
    for m in out:
        if m.date is None and not m.earlier and here_today & set(m.participants):
            m.date = DateValue(published.year, published.month, published.day, "today")
    return [m for m in out if len(m.participants) + len(m.unnamed) + len(m.attendees) >= 2
            and any(n in roster.actors and roster.actors[n].kind == "person" for n in m.participants + m.attendees)]


# A transcript turn may open by addressing someone ("Vladimir Putin: Mr President, ...").
VOCATIVE = re.compile(r"^(?:Mr|Mrs|Ms|Madam|Mister|Dear|Your Excellency|Excellency)\.?(?:\s+[A-Z][\w'’-]*){1,3}\s*[,!]")
GREETING_VERBS = {"see", "welcome", "be", "receive", "host", "meet", "greet"}  # "happy to see you in Moscow"


# "Thank you Deputy Prime Minister.", "Thank you very much for coming along Foreign Minister."
THANKS = re.compile(r"\bThank you(?: (?:very|so) much)?(?: for [^.,!?A-Z]{0,60})?,?"
                    r"\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s*[.,!]")


def _here_today(doc: Doc, roster: Roster, published: date | None) -> set[str]:
    """The speakers of a transcript who say they are at the meeting today ("I am pleased to be
    here today", "thank you for receiving us here today", "accompanies me today"): the
    meeting they speak at is on the day the transcript was published."""
    if published is None:
        return set()
    return {speaker.name for speaker, words in speaker_turns(doc, roster) if speaker is not None
            and any(t.lower_ == "today" and t.head.lemma_.lower() in PRESENT_TODAY for t in words)}


def _thanks_by_title(turn: str) -> bool:
    """A turn that thanks the other speaker by their title ("Thank you, Deputy Prime Minister")
    addresses them as a vocative does."""
    return any(found.group(1).split()[-1].lower() in TITLE_NOUNS for found in THANKS.finditer(turn))


def _exchange(doc: Doc, roster: Roster, told: list[MeetingMention]) -> list[MeetingMention]:
    """A transcript in which two speakers each open a turn by addressing the other ("Putin: Mr
    Kissinger, ..." / "Kissinger: Mr President, ...") records their conversation face to face,
    unless it says it was by telephone; the place is where the first turns welcome the guest
    ("how happy we are to see you in Moscow")."""
    # (speaker, where the turn's words start, after the colon, and end)
    # (a translator's note may stand before the colon: "Kevin Rudd (Retranslated from Russian): ...")
    turns = [(speaker.name, words.start_char + 1 + words.text.find(":", 0, 40) if len(words) else len(doc.text),
              words.end_char)
             for speaker, words in speaker_turns(doc, roster) if speaker is not None and speaker.kind == "person"]
    addressing = {name for name, start, end in turns
                  if VOCATIVE.match(doc.text[start:].lstrip()) or _thanks_by_title(doc.text[start:end])}
    if len(addressing) != 2 or any(_by_phone(sent) for sent in list(doc.sents)[:3]):
        return []
    pair = sorted(addressing)
    if any(set(pair) <= set(m.participants) for m in told):
        return []
    first = [(start, end) for name, start, end in turns if name in addressing][:2]
    place = None
    for start, end in first:
        words = doc.char_span(start, end, alignment_mode="expand") or []
        place = place or next((p for tok in words if tok.lemma_.lower() in GREETING_VERBS
                               and (p := place_under(tok, {"in", "to"}))), None)
    start, end = first[0]
    when, where = _record_line(doc.text[:start])
    return [MeetingMention(participants=pair, date=when, place=place or where,
                           evidence=doc.text[start:min(end, start + 300)].strip(), sentence_index=len(list(doc.sents)))]


# A transcript's record line under its heading: "November 24, 2008, Lima, Peru", "8 September 2008, Moscow".
RECORD_LINE = re.compile(r"^[ \t]*(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}),"
                         r"[ \t]*(?P<place>[A-Z][^\n:]{1,60}?)[ \t]*$", re.MULTILINE)


def _record_line(head: str) -> tuple[DateValue | None, str | None]:
    """The day and place a transcript records before its first turn ("November 24, 2008, Lima,
    Peru"): when and where its speakers met. The last such line before the turns counts."""
    found = list(RECORD_LINE.finditer(head))
    when = resolve_date(found[-1].group("date"), None) if found else None
    if when is None or when.day is None:
        return None, None
    return when, found[-1].group("place").strip()


# How many sentences after a meeting a later sentence may still add to it:
GROUP_WINDOW = 3  # "the two leaders" still means its participants
FOLLOW_UP = 2  # its venue, its topic ("The two discussed ..."), the leaders of its delegations
DATED_LATER = 4  # its date ("At the meeting on Monday evening, ...")
ATTENDED_NEAR = 3  # "X also attended the meeting", "X was present"
ATTENDEES_LATER = 12  # "the two leaders were joined for dinner by X", which names its meeting
VENUE_CITY_REACH = 8  # "X arrived in Buenos Aires" still says which city a later "in Casa Rosada" is in


def _group_parties(trigger: Token, roster: Roster, parties: list[Mention], count: int,
                   last: MeetingMention | None, index: int) -> list[Mention]:
    """A counted group ("the two leaders held talks", "they met") is the meeting just
    reported when it is that close and that size, else the people named last before it;
    "After their meeting, Milei and Bukele went out": first the people its own clause names."""
    own = _possessors_named_after(trigger, roster)
    if len(own) >= 2:
        return own + [m for m in parties if m.name not in {o.name for o in own}]
    if last is not None and index - last.sentence_index <= GROUP_WINDOW \
            and (count in (0, len(last.participants))) and len(last.participants) >= 2:
        named = last.participants
    elif any(c.dep_ == "poss" and c.lower_ == "our" for c in trigger.children):
        return parties  # "our last meeting" with no meeting just told: whose "we" is not known
    else:
        named = [m.name for m in last_named(trigger, roster, count or 2)]
    latest = {m.name: m for m in sorted(roster.mentions, key=lambda m: m.start) if m.start < trigger.i}
    group = [latest[n] for n in named if n in latest]
    return group + [m for m in parties if m.name not in named] if len(group) >= 2 else parties


def _events(triggers: list[Token], sent: Span, published: date | None) -> list[list[Token]]:
    """The sentence's triggers by event: one, unless a relative or adverbial clause reports a
    meeting dated otherwise than the main one ("A and B, who first met in Oslo in 2018, held
    talks in Bergen on Monday"), which is an event of its own."""
    main = [t for t in triggers if not _in_other_clause(t)]
    other = [t for t in triggers if _in_other_clause(t)]
    if not main or not other:
        return [triggers]
    main_date = next((d for t in main if (d := find_date(t, sent, published)) is not None), None)
    apart = [t for t in other if (d := find_date(t, sent, published)) is not None and main_date is not None
             and d.iso() != main_date.iso() or time_clause(t) or earlier_phrase(t)]
    return [[t for t in triggers if t not in apart], *([t] for t in apart)]


def _in_other_clause(trigger: Token) -> bool:
    """The trigger is (in) a relative or adverbial clause of the sentence's main one, or a
    phrase that sets the main event after another ("following their initial talks in X")."""
    return earlier_phrase(trigger) or any(t.dep_ in ("relcl", "advcl") for t in (trigger, *trigger.ancestors)
                                           if t.pos_ in ("VERB", "AUX"))


def _possessors_named_after(noun: Token, roster: Roster) -> list[Mention]:
    """"After their private meeting on Monday, Milei and Bukele went out": "their" is the
    coordinated subject of the clause the meeting phrase belongs to."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children):
        return []
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i < noun.i:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.i > noun.i:
        span = list(subject.subtree)
    else:
        # the parser often hangs "..., A and B discussed" on the fronted phrase: the names
        # between that phrase's comma and the verb are the subject
        comma = next((t.i for t in noun.doc[noun.i:verb.i] if t.text == ","), None)
        span = list(noun.doc[comma + 1:verb.i]) if comma is not None and subject is None else []
    people = [m for m in roster.within(span) if m.kind == "person"]
    return people if len(people) >= 2 else []


def _named_people(meeting: MeetingMention, roster: Roster) -> int:
    return sum(roster.actors[n].kind == "person" for n in meeting.participants if n in roster.actors)


def _delegation_leaders(sent: Span, roster: Roster) -> list[str]:
    """The people who "led the <country> delegation/side" in the sentence."""
    found = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in LEAD_VERBS:
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in DELEGATION_NOUNS for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":
                found += [m.name for m in roster.within(c.subtree) if m.kind == "person"]
    return list(dict.fromkeys(found))


def _whereabouts(sent: Span, roster: Roster):
    """(person, place, staying there) for each person the sentence puts somewhere: the
    subject of a verb with "in <place>", or of a travel verb with "to <place>" ("arrived in
    Asmara", "told reporters in Moscow", "flew to Beijing", "is in Juba"), but not a life
    event ("was born in")."""
    for tok in sent:
        verb = tok.pos_ == "VERB" or tok.lemma_ == "be" and tok.dep_ == "ROOT"
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None) if verb else None
        mention = roster.by_token.get(subject.i) if subject is not None else None
        if mention is None or mention.kind != "person" or tok.lemma_.lower() in LIFE_EVENT_VERBS:
            continue
        preps = {"in", "at", "to"} if tok.lemma_.lower() in TRAVEL_VERBS else {"in"}
        place = place_under(tok, preps)
        # "paid a visit to Ankara", "made a trip to Oslo": the trip noun holds the place
        trips = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS]
        place = place or next((p for c in trips if (p := place_under(c, {"to", "in"}))), None)
        if place:
            # there for a while: said in the present ("is in Juba"), or arrived ("arrived in Nairobi")
            yield mention.name, place, tok.tag_ in ("VBZ", "VBP") or tok.lemma_.lower() in ("arrive", "land", "fly", "travel", "come", "visit")


LIST_SPLIT = 3  # one subject meeting this many people in a list met them one by one, unless told together


def _separate(trigger: Token, parties: list[Mention]) -> list[list[Mention]]:
    """"held separate meetings with A, B and C", "also met A, B and C", "separately met A and B":
    one meeting per partner, with the subject. Two partners without a word that separates
    them ("met the King and the Crown Prince") stay one meeting, as does "met A, B and C
    together"."""
    noun = trigger if trigger.pos_ == "NOUN" else next(
        (c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS), None)
    near = [*trigger.children, *(noun.children if noun is not None else [])]
    words = {c.lower_ for c in near}
    subject = [m for m in parties if _is_subject(trigger, m)] or (parties[:1] if existential(trigger) else [])
    partners = [m for m in parties if m not in subject]
    people = [m for m in partners if m.kind == "person"]
    plural = noun is not None and noun.tag_ == "NNS" and noun.lower_ != "talks" or bool(words & SEPARATE_WORDS)
    # "also met A, B and C" one by one; but "Obama's meeting with the presidents of A, B and C" is one,
    # as is "hosted a meeting with A, B and C"
    one = noun is not None and noun.tag_ == "NN"
    listed = len(people) >= LIST_SPLIT and len(people) == len(partners) and not one \
        or _of_different_nations(people, trigger.doc)
    # "together", wherever the parse hangs it; or a photo of them all ("meets with, from left, A, B and C")
    together = {t.lower_ for t in (noun or trigger).subtree} & TOGETHER_WORDS or _pictured(trigger.sent) \
        or listed and not plural and _counted_as_one(trigger, len(partners) + 1)
    if len(subject) >= 2 and partners and words & (EACH_WORDS | RESPECTIVE_WORDS) and not together:
        # "A and B held separate meetings with C and D": each of them met each; "met C and D
        # respectively": in turn
        if words & RESPECTIVE_WORDS and len(subject) == len(partners):
            return [[s, p] for s, p in zip(subject, partners)]
        return [[s, p] for s in subject for p in partners]
    if not (plural or listed) or together or len(subject) != 1 or len(partners) < 2:
        return [parties] if parties else []
    return [[subject[0], p] for p in partners]


COUNTED_AHEAD = 4  # sentences after a list meeting in which "the five leaders" still counts its people
GROUP_OF = Words("lemma", PAIR_NOUNS | {"state", "country", "nation"})


def _counted_as_one(trigger: Token, size: int) -> bool:
    """"A met with B, C, D and E ... the leaders of the five states discussed ...": the article
    counts everyone of the list (or the guests alone: "the four leaders") as one group, so
    they met together, not one by one."""
    doc = trigger.doc
    end = trigger.sent.end
    for _ in range(COUNTED_AHEAD):
        end = doc[end].sent.end if end < len(doc) else end
    for tok in doc[trigger.sent.start:end]:
        number = NUMBERS.get(tok.lower_) or (int(tok.text) if tok.text.isdigit() and len(tok.text) <= 2 else 0)
        if number in (size, size - 1) and tok.dep_ == "nummod" and tok.head.lemma_.lower() in GROUP_OF:
            return True
    return False


def _of_different_nations(people: list[Mention], doc: Doc) -> bool:
    """"met presidents Gustavo Petro (Colombia) and Guillermo Lasso (Ecuador)": heads of
    different countries met one by one, unless the text says together (checked by the caller)."""
    if len(people) < 2:
        return False
    nations = []
    for m in people:
        bracket = doc[m.end + 1] if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" \
            else None
        nation = bracket.text if bracket is not None and bracket.ent_type_ in ("GPE", "NORP") else None
        if nation is None:
            return False
        nations.append(nation)
    return len(set(nations)) == len(nations)


def _is_subject(trigger: Token, m: Mention) -> bool:
    """The mention is the subject of the meeting's clause: the verb's, or for a meeting noun in a
    phrase ("X flew home following two days of meetings with A and B") the verb's it hangs on."""
    verb = trigger if trigger.pos_ != "NOUN" else trigger.head
    while trigger.pos_ == "NOUN" and verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head
    # "traveled to Harare and held meetings with A and B", "held talks before meeting A, B and C":
    # the subject the verb shares with the one it is joined to or hangs on
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.head.i != verb.i \
            and (verb.dep_ == "conj" or verb.dep_ == "pcomp" and verb.head.dep_ == "prep"):
        verb = verb.head if verb.dep_ == "conj" else verb.head.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= m.start <= c.right_edge.i
               for c in verb.children)


def _triggers(sent: Span, roster: Roster, matched: dict[int, list[Rule]]):
    """The sentence's tokens that report a meeting: a rule of patterns/meetings.yaml matches
    the word and its check passes on the parse around it."""
    for tok in sent:
        if any(CHECKS[rule.check](tok, roster) for rule in matched.get(tok.i, ())):
            yield tok


def _meeting_noun_object(verb: Token, roster: Roster) -> bool:
    """"held talks", "attended a meeting with X"; not "X and Y also attended the meeting", which
    names those present at the meeting just told (see _attendees). A meal is a meeting only
    shared with someone named: "had a working lunch with X", "hosted a dinner for X"."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ("conversation", "chat") and _in_person_conversation(verb, c, roster):
            return True
        if c.dep_ == "dobj" and c.lemma_.lower() in MEAL_NOUNS:
            if _person_under([c, verb], ("with", "for"), roster):  # "held a working lunch | with X"
                return True
        if c.lower_ in MEETING_NOUNS and c.dep_ == "dobj":
            told = verb.lemma_.lower() in ATTEND_VERBS and any(d.dep_ == "det" and d.lower_ in DEFINITE_DETS
                                                              for d in c.children) \
                and not any(d.dep_ == "poss" or d.dep_ == "prep" and d.lower_ in PARTNER_PREPS for d in c.children)
            if not told:
                return True
    return False


def _in_person_conversation(verb: Token, noun: Token, roster: Roster) -> bool:
    """"had a conversation with X on the sidelines of the summit", "A and B had an informal
    conversation over a cup of tea": a conversation is in person only where the text puts the two
    together (a bare one may be by telephone)."""
    heads = [verb, noun]
    partner = _person_under(heads, ("with",), roster) or _coordinated_people(verb, roster) >= 2
    over_a_meal = any(c.dep_ == "prep" and c.lower_ == "over" and any(
        n.lemma_.lower() in MEAL_NOUNS | {"tea", "coffee", "cup"} for n in c.children) for h in heads for c in h.children)
    return partner and (_at_occasion(heads) or over_a_meal)


def _person_under(heads: list[Token], preps: tuple[str, ...], roster: Roster) -> bool:
    """A named person under one of `preps` hung on any of `heads` ("with X", "a call from X")."""
    return any(c.dep_ == "prep" and c.lower_ in preps and any(m.kind == "person" for m in roster.within(list(c.subtree)))
               for h in heads for c in h.children)


def _at_occasion(heads: list[Token]) -> bool:
    """"at the summit", "on the sidelines of ...": an occasion both were at, hung on any of `heads`."""
    return any(c.dep_ == "prep" and c.lower_ in ("at", "on", "during", "in") and any(
        n.dep_ == "pobj" and n.lemma_.lower() in IN_PERSON_OCCASIONS for n in c.children)
        for h in heads for c in h.children)


def _sat_with(verb: Token, roster: Roster) -> bool:
    """"sat down with X", "sat with X to discuss trade": sitting with a named person."""
    return any(c.lower_ == "down" for c in verb.children) or _person_under([verb], ("with",), roster)


def _hosted_guest(verb: Token, roster: Roster) -> bool:
    """"received X": a guest as object; "both Putin and Lavrov have been greeted in Beijing"
    names guests only, not a meeting of theirs."""
    if _hostless_passive(verb):
        return False
    if any(t.ent_type_ in AMOUNTS for t in verb.doc[verb.i + 1:verb.i + 4]):
        return False  # "Trump received 38 percent support, Johnson 3 percent": a share, not a guest
    guest = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if guest is None and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children):
        # "Lund arrived in Nairobi and was received by Otieno": the guest is the first verb's subject
        guest = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return guest is not None and bool(roster.within(guest.subtree))
    # "where he was welcomed by X", "received him": a pronoun the article resolves is a guest too
    resolved = any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PRON" and c.i in roster.by_token
                   and roster.by_token[c.i].kind == "person" for c in verb.children)
    # "The delegation was welcomed by officials X and Y": a guest nobody names leaves only the hosts
    return (_has_person_object(verb) or resolved) and (guest is None or bool(roster.within(guest.subtree)))


def _address_during_visit(verb: Token, roster: Roster) -> bool:
    """"his visit to Kyiv, where he asked Zelensky to ...": they met there ("where" may hang on
    the visit or on the place it went to)."""
    head = verb.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head  # "a visit to Bergen, where ..."
    return verb.dep_ in ("relcl", "advcl") and head.lemma_.lower() in TRIP_NOUNS | TRAVEL_VERBS \
        and _has_person_object(verb)


def _visit_included(verb: Token, roster: Roster) -> bool:
    """"Berg's visit to Oslo included talks with President Holm": what a visit included, the
    visitor did (a meeting, or a meal shared with someone named)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in TRIP_NOUNS:
        return False
    done = [c for c in verb.children if c.dep_ == "dobj"]
    done += [c for d in done for c in d.conjuncts]
    return any((d.lower_ in MEETING_NOUNS or d.lemma_.lower() in MEAL_NOUNS)
               and _person_under([d], ("with", "for"), roster) for d in done)


def _meal_in_honour(verb: Token, roster: Roster) -> bool:
    """"gave a luncheon in honour of X", "hosted a dinner in honor of X": a meal for a guest named."""
    meal = any(c.dep_ == "dobj" and c.lemma_.lower() in MEAL_NOUNS | {"reception"} for c in verb.children)
    honour = [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
              for n in c.children if n.lemma_.lower() in ("honour", "honor")]
    return meal and bool(honour) and _person_under(honour, ("of",), roster)


def _with_partner(verb: Token, roster: Roster) -> bool:
    """"discussed with the minister ways of ...", "discussed trade with the minister"; and a long
    object the parser hangs "with <person>" deep inside ("discussed cooperation in ..., renewable
    energy and marine security with the Prime Minister of Spain Mariano Rajoy")."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in _with_heads(verb)):
        return True
    inside = [t for c in verb.children for t in phrase(c)]  # not inside a clause of its own
    return any(t.dep_ == "prep" and t.lower_ == "with" and any(
        m.kind == "person" for m in roster.within([n for c in t.children if c.dep_ == "pobj" for n in c.subtree]))
               for t in inside)


def _noun_with_partner(noun: Token, roster: Roster) -> bool:
    if noun.dep_ == "dobj" or noun.head.lemma_.lower() in ATTEND_VERBS:
        return False  # "held talks" is the verb's; "attended the meeting" an attendee's
    return any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in noun.children) or any(
        c.dep_ == "poss" for c in noun.children) or copular_partner(noun) is not None \
        or held_with(noun) is not None or _of_people(noun, roster)


def _called_on(verb: Token, roster: Roster) -> bool:
    """"Dar called on the acting Prime Minister": a courtesy call in person. "Called on X to
    stop" is an appeal, and "called on the phone" a call."""
    on = next((c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "on"), None)
    if on is None:
        return False
    partner = next((c for c in on.children if c.dep_ == "pobj"), None) if on.dep_ == "prep" else next(
        (c for c in verb.children if c.dep_ == "dobj"), None)
    if partner is None or partner.lower_ in PHONE_WORDS or partner.pos_ not in ("PROPN", "NOUN"):
        return False
    appeal = any(t.dep_ in ("xcomp", "acl", "advcl", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in t.children)
                 for t in verb.subtree)
    # "called on His Excellency Pravind Jugnauth": the name in apposition to the honorific
    named = any(c.dep_ == "appos" and c.i in roster.by_token and roster.by_token[c.i].kind == "person"
                for c in partner.children)
    return not appeal and (partner.ent_type_ == "PERSON" or partner.lower_ in TITLE_NOUNS
                           or partner.lemma_.lower() in TITLE_NOUNS or named)


def _with_heads(verb: Token) -> list[Token]:
    """The verb's children and those of its objects, where "with <partner>" may hang."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [t for o in objects for t in o.subtree if t.dep_ == "conj" and t.head.dep_ in ("dobj", "conj")]
    return [*verb.children, *(c for o in objects for c in o.children)]


def _spent_time_with(verb: Token, roster: Roster) -> bool:
    """"Witkoff spent almost five hours with Putin in Moscow": time spent with someone."""
    spans_time = any(c.dep_ == "dobj" and (c.lemma_.lower() in TIME_UNITS or c.ent_type_ == "TIME")
                     for c in verb.children)
    return spans_time and _with_partner(verb, roster)


def _coordinated_people(verb: Token, roster: Roster) -> int:
    """How many people the verb's subject names ("Tokayev and Kamilov discussed"); every
    subject counts, since a dateline is often parsed as a second one ("NUR-SULTAN – A and B")."""
    return sum(m.kind == "person" for c in verb.children if c.dep_ == "nsubj" for m in roster.within(c.subtree))


def _discussed_together(verb: Token, roster: Roster) -> bool:
    """"A and B discussed X", "The two discussed X": two people discussing with each other met (a
    call is filtered later as any phone meeting is; a counted group is resolved as for "met")."""
    return _coordinated_people(verb, roster) >= 2 or (group_subject(verb) or 0) >= 2


def _at_the_meeting(verb: Token, roster: Roster) -> bool:
    """"At the meeting, A and B spoke extensively", "After two hours of talks, A and B signed":
    people acting at a meeting, or right after it, took part in it; so did the one spoken to
    there ("told B during a meeting in Lima that ...", "During talks, A assured B of ...")."""
    def meeting(n: Token) -> bool:  # "talks", or "two hours of talks"; "their meeting" reports itself
        if any(c.dep_ == "poss" for c in n.children):
            return False
        return n.lower_ in MEETING_NOUNS or any(p.dep_ == "prep" and p.lower_ == "of" and any(
            k.dep_ == "pobj" and k.lower_ in MEETING_NOUNS for k in p.children) for p in n.children)
    occasion = any(c.dep_ == "prep" and c.lower_ in ("at", "in", "during", "after") and any(
        n.dep_ == "pobj" and meeting(n) for n in c.children) for c in verb.children)
    addressed = verb.lemma_.lower() in ADDRESS_VERBS and any(
        c.dep_ == "dobj" and roster.by_token.get(c.i) is not None and roster.by_token[c.i].kind == "person"
        for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)
    # "raised the issue with X during talks in Oslo": the one the subject took it up with
    raised_with = any(c.dep_ == "nsubj" for c in verb.children) and _person_under([verb], ("with",), roster)
    return occasion and (_coordinated_people(verb, roster) >= 2 or addressed or raised_with)


def _in_person_talk(verb: Token, roster: Roster) -> bool:
    """"spoke with X on the sidelines of the summit", "A and B spoke in person": speaking with a
    named person, or two named people speaking, at an occasion both were at."""
    partner = _person_under([verb], ("with", "to"), roster)
    occasion = _at_occasion([verb])
    face_to_face = any(c.lower_ == "face" for c in verb.subtree)
    return (partner or _coordinated_people(verb, roster) >= 2) and (occasion or face_to_face or _pictured(verb.sent))


# A photo caption's marks of where each person stands: "Kerry (L) speaks with Abbas",
# "Putin, center, meets with Merkel, left, and Hollande".
PICTURE_POSITION = re.compile(r"\((?:L|R|C|left|right|center|centre|\d(?:st|nd|rd|th) [LR]|[lL]-[rR])\)"
                              r"|, (?:left|right|center|centre|second (?:left|right)),|\bfrom (?:left|right)\b")


# "Kerry, left, with President Abbas, Amman, June 28": a caption that stands one person beside another
PICTURED_WITH = re.compile(r"(?:\((?:L|R|C|left|right|center|centre)\)|, (?:left|right|center|centre),)\s+with\s+$")


def _pictured_with(prep: Token, roster: Roster) -> bool:
    """A caption's "A, left, with B": the two stand together in the picture, so they met."""
    doc = prep.doc
    before = doc[max(prep.sent.start, prep.i - 4):prep.i + 1].text_with_ws
    return PICTURED_WITH.search(before + " ") is not None \
        and any(m.kind == "person" for m in roster.within(list(prep.subtree))) \
        and any(m.kind == "person" for m in roster.within(list(doc[prep.sent.start:prep.i])))


def _pictured(sent: Span) -> bool:
    """A caption that says where each person stands shows them together: speaking there is in person."""
    return PICTURE_POSITION.search(sent.text) is not None


def _caption_place(sent: Span) -> str | None:
    """A caption says where the picture was taken once, however the parser hangs it among the
    names ("meets with, from left, A, B and C in Nairobi, March 18, 2024")."""
    return next((p for tok in sent if tok.dep_ == "prep" and tok.lower_ in ("in", "at")
                 and (p := place_under(tok.head, {tok.lower_}))), None) or next(
        # "..., with B, Amman, June 28, 2013": the place set off by commas before the date
        (e.text for e in sent.ents if e.label_ in ("GPE", "LOC") and e.start > sent.start
         and sent.doc[e.start - 1].text == "," and e.end < sent.end and sent.doc[e.end].text == ","
         and any(t.ent_type_ == "DATE" for t in sent.doc[e.end:min(e.end + 3, sent.end)])), None)


def _with_person(verb: Token, roster: Roster) -> bool:
    """"X was also with the Brazilian president today": a person subject in the company of a
    person (not "is with the party", an affiliation)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(m.kind == "person" for m in roster.within(list(subject.subtree))):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        n.dep_ == "pobj" and (n.i in roster.by_token and roster.by_token[n.i].kind == "person"
                              or n.lower_ in TITLE_NOUNS) for n in c.children) for c in verb.children)


def _of_people(noun: Token, roster: Roster) -> bool:
    """"A meeting of President A and Prime Minister B took place": "of" names its parties
    when it coordinates people (not "a meeting of the council")."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and (sum(m.kind == "person" for m in roster.within(of.subtree)) >= 2 or any(
        described_nationals(n, roster) for n in of.children if n.dep_ == "pobj"))


def _subject_matter(sent: Span) -> str | None:
    """What was discussed: the object of "discussed"/"focused on", or "talks on X"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in SUBJECT_MATTER_VERBS:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        elif tok.pos_ == "VERB" and lemma in FOCUS_VERBS or tok.lower_ in MEETING_NOUNS:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        else:
            continue
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            words = [t for t in obj.subtree if not (t.pos_ == "VERB" and t.dep_ in CLAUSE_DEPS)]
            text = sent.doc[words[0].i:words[-1].i + 1].text.strip(" ,.")
            if 1 <= len(text.split()) <= 18:
                return text
    return None


def _hostless_passive(verb: Token) -> bool:
    """A passive reception that names no host ("were received in Beijing"), only its guests."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)


def _has_person_object(verb: Token) -> bool:
    """"visited Cairo" is a trip; "visited the president" or "hosted a delegation" is a meeting."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and not is_country(c.text):  # "visiting Mauritius" is a trip
            if c.ent_type_ == "PERSON" or c.lemma_.lower() in GROUP_HEADS or c.lower_ in TITLE_NOUNS:
                return True
            if c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS | {"ORG", "DATE"}:
                return True
    return False


AMOUNTS = {"PERCENT", "MONEY", "QUANTITY"}  # what one receives that is no guest

EMBEDDING_STEPS = 7  # heads climbed from a trigger to find what embeds it: three nested phrases and a verb


def _happened(trigger: Token) -> bool:
    """False for negated, modal, planned, hypothetical or phone meetings.

    Looks at the trigger's own clause and at the verbs that embed it as an
    infinitive or object ("plans to meet", "did not attend the meeting"), but not
    past a finite clause boundary: "it should be noted that X met Y" reports a
    meeting that happened.
    """
    tok = trigger
    for _ in range(EMBEDDING_STEPS):
        children = list(tok.children)
        if any(c.dep_ == "neg" or c.lower_ in NEGATION_ADVERBS and c.dep_ == "advmod" for c in children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in children):
            return False
        if tok.pos_ == "NOUN" and any(c.lower_ in NOT_MEETING_NOUN_MODS or c.dep_ == "det" and c.lower_ == "no"
                                      for c in children):
            return False  # "a planned meeting", "no bilateral talks"
        if tok.i != trigger.i and tok.lemma_.lower() in MODAL_HEADS:
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        if infinitive and tok.head.lemma_.lower() not in ACHIEVED_VERBS and not had_occasion_to(tok):
            return False  # "is due to meet", "sent Wang to meet": not (yet) a meeting
        if tok.i == trigger.i and any(c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS and any(
                m.lower_ in NOT_MEETING_NOUN_MODS for m in c.children) for c in children):
            return False  # "held a video meeting", "held a planned meeting"
        if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in MODAL_HEADS | {"possible", "unlikely", "imminent"}
                for c in tok.head.children):
            return False  # "A meeting between A and B is possible / likely"
        if tok.dep_ == "prep" and tok.lower_ in ATTENDED_PREPS - {"for"}:
            break  # "In the meeting with X, Y sought support": a time or place, not what is sought
        if tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "nsubjpass", "attr") or tok.dep_ == "ccomp" and infinitive \
                or tok.dep_ == "pcomp" and tok.head.lower_ == "to":  # "looked forward to meeting X"
            tok = tok.head
            continue
        break
    return not _by_phone(trigger.sent, trigger)


def _unknown_subject(trigger: Token, roster: Roster) -> bool:
    """The verb's subject is a pronoun nobody is known by ("I", "we", "you"): its partners met
    that speaker, not each other, so no meeting can be told."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None) if trigger.pos_ == "VERB" else None
    if subject is not None and subject.lower_ == "i" and trigger.lemma_.lower() in DISCUSS_VERBS:
        return True  # "I discussed this with X and Y", in one's own account: often by telephone
    return subject is not None and subject.lower_ in ("i", "we", "you") and subject.i not in roster.by_token


def _by_phone(sent: Span, trigger: Token | None = None) -> bool:
    """The sentence tells a telephone or video contact and no meeting ("called on X" and "paid a
    courtesy call on X" are visits)."""
    words = {t.lower_ for t in sent
             if (trigger is None or t.i != trigger.i) and not (t.i and sent.doc[t.i - 1].lower_ == "courtesy")
             and not _the_courtesy_call(t)}
    return bool(words & PHONE_WORDS) and not (words & {"meeting", "met", "meet"})


def _contact_only(trigger: Token) -> bool:
    """A trigger that reports two people talking, not a meeting as such ("A and B discussed
    trade", "the two leaders exchanged views"): after a telephone call it tells that call."""
    return trigger.lemma_.lower() not in MEETING_VERBS and trigger.lower_ not in MEETING_NOUNS


def _the_courtesy_call(tok: Token) -> bool:
    """"During the call, A and B discussed ...", after "A called on B" or "paid a courtesy call":
    the call referred back to is that visit in person, not a telephone call."""
    doc = tok.doc
    if tok.lower_ != "call" or tok.i == 0 or doc[tok.i - 1].lower_ not in DEFINITE_DETS:
        return False
    before = doc[:tok.sent.start].text.lower()
    return "courtesy call" in before or "called on" in before


def _the_meeting(sent: Span, earlier: bool = False) -> list[Token]:
    """Definite references to a meeting already told ("the meeting", "their talks"); with
    `earlier`, also "the previous meeting" that a story is about to tell. Not a named occasion:
    "the Global Summit on AI ... on November 2" is another one."""
    return [tok for tok in sent if tok.lower_ in MEETING_NOUNS and not tok.text[:1].isupper()
            and (_happened(tok) or earlier and any(c.lower_ in EARLIER_WORDS for c in tok.children))
            and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS for c in tok.children)]


NAMED_BEFORE = 4  # sentences back "the state banquet" may point to "their state banquet on Monday"


def _named_before(sent: Span, triggers: list[Token], published: date | None) -> DateValue | None:
    """"... during their state banquet in Beijing on Monday. The two presidents attended the state
    banquet": an occasion named again with "the" is the one named just before, and has its day;
    only the meeting's own noun or object ("met X, who flew in after the breakdown in the talks"
    names other talks)."""
    doc = sent.doc
    # the trigger, its object, or the object of the verb its phrase hangs on ("attended the state
    # banquet after their summit")
    verbs = [*triggers, *(t.head.head for t in triggers if t.dep_ == "pobj")]
    own = {t.i for t in triggers} | {c.i for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubj")}
    nouns = [noun for noun in sent if noun.pos_ == "NOUN" and (noun.lower_ in MEETING_NOUNS
                                                               or noun.lemma_.lower() in MEAL_NOUNS)
             and noun.i in own and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)]
    earlier = []  # the sentences before, nearest first
    while nouns and len(earlier) < NAMED_BEFORE and (earlier[-1] if earlier else sent).start > 0:
        earlier.append(doc[(earlier[-1] if earlier else sent).start - 1].sent)
    for noun in nouns:
        for before in earlier:
            for tok in before:
                if tok.lemma_ == noun.lemma_ and tok.pos_ == "NOUN" \
                        and (d := find_date(tok, before, published)) is not None:
                    return d
    return None


def _the_earlier_meeting(sent: Span) -> list[Token]:
    """"the first summit", "their previous meeting": a meeting before the one reported, named
    again by its rank."""
    return [tok for tok in sent if tok.lower_ in MEETING_NOUNS and not tok.text[:1].isupper()
            and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS for c in tok.children)
            and any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS | {"first", "initial"} for c in tok.children)]


def _place_of_the_meeting(sent: Span) -> str | None:
    """The place a later sentence gives the meeting just reported ("The meeting, held at the
    Blackrock Camp, ...", "At the meeting held in Port Louis, ...")."""
    return next((p for tok in _the_meeting(sent) if (p := find_place(tok))), None)


def _date_of_the_meeting(sent: Span, published: date | None, earlier: bool = False) -> DateValue | None:
    """The date a later sentence gives the meeting just reported ("At the meeting on Monday evening")."""
    return next((d for tok in _the_meeting(sent, earlier) if (d := find_date(tok, sent, published)) is not None),
                None)


def _joined_meeting(trigger: Token, roster: Roster) -> list[Mention] | None:
    """The parties of "X's meeting with Y" when the trigger is attending or joining it."""
    if trigger.lemma_.lower() not in ATTEND_VERBS:
        return None
    noun = next((c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS), None)
    if noun is None or not any(c.dep_ == "poss" for c in noun.children):
        return None
    # a pronoun possessor ("his meeting") is left to the merge: the meeting it means is
    # found by its partner, and a wrong guess would add a participant who was not there
    scope = [t for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "prep"
             and c.lower_ in PARTNER_PREPS for t in c.subtree]
    parties = [m for m in roster.within(scope) if m.kind == "person"]
    return parties or None


def _attendees(sent: Span, roster: Roster, distance: int) -> list[str]:
    """"X also attended the meeting", "The meeting was attended by X", "X was present at the
    meeting" within three sentences of the meeting, right after it a bare "X and Y were
    present", and further on "the two leaders were joined by X", which names its meeting."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        # "X was present", "X is also taking part", "X participated"
        taking_part = lemma in PRESENCE_WORDS and tok.dep_ != "expl" or lemma == "take" and any(
            c.lower_ == "part" for c in tok.children)
        if lemma not in ATTEND_VERBS and not taking_part:
            continue
        about_meeting = any(c.lower_ in MEETING_NOUNS for c in tok.subtree)
        # "X attended the meeting on the Jordanian side": the one just told, however far back
        the_meeting = lemma in ATTEND_VERBS and any(c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS and any(
            d.dep_ == "det" and d.lower_ in DEFINITE_DETS for d in c.children) for c in tok.children)
        # "The two leaders were joined for dinner by X": those who joined the meeting's people
        by = [t for t in tok.subtree if t.dep_ == "agent" or t.lower_ == "by" and t.dep_ == "prep"]
        joined = lemma in ATTEND_VERBS and bool(by) and any(
            c.dep_ == "nsubjpass" and (c.lower_ in ("they", "both") or c.lemma_.lower() in GROUP_HEADS)
            for c in tok.children)
        present = taking_part and (about_meeting or distance == 1)
        if not (distance <= ATTENDED_NEAR and (lemma in ATTEND_VERBS and about_meeting or present) or joined
                or the_meeting):
            continue
        if not _happened(tok):
            continue
        head = tok if tok.pos_ == "VERB" else tok.head
        # the list after "by" often hangs loosely on the clause: everyone named after it
        scope = list(sent.doc[by[0].i:sent.end]) if joined else []
        for c in head.children:
            if c.dep_ in ("nsubj", "agent", "nsubjpass") and c.lower_ not in MEETING_NOUNS and not joined:
                scope.extend(c.subtree)
        people = [m.name for m in roster.within(scope)
                  if m.kind == "person" and not inside_title(sent.doc[m.start:m.end].root, roster)]
        if people:
            return people
    return []


def _paid_call(verb: Token, roster: Roster) -> bool:
    """"paid a courtesy call on X", "paid a visit to X": a call or visit paid to a person."""
    visit = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ("call", "visit")), None)
    if visit is None:
        return False
    targets = [n for p in (*visit.children, *verb.children) if p.dep_ == "prep" and p.lower_ in ("on", "to")
               for n in p.children if n.dep_ == "pobj"]
    # "X paid him a courtesy call": the one called on is the indirect object
    targets += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
    return any(roster.by_token.get(t.i) is not None and roster.by_token[t.i].kind == "person" or
               t.lower_ in TITLE_NOUNS for t in targets)


def _received_call(verb: Token, roster: Roster) -> bool:
    """"received a courtesy call from X", "received a visit from X": the caller came in person."""
    visit = next((c for c in verb.children if c.dep_ == "dobj" and (
        c.lemma_.lower() == "visit" or c.lower_ == "call" and any(m.lower_ == "courtesy" for m in c.children))), None)
    if visit is None:
        return False
    return _person_under([visit, verb], ("from",), roster)


def _credentials(verb: Token, roster: Roster) -> bool:
    """"received the credentials of Ambassador X", "X presented his credentials to President Y":
    an envoy's credentials are handed over in person."""
    papers = [c for c in verb.children if c.dep_ == "dobj" and (c.lower_ == "credentials" or c.lower_ == "letters"
              and any(p.lower_ == "of" and any(n.lower_ == "credence" for n in p.children) for p in c.children))]
    return bool(papers) and _person_under([*papers, verb], ("of", "from", "to"), roster)


def _played_host(verb: Token, roster: Roster) -> bool:
    """"played host to X": a reception of X."""
    host = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "host"), None)
    if host is None:
        return False
    return _person_under([host, verb], ("to",), roster)


def _shook_hands(verb: Token, roster: Roster) -> bool:
    """"shook hands with X", "A and B shook hands": a handshake is an encounter in person."""
    hands = any(c.dep_ == "dobj" and c.lemma_.lower() == "hand" for c in verb.children)
    return hands and (_with_partner(verb, roster) or _coordinated_people(verb, roster) >= 2)


def _reciprocal(verb: Token, roster: Roster) -> bool:
    """"A and B greeted each other", "A and B embraced": two people's gesture to one another."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    each_other = any(o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children)
                     for o in objects)
    alone = not objects and verb.lemma_.lower() in ("embrace", "hug", "kiss")
    return (each_other or alone) and _coordinated_people(verb, roster) >= 2


def _joint_appearance(noun: Token, roster: Roster) -> bool:
    """"at a joint news conference with X", "A and B held a joint press conference": those who
    appear together in public were together."""
    if not any(c.lower_ in ("joint", "jointly") for c in noun.children):
        return False
    return _person_under([noun], ("with",), roster) or noun.dep_ == "dobj" and _coordinated_people(noun.head, roster) >= 2


def _exchanged_views(verb: Token, roster: Roster) -> bool:
    """"A and B exchanged views on trade", "exchanged views with X": two people discussing (not
    "exchanged letters")."""
    views = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in VIEW_NOUNS]
    return bool(views) and (_coordinated_people(verb, roster) >= 2
                            or _person_under([verb, *views], ("with",), roster))


def _joined_for_talks(verb: Token, roster: Roster) -> bool:
    """"A joined B for talks", "A joined B for a walk": B, the one joined for something done
    together, is the partner of a meeting (a call is filtered later as any phone meeting is)."""
    things = [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for n in c.children
              if n.dep_ == "pobj" and n.pos_ == "NOUN"]
    # "The two leaders were joined for dinner by X": those who joined a meeting told attended it
    active = any(c.dep_ == "nsubj" for c in verb.children)
    return any(n.lower_ in MEETING_NOUNS or active for n in things) and _has_person_object(verb)


def _together(verb: Token, roster: Roster) -> bool:
    """"A and B toured the port together": two people doing something side by side met."""
    near = [*verb.children, *(t for c in verb.children if c.dep_ == "prep" for t in c.children)]  # or on "in"
    return any(t.dep_ == "advmod" and t.lower_ == "together" for t in near) and _coordinated_people(verb, roster) >= 2


CHECKS = {
    "always": lambda tok, roster: True,
    "meeting_noun_object": _meeting_noun_object,
    "sat_with": _sat_with,
    "person_object": lambda tok, roster: _has_person_object(tok),
    "hosted_guest": _hosted_guest,
    "address_during_visit": _address_during_visit,
    "with_partner": _with_partner,
    "noun_with_partner": _noun_with_partner,
    "called_on": _called_on,
    "discussed_together": _discussed_together,
    "at_the_meeting": _at_the_meeting,
    "spent_time_with": _spent_time_with,
    "paid_call": _paid_call,
    "exchanged_views": _exchanged_views,
    "received_call": _received_call,
    "joint_appearance": _joint_appearance,
    "shook_hands": _shook_hands,
    "pictured_with": _pictured_with,
    "visit_included": _visit_included,
    "meal_in_honour": _meal_in_honour,
    "reciprocal": _reciprocal,
    "played_host": _played_host,
    "credentials": _credentials,
    "joined_for_talks": _joined_for_talks,
    "together": _together,
    "in_person_talk": _in_person_talk,
    "with_person": _with_person,
}
RULES = load_rules("meetings", set(CHECKS))
