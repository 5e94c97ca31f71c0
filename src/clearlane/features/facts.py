"""Facts about declarations from outside the declaration: its invoice, its transport document,
its importer's trader network and the HS check of each goods item.

One place gathers them from the store (:func:`gather_facts`) and puts them on the analysis
frame (:func:`attach_facts`) as columns with stable names, so that rule profiles can name them
and the feature builder passes them to the models:

=======================  ======================================================================
``doc_discrepancies``    discrepancies between the declaration and its extracted invoice(s)
``doc_<code>``           1 when the invoice cross-check raised ``<CODE>`` (documents.crosscheck)
``link_discrepancies``   discrepancies with the linked transport document (manifest, B/L)
``link_<code>``          1 when ``<CODE>`` was raised (link.discrepancies), e.g.
                         ``link_manifest_gross_mass``
``hs_plausibility``      0-1, how well the item's description fits its declared HS code
``net_*``                trader-network features of the importer's cluster (link.network)
=======================  ======================================================================

**Missing is missing.** A declaration without an extracted invoice has NaN in every ``doc_*``
column, one without a linked transport document NaN in every ``link_*``, an importer outside
the trader register NaN in ``net_*``, an item the HS check cannot score NaN in
``hs_plausibility``: never a 0 that would read as "checked, and nothing found".

Beside the numbers, ``fact_evidence`` holds per row the declaration's discrepancies with both
values (a list of dicts, see :class:`Evidence`), which the explanations turn into reasons.

The HS check is computed once per (description, declared code) and kept in ``hs_checks``
(with the model's data hash), so scoring reads it instead of re-ranking; the first time a pair
is seen it is checked there and then (a few milliseconds an item, plus loading the HS model
once per process).
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any, cast

import numpy as np
import pandas as pd
from sqlalchemy import Table, insert, select, tuple_
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from clearlane.core.schema import Declaration
from clearlane.core.sequences import chunked, in_lists
from clearlane.core.validation.declaration import revalidated
from clearlane.documents.crosscheck import CODES as DOC_CODES
from clearlane.features.columns import FrameColumns
from clearlane.frames import (
    _in_order,
    few_rows_columns,
    few_rows_frame,
    frame_arrays,
    frame_from_arrays,
    item_rows,
    items_frame,
    object_cells,
)
from clearlane.link.codes import MANIFEST_CODES

log = logging.getLogger(__name__)

SessionFactory = Callable[[], Session]

#: The transport-document discrepancy codes (the one list is the link domain's).
LINK_CODES: tuple[str, ...] = MANIFEST_CODES
NET_COLUMNS: tuple[str, ...] = (
    "net_cluster_age_days",
    "net_new_trader",
    "net_shares_with_noncompliant",
    "net_recent_name_change",
    "net_address_new_importers",
)
DOC_COLUMNS: tuple[str, ...] = (
    "doc_discrepancies",
    *(f"doc_{code.lower()}" for code in DOC_CODES),
)
LINK_COLUMNS: tuple[str, ...] = (
    "link_discrepancies",
    *(f"link_{code.lower()}" for code in LINK_CODES),
)
HS_COLUMN = "hs_plausibility"
#: Every numeric fact column, in a stable order (profiles and the feature builder use these).
FACT_COLUMNS: tuple[str, ...] = (*DOC_COLUMNS, *LINK_COLUMNS, HS_COLUMN, *NET_COLUMNS)
#: Per row: the declaration's discrepancies with both values (list of :class:`Evidence` dicts).
EVIDENCE_COLUMN = "fact_evidence"
#: HS check results that become evidence (and a reason): the description fits another
#: chapter or heading. A sibling subheading (``HS_DESCRIPTION_MISMATCH_SUBHEADING``) stays a
#: feature only: the check separates siblings weakly (ROC-AUC 0.6-0.76, docs/hs.md) and
#: descriptions often do not say what separates them, so as a reason it would mostly be noise.
#: The chapter and heading floors are calibrated to flag at most about 5 % of correct codes.
HS_MISMATCH_CODES = ("HS_DESCRIPTION_MISMATCH_CHAPTER", "HS_DESCRIPTION_MISMATCH_HEADING")
#: A description that names no goods ("GOODS AS PER INVOICE", clearlane.hs.vague): evidence and
#: a reason of its own ("too vague to classify"), not a mismatch with the declared code.
HS_VAGUE_CODE = "HS_DESCRIPTION_VAGUE"
#: Every HS check result that becomes evidence (and a reason).
HS_EVIDENCE_CODES = (*HS_MISMATCH_CODES, HS_VAGUE_CODE)
_CHUNK = 500
_FEW_ROWS = 64  # up to this many rows (a submission), attach_facts looks up without pandas


@dataclass(frozen=True)
class Evidence:
    """One discrepancy with both values: ``document`` is what the invoice / transport document
    / HS check says, ``declared`` what the declaration says."""

    source: str  # invoice, manifest, hs
    code: str
    field: str
    document: Any
    declared: Any
    detail: str
    item: int | None = None  # goods item sequence number, when it concerns one item
    document_ref: str | None = None  # invoice file / transport document number
    arrived: str | None = None  # ISO time the evidence was stored (invoices)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class HsFact:
    """The stored HS check of one (description, declared code)."""

    description: str
    declared_code: str
    plausibility: float | None
    best_code: str | None
    reason_code: str | None
    reason: str | None
    suggestions: list[dict[str, Any]] = field(default_factory=list)


class Facts:
    """What :func:`gather_facts` found for a set of declarations.

    The declaration table (:attr:`declarations`) is given as a frame, or (``gather_facts``)
    as its columns (``table_columns``: the references and a float column per fact, in the
    table's order), from which the frame is made only when it is read: a submission's facts
    are looked up from the columns (:func:`_fact_columns`), and making the frame of one
    reference cost about as much as the rest of gathering its facts."""

    def __init__(
        self,
        declarations: pd.DataFrame | None,
        evidence: dict[str, list[Evidence]],
        hs: dict[tuple[str, int], HsFact],
        documents_at: dict[str, datetime],
        hs_unstored: list[HsFact] | None = None,
        hs_store: str | None = None,
        *,
        rankings_unstored: list[dict[str, Any]] | None = None,
        table_columns: tuple[list[str], dict[str, Any]] | None = None,
    ) -> None:
        if declarations is None and table_columns is None:
            raise ValueError("Facts need the declaration table or its columns")
        self._table = declarations  # index reference; DOC_COLUMNS, LINK_COLUMNS, NET_COLUMNS
        self.table_columns = table_columns if declarations is None else None
        self.evidence = evidence  # reference -> discrepancies with both values
        self.hs = hs  # (reference, item seq) -> HS check
        self.documents_at = documents_at  # reference -> when its newest invoice evidence arrived
        # HS checks computed here and not stored yet (``gather_facts(..., store_hs=False)``):
        # the caller stores them in its own transaction (:func:`store_hs_checks`).
        self.hs_unstored: list[HsFact] = [] if hs_unstored is None else hs_unstored
        self.hs_store = hs_store  # the store key they belong to (for this process's cache)
        # The HS rankings made for them, to store with them (rows of ``hs_rankings``).
        self.rankings_unstored: list[dict[str, Any]] = rankings_unstored or []

    @property
    def declarations(self) -> pd.DataFrame:
        """The declaration table: index ``reference``, the fact columns as float."""
        if self._table is None:
            assert self.table_columns is not None
            refs, data = self.table_columns
            self._table = pd.DataFrame(data, index=pd.Index(refs, name="reference"), dtype=float)
        return self._table

    @property
    def table_made(self) -> bool:
        """Whether :attr:`declarations` is a frame already (given, or read once)."""
        return self._table is not None


# ------------------------------------------------------------------------------- HS check


@cache
def hs_model_key() -> str:
    """Hash of the shipped HS model's data and of the check's calibration: stored checks are
    reused only for the same model and the same floors."""
    from clearlane.hs.api import CHECK_VERSION
    from clearlane.hs.embed import EMBEDDING_FILE
    from clearlane.hs.model import data_path

    digest = hashlib.sha256()
    for name in ("hmrc_pairs.csv", "ranker.txt", EMBEDDING_FILE):
        digest.update(data_path(name).read_bytes())
    digest.update(CHECK_VERSION.encode())
    return digest.hexdigest()[:16]


def _description_key(description: str) -> str:
    return hashlib.sha256(" ".join(description.split()).encode()).hexdigest()


def _checked_text(description: str) -> str:
    """What of a (whitespace-normalised) description the HS check looks at, stored and keyed
    in ``hs_checks``: its :func:`~clearlane.hs.model.ranked_head` (at most MAX_RANKED
    characters). Two descriptions with the same head get the same check, so they share a row;
    a 100 kB text (a library or batch caller's; a declaration's is at most 512) stores 1 kB."""
    from clearlane.hs.model import ranked_head

    head = ranked_head(description)
    return description if head is description else " ".join(head.split())


def _compute_hs(pairs: Sequence[tuple[str, str]], top: int) -> list[HsFact]:
    from clearlane.hs.api import (
        REASON_NO_DESCRIPTION,
        REASON_UNKNOWN_CODE,
        CodeError,
        check_and_suggest,
        clean_code,
    )

    out: list[HsFact | None] = [None] * len(pairs)
    todo: list[int] = []
    for i, (description, code) in enumerate(pairs):
        if not description.strip():
            out[i] = HsFact(description, code, None, None, REASON_NO_DESCRIPTION, None)
            continue
        try:
            clean_code(code)
        except CodeError as error:
            out[i] = HsFact(description, code, None, None, REASON_UNKNOWN_CODE, str(error))
            continue
        todo.append(i)
    if todo:
        import sklearn

        # The TF-IDF transforms of a few descriptions: sklearn's input and parameter checks
        # cost about a tenth of a ranking, and counts are always finite (same results).
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            checked = check_and_suggest([pairs[i] for i in todo], top=top)
        for i, (c, s) in zip(todo, checked, strict=True):
            out[i] = HsFact(
                pairs[i][0],
                pairs[i][1],
                float(c.plausibility),
                c.best_code,
                c.reason_code,
                c.reason,
                [
                    {
                        "rank": x.rank,
                        "code": x.code,
                        "score": round(x.score, 4),
                        "title": x.title,
                        "heading": x.heading,
                        "citation": x.citation,
                    }
                    for x in s
                ],  # fmt: skip
            )
    return [f for f in out if f is not None]


class _CheckCache:
    """HS checks known to be stored, kept in this process (least recently used out first),
    keyed by the store, the model key and the (normalised description, declared code): a
    description seen before costs a dictionary look-up instead of a query. Only checks read
    from ``hs_checks`` or written there are kept, so a page view that reads stored checks only
    sees the same ones; the store's checks are never changed in place (a new model is a new
    key), so a kept check cannot go stale."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._held: OrderedDict[tuple[str, str, str, str], HsFact] = OrderedDict()

    def get(self, keys: Iterable[tuple[str, str, str, str]]) -> dict[tuple[str, str], HsFact]:
        found: dict[tuple[str, str], HsFact] = {}
        with self._lock:
            for key in keys:
                fact = self._held.get(key)
                if fact is not None:
                    self._held.move_to_end(key)
                    found[key[2], key[3]] = fact
        return found

    def put(self, store: str, model: str, facts: Iterable[HsFact]) -> None:
        with self._lock:
            for fact in facts:
                key = (store, model, fact.description, fact.declared_code)
                self._held[key] = fact
                self._held.move_to_end(key)
            while len(self._held) > self.size:
                self._held.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._held.clear()


#: About 2 kB a check (suggestions included): 20,000 checks, some 40 MB at most per process.
HS_CHECK_CACHE = _CheckCache(20_000)


def _store_key(session_factory: SessionFactory) -> str | None:
    """The store a session factory opens: its URL and its SQLAlchemy engine object (None when
    it does not say). The engine counts too: two engines on one in-memory SQLite URL are two
    stores. (``open_store`` keeps one engine per URL, so a store file deleted and made again
    under a running process is not told apart: the tests clear the cache between tests.)"""
    bind = getattr(session_factory, "kw", {}).get("bind")
    url = getattr(bind, "url", None)
    return f"{url.render_as_string()}#{id(bind)}" if url is not None else None


def _insert_checks(
    session: Session, rows: list[dict[str, Any]], rankings: Sequence[dict[str, Any]] = ()
) -> None:
    """One statement for all ``rows`` (and one for the ``rankings``, rows of ``hs_rankings``);
    a check or ranking another process stored first is left as it is (the same model and
    pair, or text, give the same values). Rows go in key order, checks before rankings: two
    transactions inserting overlapping rows take the unique indexes' locks in one order, not
    in each process's set order (a PostgreSQL deadlock would fail the assessment they belong
    to)."""
    from clearlane.store.tables import HsCheckRow, HsRankingRow

    if rows:
        rows = sorted(
            rows, key=lambda r: (r["description_sha256"], r["declared_code"] or "", r["model"])
        )
        _insert_new(session, cast(Table, HsCheckRow.__table__), rows)
    if rankings:
        ordered = sorted(rankings, key=lambda r: (r["text_sha256"], r["model"]))
        _insert_new(session, cast(Table, HsRankingRow.__table__), ordered)


def _insert_new(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT .. ON CONFLICT DO NOTHING`` of ``rows`` (a plain insert on other dialects)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement: Any = pg_insert(table).on_conflict_do_nothing()
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(table).on_conflict_do_nothing()
    else:
        statement = insert(table)
    session.execute(statement, rows)


@cache
def _stored_checks() -> Any:
    """The stored checks of ``:model`` for some (description hash, declared code) ``:pairs``
    (``:hashes``: their description hashes): built once (building it cost a submission more
    than running it). The row-value ``IN`` alone scans the whole table on SQLite (every stored
    check, a few milliseconds a submission on a store trained with facts); ``description_sha256
    IN`` beside it makes it a search of the unique index (``tests/features/test_facts.py``)."""
    from sqlalchemy import bindparam

    from clearlane.store.tables import HsCheckRow

    return select(
        HsCheckRow.description_sha256,
        HsCheckRow.declared_code,
        HsCheckRow.plausibility,
        HsCheckRow.best_code,
        HsCheckRow.reason_code,
        HsCheckRow.reason,
        HsCheckRow.suggestions,
    ).where(
        HsCheckRow.model == bindparam("model"),
        HsCheckRow.description_sha256.in_(bindparam("hashes", expanding=True)),
        tuple_(HsCheckRow.description_sha256, HsCheckRow.declared_code).in_(
            bindparam("pairs", expanding=True)
        ),
    )


def _check_row(fact: HsFact, model: str, now: datetime) -> dict[str, Any]:
    return {
        "description_sha256": _description_key(fact.description),
        "declared_code": fact.declared_code,
        "model": model,
        "description": fact.description,
        "plausibility": fact.plausibility,
        "best_code": fact.best_code,
        "reason_code": fact.reason_code,
        "reason": fact.reason,
        "suggestions": fact.suggestions,
        "checked_at": now,
    }


def hs_checks(
    session_factory: SessionFactory,
    pairs: Iterable[tuple[str, str]],
    *,
    top: int = 3,
    compute: bool = True,
    session: Session | None = None,
    unstored: list[HsFact] | None = None,
    release: bool = False,
    unstored_rankings: list[dict[str, Any]] | None = None,
) -> dict[tuple[str, str], HsFact]:
    """The HS check of each (description, declared code): from this process's cache of
    stored checks, else read from ``hs_checks``, else computed and stored (with the current
    model); ``compute=False`` returns only the stored ones (a page view must not load the HS
    model). A description longer than MAX_RANKED is checked, stored and keyed as the part the
    check looks at (:func:`_checked_text`); the result is keyed by the pairs as given.

    ``session``: read with it instead of a session of its own. ``unstored``: the computed
    checks are appended there instead of stored in a transaction of their own; the caller
    stores them in its transaction (:func:`store_hs_checks`), and the rankings made for them
    (rows of ``hs_rankings``, :func:`_shared_rankings`) to ``unstored_rankings``. ``release``:
    close ``session``
    (ending its transaction; what it loaded stays readable) once the stored checks are read and
    before any is computed, so that a PostgreSQL connection does not sit idle in transaction
    while the HS model ranks (the first ranking of a process loads the model: seconds)."""

    asked = {(" ".join(str(d).split()), str(c).strip()) for d, c in pairs}
    if not asked:
        return {}
    # Checked, read, stored and kept under the part of the description the check looks at
    # (the description itself up to MAX_RANKED characters: most calls have no longer one).
    from clearlane.hs.model import MAX_RANKED

    heads = {(d, c): (_checked_text(d), c) for d, c in asked if len(d) > MAX_RANKED}
    wanted = {heads.get(pair, pair) for pair in asked} if heads else asked
    model = hs_model_key()
    store = _store_key(session_factory)
    found: dict[tuple[str, str], HsFact] = {}
    if store is not None:
        found = HS_CHECK_CACHE.get((store, model, d, c) for d, c in wanted)
    keyed = {(_description_key(d), c): (d, c) for d, c in wanted if (d, c) not in found}
    keys = list(keyed)
    read: list[HsFact] = []
    if keys:
        from clearlane.store.session import core_connection

        with _reading(session_factory, session) as reader:
            connection = core_connection(reader)  # Core rows: not the ORM's execute path
            for chunk in chunked(keys, _CHUNK):
                hashes = sorted({sha for sha, _ in chunk})
                rows = connection.execute(
                    _stored_checks(), {"model": model, "pairs": chunk, "hashes": hashes}
                )
                for sha, code, plausibility, best, reason_code, reason, suggestions in rows:
                    pair = keyed.get((sha, code))
                    if pair is not None:
                        fact = HsFact(pair[0], pair[1], plausibility, best, reason_code, reason,
                                      list(suggestions or []))  # fmt: skip
                        found[pair] = fact
                        read.append(fact)
    if store is not None and read:
        HS_CHECK_CACHE.put(store, model, read)
    missing = sorted(wanted - set(found))
    if not missing or not compute:
        return _as_asked(asked, heads, found)
    with _reading(session_factory, session) as reader:
        to_rank = _shared_rankings(reader, missing)
    if release and session is not None:
        session.close()
    computed = _compute_hs(missing, top)
    found.update({(f.description, f.declared_code): f for f in computed})
    now = datetime.now(UTC)
    if to_rank is None:  # the model loaded just now: every ranking is new here
        from clearlane.hs.api import unranked
        from clearlane.hs.model import loaded_model

        loaded = loaded_model()
        to_rank = unranked(missing, loaded, held=True) if loaded is not None else []
    rankings = _ranking_rows(to_rank, now)
    if rankings and not _ranking_room(session_factory, store, rankings):
        rankings = []
    if unstored is not None:
        unstored.extend(computed)
        if unstored_rankings is not None:
            unstored_rankings.extend(rankings)
        return _as_asked(asked, heads, found)
    try:
        with session_factory() as writer:
            _insert_checks(writer, [_check_row(f, model, now) for f in computed], rankings)
            writer.commit()
    except (IntegrityError, OperationalError) as exc:
        # The store is busy (or, on a dialect without ON CONFLICT, another process stored
        # the same pairs first): the checks are still returned, only not stored this time.
        log.info("HS checks not cached: %s", type(exc).__name__)
    else:
        if store is not None:
            HS_CHECK_CACHE.put(store, model, computed)
    return _as_asked(asked, heads, found)


def _ranking_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@cache
def _stored_rankings() -> Any:
    """The stored rankings of ``:model`` (:meth:`~clearlane.hs.model.HSModel.ranking_key`)
    for some normalised texts' hashes ``:hashes``."""
    from sqlalchemy import bindparam

    from clearlane.store.tables import HsRankingRow

    return select(HsRankingRow.text_sha256, HsRankingRow.codes, HsRankingRow.scores).where(
        HsRankingRow.model == bindparam("model"),
        HsRankingRow.text_sha256.in_(bindparam("hashes", expanding=True)),
    )


def _shared_rankings(session: Session, pairs: Sequence[tuple[str, str]]) -> list[str] | None:
    """Before ``pairs`` are checked: the rankings of their descriptions that this process's HS
    model does not hold (with the declared code among the candidates) are read from
    ``hs_rankings`` (another process, or training, made them) and kept by the model, which
    then does not rank those descriptions again. Returns the texts still to be ranked: the
    caller stores their rankings once made (:func:`_ranking_rows`). No statement when the
    process holds every ranking it needs. None when the process has not loaded the HS model
    yet: it is loaded by the checks, after the caller's session is released, and the
    rankings of every text then stored (those another process stored first are left).

    Only rankings stored under this model's :meth:`~clearlane.hs.model.HSModel.ranking_key`
    (re-ranker, index, ranking code, libraries) are read: a retrained or other model ranks
    anew. A ranking is the same bits whatever batch made it (``Index.features`` takes each
    description's products alone), so one the training made in a batch of 256 is the one
    this process would make for the description alone."""
    from clearlane.hs.api import unranked
    from clearlane.hs.model import loaded_model
    from clearlane.store.session import core_connection

    hs_model = loaded_model()
    if hs_model is None:
        return None
    texts = unranked(pairs, hs_model)
    if not texts:
        return []
    by_key = {_ranking_key(t): t for t in texts}
    model = hs_model.ranking_key()
    connection = core_connection(session)
    keys = sorted(by_key)
    for chunk in chunked(keys, _CHUNK):
        rows = connection.execute(_stored_rankings(), {"model": model, "hashes": chunk})
        for sha, codes, scores in rows:
            hs_model.keep(by_key[sha], codes, scores)
    return unranked(pairs, hs_model)  # a read ranking without a declared code: ranked again


def _ranking_rows(texts: Sequence[str], now: datetime) -> list[dict[str, Any]]:
    """Rows of ``hs_rankings`` for the rankings of ``texts`` this process's HS model now
    holds (made since :func:`_shared_rankings`; one ranked with a declared code that was not
    a candidate of its own is not held, nor stored)."""
    from clearlane.hs.model import loaded_model

    hs_model = loaded_model()
    if not texts or hs_model is None:
        return []
    model = hs_model.ranking_key()
    rows = []
    for text in texts:
        held = hs_model.held(text)
        if held is not None:
            codes, scores = held
            rows.append({"text_sha256": _ranking_key(text), "model": model, "codes": codes,
                         "scores": scores.tolist(), "ranked_at": now})  # fmt: skip
    return rows


#: At most this many stored rankings per ranking key (about 1.5 kB each: some 150 MB) are
#: written by this process's counts; beyond, rankings are still read but no more are stored.
HS_RANKINGS_KEPT = 100_000
# (store key, ranking key) -> rankings this process may still store there.
_RANKING_ROOM: dict[tuple[str | None, str], int] = {}
_RANKING_ROOM_LOCK = threading.Lock()


def _ranking_room(
    session_factory: SessionFactory, store: str | None, rows: Sequence[dict[str, Any]]
) -> bool:
    """Whether ``rows`` (rankings of one key) may be stored, taking their room. The table's
    growth is bounded: the first time a process stores rankings in a store under a key, in a
    transaction of its own, the rankings of every other key are deleted (no model reads
    them: a retrained or upgraded model left them) and this key's are counted; the process
    then stores at most :data:`HS_RANKINGS_KEPT` less that count (counted again once used
    up, as others' rows were counted in it too). Several processes starting at once may each
    take the same room: at most that many times the bound. A busy store: not stored this
    time."""
    from sqlalchemy import delete, func

    from clearlane.store.tables import HsRankingRow

    key = str(rows[0]["model"])
    with _RANKING_ROOM_LOCK:
        room = _RANKING_ROOM.get((store, key))
        if room is not None and room >= len(rows):
            _RANKING_ROOM[(store, key)] = room - len(rows)
            return True
        if room is not None and room < 0:  # counted full: stays full (nothing is deleted)
            return False
    try:
        with session_factory() as session:
            if room is None:
                session.execute(delete(HsRankingRow).where(HsRankingRow.model != key))
            stored = session.scalar(
                select(func.count()).select_from(HsRankingRow).where(HsRankingRow.model == key)
            )
            session.commit()
    except OperationalError as exc:
        log.info("HS rankings not stored: %s", type(exc).__name__)
        return False
    room = HS_RANKINGS_KEPT - int(stored or 0)
    with _RANKING_ROOM_LOCK:
        if room < len(rows):
            _RANKING_ROOM[(store, key)] = -1
            return False
        _RANKING_ROOM[(store, key)] = room - len(rows)
        return True


def _as_asked(
    asked: set[tuple[str, str]],
    heads: Mapping[tuple[str, str], tuple[str, str]],
    found: dict[tuple[str, str], HsFact],
) -> dict[tuple[str, str], HsFact]:
    """``found`` (keyed by checked text and code) keyed by the pairs as ``asked``; ``heads``:
    the asked pairs whose description was checked as its head."""
    if not heads:
        return found
    out = {}
    for pair in asked:
        fact = found.get(heads.get(pair, pair))
        if fact is not None:
            out[pair] = fact
    return out


def store_hs_checks(session: Session, facts: Facts) -> None:
    """Store in ``session``'s transaction the HS checks :func:`gather_facts` computed and left
    unstored (``store_hs=False``): the API's submission writes them with its assessment, one
    transaction instead of two. A check another writer stored first is left as it is. Call
    :func:`remember_hs_checks` once the transaction is committed."""
    if facts.hs_unstored or facts.rankings_unstored:
        now = datetime.now(UTC)
        model = hs_model_key()
        rows = [_check_row(f, model, now) for f in facts.hs_unstored]
        _insert_checks(session, rows, facts.rankings_unstored)


def remember_hs_checks(facts: Facts) -> None:
    """After :func:`store_hs_checks`'s transaction committed: this process knows them stored
    (a later submission of the same description reads no row)."""
    if facts.hs_unstored and facts.hs_store is not None:
        HS_CHECK_CACHE.put(facts.hs_store, hs_model_key(), facts.hs_unstored)


@contextmanager
def _reading(session_factory: SessionFactory, session: Session | None) -> Iterator[Session]:
    """``session`` when given (the caller's, left open), else a new one closed at the end."""
    if session is not None:
        yield session
        return
    with session_factory() as opened:
        yield opened


# ------------------------------------------------------------------------------- gathering


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items() if v not in (None, ""))
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def _item_of(field_name: str) -> int | None:
    """``line_items[2].quantity`` -> item 3 (goods items are numbered from 1)."""
    if field_name.startswith("line_items[") and "]" in field_name:
        try:
            return int(field_name[len("line_items[") : field_name.index("]")]) + 1
        except ValueError:
            return None
    return None


def _started(payload: Any, name: str = "started_at") -> datetime | None:
    """When a stored control result says its control started (``started_at``), or another
    time ``name`` of it, as written (with its offset), if it does."""
    value = payload.get(name) if isinstance(payload, dict) else None
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def known_by(session: Session, references: Sequence[str]) -> dict[str, datetime]:
    """When each declaration's lane was settled, for the declarations that have one: its first
    officer decision or the start of its first control (``started_at``, else ``completed_at``,
    else when the result was recorded), whichever is earlier. A document that arrived later
    was not known when the declaration was assessed and routed; one asked for by the control
    would tell its outcome.
    Declarations without either (not decided, not controlled: no label) have none."""
    from sqlalchemy import func

    from clearlane.store.tables import ControlResultRow, DecisionRow

    out: dict[str, datetime] = {}

    def keep(ref: str, when: datetime | None) -> None:
        if when is None:
            return
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        out[ref] = min(out.get(ref, when), when)

    for chunk in in_lists(references, _CHUNK):
        for ref, when in session.execute(
            select(DecisionRow.reference, func.min(DecisionRow.decided_at))
            .where(DecisionRow.reference.in_(chunk))
            .group_by(DecisionRow.reference)
        ):
            keep(ref, when)
        for ref, completed, recorded, payload in session.execute(
            select(ControlResultRow.declaration_reference, ControlResultRow.completed_at,
                   ControlResultRow.recorded_at, ControlResultRow.payload)
            .where(ControlResultRow.declaration_reference.in_(chunk))
        ):  # fmt: skip
            # completed_at as written first: SQLite stores kept the column's wall clock
            # without its offset before results were stored in UTC (ingest.prepare)
            ended = _started(payload, "completed_at") or completed
            keep(ref, _started(payload) or ended or recorded)
    return out


@cache
def _about_these() -> Any:
    """Whether an invoice extraction, a document link and a party mention name any of
    ``:invoiced`` / ``:linked`` / ``:mentioned`` (the same references): one statement."""
    from sqlalchemy import bindparam

    from clearlane.store.tables import DocumentExtractionRow, DocumentLinkRow, PartyMentionRow

    return select(
        select(DocumentExtractionRow.id)
        .where(
            DocumentExtractionRow.status == "done",
            DocumentExtractionRow.reference.in_(bindparam("invoiced", expanding=True)),
        )
        .exists(),
        select(DocumentLinkRow.id)
        .where(DocumentLinkRow.declaration_reference.in_(bindparam("linked", expanding=True)))
        .exists(),
        select(PartyMentionRow.id)
        .where(PartyMentionRow.source_ref.in_(bindparam("mentioned", expanding=True)))
        .exists(),
    )


def gather_facts(
    session_factory: SessionFactory,
    references: Iterable[str],
    *,
    hs: bool = True,
    network: bool = True,
    compute_hs: bool = True,
    unstored_items: Mapping[tuple[str, int], tuple[str, str]] | None = None,
    items_in_hand: bool = False,
    declarations: Mapping[str, Any] | None = None,
    as_assessed: bool = False,
    session: Session | None = None,
    store_hs: bool = True,
    release: bool = False,
) -> Facts:
    """The facts of the newest version of each declaration in ``references`` (see the module
    docstring). ``hs=False`` / ``network=False`` leave those columns missing (NaN);
    ``compute_hs=False`` uses only HS checks already stored. ``unstored_items`` ((reference,
    item seq) -> (description, declared code)) are HS-checked for references the store does
    not hold (a file scored without being ingested); with ``items_in_hand`` they are the items
    of their references even where the store holds them (the batch being scored, which may be
    another version than the stored newest one). ``declarations``: the newest versions of
    some references as :class:`~clearlane.core.schema.Declaration` (a submission just stored
    them), whose goods items are then not read back from the store.

    ``as_assessed`` (training): each declaration's facts as they were known when it was
    assessed, not as the store holds them now (:func:`known_by`): an invoice whose extraction
    arrived, or a transport document ingested, after the first officer decision or the start
    of the first control of its declaration is left out (a document asked for by the control
    itself would otherwise teach the model the control's outcome). The HS check depends on
    the item's own description and code only, and the network features are computed as of
    the declaration date, so both are the same either way.

    ``session``: read with it (left open) instead of a session of its own. ``store_hs=False``:
    HS checks computed here are not stored but left in ``Facts.hs_unstored`` for the caller's
    transaction (:func:`store_hs_checks`). ``release``: close ``session`` before any HS check
    is computed (:func:`hs_checks`); the caller reads nothing more with it."""
    from clearlane.documents.crosscheck import Discrepancy, discrepancy_facts
    from clearlane.store.tables import (
        DeclarationRow,
        DocumentExtractionRow,
        DocumentLinkRow,
        DocumentRow,
        PartyMentionRow,
        TransportDocumentRow,
    )

    refs = sorted({str(r) for r in references})
    evidence: dict[str, list[Evidence]] = {r: [] for r in refs}
    invoices: dict[str, list[Discrepancy]] = {}
    documents_at: dict[str, datetime] = {}
    linked: set[str] = set()
    registered = False
    items: dict[tuple[str, int], tuple[str, str]] = {}
    stored_refs: set[str] = set()
    # References whose items were given and replace the stored ones: not read from the store.
    given = {ref for ref, _ in unstored_items} if hs and unstored_items and items_in_hand else set()
    # as_assessed: the transport documents (their rows' ids: a number alone may be two
    # carriers' documents) known when each declaration was assessed
    link_documents: dict[str, set[int]] | None = None
    reader = session
    with _reading(session_factory, reader) as session:
        # A store without any invoice extraction, document link or party mention is not asked
        # per chunk: training from a large file, or on a store without documents, pays nothing.
        # One chunk (a submission) asks directly: three probes would cost it as many
        # statements as they save.
        # One chunk asks once, in one statement, whether any of the three holds a row about
        # its declarations (a submission's usual answer: none, and no further read).
        probe = len(refs) > _CHUNK

        def holds(column: Any) -> bool:
            return not probe or session.scalar(select(column).limit(1)) is not None

        has_invoices = holds(DocumentExtractionRow.id)
        has_links = holds(DocumentLinkRow.id)
        registered_any = network and holds(PartyMentionRow.id)
        if refs and not probe:
            from clearlane.store.session import core_connection

            invoiced, linked_any, mentioned = (
                core_connection(session)
                .execute(_about_these(), {"invoiced": refs, "linked": refs, "mentioned": refs})
                .one()
            )
            has_invoices, has_links = bool(invoiced), bool(linked_any)
            registered_any = registered_any and bool(mentioned)
            registered = registered_any  # the per-chunk read below asks the same
        cutoffs: dict[str, datetime] = {}
        if as_assessed and (has_invoices or has_links):
            cutoffs = known_by(session, refs)
        for chunk in chunked(refs, _CHUNK):
            if has_invoices:
                rows = session.execute(
                    select(DocumentExtractionRow, DocumentRow.filename)
                    .join(DocumentRow, DocumentRow.id == DocumentExtractionRow.document_id)
                    .where(
                        DocumentExtractionRow.status == "done",
                        DocumentExtractionRow.reference.in_(chunk),
                    )
                    .order_by(DocumentExtractionRow.id)
                ).all()
            else:
                rows = []
            for row, filename in rows:
                arrived = row.finished_at or row.created_at
                if arrived is not None:
                    arrived = arrived if arrived.tzinfo else arrived.replace(tzinfo=UTC)
                cutoff = cutoffs.get(row.reference)
                if cutoff is not None and (arrived is None or arrived > cutoff):
                    continue  # read after the decision or control result: not known then
                # The same invoice attached twice is one piece of evidence, not two.
                seen = {d.model_dump_json() for d in invoices.get(row.reference, [])}
                found = [
                    d
                    for d in (Discrepancy.model_validate(x) for x in row.discrepancies or [])
                    if d.model_dump_json() not in seen
                ]
                invoices.setdefault(row.reference, []).extend(found)
                if arrived is not None:
                    documents_at[row.reference] = max(documents_at.get(row.reference, arrived),
                                                      arrived)  # fmt: skip
                for d in found:
                    evidence[row.reference].append(
                        Evidence("invoice", d.code, d.field, d.invoice_value, d.declared_value,
                                 d.detail, _item_of(d.field), filename,
                                 arrived.isoformat() if arrived else None)
                    )  # fmt: skip
            if has_links and not as_assessed:
                linked.update(
                    session.scalars(
                        select(DocumentLinkRow.declaration_reference).where(
                            DocumentLinkRow.declaration_reference.in_(chunk)
                        )
                    )
                )
            elif has_links:
                link_documents = link_documents or {}
                for ref, document_id, ingested in session.execute(
                    select(DocumentLinkRow.declaration_reference,
                           TransportDocumentRow.id, TransportDocumentRow.ingested_at)
                    .join(TransportDocumentRow,
                          TransportDocumentRow.id == DocumentLinkRow.transport_document_id)
                    .where(DocumentLinkRow.declaration_reference.in_(chunk))
                ):  # fmt: skip
                    ingested = ingested if ingested.tzinfo else ingested.replace(tzinfo=UTC)
                    cutoff = cutoffs.get(ref)
                    if cutoff is None or ingested <= cutoff:
                        linked.add(ref)
                        link_documents.setdefault(ref, set()).add(int(document_id))
            if registered_any and not registered:
                registered = (
                    session.scalar(
                        select(PartyMentionRow.id)
                        .where(PartyMentionRow.source_ref.in_(chunk))
                        .limit(1)
                    )
                    is not None
                )
            if hs:
                in_hand = {r: declarations[r] for r in chunk if declarations and r in declarations}
                unread = [ref for ref in chunk if ref not in in_hand and ref not in given]
                latest: dict[str, tuple[int, dict[str, Any]]] = {}
                if unread:
                    for ref, version, normalised in session.execute(
                        select(DeclarationRow.reference, DeclarationRow.version,
                               DeclarationRow.normalised).where(
                                   DeclarationRow.reference.in_(unread))
                    ):  # fmt: skip
                        if ref not in latest or version > latest[ref][0]:
                            latest[ref] = (version, normalised)
                for ref, (version, normalised) in latest.items():
                    decl, why = revalidated(ref, version, normalised)
                    if decl is not None:
                        in_hand[ref] = decl
                    else:  # stored under earlier, looser rules
                        log.warning("%s: no HS check of its items", why)
                for ref, decl in in_hand.items():
                    for item in decl.items:
                        items[(ref, item.seq)] = (item.description or "", item.hs_code)
                stored_refs.update(in_hand)
    if hs and unstored_items:
        if items_in_hand:  # the given items replace the stored ones of their references
            items = {k: v for k, v in items.items() if k[0] not in given}
        for key, pair in unstored_items.items():
            if key[0] in evidence and (items_in_hand or key[0] not in stored_refs):
                items[key] = pair

    # Every column is built as an array first and the frame made once, when it is read
    # (Facts.declarations): inserting ~40 columns one by one into a DataFrame cost more than
    # the rest of a one-declaration submission.
    index = pd.Index(refs, name="reference") if invoices or registered else None
    data: dict[str, Any] = {}
    if invoices:
        doc = discrepancy_facts(invoices).reindex(index=index, columns=list(DOC_COLUMNS))
        data.update(zip(DOC_COLUMNS, doc.to_numpy(dtype=float).T, strict=True))
    else:
        data.update((column, [math.nan] * len(refs)) for column in DOC_COLUMNS)

    link_values: dict[str, dict[str, float]] = {c: {} for c in LINK_COLUMNS}
    if linked:
        from clearlane.link.discrepancies import discrepancies

        for ref in linked:
            for column in LINK_COLUMNS:
                link_values[column][ref] = 0.0
        found_links = discrepancies(session_factory, sorted(linked))
        for record in found_links.to_dict("records"):
            ref = str(record["reference"])
            column = f"link_{str(record['code']).lower()}"
            if link_documents is not None and int(record["document_id"]) not in (
                link_documents.get(ref) or ()
            ):
                continue  # a transport document ingested after the decision or control result
            if column in link_values and ref in linked:
                link_values[column][ref] = 1.0
                link_values["link_discrepancies"][ref] += 1.0
                evidence[ref].append(
                    Evidence("manifest", str(record["code"]), str(record["field"]),
                             _text(record["manifest"]), _text(record["declared"]),
                             str(record["message"]), None, str(record["document_number"]))
                )  # fmt: skip
    for column in LINK_COLUMNS:
        data[column] = [link_values[column].get(ref, math.nan) for ref in refs]

    for column in NET_COLUMNS:
        data[column] = [math.nan] * len(refs)
    if registered:
        from clearlane.link.network import network_features

        # the manifest discrepancies are counted above (link_discrepancies)
        net = network_features(session_factory, refs, manifest=False).reindex(index)  # type: ignore[arg-type]
        known = net["importer_cluster_id"].notna().to_numpy()
        for column in NET_COLUMNS:
            values = pd.to_numeric(net[column], errors="coerce").astype(float)
            data[column] = values.where(known).to_numpy()
    hs_facts: dict[tuple[str, int], HsFact] = {}
    unstored: list[HsFact] = []
    unstored_rankings: list[dict[str, Any]] = []
    if items:
        checked = hs_checks(
            session_factory,
            items.values(),
            compute=compute_hs,
            session=reader,
            unstored=None if store_hs else unstored,
            release=release,
            unstored_rankings=None if store_hs else unstored_rankings,
        )
        for key, (description, code) in items.items():
            fact = checked.get((" ".join(description.split()), code.strip()))
            if fact is None:
                continue
            hs_facts[key] = fact
            if fact.reason_code in HS_EVIDENCE_CODES:
                evidence[key[0]].append(
                    Evidence("hs", fact.reason_code or "", "hs_code", fact.best_code,
                             code, fact.reason or "", key[1])
                )  # fmt: skip
    return Facts(None, evidence, hs_facts, documents_at, unstored, _store_key(session_factory),
                 rankings_unstored=unstored_rankings, table_columns=(refs, data))  # fmt: skip


def attach_facts(frame: pd.DataFrame, facts: Facts) -> pd.DataFrame:
    """``frame`` (one row per goods item, with ``reference`` and ``seq``) with the fact columns
    and ``fact_evidence`` added (a copy; existing fact columns are replaced)."""
    refs = frame["reference"].astype(str).tolist()
    seqs = (
        pd.to_numeric(frame["seq"], errors="coerce").tolist()
        if "seq" in frame
        else [math.nan] * len(refs)
    )
    columns = _fact_columns(refs, seqs, facts)
    columns[EVIDENCE_COLUMN] = pd.Series(columns[EVIDENCE_COLUMN], index=frame.index, dtype=object)
    added = pd.DataFrame(columns, index=frame.index)
    replaced = [c for c in added.columns if c in frame.columns]
    kept = frame.drop(columns=replaced) if replaced else frame
    return pd.concat([kept, added], axis=1)


def _fact_columns(refs: list[str], seqs: list[Any], facts: Facts) -> dict[str, Any]:
    """The columns :func:`attach_facts` adds for rows of these references and item numbers
    (``fact_evidence`` as a list of per-row lists)."""
    names = (*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS)
    unmade = None if facts.table_made else facts.table_columns
    if len(refs) <= _FEW_ROWS and unmade is not None and list(unmade[1]) == list(names):
        # A submission: the table's columns as its frame would hold them (float), without
        # making the frame.
        known, data = unmade
        matrix = np.empty((len(known), len(names)))
        for i, name in enumerate(names):
            matrix[:, i] = np.asarray(data[name], dtype=float)
        rows = _rows_of(known, matrix, refs)
    else:
        rows = _table_rows(facts.declarations, names, refs)
    plaus = []
    for ref, seq in zip(refs, seqs, strict=True):
        fact = facts.hs.get((ref, int(seq))) if seq == seq else None
        value = fact.plausibility if fact is not None else None
        plaus.append(math.nan if value is None else float(value))
    lists = {ref: [e.to_dict() for e in found] for ref, found in facts.evidence.items()}
    columns: dict[str, Any] = dict(zip(names, rows.T, strict=True))
    columns[HS_COLUMN] = np.array(plaus, dtype=float)
    columns[EVIDENCE_COLUMN] = [lists.get(ref, []) for ref in refs]
    return columns


def _table_rows(declarations: pd.DataFrame, names: tuple[str, ...], refs: list[str]) -> np.ndarray:
    """The rows of the declaration table for ``refs`` (NaN for a reference it lacks)."""
    if len(refs) <= _FEW_ROWS and list(declarations.columns) == list(names):
        # A submission's few rows: the same look-up on plain arrays (two reindexes of a frame
        # cost more than a one-declaration assessment).
        return _rows_of(declarations.index.tolist(), declarations.to_numpy(dtype=float), refs)
    # One reindex of the declaration table for all fact columns (not a map per column).
    table = declarations.reindex(columns=list(names)).astype(float)
    return table.reindex(refs).to_numpy(dtype=float)


def _rows_of(known: list[Any], matrix: np.ndarray, refs: list[str]) -> np.ndarray:
    """``matrix``'s rows (one per reference of ``known``) for ``refs``, as ``reindex`` gives
    them: NaN for a reference not known; an error for a reference known twice."""
    where = {ref: i for i, ref in enumerate(known)}
    if len(where) != len(matrix):
        raise ValueError("cannot reindex on an axis with duplicate labels")
    values = np.full((len(refs), matrix.shape[1]), np.nan)
    for row, ref in enumerate(refs):
        i = where.get(ref)
        if i is not None:
            values[row] = matrix[i]
    return values


def facts_frame(declarations: Iterable[Declaration], facts: Facts) -> pd.DataFrame:
    """``attach_facts(items_frame(declarations), facts)``, the frame a submission is scored
    on: for a few goods items built in one go with the fact columns (the same frame, column
    for column and dtype for dtype: ``tests/intake/test_one_row_frames.py``), not built and
    then copied with the facts joined (which cost as much again)."""
    declarations = list(declarations)
    rows = item_rows(declarations)
    if rows and len(rows) <= _FEW_ROWS:
        frame = few_rows_frame(rows, more=_facts_of(facts))
        if frame is not None:
            return frame
    return attach_facts(items_frame(declarations), facts)


def facts_columns(declarations: Iterable[Declaration], facts: Facts | None) -> FrameColumns:
    """The columns of :func:`facts_frame` (of ``items_frame`` without ``facts``), what the
    engine reads a submission from: for a few goods items already in the frame's order
    (one declaration, items numbered upwards) read from the arrays the frame would be made
    of, without making the frame (:meth:`FrameColumns.of_arrays`; it is made only if
    something asks for it, with the same arrays); otherwise the frame's columns. The same
    cells, dtypes and index either way (``tests/risk/test_frameless_submission.py``)."""
    declarations = list(declarations)
    rows = item_rows(declarations)
    if rows and len(rows) <= _FEW_ROWS and (len(rows) < 2 or _in_order(rows)):
        more = _facts_of(facts) if facts is not None else None
        data = few_rows_columns(rows, more=more, deferred=True)
        arrays = frame_arrays(data, len(rows)) if data is not None else None
        if arrays is not None:
            n = len(rows)
            return FrameColumns.of_arrays(arrays, n, lambda: frame_from_arrays(arrays, n))
    frame = items_frame(declarations) if facts is None else facts_frame(declarations, facts)
    return FrameColumns(frame)


def _facts_of(facts: Facts) -> Callable[[list[dict[str, Any]]], dict[str, Any] | None]:
    """The fact columns of a few rows (``few_rows_frame``'s ``more``), or None for rows
    with odd references or item numbers (the general path converts them as a frame would)."""

    def columns(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
        refs = [row.get("reference") for row in rows]
        seqs = [row.get("seq") for row in rows]
        if not all(type(r) is str for r in refs) or not all(type(q) is int for q in seqs):
            return None  # the general path converts odd values as a frame would
        found = _fact_columns(cast(list[str], refs), seqs, facts)
        found[EVIDENCE_COLUMN] = object_cells(found[EVIDENCE_COLUMN])
        return found

    return columns


def with_facts(
    frame: pd.DataFrame,
    session_factory: SessionFactory,
    *,
    hs: bool = True,
    network: bool = True,
) -> pd.DataFrame:
    """:func:`attach_facts` of :func:`gather_facts` for the declarations in ``frame``."""
    if frame.empty or "reference" not in frame.columns:
        return frame
    facts = gather_facts(
        session_factory, frame["reference"].astype(str).unique(), hs=hs, network=network
    )
    return attach_facts(frame, facts)


@dataclass
class BatchFacts:
    """What :func:`batch_facts` did: distinct (description, code) pairs of the batch, how many
    were stored already, how many were checked now and the CPU seconds the check took."""

    declarations: int = 0
    pairs: int = 0
    stored: int = 0
    checked: int = 0
    cpu_seconds: float = 0.0  # the checks, without loading the HS model
    load_cpu_seconds: float = 0.0  # loading the HS model (0 when this process had it)
    total_cpu_seconds: float = 0.0  # everything batch_facts did (store reads, HS, attaching)
    skipped: bool = False

    @property
    def cpu_per_thousand(self) -> float | None:
        """CPU seconds per 1,000 pairs checked (None when none was)."""
        return 1000 * self.cpu_seconds / self.checked if self.checked else None

    def summary(self) -> str:
        if self.skipped:
            return "facts not gathered (--no-facts): no document, link, HS or network facts"
        text = (
            f"facts of {self.declarations:,} declarations; HS check of {self.pairs:,} distinct "
            f"(description, code) pairs: {self.stored:,} checked before, {self.checked:,} now"
        )
        if self.checked:
            text += (
                f" in {self.cpu_seconds:.1f} CPU s ({self.cpu_per_thousand:.1f} per 1,000; "
                f"loading the HS model {self.load_cpu_seconds:.1f} CPU s more)"
            )
        return text + f"; {self.total_cpu_seconds:.1f} CPU s in all"


#: HS checks computed per step of :func:`batch_facts` (one progress tick each).
BATCH_CHUNK = 250


def _frame_items(frame: pd.DataFrame) -> dict[tuple[str, int], tuple[str, str]]:
    """(reference, seq) -> (description, declared code) of an items frame."""
    if not {"seq", "description", "hs_code"} <= set(frame.columns):
        return {}
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for ref, seq, description, code in zip(
        frame["reference"].astype(str), pd.to_numeric(frame["seq"], errors="coerce"),
        frame["description"], frame["hs_code"], strict=True,
    ):  # fmt: skip
        if seq == seq and isinstance(code, str):
            text = description if isinstance(description, str) else ""
            out[(ref, int(seq))] = (text, code)
    return out


def batch_facts(
    frame: pd.DataFrame,
    session_factory: SessionFactory,
    *,
    progress: Callable[[int, int], None] | None = None,
    chunk: int = BATCH_CHUNK,
    as_assessed: bool = False,
) -> tuple[pd.DataFrame, BatchFacts]:
    """``frame`` (a batch of goods items, e.g. a day from the store) with the facts the online
    path gives each declaration (:func:`gather_facts` + :func:`attach_facts`, as
    :mod:`clearlane.intake` does), for batch scoring (``clearlane score``, ``clearlane demo``).

    The HS check is what costs: the batch's distinct (description, declared code) pairs not
    stored yet are checked and stored first, ``chunk`` at a time, calling ``progress(done,
    total)`` after each chunk; :func:`gather_facts` then reads them back from ``hs_checks``. A
    declaration the store does not hold (a file scored without ingesting it) gets the HS
    check of the frame's own items and no other fact.

    ``as_assessed`` (training, ``clearlane train``): each declaration's facts as known when it
    was assessed (see :func:`gather_facts`), so that a model learns only from what it will
    have when it scores."""
    stats = BatchFacts()
    if frame.empty or "reference" not in frame.columns:
        return frame, stats
    started = time.process_time()
    refs = frame["reference"].astype(str).unique().tolist()
    stats.declarations = len(refs)
    if _nothing_to_gather(frame, session_factory):
        # No goods description to check and no invoice, transport document or trader
        # register in the store (KCS, a file of a million rows): every fact is missing, as
        # gather_facts + attach_facts would find, without a Python loop over every row.
        attached = _missing_facts(frame)
        stats.total_cpu_seconds = time.process_time() - started
        return attached, stats
    frame_items = _frame_items(frame)
    pairs = sorted({(" ".join(d.split()), c.strip()) for d, c in frame_items.values()})
    stats.pairs = len(pairs)
    stored = hs_checks(session_factory, pairs, compute=False)
    missing = [p for p in pairs if p not in stored]
    stats.stored = len(stored)
    if missing:
        from clearlane.hs.model import shipped_model

        cpu = time.process_time()
        shipped_model()  # once per process (from the cached index: about 2 CPU s)
        stats.load_cpu_seconds = time.process_time() - cpu
    cpu = time.process_time()
    for start in range(0, len(missing), chunk):
        hs_checks(session_factory, missing[start : start + chunk])
        if progress is not None:
            progress(min(start + chunk, len(missing)), len(missing))
    stats.cpu_seconds = time.process_time() - cpu
    stats.checked = len(missing)
    facts = gather_facts(
        session_factory,
        refs,
        unstored_items=frame_items,
        items_in_hand=True,
        as_assessed=as_assessed,
    )
    attached = attach_facts(frame, facts)
    stats.total_cpu_seconds = time.process_time() - started
    return attached, stats


def _nothing_to_gather(frame: pd.DataFrame, session_factory: SessionFactory) -> bool:
    """True when ``frame`` has no goods description (nothing for the HS check) and the store
    holds no invoice extraction, document link or party mention: no fact can be found."""
    from clearlane.store.tables import DocumentExtractionRow, DocumentLinkRow, PartyMentionRow

    if "description" in frame.columns:
        text = frame["description"].astype("string").str.strip()
        if text.fillna("").ne("").any():
            return False
    with session_factory() as session:
        return all(
            session.scalar(select(column).limit(1)) is None
            for column in (DocumentExtractionRow.id, DocumentLinkRow.id, PartyMentionRow.id)
        )


def _missing_facts(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every fact column missing and no evidence (what :func:`attach_facts`
    gives a frame of which nothing is known)."""
    names = [*DOC_COLUMNS, *LINK_COLUMNS, *NET_COLUMNS, HS_COLUMN]  # attach_facts' order
    added = pd.DataFrame(np.nan, index=frame.index, columns=names)
    added[EVIDENCE_COLUMN] = pd.Series([[] for _ in range(len(frame))], index=frame.index,
                                       dtype=object)  # fmt: skip
    replaced = [c for c in added.columns if c in frame.columns]
    kept = frame.drop(columns=replaced) if replaced else frame
    return pd.concat([kept, added], axis=1)


def fact_columns_in(frame: pd.DataFrame) -> list[str]:
    """The fact columns ``frame`` carries with at least one value (what a model can learn)."""
    return [c for c in FACT_COLUMNS if c in frame.columns and frame[c].notna().any()]
