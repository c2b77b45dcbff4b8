"""What each actor said -> PositionMention, with the sentence as evidence.

The speaker is the subject of a reporting verb ("said", "stressed", "urged"),
of a participle that continues it ("..., stating that"), the possessor of a
reporting noun ("Wang's comments that"), or the object of "according to".
When a sentence nests speakers ("the statement said that Haniyeh stressed"),
the innermost person speaks: the outer one only relays. A person who reports
another ("Trump said that Clinton described the deal as ...") gives their own
account, so the words are theirs alone. An organisation speaks for itself
only when no person does. A sentence's words go to one
speaker, or to several only when they speak together ("A and B reiterated",
"the two leaders agreed" after their meeting). In a transcript, a labelled
turn's stance-taking sentences are its speaker's; a quotation that runs on into
the next sentence stays with the speaker who opened it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..models import MeetingMention, PositionMention
from .actors import Mention, Roster, label_speaker, speaker_labels
from .rules import Rule, load_rules, matches
from .sentences import QUOTE_MARKS, OPENING_MARKS, TOGGLING_MARKS, is_heading, quoted_tokens
from ..vocabulary import (ABSOLUTE_PREPS, CLAUSE_ONLY_VERBS, COUNT_WORDS, COURTESY, GROUP_HEADS, HOSTING_VERBS,
                          INVERTING_VERBS, JOINT_NOUNS, JOINT_VERBS, MODAL_AUX, NEGATIONS, REPORTING_VERBS,
                          SAID_VERBS, STANCE_OBJECT_VERBS, STANCE_VERBS, TOPICS, VOICE_NOUNS)

QUOTES = QUOTE_MARKS
CONTENT_CLAUSES = {"ccomp", "xcomp"}  # what a reporting verb says
RELAYED_CLAUSES = CONTENT_CLAUSES | {"conj", "advcl"}  # ... and the clauses that go on inside it


def find_positions(doc: Doc, roster: Roster, meetings: list[MeetingMention]) -> list[PositionMention]:
    out: list[PositionMention] = []
    labels = {span.start: span.end for span, _, _ in speaker_labels(doc)}
    turn: str | None = None
    quoting: list[str] = []  # speakers of a quotation still open at the end of the last sentence
    signed = _testimonials(doc, roster)
    quoted = quoted_tokens(doc)
    cues = matches(doc, "speech", RULES)
    passages = _quotation_speakers(doc, roster, cues, quoted)
    for index, sent in enumerate(doc.sents):
        inside, quoting = quoting, []
        signature = next(((start, end) for start, end in signed if start <= sent.start_char < end), None)
        if signature is not None:
            if signed[signature] is not None:  # signed by someone we cannot name: nobody we know speaks
                out.append(_own_words(signed[signature], sent, end=min(sent.end_char, _signature_start(signed, sent))))
            continue
        if index in passages:
            mark = _colon_quote(sent, quoted) if passages[index] else None
            start = mark.idx if mark is not None and mark.sent.start == sent.start else None
            out.extend(_own_words(name, sent, start=start) for name in passages[index])
            continue
        label = next((i for i in labels if sent.start <= i < sent.end), None)
        if label is not None:
            # "Q:" - someone we cannot name; "President Vladimir Putin:" - the name after the title
            mention = label_speaker(roster, label, labels[label])
            turn = mention.name if mention else None
            sent = doc[labels[label] + 1:sent.end]  # the words after "NAME:"
        if is_heading(sent) or not sent.text.strip():
            continue
        found = _speaker(sent, roster, cues, quoted)
        if found is not None:
            speakers, verb = [m.name for m in _with_conjuncts(found[0], found[1], roster)], found[1]
        elif (joint := _joint_speakers(sent, meetings, index)) is not None:
            speakers, verb = joint
        elif turn is not None and _declares(sent):
            out.append(_own_words(turn, sent))
            continue
        elif inside and len(sent.text.split()) >= 6:
            # the quotation a speaker opened goes on: '..., stating, "Met X. Relations are important."'
            out.extend(_own_words(name, sent) for name in inside)
            quoting = inside if _open_at_end(sent, quoted) else []
            continue
        else:
            continue
        if _open_at_end(sent, quoted):
            quoting = speakers
        text = _content(verb, sent)
        if verb.lemma_.lower() in COURTESY and any(c.dep_ == "dobj" and c.lower_ == "you" for c in verb.children):
            # "I thank you for your arrangements": the thanks itself, from its verb ("you for ..." says nothing)
            text = sent.doc[verb.i:sent.end].text.strip()
            if not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
                continue  # "Thank you, Deputy Prime Minister": a courtesy, no stance
        if len(text.split()) < 4 and not ((verb.lemma_.lower() in STANCE_OBJECT_VERBS or _names_a_judgement(verb))
                                          and text):
            continue  # "said this", "told him": no content; "condemned the attack" is a stance
        if verb.lemma_.lower() in HOSTING_VERBS and any(
                c.dep_ == "dobj" and (c.i in roster.by_token and roster.by_token[c.i].kind == "person"
                                      or c.lemma_.lower() in GROUP_HEADS) for c in verb.children):
            continue  # "welcomed Prime Minister Holm to Oslo" receives a guest; it takes no stance
        contrasts = _contrasting(verb, roster, quoted, speakers)
        parts = _said_parts(verb)
        if contrasts and parts:
            # "Ishiba welcomed Lee's visit as a significant gesture, while Lee emphasized the need to
            # ...": each speaker says their own clause
            cut = min(v.left_edge.i for v, _ in contrasts)
            text = sent.doc[min(p.left_edge.i for p in parts):cut].text.strip(" ,")
        said = verb.lemma_.lower() in SAID_VERBS or text == sent.text.strip()
        for name in speakers:
            out.append(PositionMention(actor=name, text=text, evidence=sent.text.strip(), topic=topic_of(text),
                                       direct=any(q in text for q in QUOTES), verb=None if said else _as_written(verb)))
        for other, name in contrasts:
            words = _said_parts(other)
            if words:
                own = sent.doc[min(c.left_edge.i for c in words):max(c.right_edge.i for c in words) + 1].text.strip(" ,.")
                own += "”" if own.count("“") > own.count("”") else ""  # the closing mark the clause ends on
                out.append(PositionMention(actor=name, text=own, evidence=sent.text.strip(), topic=topic_of(own),
                                           direct=False, verb=_as_written(other)))
    return out


def _said_parts(verb: Token) -> list[Token]:
    """What a reporting verb governs after it: its clause, object or complement."""
    return [c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "oprd")]


def _contrasting(verb: Token, roster: Roster, quoted: set[int], speakers: list[str]) -> list[tuple[Token, str]]:
    """"X welcomed ..., while Y emphasized ...", "X said ..., whereas Y argued ...": a clause set
    against the main report, with its own named speaker and reporting verb."""
    found = []
    for c in verb.children:
        marked = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in c.children)
        if not marked or c.pos_ != "VERB" or c.lemma_.lower() not in REPORTING_VERBS | STANCE_OBJECT_VERBS:
            continue
        subject = next((s for s in c.children if s.dep_ == "nsubj"), None)
        m = roster.by_token.get(subject.i) if subject is not None else None
        if m is not None and m.kind == "person" and m.name not in speakers and verb.i not in quoted \
                and c.i not in quoted:
            found.append((c, m.name))
    return found


def _relaying_person(speaker: Mention, verb: Token, roster: Roster, quoted: set[int]) -> tuple[Mention, Token] | None:
    """Another person who reports the speaker's words, outside any quotation: the outermost.

    Only up through the clauses a report governs ("Trump said that Clinton described ...",
    "Merrill says Machado promised ... and said ..."): the last step must be the reporting
    verb's content clause, so a clause beside it ("When Reed spoke, Lowe argued ...",
    "Lowe attacked Reed, and Reed said ...") or a relative clause is no report of it."""
    found = None
    tok = verb
    while tok.dep_ in RELAYED_CLAUSES and tok.head.i != tok.i:
        last_step, tok = tok.dep_, tok.head
        if last_step not in CONTENT_CLAUSES or tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING_VERBS \
                or tok.i in quoted or _negated(tok) or _hypothetical(tok):
            continue
        subject = _subject(tok)
        m = _mention_of(subject, roster) if subject is not None else None
        if m is not None and m.kind == "person" and m.name != speaker.name:
            found = m, tok
    return found


def _own_words(name: str, sent: Span, end: int | None = None, start: int | None = None) -> PositionMention:
    """The whole sentence (from `start` up to `end`, character offsets) as what `name` said, in
    their own words."""
    text = sent.doc.text[start or sent.start_char:end or sent.end_char].strip()
    return PositionMention(actor=name, text=text, evidence=sent.text.strip(), topic=topic_of(text), direct=True)


# spaces of any kind but a line break: web text often puts a no-break space before the dash
SIGNATURE = re.compile(r"^[^\S\n]*[“\"”].{20,}?[”\"][^\S\n]*[―—–][^\S\n]*([A-Z][^\n]{1,60}?)[^\S\n.]*$", re.M)


def _testimonials(doc: Doc, roster: Roster) -> dict[tuple[int, int], str | None]:
    """'"I'm so ashamed ..." ― Jacklyn Ashley': a quoted paragraph signed by a named person
    is that person's, whoever it talks about; signed by a name the model did not tag, it is
    nobody's, never the voice of the paragraph before. Character range of each such
    paragraph -> signer (None: not one of the roster's people)."""
    out = {}
    for match in SIGNATURE.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        person = next((roster.by_token[t.i] for t in span or [] if t.i in roster.by_token), None)
        out[(match.start(), match.start(1))] = person.name if person is not None and person.kind == "person" else None
    return out


def _signature_start(signed: dict[tuple[int, int], str | None], sent: Span) -> int:
    """Where the signature begins, for the sentence that carries it (the quote closes before it)."""
    for start, end in signed:
        if start <= sent.start_char < end:
            dash = max(sent.doc.text.rfind(d, start, end) for d in "―—–")
            return dash if dash > sent.start_char else sent.end_char
    return sent.end_char


def _open_at_end(sent: Span, quoted: set[int]) -> bool:
    """Whether a quotation is still open where `sent` ends ('He said: "We will win.').

    Read from the quoted tokens of the whole text, not by counting the marks of the
    sentence alone: '... Congress," Rep. Lowe said.' closes a quotation opened a sentence
    earlier, and its one mark must not reopen it for every paragraph that follows."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    last = words[-1]
    return last.i in quoted or (len(words) > 1 and words[-2].i in quoted and last.is_punct
                                and last.text not in QUOTES)


def _as_written(verb: Token) -> str | None:
    """"welcomed", "pointed out": a finite verb with its particle, to quote the stance by;
    a participle ("highlighting") or infinitive does not read after a name, so None."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    return " ".join([verb.text, *(c.text for c in verb.children if c.dep_ == "prt")])


def _declares(sent: Span) -> bool:
    """A transcript sentence worth keeping as its speaker's position: a statement of some
    length, not a question or a courtesy ("Thank you", "Good morning"), that takes a stance
    (a modal, a negation, "believe", "oppose" ...) rather than recalls or greets."""
    words = [t for t in sent if t.is_alpha or t.lower_ == "n't"]
    text = sent.text.strip()
    if len(words) < 8 or text.endswith("?") or any(t.lemma_.lower() in COURTESY for t in words[:4]):
        return False
    return any(t.lower_ in MODAL_AUX | NEGATIONS or t.lemma_.lower() in STANCE_VERBS
               or t.lemma_.lower() in ("have", "need") and t.nbor().lower_ == "to" for t in words[:-1])


THEY_AFTER_MEETING = 2  # sentences after a meeting in which "they agreed" is its participants speaking


def _joint_speakers(sent: Span, meetings: list[MeetingMention], index: int) -> tuple[list[str], Token] | None:
    """"The two leaders reaffirmed ...", "Both sides stressed ...", "They agreed ...": the people
    of the meeting just reported speak together. "They" only right after the meeting (within
    two sentences), since a pronoun further on may mean anyone."""
    recent = [m for m in meetings if m.sentence_index <= index and len(m.participants) + len(m.unnamed) >= 2]
    if not recent:
        return None
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING_VERBS | JOINT_VERBS or _hypothetical(tok):
            continue
        subject = _subject(tok)
        if subject is None:
            continue
        counted = any(c.lower_ in COUNT_WORDS for c in subject.children) or subject.lower_ == "both"
        definite = subject.tag_ == "NNS" and any(c.lower_ == "the" for c in subject.children)
        group = subject.lemma_.lower() in JOINT_NOUNS and (counted or definite)
        pronoun = subject.lower_ == "they" and index - recent[-1].sentence_index <= THEY_AFTER_MEETING
        if group or pronoun:
            return recent[-1].participants, tok
    return None


def _with_conjuncts(first: Mention, verb: Token, roster: Roster) -> list[Mention]:
    """"President A and President B reiterated ...": every person coordinated in the subject
    speaks, not only the first."""
    subject = _subject(verb)
    if subject is None or first.kind != "person":
        return [first]
    out = [first]
    for tok in subject.conjuncts:
        m = _mention_of(tok, roster)
        if m is not None and m.kind == "person" and m.name not in (o.name for o in out):
            out.append(m)
    return out


def _quotation_speakers(doc: Doc, roster: Roster, cues: dict[int, list[Rule]],
                        quoted: set[int]) -> dict[int, list[str]]:
    """Sentences of a quotation that names its speaker in another of its sentences.

    '"Bryan already asserted his right. He was ready. ...," MacDougall said': the
    quotation's earlier sentences are MacDougall's, whoever they mention; '"...," Flynn
    said. "Donald Trump has enormous respect ..."': a quotation that follows with no
    speaker of its own goes on in Flynn's voice, in the same paragraph or as the next
    one (news sets a long quotation out as paragraphs each opening with a quote mark), and
    one after a sentence ending in a colon goes on in the voice of that sentence's speaker.
    A quotation closed by a speaker of its own is theirs; one closed with none ('"The greed.
    ... The theatrics."' after '"The bullying," Wallace said.') stays the voice before,
    never the speaker of the next quotation. A speaker set off after a question or
    exclamation ('"Why not?" Berg asked.') is the quotation's. Sentence index -> speakers
    (none for such a tag: it says nothing itself).
    """
    out: dict[int, list[str]] = {}
    pending: list[int] = []  # sentences of the open quotation still without a speaker
    previous: list[str] = []  # the speaker of the quotation just before
    sentences = list(doc.sents)
    tag: tuple[int, list[str]] | None = None  # a speaker set off after a closed quotation, and where
    for index, sent in enumerate(sentences):
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        begins = first.text in OPENING_MARKS | TOGGLING_MARKS or first.i in quoted
        if not begins:
            # the run of quoted sentences ends: what is still unattributed goes on the voice before
            out.update((i, previous) for i in pending if previous)
            pending, previous = [], _introducer(sent, roster, cues, quoted)
            if previous and _colon_quote(sent, quoted) is not None and _speaker(sent, roster, cues, quoted) is None:
                out[index] = previous  # its own quotation, after the colon, is theirs too
            if tag is not None and tag[0] == index:
                previous = tag[1]
            continue
        found = _speaker(sent, roster, cues, quoted, outside_only=True)
        if found is not None and found[0].kind != "person":
            found = None  # a quoted release relays its people: "...," according to the ministry
        still_open = _open_at_end(sent, quoted)
        if found is not None:
            names = [m.name for m in _with_conjuncts(found[0], found[1], roster)]
            out.update((i, names) for i in pending)
            pending, previous = [], names
        elif not still_open and _unnamed_voice(sent, roster, cues, quoted):
            # '"...," Hannity said', a name we could not tag: the quotation is nobody we know's
            out.update((i, []) for i in [*pending, index])
            pending, previous = [], []
        elif not still_open and (names := _speaker_tag(sentences, index + 1, roster, cues, quoted)):
            # '"Why not?" Berg asked.': a question or exclamation ends the sentence inside the
            # quotation, so its speaker follows as a sentence of its own
            out.update((i, names) for i in [*pending, index])
            out[index + 1] = []  # the tag itself reports no words
            pending, previous, tag = [], names, (index + 1, names)
        elif still_open or not previous:
            pending.append(index)
        else:  # closed with no speaker of its own: the whole quotation goes on the voice before
            out.update((i, previous) for i in [*pending, index])
            pending = []
    out.update((i, previous) for i in pending if previous)
    return out


def _unnamed_voice(sent: Span, roster: Roster, cues: dict[int, list[Rule]], quoted: set[int]) -> bool:
    """A reporting verb outside the quotation whose speaker we cannot identify."""
    return any(rule.check == "reporting_verb" and tok.i not in quoted
               and any(c.mention is None for c in _reporting_verb(tok, roster))
               for tok in sent for rule in cues.get(tok.i, ()))


def _speaker_tag(sentences: list[Span], index: int, roster: Roster, cues: dict[int, list[Rule]],
                 quoted: set[int]) -> list[str]:
    """'"Why not?" Berg asked reporters.', in one paragraph: the sentence after a closed
    quotation that opens on its speaker and a reporting verb with no content of its own
    names that quotation's speaker."""
    if index >= len(sentences):
        return []
    sent = sentences[index]
    words = [t for t in sent if not t.is_space]
    if not words or words[0].i in quoted or "\n" in sent.doc[sent.start - 1].whitespace_ \
            or sent.doc[sent.start - 1].is_space:
        return []
    found = _speaker(sent, roster, cues, quoted)
    if found is None or found[0].kind != "person":
        return []
    mention, verb = found
    if any(c.dep_ in CONTENT_CLAUSES for c in verb.children):
        return []  # "Berg said that ...": a report of its own
    subject = _subject(verb)
    opening = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
    if opening != words[0].i:
        return []
    return [m.name for m in _with_conjuncts(mention, verb, roster)]


def _introducer(sent: Span, roster: Roster, cues: dict[int, list[Rule]], quoted: set[int]) -> list[str]:
    """'Parker Eaton said of the candidates:' then a quoted paragraph: a sentence that ends in a
    colon hands its speaker the quotation after it, whoever that quotation reports. So does a
    sentence whose quotation opens after a colon and runs on ('Lowe laid out what was wrong
    with it: "It was careless. ...'), whatever the verb: the one who lays it out speaks."""
    words = [t for t in sent if not t.is_space]
    if words and words[-1].text != ":" and _colon_quote(sent, quoted) is not None:
        return _colon_speakers(sent, roster)
    if not words or words[-1].text != ":":
        return []
    found = _speaker(sent, roster, cues, quoted)
    if found is None or found[0].kind != "person":
        return []
    return [m.name for m in _with_conjuncts(found[0], found[1], roster)]


def _colon_quote(sent: Span, quoted: set[int]) -> Token | None:
    """The quotation mark opening a quotation right after a colon, outside any quotation, that
    the sentence leaves open ('...: "It was careless.' and more paragraphs to come)."""
    for tok in sent:
        if tok.text == ":" and tok.i not in quoted and tok.i + 2 < sent.end:
            mark = next((t for t in tok.doc[tok.i + 1:sent.end] if not t.is_space), tok)
            if mark.text in OPENING_MARKS | TOGGLING_MARKS and mark.i + 1 in quoted:
                return mark if _open_at_end(sent, quoted) else None
    return None


def _colon_speakers(sent: Span, roster: Roster) -> list[str]:
    """The person subject of the clause the colon ends (its main verb's)."""
    verb = sent.root
    colon = next(t for t in sent if t.text == ":")
    if verb.pos_ not in ("VERB", "AUX") or verb.i > colon.i or verb.i in quoted_tokens(sent.doc):
        return []
    subject = _subject(verb)
    m = _mention_of(subject, roster) if subject is not None else None
    return [m.name for m in _with_conjuncts(m, verb, roster)] if m is not None and m.kind == "person" else []


@dataclass
class Cue:
    """A speech cue's speaker (None: someone we cannot identify) and how it ranks."""
    mention: Mention | None
    verb: Token
    verbal: int  # a reporting verb outranks a noun or "according to"
    depth: int  # deeper in the parse: the innermost speaker of a relayed statement


def _reporting_verb(tok: Token, roster: Roster) -> list[Cue]:
    lemma = tok.lemma_.lower()
    if _negated(tok) or _hypothetical(tok) or _asks(tok):
        return []
    if lemma == "point" and not any(c.lower_ == "out" for c in tok.children):
        return []
    if lemma == "ask" and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return []  # "asked X to consider Y" is a stance; "asked about it" is not
    if lemma in CLAUSE_ONLY_VERBS and any(c.dep_ == "dobj" for c in tok.children) \
            and not any(c.dep_ == "ccomp" for c in tok.children):
        return []  # "help Putin maintain the image", "observe the ceasefire": no words reported
    if lemma == "call" and not _calls_something(tok):
        return []  # "called an emergency meeting", "called her on Friday": no words reported
    if tok.dep_ == "advcl" and tok.head.lemma_.lower() in REPORTING_VERBS and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return []  # "'...,' said Macron, as the agency writes": the source of the report, not another
    if tok.left_edge.tag_ in ("WP", "WDT") and tok.left_edge.dep_ == "dobj":
        return []  # "what Holm called reckless", "whatever he says": the clause names the words, gives none
    subject = _subject(tok)
    m = _mention_of(subject, roster) if subject is not None else None
    named = roster.by_token.get(tok.i - 1)
    if m is None and tok.dep_ == "conj" and named is not None and named.kind == "person":
        m = named  # "ministers met ... and Secretary-General Mark Rutte said": the name right before
    if m and lemma == "report" and m.kind != "person":
        return []  # "..., state news agency SPA reported": an agency relays, it holds no position
    depth = sum(1 for _ in tok.ancestors)
    if m:
        return [Cue(m, tok, 1, depth)]
    return [Cue(None, tok, 1, depth)] if _unresolved_speaker(tok, roster) else []


def _calls_something(verb: Token) -> bool:
    """"call" reports words when it calls for or on someone, calls someone something
    ("called him a master", "called it reckless") or calls out; "called an emergency
    meeting" or "called her on Friday" (a telephone call) reports none."""
    for c in verb.children:
        if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") or c.dep_ == "prt" and c.lower_ == "out":
            return True
        if c.dep_ == "prep" and c.lower_ in ("for", "on") \
                and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj"):
            return True
    return False


def _names_a_judgement(verb: Token) -> bool:
    """"Lowe called it 'reckless'", "called the plan a disgrace": "call" with an object and
    what it is called states a judgement, however short."""
    return verb.lemma_.lower() == "call" and any(c.dep_ == "dobj" for c in verb.children) \
        and any(c.dep_ == "oprd" for c in verb.children)


def _states_content(clause: Token) -> bool:
    """"her statement that ...", "his speech calling for ...", "a call to ...": a clause that
    gives a reporting noun's content; a bare participle only describes the noun ("the speech
    titled ...", "a statement issued by ...")."""
    if clause.dep_ in ("ccomp", "appos"):
        return True
    return clause.dep_ == "acl" and (clause.tag_ == "VBG" or any(c.dep_ in ("mark", "nsubj", "aux")
                                                               for c in clause.children))


def _reporting_noun(tok: Token, roster: Roster) -> list[Cue]:
    if not any(_states_content(c) or c.text in QUOTES for c in tok.children):
        return []
    depth = sum(1 for _ in tok.ancestors)
    return [Cue(roster.by_token[c.i], tok, 0, depth) for c in tok.children
            if c.dep_ == "poss" and c.i in roster.by_token]


def _according_to(tok: Token, roster: Roster) -> list[Cue]:
    found = [roster.by_token[n.i] for n in tok.doc[tok.i + 1].subtree if n.i in roster.by_token]
    m = next((f for f in found if f.kind == "person"), found[0] if found else None)
    return [Cue(m, tok.head, 0, -1)] if m else []


def _stance_verb(tok: Token, roster: Roster) -> list[Cue]:
    """"Berg condemned the attack": a person's stance on an object is a position. Only in the
    sentence's main clause, and only a person's: in "he laid out that the United States
    opposes ...", the stance is the content he reports, not a report of its own."""
    main = tok.dep_ == "ROOT" or tok.dep_ == "conj" and tok.head.dep_ == "ROOT"
    if not main or not any(c.dep_ == "dobj" for c in tok.children):
        return []
    return [cue for cue in _reporting_verb(tok, roster) if cue.mention is not None and cue.mention.kind == "person"]


def _joint_verb(tok: Token, roster: Roster) -> list[Cue]:
    """"Berg and Holm agreed to deepen trade ties": named people who agree, commit or review
    together take a joint stance, each of them (their conjuncts are credited with them)."""
    subject = _subject(tok)
    if subject is None or not any(c.dep_ == "conj" for c in subject.children):
        return []
    return [cue for cue in _reporting_verb(tok, roster) if cue.mention is not None and cue.mention.kind == "person"]


CUES = {"reporting_verb": _reporting_verb, "reporting_noun": _reporting_noun, "according_to": _according_to,
        "stance_verb": _stance_verb, "joint_verb": _joint_verb}
RULES = load_rules("speech", set(CUES))


def _speaker(sent: Span, roster: Roster, cues: dict[int, list[Rule]], quoted: set[int],
             outside_only: bool = False) -> tuple[Mention, Token] | None:
    """The innermost identified speaker; None when an unidentified one outranks it."""
    found = [cue for tok in sent for rule in cues.get(tok.i, ()) for cue in CUES[rule.check](tok, roster)]
    unknown = [c for c in found if c.mention is None]
    candidates = [c for c in found if c.mention is not None]
    if not candidates:
        return None
    # '"During the debate Trump said X," Flynn said': a report inside the quotation is part of
    # what the speaker outside it says
    outside = [c for c in candidates if c.verb.i not in quoted or c.mention.start not in quoted]
    if outside or outside_only:
        candidates = outside
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c.mention.kind == "person", not _in_relative_clause(c.verb),
                                          c.verbal, c.depth))
    outer = [c for c in candidates if c.verbal and c.mention.kind == best.mention.kind
             and c.verb.is_ancestor(best.verb) and _circumstance(best.verb, c.verb)
             and (c.mention.name == best.mention.name or best.verb.i > c.verb.i)]
    if outer:
        # '"...," Lowe assured Reed, after Reed assured her that ...', 'Promising that ..., Lowe
        # said that ...': a report in a clause of time or manner after the main one, or the
        # main speaker's own, is no report it relays; the main report's speaker holds the
        # sentence ("When Reed said ..., Lowe argued ..." keeps Reed's words his)
        best = min(outer, key=lambda c: c.depth)
    if best.verb.i not in quoted:
        # '"... they write a new melody ...," Mr. Clinton said': whoever reports inside the
        # quotation is part of what its speaker says, not a speaker we failed to identify
        unknown = [c for c in unknown if c.verb.i not in quoted]
    if any(c.depth >= best.depth for c in unknown):
        return None
    if any(c.verbal > best.verbal and c.verb.is_ancestor(best.verb) for c in unknown):
        # '"...," Hannity said in reference to Trump's promise to build a wall': a noun's
        # speaker inside what someone we cannot name says is only what they talk about
        return None
    if best.mention.kind == "person":
        # "Trump said Clinton once described the deal as ...": the words are the reporter's
        # account; an organisation relaying a person ("the ministry said Berg stressed") is not
        relay = _relaying_person(best.mention, best.verb, roster, quoted)
        if relay is not None:
            return relay
    return best.mention, best.verb


def _circumstance(inner: Token, outer: Token) -> bool:
    """Whether `inner` hangs on `outer` through an adverbial clause ("after Reed assured her",
    "Promising that ...,") rather than through what `outer` reports."""
    tok = inner
    while tok.i != outer.i and tok.head.i != tok.i:
        if tok.dep_ == "advcl":
            return True
        tok = tok.head
    return False


def _in_relative_clause(verb: Token) -> bool:
    """"said Lowe, using a term Reed has used to describe Berg": a report inside a relative
    clause only describes a noun of the sentence, so it is no deeper speaker than the one
    whose report holds it."""
    return any(t.dep_ == "relcl" for t in [verb, *verb.ancestors])


def _asks(verb: Token) -> bool:
    """'"Is Governor Lowe going to finally say the words?"': a report inside a question, with no
    quotation mark between it and the question mark, asks whether someone spoke; it reports
    nothing said ('Reed asked: "Why would we?"' keeps its cue, its question is the quotation)."""
    words = [t for t in verb.sent if not t.is_space and t.text not in QUOTES]
    if not words or words[-1].text != "?":
        return False
    return not any(t.text in QUOTES for t in verb.doc[verb.i:words[-1].i])


def _negated(verb: Token) -> bool:
    """"did not name or condemn": a negation on the first of coordinated verbs covers both."""
    heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.dep_ == "neg" for h in heads for c in h.children)


def _hypothetical(verb: Token) -> bool:
    """"would respond by saying", "may say": speech that did not (yet) happen."""
    for t in [verb, *verb.ancestors]:
        if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in t.children):
            return True
    return False


def _subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a misparsed dateline "TOKYO (AP) — Kishida said"), the nearer."""
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[-1].tag_ == "WP" and verb.dep_ == "relcl":
        return verb.head  # "said Weld, who added that ...": the one the clause is about
    if subjects:
        return None if _addressed(subjects[-1], verb) else subjects[-1]
    quoted_as = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoted_as is not None and quoted_as.lemma_.lower() == "quote":
        # "Berg was quoted as saying ...": the one quoted speaks
        return next((c for c in quoted_as.children if c.dep_ == "nsubjpass"), None)
    for c in verb.children:
        if c.dep_ in ("nsubjpass", "auxpass"):
            return None  # "were confirmed": the speaker is not the subject
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl"):
        # "when asked to do so, he left": the clause's subject is the one asked; an adverbial
        # clause with no subject of its own is a participle even where tagged past ("Asked what
        # he wants, Berg said ...")
        return None
    # "..., stating that ..." / "and stressed ..." continue the clause's subject
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        absolute = _absolute_subject(verb)
        return absolute if absolute is not None else _subject(verb.head)
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """"'It was a great discussion,' explained Macron" (or, machine-translated, "he explained
    Macron"): a name after a verb that never takes the one spoken to, behind the quotation
    it reports, is the speaker, whatever the parser made of it."""
    if verb.lemma_.lower() not in INVERTING_VERBS or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "attr") and c.i > verb.i
                 and c.ent_type_ == "PERSON"), None)


def _absolute_subject(participle: Token) -> Token | None:
    """"They remain confident despite a few supporters, such as Corker, now saying ...":
    after "despite/with/without NP", a participle is that NP's, not the clause subject's."""
    if participle.tag_ != "VBG" or participle.dep_ != "advcl":
        return None
    for prep in participle.head.children:
        if prep.dep_ == "prep" and prep.lower_ in ABSOLUTE_PREPS and prep.i < participle.i \
                and all(t.is_punct or t.is_space or t.dep_ == "advmod"
                        for t in participle.doc[prep.right_edge.i + 1:participle.i]):
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _addressed(subject: Token, verb: Token) -> bool:
    """"Mr. Trump, tell me what you will do": a name set off by a comma before an imperative
    (a bare verb with no auxiliary, not even "to") is the one spoken to, not the speaker."""
    doc = verb.doc
    comma = subject.right_edge.i + 1
    return verb.tag_ == "VB" and comma + 1 == verb.i and doc[comma].text == "," \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _mention_of(tok: Token, roster: Roster) -> Mention | None:
    """The actor a subject refers to: its head, else a person named beside it
    ("Russia's envoy, Kirill Dmitriev"), else the person or body whose voice it is
    ("the Hamas statement", "a ministry spokesman", "the Lowe campaign"). Any other noun is
    someone else: "Pagliano's lawyer said" is not Pagliano speaking."""
    if tok.i in roster.by_token:
        return roster.by_token[tok.i]
    named = _apposed_person(tok, roster)
    if named is not None:
        return named  # "his former partner, Lawrence Cummings, called": not the possessor
    near = [t for t in tok.children if t.i in roster.by_token and t.dep_ in ("compound", "poss", "nmod", "appos")]
    if tok.pos_ == "PROPN":
        return next((roster.by_token[t.i] for t in near if roster.by_token[t.i].kind == "person"), None)
    if tok.lemma_.lower() in VOICE_NOUNS:
        people = [roster.by_token[t.i] for t in near if roster.by_token[t.i].kind == "person"]
        return (people or [roster.by_token[t.i] for t in near] or [None])[0]
    return None  # "Trump's lawyer said", "a Clinton aide said": someone else speaks


def _apposed_person(tok: Token, roster: Roster) -> Mention | None:
    """"Russia's envoy, Kirill Dmitriev", "His partner at Lenox, Lawrence Cummings, called":
    the person in apposition to a subject is who it is, even where the parser hangs the
    apposition on a nearer noun ("Lenox"), as long as it closes the subject's phrase."""
    for t in tok.subtree:
        m = roster.by_token.get(t.i)
        if t.dep_ != "appos" or m is None or m.kind != "person":
            continue
        if t.head.i == tok.i or t.right_edge.i + 1 >= tok.right_edge.i:
            return m
    return None


def _unresolved_speaker(verb: Token, roster: Roster) -> bool:
    """A reporting verb whose subject names someone we could not identify ("Leavitt said")."""
    subject = _subject(verb)
    if subject is None or _mention_of(subject, roster) is not None:
        return False
    if subject.pos_ == "NOUN" and subject.text[:1].isupper() and subject.tag_ == "NN" \
            and any(t.is_alpha for t in verb.doc[subject.sent.start:subject.i]):
        return True  # '"...," Hannity said': a name the tagger took for a common noun, mid-sentence
    return subject.pos_ in ("PROPN", "PRON") and subject.lower_ not in ("it", "this", "that", "which")


def _content(verb: Token, sent: Span) -> str:
    """The reported content: the clause or object the verb governs, else the sentence."""
    doc = sent.doc
    subject = _subject(verb)
    after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")]) + 1
    if subject is not None and subject.left_edge.i > sent.start and doc[subject.left_edge.i - 1].text == "," \
            and after < sent.end and doc[after].text == ",":
        # "China, Wang pointed out, has worked hard ...": the report is set off inside the content
        return (doc[sent.start:subject.left_edge.i - 1].text + doc[after].whitespace_ + doc[after + 1:sent.end].text).strip()
    fronted = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    continued = any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj", "oprd") for c in verb.children) \
        or any(t.text in QUOTES for t in doc[verb.i + 1:sent.end])
    if fronted is not None and fronted.left_edge.i <= sent.start + 1 and not continued:
        # "Both sides agreed to deepen ties, Berg said after meeting Holm": the words before the
        # report are what was said, not the circumstances after it
        return doc[sent.start:fronted.right_edge.i + 1].text.strip(" ,")
    parts = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "acl", "prep", "oprd")
             and c.i > verb.i and c.lower_ not in ("to",)]
    if verb.lower_ == "according" or not parts:
        return sent.text.strip()
    # "told reporters in Moscow that ...": the clause is the content, not the audience
    parts = [p for p in parts if p.dep_ == "ccomp"] or parts
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
