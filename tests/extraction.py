"""Helpers for the rule tests: one invented text through the real pipeline, published
Wednesday 20 March 2024 unless told otherwise (so "on Monday" is 2024-03-18), and a parse
built by hand for the pure helpers that need no model."""
from datetime import date
from functools import lru_cache
from pathlib import Path

from digest.extract import extract_doc
from digest.merge import merge
from digest.models import Article


def run(nlp, text: str, published: date | None = date(2024, 3, 20)):
    article = Article(path=Path("t.txt"), text=text, published=published)
    return extract_doc(article, nlp(text))


def brief(nlp, *texts, published=date(2024, 3, 20)):
    extractions = [extract_doc(Article(path=Path(f"s{i}.txt"), text=t, published=p), nlp(t))
                   for i, (t, p) in enumerate((t, published) if isinstance(t, str) else t for t in texts)]
    return merge(extractions, date(2024, 3, 21), "test")


def meetings(nlp, text, published=date(2024, 3, 20)):
    return [sorted(m.participants) for m in run(nlp, text, published).meetings]


@lru_cache(maxsize=1)
def _vocab():
    from spacy.lang.en import English

    return English().vocab  # lexical attributes (lower_, is_alpha) need the language's getters; no model


def parsed(rows):
    """A Doc built by hand, as spaCy's own matcher tests build theirs, from rows of
    (word, head, dep, pos, tag, lemma, entity IOB): heads are absolute token indices."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas, ents = map(list, zip(*rows))
    return Doc(_vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
