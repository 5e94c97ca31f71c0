"""Two words of persons' names are compared once a process (session 37): in a link, the
pairs that other_given_names judges share their words (6,030 comparisons of 576 word pairs
in a small link among 180 filler parties a side), and each took a SequenceMatcher or two."""

from __future__ import annotations

from itertools import product

from clearlane.link.normalise import _one_name, other_given_names


def test_two_words_are_compared_once_and_read_as_before() -> None:
    _one_name.cache_clear()
    names = ["Anil Kumar Rao", "Anil Kumar RAO", "Mohammed Abdullah", "Muhammad Abdulah"]
    first = [other_given_names(a.lower(), b.lower()) for a, b in product(names, names)]
    misses = _one_name.cache_info().misses
    again = [other_given_names(a.lower(), b.lower()) for a, b in product(names, names)]
    assert again == first
    assert _one_name.cache_info().misses == misses  # every pair of words read from the cache
    assert _one_name.cache_info().hits > 0
    words = ["hasan", "hussain", "hsn", "khalil", "khalilov", "m", "mohammed", "muhammad", "zhu"]
    for a, b, abjad in product(words, words, (False, True)):
        assert _one_name(a, b, abjad=abjad) == _one_name.__wrapped__(a, b, abjad=abjad)
