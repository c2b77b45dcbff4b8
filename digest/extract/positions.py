"""What each actor said -> PositionMention, with the sentence as evidence.

The speaker is the subject of a reporting verb ("said", "stressed", "urged"),
of a participle that continues it ("..., stating that"), the possessor of a
reporting noun ("Wang's comments that"), or the object of "according to".
When a sentence nests speakers ("the statement said that Haniyeh stressed"),
the innermost person speaks: the outer one only relays. An organisation
speaks for itself only when no person does. One position per sentence, so a
sentence's words are never credited to two actors.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..models import PositionMention
from .actors import Mention, Roster
from .sentences import is_heading
from .lexicon import REPORTING_NOUNS, REPORTING_VERBS, TOPICS

QUOTES = "\"“”"


def find_positions(doc: Doc, roster: Roster) -> list[PositionMention]:
    out: list[PositionMention] = []
    for sent in doc.sents:
        if is_heading(sent):
            continue
        found = _speaker(sent, roster)
        if found is None:
            continue
        speaker, verb = found
        text = _content(verb, sent)
        if len(text.split()) < 4:
            continue
        out.append(PositionMention(actor=speaker.name, text=text, evidence=sent.text.strip(),
                                   topic=topic_of(text), direct=any(q in text for q in QUOTES)))
    return out


def _speaker(sent: Span, roster: Roster) -> tuple[Mention, Token] | None:
    candidates: list[tuple[int, int, Mention, Token]] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in REPORTING_VERBS and not any(c.dep_ == "neg" for c in tok.children):
            subject = _subject(tok)
            if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
                continue
            if subject is not None:
                m = _mention_of(subject, roster)
                if m:
                    depth = sum(1 for _ in tok.ancestors)
                    candidates.append((m.kind == "person", depth, m, tok))
        elif tok.lower_ in REPORTING_NOUNS and tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ == "poss":
                    m = _mention_of(c, roster)
                    if m:
                        candidates.append((m.kind == "person", sum(1 for _ in tok.ancestors), m, tok))
        elif tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            for n in tok.doc[tok.i + 1].subtree:
                m = roster.by_token.get(n.i)
                if m:
                    candidates.append((m.kind == "person", -1, m, tok.head))
                    break
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    _, _, mention, verb = candidates[0]
    return mention, verb


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj",):
            return c
    # "..., stating that ..." / "and stressed ..." continue the clause's subject
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _mention_of(tok: Token, roster: Roster) -> Mention | None:
    """The actor a subject refers to: its head, or a name inside it that is not in a title."""
    if tok.i in roster.by_token:
        return roster.by_token[tok.i]
    for t in tok.subtree:
        if t.i in roster.by_token and t.dep_ in ("compound", "poss", "nmod", "appos", "pobj") and t.head == tok:
            m = roster.by_token[t.i]
            if t.dep_ == "compound" and m.kind != "person" and tok.lower_ not in REPORTING_NOUNS | {"delegation", "government", "ministry", "office", "spokesman", "spokesperson", "movement"}:
                continue
            return m
    return None


def _content(verb: Token, sent: Span) -> str:
    """The reported content: the clause or object the verb governs, else the sentence."""
    parts = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "acl", "prep")
             and c.i > verb.i and c.lower_ not in ("to",)]
    if verb.lower_ == "according" or not parts:
        return sent.text.strip()
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    text = sent.doc[start:end].text.strip(" ,")
    # a quote opened before the verb ("'...,' Wang said") is the content
    if sent.doc[sent.start].text in QUOTES or verb.i > sent.start + (sent.end - sent.start) // 2:
        return sent.text.strip()
    return text


def topic_of(text: str) -> str | None:
    low = text.lower()
    for topic, words in TOPICS:
        if any(w in low for w in words):
            return topic
    return None
