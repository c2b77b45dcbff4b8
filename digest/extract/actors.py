"""Who is named in one article, and which tokens refer to whom.

The small English model misses or mislabels many names ("Wang" as ORG,
"Ambassador to Qatar Cao Xiaolin" as one ORG), so persons are found from
PERSON entities plus names that follow a title, and then every later bare
surname, given name, title description or pronoun is resolved to one of the
article's full names. A bare name is resolved only when exactly one person
fits, using the title that precedes it and then recency to choose; a name that
fits nobody is dropped rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import ActorMention
from ..names import PARTICLES, contains_part, parts, same_person, same_stem
from .lexicon import GROUP_NOUNS, HONORIFICS, NOT_NAME_WORDS, REPORTING_VERBS, TITLE_NOUNS
from .sentences import is_heading

ORG_LABELS = {"ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
NAME_PART = re.compile(r"^(?:[A-Z][\w'’.-]*|al-\w+|el-\w+|bin|ibn|de|da|van|von|der|le|la)$")


@dataclass
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    name: str  # canonical in-article name
    kind: str  # person | organization | country


@dataclass
class Roster:
    """The article's actors and the token spans that refer to them."""

    actors: dict[str, ActorMention] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        if any(i in self.by_token for i in range(mention.start, mention.end)):
            return
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def within(self, tokens) -> list[Mention]:
        """Mentions whose first token lies among `tokens`, in text order, once each."""
        seen, out = set(), []
        for tok in sorted(tokens, key=lambda t: t.i):
            m = self.by_token.get(tok.i)
            if m and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def described_before(self, i: int, head: str, modifiers: set[str]) -> str | None:
        """The person a description before token i stands for ("the Chinese envoy"): titles
        sharing its head noun first, then its modifiers (by nationality stem), then recency."""
        def fit(m: Mention) -> tuple[bool, int, int]:
            words = _title_words(self.actors[m.name])
            return (head in words, sum(1 for w in modifiers if any(same_stem(w, t) for t in words)), m.start)

        scored = [(fit(m), m) for m in self.mentions if m.kind == "person" and m.end <= i]
        scored = [(f, m) for f, m in scored if f[0] or f[1]]
        return max(scored, key=lambda fm: fm[0])[1].name if scored else None

    def last_org_before(self, i: int) -> str | None:
        before = [m for m in self.mentions if m.kind == "organization" and m.end <= i]
        return max(before, key=lambda m: m.start).name if before else None


def _title_words(actor: ActorMention) -> set[str]:
    return {re.sub(r"['’]s$", "", w.lower()).strip(".,'’") for t in actor.titles for w in t.split()}


def build_roster(doc: Doc) -> Roster:
    """Find the article's persons, organisations and countries and resolve references."""
    roster = Roster()
    candidates = [(span, _clean_name(span)) for span in _person_spans(doc)]
    fulls: list[str] = []
    for span, name in candidates:
        if len(parts(name)) >= 2:
            canonical = next((f for f in fulls if same_person(f, name)), None)
            if canonical is None:
                fulls.append(name)
                canonical = name
            actor = roster.actors.setdefault(canonical, ActorMention(canonical, "person", count=0))
            if name != canonical and name not in actor.aliases:
                actor.aliases.append(name)
    # Resolve every candidate (full or bare) in text order, so recency is known.
    for span, name in candidates:
        start, end = _name_bounds(span)
        if len(parts(name)) >= 2:
            canonical = next(f for f in fulls if same_person(f, name))
        else:
            canonical = _resolve_bare(roster, fulls, name, span, start)
            speaker = span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in REPORTING_VERBS
            place = span.root.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
            if canonical is None and name and (span.label_ == "PERSON" or speaker and not place) \
                    and not any(contains_part(f, name) for f in fulls):
                # "Erdogan said ..." with the full name only in another source: kept as a
                # partial name that the cross-source merge resolves or drops
                canonical = name
                roster.actors.setdefault(name, ActorMention(name, "person", count=0, partial=True))
        if canonical is None:
            continue
        roster.add(Mention(start, end, canonical, "person"))
        actor = roster.actors[canonical]
        actor.count += 1
        if name != canonical and len(parts(name)) < 2 and name not in actor.aliases:
            actor.aliases.append(name)
        if end < len(doc) and doc[end].text in SUFFIXES and f"{name} {doc[end].text}" not in actor.aliases:
            actor.aliases.append(f"{name} {doc[end].text}")  # "Joseph R. Biden Jr." as written
        if is_heading(doc[start].sent):
            continue
        for title in _titles(doc, start, end):
            if title not in actor.titles:
                actor.titles.append(title)
    roster.mentions.sort(key=lambda m: m.start)
    _add_groups(doc, roster)
    _resolve_descriptions(doc, roster)
    return roster


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, names right after a title, and capitalised words that are name parts."""
    spans = [_extend_left(e) for e in doc.ents if e.label_ == "PERSON"]
    taken = {t.i for s in spans for t in s}
    # "Ambassador to Qatar Cao Xiaolin": proper nouns closing a title phrase. After
    # "to/of/for" the run starts with the place, so only its last two words are the name.
    for tok in doc:
        if tok.lower_ not in TITLE_NOUNS:
            continue
        j = tok.i + 1
        prep = j < len(doc) and doc[j].lower_ in ("to", "of", "for")
        j += prep
        j += j < len(doc) and doc[j].lower_ == "the"
        k = j
        while k < len(doc) and doc[k].pos_ == "PROPN" and NAME_PART.match(doc[k].text):
            k += 1
        if prep and k - j >= 3:
            j = k - 2
        if 2 <= k - j <= 4 and not any(i in taken for i in range(j, k)):
            spans.append(doc[j:k])
            taken.update(range(j, k))
    # Runs of capitalised words the model labelled ORG/GPE or nothing, in a person's place.
    for span in _proper_runs(doc):
        if not any(i in taken for i in range(span.start, span.end)) and _in_person_slot(span, doc):
            spans.append(span)
            taken.update(range(span.start, span.end))
    # Capitalised single words that may be a bare surname or given name ("Wang", "Kejian").
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not NAME_PART.match(tok.text) or len(tok.text) < 2:
            continue
        spans.append(doc[tok.i:tok.i + 1])
    spans.sort(key=lambda s: s.start)
    return spans


def _extend_left(ent: Span) -> Span:
    """"Sameh Hassan Shoukry" tagged as "Hassan Shoukry": take in capitalised name words before it."""
    doc, start = ent.doc, ent.start
    while start > 0 and start > ent.start - 2:
        tok = doc[start - 1]
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "PERSON") or not NAME_PART.match(tok.text) \
                or tok.lower_ in TITLE_NOUNS or tok.lower_ in NOT_NAME_WORDS:
            break
        start -= 1
    return doc[start:ent.end] if start < ent.start else ent


def _in_slug(tok: Token) -> bool:
    """A word glued to hyphens or slashes on both sides belongs to a URL or file name."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text in ("-", "/", "_") and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "/", "_", ".") and not tok.whitespace_
    return before and after


def _proper_runs(doc: Doc):
    """Maximal runs of 2-4 capitalised proper nouns (initials allowed inside)."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and NAME_PART.match(doc[j].text) and not doc[j].is_sent_start or (
                j == i and j < len(doc) and doc[j].pos_ == "PROPN" and NAME_PART.match(doc[j].text)):
            j += 1
            # "Díaz-Canel": a hyphen with no space on either side joins two name parts
            if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                    and NAME_PART.match(doc[j + 1].text):
                j += 1
        start = i
        while start < j and doc[start].ent_type_ in ("GPE", "LOC", "NORP"):
            start += 1  # "the Philippines Teodoro L Locsin": the place belongs to the title
        if 2 <= j - start <= 4 and not INITIALS.match(doc[j - 1].text):
            yield doc[start:j]
        i = max(j, i + 1)


def _in_person_slot(span: Span, doc: Doc) -> bool:
    """A name-shaped run stands where a person does: after a title, in apposition with a
    title, as the speaker of a reporting verb, after "<Country>'s", or its last word is
    labelled PERSON elsewhere in the article."""
    if not _looks_like_name(span):
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in TITLE_NOUNS:
        return True
    if any(c.dep_ == "appos" and (c.lower_ in TITLE_NOUNS or any(t.lower_ in TITLE_NOUNS for t in c.lefts))
           for c in root.children):
        return True
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS:
        return True
    before = [t for t in doc[max(0, span.start - 8):span.start]]
    for t in reversed(before):
        if t.lower_ in TITLE_NOUNS:
            return True
        if not (t.pos_ in ("PROPN", "ADP", "DET", "ADJ", "NOUN", "PART") or t.text in ("'s", "’s", "-")):
            break
    if len(before) >= 2 and before[-1].text in ("'s", "’s") and before[-2].ent_type_ == "GPE":
        return True
    last = span[-1].text
    return any(e.label_ == "PERSON" and e[-1].text == last for e in doc.ents)


def _name_bounds(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in TITLE_NOUNS or span.doc[start].lower_ in HONORIFICS
                           or span.doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (span.doc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", "-")
                           or span.doc[end - 1].text in SUFFIXES):
        end -= 1
    return start, end


def _clean_name(span: Span) -> str:
    start, end = _name_bounds(span)
    text = span.doc[start:end].text if end > start else ""
    text = re.sub(r"['’]s$", "", text).strip(" ,.-")
    if not text or not all(NAME_PART.match(w) for w in text.split()) or any(c.isdigit() for c in text):
        return ""
    if not _looks_like_name(span.doc[start:end]):
        return ""
    return text


def _looks_like_name(span: Span) -> bool:
    """Reject spans with words that name things, not people ("Arab League", "Wang's Trip").

    A capitalised word is not a name part when it is a known place/organisation
    word, an all-caps or dotted abbreviation, or when the same article uses it as an
    ordinary lower-case word ("trip", "issue").
    """
    lower_words = span.doc.user_data.get("lower_words")
    if lower_words is None:
        lower_words = {t.text for t in span.doc if t.is_alpha and t.text.islower() and t.pos_ in ("NOUN", "VERB", "ADJ")
                       and not _in_slug(t)}
        span.doc.user_data["lower_words"] = lower_words
    for tok in span:
        word = tok.text.lower()
        if tok.text in ("'s", "’s", "-") or word in PARTICLES:
            continue
        if INITIALS.match(tok.text) and tok.i < span.end - 1:
            continue
        inner = span.start < tok.i < span.end - 1 and word in ("sheikh", "sheik", "shaikh")
        if word in NOT_NAME_WORDS or word in TITLE_NOUNS and not inner or "." in tok.text \
                or tok.text.isupper() and len(tok) > 1:
            return False
        if word in lower_words:
            return False
    return True


def _resolve_bare(roster: Roster, fulls: list[str], name: str, span: Span, start: int) -> str | None:
    """A bare name part -> the one full name it belongs to, or None when none or several fit."""
    if not name:
        return None
    fitting = [f for f in fulls if contains_part(f, name)]
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    pre = _pre_title(span.doc, start)
    if pre:
        words = {w.lower() for w in pre.split()}
        titled = [f for f in fitting if words & _title_words(roster.actors[f])]
        if len(titled) == 1:
            return titled[0]
    recent = [m for m in roster.mentions if m.name in fitting and m.end <= start]
    return max(recent, key=lambda m: m.start).name if recent else None


def _pre_title(doc: Doc, start: int) -> str | None:
    """"Chinese Foreign Minister" in "Chinese Foreign Minister Wang Yi": the title before a name."""
    i = start - 1
    words: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.ent_type_ == "PERSON":
            break
        if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.text in ("'s", "’s") or (
                tok.lower_ in ("to", "of", "for", "the") and words):
            words.insert(0, tok)
            i -= 1
            continue
        break
    while words and words[0].lower_ in ("to", "of", "for", "the", "'s", "’s"):
        words.pop(0)
    if not any(w.lower_ in TITLE_NOUNS for w in words):
        return None
    return doc[words[0].i:words[-1].i + 1].text


def _titles(doc: Doc, start: int, end: int) -> list[str]:
    """Titles given to the name at [start, end): before it, or in apposition."""
    out = []
    pre = _pre_title(doc, start)
    if pre:
        out.append(pre)
    head = doc[end - 1]
    # "Wang Kejian, an ambassador for ...," : an appositive after the name
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            out.append(_np_text(doc, child, exclude=range(start, end)))
    # "the Deputy Director-General of the Ministry, Rachel Feinmesser": the name is the appositive
    if head.dep_ == "appos" and head.head.i < start:
        target = head.head
        # "ambassador to Qatar, Cao Xiaolin" is often parsed as apposition to "Qatar"
        while target.lower_ not in TITLE_NOUNS and target.dep_ in ("pobj", "prep") and target.head.i != target.i:
            target = target.head
        if target.lower_ not in TITLE_NOUNS:
            target = head.head
        out.append(_np_text(doc, target, exclude=range(start, end)))
    if not out and start >= 2 and doc[start - 1].text == ",":
        out.append(_preceding_title(doc, start - 1))
    return [t for t in out if t and any(w.lower().strip(",") in TITLE_NOUNS for w in re.split(r"[\s-]", t))]


def _preceding_title(doc: Doc, comma: int) -> str:
    """"..., the ministry's Acting Deputy Director-General for Asia-Pacific Affairs, Hagai
    Shagrir": a title phrase closing just before the comma that introduces the name."""
    i, words = comma - 1, []
    while i >= 0 and len(words) < 16:
        tok = doc[i]
        if tok.ent_type_ == "PERSON":
            return ""
        if tok.pos_ in ("PROPN", "NOUN", "ADJ", "DET") or tok.text in ("'s", "’s", "-") or tok.lower_ in ("of", "for", "to"):
            words.insert(0, tok)
            i -= 1
            continue
        break
    while words and (words[0].pos_ == "DET" or words[0].lower_ in ("of", "for", "to", "-")):
        words.pop(0)
    if not any(w.lower_ in TITLE_NOUNS for w in words):
        return ""
    return doc[words[0].i:words[-1].i + 1].text


def _np_text(doc: Doc, head: Token, exclude: range) -> str:
    """The noun phrase under `head`, without the name itself, leading articles or trailing commas."""
    toks = [t for t in head.subtree if t.i not in exclude]
    # stop at the first comma after the head: the phrase ends there
    out = []
    for t in toks:
        if t.i > head.i and t.text in (",", ";", "(", "—", "–") or t.dep_ in ("relcl", "acl") and t.i > head.i:
            break
        if t.i < head.i and t.text in (",",):
            out = []
            continue
        out.append(t)
    # "... at the country's Foreign Affairs Ministry": the model often cuts the phrase at "'s"
    while out and out[-1].i + 2 < len(doc) and doc[out[-1].i + 1].text in ("'s", "’s") and \
            doc[out[-1].i + 2].pos_ in ("PROPN", "NOUN"):
        j = out[-1].i + 2
        while j < len(doc) and doc[j].pos_ in ("PROPN", "NOUN") and j not in exclude:
            j += 1
        out.extend(doc[out[-1].i + 1:j])
    while out and out[0].lower_ in ("a", "an", "the", ","):
        out.pop(0)
    while out and out[-1].text in (",", ".", "'s", "’s"):
        out.pop()
    if not out or len(out) > 20 or any(t.ent_type_ == "PERSON" for t in out):
        return ""
    return doc[out[0].i:out[-1].i + 1].text


def _add_groups(doc: Doc, roster: Roster) -> None:
    """Organisations (ORG) and places (GPE) as actors; the merge keeps only those that act."""
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS | {"GPE"}:
            continue
        if any(i in roster.by_token for i in range(ent.start, ent.end)):
            continue
        name = re.sub(r"^(the|a|an)\s+", "", ent.text, flags=re.I)
        name = re.sub(r"['’]s?$", "", name).strip()
        if not name or not name[0].isupper():
            continue
        kind = "organization" if ent.label_ in ORG_LABELS else "country"
        actor = roster.actors.setdefault(name, ActorMention(name, kind, count=0))
        actor.count += 1
        roster.add(Mention(ent.start, ent.end, name, kind))
    roster.mentions.sort(key=lambda m: m.start)


def _resolve_descriptions(doc: Doc, roster: Roster) -> None:
    """Pronouns and title descriptions ("he", "the Chinese envoy", "the group") -> actors."""
    for tok in doc:
        if tok.i in roster.by_token or tok.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "agent"):
            continue
        if tok.lower_ in ("he", "she", "his", "her", "him"):
            name = _antecedent(doc, roster, tok)
            if name:
                roster.add(Mention(tok.i, tok.i + 1, name, "person"))
        elif tok.lower_ in ("they", "we") and tok.dep_ == "nsubj":
            # "The group said they had met ...": the speaker of the embedding report
            speaker = _reporting_subject(tok.head, roster)
            if speaker is not None and speaker.kind == "organization":
                roster.add(Mention(tok.i, tok.i + 1, speaker.name, speaker.kind))
        elif tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            if tok.lower_ in TITLE_NOUNS and not any(c.dep_ in ("appos", "prep", "relcl", "acl") and c.pos_ != "PRON"
                                                     for c in tok.children):
                # only a bare description ("the Chinese envoy"); "the president of Cuba, X" names its own holder
                modifiers = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
                name = roster.described_before(tok.i, tok.lower_, modifiers)
                if name:
                    roster.add(Mention(tok.left_edge.i, tok.i + 1, name, "person"))
            elif tok.lower_ in GROUP_NOUNS:
                name = roster.last_org_before(tok.i)
                if name:
                    roster.add(Mention(tok.left_edge.i, tok.i + 1, name, "organization"))
    roster.mentions.sort(key=lambda m: m.start)



def _reporting_subject(verb: Token, roster: Roster) -> Mention | None:
    """The actor speaking in the reporting clause that embeds `verb`, if any."""
    t = verb
    while t.dep_ in ("ccomp", "conj") and t.head.i != t.i:
        t = t.head
        for c in t.children:
            if c.dep_ == "nsubj" and c.i in roster.by_token:
                return roster.by_token[c.i]
    return None


def _antecedent(doc: Doc, roster: Roster, pronoun: Token) -> str | None:
    """The person a he/she refers to, preferring subjects (centering).

    Within the pronoun's own sentence, the latest person who is a subject before
    it; otherwise, going back up to three sentences, the main-clause subject of
    the nearest sentence that names a person, else that sentence's first person.
    "Ushakov added that Putin emphasised ... . '...,' he said": he = Ushakov.
    """
    sent = pronoun.sent
    # "After his talks with Tusk, Zelenskiy ...": a pronoun in a fronted phrase points forward
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    fronted = next((c for c in root.children if c.dep_ in ("prep", "advcl", "npadvmod")
                    and c.left_edge.i <= pronoun.i <= c.right_edge.i), None)
    if subject is not None and fronted is not None and fronted.i < subject.i:
        m = roster.by_token.get(subject.i)
        if m is not None and m.kind == "person":
            return m.name
    here = [m for m in roster.mentions if m.kind == "person" and sent.start <= m.start and m.end <= pronoun.i]
    subjects = [m for m in here if doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[-1].name
    if here and pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return here[-1].name
    sentences = doc.user_data.get("sentences")
    if sentences is None:
        sentences = doc.user_data["sentences"] = list(doc.sents)
        doc.user_data["sentence_index"] = {s.start: i for i, s in enumerate(sentences)}
    index = doc.user_data["sentence_index"][sent.start]
    for prev in reversed(sentences[max(0, index - 3):index]):
        people = [m for m in roster.mentions if m.kind == "person" and prev.start <= m.start < prev.end]
        if not people:
            continue
        main = [m for m in people if doc[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass")
                and doc[m.start:m.end].root.head.dep_ == "ROOT"]
        return (main or people)[0].name
    return here[-1].name if here else None
