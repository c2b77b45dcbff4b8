"""Run state: what the previous briefing contained, and what is new since."""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from digest.history import SENT, STATE_NAME, WRITTEN, has_new, load_seen, mark_new, save_seen
from digest.models import Article, Briefing, Source


def briefing_of(*hashes: str) -> Briefing:
    sources = [Source(f"s{i}", Article(path=Path(f"/in/{h}.txt"), text="", sha256=h)) for i, h in enumerate(hashes)]
    return Briefing(date=date(2024, 3, 20), title="T", sources=sources, actors=[], meetings=[], positions=[])


def test_first_run_has_no_previous_briefing(tmp_path):
    assert load_seen(tmp_path) is None
    briefing = briefing_of("aa", "bb")
    assert mark_new(briefing, None) == 2 and all(s.new for s in briefing.sources)
    assert has_new([s.article for s in briefing.sources], None)


def test_round_trip_marks_only_new_sources(tmp_path):
    save_seen(tmp_path, briefing_of("aa", "bb"))
    seen = load_seen(tmp_path)
    assert seen == {"aa", "bb"}
    later = briefing_of("aa", "cc")
    assert mark_new(later, seen) == 1
    assert [s.new for s in later.sources] == [False, True]
    assert has_new([s.article for s in later.sources], seen)
    assert not has_new([later.sources[0].article], seen)
    assert [p.name for p in tmp_path.iterdir()] == [STATE_NAME]


def test_unreadable_state_counts_as_no_previous_briefing(tmp_path, caplog):
    (tmp_path / STATE_NAME).write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_seen(tmp_path) is None
    assert "treating every source as new" in caplog.text


def test_written_and_sent_are_kept_apart(tmp_path):
    save_seen(tmp_path, briefing_of("aa"), (WRITTEN, SENT))
    save_seen(tmp_path, briefing_of("aa", "bb"))  # a preview
    assert load_seen(tmp_path, WRITTEN) == {"aa", "bb"}
    assert load_seen(tmp_path, SENT) == {"aa"}
