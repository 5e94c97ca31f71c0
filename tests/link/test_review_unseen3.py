"""A review of the third unseen set's rules (initials, dates of birth, place names, IMO
numbers) by small hand-made inputs: what they must not link, read or refuse."""

from __future__ import annotations

import pytest

from tests.link.test_unseen3 import _pairs

_LONDON = {"country": "GB", "city": "London", "street": "1 High Street"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the initials stand for the only word that says who the company is: any "J... Trading"
        ("J Trading Ltd", "Jade Trading Ltd"),
        ("A and B Trading Ltd", "Alpha Beta Trading Ltd"),
    ],
)
def test_initials_beside_trade_words_only_do_not_link_at_one_address(a: str, b: str) -> None:
    assert (
        _pairs([{"id": "r1", "name": a, **_LONDON}], [{"id": "s1", "name": b, **_LONDON}]) == set()
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # John and Jane Smith of one household: "J. Smith" born 1970 is not Jane born 1985
        (
            {"name": "J. Smith", "kind": "Person", "registration_date": "1970-01-01"},
            {"name": "Jane Smith", "kind": "Person", "registration_date": "1985-01-01"},
        ),
        # the same street name in another country
        (
            {"name": "J. Smith", "kind": "Person"},
            {"name": "Jane Smith", "kind": "Person", "country": "US"},
        ),
        # neither side said to be a company
        ({"name": "K Smith"}, {"name": "Smith Kline"}),
    ],
)
def test_a_persons_initials_are_not_linked_by_an_address_alone(
    left: dict[str, str], right: dict[str, str]
) -> None:
    register = [{"id": "r1", **_LONDON, **left}]
    listed = [{"id": "s1", **_LONDON, **right}]
    assert _pairs(register, listed) == set()


def test_a_persons_initials_still_link_on_the_same_date_of_birth() -> None:
    register = [{"id": "r1", **_LONDON, "name": "J. Smith", "registration_date": "1970-01-01"}]
    listed = [{"id": "s1", **_LONDON, "name": "John Smith", "registration_date": "1970-01-01"}]
    assert _pairs(register, listed) == {("r1", "s1")}
