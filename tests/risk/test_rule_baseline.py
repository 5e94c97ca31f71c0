"""The engine's verdict against its own rule baseline (issue #11, session 29 gate12).

Over the out-of-fold time blocks (each predicted by models fitted on earlier blocks) the
engine is refused when its PR-AUC is below its rules' with 90 % confidence: a paired bootstrap
of the mean per-block difference. Before, the last block alone decided, both ways.
"""

from __future__ import annotations

import numpy as np
import pytest

from clearlane.risk.engine import _versus_rules


def blocks_of(n: int, k: int) -> np.ndarray:
    return np.repeat(np.arange(1, k + 1), n)


def scores(y: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    """A score that ranks positives higher by ``strength`` (in noise units)."""
    return rng.normal(size=len(y)) + strength * y


def test_an_engine_worse_than_its_rules_on_every_block_is_refused() -> None:
    rng = np.random.default_rng(3)
    n, k = 600, 3
    y = (rng.random(n * k) < 0.06).astype(int)
    b = blocks_of(n, k)
    rules = scores(y, 2.0, rng)
    engine = scores(y, 0.3, rng)
    got = _versus_rules(engine, rules, y, b)
    assert got["blocks"] == [1, 2, 3]
    assert all(f["engine_pr_auc"] < f["rules_pr_auc"] for f in got["per_block"])
    assert got["pr_auc_difference_upper"] < 0
    assert got["beats"] is False


def test_an_engine_better_on_the_blocks_but_unlucky_on_the_last_is_not_refused() -> None:
    rng = np.random.default_rng(5)
    n, k = 600, 3
    y = (rng.random(n * k) < 0.06).astype(int)
    b = blocks_of(n, k)
    rules = scores(y, 1.0, rng)
    engine = scores(y, 2.5, rng)
    last = b == k
    engine[last] = rules[last] + rng.normal(scale=0.5, size=int(last.sum()))  # a bit worse
    got = _versus_rules(engine, rules, y, b)
    per = {f["block"]: f for f in got["per_block"]}
    assert per[k]["engine_pr_auc"] < per[k]["rules_pr_auc"]  # the last block alone refused it
    assert got["pr_auc_difference"] > 0
    assert got["beats"] is True


def test_a_small_shortfall_within_the_noise_is_not_a_refusal() -> None:
    """Worse by a little on few positives: not worse with confidence, so not refused.

    Session 31: the engine's extra noise 0.3 -> 0.15. With 0.3 it is 0.024 below the rules in
    the population (2,000,000 rows; -0.029 on these blocks), which the BCa bound refuses
    (a right refusal the percentile bound missed); with 0.15 it is 0.007 below (-0.004 here),
    within the noise for every bound."""
    rng = np.random.default_rng(11)
    n, k = 400, 3
    y = (rng.random(n * k) < 0.05).astype(int)
    b = blocks_of(n, k)
    rules = scores(y, 1.5, rng)
    engine = rules + rng.normal(scale=0.15, size=len(y))
    got = _versus_rules(engine, rules, y, b)
    assert got["pr_auc_difference_upper"] >= 0
    assert got["beats"] is True


def test_the_verdict_is_none_when_it_cannot_be_measured() -> None:
    rng = np.random.default_rng(0)
    y = np.zeros(300, dtype=int)
    b = blocks_of(100, 3)
    assert _versus_rules(rng.random(300), rng.random(300), y, b)["beats"] is None  # one class
    y[::10] = 1  # 10 positives a block: enough for the verdict (RULE_BASELINE_MIN_CLASS)
    no_rules = np.full(300, np.nan)
    got = _versus_rules(rng.random(300), no_rules, y, b)
    assert got["beats"] is None and "engine_pr_auc" in got  # no profiles: nothing to compare


def test_a_block_with_one_class_is_left_out_and_the_draws_are_repeatable() -> None:
    rng = np.random.default_rng(2)
    y = (rng.random(900) < 0.1).astype(int)  # 14-31 positives a block (0.08: 9 in block 3)
    b = blocks_of(300, 3)
    y[b == 1] = 0
    e, r = rng.random(900) + y, rng.random(900) + 0.5 * y
    got = _versus_rules(e, r, y, b)
    assert got["blocks"] == [2, 3]
    assert got == _versus_rules(e, r, y, b)


def test_a_large_block_is_bootstrapped_on_a_subsample_with_the_spread_scaled() -> None:
    """Above RULE_BASELINE_ROWS rows per block the draws come from a subsample; the bound
    stays close to the full bootstrap's (and the verdict the same)."""
    from clearlane.risk import engine as module

    rng = np.random.default_rng(8)
    y = (rng.random(12_000) < 0.1).astype(int)
    b = blocks_of(6_000, 2)
    e, r = scores(y, 1.2, rng), scores(y, 1.0, rng)
    sub = _versus_rules(e, r, y, b, reps=300)
    full_rows = module.RULE_BASELINE_ROWS
    try:
        module.RULE_BASELINE_ROWS = 10**9
        full = _versus_rules(e, r, y, b, reps=300)
    finally:
        module.RULE_BASELINE_ROWS = full_rows
    width_sub = sub["pr_auc_difference_upper"] - sub["pr_auc_difference"]
    width_full = full["pr_auc_difference_upper"] - full["pr_auc_difference"]
    assert sub["pr_auc_difference"] == full["pr_auc_difference"]
    assert 0.6 < width_sub / width_full < 1.6
    assert sub["beats"] is full["beats"] is True


def test_a_stacked_engine_with_one_out_of_fold_block_is_still_compared() -> None:
    """Guard: with two time blocks the stack has no earlier out-of-fold block to be fitted on;
    the one block is judged with the unfitted fusion (the model's probability with the rules),
    as the last-block check did, not left unmeasured."""
    import warnings

    from clearlane.risk import train_engine
    from tests.factories import make_frame
    from tests.risk.fakes import FakeRules

    frame = make_frame(2000, seed=7, days=160)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        engine = train_engine(frame, profiles=FakeRules(), seed=0, folds=2)
    assert engine.fraud is not None and engine.fraud.kind == "lightgbm"
    comparison = engine.summary["rule_baseline"]
    assert comparison["blocks"] == [1]
    assert engine.beats_rule_baseline is not None


def test_a_block_with_a_handful_of_positives_does_not_decide_the_verdict() -> None:
    """Review g12: a block with one positive entered the mean with a bootstrap spread of about
    0 (rows are drawn within class: the same positive every time), so its AP difference,
    about +-1 by the luck of one rank, refused an engine far better on the two blocks with 40
    positives (on lead: mean difference -0.097, upper bound -0.050; +0.353 on blocks 1-2).
    With engine and rules equally good, one block of 1 / 2 / 5 positives was refused
    38 / 20 / 17 % of the time at the nominal 10 % (docs/risk-engine.md, Review g12)."""
    rng = np.random.default_rng(4)
    y = np.zeros(1500, dtype=int)
    b = np.repeat([1, 2, 3], [600, 600, 300])
    y[rng.choice(600, 40, replace=False)] = 1
    y[600 + rng.choice(600, 40, replace=False)] = 1
    y[1200] = 1  # block 3: one positive, ranked first by the rules, last by the engine
    rules, engine = scores(y, 1.0, rng), scores(y, 2.0, rng)
    rules[1200], engine[1200] = 10.0, -10.0
    got = _versus_rules(engine, rules, y, b)
    assert got["blocks"] == [1, 2]
    assert got["pr_auc_difference"] > 0
    assert got["beats"] is True


@pytest.mark.slow
def test_a_large_block_with_a_rare_class_keeps_the_full_bootstraps_spread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review g12: the subsample of a large block kept the class shares, so at 0.5 %
    positives a 20,000-row block was bootstrapped on 10 positives and the spread, scaled,
    was 0.36-2.22 times the full bootstrap's on four data seeds (0.36: refuses too readily).
    The subsample now keeps at least RULE_BASELINE_MINORITY of the scarcer class."""
    from clearlane.risk import engine as module

    for prevalence, n in ((0.005, 20_000), (0.02, 40_000)):
        for seed in (100, 101, 102):
            rng = np.random.default_rng(seed)
            y = (rng.random(n) < prevalence).astype(int)
            e, r = scores(y, 1.2, rng), scores(y, 1.0, rng)
            b = np.ones(n, dtype=int)
            # 1,000 resamples (the default): with 300 the widths' own Monte Carlo noise moved
            # the ratio at 2 % by about 0.15 between two random streams of the same law.
            sub = _versus_rules(e, r, y, b)
            with monkeypatch.context() as patch:  # every row: the full bootstrap
                patch.setattr(module, "RULE_BASELINE_ROWS", 10**9)
                patch.setattr(module, "RULE_BASELINE_MAX_ROWS", 10**9, raising=False)
                full = _versus_rules(e, r, y, b)
            width_sub = sub["pr_auc_difference_upper"] - sub["pr_auc_difference"]
            width_full = full["pr_auc_difference_upper"] - full["pr_auc_difference"]
            assert 0.75 < width_sub / width_full < 1.33, (prevalence, seed)


def test_the_bootstrap_by_cells_is_the_bootstrap_by_rows() -> None:
    """Guard for the bootstrap on cells (rows grouped by the positive threshold they enter
    at, in both rankings): AP from a group's weights equals scikit-learn's weighted AP (ties
    included), and the draws have the law of drawing rows within class."""
    from sklearn.metrics import average_precision_score

    from clearlane.risk.engine import _ap_groups, _grouped_ap, _paired_bootstrap_ap

    rng = np.random.default_rng(12)
    for _ in range(100):
        n = int(rng.integers(20, 300))
        y = (rng.random(n) < 0.2).astype(int)
        y[:2] = (1, 0)
        s = np.round(rng.normal(size=n) + y, 1)  # ties within and across classes
        w = rng.integers(0, 4, n).astype(float)
        w[:2] = 1.0
        group, k = _ap_groups(s, y)
        pos = np.bincount(group[y == 1], w[y == 1], minlength=k + 1)[None, :k]
        neg = np.bincount(group[y == 0], w[y == 0], minlength=k + 1)[None, :k]
        want = average_precision_score(y, s, sample_weight=w)
        assert _grouped_ap(pos, neg)[0] == pytest.approx(want, abs=1e-12)
    y = np.zeros(600, dtype=int)
    y[rng.choice(600, 30, replace=False)] = 1
    e, r = scores(y, 1.2, rng), scores(y, 1.0, rng)
    cells = _paired_bootstrap_ap(e, r, y, 3000, 1)
    by_rows = np.empty(3000)
    idx = [np.flatnonzero(y == c) for c in (0, 1)]
    for i in range(3000):
        rows = np.concatenate([rng.choice(j, len(j)) for j in idx])
        by_rows[i] = average_precision_score(y[rows], e[rows]) - average_precision_score(
            y[rows], r[rows]
        )
    assert cells.mean() == pytest.approx(by_rows.mean(), abs=0.006)
    assert cells.std() == pytest.approx(by_rows.std(), rel=0.06)


def test_the_bootstrap_of_a_block_with_one_class_draws_no_difference() -> None:
    """Review g13: drawing counts per cell raised on a block with one class (no positive
    group, no negative cell to draw from) where drawing rows gave 0 in every resample; AP is
    the same for both scores there. (``_versus_rules`` leaves such blocks out; this is the
    bootstrap's own contract.)"""
    from clearlane.risk.engine import _paired_bootstrap_ap

    rng = np.random.default_rng(3)
    a, b = rng.random(50), rng.random(50)
    for y in (np.zeros(50, dtype=int), np.ones(50, dtype=int)):
        assert (_paired_bootstrap_ap(a, b, y, 20, 1) == 0.0).all()


# Session 31 (gate14): the bound is BCa. Rules as profiles give them (a step score: 5 levels,
# most rows tied at the bottom), a continuous engine sharing half its noise with them
# (benchmarks/rule_gate_sim.py's shape).
_STEP_CUTS = (0.2533, 1.0364, 1.6449, 2.3263)  # N(0, 1) quantiles 0.60 / 0.85 / 0.95 / 0.99


def step_block(
    rng: np.random.Generator, n: int, positives: int, mu_rules: float, mu_engine: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    y = np.zeros(n, dtype=int)
    y[rng.choice(n, positives, replace=False)] = 1
    common = rng.standard_normal(n)
    rules = np.searchsorted(_STEP_CUTS, mu_rules * y + common) / 4.0
    engine = mu_engine * y + 0.5 * common + np.sqrt(0.75) * rng.standard_normal(n)
    return y, engine, rules


def test_an_engine_worse_than_step_rules_is_refused_where_the_percentile_bound_passed_it() -> None:
    """Three blocks of 300 rows, 60 positives each; the engine's population PR-AUC is 0.053
    below the rules' (measured on 1,000,000 rows). The sample AP of a continuous score is
    biased upward at few positives and the bootstrap repeats that bias around the point: the
    percentile bound (sessions 29-30) put the bound above 0 though the mean difference is
    -0.045; BCa moves the quantile back by that bias. (The seed is one of the 4 of 60 draws
    of this setting where the two bounds disagree; the gate refused 35 of the 60 with the
    percentile bound, 39 with BCa.)"""
    rng = np.random.default_rng(9)
    parts = [step_block(rng, 300, 60, 1.0, 0.65) for _ in range(3)]
    y, engine, rules = (np.concatenate([p[i] for p in parts]) for i in range(3))
    got = _versus_rules(engine, rules, y, blocks_of(300, 3))
    assert got["pr_auc_difference"] < -0.03
    assert got["beats"] is False
    assert got["method"] == "bca"
    assert got["pr_auc_difference_upper"] == got["bounds"]["bca"] < 0
    assert got["bounds"]["percentile"] >= 0  # what sessions 29-30's gate read: a pass


def test_the_bca_bound_is_scipys_on_one_block() -> None:
    """Guard: the bound from draws by cells and the jackknife by prefix sums is scipy's BCa
    (classes as two samples, resampled apart, as the gate draws within class; scipy
    re-sorts every resample and refits every leave-one-out) within Monte Carlo noise."""
    from scipy.stats import bootstrap
    from sklearn.metrics import average_precision_score as ap

    rng = np.random.default_rng(3)
    y, engine, rules = step_block(rng, 300, 30, 1.0, 0.9)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)

    def difference(ip: np.ndarray, ineg: np.ndarray, axis: int = -1) -> np.ndarray | float:
        idx = np.concatenate([ip, ineg], axis=-1).astype(int)
        if idx.ndim == 1:
            return float(ap(y[idx], engine[idx]) - ap(y[idx], rules[idx]))
        return np.array([ap(y[i], engine[i]) - ap(y[i], rules[i]) for i in idx])

    theirs = bootstrap(
        (pos, neg),
        difference,
        n_resamples=4000,
        confidence_level=0.8,
        method="BCa",
        random_state=1,
        batch=500,
    ).confidence_interval.high  # the two-sided 80 % interval's top: one-sided 90 %
    ours = _versus_rules(engine, rules, y, reps=4000)
    assert ours["pr_auc_difference_upper"] == pytest.approx(theirs, abs=0.008)
    # ... and BCa is not the percentile bound here (the test can tell them apart).
    assert abs(ours["bounds"]["bca"] - ours["bounds"]["percentile"]) > 0.003


def test_a_row_left_out_gives_scikit_learns_ap_without_it() -> None:
    """Guard: the jackknife's leave-one-out AP (prefix and suffix sums over positive groups),
    ties and no ties, against scikit-learn on each row deleted."""
    from sklearn.metrics import average_precision_score as ap

    from clearlane.risk.engine import _leave_one_out_ap

    rng = np.random.default_rng(0)
    for trial in range(40):
        n = int(rng.integers(8, 60))
        y = (rng.random(n) < 0.3).astype(int)
        y[:2] = 1
        y[2] = 0
        s = rng.integers(0, 5, n).astype(float) if trial % 2 else rng.random(n)
        want = [ap(np.delete(y, i), np.delete(s, i)) for i in range(n)]
        np.testing.assert_allclose(_leave_one_out_ap(s, y), want, atol=1e-12)


def test_an_unknown_bound_method_is_an_error() -> None:
    rng = np.random.default_rng(0)
    y = (rng.random(300) < 0.2).astype(int)
    with pytest.raises(ValueError, match="method"):
        _versus_rules(rng.random(300), rng.random(300), y, method="normal")


def test_tied_scores_give_every_bound_without_error() -> None:
    """Guard (review g14): scores tied on every row leave the draws without spread (BCa's z0
    and acceleration undefined): every bound is the point, a tie passes and an engine tied
    against informative rules is refused by every bound."""
    rng = np.random.default_rng(0)
    y = (rng.random(600) < 0.1).astype(int)
    b = blocks_of(200, 3)
    flat = np.zeros(len(y))
    tie = _versus_rules(flat, flat, y, b)
    assert tie["beats"] is True
    assert set(tie["bounds"].values()) == {0.0}
    rules = scores(y, 2.0, rng)
    worse = _versus_rules(flat, rules, y, b)
    assert worse["beats"] is False
    assert all(np.isfinite(v) and v < 0 for v in worse["bounds"].values())
