"""A small, known store for API tests: declarations at two offices over several days, their
assessments by a registered model version, a few decisions and control results, starter
profiles, and a model registry with two versions (the first is champion)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from clearlane.ingest.pipeline import ingest_file
from clearlane.learn.registry import ModelRegistry, PromotionRule
from clearlane.oversight import decide, record_assessments
from clearlane.risk.profile_store import save_profiles
from clearlane.risk.profiles import load_default_profiles
from clearlane.store.session import open_store
from tests.factories import declaration, write_jsonl

MODEL = "risk-engine"
FIRST_DAY = date(2025, 3, 1)
OFFICES = ("NLRTM1", "NLAMS1")


@dataclass(frozen=True)
class Seeded:
    references: list[str]
    hits: set[str]  # non-compliant control results
    controlled: set[str]
    registry: ModelRegistry


def _routed(references: list[str]) -> pd.DataFrame:
    rows = []
    n = len(references)
    for i, ref in enumerate(references):
        lane = "red" if i < n // 5 else ("yellow" if i < n // 3 else "green")
        rows.append(
            {
                "reference": ref,
                "version": 1,
                "declaration_date": str(FIRST_DAY + timedelta(days=i % 10)),
                "office": OFFICES[i % 2],
                "score": round(0.95 - i / (n + 1), 4),
                "lane": lane,
                "selection_reason": "risk" if lane != "green" else None,
                "rank": i + 1,
                "rules": 0.2,
                "anomaly": 0.1,
                "model": 0.5,
                "expected_revenue": 10.0,
                "critical_score": 0.01,
                "profiles_hit": "",
                "model_version": f"{MODEL}@1",
                "profile_version": "p-1",
                "missing_fields": "",
                "notes": "",
                "reasons": [{"code": "MODEL", "text": "a reason"}],
            }
        )
    return pd.DataFrame(rows)


def make_registry(root: Path) -> ModelRegistry:
    registry = ModelRegistry(root)
    window = (date(2024, 1, 1), date(2024, 12, 31))
    for i, pr_auc in enumerate((0.30, 0.28)):
        card = registry.register(
            f"artifact-{i}".encode(),
            name=MODEL,
            training_window=window,
            features=["unit_price_ratio", "hs2"],
            params={"seed": i},
            metrics={"pr_auc": pr_auc, "precision@5%": 0.4 + i / 10},
            created_by="analyst1",
        )
        registry.promote(
            card,
            rule=PromotionRule(),
            challenger_metrics=card.metrics,
            champion_metrics={"pr_auc": 0.30} if i else None,
            period=(date(2025, 1, 1), date(2025, 2, 28)),
            decided_by="analyst1",
        )
    return registry


def seed(url: str, tmp_path: Path, *, n: int = 30) -> Seeded:
    """Fill the store at ``url``; returns what a test needs to predict the answers."""
    factory = open_store(url)
    references = [f"REF-{i:04d}" for i in range(n)]
    records = [
        declaration(
            ref,
            declaration_date=str(FIRST_DAY + timedelta(days=i % 10)),
            office=OFFICES[i % 2],
        )
        for i, ref in enumerate(references)
    ]
    ingest_file(write_jsonl(tmp_path / "seed-decl.jsonl", records), session_factory=factory)
    with factory() as session, session.begin():
        record_assessments(session, routed=_routed(references), actor=f"engine:{MODEL}@1")
    with factory() as session, session.begin():
        decide(session, reference=references[0], officer="officer1")
        decide(
            session,
            reference=references[n - 1],
            officer="officer1",
            lane="red",
            justification="informant tip about this consignee",
        )
    controlled = set(references[: n // 3]) | {references[n - 1]}
    hits = {ref for i, ref in enumerate(references) if ref in controlled and i % 2 == 0}
    controls = [
        {
            "declaration_reference": ref,
            "control_type": "physical",
            "selection_reason": "officer" if ref == references[n - 1] else "risk",
            "outcome": "non_compliant" if ref in hits else "compliant",
            **(
                {"irregularities": ["undervaluation"], "severity": "revenue", "extra_duty": 50.0}
                if ref in hits
                else {}
            ),
        }
        for ref in sorted(controlled)
    ]
    ingest_file(
        write_jsonl(tmp_path / "seed-controls.jsonl", controls),
        kind="controls",
        session_factory=factory,
    )
    save_profiles(
        load_default_profiles(), changed_by="analyst1", note="starter", session_factory=factory
    )
    return Seeded(references, hits, controlled, make_registry(tmp_path / "registry"))
