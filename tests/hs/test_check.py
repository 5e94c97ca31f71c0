"""The declared-code check: right code above wrong chapter and wrong sibling; the frame API."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from clearlane.hs import LOW_PLAUSIBILITY, CodeError, check, check_frame, clean_code


def test_right_code_scores_above_wrong_chapter_and_wrong_sibling() -> None:
    right, sibling, chapter = check(
        [
            ("men's cotton t-shirt", "6109.10"),
            ("men's cotton t-shirt", "610990"),  # same heading, other textile materials
            ("men's cotton t-shirt", "851830"),  # headphones
        ]
    )
    assert right.plausibility > sibling.plausibility > chapter.plausibility
    assert right.plausibility >= 0.5 and right.reason_code is None
    assert chapter.plausibility < 0.05
    assert chapter.reason_code == "HS_DESCRIPTION_MISMATCH_CHAPTER"
    assert chapter.reason == "description 'men's cotton t-shirt' fits 6109.10, declared 8518.30"
    # A sibling is at most a subheading reason (never a chapter/heading risk reason); whether it
    # is flagged at all depends on the calibrated floor (see the unit test below).
    assert sibling.reason_code in (None, "HS_DESCRIPTION_MISMATCH_SUBHEADING")
    assert (sibling.plausibility < LOW_PLAUSIBILITY) == (sibling.reason_code is not None)


def test_other_heading_of_the_same_chapter_is_a_heading_mismatch() -> None:
    (result,) = check([("men's cotton t-shirt", "611780")])
    assert result.reason_code == "HS_DESCRIPTION_MISMATCH_HEADING"


def test_hs2017_only_code_is_compared_as_an_hs2022_code_of_its_heading() -> None:
    # 8517.62 exists in both; 8528.71 too. 2017-only: 8443.... pick one from the editions.
    from clearlane.hs.nomenclature import nomenclature

    nom = nomenclature()
    old = next(c for c in sorted(nom.texts_2017) if nom.is_2017_only(c) and c[:2] == "85")
    (result,) = check([("electrical apparatus", old)])
    assert result.compared_code != old and result.compared_code in nom.subheadings


@pytest.mark.parametrize("code", ["", "12", "abcdef", "999999", "61091"])
def test_bad_codes_are_refused(code: str) -> None:
    with pytest.raises(CodeError):
        clean_code(code)


def test_check_frame_scores_each_item_and_keeps_the_index() -> None:
    frame = pd.DataFrame(
        {
            "description": ["men's cotton t-shirt", "men's cotton t-shirt", "", "laptop"],
            "hs_code": ["61091000", "85183000", "61091000", "12"],
        },
        index=[10, 11, 12, 13],
    )
    out = check_frame(frame)
    assert list(out.index) == [10, 11, 12, 13]
    assert out.at[10, "plausibility"] > out.at[11, "plausibility"]
    assert out.at[11, "best_code"] == "610910"
    assert out.at[11, "reason_code"] == "HS_DESCRIPTION_MISMATCH_CHAPTER"
    assert "fits 6109.10, declared 8518.30" in out.at[11, "reason"]
    assert math.isnan(out.at[12, "plausibility"])
    assert out.at[12, "reason_code"] == "HS_DESCRIPTION_MISSING"
    assert out.at[13, "reason_code"] == "HS_CODE_UNKNOWN"


def test_nothing_in_nothing_out() -> None:
    assert check([]) == []
    assert check_frame(pd.DataFrame({"description": [], "declared_code": []})).empty


def test_plausibility_is_the_lowest_calibrated_level_and_names_it() -> None:
    import numpy as np

    from clearlane.hs.api import (
        CHAPTER_FLOOR,
        SUBHEADING_FLOOR,
        level_ratios,
        plausibility,
        verdict,
    )
    from clearlane.hs.model import Ranked

    ranked = Ranked(
        ["610910", "610990", "611780", "851830", "010121"],
        np.array([0.7, 0.7 * SUBHEADING_FLOOR / 2, 0.25, 0.05, CHAPTER_FLOOR / 100]),
    )
    assert verdict(ranked, "610910") == (1.0, None)
    # 5 % of the mass in another chapter is not implausible: above the floor, no reason
    chapter_ratio = level_ratios(ranked, "851830")[0]
    assert chapter_ratio > CHAPTER_FLOOR
    p, reason = verdict(ranked, "851830")
    assert LOW_PLAUSIBILITY < p < 0.5 and reason is None
    # a chapter with next to nothing: a chapter reason, plausibility proportional below 0.2
    p, reason = verdict(ranked, "010121")
    assert reason == "HS_DESCRIPTION_MISMATCH_CHAPTER" and p < 0.1 * LOW_PLAUSIBILITY
    # a sibling with half the floor's share of its best sibling: a subheading reason, near 0.2
    p, reason = verdict(ranked, "610990")
    assert reason == "HS_DESCRIPTION_MISMATCH_SUBHEADING" and 0.1 < p < LOW_PLAUSIBILITY
    # another heading of the right chapter with a third of the best heading's mass: fine
    assert verdict(ranked, "611780")[1] is None
    assert plausibility(ranked, "999999") == 0.0  # not a candidate
    for code in ranked.codes:
        assert plausibility(ranked, code) == verdict(ranked, code)[0]


def test_features_refuse_a_batch_hiding_different_documents() -> None:
    import numpy as np

    from clearlane.hs.model import shipped_model

    index = shipped_model().index
    hidden = np.zeros((2, len(index.pairs)), dtype=bool)
    hidden[1, 0] = True
    with pytest.raises(ValueError, match="same labelled documents"):
        index.features(["t-shirt", "laptop"], hidden=hidden)


def test_a_huge_description_is_ranked_and_checked_as_its_first_characters() -> None:
    """A 100 kB goods description (some paths do not cap it: invoice lines, a file scored
    without ingest) is ranked, checked and cited on its first MAX_RANKED characters only: the
    same ranking, to the bit, and the same check and suggestions as that head alone (the
    whole text cost about a second of CPU per description in the ranker)."""
    from clearlane.hs.api import check_and_suggest
    from clearlane.hs.model import MAX_RANKED, HSModel, shipped_model

    head = ("men's cotton t-shirt, knitted, short sleeves; " * 40)[:MAX_RANKED]
    huge = head + " stainless steel kitchen knife, lithium battery" * 2_200
    assert MAX_RANKED == 1_000 and len(huge) > 100_000

    def fresh() -> HSModel:  # no kept rankings: each text ranked on its own, alone
        shipped = shipped_model()
        return HSModel(shipped.index, shipped.booster)

    (whole,) = fresh().rank([huge])
    (first,) = fresh().rank([head])
    assert whole.codes == first.codes and whole.scores.tobytes() == first.scores.tobytes()
    for code in ("610910", "821191"):  # the head's code; the tail's (a wrong chapter for it)
        assert check_and_suggest([(huge, code)], top=5, model=fresh()) == check_and_suggest(
            [(head, code)], top=5, model=fresh()
        )


@pytest.mark.parametrize("padding", [" " * 1_000, "." * 1_200, "\n-\t" * 400])
def test_a_long_description_padded_before_its_words_is_checked_on_its_words(
    padding: str,
) -> None:
    """An invoice line laid out with whitespace, dot leaders or rules before its words (over
    MAX_RANKED characters in all): its first MAX_RANKED characters held no letter, so it was
    ranked as a blank text and checked as a mismatch quoting "description ''". The head
    starts at its first letter or digit; a description up to MAX_RANKED is ranked whole."""
    from clearlane.hs.api import check
    from clearlane.hs.model import MAX_RANKED, ranked_head

    words = "stainless steel kitchen knife"
    assert len(padding + words) > MAX_RANKED
    assert check([(padding + words, "821191")]) == check([(words, "821191")])
    short = " " * 10 + words
    assert ranked_head(short) == short
