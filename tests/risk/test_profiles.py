"""Risk profiles: every operator, validity, scoring, refusal messages, and a reference check."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from clearlane.core.schema import Declaration
from clearlane.frames import FRAME_COLUMNS, LABEL_FIELDS, items_frame
from clearlane.risk.base import RuleScorer
from clearlane.risk.profiles import (
    NUMERIC_FRAME_FIELDS,
    ProfileError,
    ProfileSet,
    load_default_profiles,
    load_profiles,
    parse_profiles,
    save_profiles,
)


def profile(pid: str = "P-1", *conditions: dict[str, Any], **fields: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": pid,
        "name": f"profile {pid}",
        "version": 1,
        "owner": "risk-unit",
        "rationale": "because",
        "valid_from": "2020-01-01",
        "weight": 0.5,
        "conditions": list(conditions) or [{"field": "hs_code", "op": "present"}],
    }
    doc.update(fields)
    return doc


def hits_of(frame: pd.DataFrame, *conditions: dict[str, Any], **fields: Any) -> list[bool]:
    profiles = parse_profiles([profile("P-1", *conditions, **fields)])
    return profiles.evaluate(frame).hits["P-1"].tolist()


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "reference": ["r0", "r1", "r2", "r3", "r4"],
            "declaration_date": pd.to_datetime(
                ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"]
            ),
            "hs_code": ["24022000", "2402.10.00", "87032390", None, "9302"],
            "origin_country": ["CN", "VN", None, "", "DE"],
            "transport_mode": ["5", "4", "1", None, "5"],
            "customs_value": [100.0, 5000.0, np.nan, 5000.5, 20000.0],
            "unit_price_ratio": [0.2, 0.5, np.nan, 1.3, 0.49],
            "courier_id": [None, "DHL", None, None, "UPS"],
        },
        index=[10, 11, 12, 13, 14],  # not 0..n-1: results must keep the frame's index
    )


# --------------------------------------------------------------------------------- operators


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "origin_country", "op": "equals", "value": "CN"}, [1, 0, 0, 0, 0]),
        ({"field": "customs_value", "op": "equals", "value": 5000}, [0, 1, 0, 0, 0]),
        ({"field": "origin_country", "op": "in", "value": ["CN", "DE"]}, [1, 0, 0, 0, 1]),
        # not_in: a missing or blank origin is unknown, never "not in the list"
        ({"field": "origin_country", "op": "not_in", "value": ["CN"]}, [0, 1, 0, 0, 1]),
        ({"field": "customs_value", "op": "range", "min": 5000}, [0, 1, 0, 1, 1]),
        ({"field": "customs_value", "op": "range", "max": 5000}, [1, 1, 0, 0, 0]),
        ({"field": "customs_value", "op": "range", "min": 100, "max": 5000}, [1, 1, 0, 0, 0]),
        ({"field": "hs_code", "op": "regex", "value": "2402.*"}, [1, 1, 0, 0, 0]),
        ({"field": "hs_code", "op": "regex", "value": "2402"}, [0, 0, 0, 0, 0]),  # full match
        ({"field": "origin_country", "op": "regex", "value": "[A-Z]N"}, [1, 1, 0, 0, 0]),
        ({"op": "hs_prefix", "value": "2402"}, [1, 1, 0, 0, 0]),
        ({"op": "hs_prefix", "value": ["8703", "93"]}, [0, 0, 1, 0, 1]),
        ({"op": "hs_prefix", "value": "240210"}, [0, 1, 0, 0, 0]),  # dots in codes ignored
        ({"op": "unit_value_below_reference", "value": 0.5}, [1, 0, 0, 0, 1]),  # strict <
        ({"field": "origin_country", "op": "missing"}, [0, 0, 1, 1, 0]),  # None and blank
        ({"field": "origin_country", "op": "present"}, [1, 1, 0, 0, 1]),
        ({"field": "customs_value", "op": "missing"}, [0, 0, 1, 0, 0]),
        ({"field": "importer_prior_declarations", "op": "missing"}, [1, 1, 1, 1, 1]),  # no column
        ({"field": "importer_prior_declarations", "op": "range", "max": 3}, [0, 0, 0, 0, 0]),
    ],
)
def test_each_operator(frame: pd.DataFrame, condition: dict[str, Any], expected: list[int]) -> None:
    assert hits_of(frame, condition) == [bool(x) for x in expected]


def test_codes_stored_as_numbers_still_match_their_text(frame: pd.DataFrame) -> None:
    # A CSV read without dtypes turns transport mode "5" into 5.0; the profile still says "5".
    numeric = frame.assign(transport_mode=[5.0, 4.0, 1.0, np.nan, 5.0])
    condition = {"field": "transport_mode", "op": "equals", "value": "5"}
    assert hits_of(numeric, condition) == hits_of(frame, condition) == [1, 0, 0, 0, 1]


def test_conditions_all_hold_and_any_of_needs_one(frame: pd.DataFrame) -> None:
    express = {
        "any_of": [
            {"field": "transport_mode", "op": "equals", "value": "5"},
            {"field": "courier_id", "op": "present"},
        ]
    }
    assert hits_of(frame, express) == [True, True, False, False, True]
    valuable = {"field": "customs_value", "op": "range", "min": 1000}
    assert hits_of(frame, express, valuable) == [False, True, False, False, True]


# --------------------------------------------------------------------------- validity period


def test_validity_period_is_inclusive_and_per_row(frame: pd.DataFrame) -> None:
    dated = hits_of(frame, valid_from="2024-03-02", valid_to="2024-03-04")
    assert dated == [False, True, True, False, False]  # r3 has no hs_code: 'present' fails
    assert hits_of(frame, valid_from="2024-03-06") == [False] * 5
    assert hits_of(frame, valid_from="2020-01-01", valid_to="2024-03-01") == [True] + [False] * 4


def test_rows_without_a_date_are_evaluated_against_every_profile(frame: pd.DataFrame) -> None:
    undated = frame.assign(declaration_date=pd.NaT)
    assert hits_of(undated, valid_from="2030-01-01") == [True, True, True, False, True]
    assert hits_of(frame.drop(columns="declaration_date"), valid_from="2030-01-01")[0]


def test_declaration_date_with_time_of_day_counts_the_day(frame: pd.DataFrame) -> None:
    timed = frame.assign(declaration_date=pd.Timestamp("2024-03-04 23:59"))
    assert hits_of(timed, valid_to="2024-03-04")[0]


# ------------------------------------------------------------------------- score and outputs


def test_noisy_or_score_mandatory_and_hits_columns(frame: pd.DataFrame) -> None:
    profiles = parse_profiles(
        [
            profile("A", {"op": "hs_prefix", "value": "24"}, weight=0.5),
            profile("B", {"op": "unit_value_below_reference", "value": 0.5}, weight=0.4),
            profile("W", {"op": "hs_prefix", "value": "93"}, weight=0.2, mandatory_control=True),
        ]
    )
    result = profiles.evaluate(frame)
    assert list(result.hits.columns) == ["A", "B", "W"]
    assert list(result.hits.index) == list(frame.index)
    assert result.hits.dtypes.eq(bool).all()
    # r0: A and B -> 1 - 0.5 * 0.6 = 0.7; r1: A only; r4: B and W -> 1 - 0.6 * 0.8
    assert result.score.tolist() == pytest.approx([0.7, 0.5, 0.0, 0.0, 0.52])
    assert result.mandatory.tolist() == [False, False, False, False, True]
    assert result.score.index.equals(frame.index)
    assert isinstance(profiles, RuleScorer)


def test_weight_one_gives_score_one_and_scores_stay_in_unit_interval(frame: pd.DataFrame) -> None:
    profiles = parse_profiles(
        [profile(f"P{i}", weight=w) for i, w in enumerate([1.0, 0.9, 0.9, 0.9])]
    )
    score = profiles.evaluate(frame).score
    assert score.between(0, 1).all()
    assert score.tolist() == [1.0, 1.0, 1.0, 0.0, 1.0]


def test_missing_lists_fields_that_left_a_profile_undecided(frame: pd.DataFrame) -> None:
    profiles = parse_profiles(
        [
            profile(
                "UV",
                {"op": "hs_prefix", "value": "87"},
                {"op": "unit_value_below_reference", "value": 0.5},
            ),
            profile(
                "NEW",
                {"field": "customs_value", "op": "range", "min": 1000},
                {"field": "importer_prior_declarations", "op": "range", "max": 2},
            ),
            profile("ORIG", {"field": "origin_country", "op": "missing"}),
        ]
    )
    missing = profiles.evaluate(frame).missing
    # r0: value 100 already fails NEW; not 87 so UV fails -> nothing missing.
    # r1, r4: valuable, importer history unknown. r2: 87..., ratio NaN, and with value
    # and history both unknown NEW is undecided too.
    # r3: hs_code missing but ratio 1.3 already fails UV, so hs_code is not reported.
    # ORIG uses 'missing' and is never undecided.
    assert missing.tolist() == [
        "",
        "importer_prior_declarations",
        "customs_value,importer_prior_declarations,unit_price_ratio",
        "importer_prior_declarations",
        "importer_prior_declarations",
    ]


def test_empty_frame_and_empty_profile_set(frame: pd.DataFrame) -> None:
    result = load_default_profiles().evaluate(frame.iloc[:0])
    assert len(result.score) == 0 and len(result.hits.columns) == len(load_default_profiles())
    nothing = ProfileSet().evaluate(frame)
    assert nothing.score.tolist() == [0.0] * 5 and nothing.hits.shape == (5, 0)
    assert not nothing.mandatory.any() and (nothing.missing == "").all()


def test_evaluate_does_not_modify_the_frame(frame: pd.DataFrame) -> None:
    before = frame.copy()
    load_default_profiles().evaluate(frame)
    pd.testing.assert_frame_equal(frame, before)


# ------------------------------------------------------------------------------- refusals


def refusal(*docs: dict[str, Any], **kwargs: Any) -> str:
    with pytest.raises(ProfileError) as info:
        parse_profiles(list(docs), source="profiles.yaml", **kwargs)
    return str(info.value)


def test_bad_operator_named_with_profile_and_position() -> None:
    message = refusal(
        profile(
            "P-007",
            {"field": "customs_value", "op": "range", "min": 1},
            {"field": "customs_value", "op": "betwen", "min": 1},
        )
    )
    assert message.startswith("profiles.yaml: profile 'P-007' conditions[1].op: 'betwen'")
    assert "is not one of equals, in, not_in, range, regex, hs_prefix" in message


@pytest.mark.parametrize(
    ("doc", "where", "what"),
    [
        (
            profile("P-2", {"field": "hs_code", "op": "regex", "value": "(24"}),
            "conditions[0].value",
            "invalid regular expression '(24'",
        ),
        (
            profile("P-3", {"field": "orign_country", "op": "equals", "value": "CN"}),
            "conditions[0].field",
            "unknown field 'orign_country' (did you mean 'origin_country'?)",
        ),
        (
            profile("P-4", {"any_of": [{"field": "colour", "op": "present"}]}),
            "conditions[0].any_of[0].field",
            "unknown field 'colour'",
        ),
        (profile("P-5", weight=1.5), "weight", "less than or equal to 1"),
        (profile("P-6", weight=0), "weight", "greater than 0"),
        (profile("P-7", rationale="  "), "rationale", "at least 1 character"),
        (
            {k: v for k, v in profile("P-8").items() if k != "rationale"},
            "rationale",
            "Field required",
        ),
        (profile("P-9", valid_to="2019-12-31"), "valid_to", "before valid_from"),
        (profile("P-10", conditions=[]), "conditions", "at least 1 item"),
        (
            profile("P-11", {"field": "fraud", "op": "equals", "value": 1}),
            "conditions[0].field",
            "control-result label",
        ),
        (
            profile("P-12", {"field": "origin_country", "op": "in", "value": ["SE", False]}),
            "conditions[0].value",
            "must be a string",
        ),
        (
            profile("P-13", {"op": "hs_prefix", "value": 101}),
            "conditions[0].value",
            "must be a string of digits",
        ),
        (
            profile("P-14", {"field": "origin_country", "op": "range", "min": 1}),
            "conditions[0].field",
            "range needs a numeric field",
        ),
        (
            profile("P-15", {"field": "customs_value", "op": "range", "min": 9, "max": 1}),
            "conditions[0].max",
            "below min",
        ),
        (
            profile("P-16", {"field": "hs_code", "op": "equals", "value": "1", "vaule": 2}),
            "conditions[0].vaule",
            "Extra inputs are not permitted",
        ),
        (profile("P-17", colour="red"), "colour", "Extra inputs are not permitted"),
        (
            profile("P-18", {"op": "unit_value_below_reference", "value": 1.2}),
            "conditions[0].value",
            "less than or equal to 1",
        ),
        (profile("P-19", {"field": "hs_code"}), "conditions[0].op", "missing"),
    ],
)
def test_malformed_profiles_are_refused_naming_the_field(
    doc: dict[str, Any], where: str, what: str
) -> None:
    message = refusal(doc)
    assert f"profiles.yaml: profile '{doc['id']}' {where}: " in message
    assert what in message


def test_every_problem_is_reported_at_once_and_no_id_gives_the_position() -> None:
    message = refusal(profile("OK"), {"name": "nameless"}, profile("BAD", weight=2))
    lines = message.splitlines()
    assert any(line.startswith("profiles.yaml: profiles[1] (no id) id:") for line in lines)
    assert any(line.startswith("profiles.yaml: profile 'BAD' weight:") for line in lines)
    assert not any("'OK'" in line for line in lines)


def test_a_boolean_is_not_a_number_in_a_profile() -> None:
    """YAML ``weight: yes`` or JSON ``"weight": true`` was read as 1.0 (bool is an int)."""
    message = refusal(
        profile("B-1", weight=True),
        profile("B-2", version=True),
        profile("B-3", {"field": "customs_value", "op": "range", "min": False}),
        profile("B-4", {"op": "unit_value_below_reference", "value": True}),
    )
    for where in ("'B-1' weight", "'B-2' version", "'B-3' conditions[0]", "'B-4' conditions[0]"):
        line = next((x for x in message.splitlines() if f"profile {where}" in x), "")
        assert "is not a number" in line, (where, message)


def test_duplicate_ids_and_bad_document_shapes_are_refused() -> None:
    assert "profile 'A' id: defined more than once" in refusal(profile("A"), profile("A"))
    with pytest.raises(ProfileError, match="expected a list of profiles"):
        parse_profiles({"rules": []}, source="x.yaml")
    with pytest.raises(ProfileError, match="expected a list of profiles"):
        parse_profiles("P-1", source="x.yaml")


def test_feature_allow_list_is_configurable() -> None:
    doc = profile("F", {"field": "route_risk", "op": "range", "min": 0.8})
    assert "unknown field 'route_risk'" in refusal(doc)
    accepted = parse_profiles([doc], feature_fields=["route_risk"])
    frame = pd.DataFrame({"route_risk": [0.9, 0.1, None]})
    assert accepted.evaluate(frame).hits["F"].tolist() == [True, False, False]
    # unit_price_ratio is only allowed because it is in the default allow-list
    ratio = profile("U", {"op": "unit_value_below_reference", "value": 0.5})
    assert "unknown field 'unit_price_ratio'" in refusal(ratio, feature_fields=[])


def test_attr_columns_are_text_fields() -> None:
    doc = profile("A", {"field": "attr_channel", "op": "equals", "value": "B2C"})
    result = parse_profiles([doc]).evaluate(pd.DataFrame({"attr_channel": ["B2C", "B2B"]}))
    assert result.hits["A"].tolist() == [True, False]


# ------------------------------------------------------------------------------ load / save


def test_yaml_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "national.yaml"
    path.write_text(
        "profiles:\n"
        "  - id: P-007\n    name: n\n    version: 1\n    owner: o\n    rationale: r\n"
        "    valid_from: 2024-01-01\n    weight: 0.3\n"
        "    conditions:\n      - {field: hs_code, op: regex, value: '[0-9'}\n"
    )
    with pytest.raises(ProfileError, match=r"^national.yaml: profile 'P-007' conditions\[0\]"):
        load_profiles(path)
    path.write_text("profiles: [unclosed\n")
    with pytest.raises(ProfileError, match="national.yaml: cannot be parsed"):
        load_profiles(path)


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_and_load_round_trip_keeps_the_version(tmp_path: Path, suffix: str) -> None:
    original = load_default_profiles()
    path = tmp_path / f"profiles{suffix}"
    save_profiles(original, path)
    again = load_profiles(path)
    assert again.version == original.version
    assert again.to_dict() == original.to_dict()
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_bare_list_in_json_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([profile("J")]))
    assert [p.id for p in load_profiles(path)] == ["J"]


def test_version_changes_with_any_content_change() -> None:
    base = parse_profiles([profile("A", {"op": "hs_prefix", "value": "24"})])
    same = parse_profiles([profile("A", {"op": "hs_prefix", "value": "24"})])
    edited = parse_profiles([profile("A", {"op": "hs_prefix", "value": "22"})])
    bumped = parse_profiles([profile("A", {"op": "hs_prefix", "value": "24"}, version=2)])
    assert base.version == same.version
    assert len({base.version, edited.version, bumped.version}) == 3


def test_officer_view_hides_conditions() -> None:
    view = load_default_profiles().officer_view()
    assert view and all("conditions" not in p and p["rationale"] for p in view)


def test_default_profiles_are_valid_and_generic() -> None:
    profiles = load_default_profiles()
    assert len(profiles) >= 8
    assert {p.id for p in profiles if p.mandatory_control} == {"CL-WPN-93"}
    frame = pd.DataFrame(
        {
            "declaration_date": pd.to_datetime(["2024-01-01"] * 3),
            "hs_code": ["93020000", "29394100", "01012100"],
            "unit_price_ratio": [np.nan, 0.1, 1.0],
            "customs_value": [10.0, 10.0, 10.0],
            "net_mass_kg": [1.0, 1.0, 1.0],
        }
    )
    result = profiles.evaluate(frame)
    assert result.mandatory.tolist() == [True, False, False]
    assert result.hits.loc[1, ["CL-PRC-01", "CL-UV-01", "CL-UV-02"]].all()
    assert result.score[2] == 0.0


def test_numeric_field_list_matches_the_frame_contract() -> None:
    declaration = Declaration.model_validate(
        {
            "reference": "D1",
            "declaration_date": "2024-01-01",
            "office": "OF1",
            "declarant": {"id": "B1"},
            "importer": {"id": "I1"},
            "exporter": {"id": "E1", "country": "CN"},
            "seller": {"id": "S1"},
            "courier": {"id": "C1"},
            "country_dispatch": "CN",
            "transport_mode": "4",
            "exchange_rate": 1.1,
            "items": [
                {
                    "seq": 1,
                    "hs_code": "24022000",
                    "description": "cigarettes",
                    "origin_country": "CN",
                    "quantity": 10,
                    "net_mass_kg": 1.5,
                    "gross_mass_kg": 2,
                    "item_value": 100,
                    "customs_value": 110,
                    "duty_rate": 5,
                    "duty_amount": 5.5,
                    "tax_amount": 20,
                }
            ],
        }
    )
    frame = items_frame([declaration])
    numeric = {c for c in FRAME_COLUMNS if pd.api.types.is_numeric_dtype(frame[c])}
    assert numeric - set(LABEL_FIELDS) == NUMERIC_FRAME_FIELDS


# --------------------------------------------------------- vectorised == row-by-row reference


def _is_missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _reference_condition(cond: dict[str, Any], row: dict[str, Any]) -> tuple[bool | None, str]:
    """Kleene result (None = unknown) of one condition on one row, straight from the spec."""
    op = cond["op"]
    name = cond.get("field", {"hs_prefix": "hs_code"}.get(op, "unit_price_ratio"))
    value = row.get(name)
    if op == "missing":
        return _is_missing(value), name
    if op == "present":
        return not _is_missing(value), name
    if _is_missing(value):
        return None, name
    if op in ("equals", "in", "not_in"):
        wanted = cond["value"] if op != "equals" else [cond["value"]]
        found = any(
            (_text(value) == w) if isinstance(w, str) else (float(value) == float(w))
            for w in wanted
        )
        return (not found if op == "not_in" else found), name
    if op == "range":
        number = float(value)
        low, high = cond.get("min", -math.inf), cond.get("max", math.inf)
        return low <= number <= high, name
    if op == "regex":
        return re.fullmatch(cond["value"], _text(value)) is not None, name
    if op == "hs_prefix":
        prefixes = cond["value"] if isinstance(cond["value"], list) else [cond["value"]]
        code = _text(value).replace(".", "").replace(" ", "")
        return any(code.startswith(p) for p in prefixes), name
    if op == "unit_value_below_reference":
        return float(value) < cond["value"], name
    raise AssertionError(op)


def _reference_evaluate(docs: list[dict[str, Any]], frame: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for record in frame.to_dict("records"):
        day = record.get("declaration_date")
        score_complement, mandatory, hits, needed = 1.0, False, {}, set()
        for doc in docs:
            start = pd.Timestamp(doc["valid_from"])
            end = pd.Timestamp(doc["valid_to"]) if doc.get("valid_to") else None
            in_force = pd.isna(day) or (start <= day and (end is None or day <= end))
            results: list[tuple[bool | None, list[str]]] = []
            for cond in doc["conditions"]:
                if "any_of" in cond:
                    members = [_reference_condition(c, record) for c in cond["any_of"]]
                    if any(r is True for r, _ in members):
                        results.append((True, []))
                    elif any(r is None for r, _ in members):
                        results.append((None, [n for r, n in members if r is None]))
                    else:
                        results.append((False, []))
                else:
                    result, name = _reference_condition(cond, record)
                    results.append((result, [name] if result is None else []))
            hit = in_force and all(r is True for r, _ in results)
            if in_force and not hit and all(r is not False for r, _ in results):
                needed.update(n for _, names in results for n in names)
            hits[doc["id"]] = hit
            if hit:
                score_complement *= 1 - doc["weight"]
                mandatory |= doc.get("mandatory_control", False)
        rows.append(
            {
                "score": 1 - score_complement,
                "mandatory": mandatory,
                "missing": ",".join(sorted(needed)),
                **hits,
            }
        )
    return pd.DataFrame(rows, index=frame.index)


def _random_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    def pick(options: list[Any]) -> list[Any]:
        return [options[i] for i in rng.integers(0, len(options), n)]

    values = rng.lognormal(8, 2, n).round(0)
    on_bound = rng.random(n) < 0.3  # exact bounds, so inclusive/exclusive mistakes show up
    values[on_bound] = rng.choice([1000.0, 3000.0, 5000.0], on_bound.sum())
    values[rng.random(n) < 0.15] = np.nan
    ratio = rng.uniform(0, 2, n)
    ratio[rng.random(n) < 0.3] = np.nan
    days = pd.Series(
        pd.to_datetime("2023-06-01") + pd.to_timedelta(rng.integers(0, 400, n), unit="D")
    )
    days = days.where(rng.random(n) > 0.05)
    return pd.DataFrame(
        {
            "declaration_date": days.to_numpy(),
            "hs_code": pick(["24022000", "2402.90", "87032390", "93020000", "29339900", None, ""]),
            "origin_country": pick(["CN", "VN", "DE", "US", None, " "]),
            "transport_mode": pick(["1", "4", "5", None]),
            "courier_id": pick(["DHL", None]),
            "customs_value": values,
            "unit_price_ratio": ratio,
            "net_mass_kg": pick([1.0, 250.0, np.nan]),
        },
        index=rng.permutation(n) + 1000,
    )


def _random_condition(rng: np.random.Generator) -> dict[str, Any]:
    countries = ["CN", "VN", "DE", "US", "FR"]
    choices: list[dict[str, Any]] = [
        {"field": "origin_country", "op": "equals", "value": str(rng.choice(countries))},
        {"field": "transport_mode", "op": "in", "value": ["4", "5"]},
        {"field": "origin_country", "op": "not_in", "value": ["CN", "FR"]},
        {"field": "customs_value", "op": "range", "min": float(rng.choice([0, 1000, 3000, 5000]))},
        {"field": "customs_value", "op": "range", "max": float(rng.choice([1000, 3000, 9000]))},
        {"field": "hs_code", "op": "regex", "value": r"(24|93)\d*"},
        {"op": "hs_prefix", "value": [str(rng.choice(["24", "2402", "87", "29"]))]},
        {"op": "unit_value_below_reference", "value": float(rng.uniform(0.1, 1.0))},
        {"field": "net_mass_kg", "op": "missing"},
        {"field": "courier_id", "op": "present"},
        {"field": "customs_value", "op": "equals", "value": 3000},
    ]
    if rng.random() < 0.2:
        picks = rng.choice(len(choices), 2, replace=False)
        return {"any_of": [choices[i] for i in picks]}
    return choices[int(rng.integers(len(choices)))]


@pytest.mark.parametrize("seed", range(12))
def test_vectorised_evaluation_equals_row_by_row_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(8):
        start = date(2023, 6, 1) + pd.Timedelta(days=int(rng.integers(0, 300)))
        extra: dict[str, Any] = {"valid_from": start.isoformat()}
        if rng.random() < 0.5:
            extra["valid_to"] = (start + pd.Timedelta(days=int(rng.integers(0, 200)))).isoformat()
        conditions = [_random_condition(rng) for _ in range(int(rng.integers(1, 4)))]
        docs.append(
            profile(
                f"R{i}",
                *conditions,
                weight=float(rng.uniform(0.05, 1.0)),
                mandatory_control=bool(rng.random() < 0.2),
                **extra,
            )
        )
    frame = _random_frame(rng, 300)
    result = parse_profiles(docs).evaluate(frame)
    expected = _reference_evaluate(docs, frame)
    ids = [d["id"] for d in docs]
    pd.testing.assert_frame_equal(result.hits, expected[ids].astype(bool))
    np.testing.assert_allclose(result.score.to_numpy(), expected["score"].to_numpy(), atol=1e-12)
    assert result.mandatory.tolist() == expected["mandatory"].tolist()
    assert result.missing.tolist() == expected["missing"].tolist()
    assert result.hits.to_numpy().any(), "the random profiles should hit something"


UNREADABLE_PROFILE_FILES = {
    "deep.json": ("[" * 100_000, r"deep.json: cannot be parsed, not valid JSON: nested"),
    "deep.yaml": ("- " * 5_000 + "x", r"deep.yaml: cannot be parsed, not valid YAML: nested"),
    "flow.yaml": ("[" * 5_000, r"flow.yaml: cannot be parsed, not valid YAML: nested"),
    "long.yaml": ("- version: 1" + "0" * 5_000, r"(?s)long.yaml: .*4300 digits.*line 1"),
    "long.json": ('[{"version": 1' + "0" * 5_000 + "}]", r"(?s)long.json: .*4300 digits"),
    "date.yaml": (
        "- id: P-1\n  valid_from: 2024-13-01\n",
        r"(?s)date.yaml: cannot be parsed, not valid YAML: month must be in 1..12.*line 2",
    ),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE_PROFILE_FILES))
def test_every_unreadable_profile_text_is_a_profile_error_naming_file_and_line(
    tmp_path: Path, name: str
) -> None:
    """Nesting deep enough to exhaust the parser's recursion, an integer beyond Python's
    4,300-digit conversion limit and an impossible YAML date raised RecursionError or
    ValueError: a traceback from `clearlane profiles check` and a 500 from the web editor."""
    text, message = UNREADABLE_PROFILE_FILES[name]
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(ProfileError, match=message):
        load_profiles(path)


def test_a_profile_file_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"- id: P-\xe9\n")
    with pytest.raises(ProfileError, match=r"latin.yaml: byte 8 is not valid UTF-8"):
        load_profiles(path)
