"""Helpers for the rule tests: one invented text through the real pipeline, published
Wednesday 20 March 2024 unless told otherwise (so "on Monday" is 2024-03-18)."""
from datetime import date
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
