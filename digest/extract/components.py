"""The rule stages as registered spaCy components, each writing its result onto the Doc.

    doc._.published, doc._.title   the article's context, set before the rules run
    digest_headline  -> doc._.headline_end    where the repeated title ends (never a report)
    digest_roster    -> doc._.roster          persons, organisations, countries and their mentions,
                                              pronouns and descriptions resolved
    digest_meetings  -> doc._.meetings        MeetingMention per reported meeting
    digest_positions -> doc._.positions       PositionMention per statement

Each component reads what the one before wrote, so any of them can be added to a
pipeline of one's own (`nlp.add_pipe("digest_meetings")`) after the ones it needs.
`extract_doc` runs them on a Doc the model has parsed, after setting the
article's context: a component inside `nlp.pipe` could not be given each
article's publication date. Facts the rules read many times (the transcript's
speaker labels, the article's lower-case words, its sentence list) are kept on
the Doc too, computed on first use.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .actors import build_roster
from .meetings import find_meetings
from .positions import find_positions
from .references import resolve_descriptions
from .sentences import mark_headline

for _name in ("published", "title", "roster", "meetings", "positions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("digest_headline")
def headline(doc: Doc) -> Doc:
    mark_headline(doc, doc._.title)
    return doc


@Language.component("digest_roster")
def roster(doc: Doc) -> Doc:
    doc._.roster = build_roster(doc)
    resolve_descriptions(doc, doc._.roster)
    return doc


@Language.component("digest_meetings")
def meetings(doc: Doc) -> Doc:
    doc._.meetings = find_meetings(doc, doc._.roster, doc._.published)
    return doc


@Language.component("digest_positions")
def positions(doc: Doc) -> Doc:
    doc._.positions = find_positions(doc, doc._.roster, doc._.meetings)
    return doc


RULES = (headline, roster, meetings, positions)  # in the order each needs the one before
