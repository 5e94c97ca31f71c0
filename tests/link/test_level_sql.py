"""The DuckDB spellings of the party model's array levels (list_has_any / list_has_all, a
CASE that evaluates word lists only where a cheap test holds) select exactly the pairs that
the generic SQL (list_intersect sizes, as Spark runs it) selects, NULL arrays included."""

from __future__ import annotations

import itertools

import duckdb

from clearlane.link.settings import PARTY_MODEL, _duckdb_arrays, splink_settings

WORDS = [
    None,
    ["a"],
    ["b"],
    ["a", "b"],
    ["a", "c"],
    ["b", "c", "d"],
    ["a", "b", "e"],
    ["a", "b", "f"],
]


def _own(words: list[str] | None) -> list[str] | None:
    # a name's own words: not "a" or "b" (as a town or trade word is not); until this
    # review (reviewp9) the own words were the name's words, so "each has an own word the
    # other lacks" never held with two words in common and the level's SQL went unchecked
    own = [w for w in words or [] if w not in {"a", "b"}]
    return own or None


def _pairs() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(
        "create table p (name_key_l varchar, name_key_r varchar, "
        + ", ".join(
            f"{c}_{s} varchar[]"
            for c in (
                "name_tokens",
                "name_own",
                # a person's given-name form keys (session 31, parties23)
                "name_forms",
                "street_words",
                "place_words",
                "town_words",
                "town_names",
                "where_words",
                "country_keys",
            )
            for s in ("l", "r")
        )
        + ", street_places_l boolean, street_places_r boolean, city_key_l varchar, "
        "city_key_r varchar)"
    )
    rows = []
    for i, (x, y) in enumerate(itertools.product(WORDS, repeat=2)):
        key_l = " ".join(x) if x else None
        key_r = " ".join(y) if y else None
        flag_l, flag_r = (i % 3 != 0, i % 2 == 0) if i % 5 else (None, True)
        city_l, city_r = (None if i % 4 == 0 else "x"), (None if i % 7 == 0 else "y")
        rows.append(
            (key_l, key_r, x, y, _own(x), _own(y), *([x, y] * 7), flag_l, flag_r, city_l, city_r)
        )
    con.executemany(f"insert into p values ({', '.join(['?'] * 24)})", rows)
    return con


def test_duckdb_levels_select_the_pairs_the_generic_sql_does() -> None:
    con = _pairs()
    duck = splink_settings(PARTY_MODEL).get_settings("duckdb")
    spark = splink_settings(PARTY_MODEL).get_settings("spark")
    checked = 0
    for comparison, generic in zip(duck.comparisons, spark.comparisons, strict=True):
        if comparison.output_column_name not in {"name", "street", "city", "country"}:
            continue
        for fast, slow in zip(comparison.comparison_levels, generic.comparison_levels, strict=True):
            a, b = fast.sql_condition, slow.sql_condition
            if a == "ELSE" or "list_has" not in a and "CASE" not in a:
                continue
            # the generic SQL (as Spark runs it) in DuckDB's spelling: before 2026-12-05
            b = _duckdb_arrays(b).replace("SIZE(", "len(").replace("`", '"')
            b = b.replace("jaro_winkler(", "jaro_winkler_similarity(")
            # Spark's cast of a column that may be of no type (VOID) to an array of strings
            b = b.replace(" AS ARRAY<STRING>)", " AS VARCHAR[])")
            query = (
                f"select count(*) from p where coalesce(({a}), false) "
                f"is distinct from coalesce(({b}), false)"
            )
            assert con.execute(query).fetchone() == (0,), (a, b)
            checked += 1
    assert checked >= 5


def test_the_own_words_level_sets_pairs_apart_in_the_test_table() -> None:
    # the table holds pairs the "own" rule takes apart (two words in common, "a" and "b",
    # and an own word each: "e" and "f"), so the comparison above checks that rule too
    con = _pairs()
    duck = splink_settings(PARTY_MODEL).get_settings("duckdb")
    name = next(c for c in duck.comparisons if c.output_column_name == "name")
    own = next(lv.sql_condition for lv in name.comparison_levels if "name_own" in lv.sql_condition)
    shared = "len(list_intersect(name_tokens_l, name_tokens_r)) >= 2"
    query = f"select count(*) from p where {shared} and not coalesce(({own}), false)"
    fetched = con.execute(query).fetchone()
    assert fetched is not None and fetched[0] > 0
