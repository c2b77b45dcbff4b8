"""Every rule in digest/extract/patterns/ does what its example says, and a bad rule file fails loudly."""
from datetime import date
from pathlib import Path

import pytest

from digest.extract import extract_doc, rules
from digest.extract.meetings import CHECKS, RULES
from digest.extract.positions import RULES as SPEECH_RULES
from digest.models import Article


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_each_meeting_construction_reports_its_example(nlp, rule):
    text = rule.example
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert any(len(m.participants) >= 2 for m in found.meetings), (rule.id, text)


def test_a_rule_file_with_an_unknown_check_is_refused(tmp_path, monkeypatch):
    (tmp_path / "broken.yaml").write_text(
        "- id: x\n  construction: c\n  example: e\n  pattern: [{LOWER: met}]\n  check: nonsense\n", encoding="utf-8")
    monkeypatch.setattr(rules, "PATTERNS", tmp_path)
    with pytest.raises(ValueError, match="unknown check 'nonsense'"):
        rules.load_rules("broken", set(CHECKS))


def test_a_rule_naming_a_missing_word_list_is_refused(tmp_path, monkeypatch):
    (tmp_path / "broken.yaml").write_text(
        "- id: x\n  construction: c\n  example: e\n  pattern: [{LEMMA: {IN: $NO_SUCH_LIST}}]\n  check: always\n",
        encoding="utf-8")
    monkeypatch.setattr(rules, "PATTERNS", tmp_path)
    with pytest.raises(AttributeError):
        rules.load_rules("broken", set(CHECKS))


@pytest.mark.parametrize("rule", SPEECH_RULES, ids=[r.id for r in SPEECH_RULES])
def test_each_speech_construction_gives_its_example_a_speaker(nlp, rule):
    text = rule.example
    found = extract_doc(Article(path=Path("t.txt"), text=text, published=date(2024, 3, 20)), nlp(text))
    assert [p.actor for p in found.positions][:1] == ["Anna Berg"], (rule.id, text)  # with Lars Holm when joint
