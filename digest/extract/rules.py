"""Rules kept as data: the pattern files in patterns/, loaded and checked once.

A pattern file lists constructions, each with an id, what it covers, an example
sentence, a spaCy Matcher token pattern and the name of the check its parse must
pass. "$NAME" inside a pattern is the vocabulary list NAME, so a word is listed in
digest/vocabulary.py only. A file that names an unknown check, list or duplicate
id fails at import, not on some article later.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .. import vocabulary

PATTERNS = Path(__file__).parent / "patterns"


@dataclass(frozen=True)
class Rule:
    id: str
    construction: str
    example: str
    pattern: list[dict]
    check: str


def load_rules(name: str, checks: set[str]) -> tuple[Rule, ...]:
    """The rules of patterns/<name>.yaml, with vocabulary names resolved; `checks` are the known check names."""
    path = PATTERNS / f"{name}.yaml"
    rules, seen = [], set()
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
        rule = Rule(entry["id"], entry["construction"], entry["example"], _resolve(entry["pattern"]), entry["check"])
        if rule.id in seen or rule.check not in checks:
            raise ValueError(f"{path}: rule {rule.id!r}: duplicate id or unknown check {rule.check!r}")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


def _resolve(value):
    if isinstance(value, str) and value.startswith("$"):
        return sorted(getattr(vocabulary, value[1:]))  # AttributeError names the missing list
    if isinstance(value, list):
        return [_resolve(v) for v in value]
    if isinstance(value, dict):
        return {k: _resolve(v) for k, v in value.items()}
    return value


_MATCHERS: dict[tuple[int, str], Matcher] = {}


def matches(doc: Doc, name: str, rules: tuple[Rule, ...]) -> dict[int, list[Rule]]:
    """Token index -> the rules of `name` whose pattern matches there, in file order.

    The Matcher is built once per model vocabulary (a forked worker inherits it)."""
    key = (id(doc.vocab), name)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = _MATCHERS[key] = Matcher(doc.vocab, validate=True)
        for rule in rules:
            matcher.add(rule.id, [rule.pattern])
    by_id = {rule.id: rule for rule in rules}
    found: dict[int, list[Rule]] = {}
    for match_id, start, _end in matcher(doc):
        found.setdefault(start, []).append(by_id[doc.vocab.strings[match_id]])
    order = {rule.id: i for i, rule in enumerate(rules)}
    return {i: sorted(rs, key=lambda r: order[r.id]) for i, rs in found.items()}
