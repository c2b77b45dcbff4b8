"""A pipeline component that starts a new sentence at every line break.

Articles arrive as one paragraph (or heading, or caption) per line; the
parser's own segmentation runs a caption into the next paragraph, which then
lends its date or people to the wrong clause. Must run before the parser.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    """Every line break starts a sentence, except in hard-wrapped text (most lines of
    similar width, ending mid-sentence), where only blank lines do."""
    wrapped = hard_wrapped(doc.text)
    for tok in doc[:-1]:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            continue
        if not wrapped or (tok.text + tok.whitespace_).count("\n") > 1:
            doc[tok.i + 1].is_sent_start = True
    return doc


def hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 8:
        return False
    mid = sum(1 for line in lines if 50 <= len(line) <= 100 and line[-1:] not in ".!?\"”’:;)")
    return mid / len(lines) >= 0.5


def is_heading(sent) -> bool:
    """A headline, section title or kicker: short, no closing punctuation, mostly capitalised."""
    words = [t for t in sent if t.is_alpha]
    if not words or sent.text.strip()[-1:] in ".!?\"”’;)":
        return False
    capitals = sum(1 for t in words if t.text[0].isupper())
    return len(words) <= 14 and capitals / len(words) >= 0.6 or capitals / len(words) >= 0.8
