"""Sentences that report a meeting that took place -> MeetingMention.

Triggers are verbs ("met", "hosted", "received", "held talks with", "sat down
with") and nouns ("the meeting between", "X's meeting with Y"). A trigger is
dropped when the meeting did not (yet) happen: negated, modal or future
("will meet"), embedded under plans, refusals or conditions ("plans to meet",
"if they met"), or a phone/video call. Participants come from the trigger's
subject and partners; attendees from "attended"/"was present"; the place
(places.py) from the clause or the visit it belongs to ("traveled to Cairo,
where he met"); the date (dates.py) from the trigger's clause, never from a
reporting verb ("said Tuesday").
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..models import MeetingMention
from .actors import Mention, Roster
from .dates import find_date
from .places import PLACE_LABELS, find_dateline_place, find_place
from .sentences import is_heading
from .lexicon import (ATTEND_VERBS, LIGHT_VERBS, MEETING_NOUNS, MEETING_VERBS, MODAL_AUX, MODAL_HEADS,
                      GROUP_HEADS, NOT_MEETING_NOUN_MODS, PHONE_WORDS, TITLE_NOUNS)

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"}
KEEP_CLAUSES = {"lead", "head", "include", "accompany", "comprise"}
SKIP_PREPS = {"since", "before", "after", "amid", "despite", "for", "about", "over", "until", "following"}


def find_meetings(doc: Doc, roster: Roster, published: date | None) -> list[MeetingMention]:
    out: list[MeetingMention] = []
    last: MeetingMention | None = None
    dateline_place = find_dateline_place(doc)
    for index, sent in enumerate(doc.sents):
        if is_heading(sent):
            continue
        triggers = [t for t in _triggers(sent) if _happened(t)]
        if triggers:
            # one sentence, one event: "greeted each other when they met ... and held talks on
            # Monday" dates the meeting from whichever trigger carries the date or place
            trigger = triggers[0]
            parties = _parties(trigger, roster)
            when = next((d for t in triggers if (d := find_date(t, sent, published)) is not None), None)
            where = next((p for t in triggers if (p := find_place(t))), None) or dateline_place
            for group in _separate(trigger, parties):
                mention = MeetingMention(participants=[m.name for m in group], date=when, place=where,
                                         evidence=sent.text.strip(), sentence_index=index,
                                         topic=_subject_matter(sent))
                out.append(mention)
                last = mention
            continue
        if last is not None and index - last.sentence_index <= 2 and last.topic is None:
            last.topic = _subject_matter(sent)  # "The two discussed ..." right after the meeting
        if last is not None and index - last.sentence_index <= 3:
            for attendee in _attendees(sent, roster, just_after=index - last.sentence_index == 1):
                if attendee not in last.participants and attendee not in last.attendees:
                    last.attendees.append(attendee)
    return out


def _separate(trigger: Token, parties: list[Mention]) -> list[list[Mention]]:
    """"held separate meetings with A, B and C" is one meeting per partner, with the subject."""
    noun = trigger if trigger.pos_ == "NOUN" else next(
        (c for c in trigger.children if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS), None)
    plural = noun is not None and noun.tag_ == "NNS" and noun.lower_ != "talks" or any(
        c.lower_ in ("separate", "respective", "individual") for c in (noun.children if noun is not None else []))
    subject = [m for m in parties if _is_subject(trigger, m)]
    partners = [m for m in parties if m not in subject]
    if not plural or len(subject) != 1 or len(partners) < 2:
        return [parties] if parties else []
    return [[subject[0], p] for p in partners]


def _is_subject(trigger: Token, m: Mention) -> bool:
    verb = trigger if trigger.pos_ != "NOUN" else trigger.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= m.start <= c.right_edge.i
               for c in verb.children)


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
        elif tok.pos_ == "VERB" and lemma in ("discuss", "talk", "confer", "consult") and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            yield tok  # "discussed with the minister ways of ..."
        elif tok.pos_ in ("VERB",) and lemma in LIGHT_VERBS and any(
                c.lower_ in MEETING_NOUNS and c.dep_ == "dobj" for c in tok.children):
            yield tok
        elif tok.pos_ == "NOUN" and tok.lower_ in MEETING_NOUNS and tok.dep_ not in ("dobj",) \
                and tok.head.lemma_.lower() not in ATTEND_VERBS:
            if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children) or any(
                    c.dep_ == "poss" for c in tok.children) or _copular_partner(tok) or _held_with(tok):
                yield tok


def _subject_matter(sent: Span) -> str | None:
    """What was discussed: the object of "discussed"/"focused on", or "talks on X"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in ("discuss", "review", "address", "exchange"):
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        elif tok.pos_ == "VERB" and lemma in ("focus", "center", "centre", "concentrate") or tok.lower_ in MEETING_NOUNS:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        else:
            continue
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            words = [t for t in obj.subtree if not (t.pos_ == "VERB" and t.dep_ in CLAUSE_DEPS)]
            text = sent.doc[words[0].i:words[-1].i + 1].text.strip(" ,.")
            if 1 <= len(text.split()) <= 18:
                return text
    return None


def _held_with(noun: Token) -> Token | None:
    """"The discussion held with X": the partner hangs on a participle."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("hold", "conduct", "have"):
            return next((p for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "between")), None)
    return None


def _copular_partner(noun: Token) -> Token | None:
    """"The first meeting of the day was with X", "Another meeting took place with X"."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in ("be", "take", "occur", "follow", "hold"):
        return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "between")), None)
    return None


def _has_person_object(verb: Token) -> bool:
    """"visited Cairo" is a trip; "visited the president" or "hosted a delegation" is a meeting."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if c.ent_type_ == "PERSON" or c.lemma_.lower() in GROUP_HEADS or c.lower_ in TITLE_NOUNS:
                return True
            if c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS | {"ORG", "DATE"}:
                return True
    return False


def _happened(trigger: Token) -> bool:
    """False for negated, modal, planned, hypothetical or phone meetings.

    Looks at the trigger's own clause and at the verbs that embed it as an
    infinitive or object ("plans to meet", "did not attend the meeting"), but not
    past a finite clause boundary: "it should be noted that X met Y" reports a
    meeting that happened.
    """
    tok = trigger
    for _ in range(4):
        children = list(tok.children)
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not") and c.dep_ == "advmod" for c in children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return False
        if tok.pos_ == "NOUN" and any(c.lower_ in NOT_MEETING_NOUN_MODS or c.dep_ == "det" and c.lower_ == "no"
                                      for c in children):
            return False  # "a planned meeting", "no bilateral talks"
        if tok.i != trigger.i and tok.lemma_.lower() in MODAL_HEADS:
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        if infinitive and tok.head.lemma_.lower() not in ("manage", "get", "go"):
            return False  # "is due to meet", "sent Wang to meet": not (yet) a meeting
        if tok.i == trigger.i and any(c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS and any(
                m.lower_ in NOT_MEETING_NOUN_MODS for m in c.children) for c in children):
            return False  # "held a video meeting", "held a planned meeting"
        if tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "nsubjpass") or tok.dep_ == "ccomp" and infinitive:
            tok = tok.head
            continue
        break
    words = {t.lower_ for t in trigger.sent}
    if words & PHONE_WORDS and not (words & {"meeting", "met", "meet"}):
        return False
    return True


def _parties(trigger: Token, roster: Roster) -> list[Mention]:
    """Subject side and partner side of the trigger, without names inside titles."""
    scope: list[Token] = []
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ in ("poss", "compound", "amod") or c.dep_ == "prep" and c.lower_ in ("with", "between", "of"):
                scope.extend(c.subtree)
        if trigger.head.lemma_.lower() in LIGHT_VERBS:
            scope.extend(_clause(trigger.head))
        partner = _copular_partner(trigger) or _held_with(trigger)
        if partner is not None:
            scope.extend(partner.subtree)
            scope.extend(t for c in trigger.children if c.dep_ == "relcl" for t in _clause(c))
    else:
        scope.extend(_clause(trigger))
    out: list[Mention] = []
    for m in roster.within(scope):
        head = trigger.doc[m.start:m.end].root
        if any(o.name == m.name for o in out):
            continue
        if m.kind == "person" and (_inside_title(head, roster) or _possessor(m, trigger.doc)):
            continue
        if m.kind == "person" or head.tag_ != "JJ" and head.ent_type_ != "NORP" and _group_slot(head, roster):
            out.append(m)
    people = [m for m in out if m.kind == "person"]
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None) if trigger.pos_ == "VERB" else None
    described = subject is not None and subject.i not in roster.by_token and subject.lower_ in TITLE_NOUNS \
        and any(c.lower_ == "the" for c in subject.children)
    hostless = trigger.pos_ == "NOUN" and (_copular_partner(trigger) is not None or _held_with(trigger) is not None)
    if len(people) == 1 and (described or hostless):
        # "The first meeting of the day was with X": the article's protagonist holds it
        host = _protagonist(trigger, roster, exclude=people[0].name)
        if host is not None:
            out.insert(0, host)
    return out


def _protagonist(trigger: Token, roster: Roster, exclude: str) -> Mention | None:
    """The main-clause subject of the nearest preceding sentence that has a person subject."""
    doc = trigger.doc
    sent = trigger.sent
    for m in sorted((m for m in roster.mentions if m.kind == "person" and m.end <= sent.start),
                    key=lambda m: -m.start)[:12]:
        root = doc[m.start:m.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT" and m.name != exclude:
            return m
    return None


def _possessor(m: Mention, doc: Doc) -> bool:
    """"Trump's son-in-law": the possessor of someone else is not a party, whatever the
    parse says; "Haniyeh's delegation" or "Wang's meeting" keep theirs."""
    if m.end + 1 >= len(doc) or doc[m.end].text not in ("'s", "’s", "'", "’"):
        return False
    noun = doc[m.end + 1]
    return noun.lower_ not in MEETING_NOUNS and noun.lemma_.lower() not in GROUP_HEADS and noun.pos_ == "NOUN"


def _clause(verb: Token) -> list[Token]:
    """The trigger's clause minus embedded clauses and time/place phrases, plus its subject.

    The small model often attaches a second partner loosely ("..., and X" as advcl
    or npadvmod), so the whole clause is searched rather than fixed slots; clauses
    with a verb of their own ("where the envoy said Beijing ...") are left out.
    """
    toks: list[Token] = [verb]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in SKIP_PREPS:
            continue
        toks.extend(_phrase(c))
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        # "Berg and Holm, who met in Oslo, ...": the relative pronoun stands for its antecedent
        antecedent = verb.head
        while antecedent.dep_ == "conj" and antecedent.head.i != antecedent.i:
            antecedent = antecedent.head  # "Berg and Holm, who met": both conjuncts
        toks.extend(t for t in _phrase(antecedent) if not (verb.left_edge.i <= t.i <= verb.right_edge.i))
    if any(c.dep_ == "nsubj" and c.lower_ in ("they", "we", "both") for c in verb.children):
        # "Putin and Xi greeted each other when they met": the governing clause's subject
        head = verb
        while head.dep_ in ("advcl", "relcl", "conj", "ccomp") and head.head.i != head.i:
            head = head.head
            subject = [c for c in head.children if c.dep_ == "nsubj" and c.lower_ not in ("they", "we")]
            if subject:
                toks.extend(_phrase(subject[0]))
                break
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        head = verb.head
        if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "After meeting with X, Y said ...": Y met X
        if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
            toks.extend(t for c in head.children if c.dep_ == "nsubj" for t in _phrase(c))
    return toks


def _phrase(tok: Token) -> list[Token]:
    """A token's subtree without embedded clauses, except "led by"/"including" phrases."""
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS and tok.lemma_.lower() not in KEEP_CLAUSES:
        return []
    out = [tok]
    for c in tok.children:
        out.extend(_phrase(c))
    return out


def _inside_title(tok: Token, roster: Roster) -> bool:
    """A name inside another person's title or description ("an aide to X", "X's envoy")."""
    own = roster.by_token.get(tok.i)
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "appos":
            holder = roster.by_token.get(t.head.i)
            if holder is not None and holder is not own and holder.kind == "person":
                return True
        if t.dep_ == "poss" and _names_person(t.head, roster):
            return True  # "Trump's son-in-law Jared Kushner"
        if t.dep_ in ("poss", "pobj") and t.head.pos_ in ("NOUN", "PROPN", "ADP"):
            noun = t.head if t.dep_ == "poss" else t.head.head
            relation = t.dep_ == "poss" or t.head.lower_ in ("to", "for") or _names_person(noun, roster)
            # "an aide to X", "X's envoy" describe someone else; "Secretary of the Philippines
            # Teodoro Locsin" is the model attaching the holder's own name under "of"
            if relation and (noun.lower_ in TITLE_NOUNS or noun.lemma_.lower() in TITLE_NOUNS):
                return True
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.lower_ in MEETING_NOUNS:
            break
    return False


def _group_slot(tok: Token, roster: Roster) -> bool:
    """An organisation or country takes part only as a party ("a Hamas delegation",
    "talks with Iran"), not as a place or part of a person's title ("Iran's envoy X")."""
    if _before_name(tok, roster):
        return False
    t = tok
    while t.dep_ in ("compound", "conj", "amod", "poss") and t.head.i != t.i:
        if t.dep_ == "amod":
            return False  # "his Nigerian and Angolan counterparts": nationalities, not parties
        if t.head.lower_ in GROUP_HEADS or t.head.lemma_.lower() in GROUP_HEADS:
            return not _names_person(t.head, roster)
        if t.dep_ != "conj":
            return False
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
        return True
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ in ("with", "between", "by"):
            return True
        if prep.lower_ in ("from", "of") and prep.head.lemma_.lower() in GROUP_HEADS:
            return not _names_person(prep.head, roster)
    return False


def _before_name(tok: Token, roster: Roster) -> bool:
    """"Palestinian Foreign Affairs Minister Riyad al-Maliki": the group opens a pre-name title."""
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and (doc[i].ent_type_ and doc[i].ent_iob_ == "I" or doc[i].text in ("'s", "’s")):
        i += 1
    for j in range(i, min(i + 5, len(doc))):
        m = roster.by_token.get(j)
        if m is not None and m.kind == "person":
            return True
        if doc[j].pos_ not in ("PROPN", "NOUN", "ADJ") and doc[j].text not in ("-",):
            return False
    return False


def _names_person(noun: Token, roster: Roster) -> bool:
    """The noun is a person's title or relation: a name stands beside it or right after
    its phrase ("Trump's son-in-law Jared Kushner")."""
    near = [noun, *(c for c in noun.children if c.dep_ in ("compound", "appos", "flat"))]
    if any(roster.by_token.get(t.i) is not None and roster.by_token[t.i].kind == "person" for t in near):
        return True
    doc = noun.doc
    for i in range(noun.i + 1, min(noun.i + 6, len(doc))):
        m = roster.by_token.get(i)
        if m is not None:
            return m.kind == "person"
        hyphenated = doc[i].text == "-" or doc[i - 1].text == "-" and not doc[i - 1].whitespace_
        if not (hyphenated or doc[i].pos_ in ("NOUN", "PROPN")):
            return False
    return False


def _attendees(sent: Span, roster: Roster, just_after: bool) -> list[str]:
    """"X also attended the meeting", "The meeting was attended by X", "X was present at the
    meeting", and right after a meeting sentence a bare "X and Y were present"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        about_meeting = any(c.lower_ in MEETING_NOUNS for c in tok.subtree)
        present = lemma == "present" and (about_meeting or just_after)
        if not (lemma in ATTEND_VERBS and about_meeting or present):
            continue
        if not _happened(tok):
            continue
        head = tok if tok.pos_ == "VERB" else tok.head
        scope = []
        for c in head.children:
            if c.dep_ in ("nsubj", "agent", "nsubjpass") and c.lower_ not in MEETING_NOUNS:
                scope.extend(c.subtree)
        people = [m.name for m in roster.within(scope)
                  if m.kind == "person" and not _inside_title(sent.doc[m.start:m.end].root, roster)]
        if people:
            return people
    return []
