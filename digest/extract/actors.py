"""Who is named in one article, and which names refer to whom.

Candidate names come from people.py (which works around the small model's
missed and mislabelled names); here every bare surname, given name, initialism
or transcript speaker label is resolved to one of the article's full names, and
organisations and places are added. A bare name is resolved only when exactly one
person fits, using the title that precedes it and then recency to choose; a name
that fits nobody is dropped rather than guessed. Pronouns and descriptions are
resolved afterwards, against the finished roster, in references.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import ActorMention
from ..names import contains_part, is_country, is_suffix, parts, plain, same_person, same_stem, standings
from .people import clean_name, name_bounds, person_spans
from .places import find_dateline_place, in_dateline
from .sentences import is_heading
from ..vocabulary import (GROUP_NOUNS, HONORIFICS, LOWER_IN_TITLES, ONE_NAME_TITLES, PLACE_PREPS, REPORTING_VERBS, TITLE_COMPLEMENT_PREPS, TITLE_NOUNS,
                          TRAVEL_VERBS, TRIP_NOUNS)

ORG_LABELS = {"ORG"}
# A transcript turn's label: "PRESIDENT XI:", "JAMES KILA, PRIME MINISTER OF LAKELAND:" (the office
# after a comma), or in mixed case "French President Nicolas Sarkozy:" when it holds a tagged name.
SPEAKER_LABEL = re.compile(r"^[ \t]*((?:[A-Z][A-Z.'’-]*[ \t]+){0,5}[A-Z][A-Z.'’-]*)(?:,[ \t]+([A-Z][A-Z .'’-]*))?[ \t]*:"
                           # mixed case, an office "of" a country before the name, a translator's
                           # note after it ("President of Russia Dmitry Medvedev:", "... Rudd (Retranslated):")
                           r"|^[ \t]*((?:(?:[A-Z][\w'’.-]*|of|the)[ \t]+){1,7}[A-Z][\w'’.-]*)"
                           r"(?:[ \t]*\([A-Za-z ]{1,30}\))?[ \t]*:(?=[ \t]+\S)", re.MULTILINE)
# A parliamentary record's turn: the member's name with constituency and party on a line of
# its own ("Ann Berg (Oslo North, Labour)", after it maybe " | source" chrome). The bracket is
# a form no dateline takes, so one such line is a turn.
MEMBER_LABEL = re.compile(r"^[ \t]*((?:[A-Z][\w'’.-]*[ \t]+){1,3}[A-Z][\w'’.-]*)[ \t]*"
                          r"\([A-Z][^(),\n]*(?:,[ \t]*[A-Z][^(),\n]*)+\)[ \t]*(?:\|[^\n]*)?$", re.MULTILINE)


@dataclass
class Mention:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    name: str  # canonical in-article name
    kind: str  # person | organization | country | office (an unnamed holder, meeting parties only)


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
    """Find the article's persons, organisations and countries and the names that refer to them.

    Pronouns and descriptions are left to references.resolve_descriptions, which needs
    the finished roster (and imports this module, so it cannot be called from here)."""
    roster = Roster()
    filed_from = (find_dateline_place(doc) or "").lower()  # that city elsewhere in the text is a place too
    candidates = [(span, _one_name(span, clean_name(span))) for span in person_spans(doc)
                  if not in_dateline(span) and span.text.lower() != filed_from]
    spaced = [n for _, n in candidates if len(n.split()) >= 2]
    # "the Tinubu-Mahama meeting": two people's surnames joined, not one person's name
    # nationalities: tagged so, or used before a title ("Kazakh President", "Uzbek Minister")
    demonyms = {t.lower_ for t in doc if t.ent_type_ == "NORP" or t.i + 1 < len(doc) and t.text[:1].isupper()
                and doc[t.i + 1].lower_ in TITLE_NOUNS}
    groups = _named_groups(doc)
    candidates = [(span, "" if _pair_of_surnames(name, spaced) or _pair_of_nations(name, demonyms) or name in groups
                   or _opens_title(span, name, spaced) or _destination(span, name, candidates)
                   or _names_country(span, name) and not any(f != name and contains_part(f, name) for f in spaced)
                   else name)
                  for span, name in candidates]
    fulls: list[str] = []
    held: dict[str, set[str]] = defaultdict(set)  # the standings each full name is given anywhere
    for span, name in candidates:
        if len(parts(name)) >= 2:
            canonical = next((f for f in fulls if same_person(f, name)), None)
            if canonical is None:
                fulls.append(name)
                canonical = name
            actor = roster.actors.setdefault(canonical, ActorMention(canonical, "person", count=0))
            if name != canonical and name not in actor.aliases:
                actor.aliases.append(name)
            held[canonical] |= standings(" ".join(_titles(doc, *name_bounds(span))))
    # Resolve every candidate (full or bare) in text order, so recency is known.
    for span, name in candidates:
        start, end = name_bounds(span)
        if len(parts(name)) >= 2:
            canonical = next(f for f in fulls if same_person(f, name))
        else:
            pre = _pre_title(doc, start)
            fitting = [f for f in fulls if contains_part(f, name)] if name else []
            # "President Bush" beside "First Lady Laura Bush": the full names of that surname
            # hold another standing, so it is someone else, not named in full
            other = bool(fitting) and all(_other_standing(pre, held[f]) for f in fitting)
            canonical = None if other else _resolve_bare(roster, fulls, name, span, start)
            speaker = span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in REPORTING_VERBS
            place = span.root.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
            # "President Bush": a name the model tags, right after a title noun (not after "<title>
            # of", where the words complete the title: "Chief of General Intelligence")
            titled = bool(name) and pre is not None and doc[start - 1].lower_ in TITLE_NOUNS \
                and doc[start].ent_type_ == "PERSON" \
                and not any(w.lower() in TITLE_COMPLEMENT_PREPS for w in pre.split())
            if canonical is None and name and (span.label_ == "PERSON" or speaker and not place or titled) \
                    and (other or not fitting):
                # "Erdogan said ..." with the full name only in another source: kept as a
                # partial name that the cross-source merge resolves, or keeps when written
                # with a title ("President Bush"), or drops
                canonical = name
                actor = roster.actors.setdefault(name, ActorMention(name, "person", count=0, partial=True))
                if titled and (actor.titled is None or len(pre) < len(actor.titled) - len(name) - 1):
                    actor.titled = f"{pre} {name}"
        if canonical is None:
            continue
        roster.add(Mention(start, end, canonical, "person"))
        actor = roster.actors[canonical]
        actor.count += 1
        if name != canonical and len(parts(name)) < 2 and name not in actor.aliases:
            actor.aliases.append(name)
        if end < len(doc) and is_suffix(doc[end].text) and f"{name} {doc[end].text}" not in actor.aliases:
            actor.aliases.append(f"{name} {doc[end].text}")  # "Joseph R. Biden Jr." as written
        if is_heading(doc[start].sent):
            continue
        for title in _titles(doc, start, end):
            if title not in actor.titles:
                actor.titles.append(title)
    _counterpart_titles(doc, roster)
    _add_initials(doc, roster, fulls)
    _add_speaker_labels(doc, roster, fulls)
    roster.mentions.sort(key=lambda m: m.start)
    _add_groups(doc, roster, groups)
    return roster


def _names_country(span: Span, name: str) -> bool:
    """A country's name, or its people's ("Papua New Guineans"), or its last words when the
    model cut the first off ("Papua | New Guinea"): no person."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    people = [name[:-len(end)] for end in ("ns", "s", "n") if name.endswith(end)]
    return any(is_country(n) for n in (name, f"{before} {name}", *people))


def _named_groups(doc: Doc) -> set[str]:
    """Names the text introduces as a group ("Somali militant group al-Shabab", "the rebel
    movement M23"), whatever the model tags them: organisations wherever they occur."""
    return {ent.text for ent in doc.ents if ent.label_ == "PERSON" and ent.start > 0
            and doc[ent.start - 1].lower_ in GROUP_NOUNS}


def _counterpart_titles(doc: Doc, roster: Roster) -> None:
    """"Salvadoran President Nayib Bukele met with his Argentine counterpart Javier Milei":
    a counterpart holds the same office as the subject whose counterpart he is, in his own
    nation, so Milei is "Argentine President". Only for a person no title names otherwise."""
    nations = {t.lower_ for t in doc if t.ent_type_ == "NORP"}
    for m in list(roster.mentions):
        actor = roster.actors.get(m.name)
        counterpart = doc[m.start - 1] if m.start > 0 else None
        if actor is None or actor.kind != "person" or actor.titles or counterpart is None \
                or counterpart.lower_ != "counterpart":
            continue
        verb = next((a for a in counterpart.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        holder = roster.by_token.get(subject.i) if subject is not None else None
        if holder is None or holder.kind != "person" or not roster.actors[holder.name].titles:
            continue
        office = [w for w in roster.actors[holder.name].titles[0].split()
                  if w.lower() not in nations and not w.endswith(("'s", "’s"))]
        nation = [t.text for t in counterpart.children if t.dep_ == "amod" and t.ent_type_ == "NORP"]
        if any(w.lower() in TITLE_NOUNS for w in office):
            actor.titles.append(" ".join([*nation, *office]))


def _one_name(span: Span, name: str) -> str:
    """"King Abdullah", "Pope Francis": a single name after a monarch's or pope's title is
    named with it, as English does, rather than left as a bare name to resolve."""
    start, end = name_bounds(span)
    alone = end >= len(span.doc) or span.doc[end].pos_ != "PROPN"  # not the first of several names
    if len(parts(name)) == 1 and alone and start > 0 and span.doc[start - 1].lower_ in ONE_NAME_TITLES:
        first = start - 2 if start > 1 and span.doc[start - 2].lower_ == "crown" else start - 1
        return f"{span.doc[first:start].text} {name}"  # "Crown Prince Hussein"
    return name


def _pair_of_surnames(name: str, fulls: list[str]) -> bool:
    halves = name.split("-")
    if " " in name or len(halves) != 2:
        return False
    owners = [{f for f in fulls if contains_part(f, h)} for h in halves]
    return all(owners) and not owners[0] & owners[1]


def _opens_title(span: Span, name: str, spaced: list[str]) -> bool:
    """"Ugandan President Sam Okello" with "Ugandan" tagged a person: one word that no full
    name of the article holds, right before a title and the name it titles, is the title's
    nationality."""
    doc, i = span.doc, span.end
    if " " in name or any(contains_part(f, name) for f in spaced):
        return False
    words = []
    while i < len(doc) and len(words) < 4 and doc[i].ent_type_ != "PERSON" and doc[i].text[:1].isupper():
        words.append(doc[i].lower_)  # "Foreign Minister", "Prime Minister"
        i += 1
    return bool(set(words) & TITLE_NOUNS) and i < len(doc) and doc[i].ent_type_ == "PERSON"


def _destination(span: Span, name: str, candidates: list[tuple[Span, str]]) -> bool:
    """"Lula's trip to Buenos Aires", "arrived in Kota Baru", "visited Oslo": where a trip goes,
    named once and with no title, is a place whatever the model tags it ("a visit to President
    X" is a person's)."""
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and (before.lower_ in TITLE_NOUNS or before.lower_ in HONORIFICS) \
            or sum(n == name for _, n in candidates) > 1:
        return False
    root = span.root
    prep = root.head
    if root.dep_ == "dobj" and prep.pos_ == "VERB" and prep.lemma_.lower() in ("visit", "tour"):
        # "visited Oslo", not "visited Otieno" after "President Joseph Otieno"
        return not any(n != name and contains_part(n, name) for _, n in candidates)
    going = prep.head.lemma_.lower() in (TRAVEL_VERBS if prep.head.pos_ == "VERB" else TRIP_NOUNS)
    return root.dep_ == "pobj" and prep.lower_ in ("to", "in") and going


def _pair_of_nations(name: str, demonyms: set[str]) -> bool:
    """"Kazakh-Uzbek ties": nationalities the article uses as such, joined, are no person."""
    halves = name.lower().split("-")
    return " " not in name and len(halves) >= 2 and all(h in demonyms for h in halves)


def _add_initials(doc: Doc, roster: Roster, fulls: list[str]) -> None:
    """"MBS", "AMLO": capitals that spell the initials of exactly one person's full name of
    three or more words stand for that person."""
    spelled: dict[str, list[str]] = {}
    for full in fulls:
        words = re.findall(r"[^\W\d_]+", full)
        if len(words) >= 3:
            spelled.setdefault("".join(w[0] for w in words).upper(), []).append(full)
    for tok in doc:
        names = spelled.get(tok.text)
        if names and len(names) == 1 and tok.i not in roster.by_token:
            roster.add(Mention(tok.i, tok.i + 1, names[0], "person"))
            actor = roster.actors[names[0]]
            actor.count += 1
            if tok.text not in actor.aliases:
                actor.aliases.append(tok.text)


def speaker_labels(doc: Doc) -> list[tuple[Span, list[str], list[str]]]:
    """Transcript turns: "PRESIDENT BIDEN:", "MR. KIRBY:", "Q:" at the start of a line, as
    (label span, title words, name words). Only in a transcript, i.e. two or more such
    lines or one that gives a name and its office, and only labels with a title or nothing
    but a name, so that a dateline ("WASHINGTON:") is not a speaker. Read once per article: the roster and the
    positions both need them."""
    if doc._.speaker_labels is not None:
        return doc._.speaker_labels
    found, offices = [], 0
    for match in SPEAKER_LABEL.finditer(doc.text):
        group = 1 if match.group(1) else 3
        span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
        if span is None:
            continue
        words = match.group(group).split()
        if group == 3:
            # mixed case: only a name the model tags, after its title ("French President | Nicolas Sarkozy")
            # ... or the capitalised words after an office "of" a country ("President of Russia |
            # Dmitry Medvedev"), which the model may leave untagged in a label
            country = max((k for k, t in enumerate(span) if t.ent_type_ in ("GPE", "NORP", "LOC")), default=-1)
            after_country = country > 0 and any(t.lower_ == "of" for t in span[:country]) \
                and 2 <= len(span) - country - 1 <= 4
            if not any(t.ent_type_ == "PERSON" for t in span) and not after_country:
                continue
            last = max((k for k, w in enumerate(words) if w.lower().strip(".") in TITLE_NOUNS), default=-1)
            if any(w in ("of", "the") for w in words[last + 1:]):
                # "President of Russia Dmitry Medvedev": the office runs on to the name
                last = next((k for k, t in enumerate(span) if t.ent_type_ == "PERSON" and not is_country(t.text)),
                            country + 1) - 1  # "Denmark | Lars Holm", tagged as one name
            titles, names = words[:last + 1], words[last + 1:]
        else:
            # titles lead ("PRIME MINISTER LEE"); a title word after a name is a surname ("JULIE BISHOP")
            lead = next((k for k, w in enumerate(words) if w.lower().strip(".") not in TITLE_NOUNS | {"of", "state"}),
                        len(words))
            titles, names = words[:lead], [w.title() for w in words[lead:]]
            titles += [w.lower() if w.lower() in LOWER_IN_TITLES else w for w in (match.group(2) or "").split()]
            offices += bool(match.group(2) and names)
        found.append((span, titles, names))
    members = [(span, [], match.group(1).split()) for match in MEMBER_LABEL.finditer(doc.text)
               if (span := doc.char_span(match.start(1), match.end(1), alignment_mode="expand")) is not None]
    # one "JAMES KILA, PRIME MINISTER OF LAKELAND:" is a turn too: no dateline has a name and an office
    found = found if len(found) >= 2 or offices else []
    doc._.speaker_labels = sorted(found + members, key=lambda label: label[0].start)
    return doc._.speaker_labels


def label_speaker(roster: Roster, start: int, end: int) -> Mention | None:
    """Who a turn label names: its person ("President of Russia Dmitry Medvedev:", not the
    country of the office), else whatever it names ("Q:" names nobody)."""
    named = [roster.by_token[i] for i in range(start, end) if i in roster.by_token]
    return next((m for m in named if m.kind == "person"), named[0] if named else None)


def speaker_turns(doc: Doc, roster: Roster) -> list[tuple[Mention | None, Span]]:
    """Each transcript turn: the one its label names (None when the roster knows nobody
    there) and its words, from the label to the next one."""
    labels = [span for span, _, _ in speaker_labels(doc)]
    turns = []
    for k, label in enumerate(labels):
        speaker = label_speaker(roster, label.start, label.end)
        turns.append((speaker, doc[label.end:labels[k + 1].start if k + 1 < len(labels) else len(doc)]))
    return turns


def _add_speaker_labels(doc: Doc, roster: Roster, fulls: list[str]) -> None:
    """A turn's label names its speaker: a full name as any other, a titled surname
    ("PRESIDENT XI") resolved like a bare name or kept partial for the merge."""
    for span, titles, names in speaker_labels(doc):
        name = " ".join(names)
        if not names or not titles and len(names) < 2:
            continue
        if len(parts(name)) >= 2:
            canonical = next((f for f in fulls if same_person(f, name)), name)
        else:
            fitting = [f for f in fulls if contains_part(f, name)]
            canonical = fitting[0] if len(fitting) == 1 else None
        if canonical is None:
            canonical = name
            roster.actors.setdefault(name, ActorMention(name, "person", count=0, partial=True))
        actor = roster.actors.setdefault(canonical, ActorMention(canonical, "person", count=0))
        actor.count += 1
        title = " ".join(w if w.islower() else w.title() for w in titles)
        if titles and title not in actor.titles and title.lower() not in HONORIFICS:
            actor.titles.append(title)
        # "President of Russia | Dmitry Medvedev:", the country already a mention: the name's words
        start = span.start if not any(i in roster.by_token for i in range(span.start, span.end)) \
            else max(span.start, span.end - len(names))
        roster.add(Mention(start, span.end, canonical, "person"))


def _resolve_bare(roster: Roster, fulls: list[str], name: str, span: Span, start: int) -> str | None:
    """A bare name part -> the one full name it belongs to, or None when none or several fit."""
    if not name:
        return None
    fitting = [f for f in fulls if contains_part(f, name)]
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    honorific = span.doc[start - 1].lower_ if start > 0 else ""
    if honorific in HONORIFICS:
        # "Mr. Trump" after Ivanka Trump is named: whoever "Mr. Trump" was before
        same = {m.name for m in roster.mentions if m.name in fitting and m.start > 0
                and span.doc[m.start - 1].lower_ == honorific}
        if len(same) == 1:
            return same.pop()
    pre = _pre_title(span.doc, start)
    if pre:
        words = {w.lower() for w in pre.split()}
        titled = [f for f in fitting if words & _title_words(roster.actors[f])]
        if len(titled) == 1:
            return titled[0]
    # of several, one holding a title (an official, the first lady) before others (an artisan)
    titled = [f for f in fitting if roster.actors[f].titles]
    if len(titled) == 1:
        return titled[0]
    recent = [m for m in roster.mentions if m.name in fitting and m.end <= start]
    return max(recent, key=lambda m: m.start).name if recent else None


def _other_standing(pre: str | None, held: set[str]) -> bool:
    """The bare name's title gives a standing the full-named person is never given, and they
    are given one of their own: "President Bush" is not "First Lady Laura Bush"."""
    said = standings(pre)
    return bool(said) and bool(held) and not said & held


def _pre_title(doc: Doc, start: int) -> str | None:
    """"Chinese Foreign Minister" in "Chinese Foreign Minister Wang Yi": the title before a name."""
    i = start - 1
    words: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" and tok.lower_ not in TITLE_NOUNS and not is_country(tok.text):
            break  # another name; but the model tags a title alone as one ("Archbishop | of Canterbury X"),
            # and a country as a person ("Niger | President X")
        # "Secretary-General": a hyphen inside a word keeps the title whole
        joined = tok.text == "-" and i > 0 and not doc[i - 1].whitespace_ and not tok.whitespace_
        # "Director of the Office of His Majesty Jafar Hassan": a sovereign's style inside the title
        styled = tok.lower_ in ("his", "her") and i > 0 and doc[i - 1].lower_ == "of" and words \
            and words[0].lower_ in HONORIFICS
        if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.text in ("'s", "’s") or joined or styled or (
                tok.lower_ in ("to", "of", "for", "the") and words):
            words.insert(0, tok)
            i -= 1
            continue
        break
    # "commend the leadership of President Obama": a title goes on past "of" only from its own
    # noun ("Secretary of State", "Prime Minister of Armenia"), never from a noun of the sentence
    joint = [k for k, w in enumerate(words) if w.lower_ in TITLE_COMPLEMENT_PREPS and k > 0]
    cut = next((k for k in reversed(joint)
                if words[k - 1].lower_ not in TITLE_NOUNS and not _names_a_body(words[:k])), None)
    if cut is not None:  # "with the participation of | Chairperson of the Commission X"
        words = words[cut + 1:]
    while words and words[0].lower_ in ("to", "of", "for", "the", "'s", "’s"):
        words.pop(0)
    # "Qatar's Emir Sheikh Tamim": the honorific belongs to the name; after an adjective
    # ("first lady Kim") it is the title's own noun
    while words and words[-1].lower_ in HONORIFICS | {"sheikh", "sheik", "shaikh"} \
            and not (len(words) > 1 and (words[-2].pos_ == "ADJ" or words[-2].lower_ == "first")) \
            and not (len(words) > 2 and words[-2].lower_ in ("his", "her") and words[-3].lower_ == "of"):
        words.pop()
    while words and words[-1].lower_ == "the":
        words.pop()  # "Senator the Hon Marise Payne"
    if any(w.lower_ == "counterpart" for w in words):
        # "his Chinese counterpart Foreign Minister Wang Yi": the office after "counterpart",
        # with the nationality before it ("Chinese Foreign Minister")
        at = next(k for k, w in enumerate(words) if w.lower_ == "counterpart")
        office = words[at + 1:]
        if not any(w.lower_ in TITLE_NOUNS for w in office):
            return None
        return " ".join([*(w.text for w in words[:at] if w.ent_type_ == "NORP"), doc[office[0].i:office[-1].i + 1].text])
    if not any(w.lower_ in TITLE_NOUNS for w in words):
        return None
    return doc[words[0].i:words[-1].i + 1].text


def _names_a_body(words: list[Token]) -> bool:
    """"Director of the Office" (of His Majesty): a title noun, then only the capitalised name
    of the body it heads, so the title goes on past the next "of"."""
    at = next((k for k in range(len(words) - 1, -1, -1) if words[k].lower_ in TITLE_NOUNS), None)
    return at is not None and all(w.text[:1].isupper() or w.lower_ in ("of", "the", "for", "and")
                                  for w in words[at + 1:])


def _titles(doc: Doc, start: int, end: int) -> list[str]:
    """Titles given to the name at [start, end): before it, or in apposition."""
    out = []
    pre = _pre_title(doc, start)
    if pre:
        out.append(pre)
    head = doc[end - 1]
    # "Wang Kejian, an ambassador for ...," : an appositive after the name
    for child in head.children:
        # not the next of a list the model sets in apposition ("Macron, Chancellor of Germany Olaf Scholz")
        if child.dep_ == "appos" and child.i > head.i and not any(t.ent_type_ == "PERSON" for t in child.subtree):
            out.append(_np_text(doc, child, exclude=range(start, end)))
    # "the Deputy Director-General of the Ministry, Rachel Feinmesser": the name is the appositive
    if head.dep_ == "appos" and head.head.i < start:
        target = head.head
        # "ambassador to Qatar, Cao Xiaolin" is often parsed as apposition to "Qatar"
        while target.lower_ not in TITLE_NOUNS and target.dep_ in ("pobj", "prep") and target.head.i != target.i:
            target = target.head
        if target.lower_ not in TITLE_NOUNS:
            target = head.head
        if target.lower_ != "counterpart":  # "his Chinese counterpart Foreign Minister X": the title before X
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


def _add_groups(doc: Doc, roster: Roster, named_groups: set[str]) -> None:
    """Organisations (ORG, and the groups the text names as such) and places (GPE) as actors;
    the merge keeps only those that act. A dateline's city and agency ("TOKYO (AP) —") say
    where a text was filed, not who acts."""
    for ent in doc.ents:
        if ent.label_ not in ORG_LABELS | {"GPE"} and ent.text not in named_groups:
            continue
        if in_dateline(ent):
            continue
        if any(i in roster.by_token for i in range(ent.start, ent.end)):
            continue
        name = re.sub(r"^(the|a|an)\s+", "", ent.text, flags=re.I)
        name = re.sub(r"['’]s?$", "", name).strip()
        if not name or not name[0].isupper():
            continue
        kind = "country" if ent.label_ == "GPE" else "organization"
        person = _person_by_surname(roster, name, surname_only=kind == "country")
        if person is not None and kind == "country" and _used_as_place(doc, name):
            person = None  # "Rep. Steve Israel" beside "a trip to Israel": the country stays
        if person is not None:
            # "Sanders said ...", tagged an organisation beside Bernie Sanders, or "Lowe said",
            # tagged a place beside Senator Anna Lowe: the person
            roster.add(Mention(ent.start, ent.end, person, "person"))
            roster.actors[person].count += 1
            continue
        actor = roster.actors.setdefault(name, ActorMention(name, kind, count=0))
        actor.count += 1
        roster.add(Mention(ent.start, ent.end, name, kind))
    roster.mentions.sort(key=lambda m: m.start)


def _used_as_place(doc: Doc, name: str) -> bool:
    """The word names a place somewhere in the article: the object of "in", "to", "from" ..."""
    return any(t.text == name and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS | {"from"} for t in doc)


def _person_by_surname(roster: Roster, name: str, surname_only: bool = False) -> str | None:
    """The one full-named person of the article whose surname (or other name part) a single
    word tagged as an organisation is; None when it is no one's or several people's. A word
    tagged as a place must be the surname itself, as spelled: "Georgia" is no spelling of
    anyone's given name, "Jordan" beside "Jim Jordan" is him."""
    if len(name.split()) != 1:
        return None
    if surname_only:  # the last word as written ("Al Franken", though "al" reads as a particle)
        fitting = [a.name for a in roster.actors.values() if a.kind == "person"
                   and len(plain(a.name).split()) >= 2 and plain(a.name).split()[-1] == plain(name)]
        return fitting[0] if len(fitting) == 1 else None
    fitting = [a.name for a in roster.actors.values()
               if a.kind == "person" and not a.partial and len(parts(a.name)) >= 2 and contains_part(a.name, name)]
    return fitting[0] if len(fitting) == 1 else None
