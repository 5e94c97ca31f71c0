"""The Spark backend runs the same party model as DuckDB and finds the same pairs.

Slow: starting a local JVM and Spark's planning take one to two minutes on the 2-core CI
machine; it still runs in the default suite."""

import numpy as np
import pytest

from clearlane.link.resolve import FIELDS, link_parties
from tests.link.test_parties import LEFT, RIGHT, _frame

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")


@pytest.mark.slow
def test_spark_matches_duckdb() -> None:
    left, right = _frame(LEFT), _frame(RIGHT)
    duck = link_parties(left, right, threshold=1e-9).matches
    spark = link_parties(left, right, threshold=1e-9, backend="spark").matches
    assert len(duck) >= 4
    assert list(zip(duck.left_id, duck.right_id, strict=True)) == list(
        zip(spark.left_id, spark.right_id, strict=True)
    )
    assert list(duck.method) == list(spark.method)
    for column in ["match_probability", "match_weight", "w_prior", *(f"w_{f}" for f in FIELDS)]:
        np.testing.assert_allclose(duck[column], spark[column], rtol=0, atol=1e-9)
