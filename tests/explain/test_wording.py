import math

import pytest

from clearlane.explain.wording import of_the_median


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (1 / 230, "1/230 of the median"),
        (0.0043, "1/233 of the median"),
        (1 / 2500, "1/2,500 of the median"),
        (0.5, "1/2 of the median"),
        (0.4, "1/2.5 of the median"),
        (0.18, "1/5.6 of the median"),
        (1.0, "1.00 × the median"),
        (2.4, "2.40 × the median"),
        (1234.5, "1,234.50 × the median"),
    ],
)
def test_ratios_below_one_are_fractions(ratio: float, text: str) -> None:
    assert of_the_median(ratio) == text


def test_no_ratio_rounds_to_zero() -> None:
    for exponent in range(1, 7):
        assert not of_the_median(10.0**-exponent).startswith("0")
    assert of_the_median(math.nan) == "nan × the median"
