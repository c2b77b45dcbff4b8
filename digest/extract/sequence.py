"""Where a meeting stands in the story an article tells: a meeting told again, an earlier one,
one that goes on from the occasion or day just told. meetings.py asks these of each trigger;
they read only the parse and the meeting told last, never decide who met.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..models import MeetingMention
from .actors import Mention
from ..vocabulary import (DEFINITE_DETS, EARLIER_WORDS, MARGIN_NOUNS, MEETING_NOUNS, SAME_DAY_CUES, SAME_TRIP_CUES,
                          TRIP_NOUNS)


def told_as_earlier(trigger: Token) -> bool:
    """"The two last met in March", "their previous meeting", "had previously met": a meeting
    before the one the article reports ("first" is not: "met for the first time on Tuesday")."""
    # "The two last met" is often parsed with "last" as the subject
    # "..., following their initial talks at the G7": after another meeting told with it, a first one
    initial = earlier_phrase(trigger) and any(c.lower_ in ("first", "initial") for c in trigger.children)
    # "Mbeki had already met with X, who flew to Pretoria": a past perfect tells what came before
    # the story's own events
    perfect = trigger.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children)
    return initial or perfect or any(c.dep_ in ("advmod", "amod", "nsubj") and c.lower_ in EARLIER_WORDS
                                     for c in trigger.children)


def told_again(trigger: Token, group: list[Mention], last: MeetingMention | None) -> bool:
    """"Their talks were followed by a dinner", "The meeting marked ...": a definite meeting noun
    right after a meeting of the same people is that meeting again."""
    definite = trigger.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETS
                                              for c in trigger.children)
    another = any(c.lower_ in EARLIER_WORDS | {"first", "initial", "earlier"} for c in trigger.children)
    return definite and not another and last is not None \
        and {m.name for m in group if m.kind == "person"} == set(last.participants)


def earlier_phrase(trigger: Token) -> bool:
    """"..., following their initial talks at the G7 summit in Canada": a meeting the main
    event comes after is an earlier one, with its own place and day."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ("following", "after", "since")


def continued(sent: Span) -> tuple[bool, bool]:
    """Whether a meeting is told as part of the occasion just told of, on the same day
    ("Afterwards, she met ...", "Another meeting of the day was with ...": its day and place)
    or only on the same trip ("also met": its place, since a trip may span several days)."""
    words = " ".join(t.lower_ for t in sent)
    same_day = any(re.search(rf"\b{cue}\b", words) for cue in SAME_DAY_CUES)
    # "on the margins of the Summit": the occasion already told of
    told_occasion = any(t.lemma_.lower() in MARGIN_NOUNS and any(
        p.lower_ == "of" and any(n.dep_ == "pobj" and any(d.lower_ == "the" for d in n.children) for n in p.children)
        for p in t.children) for t in sent)
    # "One of the meetings was with X": one of the occasion's
    one_of = any(t.lower_ == "one" and any(p.lower_ == "of" and any(n.lower_ in MEETING_NOUNS for n in p.children)
                                           for p in t.children) for t in sent)
    return same_day or one_of, same_day or one_of or told_occasion or any(t.lower_ in SAME_TRIP_CUES for t in sent)


def goes_on_from(sent: Span, before: Span | None) -> bool:
    """The meeting's sentence carries on the story of the sentences before: it opens with
    "Then" or "During the trip/visit", or the sentence before it opens with "Then"."""
    def opens(s: Span | None) -> bool:
        if s is None:
            return False
        words = [t.lower_ for t in s[:3]]
        return words[:1] == ["then"] or words[:2] == ["during", "the"] and s[2].lemma_.lower() in TRIP_NOUNS
    return opens(sent) or opens(before)


def day_long(sent: Span) -> bool:
    """"spent Monday receiving ...", "The meetings took place ... throughout the day": the
    occasion filled one day, so its meetings were all on it."""
    words = " ".join(t.lower_ for t in sent)
    spent_day = any(t.lemma_.lower() == "spend" and any(c.ent_type_ == "DATE" for c in t.children) for t in sent)
    return spent_day or "throughout the day" in words or "all day" in words
