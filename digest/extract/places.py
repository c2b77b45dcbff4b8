"""Where a meeting took place: from its clause, the visit it belongs to, or the dateline.

A place is a GPE/LOC/FAC entity under "in/at/to" in the trigger's clause, else
in the visit or trip that contains the meeting ("traveled to Cairo, where he
met"), else the city the article is filed from. Kept apart from meetings.py,
which decides whether and between whom a meeting happened; this module only
reads the parse around a trigger it is given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .people import common_words, names_building
from .sentences import quoted_tokens
from ..vocabulary import (HOSTING_VERBS, LIGHT_VERBS, MEETING_NOUNS, MEETING_VERBS, OCCASION_NOUNS, PARTNER_PREPS,
                          PLACE_NOUNS, PLACE_PREPS, TITLE_NOUNS, TRAVEL_VERBS, TRIP_NOUNS, VENUE_NOUNS)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,30}?)(?:,[^:\n]{0,40}?\))?(?:\s*[:—–]|\s+-|\s*\(\w+\)\s*[—–-])"
                      # "Beijing, 6 November 2023 (TDI):", "Kyiv, March 3, 2024 —"
                      r"|^\s*([A-Z][\w.'’ -]{2,30}?),\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2},?)"
                      r"\s+\d{4}\s*(?:\([^)\n]{1,20}\))?\s*[:—–-]"
                      # "Labuan Bajo (VNA) –": a mixed-case city and its agency
                      r"|^\s*([A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*\([A-Z][\w ]{1,15}\)\s*[—–-]"
                      # "NAIROBI, Kenya, Mar 12 –": the city in capitals, its country, a yearless day
                      r"|^\s*([A-Z][A-Z .'-]{2,30}?),\s*[A-Z][\w .'-]{1,30}?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[—–-]"
                      # "OSLO, March 18 -", "New Delhi, 18 March:", "Oslo, March 18 (Reuters) -": a city, a yearless day
                      rf"|^\s*([A-Z][\w.'’ -]{{2,30}}?),\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
                      r"\s*(?:\([^)\n]{1,20}\))?\s*[:—–-]")
# Where a meeting's place may come from, best first, and the one ranking that chooses:
# the meeting's own clause or the visit or occasion it is part of ("met X in Oslo", "during
# his visit to Nairobi", "on the sidelines of the summit in New York"); the occasion just
# told of, for a meeting told as its next step ("Afterwards, she met", "also met"); where a
# participant was just said to be ("told reporters in Moscow ... During his visit, he met");
# and last the city the article is filed from, which is only where it was written.
PLACE_RANKING = ("clause", "occasion", "whereabouts", "dateline")


@dataclass(frozen=True)
class Place:
    name: str | None
    source: str  # one of PLACE_RANKING


def choose_place(candidates: list[Place]) -> Place | None:
    """The best-ranked candidate that names a place; the first of equals."""
    named = [c for c in candidates if c.name]
    return min(named, key=lambda c: PLACE_RANKING.index(c.source)) if named else None


def filed_end(sent) -> int:
    """Where the sentence's dateline ("TOKYO (AP) —", "Labuan Bajo (VNA) –") ends, as a
    character offset; the sentence's start when it has none."""
    match = DATELINE.match(sent.text)
    return sent.start_char + match.end() if match else sent.start_char


def in_dateline(span) -> bool:
    """The span is a dateline's city or agency: it says where a text was filed, never who
    acts, whatever the model labels it."""
    return span.start_char < filed_end(span.sent)


def find_dateline_place(doc: Doc) -> str | None:
    """"KYIV, Feb 5 (Reuters) -" / "MANILA: ...": the city an article is filed from, found once
    per Doc (the roster, the meetings and every place phrase ask for it).

    "PRESS RELEASE :" has the same shape: capitals that the article also uses as
    ordinary words are not a place, unless the model knows them as one.
    """
    if doc._.filed_from is None:
        doc._.filed_from = _dateline_place(doc) or ""  # "": looked for, none
    return doc._.filed_from or None


def _dateline_place(doc: Doc) -> str | None:
    places = {e.text.lower() for e in doc.ents if e.label_ in PLACE_LABELS}
    for sent in list(doc.sents)[:8]:
        match = DATELINE.match(sent.text)
        if not match:
            continue
        words = next(g for g in match.groups() if g).strip().lower()
        if words in places or not set(words.split()) & common_words(doc):
            return words.title()
    return None


def find_place(trigger: Token) -> str | None:
    """GPE/LOC under "in/at/to" in the trigger's clause, else in the visit that contains it."""
    candidates = [trigger]
    quoted = quoted_tokens(trigger.doc)
    t = trigger
    while t.head.i != t.i and len(candidates) < 4:
        t = t.head
        if t.pos_ in ("VERB", "NOUN") and (t.lemma_.lower() in TRAVEL_VERBS | TRIP_NOUNS
                                           or t.lemma_.lower() in MEETING_VERBS) \
                and (t.i in quoted) == (trigger.i in quoted):  # a quotation's "we will meet in X" is its own
            candidates.append(t)
    for c in trigger.children:
        # "held a meeting at the summit in Osaka": the place hangs on the meeting noun
        if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS:
            candidates.insert(1, c)
            candidates.extend(t for p in c.children if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS
                              for t in _partner_heads(p))
        # "During his visit to the West Bank, Wang met ...": a visit phrase attached to the trigger
        if c.dep_ == "prep" and c.lower_ in ("during", "on", "in", "at", "for"):
            for n in c.children:
                if n.lemma_.lower() in TRIP_NOUNS or n.lower_ in MEETING_NOUNS:
                    candidates.append(n)
        # "met with Trump in Davos", "talks between A and B in Oslo": the model hangs the place
        # on the partner, or on the last of them
        if c.dep_ == "prep" and c.lower_ in ("with", "by", "between") or c.dep_ == "agent":
            candidates.extend(_partner_heads(c))
        if c.dep_ == "nsubj" and c.lemma_.lower() in TRIP_NOUNS:
            candidates.append(c)  # "Berg's visit to Oslo included talks with X"
        if c.dep_ == "prep" and c.lower_ == "for":
            # "met for about 30 minutes in the residence": the place hangs on the duration
            candidates.extend(n for n in c.children if n.dep_ == "pobj" and n.ent_type_ in ("TIME", "DATE"))
        if c.dep_ == "npadvmod" and c.pos_ == "NUM":
            candidates.append(c)  # "met one-on-one in Nairobi": the model hangs the place on "one"
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in MEETING_NOUNS:
            candidates.append(c)
            # "received Dr. Diab ... and the accompanying delegation, in his office at Al-Bahr Palace"
            # ... or on the last of a list of guests, however the model chains it
            candidates.extend(_conjuncts(c))
            # "met President of the European Council Charles Michel in Brussels": the place
            # hangs on the name that completes the partner's title
            candidates.extend(t for t in c.subtree if t.dep_ == "pobj" and t.ent_type_ == "PERSON")
            # "hosted A and B for talks in Nairobi": the purpose phrase hung on the last guest
            candidates.extend(t for t in c.subtree if t.dep_ == "pobj" and t.lower_ in MEETING_NOUNS
                              and t.head.lower_ == "for")
    governing = governing_verb(trigger) if trigger.pos_ == "NOUN" else None
    if governing is not None:
        # "began her visit to Oslo with talks with X": the verb's, or its trip's
        candidates.append(governing)
        candidates.extend(c for c in governing.children if c.dep_ == "dobj" and c.lemma_.lower() in TRIP_NOUNS)
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.ent_type_ == "PERSON":
        candidates.append(trigger.head.head)  # "Berg, in Oslo for talks with Holm, said"
    if trigger.dep_ in ("advcl", "xcomp") and trigger.head.lemma_ == "be":
        candidates.append(trigger.head)  # "Ramaphosa is on Tuesday hosting X, ..., at the Union Buildings"
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        candidates.append(trigger.head)  # "the meeting took place in Geneva"
        # "Talks were held between A and B in Oslo": on the partners of the verb
        candidates.extend(t for c in trigger.head.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                          for t in _partner_heads(c))
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ("at", "during", "for") \
            and trigger.head.head.pos_ in ("VERB", "AUX"):
        # "Speaking in Nairobi at a joint news conference with X", "is in Nairobi for talks with X"
        candidates.append(trigger.head.head)
    # "was greeted by X as she arrived at State House": where the arrival it happened on was
    candidates.extend(c for c in trigger.children if c.dep_ == "advcl" and c.lemma_.lower() in TRAVEL_VERBS)
    held = [c for c in trigger.children if c.dep_ == "acl" and c.lemma_.lower() in ("hold", "host")]
    candidates.extend(held)  # "at their first summit held on the margins of APEC in Gyeongju"
    if trigger.dep_ == "relcl" and trigger.head.ent_type_ in PLACE_LABELS:
        return _entity_text(trigger.head)  # "in Geneva, where he met ..."
    # "met with Prime Minister X, who arrived in Kyiv on a visit": where the guest came to
    # ... or where the subject was visiting ("Berg, who is on a three-day visit to Beijing, met X")
    people = [*candidates, *(c for c in trigger.children if c.dep_ == "nsubj")]
    candidates += [t for n in people if n.pos_ == "PROPN" for t in n.subtree if t.dep_ == "relcl"
                   and t.head.pos_ == "PROPN"
                   and (t.lemma_.lower() in TRAVEL_VERBS or any(k.lemma_.lower() in TRIP_NOUNS for p in t.children
                                                                if p.dep_ == "prep" for k in p.children))]
    clause, where = _where_antecedent(trigger)
    for head in candidates:
        if where and head.i not in clause:
            return where  # a place named outside "..., where he held talks" is not the talks'
        place = place_under(head)
        if place:
            return place
    return where or next((p for t in (trigger, *held) if (p := _occasion_place(t))), None)


def governing_verb(noun: Token) -> Token | None:
    """The light verb a meeting noun is the measure or manner of: "held a round of talks with
    X", "two days of meetings", "began her visit with talks with X"."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return None
    if prep.lower_ == "of" and prep.head.dep_ == "dobj" and prep.head.head.lemma_.lower() in LIGHT_VERBS:
        return prep.head.head
    if prep.lower_ == "with" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in LIGHT_VERBS | {"end", "close"}:
        return prep.head
    return None


def _where_antecedent(trigger: Token) -> tuple[set[int], str | None]:
    """"paid a visit to Kampala on Monday, where she held talks": "where" means the last place
    named before it, wherever the parser hangs its clause (here on "Monday"); also for talks
    the clause tells of ("arrived from Uruguay, where he stressed ... during talks with X")."""
    if trigger.pos_ == "NOUN":
        while trigger.dep_ in ("pobj", "prep") and trigger.head.i != trigger.i:
            trigger = trigger.head
    where = next((c for c in trigger.children if c.dep_ == "advmod" and c.lower_ == "where"), None)
    if trigger.dep_ not in ("relcl", "advcl") or where is None:
        return set(), None
    clause = {t.i for t in trigger.subtree}
    if trigger.dep_ == "relcl" and trigger.head.ent_type_ in PLACE_LABELS:
        return clause, _entity_text(trigger.head)  # "arrived from Uruguay, where ...": the name it describes
    named = [t for t in trigger.sent if t.i < where.i and t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B"
             and t.head.dep_ == "prep" and t.head.lower_ in PLACE_PREPS]
    return clause, (place_under(named[-1].head.head) or _entity_text(named[-1])) if named else None


def host_country(sent) -> str | None:
    """"... - the first time China has hosted a top Ukrainian official": a country that hosts
    or receives in the meeting's sentence is where the meeting was, when nothing closer says."""
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in HOSTING_VERBS:
            host = next((c for c in tok.children if c.dep_ == "nsubj" and c.ent_type_ == "GPE"), None)
            if host is not None:
                return _entity_text(host)
    return None


def _occasion_place(trigger: Token) -> str | None:
    """A place under the occasion the meeting is said to be part of, however deep the
    parse nests it: "met for the first time on the sidelines of the General Assembly
    debate in New York". Only occasion nouns are followed, so "talks on the war in
    Ukraine" does not make Ukraine the venue."""
    frontier = [trigger]
    for _ in range(4):  # prepositions deep
        occasions = [n for t in frontier for c in t.children if c.dep_ == "prep" and c.lower_ not in PARTNER_PREPS
                     for n in c.children if n.dep_ == "pobj" and n.lemma_.lower() in OCCASION_NOUNS]
        for n in occasions:
            place = place_under(n)
            if place:
                return place
        frontier = occasions
    return None


def _partner_heads(prep: Token) -> list[Token]:
    """Where the model hangs a meeting's place after its partner phrase: on the partner of the
    last "with" ("met separately with A and with B in Lima"), on one of several partners, joined
    ("A and B") or set in apposition after a caption's "left," ("met with A, left, and B in
    Moscow"), or on the name that leads the partner ("with a delegation led by X in Nairobi")."""
    partners = [n for k in (prep, *(k for k in prep.children if k.dep_ == "conj" and k.pos_ == "ADP"))
                for n in k.children if n.dep_ == "pobj"]
    return partners + [t for n in partners for t in _conjuncts(n)] \
        + [t for n in partners for t in n.subtree if t.i != n.i and t.dep_ == "pobj" and t.ent_type_ == "PERSON"]


def _conjuncts(tok: Token) -> list[Token]:
    """The names joined to a partner, however long the list ("with A, B and C in Oslo": the
    model chains C to B, not to A) and one set in apposition after a caption's "left,"."""
    out = []
    for t in tok.children:
        if t.dep_ in ("conj", "appos"):
            out += [t, *_conjuncts(t)]
    return out


def place_under(head: Token, preps: set[str] = PLACE_PREPS) -> str | None:
    """The places in the first place phrase under `head`, most specific first:
    "at the Kremlin in Moscow" -> "Kremlin, Moscow"; "in Osaka, Japan" -> "Osaka, Japan"."""
    names: list[str] = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for n in c.subtree:
                if (n.ent_type_ in PLACE_LABELS or _venue(n) or _filed_from(n) or _arrived_in(c, n)
                        or _building_in(n)) and n.ent_iob_ == "B" \
                        and not _place_in_title(n) \
                        and _named_by(c, n):
                    names.append(_entity_text(n))
        if c.dep_ == "dobj" and head.lemma_.lower() in ("visit", "tour") and (c.ent_type_ in PLACE_LABELS or _venue(c)):
            names.append(_entity_text(c))  # "visited Nairobi", "visited the White House"
        if c.dep_ == "xcomp" and c.ent_type_ in PLACE_LABELS and any(a.lower_ == "to" for a in c.children) \
                and "to" in preps:
            names.append(_entity_text(c))  # "welcomed X to Canberra", parsed as a verb "to Canberra"
    return ", ".join(dict.fromkeys(names[:3])) or None


def _arrived_in(prep: Token, tok: Token) -> bool:
    """"who arrived in Kyiv", "traveled Wednesday to Harare", the city tagged as a person or a
    body: one arrives in or travels to a place (a body's acronym, "to NATO", is no city)."""
    return tok.head.i == prep.i and tok.dep_ == "pobj" and prep.lower_ in ("in", "to") \
        and prep.head.lemma_.lower() in TRAVEL_VERBS and _city_like(tok)


def _city_like(tok: Token) -> bool:
    """A name the model tagged as a person or a body that could be a city's: a short run of
    proper nouns, none of them a building's noun or an acronym."""
    if tok.ent_type_ not in ("PERSON", "ORG"):
        return False
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    return len(ent) <= 3 and all(t.pos_ == "PROPN" and t.lower_ not in VENUE_NOUNS and not t.is_upper for t in ent)


def _building_in(tok: Token) -> bool:
    """"at the presidential palace in Copenhagen", the city tagged as a person or a body: a
    building named by its common noun stands in a place."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.pos_ == "NOUN" \
        and prep.head.lower_ in VENUE_NOUNS and _city_like(tok)


def _venue(tok: Token) -> bool:
    """A building the model tags as an organisation ("Al Husseiniya Palace", "the Union Buildings"),
    or a name of any tag that names the building it modifies ("the Bocharov Ruchei residence")."""
    if tok.ent_type_ not in ("ORG", "PERSON"):
        return False
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    if names_building(ent):
        return True
    if tok.ent_type_ != "ORG":
        return False
    # "State House Nairobi": the building's noun may come before the city the model joined to it
    return ent[-1].lower_ in VENUE_NOUNS or len(ent) >= 3 and any(t.lower_ in VENUE_NOUNS for t in ent[1:-1])


def _filed_from(tok: Token) -> bool:
    """The city the article is filed from, wherever the text names it again, whatever the model
    tags it ("Labuan Bajo (VNA) – ... the Summit in Labuan Bajo", tagged a person)."""
    if not tok.ent_type_:
        return False
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    return ent.text.lower() == (find_dateline_place(tok.doc) or "").lower()


def _named_by(prep: Token, tok: Token) -> bool:
    """The place is what the phrase names ("in Osaka, Japan", "at the Kremlin in Moscow", "to
    Abuja's State House"), not a
    modifier ("as the top U.S. diplomat") or a clause of its own ("ending fighting in Congo")."""
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    t = ent.root
    while t.i != prep.i:
        # "Casa | Rosada": a name the model tagged only in part continues into its head
        # and "the White House | residence": a venue naming the building it modifies
        continued = t.dep_ == "compound" and t.head.i == t.i + 1 and (t.head.pos_ == "PROPN"
                                                                       or t.head.lower_ in VENUE_NOUNS)
        if t.dep_ not in ("pobj", "prep", "appos", "conj", "npadvmod", "poss") and not continued or t.head.i == t.i:
            return False
        t = t.head
        if t.dep_ == "pobj" and t.head.i != prep.i and not (t.ent_type_ in PLACE_LABELS or _venue(t) or _filed_from(t)
                                                             or t.lemma_.lower() in PLACE_NOUNS | OCCASION_NOUNS
                                                             or _names_occasion(t)):
            # "in a meeting ... on the issues of enlargement to Ukraine": a topic, not a place
            # (but "the resort island of Bali", "the sidelines of the summit in Bali" are Bali)
            return False
    return True


def _names_occasion(tok: Token) -> bool:
    """"the Summit for Peace in Geneva", "the Conference on Disarmament in Geneva": a capitalised
    word that completes an occasion's name is part of it, so the place after it is the occasion's."""
    prep = tok.head
    return tok.pos_ == "PROPN" and not tok.ent_type_ in PLACE_LABELS and prep.dep_ == "prep" \
        and prep.head.lemma_.lower() in OCCASION_NOUNS and prep.head.text[:1].isupper()


def _entity_text(tok: Token) -> str:
    """The place's name, whole even where the model tagged only its first words ("Casa | Rosada")."""
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    end = ent.end
    while end < len(tok.doc) and tok.doc[end - 1].dep_ == "compound" and tok.doc[end - 1].head.i == end \
            and tok.doc[end].pos_ == "PROPN" and not tok.doc[end].ent_type_:
        end += 1
    return _strip_article(tok.doc[ent.start:end].text)


def _place_in_title(tok: Token) -> bool:
    """"the Ambassador to Qatar": a place that belongs to a title, not to the meeting."""
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and prep.head.lower_ in TITLE_NOUNS


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text
