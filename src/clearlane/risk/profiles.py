"""Risk profiles: analyst-written rules kept as data (YAML/JSON), versioned, never code.

A profile says "these conditions together make a goods item risky, with this weight, for this
period, because of this rationale". Conditions are confidential: traders never see them and
officers see only the rationale (:meth:`ProfileSet.officer_view`). A :class:`ProfileSet`
evaluates every profile on a whole analysis frame with pandas masks and implements
:class:`clearlane.risk.base.RuleScorer`; on its own it is the "rule baseline" scorer.

Profiles are checked when they are loaded, not when they first run: an unknown operator, an
unknown frame field, a regex that does not compile, a value of the wrong type or a weight out of
range is refused with a message naming the file, the profile and the field.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from clearlane.core.numbers import Float, Int, OptionalFloat
from clearlane.errors import FieldError, Invalid
from clearlane.errors import Kind as ErrorKind
from clearlane.features.facts import FACT_COLUMNS
from clearlane.frames import HEADER_FIELDS, ITEM_FIELDS, LABEL_FIELDS, NUMERIC_COLUMNS
from clearlane.risk.base import ProfileEvaluation

__all__ = [
    "DEFAULT_FEATURE_FIELDS",
    "OPERATORS",
    "AnyOf",
    "Condition",
    "FieldCatalog",
    "Profile",
    "ProfileError",
    "ProfileSet",
    "load_default_profiles",
    "load_profiles",
    "parse_profiles",
    "save_profiles",
]

#: Feature columns (beyond the analysis frame) that profiles may use unless configured otherwise.
#: ``unit_price_ratio``: declared value per kg / reference median per kg for HS6 x origin.
#: ``importer_prior_declarations``: declarations the importer lodged before this one.
DEFAULT_FEATURE_FIELDS: tuple[str, ...] = (
    "unit_price_ratio",
    "importer_prior_declarations",
    "uv_z",
    "uv_pct",
    "importer_is_new",
    "importer_rate",
    "declarant_rate",
    "route_rate",
)

# Numeric columns of the analysis frame that a condition may name (labels are excluded).
NUMERIC_FRAME_FIELDS: frozenset[str] = frozenset(NUMERIC_COLUMNS) - frozenset(LABEL_FIELDS)
# Dates are handled by valid_from/valid_to; labels are outcomes, unknown when a declaration
# arrives, so a rule on them would leak the answer. Neither may appear in a condition.
_NOT_CONDITION_FIELDS = frozenset({"declaration_date"})

OPERATORS: tuple[str, ...] = (
    "equals",
    "in",
    "not_in",
    "range",
    "regex",
    "hs_prefix",
    "unit_value_below_reference",
    "missing",
    "present",
)

_HS_SEPARATORS = re.compile(r"[.\s]")
_QUOTE_HINT = "quote it in YAML (unquoted NO reads as false and 0101 as 65)"

Kind = Literal["text", "number", "any"]


@dataclass(frozen=True)
class FieldCatalog:
    """The fields a condition may name and what kind of value each holds.

    Frame header and item fields are ``text`` or ``number``; configured feature columns are
    ``any`` (compared as numbers or text depending on the condition's value); ``attr_*``
    columns (source-specific declaration attributes) are ``text``; the fact columns of
    :mod:`clearlane.features.facts` (``doc_*``, ``link_*``, ``hs_plausibility``, ``net_*``) are
    ``number`` and always allowed (missing when there is no such evidence).
    """

    kinds: Mapping[str, Kind]

    @classmethod
    def default(cls, feature_fields: Iterable[str] = DEFAULT_FEATURE_FIELDS) -> FieldCatalog:
        kinds: dict[str, Kind] = {}
        for name in (*HEADER_FIELDS, *ITEM_FIELDS):
            if name in _NOT_CONDITION_FIELDS:
                continue
            kinds[name] = "number" if name in NUMERIC_FRAME_FIELDS else "text"
        for name in feature_fields:
            kinds.setdefault(name, "any")
        # Facts from documents, transport documents, the HS check and the trader network
        # (clearlane.features.facts): numbers, missing when there is no such evidence.
        for name in FACT_COLUMNS:
            kinds.setdefault(name, "number")
        return cls(kinds=kinds)

    def kind(self, name: str) -> Kind | None:
        if name in self.kinds:
            return self.kinds[name]
        if name.startswith("attr_") and len(name) > 5:
            return "text"
        return None

    def check(self, name: str) -> Kind:
        kind = self.kind(name)
        if kind is None and name in LABEL_FIELDS:
            raise ValueError(
                f"{name!r} is a control-result label, unknown when a declaration arrives; "
                "a rule on it would use the answer"
            )
        if kind is None and name in _NOT_CONDITION_FIELDS:
            raise ValueError(f"{name!r} cannot be a condition; use valid_from/valid_to")
        if kind is None:
            hint = difflib.get_close_matches(name, list(self.kinds), n=1)
            suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise ValueError(
                f"unknown field {name!r}{suggestion}; known fields are the analysis frame's "
                "header and item fields, attr_*, the fact columns (doc_*, link_*, hs_plausibility, "
                "net_*) and the configured feature fields"
            )
        return kind


_DEFAULT_CATALOG = FieldCatalog.default()


def _catalog(info: ValidationInfo) -> FieldCatalog:
    context = info.context if isinstance(info.context, Mapping) else {}
    catalog = context.get("catalog")
    return catalog if isinstance(catalog, FieldCatalog) else _DEFAULT_CATALOG


Scalar = str | bool | int | float
Column = pd.Series | np.ndarray  # a frame column, or its values with the column's numpy dtype


def _check_values(values: Iterable[Scalar], kind: Kind, field_name: str) -> None:
    for value in values:
        if kind == "text" and not isinstance(value, str):
            raise ValueError(
                f"{field_name} holds codes/text, so {value!r} must be a string: {_QUOTE_HINT}"
            )
        if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ValueError(f"{field_name} is numeric, so {value!r} must be a number")
        if isinstance(value, float) and not np.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")


# --------------------------------------------------------------------------- evaluation data


class _Columns:
    """Per-call cache of the views of frame columns that conditions need.

    Text conditions run on the distinct values of a column (pd.factorize) and are mapped back
    by their codes, so a regex or prefix test costs one pass over a few thousand distinct
    values rather than over every row. Columns are Series or plain arrays.
    """

    def __init__(self, source: pd.DataFrame | Mapping[str, Column], n: int) -> None:
        self.source = source
        self.n = n
        self._col: dict[str, Column | None] = {}
        self._na: dict[str, np.ndarray] = {}
        self._num: dict[str, np.ndarray] = {}
        self._fact: dict[str, tuple[np.ndarray, list[str]]] = {}

    def column(self, name: str) -> Column | None:
        if name not in self._col:
            self._col[name] = self.source[name] if name in self.source else None
        return self._col[name]

    def factorized(self, name: str) -> tuple[np.ndarray, list[str]]:
        """Codes per row (-1 = missing) and the distinct values as text ("" where blank)."""
        if name not in self._fact:
            column = self.column(name)
            if column is None:
                codes = np.full(self.n, -1, dtype=np.intp)
                uniques: list[str] = []
            else:
                raw_codes, raw_uniques = _factorize(column)
                texts = [_as_text(v) for v in raw_uniques]  # distinct values only
                blank = np.array([t is None for t in texts] + [True], dtype=bool)
                codes = np.where(blank[raw_codes], -1, raw_codes).astype(np.intp)
                uniques = ["" if t is None else t for t in texts]
            self._fact[name] = (codes, uniques)
        return self._fact[name]

    def missing(self, name: str) -> np.ndarray:
        """True where the row has no value: NaN, None or blank text; all rows if no column."""
        if name not in self._na:
            column = self.column(name)
            if column is None:
                self._na[name] = np.ones(self.n, dtype=bool)
            elif column.dtype == np.float64:
                self._na[name] = np.isnan(np.asarray(column))
            elif pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(
                column.dtype
            ):
                self._na[name] = np.asarray(pd.isna(column), dtype=bool)
            else:
                self._na[name] = self.factorized(name)[0] < 0
        return self._na[name]

    def numeric(self, name: str) -> np.ndarray:
        if name not in self._num:
            column = self.column(name)
            if column is None:
                self._num[name] = np.full(self.n, np.nan)
            elif column.dtype == np.float64:
                self._num[name] = np.asarray(column)
            else:
                values = pd.to_numeric(pd.Series(column, copy=False), errors="coerce")
                self._num[name] = values.to_numpy(dtype=float, na_value=np.nan)
        return self._num[name]

    def text_test(self, name: str, test: Iterable[bool]) -> np.ndarray:
        """Map a boolean test over the distinct values back to the rows (missing -> False)."""
        codes, _ = self.factorized(name)
        per_unique: np.ndarray = np.append(np.fromiter(test, dtype=bool), False)
        rows: np.ndarray = per_unique[codes]
        return rows


# Up to this many rows a dict factorizes a column faster than pandas (same codes and uniques).
_SMALL = 64


def _factorize(column: Column) -> tuple[np.ndarray, list[Any]]:
    """``pd.factorize(column)``: codes in order of first appearance, -1 for missing."""
    if len(column) > _SMALL:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        return codes, list(uniques)
    seen: dict[Any, int] = {}
    out = np.empty(len(column), dtype=np.intp)
    for i, value in enumerate(column.tolist()):
        if value is None or value is pd.NA or value is pd.NaT or value != value:
            out[i] = -1
        else:
            out[i] = seen.setdefault(value, len(seen))
    return out, list(seen)


def _as_text(value: object) -> str | None:
    """A cell as the text a code comparison expects (5.0 -> '5'); None when blank/missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool | np.bool_):
        return str(bool(value)).lower()
    if isinstance(value, float | np.floating):
        if not np.isfinite(value):
            return None
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


@dataclass
class _Outcome:
    """Three-valued result of a condition: ``match``, or ``unknown`` because data is missing."""

    match: np.ndarray
    unknown: np.ndarray
    fields: dict[str, np.ndarray] = field(default_factory=dict)  # field -> rows it was unknown


# ------------------------------------------------------------------------------- conditions


class _Condition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str = Field(min_length=1, description="a column of the analysis or feature frame")

    @field_validator("field")
    @classmethod
    def _known_field(cls, value: str, info: ValidationInfo) -> str:
        _catalog(info).check(value)
        return value

    @staticmethod
    def _field_kind(info: ValidationInfo) -> tuple[str, Kind]:
        """The condition's field (validated before ``value``) and its kind, for value checks."""
        name = info.data.get("field")
        if not isinstance(name, str):
            return "?", "any"  # the field itself was refused; that error is reported instead
        return name, _catalog(info).kind(name) or "any"

    def evaluate(self, cols: _Columns) -> _Outcome:
        raise NotImplementedError

    def _outcome(self, cols: _Columns, match: np.ndarray) -> _Outcome:
        """A value test: a missing value never matches and leaves the condition unknown."""
        missing = cols.missing(self.field)
        return _Outcome(match & ~missing, missing, {self.field: missing})

    def _match_values(self, cols: _Columns, values: Iterable[Scalar]) -> np.ndarray:
        texts = [v for v in values if isinstance(v, str)]
        numbers = [float(v) for v in values if not isinstance(v, str)]
        match = np.zeros(cols.n, dtype=bool)
        if texts:
            _, uniques = cols.factorized(self.field)
            wanted = set(texts)
            match |= cols.text_test(self.field, (u in wanted for u in uniques))
        if numbers:
            match |= np.isin(cols.numeric(self.field), numbers)
        return match


class Equals(_Condition):
    """The value equals ``value`` (text for code fields, a number for numeric fields)."""

    op: Literal["equals"]
    value: Scalar

    @field_validator("value")
    @classmethod
    def _typed(cls, value: Scalar, info: ValidationInfo) -> Scalar:
        name, kind = cls._field_kind(info)
        _check_values([value], kind, name)
        return value

    def evaluate(self, cols: _Columns) -> _Outcome:
        return self._outcome(cols, self._match_values(cols, [self.value]))


class In(_Condition):
    """The value is one of ``value`` (a list)."""

    op: Literal["in"]
    value: list[Scalar] = Field(min_length=1)

    @field_validator("value")
    @classmethod
    def _typed(cls, value: list[Scalar], info: ValidationInfo) -> list[Scalar]:
        name, kind = cls._field_kind(info)
        _check_values(value, kind, name)
        return value

    def evaluate(self, cols: _Columns) -> _Outcome:
        return self._outcome(cols, self._match_values(cols, self.value))


class NotIn(_Condition):
    """The value is present and none of ``value``."""

    op: Literal["not_in"]
    value: list[Scalar] = Field(min_length=1)

    @field_validator("value")
    @classmethod
    def _typed(cls, value: list[Scalar], info: ValidationInfo) -> list[Scalar]:
        name, kind = cls._field_kind(info)
        _check_values(value, kind, name)
        return value

    def evaluate(self, cols: _Columns) -> _Outcome:
        return self._outcome(cols, ~self._match_values(cols, self.value))


class Range(_Condition):
    """``min <= value <= max``, either bound optional; non-numeric values never match."""

    op: Literal["range"]
    min: OptionalFloat = None
    max: OptionalFloat = None

    @field_validator("field")
    @classmethod
    def _numeric_field(cls, value: str, info: ValidationInfo) -> str:
        if _catalog(info).kind(value) == "text":
            raise ValueError(f"range needs a numeric field; {value} holds codes/text")
        return value

    @field_validator("min", "max")
    @classmethod
    def _finite(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is not None and not np.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")
        low = info.data.get("min")
        if info.field_name == "max" and value is not None and low is not None and low > value:
            raise ValueError(f"max {value} is below min {low}")
        return value

    @model_validator(mode="after")
    def _bounded(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("range needs min, max or both")
        return self

    def evaluate(self, cols: _Columns) -> _Outcome:
        values = cols.numeric(self.field)
        with np.errstate(invalid="ignore"):
            match = np.isfinite(values)
            if self.min is not None:
                match &= values >= self.min
            if self.max is not None:
                match &= values <= self.max
        return self._outcome(cols, match)


class Regex(_Condition):
    """The whole text value matches ``value`` (Python ``re`` syntax, ``re.fullmatch``)."""

    op: Literal["regex"]
    value: str = Field(min_length=1)

    @field_validator("field")
    @classmethod
    def _text_field(cls, value: str, info: ValidationInfo) -> str:
        if _catalog(info).kind(value) == "number":
            raise ValueError(f"regex needs a text field; {value} is numeric, use range")
        return value

    @field_validator("value")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {value!r}: {exc}") from None
        return value

    def evaluate(self, cols: _Columns) -> _Outcome:
        _, uniques = cols.factorized(self.field)
        pattern = re.compile(self.value)
        test = (pattern.fullmatch(u) is not None for u in uniques)
        return self._outcome(cols, cols.text_test(self.field, test))


class HsPrefix(_Condition):
    """``hs_code`` starts with one of the prefixes (dots and spaces in codes are ignored)."""

    op: Literal["hs_prefix"]
    field: Literal["hs_code"] = "hs_code"
    value: list[str] = Field(min_length=1)

    @field_validator("value", mode="before")
    @classmethod
    def _as_list(cls, value: object) -> object:
        if isinstance(value, list):
            items = value
        else:
            items = [value]
        for item in items:
            if not isinstance(item, str):
                raise ValueError(f"HS prefix {item!r} must be a string of digits: {_QUOTE_HINT}")
        return items

    @field_validator("value")
    @classmethod
    def _digits(cls, value: list[str]) -> list[str]:
        cleaned = [re.sub(r"[.\s]", "", v) for v in value]
        for original, prefix in zip(value, cleaned, strict=True):
            if not re.fullmatch(r"\d{2,10}", prefix):
                raise ValueError(f"HS prefix {original!r} must be 2 to 10 digits")
        return cleaned

    def evaluate(self, cols: _Columns) -> _Outcome:
        _, uniques = cols.factorized(self.field)
        prefixes = tuple(self.value)
        test = (_HS_SEPARATORS.sub("", u).startswith(prefixes) for u in uniques)
        return self._outcome(cols, cols.text_test(self.field, test))


class UnitValueBelowReference(_Condition):
    """Declared unit value is below ``value`` times the reference (``unit_price_ratio < value``).

    A reference price is risk evidence, never a customs value (STANDARDS.md §4).
    """

    op: Literal["unit_value_below_reference"]
    field: str = Field(default="unit_price_ratio", validate_default=True)
    value: Float = Field(gt=0, le=1, description="share of the reference unit value")

    def evaluate(self, cols: _Columns) -> _Outcome:
        values = cols.numeric(self.field)
        with np.errstate(invalid="ignore"):
            match = np.isfinite(values) & (values < self.value)
        return self._outcome(cols, match)


class Missing(_Condition):
    """The row has no value for the field (the only test a missing value can satisfy)."""

    op: Literal["missing"]

    def evaluate(self, cols: _Columns) -> _Outcome:
        none = np.zeros(cols.n, dtype=bool)
        return _Outcome(cols.missing(self.field).copy(), none)


class Present(_Condition):
    """The row has a value for the field."""

    op: Literal["present"]

    def evaluate(self, cols: _Columns) -> _Outcome:
        none = np.zeros(cols.n, dtype=bool)
        return _Outcome(~cols.missing(self.field), none)


def _tag(value: object) -> str | None:
    if isinstance(value, Mapping):
        if "any_of" in value:
            return "any_of"
        op = value.get("op")
        return op if isinstance(op, str) else (None if op is None else repr(op))
    if isinstance(value, AnyOf):
        return "any_of"
    op = getattr(value, "op", None)
    return op if isinstance(op, str) else None


# The conditions on one field, each under its operator's tag: listed once, for Condition and
# (with AnyOf) ConditionOrGroup, so that a new operator is added to both.
_LEAF_CONDITIONS = (
    Annotated[Equals, Tag("equals")]
    | Annotated[In, Tag("in")]
    | Annotated[NotIn, Tag("not_in")]
    | Annotated[Range, Tag("range")]
    | Annotated[Regex, Tag("regex")]
    | Annotated[HsPrefix, Tag("hs_prefix")]
    | Annotated[UnitValueBelowReference, Tag("unit_value_below_reference")]
    | Annotated[Missing, Tag("missing")]
    | Annotated[Present, Tag("present")]
)
Condition = Annotated[_LEAF_CONDITIONS, Discriminator(_tag)]


class AnyOf(BaseModel):
    """A group of conditions of which at least one must hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    any_of: list[Condition] = Field(min_length=1)

    def evaluate(self, cols: _Columns) -> _Outcome:
        outcomes = [c.evaluate(cols) for c in self.any_of]
        match = np.logical_or.reduce([o.match for o in outcomes])
        unknown = ~match & np.logical_or.reduce([o.unknown for o in outcomes])
        fields: dict[str, np.ndarray] = {}
        for outcome in outcomes:
            for name, rows in outcome.fields.items():
                fields[name] = fields.get(name, np.zeros(cols.n, dtype=bool)) | (rows & ~match)
        return _Outcome(match, unknown, fields)


# A flat union with one discriminator reports bad operators as "'betwen' is not one of ...".
ConditionOrGroup = Annotated[
    _LEAF_CONDITIONS | Annotated[AnyOf, Tag("any_of")], Discriminator(_tag)
]


# --------------------------------------------------------------------------------- profiles


class Profile(BaseModel):
    """One risk profile. ``rationale`` is shown to officers; ``conditions`` never leave customs."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$")
    name: str = Field(min_length=1)
    version: Int = Field(ge=1)
    owner: str = Field(min_length=1)
    rationale: str = Field(min_length=1, description="why this is risky; shown to officers")
    valid_from: date
    valid_to: date | None = Field(default=None, description="last day in force (inclusive)")
    weight: Float = Field(gt=0, le=1, description="contribution to the noisy-OR rule score")
    mandatory_control: bool = False
    conditions: list[ConditionOrGroup] = Field(min_length=1, description="all must hold")

    @field_validator("valid_to")
    @classmethod
    def _period(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("valid_from")
        if value is not None and start is not None and value < start:
            raise ValueError(f"{value} is before valid_from {start}")
        return value

    @property
    def fields(self) -> frozenset[str]:
        """Every field the conditions read."""
        names: set[str] = set()
        for cond in self.conditions:
            members = cond.any_of if isinstance(cond, AnyOf) else [cond]
            names.update(m.field for m in members)
        return frozenset(names)

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def officer_view(self) -> dict[str, Any]:
        """What an officer may see: everything but the (confidential) conditions."""
        return self.model_dump(mode="json", exclude={"conditions"})


class ProfileError(Invalid):
    """One or more profiles were refused; ``problems`` has one line per problem.

    ``issues`` holds the same problems structured, where they are known, as dicts with
    ``profile`` (the label, e.g. ``profile 'P1'``), ``field`` (e.g. ``conditions[1].min``, ""
    for the profile as a whole) and ``message``, for screens that point at the field.

    A :class:`~clearlane.errors.DomainError` (``invalid`` unless raised with another kind):
    ``errors`` names every field at fault (``profile`` for the profile as a whole) and
    ``message`` sums them up on one line (the first, and how many more); ``str()`` is every
    problem line, as files and the CLI show them.
    """

    def __init__(
        self,
        problems: list[str],
        issues: list[dict[str, str]] | None = None,
        *,
        kind: ErrorKind | None = None,
    ) -> None:
        self.problems = problems
        self.issues = issues or []
        errors: list[FieldError] = [
            {"field": issue["field"] or "profile", "message": issue["message"]}
            for issue in self.issues
        ] or [{"field": "profile", "message": problem} for problem in problems]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        if self.issues:
            first = self.issues[0]
            summary = f"{first['profile']} {errors[0]['field']}: {first['message']}{more}"
        else:
            summary = f"{problems[0] if problems else 'the profiles are not valid'}{more}"
        super().__init__(summary, kind=kind, errors=errors)

    def __str__(self) -> str:
        return "\n".join(self.problems)


def _format_loc(loc: tuple[int | str, ...]) -> str:
    """('conditions', 1, 'range', 'min') -> 'conditions[1].min' (union tags dropped)."""
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(previous, int) and (part in OPERATORS or part == "any_of"):
            pass  # the discriminated-union tag pydantic inserts after a list index
        else:
            out += f".{part}" if out else str(part)
        previous = part
    return out


def _error_parts(err: Mapping[str, Any]) -> tuple[str, str]:
    """(field, message) of one pydantic error, the field as ``conditions[1].min``."""
    loc = _format_loc(tuple(err["loc"]))
    kind = err["type"]
    if kind == "union_tag_invalid":
        expected = ", ".join([*OPERATORS, "any_of"])
        return f"{loc}.op", f"{err['ctx']['tag']!r} is not one of {expected}"
    if kind == "union_tag_not_found":
        return (
            f"{loc}.op",
            f"missing; a condition needs op (one of {', '.join(OPERATORS)}) or any_of",
        )
    return loc, str(err["msg"]).removeprefix("Value error, ")


def _format_error(err: Mapping[str, Any]) -> str:
    loc, message = _error_parts(err)
    return f"{loc}: {message}" if loc else message


def _profile_label(data: object, position: int) -> str:
    if isinstance(data, Mapping) and isinstance(data.get("id"), str) and data["id"]:
        return f"profile {data['id']!r}"
    return f"profiles[{position}] (no id)"


def _content_hash(profiles: Iterable[Profile]) -> str:
    canonical = json.dumps(
        [p.model_dump(mode="json") for p in sorted(profiles, key=lambda p: p.id)],
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


class ProfileSet:
    """A versioned set of profiles; implements :class:`clearlane.risk.base.RuleScorer`.

    ``version`` hashes the full content of every profile (id, version, conditions, weights,
    periods), so a condition edited without bumping a profile's version still changes it and
    the audit trail shows which rules produced a score.
    """

    def __init__(self, profiles: Iterable[Profile] = ()) -> None:
        self.profiles: tuple[Profile, ...] = tuple(profiles)
        counts = Counter(p.id for p in self.profiles)
        duplicates = sorted(pid for pid, count in counts.items() if count > 1)
        if duplicates:
            raise ProfileError(
                [f"profile {d!r} id: defined more than once" for d in duplicates],
                [
                    {
                        "profile": f"profile {d!r}",
                        "field": "id",
                        "message": "defined more than once",
                    }
                    for d in duplicates
                ],
            )
        self.version: str = _content_hash(self.profiles)

    def __len__(self) -> int:
        return len(self.profiles)

    def __iter__(self) -> Iterator[Profile]:
        return iter(self.profiles)

    def __getitem__(self, profile_id: str) -> Profile:
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        raise KeyError(profile_id)

    def __repr__(self) -> str:
        return f"ProfileSet({len(self)} profiles, version={self.version!r})"

    @property
    def fields(self) -> frozenset[str]:
        return frozenset().union(*(p.fields for p in self.profiles))

    def to_dict(self) -> dict[str, Any]:
        """A JSON/YAML-ready document that :func:`parse_profiles` reads back unchanged."""
        return {"profiles": [p.model_dump(mode="json") for p in self.profiles]}

    def officer_view(self) -> list[dict[str, Any]]:
        """Profiles without their conditions, for officers' screens (never for traders)."""
        return [p.officer_view() for p in self.profiles]

    def score(self, frame: pd.DataFrame) -> pd.Series:
        """The rule-baseline score alone."""
        return self.evaluate(frame).score

    def evaluate(self, frame: pd.DataFrame) -> ProfileEvaluation:
        """Evaluate every profile on every row with column masks (no per-row Python).

        A profile hits a row when the row's ``declaration_date`` is within its validity period
        (rows without a date are evaluated against every profile: failing open to control is
        the safer error) and all its conditions hold. Missing values never match except for
        ``missing``. The score combines the weights of the hitting profiles by noisy-OR,
        ``1 - prod(1 - w)``. ``missing`` lists, per row, the fields whose absence left a
        profile undecided: the profile could still have hit had the value been there.
        """
        hits, score, mandatory, missing = self._evaluate(_Columns(frame, len(frame)))
        ids = [p.id for p in self.profiles]
        return ProfileEvaluation(
            score=pd.Series(score, index=frame.index, name="rule_score", dtype=float),
            hits=pd.DataFrame(hits, index=frame.index, columns=ids, dtype=bool),
            mandatory=pd.Series(mandatory, index=frame.index, name="mandatory", dtype=bool),
            missing=pd.Series(missing, index=frame.index, name="missing"),
        )

    def evaluate_columns(
        self, columns: Mapping[str, Column], n: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`evaluate` on ``n`` rows given as separate columns (at least
        ``declaration_date`` and :attr:`fields` where known; absent ones count as missing):
        the ``score``, ``mandatory`` and ``missing`` arrays, without building frames."""
        _, score, mandatory, missing = self.evaluate_arrays(columns, n)
        return score, mandatory, missing

    def evaluate_arrays(
        self, columns: Mapping[str, Column], n: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`evaluate_columns` plus the hits: ``(hits, score, mandatory, missing)`` where
        ``hits`` is a (rows, profiles) boolean matrix in the order of :attr:`profiles`."""
        return self._evaluate(_Columns(columns, n))

    def _evaluate(self, cols: _Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        n = cols.n
        dates = _row_dates(cols)
        hits = np.zeros((n, len(self.profiles)), dtype=bool)
        needed: dict[str, np.ndarray] = {}
        for j, profile in enumerate(self.profiles):
            in_force = _in_force(dates, profile)
            match = in_force.copy()
            possible = in_force.copy()
            unknown_by_field: list[tuple[str, np.ndarray]] = []
            for cond in profile.conditions:
                outcome = cond.evaluate(cols)
                match &= outcome.match
                possible &= outcome.match | outcome.unknown
                unknown_by_field.extend(outcome.fields.items())
            hits[:, j] = match
            undecided = possible & ~match
            if undecided.any():
                for name, rows in unknown_by_field:
                    needed[name] = needed.get(name, np.zeros(n, dtype=bool)) | (rows & undecided)
        weights = np.array([p.weight for p in self.profiles], dtype=float)
        mandatory_profiles = np.array([p.mandatory_control for p in self.profiles], dtype=bool)
        score = 1.0 - np.prod(np.where(hits, 1.0 - weights, 1.0), axis=1)
        mandatory = (hits & mandatory_profiles).any(axis=1)
        return hits, score, mandatory, _join_fields(needed, n)


def _row_dates(cols: _Columns) -> np.ndarray:
    """Rows' declaration days as datetime64[D] (NaT when unknown or no column)."""
    column = cols.column("declaration_date")
    if column is None:
        return np.full(cols.n, np.datetime64("NaT"), dtype="datetime64[D]")
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "M":
        return np.asarray(column).astype("datetime64[D]")
    dates = pd.to_datetime(pd.Series(column, copy=False), errors="coerce")
    if isinstance(dates.dtype, pd.DatetimeTZDtype):
        dates = dates.dt.tz_localize(None)
    return dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")


def _in_force(dates: np.ndarray, profile: Profile) -> np.ndarray:
    undated = np.isnat(dates)
    ok: np.ndarray = dates >= np.datetime64(profile.valid_from, "D")
    if profile.valid_to is not None:
        ok &= dates <= np.datetime64(profile.valid_to, "D")
    in_force: np.ndarray = ok | undated
    return in_force


def _join_fields(needed: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for name in sorted(needed):
        rows = needed[name]
        if not rows.any():
            continue
        current = out[rows]
        out[rows] = np.where(current == "", name, current + "," + name)
    return out


# ------------------------------------------------------------------------------ load / save


def parse_profiles(
    data: object,
    *,
    source: str = "<data>",
    feature_fields: Iterable[str] = DEFAULT_FEATURE_FIELDS,
) -> ProfileSet:
    """Validate profile documents (a list or ``{"profiles": [...]}``) into a ProfileSet.

    Every problem in every profile is collected and raised together as one
    :class:`ProfileError`, each line naming ``source``, the profile and the field.
    """
    if isinstance(data, Mapping):
        extra = sorted(set(data) - {"profiles"})
        if extra or "profiles" not in data:
            raise ProfileError(
                [f"{source}: expected a list of profiles or a mapping with only 'profiles'"]
            )
        data = data["profiles"]
    if data is None:  # an empty file, or one holding only comments
        raise ProfileError([f"{source}: the file holds no profiles (it is empty)"])
    if not isinstance(data, list):
        raise ProfileError([f"{source}: expected a list of profiles, got {type(data).__name__}"])
    catalog = FieldCatalog.default(feature_fields)
    problems: list[str] = []
    issues: list[dict[str, str]] = []
    profiles: list[Profile] = []
    for position, item in enumerate(data):
        label = _profile_label(item, position)
        try:
            profiles.append(Profile.model_validate(item, context={"catalog": catalog}))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(f"{source}: {label} {_format_error(err)}")
                loc, message = _error_parts(err)
                issues.append({"profile": label, "field": loc, "message": message})
    if problems:
        raise ProfileError(problems, issues)
    try:
        return ProfileSet(profiles)
    except ProfileError as exc:
        raise ProfileError([f"{source}: {p}" for p in exc.problems], exc.issues) from None


class _YamlLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` whose value errors (an impossible date such as ``2024-13-01``, an
    integer beyond Python's 4,300-digit conversion limit) name the line, as its syntax errors
    do, instead of escaping as a bare ValueError."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None


def parse_profile_text(text: str, fmt: str, source: str) -> Any:
    """Profile documents from YAML or JSON ``text`` (``fmt`` ``json`` or ``yaml``); every way
    the text cannot be read is a :class:`ProfileError` naming ``source`` (and the line where
    the parser knows it): syntax, nesting deep enough to exhaust the parser's recursion,
    impossible values."""
    kind = "JSON" if fmt == "json" else "YAML"
    try:
        return json.loads(text) if fmt == "json" else yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a SafeLoader
    except RecursionError:
        problem = "nested too deeply to read"
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (a NUL: a binary file)
        problem = f"character {exc.position + 1}: {exc.reason}"
    except yaml.MarkedYAMLError as exc:  # where, then what: not PyYAML's multi-line layout
        mark = exc.problem_mark
        problem = "; ".join(str(part) for part in (exc.context, exc.problem) if part)
        if mark:
            problem += f" (line {mark.line + 1}, column {mark.column + 1})"
    except (ValueError, yaml.YAMLError) as exc:  # JSONDecodeError is a ValueError
        problem = str(exc)
    raise ProfileError([f"{source}: cannot be parsed, not valid {kind}: {problem}"])


def load_profiles(
    path: str | os.PathLike[str], *, feature_fields: Iterable[str] = DEFAULT_FEATURE_FIELDS
) -> ProfileSet:
    """Read profiles from a YAML (``.yaml``/``.yml``) or JSON file."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ProfileError(
            [f"{path.name}: byte {exc.start} is not valid UTF-8 (line {line})"]
        ) from None
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    data = parse_profile_text(text, fmt, path.name)
    return parse_profiles(data, source=path.name, feature_fields=feature_fields)


def save_profiles(profiles: ProfileSet, path: str | os.PathLike[str]) -> None:
    """Write profiles as YAML or JSON (by suffix), atomically: a crash leaves the old file."""
    path = Path(path)
    document = profiles.to_dict()
    if path.suffix.lower() == ".json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_default_profiles(*, feature_fields: Iterable[str] = DEFAULT_FEATURE_FIELDS) -> ProfileSet:
    """The starter profiles shipped with ClearLane (generic WTO TFA Art. 7.4 criteria)."""
    resource = resources.files("clearlane.risk").joinpath("default_profiles.yaml")
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return parse_profiles(data, source="default_profiles.yaml", feature_fields=feature_fields)
