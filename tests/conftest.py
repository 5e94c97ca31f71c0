"""Small synthetic analysis frames with a planted signal (risky importers undervalue)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clearlane.frames import finish_frame

KCS_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "kcs"


def make_frame(n: int = 1500, *, seed: int = 0, days: int = 120) -> pd.DataFrame:
    """Goods items with labels: fraud is likelier for some importers and HS codes, and
    fraudulent items are undervalued against their HS6 peers."""
    rng = np.random.default_rng(seed)
    hs6 = np.array([f"{c:02d}{h:04d}" for c in (61, 62, 84, 85, 94) for h in (1010, 2020, 3030)])
    base_uv = dict(zip(hs6, rng.uniform(2.0, 7.0, len(hs6)), strict=True))
    importers = np.array([f"IMP{i:03d}" for i in range(80)])
    risky = rng.random(len(importers)) < 0.2
    imp_idx = rng.integers(0, len(importers), n)
    codes = rng.choice(hs6, n)
    p = 0.08 + 0.5 * risky[imp_idx] + 0.1 * np.char.startswith(codes.astype(str), "85")
    fraud = (rng.random(n) < p).astype(float)
    mass = np.round(rng.lognormal(4.0, 1.0, n), 1)
    log_uv = np.array([base_uv[c] for c in codes]) + rng.normal(0, 0.3, n) - 1.2 * fraud
    value = np.round(np.exp(log_uv) * mass, 2)
    rate = np.array(
        [{"61": 13.0, "62": 13.0, "84": 8.0, "85": 0.0, "94": 5.0}[c[:2]] for c in codes]
    )
    origin = rng.choice(["CN", "VN", "DE", "US"], n, p=[0.5, 0.2, 0.2, 0.1])
    start = pd.Timestamp("2023-01-01")
    dates = start + pd.to_timedelta(np.sort(rng.integers(0, days, n)), unit="D")
    critical = ((fraud == 1) & (rng.random(n) < 0.08)).astype(float)
    frame = pd.DataFrame(
        {
            "reference": [f"D{i:06d}" for i in range(n)],
            "version": 1,
            "declaration_date": dates,
            "office": rng.choice(["A1", "B2", "C3"], n),
            "declarant_id": rng.choice([f"DCL{i}" for i in range(12)], n),
            "importer_id": importers[imp_idx],
            "seller_id": rng.choice([f"S{i}" for i in range(60)], n),
            "country_dispatch": origin,
            "country_destination": "KR",
            "transport_mode": rng.choice(["1", "4", "5"], n, p=[0.5, 0.4, 0.1]),
            "n_items": 1,
            "n_containers": 0,
            "seq": 1,
            "hs_code": codes,
            "hs6": codes,
            "hs4": np.char.ljust(codes.astype(str), 4).astype(str),
            "hs2": [c[:2] for c in codes],
            "origin_country": origin,
            "net_mass_kg": mass,
            "customs_value": value,
            "duty_rate": rate,
            "duty_amount": np.round(rate / 100 * value, 2),
            "duty_at_stake": np.round(rate / 100 * value, 2),
            "controlled": 1,
            "fraud": fraud,
            "critical": critical,
            "selection_reason": "random",
            "extra_duty": 0.0,
            "attr_tax_type": rng.choice(["A", "C", "F"], n),
        }
    )
    frame["hs4"] = frame["hs6"].str[:4]
    return finish_frame(frame).reset_index(drop=True)


@pytest.fixture(scope="session")
def synth() -> pd.DataFrame:
    return make_frame()


@pytest.fixture(scope="session")
def kcs_sample(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    """First 3,000 KCS rows (reads ../shared/data; skipped when it is not there)."""
    path = KCS_DIR / "kcs_train_2020.csv"
    if not path.exists():
        pytest.skip("shared KCS data not available")
    from clearlane.ingest.parse import read_frame

    with path.open(encoding="utf-8") as handle:
        head = "".join(line for _, line in zip(range(3001), handle, strict=False))
    sample = tmp_path_factory.mktemp("kcs") / "kcs_sample.csv"
    sample.write_text(head, encoding="utf-8")
    return read_frame(sample, "kcs").reset_index(drop=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "shared_data: reads ../shared/data (KCS); skipped when it is not there"
    )
