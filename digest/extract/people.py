"""Which spans of a parsed article are person names, and the name text in each.

The small English model misses or mislabels many names ("Wang" as ORG,
"Ambassador to Qatar Cao Xiaolin" as one ORG), so candidates come from PERSON
entities, names right after a title, capitalised runs standing where a person
does, and single capitalised words (a bare surname or given name). This is the
name *detection* stage that actors.py builds its roster from; it is kept apart
because it reads only the parse and word shapes, never the roster.

Not to be confused with digest/names.py, which compares and keys names that are
already found (for the cross-source merge); hence "people" here.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..names import is_country, is_given_name, is_suffix
from .sentences import is_heading
from ..vocabulary import (HONORIFICS, MEAL_NOUNS, NOT_NAME_WORDS, PARTICLES, REPORTING_VERBS, SURNAME_TITLES,
                          TITLE_COMPLEMENT_PREPS, TITLE_NOUNS, TITLE_WORDS, VENUE_NOUNS)

INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Capitals of the Latin, Greek and Cyrillic alphabets: "Çavuşoğlu", "Łukasz", "Žižek" start names too.
CAPITALS = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
NAME_PART = re.compile(rf"^(?:[{CAPITALS}][\w'’.-]*|al-\w+|el-\w+|bin|ibn|de|da|van|von|der|le|la)$")


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, names right after a title, and capitalised words that are name parts."""
    spans = [_extend_left(_without_title_place(_after_possessive(e))) for e in doc.ents if e.label_ == "PERSON"]
    spans = [s for s in spans if len(s) and not names_building(s)]
    taken = {t.i for s in spans for t in s}
    # "Ambassador to Qatar Cao Xiaolin": proper nouns closing a title phrase. After
    # "to/of/for" the run starts with the place: what the model tags a place or body, else
    # all but the last two words ("Chief of State Protocol Faisal Jalali").
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    for tok in doc:
        if not _titles_a_name(tok):
            continue
        j = tok.i + 1
        prep = j < len(doc) and doc[j].lower_ in TITLE_COMPLEMENT_PREPS
        j += prep
        j += j < len(doc) and doc[j].lower_ == "the"
        k = j
        while k < len(doc) and (doc[k].pos_ == "PROPN" and NAME_PART.match(doc[k].text) or _joining_hyphen(doc, k)):
            k += 1  # "President Kassym-Jomart Tokayev": a hyphen with no space joins two name parts
        if prep and k - j < 3:
            continue  # "Representative for the Western Balkans": the run is the place
        if prep:
            lead = j
            while lead < k and _opens_with_place(doc, lead, k, places):
                lead += 1  # "President of Turkey | Recep Tayyip Erdoğan", "King of Saudi Arabia | Salman Al Saud"
            # a word naming a body or a state's form ends the place, whatever the model tagged:
            # "of the Portuguese Republic | António Costa", "of the African Union Commission | Moussa Faki"
            lead = max(lead, max((i + 1 for i in range(j, k - 2) if doc[i].lower_ in NOT_NAME_WORDS), default=j))
            j = lead if lead > j and 2 <= k - lead <= 4 else k - 2
        if 2 <= k - j <= 4 and not any(i in taken for i in range(j, k)):
            spans.append(doc[j:k])
            taken.update(range(j, k))
    # Runs of capitalised words the model labelled ORG/GPE or nothing, in a person's place.
    for span in _proper_runs(doc):
        # a headline capitalises every word: there, only what the model calls a person is one
        if not any(i in taken for i in range(span.start, span.end)) and not is_heading(span.sent) \
                and _in_person_slot(span, doc) and not names_building(span):
            spans.append(span)
            taken.update(range(span.start, span.end))
    # Capitalised single words that may be a bare surname or given name ("Wang", "Kejian").
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not NAME_PART.match(tok.text) or len(tok.text) < 2:
            continue
        spans.append(doc[tok.i:tok.i + 1])
    spans.sort(key=lambda s: s.start)
    return spans


def names_building(span: Span) -> bool:
    """"the Bocharov Ruchei residence", "the White House residence": the name modifies the
    building noun right after it, so it names a place, whatever the model tags it."""
    root = span.root
    return root.dep_ == "compound" and root.head.i == span.end and root.head.lower_ in VENUE_NOUNS


def _is_title(tok: Token) -> bool:
    """A title word, plural too ("Cabinet Secretaries Raychelle Omamo and X", "Councilors Allen
    and Henderson", "Presidents X of A, Y of B")."""
    low = tok.lower_
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
    return low in TITLE_NOUNS or tok.lemma_.lower() in TITLE_NOUNS or singular in TITLE_NOUNS


def _titles_a_name(tok: Token) -> bool:
    """A title that a name may follow, or "counterpart" ("her counterpart to Kenya Meles Alem Tikea")."""
    return _is_title(tok) or tok.lower_ in TITLE_WORDS


def _opens_with_place(doc: Doc, i: int, end: int, places: set[str]) -> bool:
    """Token i, in a run of capitals after "<title> of", belongs to the place: the model tags it
    one, or the article names it as one elsewhere. An organisation the model stretched over the
    whole run ("Kenya Meles Alem Tikea" as ORG) holds the name too, so it is no place by itself."""
    tok = doc[i]
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC") or tok.text in places or is_country(tok.text):
        return True  # "Prime Minister of the Netherlands | Mark Rutte", the country untagged
    ent = next((e for e in doc.ents if e.start <= i < e.end), None) if tok.ent_type_ == "ORG" else None
    return ent is not None and ent.end < end


def _after_possessive(ent: Span) -> Span:
    """"Tinubu Hosts Ghana's Mahama" tagged as one person: a name has no "'s" inside, so only
    what follows the last one can be a name."""
    inner = [t.i for t in ent[:-1] if t.text in ("'s", "’s")]
    return ent.doc[inner[-1] + 1:ent.end] if inner else ent


def _completes_title(doc: Doc, i: int) -> bool:
    """Token i is one of the capitalised words right after a title's "of/for/to"
    ("Chief of State Protocol | Faisal Jalali")."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].pos_ == "PROPN":
        j -= 1
    # "King of Saudi Arabia | Salman Al Saud": after the place the model tags, the name begins
    # (a lone word the model calls an organisation may be the title's: "Chief of State | Protocol")
    between = range(j + 1, i)
    after_place = len(between) > 0 and not doc[i].ent_type_ and (
        all(doc[t].ent_type_ in ("GPE", "LOC") for t in between)
        or len(between) >= 2 and all(doc[t].ent_type_ in ("GPE", "LOC", "ORG") for t in between))
    return j >= 0 and doc[j].lower_ in TITLE_COMPLEMENT_PREPS and not after_place


def _extend_left(ent: Span) -> Span:
    """"Sameh Hassan Shoukry" tagged as "Hassan Shoukry": take in capitalised name words before
    it, and the one after it that the name is parsed as modifying."""
    doc, start = ent.doc, ent.start
    while start > 0 and start > ent.start - 2:
        tok = doc[start - 1]
        if tok.pos_ != "PROPN" or tok.ent_type_ not in ("", "PERSON") or not NAME_PART.match(tok.text) \
                or tok.lower_ in TITLE_NOUNS or tok.lower_ in NOT_NAME_WORDS or tok.tag_ == "NNPS" \
                or is_country(tok.text):
            break  # "Prime Minister of the Netherlands | Mark Rutte": the country is the title's
        if _completes_title(doc, start - 1):
            break  # "Archbishop of Canterbury Justin Welby": words after "of" complete the title
        start -= 1
    # "President Qasym-Zhomart | Toqaev": between a title and the name, proper words are the
    # name's, whatever label the model gave them
    i = start
    while i > 0 and start - i < 4 and (doc[i - 1].pos_ == "PROPN" and NAME_PART.match(doc[i - 1].text)
                                        and doc[i - 1].lower_ not in TITLE_NOUNS
                                        or doc[i - 1].text == "-" and not doc[i - 1].whitespace_):
        i -= 1
    if i < start and i > 0 and doc[i - 1].lower_ in TITLE_NOUNS and doc[i].text != "-":
        start = i
    end = ent.end
    while end + 1 < len(doc) and _joining_hyphen(doc, end):
        end += 2  # "Wi Sung | -lac": the name goes on across the hyphen
        if end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B":
            # "Sahle | -Work | Zewde" tagged as two people: one name
            end = next(e.end for e in doc.ents if e.start == end)
    # "Yoon Suk | Yeol": the parse makes the untagged word the head the name hangs on
    if end < len(doc) and doc[end - 1].head.i == end and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
            and NAME_PART.match(doc[end].text) and doc[end].lower_ not in TITLE_NOUNS | NOT_NAME_WORDS \
            and "\n" not in doc[end - 1].whitespace_ and not is_heading(doc[end].sent):  # "El-Sisi Receives"
        end += 1
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def _in_slug(tok: Token) -> bool:
    """A word glued to hyphens or slashes on both sides belongs to a URL or file name."""
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].text in ("-", "/", "_") and not doc[tok.i - 1].whitespace_
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "/", "_", ".") and not tok.whitespace_
    return before and after


def _joining_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen with no space on either side joining two parts of one name ("Kassym-Jomart",
    "Sung-lac": a romanised given name's second syllable is often lower case)."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and (NAME_PART.match(doc[i + 1].text) is not None or doc[i + 1].is_alpha and doc[i + 1].is_lower
             and doc[i - 1].text[:1].isupper())


def _without_title_place(ent: Span) -> Span:
    """"Prime Minister of Armenia Nikol Pashinyan" tagged as one person: a place the article
    names elsewhere, right after "<title> of/for/to", completes the title, not the name."""
    doc = ent.doc
    if len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ not in TITLE_COMPLEMENT_PREPS \
            or doc[ent.start - 2].lower_ not in TITLE_NOUNS:
        return ent
    places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "ORG")}
    return doc[ent.start + 1:ent.end] if ent[0].text in places or ent[0].lower_ in NOT_NAME_WORDS else ent


def _country_prefix(doc: Doc, i: int, j: int) -> int:
    """The end of the longest country's name that opens the run doc[i:j] and leaves a name
    after it, else 0."""
    for end in range(j - 2, i, -1):
        if is_country(doc[i:end].text):
            return end
    return 0


def _proper_runs(doc: Doc):
    """Maximal runs of 2-4 capitalised proper nouns (initials allowed inside)."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and NAME_PART.match(doc[j].text) and not doc[j].is_sent_start or (
                j == i and j < len(doc) and doc[j].pos_ == "PROPN" and NAME_PART.match(doc[j].text)):
            j += 1
            if _joining_hyphen(doc, j):  # "Díaz-Canel"
                j += 1
        start = i
        country = _country_prefix(doc, i, j)
        if country:
            start = country  # "Guinea-Bissau Umaro Sissoco Embalo", tagged a place up to "Umaro": the country's name
        while start < j and doc[start].ent_type_ in ("GPE", "LOC", "NORP") and not country:
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
    doc = span.doc
    if len(span) <= 2 and span.start >= 2 and doc[span.start - 1].lower_ in TITLE_COMPLEMENT_PREPS \
            and _is_title(doc[span.start - 2]):
        return False  # "Minister for | Maori Development": two words after "<title> for" are the title's
    if span[0].lower_ in HONORIFICS and len(span) >= 3:
        return True  # "Hon Lars Holm"
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in TITLE_NOUNS:
        return True
    if any(c.dep_ == "appos" and (c.lower_ in TITLE_NOUNS or any(t.lower_ in TITLE_NOUNS for t in c.lefts))
           for c in root.children):
        return True
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS:
        return True
    if span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "[" and doc[span.end].text == "]" \
            and len(span) >= 2:
        return True  # "foreign ministers of Tajikistan [Sirodjiddin Muhriddin]": an editor's gloss names someone
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


def _surname_like_title(span: Span, tok: Token) -> bool:
    """"Julie Bishop", "John Major": a title word closing a tagged name after a given name is
    the surname (a title leads a name, it never follows one)."""
    return tok.i == span.end - 1 and span.end - span.start >= 2 and tok.lower_ in SURNAME_TITLES \
        and tok.ent_type_ == "PERSON" and span.doc[tok.i - 1].ent_type_ == "PERSON" \
        and is_given_name(span.doc[tok.i - 1].lower_)


def _doctrine(word: str) -> bool:
    """"Tibetan Buddhism", "Marxism": a creed or doctrine is nobody's name."""
    return len(word) > 5 and word.endswith("ism")


def name_bounds(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and (_is_title(span.doc[start]) or span.doc[start].lower_ in HONORIFICS
                           or span.doc[start].lower_ in ("the", "a", "an")):
        start += 1
    while end > start and (span.doc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", "-")
                           or is_suffix(span.doc[end - 1].text)):
        end -= 1
    # "Ursula von der | Leyen": the model may end a name on its particle; the surname follows
    doc = span.doc
    while end > start and end < len(doc) and doc[end - 1].lower_ in PARTICLES and doc[end].is_alpha \
            and (doc[end].text[:1].isupper() or doc[end].lower_ in PARTICLES) and "\n" not in doc[end - 1].whitespace_:
        end += 1  # "von | der Leyen": particles run on to the surname
    return start, end


def clean_name(span: Span) -> str:
    start, end = name_bounds(span)
    text = " ".join(span.doc[start:end].text.split()) if end > start else ""  # hard-wrapped lines
    text = re.sub(r"['’]s$", "", text).strip(" ,.-")
    if not text or not all(NAME_PART.match(w) for w in text.split()) or any(c.isdigit() for c in text):
        return ""
    if not _looks_like_name(span.doc[start:end]):
        return ""
    return text


def common_words(doc: Doc) -> set[str]:
    """Words the article uses in lower case (and their lemmas): capitalised elsewhere, they
    are a headline's or kicker's words, not a name ("Xi Meet", "PRESS RELEASE")."""
    found = doc._.lower_words
    if found is None:
        found = {w for t in doc if t.is_alpha and t.text.islower() and t.pos_ in ("NOUN", "VERB", "ADJ")
                 and not _in_slug(t) for w in (t.text, t.lemma_)}
        doc._.lower_words = found
    return found


def _looks_like_name(span: Span) -> bool:
    """Reject spans with words that name things, not people ("Arab League", "Wang's Trip").

    A capitalised word is not a name part when it is a known place/organisation
    word, an all-caps or dotted abbreviation, or when the same article uses it as an
    ordinary lower-case word ("trip", "issue").
    """
    lower_words = common_words(span.doc)
    for tok in span:
        word = tok.text.lower()
        if tok.text in ("'s", "’s", "-") or word in PARTICLES:
            continue
        if INITIALS.match(tok.text) and tok.i < span.end - 1:
            continue
        if tok.text.isupper() and len(tok) <= 3 and tok.i == span.end - 2 == span.start and tok.ent_type_ == "PERSON" \
                and word not in TITLE_NOUNS:
            continue  # "JD Vance": undotted initials before the surname
        inner = span.start < tok.i < span.end - 1 and word in ("sheikh", "sheik", "shaikh") \
            or _surname_like_title(span, tok)
        if word in NOT_NAME_WORDS | MEAL_NOUNS or word in TITLE_NOUNS and not inner or "." in tok.text \
                or _doctrine(word) \
                or tok.text.isupper() and len(tok) > 1:
            return False
        hyphened = _joining_hyphen(tok.doc, tok.i + 1) or _joining_hyphen(tok.doc, tok.i - 1)
        if word in lower_words and not hyphened:  # "Sung-lac": a syllable of a name, not the word "sung"
            return False
    return True
