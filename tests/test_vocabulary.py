"""The vocabulary module: every list declares how it is matched, and no word means a thing and its opposite."""
import pytest

from digest import vocabulary
from digest.vocabulary import CONTRADICTIONS, SUBSETS, Words

LISTS = {name: value for name, value in vars(vocabulary).items() if isinstance(value, Words)}


def test_every_list_declares_its_token_attribute():
    assert LISTS and all(words.attr in ("lemma", "lower") for words in LISTS.values())


@pytest.mark.parametrize("name", sorted(LISTS))
def test_words_are_written_as_they_are_matched(name):
    """Both attributes are compared in lower case, so a capital in a list can never match."""
    assert all(w == w.lower() for w in LISTS[name]), sorted(w for w in LISTS[name] if w != w.lower())


@pytest.mark.parametrize("first, second", CONTRADICTIONS)
def test_no_word_sits_in_two_lists_that_contradict_each_other(first, second):
    assert not LISTS[first] & LISTS[second], sorted(LISTS[first] & LISTS[second])


@pytest.mark.parametrize("inner, outer", SUBSETS)
def test_lists_that_must_lie_inside_another_do(inner, outer):
    assert LISTS[inner] <= LISTS[outer], sorted(LISTS[inner] - LISTS[outer])


def test_an_unknown_attribute_is_refused():
    with pytest.raises(ValueError):
        Words("text", {"x"})
