"""Price paths and Monte Carlo (issue 6): the brief's two stories, CSV candles, odds vs theory."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from marginlab.cli.main import main as cli
from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import make_leg
from marginlab.engine.paths.montecarlo import (
    GBM,
    Bootstrap,
    Cancelled,
    parse_volatilities,
    simulate,
)
from marginlab.engine.paths.replay import replay
from marginlab.engine.paths.sources import PathError, builtin_path, csv_path, read_candles
from marginlab.engine.text.numbers import price_text
from tests.engine.helpers import position, scenario

SEED = Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json"


@pytest.fixture(scope="module")
def seed():
    return load_preset("seed-example.json")


def test_wick_below_isolated_threshold_that_recovers(seed) -> None:
    """Isolated ends 2,000 down; cross rides it out and ends where it started."""
    path = builtin_path("flash-crash", seed.marks(), ["BTCUSDT"], depth=0.15)
    assert path.low["BTCUSDT"].min() < 45_180.72 < path.close["BTCUSDT"].min()
    result = replay(seed, path)
    assert result.equity["isolated"][-1] == pytest.approx(8_000)
    assert result.equity["cross"][-1] == pytest.approx(10_000)
    assert result.equity["cross"].min() > 0
    assert [(e.variant, e.position_ids) for e in result.events] == [
        ("as_entered", ("B",)),
        ("isolated", ("B",)),
    ]
    assert result.events[0].prices["BTCUSDT"] == pytest.approx(45_180.72, abs=0.005)
    assert result.events[0].lost == 2_000


def test_the_lowest_equity_within_a_candle_counts_the_wick(seed) -> None:
    """The replay's "lowest" read the closes: the cross pool rode the wick 4,400 down and the
    CLI said its lowest was the close's 9,9xx. Within a candle the cross pool (A and B, 10,000)
    is lowest at BTC's low: 10,000 + 0.4 × (low − 50,000); all isolated, B is gone there."""
    path = builtin_path("flash-crash", seed.marks(), ["BTCUSDT"], depth=0.15)
    result = replay(seed, path)
    low = float(path.low["BTCUSDT"].min())
    assert result.lowest["cross"].min() == pytest.approx(10_000 + 0.4 * (low - 50_000))
    assert result.lowest["cross"].min() < result.equity["cross"].min() - 1_000
    assert result.lowest["isolated"].min() == pytest.approx(8_000)
    assert (result.lowest["cross"] <= result.equity["cross"]).all()


def test_sustained_crash_through_the_cross_threshold(seed) -> None:
    path = builtin_path("slow-bleed", seed.marks(), ["BTCUSDT"], depth=0.6)
    result = replay(seed, path)
    assert result.equity["cross"][-1] == 0
    cross = [e for e in result.events if e.variant == "cross"]
    assert cross[0].position_ids == ("A", "B")  # A is closed with the pool
    assert cross[0].prices["BTCUSDT"] == pytest.approx(25_401.61, abs=0.005)
    assert cross[0].lost == 10_000
    isolated = [e for e in result.events if e.variant == "isolated"]
    assert isolated[0].step < cross[0].step  # B goes first, far earlier
    assert result.equity["isolated"][-1] == pytest.approx(8_000)


def test_gap_fills_beyond_the_threshold(seed) -> None:
    result = replay(seed, builtin_path("overnight-gap", seed.marks(), ["BTCUSDT"], 0.2))
    event = next(e for e in result.events if e.variant == "isolated")
    assert event.gap and event.prices["BTCUSDT"] == pytest.approx(40_000)
    assert result.equity["isolated"][-1] == pytest.approx(8_000)


def _one_past_liquidation():
    """A healthy BTC long at 25x beside an ETH long 10 % under water at 20x: past its liquidation
    price (2,865.0: 3,000 · (1 − 1/20 + 0.5 % maintenance)) at today's mark."""
    return scenario(
        10_000,
        [
            position("B", "BTCUSDT", "long", 0.1, 50_000, leverage=25, mark_price=50_000),
            position("E", "ETHUSDT", "long", 1, 3_000, leverage=20, mark_price=2_700),
        ],
    )


def test_a_pool_past_liquidation_before_the_path_is_told_apart_from_a_gap(capsys) -> None:
    """Candle 0 closes a pool past liquidation at today's marks whatever the path does: it
    is not liquidated "at" the path's first prices (an ETH position on a BTC path), nor by
    a gap. A pool the path's first candle opens beyond is a gap, not "past"."""
    book = _one_past_liquidation()
    result = replay(book, builtin_path("flash-crash", book.marks(), ["BTCUSDT"], depth=0.15))
    first = [e for e in result.events if e.position_ids == ("E",)]
    assert [(e.variant, e.step, e.past) for e in first] == [
        ("as_entered", 0, True),
        ("isolated", 0, True),
    ]
    assert all(not e.past for e in result.events if e.position_ids != ("E",))
    seed = load_preset("seed-example.json")
    gap = replay(seed, builtin_path("overnight-gap", seed.marks(), ["BTCUSDT"], 0.2))
    assert any(e.gap for e in gap.events) and not any(e.past for e in gap.events)


def test_cli_replay_tells_a_pool_past_liquidation_before_the_path(tmp_path: Path, capsys) -> None:
    book = _one_past_liquidation()
    file = tmp_path / "past.json"
    file.write_text(book.model_dump_json(exclude_none=True), encoding="utf-8")
    assert cli(["replay", str(file), "--path", "flash-crash", "--symbol", "BTCUSDT"]) == 0
    out = capsys.readouterr().out
    assert "candle 0: as entered: isolated E (E) past liquidation before the path starts" in out
    assert "ETHUSDT 2,700.00" not in out
    assert cli(["replay", str(file), "--path", "flash-crash", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [e["past_liquidation"] for e in events if e["positions"] == ["E"]] == [True, True]


def test_cli_replay_writes_a_low_priced_coins_liquidation_with_its_digits(
    tmp_path: Path, capsys
) -> None:
    """A liquidation in the replay's text was written to the cent: a DOGE long's at
    "DOGEUSDT 0.14" whatever its digits. The price is the one the JSON gives, written as
    every price is (``price_text``)."""
    book = Scenario.model_validate(
        {
            "rules": "binance-usdm",
            "account": {"wallet_balance": 1_000},
            "positions": [
                {
                    "id": "D",
                    "symbol": "DOGEUSDT",
                    "side": "long",
                    "quantity": 10_000,
                    "entry_price": 0.15,
                    "leverage": 20,
                    "margin_mode": "isolated",
                }
            ],
        }
    )
    file = tmp_path / "doge.json"
    file.write_text(book.model_dump_json(exclude_none=True), encoding="utf-8")
    args = ["replay", str(file), "--path", "flash-crash", "--symbol", "DOGEUSDT"]
    assert cli([*args, "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    price = events[0]["prices"]["DOGEUSDT"]
    assert round(price, 2) != price  # more digits than cents
    assert cli(args) == 0
    assert f"liquidated at DOGEUSDT {price_text(price)}" in capsys.readouterr().out


def test_monte_carlo_gives_the_odds_of_the_pools_alive_beside_one_past_liquidation(
    capsys, tmp_path: Path
) -> None:
    """A pool past liquidation today is liquidated at the first step of every path: the odds
    said 100 % whatever the paths did. They are said apart: the pool past liquidation, and
    the odds of the others, which equal those of the same book with that ETH long healthy
    (1x, entered at its mark) on the same seed: the same paths, and B alone to liquidate."""
    model = GBM({"BTCUSDT": 0.8, "ETHUSDT": 0.8})
    past = _one_past_liquidation()
    healthy = past.model_copy(
        update={
            "positions": (
                past.positions[0],
                past.positions[1].model_copy(update={"entry_price": 2_700, "leverage": 1}),
            )
        }
    )
    got = simulate(past, model, 4_000, 1_440, 1 / 365 / 1_440, seed=5)
    twin = simulate(healthy, model, 4_000, 1_440, 1 / 365 / 1_440, seed=5)
    for variant in ("as_entered", "isolated"):
        shown, alone = got.variants[variant], twin.variants[variant]
        assert shown.liquidation_probability == 1.0
        assert shown.median_steps_to_first_liquidation == 1
        assert shown.past_liquidation == ("E",) and alone.past_liquidation == ()
        assert alone.further is None and shown.further is not None
        assert 0.05 < alone.liquidation_probability < 0.95
        assert shown.further.probability == alone.liquidation_probability
        assert shown.further.standard_error == alone.standard_error
        assert (
            shown.further.median_steps_to_first_liquidation
            == alone.median_steps_to_first_liquidation
        )
    # All cross: the 10,000 wallet carries E's 300 loss; nothing is past liquidation.
    assert got.variants["cross"].past_liquidation == () and got.variants["cross"].further is None
    file = tmp_path / "past.json"
    file.write_text(past.model_dump_json(exclude_none=True), encoding="utf-8")
    assert cli(["risk", str(file), "--paths", "400", "--steps", "60"]) == 0
    out = capsys.readouterr().out
    assert "As entered    E past liquidation already, in every path; P(another liquidation)" in out
    assert cli(["risk", str(file), "--paths", "400", "--steps", "60", "--json"]) == 0
    isolated = json.loads(capsys.readouterr().out)["variants"]["isolated"]
    assert isolated["past_liquidation"] == ["E"]
    assert isolated["liquidation_probability"] == 1.0
    assert 0 <= isolated["further"]["liquidation_probability"] < 1


def test_v_shape_and_equity_follows_closes(seed) -> None:
    path = builtin_path("v-shape", seed.marks(), ["BTCUSDT"], 0.3)
    result = replay(seed, path)
    expected = 10_000 + 0.4 * (path.close["BTCUSDT"] - 50_000)
    np.testing.assert_allclose(result.equity["cross"], expected)


def write(tmp: Path, name: str, rows: list[str]) -> Path:
    file = tmp / name
    file.write_text("\n".join(["timestamp,open,high,low,close", *rows]) + "\n")
    return file


def test_csv_candles_replay(tmp_path: Path, seed) -> None:
    btc = write(
        tmp_path,
        "btc.csv",
        [
            "2024-05-01T00:00:00Z,50000,50100,49900,50000",
            "2024-05-01T00:01:00Z,50000,50000,44000,49800",
            "2024-05-01T00:02:00Z,49800,50200,49700,50100",
        ],
    )
    result = replay(seed, csv_path({"BTCUSDT": btc}))
    assert result.time.tolist() == [0, 60, 120]
    assert [e.step for e in result.events if e.variant == "isolated"] == [1]
    assert result.equity["cross"][-1] == pytest.approx(10_000 + 0.4 * 100)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (["1,10,11,9,10", "2,10,9,8,10"], "x.csv row 3, column high: below open, close or low"),
        (["1,10,11,9,10", "2,10,11,10.5,10"], "x.csv row 3, column low: above open or close"),
        (
            ["1,10,11,9,10", "1,10,11,9,10"],
            "x.csv row 3, column timestamp: not after the row before",
        ),
        (["1,10,11,9,abc", "2,10,11,9,10"], "x.csv row 2, column close: 'abc' is not a number"),
        (["1,10,11,-9,10", "2,10,11,9,10"], "x.csv row 2, column low: must be a finite price > 0"),
        (["yesterday,10,11,9,10", "2,10,11,9,10"], "x.csv row 2, column timestamp: 'yesterday'"),
    ],
)
def test_csv_problems_name_row_and_column(rows: list[str], message: str) -> None:
    with pytest.raises(PathError) as caught:
        read_candles("\n".join(["timestamp,open,high,low,close", *rows]), "x.csv")
    assert caught.value.problems[0].startswith(message), caught.value.problems


def test_csv_without_columns() -> None:
    with pytest.raises(PathError, match="row 1: missing column"):
        read_candles("time,price\n1,2\n", "x.csv")


@given(st.floats(1e-6, 1e12), st.sampled_from(["BTCUSDT", "ETHUSDT"]), st.floats(0.5, 2.0))
def test_vectorised_maintenance_equals_the_tier_formula(
    quantity: float, symbol: str, factor: float
) -> None:
    s = scenario(1e15, [position("X", symbol, "long", quantity, 50_000, mode="cross")])
    leg = make_leg(s.rules, s.positions[0], 50_000)
    prices = np.array([50_000 * factor, 50_000, 10.0, 1e9])
    expected = [leg.maintenance(float(p)) for p in prices]
    np.testing.assert_allclose(leg.maintenance(prices), expected, rtol=1e-12)


def _barrier_probability(s0: float, barrier: float, sigma: float, t: float, dt: float) -> float:
    """P(min of GBM (μ = 0) over [0, t] ≤ barrier), reflection principle, with the
    Broadie-Glasserman-Kou shift exp(−0.5826 σ √dt) for monitoring only at steps."""
    b = barrier * math.exp(-0.5826 * sigma * math.sqrt(dt))
    nu = -0.5 * sigma**2
    phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))  # noqa: E731
    x = math.log(b / s0)
    st_ = sigma * math.sqrt(t)
    return phi((x - nu * t) / st_) + (b / s0) ** (2 * nu / sigma**2) * phi((x + nu * t) / st_)


def test_monte_carlo_matches_the_barrier_formula() -> None:
    s = scenario(
        10_000, [position("B", "BTCUSDT", "long", 0.4, 50_000, margin=2000, maintenance_rate=0.004)]
    )
    sigma, steps, years = 0.8, 500, 3 / 365
    risk = simulate(s, GBM({"BTCUSDT": sigma}), 20_000, steps, years / steps, seed=3)
    theory = _barrier_probability(50_000, 45_180.7229, sigma, years, years / steps)
    got = risk.variants["isolated"]
    assert abs(got.liquidation_probability - theory) < 4 * got.standard_error, (
        got.liquidation_probability,
        theory,
    )
    assert risk.variants["cross"].liquidation_probability == 0  # 10,000 covers a 49 % move


def test_monte_carlo_is_seeded_reports_progress_and_cancels(seed) -> None:
    model = GBM({"BTCUSDT": 0.8, "ETHUSDT": 0.9}, np.array([[1, 0.7], [0.7, 1]]))
    seen: list[tuple[int, int]] = []
    a = simulate(
        seed, model, 2_500, 200, 1 / 365 / 24, seed=9, progress=lambda d, t: seen.append((d, t))
    )
    b = simulate(seed, model, 2_500, 200, 1 / 365 / 24, seed=9)
    assert a.variants["cross"].end_equity_percentiles == b.variants["cross"].end_equity_percentiles
    assert seen[-1] == (2_500, 2_500) and len(seen) == 3
    with pytest.raises(Cancelled):
        simulate(seed, model, 2_500, 200, 1e-4, cancelled=lambda: True)
    p5 = a.variants["isolated"].end_equity_percentiles[5]
    assert a.variants["isolated"].expected_shortfall_95 <= p5


def test_bootstrap_keeps_the_wicks(tmp_path: Path, seed) -> None:
    rows = [f"{i},50000,50050,{44000 if i % 50 == 0 else 49950},50000" for i in range(1, 201)]
    history = csv_path({"BTCUSDT": write(tmp_path, "h.csv", rows)})
    model = Bootstrap(history, block=10)
    risk = simulate(seed, model, 500, 100, model.step_years, seed=1)
    # Every 50th candle wicks 12 % down: isolated B almost surely dies, cross never does.
    assert risk.variants["isolated"].liquidation_probability > 0.8
    assert risk.variants["cross"].liquidation_probability == 0


def test_bootstrap_steps_one_candle_at_a_time(tmp_path: Path, seed, capsys) -> None:
    """Hourly candles over a day are 24 steps of an hour, not 1,440 'minutes' that would really
    be 60 days of history and overstate the odds of a one-day horizon."""
    hour = 3_600
    rows = [f"{1_700_000_000 + i * hour},50000,50100,49900,50000" for i in range(200)]
    file = write(tmp_path, "btc-1h.csv", rows)
    model = Bootstrap(csv_path({"BTCUSDT": file}), block=10)
    assert model.step_years == pytest.approx(1 / 8_760)
    assert model.steps_for(1 / 365) == 24
    with pytest.raises(ValueError, match=r"horizon: shorter than one candle \(3,600 s\)"):
        model.steps_for(1 / 525_600 * 30)
    with pytest.raises(ValueError, match="a bootstrap steps one candle at a time"):
        simulate(seed, model, 100, 1_440, 1 / 365 / 1_440)
    args = ["risk", str(SEED), "--bootstrap", f"BTCUSDT={file}", "--paths", "200", "--json"]
    assert cli([*args, "--horizon", "1d"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["steps"] == 24 and out["step_years"] == pytest.approx(1 / 8_760)
    assert cli([*args, "--horizon", "30m"]) == 2
    assert "--horizon: shorter than one candle (3,600 s)" in capsys.readouterr().err
    assert cli([*args, "--steps", "100"]) == 2
    assert "--steps: a bootstrap steps one candle at a time" in capsys.readouterr().err


def test_cli_replay_and_risk(capsys) -> None:
    assert cli(["replay", str(SEED), "--path", "flash-crash", "--symbol", "BTCUSDT"]) == 0
    out = capsys.readouterr().out
    assert "All isolated  ends       8,000.00 USDT" in out
    assert "All cross     ends      10,000.00 USDT" in out
    path = builtin_path("flash-crash", load_preset("seed-example.json").marks(), ["BTCUSDT"], 0.15)
    deepest = 10_000 + 0.4 * (float(path.low["BTCUSDT"].min()) - 50_000)  # the wick, in cross
    assert f"(lowest {deepest:,.2f}, wicks included)" in out
    assert cli(["replay", str(SEED), "--path", "flash-crash", "--symbol", "BTCUSDT", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["min_equity"]["cross"] == pytest.approx(deepest)
    assert found["min_close_equity"]["cross"] > deepest + 1_000
    assert cli(["replay", str(SEED), "--path", "slow-bleed", "--symbol", "BTCUSDT", "--json"]) == 0
    assert '"cross": 0.0' in capsys.readouterr().out
    assert cli(["risk", str(SEED), "--paths", "500", "--steps", "100", "--json"]) == 0
    assert '"liquidation_probability"' in capsys.readouterr().out
    assert cli(["replay", str(SEED), "--path", "nope"]) == 2
    assert "unknown 'nope'" in capsys.readouterr().err
    # A built-in path named as a symbol's file read "flash-crash: cannot be read (No such
    # file or directory)": it says how to give it instead.
    assert cli(["replay", str(SEED), "--path", "BTCUSDT=flash-crash"]) == 2
    assert capsys.readouterr().err.strip() == (
        "marginlab-cli: --path BTCUSDT=flash-crash: flash-crash is a built-in path, given "
        "alone: --path flash-crash --symbol BTCUSDT"
    )
    assert cli(["risk", str(SEED), "--vol", "XRP=50"]) == 2
    assert cli(["replay", str(SEED), "--path", "BTCUSDT=/missing.csv"]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_volatilities_as_typed() -> None:
    symbols = ["ETHUSDT", "BTCUSDT"]
    assert parse_volatilities("", symbols) == {"ETHUSDT": 0.8, "BTCUSDT": 0.8}
    assert parse_volatilities("60", symbols) == {"ETHUSDT": 0.6, "BTCUSDT": 0.6}
    assert parse_volatilities("BTCUSDT=50, ETHUSDT=90", symbols) == {
        "ETHUSDT": 0.9,
        "BTCUSDT": 0.5,
    }
    # A lone number sets the symbols not named, wherever it stands.
    assert parse_volatilities("BTCUSDT=50 70", symbols) == {"ETHUSDT": 0.7, "BTCUSDT": 0.5}
    for text, message in (
        ("XRP=50", "'XRP=50': XRP is not a symbol of the scenario (ETHUSDT, BTCUSDT)"),
        ("BTCUSDT=fast", "'BTCUSDT=fast': expected a percentage"),
        ("0", "'0': must be more than 0 %"),
        ("BTCUSDT=2001", "at most 2,000 %"),
        ("=40", "nothing is not a symbol"),
        ("nan", "'nan': must be more than 0 %"),
    ):
        with pytest.raises(ValueError, match=re.escape(message)):
            parse_volatilities(text, symbols)


def test_cli_risk_takes_volatilities_per_symbol(capsys) -> None:
    args = ["risk", str(SEED), "--paths", "400", "--steps", "50", "--json"]
    assert cli([*args, "--vol", "BTCUSDT=20", "--vol", "ETHUSDT=20"]) == 0
    calm = json.loads(capsys.readouterr().out)
    assert cli([*args, "--vol", "BTCUSDT=300", "--vol", "ETHUSDT=300"]) == 0
    wild = json.loads(capsys.readouterr().out)
    isolated = "isolated"
    assert (
        wild["variants"][isolated]["liquidation_probability"]
        > calm["variants"][isolated]["liquidation_probability"]
    )
    assert cli([*args, "--vol", "XRP=50"]) == 2
    assert "--vol 'XRP=50': XRP is not a symbol" in capsys.readouterr().err


# --- issue 13: a cross pool's candle check is one check per symbol ----------------------------


@given(st.integers(0, 10_000), st.integers(2, 4))
def test_candle_check_per_symbol_matches_every_combination(seed_value: int, count: int) -> None:
    """The first liquidated candle, checked symbol by symbol, is the one that trying every
    combination of lows and highs finds (the old, exponential check: the oracle)."""
    import itertools

    from marginlab.engine.margin.pools import build_pools
    from marginlab.engine.paths.replay import PricePath

    rng = np.random.default_rng(seed_value)
    symbols = [f"S{i}USDT" for i in range(count)]
    legs = []
    for i, symbol in enumerate(symbols):
        for side in ("long", "short") if i % 2 else ("long",):
            q = float(rng.uniform(0.5, 5))
            legs.append(position(f"{symbol}-{side}", symbol, side, q, 100.0, mode="cross"))
            legs[-1]["maintenance_rate"] = float(rng.uniform(0.001, 0.05))
    s = scenario(float(rng.uniform(50, 400)), legs, rules="generic")
    steps = 40
    close = {x: 100 * np.exp(np.cumsum(rng.normal(0, 0.05, steps))) for x in symbols}
    low = {x: c * (1 - rng.uniform(0, 0.1, steps)) for x, c in close.items()}
    high = {x: c * (1 + rng.uniform(0, 0.1, steps)) for x, c in close.items()}
    path = PricePath("random", np.arange(steps) * 60.0, close, high, low, close)
    pool = next(p for p in build_pools(s, "cross") if p.legs)
    worst = None
    for corner in itertools.product((0, 1), repeat=count):
        prices = {x: (low, high)[corner[i]][x] for i, x in enumerate(symbols)}
        health = pool.health(prices)
        worst = health if worst is None else np.minimum(worst, health)
    hits = np.flatnonzero(worst <= 0)
    expected = int(hits[0]) if hits.size else None
    events = [e for e in replay(s, path).events if e.variant == "cross"]
    assert (events[0].step if events else None) == expected


def test_replay_of_a_fifty_symbol_cross_pool_finishes() -> None:
    """2^50 combinations of lows and highs never finished; one check per symbol does."""
    legs = [
        {**position(f"P{i}", f"S{i}USDT", "long", 1, 100, mode="cross"), "maintenance_rate": 0.01}
        for i in range(50)
    ]
    s = scenario(10_000, legs, rules="generic")
    path = builtin_path("slow-bleed", s.marks(), s.symbols(), depth=0.5)
    result = replay(s, path)
    assert result.equity["cross"][-1] >= 0


def test_monte_carlo_figures_do_not_depend_on_the_workers(monkeypatch) -> None:
    """Issue 16: the same seed gives the same figures with one worker and with two."""
    from marginlab.engine.paths import montecarlo

    scenario = load_preset("seed-example.json")
    model = montecarlo.GBM({"BTCUSDT": 0.8, "ETHUSDT": 0.9}, montecarlo.uniform_correlation(2, 0.7))
    runs = []
    for workers in (1, 2):
        monkeypatch.setattr(montecarlo, "WORKERS", workers)
        risk = montecarlo.simulate(scenario, model, 2_500, 240, 1 / 525_600, seed=7)
        runs.append(
            {
                v: (r.liquidation_probability, r.end_equity_percentiles)
                for v, r in risk.variants.items()
            }
        )
    assert runs[0] == runs[1]


def test_csv_candles_as_charting_sites_and_binance_export_them() -> None:
    """A trader's candles come with their own header: TradingView writes "time,open,high,low,
    close,Volume" (epoch seconds), Binance's kline downloads have no header at all (open time
    in milliseconds, or microseconds for spot since 2025, then open, high, low, close and
    seven more columns). Each was refused: "missing column(s) timestamp"."""
    tradingview = (
        "time,open,high,low,close,Volume\n1704067200,10,11,9,10.5,3\n1704067260,10.5,11,10,10,4\n"
    )
    time, prices = read_candles(tradingview, "tv.csv")
    assert time.tolist() == [1704067200, 1704067260]
    assert prices["close"].tolist() == [10.5, 10]
    tail = ",1,1704067259999,100,5,0.5,50,0"
    for unit, scale in (("ms", 1_000), ("µs", 1_000_000)):
        binance = "\n".join(f"{(1704067200 + 60 * i) * scale},10,11,9,10{tail}" for i in range(3))
        time, prices = read_candles(binance, f"binance-{unit}.csv")
        assert time.tolist() == [1704067200, 1704067260, 1704067320], unit
        assert prices["high"].tolist() == [11, 11, 11]
    for header in ("open_time,open,high,low,close", "Date,Open,High,Low,Close"):
        time, _ = read_candles(
            f"{header}\n2024-01-01T00:00:00Z,10,11,9,10\n2024-01-01T00:01:00Z,10,11,9,10\n", "x.csv"
        )
        assert time.tolist() == [1704067200, 1704067260]
    with pytest.raises(PathError) as caught:  # a headerless file that is not Binance's
        read_candles("1704067200,10,11\n1704067260,10,11\n", "x.csv")
    assert caught.value.problems[0].startswith("x.csv row 1: missing column(s)")


def test_cli_risk_text_gives_every_amount_its_unit(capsys) -> None:
    """The loss limit in "P(loss > 2,500.00) 9.45%" and "ES95 6,198.78" stood without a
    currency."""
    assert cli(["risk", str(SEED), "--paths", "300", "--steps", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()
    odds = [line for line in lines if "P(loss >" in line]
    shortfalls = [line for line in lines if "; ES95 " in line]
    assert len(odds) == 3 and all("P(loss > 2,500.00 USDT) " in line for line in odds)
    assert len(shortfalls) == 3 and all(line.endswith(" USDT") for line in shortfalls)
    assert lines[-1] == "ES95: the mean end equity of the worst 5 % of paths"


def test_symbol_options_take_a_held_symbol_in_any_case(tmp_path: Path, capsys) -> None:
    """Hyperliquid's "kPEPE" typed "kpepe" in --symbol or --vol was "not in the scenario",
    while --at took it: every symbol option reads a held symbol as --at does."""
    from marginlab.engine.paths.montecarlo import parse_volatilities

    venue = (
        Path(__file__).parents[1]
        / "fixtures"
        / "venues"
        / "hyperliquid-clearinghouse-12-cross.json"
    )
    book = tmp_path / "hl.json"
    assert cli(["import", str(venue), "-o", str(book)]) == 0
    capsys.readouterr()
    assert cli(["sweep", str(book), "--symbol", "kpepe", "--from", "0.01", "--to", "0.02"]) == 0
    assert capsys.readouterr().out.startswith("kPEPE price (USDC),")
    assert cli(["replay", str(book), "--path", "flash-crash", "--symbol", "kpepe", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)  # the crash is kPEPE's: its long loses
    assert found["min_equity"]["cross"] < found["start_equity"]
    assert cli(["risk", str(book), "--vol", "kpepe=100", "--paths", "50", "--steps", "10"]) == 0
    assert "volatility kPEPE 100 %, 80 % for the other 11 symbols" in capsys.readouterr().out
    assert parse_volatilities("kpepe=100", ["BTC", "kPEPE"], 0.8) == {
        "BTC": 0.8,
        "kPEPE": 1.0,
    }
