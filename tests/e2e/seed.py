"""A small, complete store for the browser tests and the screenshots: generated declarations
and control results ingested, starter profiles, an engine trained and registered, the last
days scored with their assessments recorded, and one user per role.

The last day is "today": its declarations are not controlled yet, so they form the officers'
queue. The days before it keep the control results the generator produced, so the dashboard
and the calibration plot have something to show.

Every declaration's goods items are HS-checked and the checks stored (``hs_checks``), so the
declaration pages show each item's plausibility and best-fitting subheadings; the stored
assessments were scored without facts (as ``clearlane demo`` scores its day).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session, sessionmaker

from clearlane.generate import generate_dataset
from clearlane.ingest.pipeline import ingest_file
from clearlane.oversight import record_assessments
from clearlane.risk.profile_store import active_profiles, save_profiles
from clearlane.risk.profiles import load_default_profiles
from clearlane.store.frames import load_items_frame
from clearlane.store.session import open_store
from clearlane.users import Role, create_user
from clearlane.workflows import (
    default_registry,
    load_champion,
    score_and_route,
    train_and_register,
)
from tests.api.conftest import PASSWORD

__all__ = ["PASSWORD", "Seeded", "copy_seeded", "load_seeded", "seed_store"]


@dataclass(frozen=True)
class Seeded:
    data_dir: Path
    database_url: str
    users: dict[str, str]  # role -> username (plus "trader2")
    organisations: tuple[str, str]  # of "trader1" and "trader2"
    today: str
    scored: int
    own_reference: str  # a declaration of the first trader's organisation
    other_reference: str  # one of the second trader's organisation
    sample: dict  # a valid declaration (JSON) to submit from the trader portal


def _reference_of(frame: pd.DataFrame, organisation: str) -> str:
    mask = (frame["declarant_id"] == organisation) | (frame["importer_id"] == organisation)
    return str(frame.loc[mask, "reference"].iloc[-1])


def _add_users(url: str, organisations: tuple[str, str]) -> dict[str, str]:
    """One user per role, password PASSWORD; the two traders act for ``organisations``."""
    names = {role.value: f"{role.value}1" for role in Role}
    names["trader2"] = "trader2"
    with open_store(url)() as session, session.begin():
        for key, username in names.items():
            role = Role.TRADER if key == "trader2" else Role(key)
            organisation = None
            if role == Role.TRADER:
                organisation = organisations[1] if key == "trader2" else organisations[0]
            create_user(
                session,
                username=username,
                password=PASSWORD,
                role=role,
                organisation=organisation,
                full_name=f"{role.value.title()} {'Two' if key == 'trader2' else 'One'}",
                created_by="seed",
            )
    return names


def seed_store(
    data_dir: Path,
    *,
    declarations: int = 2500,
    days: int = 35,
    scored_days: int = 8,
    seed: int = 11,
) -> Seeded:
    data_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{(data_dir / 'clearlane.db').resolve()}"
    factory = open_store(url)
    out = data_dir / "generated"
    generate_dataset(declarations=declarations, seed=seed, out_dir=out, days=days)
    ingest_file(out / "declarations.csv", session_factory=factory)
    # The last day is "today": its controls have not happened yet, so its results are held back.
    heads = pd.read_csv(out / "declarations.csv", usecols=["reference", "declaration_date"])
    last = heads["declaration_date"].max()
    today_refs = set(heads.loc[heads["declaration_date"] == last, "reference"].astype(str))
    past = out / "controls_past.jsonl"
    with (out / "controls.jsonl").open(encoding="utf-8") as source, past.open("w") as kept:
        for line in source:
            if json.loads(line)["declaration_reference"] not in today_refs:
                kept.write(line)
    ingest_file(past, kind="controls", session_factory=factory)
    save_profiles(
        load_default_profiles(), changed_by="seed", note="starter profiles", session_factory=factory
    )
    profiles = active_profiles(session_factory=factory)
    frame = load_items_frame(session_factory=factory)
    dates = frame["declaration_date"].dt.normalize()
    today = dates.max()
    history = frame[dates < today]
    registry = default_registry(data_dir)
    train_and_register(
        history, registry=registry, profiles=profiles, created_by="seed", audit=factory
    )
    # The champion serves: the trained engine when it beat the rules + anomaly fallback on its
    # held-out days, else the fallback (registered and audited by train_and_register).
    engine, champion = load_champion(registry)
    recent = frame[dates > today - pd.Timedelta(days=scored_days)].copy()
    fresh = recent["declaration_date"].dt.normalize() == today
    # Today's declarations are not controlled yet: the engine must not see their labels.
    recent.loc[fresh, ["controlled", "fraud", "critical", "extra_duty"]] = [0, np.nan, np.nan, 0]
    recent.loc[fresh, "selection_reason"] = None
    routed = score_and_route(recent, engine=engine, profiles=profiles)
    with factory() as session, session.begin():
        record_assessments(session, routed=routed, actor=f"engine:{champion.id}")
    heads = frame.drop_duplicates("reference")
    busiest = heads["importer_id"].value_counts().index
    organisations = (str(busiest[0]), str(busiest[1]))
    users = _add_users(url, organisations)
    own = _reference_of(heads, organisations[0])
    other = _reference_of(heads, organisations[1])
    sample = json.loads((out / "declarations.jsonl").open(encoding="utf-8").readline())
    seeded = Seeded(
        data_dir=data_dir,
        database_url=url,
        users=users,
        organisations=organisations,
        today=str(today.date()),
        scored=len(routed),
        own_reference=own,
        other_reference=other,
        sample=sample,
    )
    _check_hs(data_dir, factory, heads["reference"].astype(str).tolist())
    (data_dir / "seed.json").write_text(
        json.dumps({**asdict(seeded), "data_dir": str(data_dir)}, indent=1), encoding="utf-8"
    )
    return seeded


def _check_hs(data_dir: Path, factory: sessionmaker[Session], references: list[str]) -> None:
    """Build the HS model's index into the store's data dir (``cache/``), as a deployment does
    once, so the server's first scoring loads it in about a second instead of building it (tens
    of seconds on a busy machine: longer than a page's timeout); then check and store the HS
    check of every goods item of ``references`` (``hs_checks``), as scoring with facts does, so
    the declaration pages show plausibilities and suggestions (a page view computes none)."""
    import os

    from clearlane.config import get_settings
    from clearlane.features.facts import gather_facts
    from clearlane.hs.model import _load_index

    before = os.environ.get("CLEARLANE_DATA_DIR")
    os.environ["CLEARLANE_DATA_DIR"] = str(data_dir)
    get_settings.cache_clear()
    try:
        _load_index()
        gather_facts(factory, references, network=False)
    finally:
        if before is None:
            os.environ.pop("CLEARLANE_DATA_DIR", None)
        else:
            os.environ["CLEARLANE_DATA_DIR"] = before
        get_settings.cache_clear()


def load_seeded(data_dir: Path) -> Seeded | None:
    """The store :func:`seed_store` left in ``data_dir``, or None if there is none."""
    path = data_dir / "seed.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    data["data_dir"] = Path(data["data_dir"])
    data["organisations"] = tuple(data["organisations"])
    return Seeded(**data)


def copy_seeded(template: Seeded, data_dir: Path) -> Seeded:
    """A copy of the store :func:`seed_store` left in ``template.data_dir``, in ``data_dir`` (which
    must not exist yet), for its own server and tests: the database through SQLite's backup (a
    consistent snapshot, whatever its write-ahead log holds), the rest (generated files, model
    registry, HS index cache) as files. Nothing in it names the template's folder: the model
    registry's paths are relative to its root (clearlane.learn.registry)."""
    database = "clearlane.db"
    shutil.copytree(
        template.data_dir,
        data_dir,
        ignore=lambda folder, names: (
            [n for n in names if n.startswith(database + "-")]
            if Path(folder) == template.data_dir
            else []
        ),
    )
    (data_dir / database).unlink()
    source = sqlite3.connect(template.data_dir / database)
    target = sqlite3.connect(data_dir / database)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    copied = replace(
        template,
        data_dir=data_dir,
        database_url=f"sqlite:///{(data_dir / database).resolve()}",
    )
    (data_dir / "seed.json").write_text(
        json.dumps({**asdict(copied), "data_dir": str(data_dir)}, indent=1), encoding="utf-8"
    )
    return copied
