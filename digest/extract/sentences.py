"""Line structure: hard wraps joined before tokenizing, and a sentence start at
every remaining line break.

Articles arrive as one paragraph (or heading, or caption) per line, or hard-
wrapped at a fixed width with blank lines between paragraphs. The parser's own
segmentation runs a caption into the next paragraph, which then lends its date
or people to the wrong clause, so the break component must run before the parser.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# Facts about an article that several rules read, kept on its Doc once computed (None: not yet):
# where its repeated title ends, its transcript speaker labels, the words it uses in lower
# case, its sentences with their index by first token, the full dates it writes, the city
# its dateline names and the tokens inside quotation marks.
for _name in ("headline_end", "speaker_labels", "lower_words", "sentences", "sentence_index", "written_days",
              "filed_from", "quoted"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

NAME = "paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Every line break starts a sentence (hard-wrapped lines were joined by `unwrap`), and
    nothing inside or right after an editor's brackets does ("ministers of X [Name] and ...")."""
    depth = 0
    line_start = 0
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            depth = 0
            line_start = tok.i + 1
            continue
        if tok.text in DATELINE_DASHES and _capitals(doc[line_start:tok.i]):
            # "BEIJING — Korean President ...": the dateline and its sentence are one
            tok.is_sent_start = False
            doc[tok.i + 1].is_sent_start = False
            continue
        if tok.text == "[":
            depth += 1
        elif tok.text == "]" and depth:
            depth -= 1
            doc[tok.i + 1].is_sent_start = False
        if depth or doc[tok.i + 1].text == "[":
            doc[tok.i + 1].is_sent_start = False
    for tok in doc[1:-1]:
        closing = tok.text == "”" or tok.text == '"' and tok.i - 1 in quoted_tokens(doc)
        if closing and not tok.whitespace_ and doc[tok.i - 1].text.endswith(("!", "?")) \
                and doc[tok.i + 1].is_alpha and doc[tok.i + 1].text[:1].isupper():
            # '... I love tacos!”Former senator Lowe said': a quotation closed on its sentence's
            # end and glued to the next paragraph, as scraped pages run them together
            doc[tok.i + 1].is_sent_start = True
        if _opens_quotation_after_sentence(doc, tok.i):
            tok.is_sent_start = True
            doc[tok.i + 1].is_sent_start = False
    return doc


SENTENCE_ENDS = (".", "!", "?")


def _opens_quotation_after_sentence(doc: Doc, i: int) -> bool:
    """'... renovations. \'\'The plane is new.\'\'': a doubled apostrophe set before a word
    after a finished sentence opens the next one. The tagger reads the pair as a closing
    mark only (so it would end the sentence before); curly and straight marks it places well."""
    tok, before = doc[i], doc[i - 1]
    if tok.text != "''" or tok.whitespace_ or not (before.whitespace_ or before.is_space) or i + 1 >= len(doc):
        return False
    while before.is_space and before.i > 0:
        before = doc[before.i - 1]
    if before.text in SENTENCE_ENDS or "\n" in before.whitespace_ or "\n" in doc[i - 1].text:
        return True
    return before.text in ("''", "”", '"') and before.i >= 1 and doc[before.i - 1].text in SENTENCE_ENDS


DATELINE_DASHES = ("—", "–", "-", "--")


def _capitals(words) -> bool:
    """A line's start in capitals only ("NEW YORK", "ST. PETERSBURG"), as datelines are set."""
    alpha = [t for t in words if t.is_alpha]
    return bool(alpha) and len(words) <= 6 and all(t.is_upper or not t.is_alpha for t in words)


# A quotation mark glued to the sentence before it ('... Murmu."Jaishankar expressed'), as
# scraped pages often run paragraphs together: split off, so the quote opens and the name is one.
GLUED_QUOTE = r'(?<=[.!?,])["“”]'


def split_glued_quotes(nlp) -> None:
    """Add the glued quotation mark to the tokenizer's infixes, keeping the model's own."""
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, GLUED_QUOTE]).finditer


class UnwrappingTokenizer:
    """The model's tokenizer, on text whose hard wraps are joined first.

    A line break inside a paragraph becomes a token of its own and splits names
    ("Xi\nJinping") and clauses for the tagger, parser and NER alike. Replacing it by
    a space keeps every character offset, so evidence and spans stay aligned.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(unwrap(text))


def unwrap(text: str) -> str:
    """Hard-wrapped text (most lines of similar width, ending mid-sentence) with each
    full-width line joined to the next non-blank one; same length as `text`.

    Short lines (headlines, datelines, a paragraph's last line) keep their break.
    """
    lines = text.split("\n")
    if not hard_wrapped(lines):
        return text
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    full = 0.7 * widths[len(widths) // 2]
    joined = [line + (" " if len(line.rstrip()) >= full and nxt.strip() else "\n")
              for line, nxt in zip(lines, lines[1:])]
    return "".join(joined) + lines[-1]


def hard_wrapped(lines: list[str]) -> bool:
    lines = [line.rstrip() for line in lines if line.strip()]
    if len(lines) < 8:
        return False
    mid = sum(1 for line in lines if 50 <= len(line) <= 100 and line[-1:] not in ".!?\"”’:;)")
    return mid / len(lines) >= 0.5


def mark_headline(doc: Doc, title: str | None) -> None:
    """Remember where the article's own title is repeated as a line near the top, so that
    the headline ("The meeting between A and B ended: ...") is never read as a report."""
    if not title:
        return
    wanted, at = " ".join(title.split()), 0
    for line in doc.text[:3000].split("\n")[:12]:
        if " ".join(line.split()) == wanted:
            doc._.headline_end = at + len(line)
        at += len(line) + 1


def is_heading(sent) -> bool:
    """A headline, section title or kicker: short, no closing punctuation, mostly capitalised."""
    if sent.start_char < (sent.doc._.headline_end or -1):
        return True
    words = [t for t in sent if t.is_alpha]
    if not words or sent.text.strip()[-1:] in ".!?\"”’;)":
        return False
    capitals = sum(1 for t in words if t.text[0].isupper())
    return len(words) <= 14 and capitals / len(words) >= 0.6 or capitals / len(words) >= 0.8


# Double quotation marks as tokens: curly, straight, and the typewriter pair of two
# apostrophes ("''It's new,'' he said") that some newspapers' plain text uses, with its
# opening pair of backticks.
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``"})
OPENING_MARKS = frozenset({"“", "``"})
TOGGLING_MARKS = frozenset({'"', "''"})  # open or close, whichever the quotation needs


def quoted_tokens(doc: Doc) -> set[int]:
    """Token indices inside quotation marks (curly, straight or doubled apostrophes), across
    sentences; a paragraph break closes a quotation left open, as a new paragraph reopens its quote.
    Found once per Doc (speech, dates and places all ask)."""
    if doc._.quoted is not None:
        return doc._.quoted
    inside, out = False, set()
    for tok in doc:
        if "\n\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text:
            inside = False
        if tok.text in QUOTE_MARKS:
            inside = tok.text in OPENING_MARKS or (tok.text in TOGGLING_MARKS and not inside)
            continue
        if inside:
            out.add(tok.i)
    doc._.quoted = out
    return out
