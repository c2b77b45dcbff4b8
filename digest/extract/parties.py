"""Who took part in a meeting: the people and groups on either side of its trigger.

Parties are the actors in the trigger's clause (subject and partners, loosely
attached ones included), minus names that only sit inside someone else's
title ("an aide to X", "Iran's envoy X") and organisations or countries that
are only a place or a nationality. A hostless "the meeting was with X" is
given the article's protagonist as host. Kept apart from meetings.py, which
decides whether a sentence reports a meeting that happened; this module only
reads who is around a trigger it is given.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .actors import Mention, Roster
from .places import governing_verb
from ..names import is_country, same_stem
from ..vocabulary import (ATTENDED_PREPS, COUNT_WORDS, DELEGATION_NOUNS, GROUP_HEADS, HELD_VERBS, KEEP_CLAUSES,
                          LIGHT_VERBS, MEETING_NOUNS, OCCASION_NOUNS, OCCASION_TO, PAIR_NOUNS, PARTNER_PREPS,
                          REPORTING_VERBS, SKIP_PREPS, SPAN_NOUNS, TITLE_NOUNS, TITLE_WORDS, TRAVEL_VERBS,
                          TRIP_NOUNS, VENUE_COPULAS)

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"}
def find_parties(trigger: Token, roster: Roster) -> list[Mention]:
    """Subject side and partner side of the trigger, without names inside titles."""
    scope: list[Token] = []
    if trigger.pos_ == "NOUN":
        for c in trigger.children:
            if c.dep_ in ("poss", "compound", "amod") or c.dep_ == "prep" and c.lower_ in PARTNER_PREPS | {"of"}:
                scope.extend(c.subtree)
        joint = trigger.dep_ == "dobj" and any(c.lower_ in ("joint", "jointly") for c in trigger.children)
        if trigger.head.lemma_.lower() in LIGHT_VERBS or joint:
            scope.extend(_clause(trigger.head))  # "A and B addressed a joint news conference"
        if trigger.dep_ == "attr":
            # "Berg's first stop was a meeting with Holm": whose stop it was
            scope.extend(t for c in trigger.head.children if c.dep_ == "nsubj" for p in c.children
                         if p.dep_ == "poss" for t in p.subtree)
        governing = governing_verb(trigger)
        if governing is not None:
            scope.extend(_clause(governing))
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and trigger.head.head.ent_type_ == "PERSON":
            scope.extend(phrase(trigger.head.head))  # "Berg, in Oslo for talks with Holm, said"
        scope.extend(_attending_subject(trigger))
        if existential(trigger):
            scope.extend(trigger.doc[trigger.i + 1:trigger.sent.end])  # the parse scatters the partners
        partner = copular_partner(trigger) or held_with(trigger)
        if partner is not None:
            scope.extend(phrase(partner))  # not "..., who confirmed Lula's trip to Buenos Aires"
            scope.extend(t for c in trigger.children if c.dep_ == "relcl" for t in _clause(c))
    elif trigger.pos_ == "ADP":
        scope.extend(trigger.sent)  # a caption's "A, left, with B": it names only those pictured
    else:
        scope.extend(_clause(trigger))
        scope.extend(_relative_object(trigger))
    out: list[Mention] = []
    role_end = _role_opening_end(trigger.sent)
    for m in roster.within(scope):
        if m.end <= role_end:
            continue  # "As the Special Envoy of President Solih, Shahid called on ...": Solih is in a role
        head = trigger.doc[m.start:m.end].root
        if any(o.name == m.name for o in out):
            continue
        glossed = m.start > 0 and trigger.doc[m.start - 1].text == "[" and m.end < len(trigger.doc) \
            and trigger.doc[m.end].text == "]"  # "ministers of X [Name]": the editor names the holder
        if m.kind == "person" and not glossed and (inside_title(head, roster) or _possessor(m, trigger.doc)
                                                   or _sends_delegation(head)):
            continue
        event = trigger.doc[m.end - 1].lower_ in OCCASION_NOUNS  # "the G20 Summit" is an occasion, not a party
        if m.kind == "person" or head.tag_ != "JJ" and head.ent_type_ != "NORP" and _group_slot(head, roster) \
                and not _names_a_title(m, trigger.doc, roster) and not event:
            out.append(m)
    people = [m for m in out if m.kind == "person"]
    described = next(((t, found) for t in scope if (found := described_nationals(t, roster))), None) \
        if len(people) < 2 else None
    if described is not None:
        # the nations that describe the people are not parties besides them
        inside = {t.i for t in described[0].subtree}
        out = [m for m in out if m.kind == "person" or m.start not in inside]
        out += [m for m in described[1] if all(o.name != m.name for o in out)]
        people = [m for m in out if m.kind == "person"]
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None) if trigger.pos_ == "VERB" else None
    described = subject is not None and subject.i not in roster.by_token and subject.lower_ in TITLE_NOUNS \
        and any(c.lower_ == "the" for c in subject.children)
    hostless = trigger.pos_ == "NOUN" and (copular_partner(trigger) is not None or held_with(trigger) is not None
                                           or existential(trigger))
    if (len(people) == 1 or existential(trigger) and people) and (described or hostless):
        # "The first meeting of the day was with X": the article's protagonist holds it
        host = _protagonist(trigger, roster, exclude=people[0].name) \
            or _reporter(trigger, roster, exclude={m.name for m in people})
        if host is not None:
            out.insert(0, host)
        elif described and subject.text[:1].isupper():
            # "The Prime Minister met X" in a release that never names the office holder: an
            # office is a party, kept apart from the named actors ("Prime Minister", not "prime
            # minister", so that only a formal office counts)
            words = trigger.doc[subject.left_edge.i:subject.i + 1].text.split()
            out.insert(0, Mention(subject.left_edge.i, subject.i + 1, " ".join(["the", *words[1:]]), "office"))
    return out


NAMED_REACH = 3  # sentences (the trigger's and two before) in which "the two leaders" finds its people


def group_subject(trigger: Token) -> int | None:
    """How many people a counted group subject of the trigger stands for: "the two leaders
    held talks", "both sides met", "the top diplomats of the two nations held a meeting",
    "they held talks"; None when the subject is not such a group (0: "they", count unknown)."""
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("their", "our") for c in trigger.children):
        return 0  # "to mark their second summit", "since our last meeting" (a participant speaking)
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else trigger
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "The two leaders addressed the press after holding talks": the governing clause's subject
        subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("they", "both"):
        return 0 if subject.lower_ == "they" else 2
    if subject.lower_ in COUNT_WORDS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return COUNT_WORDS[subject.lower_]  # "The two met again on Tuesday"
    if subject.lower_ == "last":  # "The two last met in March", parsed as "the two last (ones)"
        number = next((c for c in subject.children if c.dep_ == "nummod" and c.lower_ in COUNT_WORDS), None)
        if number is not None:
            return COUNT_WORDS[number.lower_]
    if subject.tag_ != "NNS" or subject.lemma_.lower() not in PAIR_NOUNS:
        return None
    counted = [c for c in subject.children if c.lower_ in COUNT_WORDS and c.dep_ in ("nummod", "det", "predet")]
    of = [t for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree
          if t.lower_ in COUNT_WORDS]  # "the leaders of the two countries"
    found = counted or of
    return COUNT_WORDS[found[0].lower_] if found else None


def described_nationals(noun: Token, roster: Roster) -> list[Mention]:
    """"the Russian, Ukrainian and Turkish foreign ministers", "the leaders of Azerbaijan and
    Armenia": one person per nation, when the article gives exactly one person of each (by
    a title, "Kuleba of Ukraine" or "Ukraine's Kuleba"); else nobody, never a guess."""
    if noun.tag_ != "NNS" or noun.lemma_.lower() not in PAIR_NOUNS:
        return []
    nations = _nations(noun)
    if len(nations) < 2:
        return []
    found: list[Mention] = []
    for nation in nations:
        fits = {m.name for m in roster.mentions if m.kind == "person" and _of_nation(m, nation, roster, noun.doc)}
        if len(fits) > 1:  # "the Russian foreign ministers": the Russian whose title is a minister's
            fits = {n for n in fits if any(w.rstrip("s") == noun.lemma_.lower() for t in roster.actors[n].titles
                                           for w in t.lower().split())}
        if len(fits) != 1 or fits & {f.name for f in found}:
            return []
        name = fits.pop()
        found.append(min((m for m in roster.mentions if m.name == name), key=lambda m: abs(m.start - noun.i)))
    return found


def _nations(noun: Token) -> list[str]:
    """The nations a plural description names: adjectives ("the Russian, Ukrainian and Turkish
    ministers") or places after "of"/"from" ("the leaders of Azerbaijan and Armenia")."""
    def chain(tok: Token) -> list[Token]:
        return [tok, *(t for c in tok.children if c.dep_ == "conj" for t in chain(c))]
    out = [t for c in noun.children if c.dep_ == "amod" and c.ent_type_ == "NORP" for t in chain(c)]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        out += [t for c in prep.children if c.dep_ == "pobj" and _nation(c) for t in chain(c)]
    return [_entity_words(t) for t in out if t.ent_type_ == "NORP" or _nation(t)]


def _nation(tok: Token) -> bool:
    """A country, as the model tags it, or by its name whatever the tag ("Niger" as a person)."""
    return tok.ent_type_ in ("GPE", "LOC") or is_country(_entity_words(tok))


def _entity_words(tok: Token) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return " ".join(t.lower_ for t in (ent if ent is not None else [tok]) if t.lower_ != "the")


def _of_nation(m: Mention, nation: str, roster: Roster, doc: Doc) -> bool:
    """The person is the nation's: a title says so ("Turkish foreign minister"), or the text
    puts the nation right after or before the name ("Dmytro Kuleba of Ukraine", "Ukraine's")."""
    def same(words: str) -> bool:
        return words == nation or " " not in nation and any(same_stem(nation, w) for w in words.split())
    titles = roster.actors[m.name].titles if m.name in roster.actors else []
    if any(same(t.lower()) for t in titles):
        return True
    after = doc[m.end + 1] if m.end + 1 < len(doc) and doc[m.end].lower_ == "of" else None
    before = doc[m.start - 2] if m.start >= 2 and doc[m.start - 1].text in ("'s", "’s") else None
    return any(t is not None and _nation(t) and same(_entity_words(t)) for t in (after, before))


def last_named(trigger: Token, roster: Roster, count: int) -> list[Mention]:
    """The `count` people named last before the trigger, in its sentence or the two before it."""
    sentences = [s for s in trigger.doc.sents if s.end <= trigger.sent.end][-NAMED_REACH:]
    found: list[Mention] = []
    for m in sorted(roster.mentions, key=lambda m: -m.start):
        if m.kind == "person" and sentences[0].start <= m.start and m.end <= trigger.i \
                and all(f.name != m.name for f in found):
            found.append(m)
        if len(found) == count:
            return found[::-1]
    return []


def _reporter(trigger: Token, roster: Roster, exclude: set[str]) -> Mention | None:
    """"The discussion held with Holm focused on trade, Berg said": who reports a meeting that
    names no host, when no protagonist was named before, held it."""
    for tok in trigger.sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in REPORTING_VERBS and trigger in tok.subtree:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            m = roster.by_token.get(subject.i) if subject is not None else None
            if m is not None and m.kind == "person" and m.name not in exclude:
                return m
    return None


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


def _role_opening_end(sent) -> int:
    """Where an opening "As the <title> of X," ends: the people named in it describe the
    subject's role and take no part; the sentence's start when it has none."""
    doc = sent.doc
    if len(sent) < 4 or sent[0].lower_ != "as" or sent[1].lower_ not in ("the", "a", "an", "his", "her"):
        return sent.start
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or not any(t.lower_ in TITLE_NOUNS for t in doc[sent.start:comma]):
        return sent.start
    return comma


def _relative_object(verb: Token) -> list[Token]:
    """"Prime Minister Holm, whom she met in Oslo", "Holm, who officials say he met by chance":
    the one met is the noun the relative clause describes."""
    relcl = verb if verb.dep_ == "relcl" else verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else None
    if relcl is None or not any(c.lower_ in ("who", "whom") and c.dep_ in ("dobj", "dep")
                                for v in {relcl, verb} for c in v.children):
        return []
    return phrase(relcl.head)


def _attending_subject(noun: Token) -> list[Token]:
    """"X travelled to Oslo for talks with Y", "Following talks with Y, X said": the subject of
    the clause that the meeting phrase sets in time or purpose went to the meeting. Not for
    a purpose that is only sought ("X called for talks with Y", "X pressed for talks"): the
    verb must be one of going there, or the phrase one of time. "Following two days of meetings
    with Y" is such a phrase too: the span's noun stands for the meetings."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in SPAN_NOUNS:
        noun, prep = prep.head, prep.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ATTENDED_PREPS \
            or any(c.dep_ == "poss" for c in noun.children):
        return []  # "after their summit" names its own parties
    verb = prep.head
    going = verb.lemma_.lower() in TRAVEL_VERBS or verb.lemma_ == "be"
    if verb.pos_ not in ("VERB", "AUX") or prep.lower_ == "for" and not going:
        return []
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "Speaking at a joint news conference with Y, X said": the participle's subject
    return [t for c in verb.children if c.dep_ == "nsubj" for t in phrase(c)]


def _sends_delegation(tok: Token) -> bool:
    """"met with Biden's delegation", "the delegation of President X": the one who sent a
    delegation is not at its meeting (unless it was "led by" them, a phrase of its own)."""
    noun = tok.head if tok.dep_ == "poss" else tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return noun is not None and noun.lemma_.lower() in DELEGATION_NOUNS and noun.lemma_.lower() != "side"


def _possessor(m: Mention, doc: Doc) -> bool:
    """"Trump's son-in-law": the possessor of someone else is not a party, whatever the
    parse says; "Haniyeh's delegation", "Wang's meeting" or "Wang's visit" keep theirs."""
    if m.end + 1 >= len(doc) or doc[m.end].text not in ("'s", "’s", "'", "’"):
        return False
    noun = doc[m.end + 1]
    return noun.lower_ not in MEETING_NOUNS and noun.lemma_.lower() not in GROUP_HEADS | TRIP_NOUNS \
        and noun.pos_ == "NOUN"  # "Berg's visit ... included talks with X": the visitor took part


def _clause(verb: Token) -> list[Token]:
    """The trigger's clause minus embedded clauses and time/place phrases, plus its subject.

    The small model often attaches a second partner loosely ("..., and X" as advcl
    or npadvmod), so the whole clause is searched rather than fixed slots; clauses
    with a verb of their own ("where the envoy said Beijing ...") are left out.
    """
    toks: list[Token] = [verb]
    for c in verb.children:
        titled = c.i > 0 and c.doc[c.i - 1].lower_ in TITLE_NOUNS  # "Coordinator | for the Middle East X"
        if c.dep_ == "prep" and c.lower_ in SKIP_PREPS and not titled:
            continue
        toks.extend(phrase(c))
    toks.extend(_misattached_appositive(verb))
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
        # "Berg and Holm, who met in Oslo, ...": the relative pronoun stands for its antecedent
        antecedent = verb.head
        while antecedent.dep_ == "conj" and antecedent.head.i != antecedent.i:
            antecedent = antecedent.head  # "Berg and Holm, who met": both conjuncts
        toks.extend(t for t in phrase(antecedent) if not (verb.left_edge.i <= t.i <= verb.right_edge.i))
    if any(c.dep_ == "nsubj" and c.lower_ in ("they", "we", "both") for c in verb.children):
        # "Putin and Xi greeted each other when they met": the governing clause's subject
        head = verb
        while head.dep_ in ("advcl", "relcl", "conj", "ccomp") and head.head.i != head.i:
            head = head.head
            subject = [c for c in head.children if c.dep_ == "nsubj" and c.lower_ not in ("they", "we")]
            if subject:
                toks.extend(phrase(subject[0]))
                break
    if had_occasion_to(verb):
        toks.extend(t for c in verb.head.head.children if c.dep_ == "nsubj" for t in phrase(c))
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "PROPN":
        # "Lund, meeting Otieno in Nairobi, said ...": the name the participle describes
        toks.extend(t for t in phrase(verb.head) if not (verb.left_edge.i <= t.i <= verb.right_edge.i))
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.ent_type_ == "PERSON" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "the anniversary of President Kennedy welcoming President Nyerere": the name right
        # before a gerund is its subject, not the governing clause's
        toks.extend(next(e for e in verb.doc.ents if e.start <= before.i < e.end))
        return toks
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        head = verb.head
        if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "After meeting with X, Y said ...": Y met X
        # "A and B agreed to expand trade after meeting in Oslo": the one who agreed; "Speaking
        # after meeting X, Y said": the one who spoke
        while (head.dep_ == "xcomp" or head.dep_ == "advcl" and head.tag_ == "VBG") and head.head.i != head.i \
                and not any(c.dep_ == "nsubj" for c in head.children):
            head = head.head
        if verb.dep_ in ("conj", "advcl", "xcomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
            toks.extend(t for c in head.children if c.dep_ == "nsubj" for t in phrase(c))
            # '"...," posted Fernández after meeting with Lula': the inverted speaker
            toks.extend(t for c in head.children if c.dep_ == "dobj" and c.left_edge.i == head.i + 1
                        and c.ent_type_ == "PERSON" and head.lemma_.lower() in REPORTING_VERBS for t in phrase(c))
    return toks


def had_occasion_to(verb: Token) -> bool:
    """"I had the opportunity to meet X", "she had the chance to talk with X": an occasion
    someone had (past) to do something is what they did."""
    noun = verb.head
    return verb.dep_ == "acl" and noun.lemma_.lower() in OCCASION_TO and noun.head.lemma_.lower() in ("have", "get") \
        and noun.head.tag_ == "VBD"


def _misattached_appositive(verb: Token) -> list[Token]:
    """"hosting the president of X (also known as Y), Brahim Ghali, at ...": the name set off
    by commas right after the object names it, wherever the parser hung it."""
    # ... or after the partner of "with" ("met with his Brazilian counterpart, Luiz Inacio Lula da Silva")
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
        (n for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for n in c.children if n.dep_ == "pobj"),
        None)
    if obj is None:
        return []
    doc, i = verb.doc, obj.right_edge.i + 1
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - obj.right_edge.i < 15:
            i += 1
        i += 1
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []
    start = i + 1
    end = start
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].sent == verb.sent:
        end += 1
    return list(doc[start:end]) if end > start and (end == len(doc) or doc[end].is_punct) else []


def phrase(tok: Token) -> list[Token]:
    """A token's subtree without embedded clauses, except "led by"/"including" phrases and the
    adjective "visiting" the model parses as a verb joined to the name before ("Holm and
    visiting President Berg discussed ...")."""
    adjective = tok.tag_ == "VBG" and tok.lemma_.lower() == "visit" and tok.dep_ == "conj" \
        and not any(c.dep_ == "nsubj" for c in tok.children)
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS and tok.lemma_.lower() not in KEEP_CLAUSES \
            and not adjective:
        return []
    out = [tok]
    for c in tok.children:
        out.extend(phrase(c))
    return out


def inside_title(tok: Token, roster: Roster) -> bool:
    """A name inside another person's title or description ("an aide to X", "X's envoy")."""
    own = roster.by_token.get(tok.i)
    if _holds_title_before(tok):
        return False
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "appos":
            holder = roster.by_token.get(t.head.i)
            # another person in apposition is a misparsed "A and his counterpart B", not a title
            # (also when the appositive is itself a name the list hangs further names on:
            # "met A, Foreign Minister B and Defence Minister C", misparsed with C set beside A)
            named = t is tok or roster.by_token.get(t.i) is not None and roster.by_token[t.i].kind == "person"
            if holder is not None and holder is not own and holder.kind == "person" \
                    and not (named and own is not None and own.kind == "person"):
                return True
        if t.dep_ == "poss" and _names_person(t.head, roster):
            return True  # "Trump's son-in-law Jared Kushner"
        if t.dep_ in ("poss", "pobj") and t.head.pos_ in ("NOUN", "PROPN", "ADP"):
            noun = t.head if t.dep_ == "poss" else t.head.head
            # "ambassador to Yemen Mohammed Al-Jaber", "High Commissioner for Refugees Filippo
            # Grandi": a place or body before the name closes the title, which is the name's own
            placed = t is tok and any(c.dep_ == "compound" and (c.ent_type_ in ("GPE", "LOC") or c.pos_ == "PROPN"
                                                                and roster.by_token.get(c.i) is not own)
                                      for c in tok.children)
            if placed and t.dep_ == "pobj" and (noun.lower_ in TITLE_NOUNS or noun.lemma_.lower() in TITLE_NOUNS):
                return False
            relation = not placed and (t.dep_ == "poss" or t.head.lower_ in ("to", "for") or _names_person(noun, roster))
            # "an aide to X", "X's envoy" describe someone else; "Secretary of the Philippines
            # Teodoro Locsin" is the model attaching the holder's own name under "of"
            if relation and (noun.lower_ in TITLE_NOUNS or noun.lemma_.lower() in TITLE_NOUNS):
                return True
        t = t.head
        if t.pos_ in ("VERB", "AUX") or t.lower_ in MEETING_NOUNS:
            break
    return False


def _holds_title_before(tok: Token) -> bool:
    """"Associate Minister for Maori Development, Hon Nanaia Mahuta": a name set off by a comma
    after a title phrase is the holder of that title, not someone the title is about."""
    complement = tok.head
    left = tok.left_edge.i
    return tok.dep_ == "appos" and left > 0 and tok.doc[left - 1].text == "," and complement.dep_ == "pobj" \
        and complement.head.lower_ in ("for", "of", "to") and complement.head.head.lower_ in TITLE_NOUNS


def _names_a_title(m: Mention, doc: Doc, roster: Roster) -> bool:
    """"his Democratic Republic of Congo (DRC) counterpart Félix Tshisekedi", "his counterpart
    from Colombia, Gustavo Petro": a country or body that qualifies a title qualifies it,
    whatever the parse, and is no party of its own."""
    head = doc[m.start:m.end].root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "the leaders of Norway, Chile and Peru": every country of the list
    if head.dep_ == "pobj" and head.head.lower_ in ("of", "from", "to") and head.head.head.lemma_.lower() in TITLE_WORDS:
        return True
    if head.dep_ in ("compound", "nmod", "amod", "poss") and head.head.lemma_.lower() in TITLE_NOUNS:
        return True  # "as the top U.S. diplomat", "the EU's High Representative"
    if head.lemma_.lower() in TITLE_NOUNS:
        return True  # "Special Representative" tagged as a body is an office
    i = m.end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - m.end < 6:
            i += 1
        i += 1
    titled = i
    while i < len(doc) and doc[i].lower_ in TITLE_WORDS:
        i += 1
    person = roster.by_token.get(i) if i < len(doc) else None
    return i > titled and person is not None and person.kind == "person"


def _group_slot(tok: Token, roster: Roster) -> bool:
    """An organisation or country takes part only as a party ("a Hamas delegation",
    "talks with Iran"), not as a place or part of a person's title ("Iran's envoy X")."""
    if _before_name(tok, roster):
        return False
    t = tok
    while t.dep_ in ("compound", "nmod", "conj", "amod", "poss") and t.head.i != t.i:
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
        if prep.lower_ in PARTNER_PREPS | {"by"}:
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


def held_with(noun: Token) -> Token | None:
    """"The discussion held with X": the partner hangs on a participle."""
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in HELD_VERBS:
            return next((p for p in c.children if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS), None)
    return None


def existential(noun: Token) -> bool:
    """"There were also bilateral meetings with A and with B": the host is the article's protagonist,
    the partners everyone named after the noun."""
    return noun.dep_ in ("attr", "nsubj") and noun.head.lemma_ == "be" \
        and any(c.dep_ == "expl" for c in noun.head.children) \
        and any(c.dep_ == "prep" and c.lower_ in PARTNER_PREPS for c in noun.children)


def copular_partner(noun: Token) -> Token | None:
    """"The first meeting of the day was with X", "Another meeting took place with X", "One of
    the meetings was with X"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("nsubj", "nsubjpass") \
            and noun.head.head.pos_ in ("NUM", "PRON", "ADJ", "NOUN"):
        noun = noun.head.head  # "One of the meetings", "The first of them"
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in VENUE_COPULAS:
        return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS), None)
    return None
