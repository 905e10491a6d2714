"""Issue 19: coin-margined (inverse) contracts, against the venues' published formulas.

The oracle is each venue's formula, written out here from formulas.md, never the engine:
* Binance COIN-M ("How to Calculate Liquidation Price of COIN-M Futures Contracts", formulas.md
  "Binance COIN-M"): for one position, equity in coin ``WB + s·N·(1/EP − 1/P)`` meets
  ``MM = (N/P)·MMR − cum`` at ``LP = (N·MMR + s·N) / (WB + cum + s·N/EP)``; isolated, ``WB`` is
  the position's margin.
* Bybit UTA, inverse isolated, 2026 text (formulas.md §2b): ``LP_long = Qc·(MMR + 1) /
  [Qc/EP + Qc/EP/L + Extra/(1 + taker) + MM_deduction]`` and its short twin, at a taker rate
  of 0.
* The coin health of any book, summed directly in ``P`` (formulas.md §0), is 0 at every
  liquidation price the engine reports.
"""

from __future__ import annotations

import io
import json
import math
import warnings
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from marginlab.cli.main import main as cli
from marginlab.engine.files.presets import load_preset
from marginlab.engine.files.scenario_io import ScenarioError, parse_scenario
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.inverse import usd_curves
from marginlab.engine.margin.sweep import ALL_SYMBOLS, sweep_for, sweep_price

BTC = "BTCUSD"


def coin_book(
    wallet: float, positions: list[dict[str, Any]], version: int = 2, **account: Any
) -> dict[str, Any]:
    return {
        "format": "marginlab.scenario",
        "version": version,
        "name": "coin",
        "rules": "generic",
        "taker_fee": 0,
        "account": {"wallet_balance": wallet, "currency": "BTC", **account},
        "positions": positions,
    }


def inverse(
    side: str,
    contracts: float,
    entry: float,
    mode: str = "cross",
    size: float = 100,
    rate: float = 0.005,
    amount: float | None = None,
    **extra: Any,
) -> dict[str, Any]:
    position = {
        "id": extra.pop("id", "A"),
        "symbol": extra.pop("symbol", BTC),
        "side": side,
        "quantity": contracts,
        "contract": "inverse",
        "contract_size": size,
        "entry_price": entry,
        "leverage": extra.pop("leverage", 20),
        "margin_mode": mode,
        "maintenance_rate": rate,
        **extra,
    }
    if amount is not None:
        position["maintenance_amount"] = amount
    return position


def binance_coinm_lp(wb: float, side: int, n: float, ep: float, mmr: float, cum: float) -> float:
    """Binance COIN-M, one position (formulas.md): LP = (N·MMR + s·N) / (WB + cum + s·N/EP)."""
    return (n * mmr + side * n) / (wb + cum + side * n / ep)


def coin_health(
    wallet: float, legs: list[tuple[int, float, float, float, float]], p: float
) -> float:
    """Σ over legs (s, N, EP, MMR, cum) of coin PnL, less coin MM, plus the wallet (§0)."""
    return wallet + sum(
        s * n * (1 / ep - 1 / p) - (n / p * mmr - cum) for s, n, ep, mmr, cum in legs
    )


@pytest.mark.parametrize(
    ("side", "wallet", "contracts", "entry", "mmr", "cum"),
    [
        ("long", 1.0, 100, 50_000, 0.005, 0.0),
        ("short", 0.1, 100, 50_000, 0.005, 0.0),
        ("long", 0.25, 3_000, 61_250, 0.01, 0.05),  # a higher tier: rate 1 %, cum 0.05 BTC
        ("short", 2.0, 30_000, 42_000, 0.025, 0.9),
    ],
)
def test_binance_coinm_single_position_cross(side, wallet, contracts, entry, mmr, cum) -> None:
    book = coin_book(wallet, [inverse(side, contracts, entry, rate=mmr, amount=cum)])
    report = evaluate(parse_scenario(json.dumps(book)))
    s = 1 if side == "long" else -1
    expected = binance_coinm_lp(wallet, s, contracts * 100, entry, mmr, cum)
    for variant in ("as_entered", "cross"):
        found = report.variants[variant].positions["A"].liquidation_price
        assert found == pytest.approx(expected, rel=1e-9)
    assert report.currency == "BTC" and report.contract == "inverse"


@pytest.mark.parametrize("leverage", [1, 2, 5])
def test_a_short_the_coins_cover_is_never_liquidated(leverage) -> None:
    """Binance's formula has no positive root when the wallet holds at least the short's coin
    value: a coin-margined short on its own coins is a hedge, and no price liquidates it."""
    contracts, entry = 100, 50_000
    wallet = 1.5 * contracts * 100 / entry  # 0.3 BTC: more than the short's whole value
    book = coin_book(wallet, [inverse("short", contracts, entry, leverage=leverage)])
    assert binance_coinm_lp(wallet, -1, contracts * 100, entry, 0.005, 0.0) < 0
    report = evaluate(parse_scenario(json.dumps(book)))
    assert report.variants["cross"].positions["A"].liquidation_price is None


def test_binance_coinm_isolated_is_the_formula_on_its_margin() -> None:
    """Isolated, the wallet of the formula is the position's margin: N/EP/L coins by default."""
    contracts, entry, leverage = 250, 64_000, 25
    book = coin_book(3.0, [inverse("long", contracts, entry, mode="isolated", leverage=leverage)])
    report = evaluate(parse_scenario(json.dumps(book)))
    n = contracts * 100
    margin = n / entry / leverage
    figures = report.variants["isolated"].positions["A"]
    assert figures.initial_margin == pytest.approx(margin, rel=1e-12)
    assert figures.liquidation_price == pytest.approx(
        binance_coinm_lp(margin, 1, n, entry, 0.005, 0.0), rel=1e-9
    )
    assert figures.max_loss == pytest.approx(margin, rel=1e-12)  # in coin: the margin given


def test_the_example_passes_through_the_cli_json(tmp_path: Path) -> None:
    """The venue formula's number, read from ``marginlab-cli evaluate --json``, with the coin
    amounts and their USD value at the moved price."""
    file = tmp_path / "coin.marginlab.json"
    file.write_text(json.dumps(coin_book(1.0, [inverse("long", 100, 50_000)])), "utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli(["evaluate", str(file), "--at", f"{BTC}=40000", "--json"]) == 0
    document = json.loads(out.getvalue())
    cross = document["variants"]["cross"]
    expected = binance_coinm_lp(1.0, 1, 10_000, 50_000, 0.005, 0.0)
    assert cross["positions"]["A"]["liquidation_price"] == pytest.approx(expected, rel=1e-9)
    assert document["currency"] == "BTC" and document["contract"] == "inverse"
    equity = 1.0 + 10_000 * (1 / 50_000 - 1 / 40_000)  # 0.95 BTC
    assert cross["account"]["equity"] == pytest.approx(equity, rel=1e-12)
    usd = document["usd"]["cross"]
    assert usd["equity"] == pytest.approx(equity * 40_000, rel=1e-12)
    assert usd["equity_now"] == pytest.approx(50_000, rel=1e-12)


def test_a_coin_long_loses_twice_against_a_linear_long_of_the_same_size() -> None:
    """The brief's double loss: 10,000 USD long, coin-margined with 1 BTC against USDT-margined
    with 50,000 USDT. At −20 % the linear account loses the PnL; the coin account, valued in USD,
    loses the PnL and the fall of every coin it holds."""
    coin = parse_scenario(json.dumps(coin_book(1.0, [inverse("long", 100, 50_000)])))
    coin_report = evaluate(coin, {BTC: 40_000})
    linear = load_preset("seed-example.json").model_copy(update={"positions": ()})
    assert linear.account.currency == "USDT"
    usd_after = coin_report.variants["cross"].account.equity * 40_000
    linear_loss = 10_000 * 0.2  # 0.2 BTC-worth of contracts, linear PnL
    assert 50_000 - usd_after == pytest.approx(linear_loss + 0.8 * 10_000 + 1.0 * 10_000 - 8_000)
    assert 50_000 - usd_after > 5 * linear_loss


@given(
    side=st.sampled_from(["long", "short"]),
    contracts=st.integers(1, 5_000),
    entry=st.floats(100, 200_000),
    mark=st.floats(0.5, 1.5),
    wallet=st.floats(0.01, 50),
    mmr=st.floats(0.001, 0.05),
    leverage=st.integers(1, 100),
)
def test_every_liquidation_price_is_where_the_coin_health_is_zero(
    side, contracts, entry, mark, wallet, mmr, leverage
) -> None:
    position = inverse(side, contracts, entry, rate=mmr, leverage=leverage, mark_price=entry * mark)
    n = contracts * 100.0
    if n / entry / leverage > wallet:
        return  # more margin than the wallet: the file refuses it
    report = evaluate(parse_scenario(json.dumps(coin_book(wallet, [position]))))
    s = 1 if side == "long" else -1
    for variant in ("cross", "isolated"):
        f = report.variants[variant].positions["A"]
        if f.liquidation_price is None or f.past_liquidation:
            continue
        cash = wallet if variant == "cross" else f.initial_margin
        health = coin_health(cash, [(s, n, entry, mmr, 0.0)], f.liquidation_price)
        assert abs(health) <= 1e-9 * max(cash, n / f.liquidation_price, 1e-12)


@given(
    side=st.sampled_from(["long", "short"]),
    contracts=st.integers(1, 5_000),
    entry=st.floats(1_000, 100_000),
    leverage=st.integers(1, 125),
)
def test_an_isolated_coin_position_never_loses_more_than_its_margin(
    side, contracts, entry, leverage
) -> None:
    book = coin_book(1e6, [inverse(side, contracts, entry, mode="isolated", leverage=leverage)])
    report = evaluate(parse_scenario(json.dumps(book)))
    f = report.variants["as_entered"].positions["A"]
    assert f.max_loss <= f.initial_margin * (1 + 1e-12)
    risk = report.variants["as_entered"].symbol_risks[BTC]
    # The account's loss is a difference of its worth (1e6 BTC) before and after: to its ulps.
    assert max(risk.fall.loss, risk.rise.loss) <= f.initial_margin + 1e-12 * 1e6


@given(
    side=st.sampled_from(["long", "short"]),
    contracts=st.integers(10, 5_000),
    wallet=st.floats(0.05, 10),
    more=st.floats(0.001, 10),
)
def test_more_coin_never_moves_a_cross_liquidation_towards_the_mark(
    side, contracts, wallet, more
) -> None:
    def liquidation(balance: float) -> float | None:
        book = coin_book(balance, [inverse(side, contracts, 50_000)])
        return (
            evaluate(parse_scenario(json.dumps(book)))
            .variants["cross"]
            .positions["A"]
            .liquidation_price
        )

    before, after = liquidation(wallet), liquidation(wallet + more)
    if before is None:
        assert after is None
        return
    if after is None:
        return  # out of reach altogether: farther still
    assert abs(after - 50_000) >= abs(before - 50_000) * (1 - 1e-12)


def test_the_sweep_agrees_with_evaluate_point_by_point() -> None:
    book = coin_book(
        1.0,
        [
            inverse("long", 100, 50_000, mode="isolated", id="A"),
            inverse("short", 40, 52_000, id="B"),
        ],
    )
    scenario = parse_scenario(json.dumps(book))
    prices = np.array([9_000.0, 30_000.0, 47_000.0, 50_000.0, 61_000.0, 140_000.0])
    swept = sweep_price(scenario, BTC, prices)
    for i, price in enumerate(prices):
        report = evaluate(scenario, {BTC: float(price)})
        for variant, curve in swept.equity.items():
            assert curve[i] == pytest.approx(report.variants[variant].account.equity, abs=1e-12)
    lines = {(t.variant, t.side): t.x for t in swept.thresholds}
    isolated_a = evaluate(scenario).variants["isolated"].positions["A"].liquidation_price
    assert lines[("isolated", "down")] == pytest.approx(isolated_a, rel=1e-12)


def test_a_version_1_file_loads_unchanged() -> None:
    """Version 1 (linear only) is migrated on load: the same scenario as written today."""
    document = json.loads(Path(_preset("seed-example.json")).read_text("utf-8"))
    document["version"] = 1
    assert parse_scenario(json.dumps(document)) == load_preset("seed-example.json")


def _preset(name: str) -> str:
    from importlib import resources

    return str(resources.files("marginlab.resources.presets").joinpath(name))


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["positions"][0].pop("contract_size"), "positions[0].contract_size: required"),
        (lambda d: d.update(rules="binance-usdm"), "need the generic rule set"),
        (
            lambda d: d["positions"][0].update(entry_price=1e-13),
            "positions[0].entry_price: a coin-margined price must be at least 1e-12",
        ),
        (
            lambda d: d["positions"][0].update(mark_price=1e-300),
            "positions[0].mark_price: a coin-margined price must be at least 1e-12",
        ),
        (
            lambda d: d["positions"].append(
                {
                    "id": "L",
                    "symbol": "BTCUSDT",
                    "side": "long",
                    "quantity": 1,
                    "entry_price": 50_000,
                    "leverage": 10,
                    "margin_mode": "cross",
                    "maintenance_rate": 0.004,
                }
            ),
            "linear and coin-margined positions settle in different currencies",
        ),
    ],
)
def test_what_the_file_refuses_is_named(change, problem) -> None:
    document = coin_book(1.0, [inverse("long", 100, 50_000)])
    change(document)
    with pytest.raises(ScenarioError) as refused:
        parse_scenario(json.dumps(document))
    assert any(problem in line for line in refused.value.problems), refused.value.problems


@pytest.mark.parametrize(
    ("axis", "include"), [(BTC, None), (BTC, 1e-15), (ALL_SYMBOLS, None), (ALL_SYMBOLS, -99.99)]
)
def test_the_plot_of_the_lowest_coin_price_stays_within_what_the_twin_may_name(
    axis: str, include: float | None
) -> None:
    """A contract at 1e-12 USD, the lowest allowed: the plot's span (and a what-if typed below
    it) is cut where the reciprocal would pass 10^12, instead of failing there with a
    traceback (found by a GUI monkey run, at an entry of 1e-300 the file now refuses)."""
    scenario = parse_scenario(json.dumps(coin_book(0.2, [inverse("long", 200, 1e-12)])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        swept = sweep_for(scenario, axis, include=include)
        assert swept is not None
        usd_curves(scenario, swept)
    prices = swept.x if axis == BTC else 1e-12 * (1 + swept.x / 100)
    assert np.all(1.0 / prices <= 1e12)
    assert all(np.isfinite(curve).all() for curve in swept.equity.values())


def test_linear_scenarios_are_untouched_by_the_twin() -> None:
    """The brief's figures: a linear book never goes near the twin."""
    report = evaluate(load_preset("seed-example.json"))
    assert report.contract == "linear"
    assert report.variants["isolated"].positions["B"].liquidation_price == pytest.approx(
        45_180.72, abs=0.01
    )
    assert math.isclose(
        report.variants["cross"].positions["B"].liquidation_price, 25_401.61, abs_tol=0.01
    )


def test_a_replay_follows_the_coin_formula_candle_by_candle() -> None:
    """A slow bleed from 50,000: the coin equity at each close is ``WB + N(1/EP − 1/P)`` until
    the close or low reaches Binance's liquidation price, then 0."""
    from marginlab.engine.paths.replay import replay
    from marginlab.engine.paths.sources import builtin_path

    book = coin_book(0.2, [inverse("long", 200, 50_000, leverage=10)])
    scenario = parse_scenario(json.dumps(book))
    path = builtin_path("slow-bleed", scenario.marks(), [BTC], 0.6, 240)
    played = replay(scenario, path)
    lp = binance_coinm_lp(0.2, 1, 20_000, 50_000, 0.005, 0.0)  # 33,500
    hit = int(np.argmax(path.low[BTC] <= lp))
    closes = path.close[BTC]
    expected = 0.2 + 20_000 * (1 / 50_000 - 1 / closes[:hit])
    np.testing.assert_allclose(played.equity["cross"][:hit], expected, rtol=1e-9)
    assert np.all(played.equity["cross"][hit:] == 0)
    cross = next(e for e in played.events if e.variant == "cross")
    assert cross.step == hit and cross.lost == pytest.approx(0.2, rel=1e-12)


def test_monte_carlo_matches_the_barrier_formula_for_a_coin_long() -> None:
    """Prices are GBM in USD, so an isolated coin long is liquidated when the price first
    crosses Binance's isolated liquidation price: the GBM barrier probability (reflection
    principle with the Broadie-Glasserman-Kou shift, as for linear books in test_paths)."""
    from marginlab.engine.paths.montecarlo import GBM, simulate
    from tests.engine.test_paths import _barrier_probability

    book = coin_book(1.0, [inverse("long", 200, 50_000, mode="isolated", leverage=10)])
    scenario = parse_scenario(json.dumps(book))
    sigma, steps, years = 0.8, 500, 3 / 365
    risk = simulate(scenario, GBM({BTC: sigma}), 20_000, steps, years / steps, seed=5)
    margin = 20_000 / 50_000 / 10
    barrier = binance_coinm_lp(margin, 1, 20_000, 50_000, 0.005, 0.0)
    theory = _barrier_probability(50_000, barrier, sigma, years, years / steps)
    got = risk.variants["isolated"]
    assert abs(got.liquidation_probability - theory) < 4 * got.standard_error, (
        got.liquidation_probability,
        theory,
    )
    assert risk.start_equity == pytest.approx(1.0, rel=1e-12)  # in the coin


def bybit_inverse_isolated_lp(
    side: int, qc: float, ep: float, leverage: float, mmr: float, deduction: float, extra: float
) -> float:
    """Bybit UTA, inverse isolated, 2026 text (formulas.md §2b), with a taker rate of 0:
    ``LP_long = Qc·(MMR + 1) / [Qc/EP + Qc/EP/L + Extra + MM_deduction]``,
    ``LP_short = Qc·(1 − MMR) / [Qc/EP − Qc/EP/L − Extra − MM_deduction]``."""
    value = qc / ep
    if side > 0:
        return qc * (mmr + 1) / (value + value / leverage + extra + deduction)
    return qc * (1 - mmr) / (value - value / leverage - extra - deduction)


@pytest.mark.parametrize(
    ("side", "contracts", "entry", "leverage", "mmr", "deduction", "extra"),
    [
        ("long", 5_000, 60_000, 10, 0.005, 0.0, 0.0),
        ("short", 5_000, 60_000, 10, 0.005, 0.0, 0.0),
        ("long", 20_000, 43_210, 25, 0.01, 0.002, 0.0),
        ("short", 20_000, 43_210, 5, 0.01, 0.002, 0.05),  # 0.05 BTC added to its margin
        ("long", 1, 97_000, 100, 0.005, 0.0, 0.0000001),
    ],
)
def test_bybit_inverse_isolated(
    side, contracts, entry, leverage, mmr, deduction, extra, tmp_path
) -> None:
    """Bybit's inverse contracts are 1 USD each; its isolated liquidation price (2026 text) is
    the coin equation the engine solves, with the margin put in as ``IM + Extra``. The fee
    terms of that text (``Extra/(1 ± taker)``) are left at a taker rate of 0: the generic
    rule set does not count a fee in the maintenance margin."""
    margin = contracts / entry / leverage + extra
    position = inverse(
        side,
        contracts,
        entry,
        mode="isolated",
        size=1,
        rate=mmr,
        amount=deduction,
        leverage=leverage,
        margin=margin,
    )
    file = tmp_path / "bybit-inverse.json"
    file.write_text(json.dumps(coin_book(10.0, [position])), "utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        assert cli(["evaluate", str(file), "--json"]) == 0
    report = json.loads(out.getvalue())
    s = 1 if side == "long" else -1
    expected = bybit_inverse_isolated_lp(s, contracts, entry, leverage, mmr, deduction, extra)
    for variant in ("as_entered", "isolated"):
        found = report["variants"][variant]["positions"]["A"]["liquidation_price"]
        assert found == pytest.approx(expected, rel=1e-9), variant


# --- before you open, in a coin-margined account ---------------------------------------------


def preset_check(side: str, contracts: float, leverage: float, limit: float):  # type: ignore[no-untyped-def]
    from marginlab.engine.margin.planning import Ticket, account_contract_size
    from marginlab.engine.margin.precheck import check_order

    account = load_preset("btc-margined-long.json")  # C: 200 contracts long at 50,000, 0.2 BTC
    size = account_contract_size(account, BTC)
    ticket = Ticket(BTC, side, leverage, 50_000, 0.005, size)
    return account, check_order(account, ticket, contracts, None, limit)


def test_the_check_prices_a_coin_order_by_the_coin_m_formula() -> None:
    """A long of 100 contracts at 10×: isolated on its own margin N/EP/L (Binance COIN-M, one
    position); cross, in the pool with C, the formula with both longs' N and N/EP."""
    _, check = preset_check("long", 100, 10, 0.05)
    n, ep = 100 * 100, 50_000
    assert check.margin == pytest.approx(n / ep / 10, rel=1e-12)
    isolated = binance_coinm_lp(n / ep / 10, 1, n, ep, 0.005, 0.0)
    assert check.modes["isolated"].liquidation_price == pytest.approx(isolated, rel=1e-9)
    both = n + 200 * 100
    cross = both * (0.005 + 1) / (0.2 + both / ep)
    assert check.modes["cross"].liquidation_price == pytest.approx(cross, rel=1e-9)
    # C, a long of the same coin, already loses the whole 0.2 BTC on a fall: so does the order.
    assert check.modes["isolated"].loss_if_wrong == pytest.approx(0.2, rel=1e-9)
    # Within the 0.05 BTC accepted no size fits: C alone already loses 0.2 BTC on a fall.
    assert check.modes["cross"].max_size == 0.0
    assert any("0.05000000 BTC you accept" in r.text for r in check.reasons)


def test_max_open_in_a_coin_account_counts_contracts() -> None:
    from marginlab.engine.margin.planning import Ticket, max_open

    account = load_preset("btc-margined-long.json")
    found = max_open(account, Ticket(BTC, "long", 10, 50_000, 0.005, 100), "cross")
    assert found.available == pytest.approx(0.2 - 200 * 100 / 50_000 / 10, rel=1e-12)
    assert found.quantity == pytest.approx(found.available * 50_000 * 10 / 100, rel=1e-12)
    assert found.notional == pytest.approx(found.quantity * 100 / 50_000, rel=1e-12)


def test_a_short_that_offsets_the_coin_long_is_cross(capsys) -> None:  # type: ignore[no-untyped-def]
    _, check = preset_check("short", 100, 5, 0.05)
    assert check.recommendation == "cross"
    assert check.reasons[0].rule == "hedge"
    assert (
        cli(
            [
                "check",
                str(Path(__file__).parents[2] / "resources/presets/btc-margined-long.json"),
                "--open",
                "BTCUSD short 100 @ 50000 x5",
                "--max-loss",
                "0.05",
                "--mmr",
                "0.5%",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "short BTCUSD 100 contracts of 100 USD @ 50,000.00 USD x5 (margin 0.04000000 BTC)" in out
    assert "Recommendation: cross" in out


def test_a_linear_order_in_a_coin_account_is_refused_in_words() -> None:
    from marginlab.engine.margin.planning import PlanError, Ticket
    from marginlab.engine.margin.precheck import check_order

    account = load_preset("btc-margined-long.json")
    with pytest.raises(PlanError) as refused:
        check_order(account, Ticket(BTC, "long", 10, 50_000, 0.005), 1, None, 0.1)
    assert refused.value.problems == [
        "contract: this account holds coin-margined contracts; the order must be one too"
    ]


def test_calc_pnl_and_target_of_coin_contracts(capsys) -> None:  # type: ignore[no-untyped-def]
    """``calc pnl --contract-size``: PnL ``s·N·(1/EP − 1/P)`` and each taker fee ``(N/P)·f`` in
    the coin (Binance COIN-M "Trading Fees"); ``calc target``: the exit for an ROE on
    ``N/(EP·L)``, ``EP / (1 − s·ROE/L)``, and for a PnL, ``1 / (1/EP − s·PnL/N)``."""
    n, ep, exit_price, fee = 200 * 100, 50_000, 40_000, 0.0005
    args = ["calc", "pnl", "--side", "long", "--leverage", "10", "--entry", "50000"]
    args += ["--qty", "200", "--exit", "40000", "--contract-size", "100", "--fee-rate", "0.05%"]
    args += ["--json"]
    assert cli(args) == 0
    found = json.loads(capsys.readouterr().out)
    pnl = n * (1 / ep - 1 / exit_price)
    assert found["initial_margin"] == pytest.approx(n / ep / 10, rel=1e-12)
    assert found["pnl"] == pytest.approx(pnl, rel=1e-12)
    assert found["open_fee"] == pytest.approx(n / ep * fee, rel=1e-12)
    assert found["close_fee"] == pytest.approx(n / exit_price * fee, rel=1e-12)
    assert found["break_even_price"] == pytest.approx(ep * (1 + fee) / (1 - fee), rel=1e-12)
    for side, s in (("long", 1), ("short", -1)):
        roe = ["calc", "target", "--side", side, "--leverage", "10", "--entry", "50000"]
        assert cli([*roe, "--roe", "50%", "--contract-size", "100", "--json"]) == 0
        price = json.loads(capsys.readouterr().out)["target_price"]
        assert price == pytest.approx(ep / (1 - s * 0.5 / 10), rel=1e-12)
        target = [*roe, "--pnl", "0.02", "--qty", "200", "--contract-size", "100", "--json"]
        assert cli(target) == 0
        price = json.loads(capsys.readouterr().out)["target_price"]
        assert price == pytest.approx(1 / (1 / ep - s * 0.02 / n), rel=1e-12)
    # A long in the coin cannot make more than L × 100 % on its margin: no price gives 1,500 %.
    too_much = ["calc", "target", "--side", "long", "--leverage", "10", "--entry", "50000"]
    assert cli([*too_much, "--roe", "1500%", "--contract-size", "100", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["target_price"] is None


def test_a_dca_ladder_of_coin_contracts() -> None:
    """Fills of contracts: the average entry is the contracts over their coin value,
    ``Σ q / Σ (q/p)`` (the twin's ``Σ q·u / Σ q`` in ``u = 1/P``); each fill's margin is
    ``q·size/p / L`` coins; the isolated liquidation price is Binance COIN-M's formula on that
    margin, ``N·(1 + MMR) / (M + N/EP)``."""
    from marginlab.engine.margin.planning import Ticket, dca_ladder

    account = load_preset("btc-margined-long.json")
    fills = [(45_000.0, 100.0), (40_000.0, 100.0)]
    ticket = Ticket(BTC, "long", 10, 45_000, 0.005, 100)
    steps = dca_ladder(account, ticket, fills)
    average = 200 / (100 / 45_000 + 100 / 40_000)
    assert steps[1].average_entry == pytest.approx(average, rel=1e-12)
    margin = sum(q * 100 / p / 10 for p, q in fills)
    assert steps[1].margin == pytest.approx(margin, rel=1e-12)
    n = 200 * 100
    expected = n * 1.005 / (margin + n / average)
    assert steps[1].liquidation["isolated"] == pytest.approx(expected, rel=1e-9)
    first = n / 2 * 1.005 / (n / 2 / 45_000 / 10 + n / 2 / 45_000)
    assert steps[0].liquidation["isolated"] == pytest.approx(first, rel=1e-9)
    assert steps[1].beyond == ("isolated",)  # 40,000 is past fill 1's isolated price


def test_the_calculators_shortcuts_price_a_coin_account_by_the_coin_formulas() -> None:
    """``equity_after`` and ``position_liquidation``, the shortcuts the calculator's searches
    take instead of a whole ``evaluate``: in a coin account, the coin equity after a move,
    ``WB + s·N·(1/EP − 1/P)``, and Binance COIN-M's liquidation price."""
    from marginlab.engine.margin.evaluate import equity_after, position_liquidation

    account = load_preset("btc-margined-long.json")  # 200 contracts long at 50,000, 0.2 BTC
    n = 200 * 100
    equity, gone = equity_after(account, {BTC: 45_000})
    assert equity == pytest.approx(0.2 + n * (1 / 50_000 - 1 / 45_000), rel=1e-12)
    assert gone == frozenset()
    assert equity_after(account, {BTC: 30_000}) == (0.0, frozenset({"C"}))
    expected = binance_coinm_lp(0.2, 1, n, 50_000, 0.005, 0.0)
    assert position_liquidation(account, "C") == pytest.approx(expected, rel=1e-9)
