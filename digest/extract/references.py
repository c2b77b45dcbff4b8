"""Which actor a pronoun or description stands for ("he", "his", "the Chinese envoy",
"the group", "they").

Kept apart from actors.py, which finds the names themselves: this runs only on the
finished roster (every named, initialled and labelled person, every organisation),
and only adds mentions, never actors. So it imports actors and not the other way
round, and extract_doc calls it right after build_roster. A he/she prefers a
subject over a mere mention (centering): in its own sentence the latest subject
before it, else the main-clause subject of one of the three sentences before; a
speaker's pronoun inside another speaker's report is that reporter. A "they"/"we"
is only the organisation whose report embeds it; a title description is the person
whose titles share its head noun or modifiers, a group noun the latest organisation
named before. What fits nobody stays unresolved rather than guessed.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .actors import Mention, Roster, speaker_turns
from .sentences import is_heading, quoted_tokens
from ..vocabulary import (FEMININE_PRONOUNS, FEMININE_TITLES, GROUP_NOUNS, MASCULINE_TITLES, PERSON_PRONOUNS,
                          PLURAL_PRONOUNS, REPORTING_VERBS, SPOKEN_BY, TITLE_NOUNS)


PRONOUN_REACH = 3  # sentences back a he/she may point: further, a pronoun may mean anyone


def resolve_descriptions(doc: Doc, roster: Roster) -> None:
    """Pronouns and title descriptions ("he", "the Chinese envoy", "the group") -> actors."""
    quoted = quoted_tokens(doc)
    _first_person(doc, roster, quoted)
    for tok in doc:
        if tok.i in roster.by_token or tok.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "agent"):
            continue
        if tok.lower_ in PERSON_PRONOUNS:
            speaker = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in REPORTING_VERBS and tok.i not in quoted
            # '"We talked with Secretary X ...," she reported': not someone the quotation names
            skip = set(quoted) if speaker else set()
            name = _antecedent(doc, roster, tok, skip)
            for _ in range(GENDER_RETRIES):
                if name is None or _agrees(tok, roster.actors[name], doc, roster):
                    break
                # "she" is not the Mr. named last: the next who fits, or nobody
                skip |= {m.start for m in roster.mentions if m.name == name}
                name = _antecedent(doc, roster, tok, skip)
            else:
                name = None
            if name:
                roster.add(Mention(tok.i, tok.i + 1, name, "person"))
        elif tok.lower_ in PLURAL_PRONOUNS and tok.dep_ == "nsubj":
            # "The group said they had met ...": the speaker of the embedding report
            speaker = _reporting_subject(tok.head, roster)
            if speaker is not None and speaker.kind == "organization":
                roster.add(Mention(tok.i, tok.i + 1, speaker.name, speaker.kind))
        elif tok.lower_ == "counterpart" and (name := _counterpart(doc, roster, tok)):
            roster.add(Mention(tok.i, tok.i + 1, name, "person"))  # "her" before it is someone else
        elif tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            if tok.lower_ in TITLE_NOUNS and not any(c.dep_ in ("appos", "prep", "relcl", "acl") and c.pos_ != "PRON"
                                                     and not _of_what(c) for c in tok.children):
                # only a bare description ("the Chinese envoy"); "the president of Cuba, X" names its own holder
                modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
                modifiers |= {t.lower_ for c in tok.children if _of_what(c) for t in c.subtree if t.pos_ != "ADP"}
                name = roster.described_before(tok.i, tok.lower_, modifiers)
                if name:
                    roster.add(Mention(tok.left_edge.i, tok.i + 1, name, "person"))
            elif tok.lower_ in GROUP_NOUNS:
                name = roster.last_org_before(tok.i)
                if name:
                    roster.add(Mention(tok.left_edge.i, tok.i + 1, name, "organization"))
    roster.mentions.sort(key=lambda m: m.start)


def _of_what(prep: Token) -> bool:
    """"the exiled leader | of Tibetan Buddhism says": what a description leads, with no name
    after it (unlike "the president of Cuba, X", which names its holder)."""
    doc = prep.doc
    end = prep.right_edge.i + 1
    return prep.dep_ == "prep" and prep.lower_ == "of" and not any(t.ent_type_ == "PERSON" for t in prep.subtree) \
        and not (end < len(doc) and doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].ent_type_ == "PERSON")


FIRST_PERSON = {"i", "me", "my", "myself"}  # never "we", which may be a whole side


def _first_person(doc: Doc, roster: Roster, quoted: set[int]) -> None:
    """"I" is the one speaking when the text says who that is: a transcript turn's label, or a
    heading that gives the text as someone's words ("Remarks by President X"). Quotations
    the speaker reads out keep their own "I"."""
    turns = speaker_turns(doc, roster)
    if not turns and (author := _spoken_by(doc, roster)) is not None:
        turns = [(author, doc[:])]
    for speaker, words in turns:
        if speaker is None or speaker.kind != "person":
            continue
        for tok in words:
            if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.i not in quoted:
                roster.add(Mention(tok.i, tok.i + 1, speaker.name, "person"))


def _spoken_by(doc: Doc, roster: Roster) -> Mention | None:
    """The person a heading gives the text to: "Remarks by President Donald Tusk after the
    informal meeting", "Statement by Prime Minister X", "Jane Roe's opening remarks at ...".
    Any title line before the first sentence counts: a site's own headline may come first."""
    for line in doc.sents:
        if not (is_heading(line) or line.text.strip()[-1:].isalnum()):
            return None  # the body begins: a sentence's closing mark
        if (author := _author_of(line, roster)) is not None:
            return author
    return None


def _author_of(line: Span, roster: Roster) -> Mention | None:
    """"<words> by <person>" or "<person>'s <words>" in one title line, else None."""
    for tok in line:
        if tok.lower_ == "by" and tok.i > line.start and tok.doc[tok.i - 1].lower_ in SPOKEN_BY:
            return next((roster.by_token[i] for i in range(tok.i + 1, min(tok.i + 8, line.end))
                         if i in roster.by_token and roster.by_token[i].kind == "person"), None)
        if tok.lower_ in SPOKEN_BY and (owner := next((c for c in tok.children if c.dep_ == "poss"), None)):
            mention = roster.by_token.get(owner.i)
            if mention is not None and mention.kind == "person":
                return mention
    return None


def _counterpart(doc: Doc, roster: Roster, tok: Token) -> str | None:
    """"met her Chinese counterpart" with no name after it: the one person of the article whose
    title gives that nationality ("Chinese Foreign Minister Li Wei"), else nobody."""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and (after.pos_ == "PROPN" or after.text == ","):
        return None  # "his Chinese counterpart(,) Wang Yi" names its holder
    nations = [c.lower_ for c in tok.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]
    if len(nations) != 1:
        return None
    fits = [a.name for a in roster.actors.values() if a.kind == "person" and not a.partial
            and any(nations[0] in t.lower().split() for t in a.titles)]
    return fits[0] if len(fits) == 1 else None


GENDER_RETRIES = 3  # candidates of the wrong gender passed over before a pronoun stays unresolved


def _agrees(pronoun: Token, actor, doc: Doc, roster: Roster) -> bool:
    """False when the person's titles or honorifics ("Mrs.", "first lady", "Mr.", "King") say
    a gender the pronoun does not have; unknown gender agrees with both."""
    words = {w.lower().strip(",") for t in actor.titles for w in t.split()}
    words |= {doc[m.start - 1].lower_ for m in roster.mentions if m.name == actor.name and m.start > 0}
    feminine, masculine = bool(words & FEMININE_TITLES), bool(words & MASCULINE_TITLES)
    if feminine == masculine:
        return True
    return feminine == (pronoun.lower_ in FEMININE_PRONOUNS)


def _reporting_subject(verb: Token, roster: Roster) -> Mention | None:
    """The actor speaking in the reporting clause that embeds `verb`, if any."""
    t = verb
    while t.dep_ in ("ccomp", "conj") and t.head.i != t.i:
        t = t.head
        for c in t.children:
            if c.dep_ == "nsubj" and c.i in roster.by_token:
                return roster.by_token[c.i]
    return None


def _antecedent(doc: Doc, roster: Roster, pronoun: Token, skip: set[int]) -> str | None:
    """The person a he/she refers to, preferring subjects (centering).

    Within the pronoun's own sentence, the latest person who is a subject before
    it; otherwise, going back up to three sentences, the main-clause subject of
    the nearest sentence that names a person, else that sentence's first person.
    "Ushakov added that Putin emphasised ... . '...,' he said": he = Ushakov. A speaker
    pronoun inside a report is the reporter ("X told Y that ..., though he stressed").
    """
    sent = pronoun.sent
    # "Peskov told TASS that Putin had ..., though he stressed ...": a speaker inside another
    # speaker's report is that speaker going on
    if pronoun.dep_ == "nsubj" and pronoun.head.lemma_.lower() in REPORTING_VERBS:
        for verb in pronoun.head.ancestors:
            if verb.lemma_.lower() in REPORTING_VERBS:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                m = roster.by_token.get(subject.i) if subject is not None else None
                if m is not None and m.kind == "person":
                    return m.name
    # "After his talks with Tusk, Zelenskiy ...": a pronoun in a fronted phrase points forward
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    fronted = next((c for c in root.children if c.dep_ in ("prep", "advcl", "npadvmod")
                    and c.left_edge.i <= pronoun.i <= c.right_edge.i), None)
    if subject is not None and fronted is not None and fronted.i < subject.i:
        m = roster.by_token.get(subject.i)
        if m is not None and m.kind == "person":
            return m.name
    here = [m for m in roster.mentions if m.kind == "person" and sent.start <= m.start and m.end <= pronoun.i
            and m.start not in skip]
    if pronoun.dep_ in ("dobj", "pobj", "dative"):
        # "Wong joined him": an object pronoun is not its own clause's subject (that is "himself")
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for c in c.subtree}
        here = [m for m in here if m.start not in own]
        if not here:
            return _antecedent_before(doc, roster, sent, skip)
    elif pronoun.dep_ == "poss":
        # "... joined him and attended his meeting": a possessive follows the object pronoun before it
        earlier = [roster.by_token[t.i] for t in sent if t.i < pronoun.i and t.i in roster.by_token
                   and t.lower_ in ("him", "her")]
        if earlier:
            return earlier[-1].name
    # the subject, or the possessor of the subject ("Orban's visit ... where he asked")
    subjects = [m for m in here if doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass") or
                doc[m.start:m.end].root.dep_ == "poss" and doc[m.start:m.end].root.head.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[-1].name
    if here and pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return here[-1].name
    return _antecedent_before(doc, roster, sent, skip) or (here[-1].name if here else None)


def _antecedent_before(doc: Doc, roster: Roster, sent: Span, skip: set[int]) -> str | None:
    """The main-clause subject of the nearest of the three sentences before that names a
    person, else that sentence's first person."""
    if doc._.sentences is None:
        doc._.sentences = list(doc.sents)
        doc._.sentence_index = {s.start: i for i, s in enumerate(doc._.sentences)}
    sentences = doc._.sentences
    index = doc._.sentence_index[sent.start]
    for prev in reversed(sentences[max(0, index - PRONOUN_REACH):index]):
        people = [m for m in roster.mentions if m.kind == "person" and prev.start <= m.start < prev.end
                  and m.start not in skip]
        if not people:
            continue
        main = [m for m in people if doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                and doc[m.start:m.end].root.head.dep_ == "ROOT"]
        return (main or people)[0].name
    return None
