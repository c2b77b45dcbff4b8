"""Sentences that report a meeting that took place -> MeetingMention.

Triggers are verbs ("met", "hosted", "received", "held talks with", "sat down
with") and nouns ("the meeting between", "X's meeting with Y"). A trigger is
dropped when the meeting did not (yet) happen: negated, modal or future
("will meet"), embedded under plans, refusals or conditions ("plans to meet",
"if they met"), or a phone/video call. Participants come from the trigger's
subject and partners; attendees from "attended"/"was present"; the place from
the clause or the visit it belongs to ("traveled to Cairo, where he met"); the
date from the trigger's clause, never from a reporting verb ("said Tuesday").
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..models import DateValue, MeetingMention
from .actors import Mention, Roster
from .dates import resolve_date
from .lexicon import (ATTEND_VERBS, LIGHT_VERBS, MEETING_NOUNS, MEETING_VERBS, MODAL_AUX, MODAL_HEADS,
                      NOT_MEETING_NOUN_MODS, PHONE_WORDS, REPORTING_VERBS, TRAVEL_VERBS)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_PREPS = {"in", "at", "to", "inside", "near"}


def find_meetings(doc: Doc, roster: Roster, published: date | None) -> list[MeetingMention]:
    out: list[MeetingMention] = []
    last: MeetingMention | None = None
    for index, sent in enumerate(doc.sents):
        for trigger in _triggers(sent):
            if not _happened(trigger):
                continue
            parties = _parties(trigger, roster)
            mention = MeetingMention(
                participants=[m.name for m in parties],
                date=_date(trigger, sent, published),
                place=_place(trigger, roster),
                evidence=sent.text.strip(),
                sentence_index=index,
            )
            if len(mention.participants) >= 1:
                out.append(mention)
                last = mention
            break
        else:
            attendee = _attendee(sent, roster)
            if attendee and last is not None and index - last.sentence_index <= 3:
                if attendee not in last.participants and attendee not in last.attendees:
                    last.attendees.append(attendee)
    return out


def _triggers(sent: Span):
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in MEETING_VERBS:
            if lemma == "hold" and not any(c.lower_ in MEETING_NOUNS for c in tok.children if c.dep_ == "dobj"):
                continue
            if lemma == "sit" and not any(c.lower_ == "down" for c in tok.children):
                continue
            if lemma in ("visit", "receive", "welcome", "host", "greet") and not _has_person_object(tok):
                continue
            yield tok
        elif tok.pos_ in ("VERB",) and lemma in LIGHT_VERBS and any(
                c.lower_ in MEETING_NOUNS and c.dep_ == "dobj" for c in tok.children):
            yield tok
        elif tok.pos_ == "NOUN" and tok.lower_ in MEETING_NOUNS and tok.dep_ not in ("dobj",):
            if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children) or any(
                    c.dep_ == "poss" for c in tok.children):
                yield tok


def _has_person_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "pobj") and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.pos_ == "PROPN")
               for c in verb.subtree if c.head == verb or c.head.head == verb)


def _happened(trigger: Token) -> bool:
    """False for negated, modal, planned, hypothetical or phone meetings."""
    tok = trigger
    for _ in range(4):
        children = list(tok.children)
        if any(c.dep_ == "neg" for c in children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in children):
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and tok.dep_ in ("xcomp", "advcl", "acl", "ccomp", "relcl"):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return False
        if tok.pos_ == "NOUN" and any(c.lower_ in NOT_MEETING_NOUN_MODS for c in children):
            return False
        if tok.i != trigger.i and tok.lemma_.lower() in MODAL_HEADS:
            return False
        if tok.dep_ in ("xcomp",) and tok.head.lemma_.lower() in MODAL_HEADS:
            return False
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "dobj", "pobj", "prep", "ccomp", "acl", "advcl"):
            break
        tok = tok.head
    words = {t.lower_ for t in trigger.sent}
    if words & PHONE_WORDS and not (words & {"meeting", "met", "meet"}):
        return False
    return True


def _parties(trigger: Token, roster: Roster) -> list[Mention]:
    """Subject side and partner side of the trigger, without names inside titles."""
    scope: list[Token] = []
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("with", "between"):
                scope.extend(c.subtree)
        scope.extend(_participant_nps(trigger.head) if trigger.head.lemma_.lower() in LIGHT_VERBS else [])
    else:
        scope.extend(_participant_nps(trigger))
        if trigger.lemma_.lower() in LIGHT_VERBS:
            for c in trigger.children:
                if c.dep_ == "dobj":
                    for cc in c.children:
                        if cc.dep_ == "prep" and cc.lower_ in ("with", "between"):
                            scope.extend(cc.subtree)
    scope = [t for t in scope if not _inside_title(t)]
    mentions = roster.within(scope)
    seen, out = set(), []
    for m in mentions:
        if m.name not in seen and (m.kind == "person" or _is_party_group(m, roster)):
            seen.add(m.name)
            out.append(m)
    return out


def _participant_nps(verb: Token) -> list[Token]:
    toks: list[Token] = []
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subject and verb.dep_ in ("conj", "advcl", "relcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subject = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for s in subject:
        toks.extend(s.subtree)
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.lower_ not in MEETING_NOUNS:
            toks.extend(c.subtree)
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "by", "alongside"):
            toks.extend(c.subtree)
        if c.dep_ == "agent":
            toks.extend(c.subtree)
    return toks


def _inside_title(tok: Token) -> bool:
    """A token within an appositive or title phrase of a person ("minister of X")."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("appos", "relcl", "acl") and not (t.dep_ == "acl" and t.lemma_.lower() in ("lead", "head", "include")):
            return True
        if t.dep_ == "poss" and t.head.lower_ not in MEETING_NOUNS and t.head.pos_ == "NOUN":
            return True
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.pos_ == "NOUN" and t.head.head.lower_ not in (
                "delegation", "delegations", "officials", "counterparts", "leaders", "representatives") and \
                t.head.lower_ in ("of", "for", "to", "at", "from"):
            return True
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.lower_ in MEETING_NOUNS:
            break
    return False


def _is_party_group(m: Mention, roster: Roster) -> bool:
    return m.kind in ("organization", "country")


def _date(trigger: Token, sent: Span, published: date | None) -> DateValue | None:
    """The trigger's own date: DATE entities whose governing verb is not a reporting verb."""
    best = None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        governor = _governor(ent.root)
        if governor is not None and governor.lemma_.lower() in REPORTING_VERBS and governor.i != trigger.i:
            continue
        if governor is not None and governor.i != trigger.i and not _related(governor, trigger):
            continue
        text = ent.text
        nxt = ent.end < len(sent.doc) and sent.doc[ent.end]
        if nxt is not False and nxt.lower_ in ("ago", "earlier", "after", "before", "later"):
            text = f"{text} {nxt.text}"
        value = resolve_date(text, published)
        if value is not None:
            distance = abs(ent.root.i - trigger.i)
            if best is None or distance < best[0]:
                best = (distance, value)
    return best[1] if best else None


def _governor(tok: Token) -> Token | None:
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.lower_ in MEETING_NOUNS:
            return t
    return t if t.pos_ in ("VERB", "AUX") else None


def _related(governor: Token, trigger: Token) -> bool:
    """The date's verb governs the trigger (travel/visit context) or is governed by it."""
    return governor in trigger.ancestors or trigger in governor.ancestors or trigger.head == governor


def _place(trigger: Token, roster: Roster) -> str | None:
    """GPE/LOC under "in/at/to" in the trigger's clause, else in the visit that contains it."""
    candidates = [trigger]
    t = trigger
    while t.head.i != t.i and len(candidates) < 4:
        t = t.head
        if t.pos_ in ("VERB", "NOUN") and (t.lemma_.lower() in TRAVEL_VERBS | {"visit", "trip", "tour", "stop"}
                                           or t.lemma_.lower() in MEETING_VERBS):
            candidates.append(t)
    # "During his visit to the West Bank, Wang met ...": a visit phrase attached to the trigger
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in ("during", "on", "in", "at"):
            for n in c.children:
                if n.lemma_.lower() in ("visit", "trip", "tour", "stop"):
                    candidates.append(n)
    for head in candidates:
        place = _place_under(head)
        if place:
            return place
    return None


def _place_under(head: Token) -> str | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for n in c.subtree:
                if n.ent_type_ in PLACE_LABELS and n.ent_iob_ == "B" and not _inside_title(n):
                    ent = next(e for e in n.doc.ents if e.start == n.i)
                    return _strip_article(ent.text)
        if c.dep_ == "dobj" and head.lemma_.lower() in ("visit", "tour") and c.ent_type_ in PLACE_LABELS:
            ent = next((e for e in c.doc.ents if e.start <= c.i < e.end), None)
            if ent is not None:
                return _strip_article(ent.text)
    return None


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _attendee(sent: Span, roster: Roster) -> str | None:
    """"X also attended the meeting" / "The meeting was attended by X" / "X was present at the meeting"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        present = lemma == "present" and any(c.lower_ in MEETING_NOUNS for c in tok.subtree)
        if not (lemma in ATTEND_VERBS and any(c.lower_ in MEETING_NOUNS for c in tok.subtree) or present):
            continue
        if not _happened(tok):
            continue
        head = tok if tok.pos_ == "VERB" else tok.head
        scope = []
        for c in head.children:
            if c.dep_ in ("nsubj", "agent", "nsubjpass") and c.lower_ not in MEETING_NOUNS:
                scope.extend(c.subtree)
        people = [m for m in roster.within(t for t in scope if not _inside_title(t)) if m.kind == "person"]
        if people:
            return people[0].name
    return None
