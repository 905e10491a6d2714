"""Coin-margined (inverse) contracts, priced through their linear twin (issue 19).

In the coin, an inverse position of ``N`` USD has PnL ``s·N·(1/EP − 1/P)`` (formulas.md §0) and
maintenance margin ``(N/P)·MMR − cum`` (Binance "How to Calculate Liquidation Price of COIN-M
Futures Contracts": ``MM_coin = (N/P)·MMR − cum``; Bybit UTA inverse isolated, 2026 text,
formulas.md §2b: ``LP_long = Qc·(MMR + 1) / [Qc/EP + Qc/EP/L + Extra/(1 + taker) +
MM_deduction]``, the same equation solved, its fee terms aside; Bybit's 2024 text took the MM
on the entry value ``PV = Qc/EP``, which is not reproduced). Written in the reciprocal price
``u = 1/P`` they read ``−s·N·(u − 1/EP)`` and ``N·u·MMR − cum``: exactly a linear position of
the opposite side, quantity ``N``, entry ``1/EP``, in a market priced ``u``, whose notional
``N·u`` is the coin value and whose tiers are by coin notional, as Binance's are. So a
coin-margined scenario is evaluated as that linear twin, every amount stays in the coin, and
each price is turned back (``P = 1/u``): the venues' closed forms are this twin solved for one
position (``tests/engine/test_inverse.py`` checks Binance's COIN-M cross and isolated formulas
and Bybit's 2026 inverse isolated one, at a taker rate of 0, against it). Health in ``u`` is
concave, as the solver requires; in ``P`` a short's would not be.

A move up in ``u`` is a fall in ``P``: the twin's "fall" is the trader's "rise", and the twin's
move towards ``u = 0`` is a rise without end, written as ``MAX_PRICE``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.calculator import (
    Exit,
    break_even_price,
    exit_at,
    target_price_for_pnl,
    target_price_for_roe,
)
from marginlab.engine.margin.max_loss import SymbolRisk, WorstMove
from marginlab.engine.margin.models import MIN_COIN_MARGINED_PRICE, Position, Scenario
from marginlab.engine.margin.report import (
    MAX_PRICE,
    AccountFigures,
    LiquidationEvent,
    PositionFigures,
    Report,
    VariantReport,
)
from marginlab.engine.margin.risk_warnings import RiskWarning
from marginlab.engine.text.numbers import coin_amounts, price_text
from marginlab.engine.text.said import Said, say

FloatArray = npt.NDArray[np.float64]

if TYPE_CHECKING:
    from marginlab.engine.margin.sweep import SweepResult


def reciprocal(price: float) -> float:
    """``1/price``, with the twin's ``0`` ("towards 0") read as a rise without end."""
    return MAX_PRICE if price <= 0 else min(1.0 / price, MAX_PRICE)


def twin(scenario: Scenario) -> Scenario:
    """The linear scenario that prices ``scenario`` in ``u = 1/P`` (remembered by object)."""
    return _TWINS.get(scenario, None)


def _twin(scenario: Scenario, _: None) -> Scenario:
    positions = tuple(_twin_position(p) for p in scenario.positions)
    return scenario.model_copy(update={"positions": positions})


_TWINS: ByScenario[None, Scenario] = ByScenario(_twin, kept=12)


def _positive(quantity: float) -> float:
    """A size made of two positive ones, kept positive: 1e-320 contracts over a price of
    10^12 rounded away to 0, and the counterpart's tiers divided by it at every frame (found
    by a GUI monkey run). The least float stands for a size below any float's reach."""
    return max(quantity, _LEAST_FLOAT)


_LEAST_FLOAT = math.ulp(0.0)


def _twin_position(position: Position) -> Position:
    flipped = "short" if position.side == "long" else "long"
    venue = position.venue_liquidation_price
    return position.model_copy(
        update={
            "side": flipped,
            "quantity": _positive(position.usd_value),
            "entry_price": 1.0 / position.entry_price,
            "mark_price": None if position.mark_price is None else 1.0 / position.mark_price,
            "venue_liquidation_price": None if venue is None else 1.0 / venue,
            "contract": "linear",
            "contract_size": None,
        }
    )


def twin_prices(prices: Mapping[str, float]) -> dict[str, float]:
    return {symbol: 1.0 / price for symbol, price in prices.items()}


def evaluate_inverse(scenario: Scenario, at: Mapping[str, float] | None = None) -> Report:
    """``evaluate`` of a coin-margined scenario: its twin's report with the prices turned back.
    A what-if move is the twin's straight move to ``1/P`` (one symbol: the same path)."""
    from marginlab.engine.margin.evaluate import evaluate

    moves = dict(at or {})
    with coin_amounts():  # the warnings written on the way say coins to 8 decimals
        linear = evaluate(twin(scenario), twin_prices(moves) if _valid(moves) else moves)
    report = from_twin(linear, scenario, moves)
    return replace(report, usd=usd_figures(report))


def _valid(moves: Mapping[str, float]) -> bool:
    return all(0 < p <= MAX_PRICE for p in moves.values())


def from_twin(report: Report, scenario: Scenario, at: Mapping[str, float]) -> Report:
    """``report`` of the twin, in the trader's prices: positions, events, the worst moves and
    the warnings that name a price; amounts unchanged (coins)."""
    by_id = {p.id: p for p in scenario.positions}
    return replace(
        report,
        marks=scenario.marks(),
        at=dict(at),
        contract="inverse",
        variants={name: _variant(variant, by_id) for name, variant in report.variants.items()},
    )


def _variant(variant: VariantReport, by_id: dict[str, Position]) -> VariantReport:
    positions = {pid: _position(f, by_id[pid]) for pid, f in variant.positions.items()}
    return replace(
        variant,
        positions=positions,
        account=_account(variant.account),
        events=tuple(_event(e) for e in variant.events),
        warnings=tuple(_warning(w, positions) for w in variant.warnings),
        symbol_risks={s: _risk(r) for s, r in variant.symbol_risks.items()},
    )


def price_from_twin(twin_price: float | None) -> float | None:
    """A liquidation or bankruptcy price turned back; one at the twin's 0 (``1/P`` → 0, a rise
    without end, as a 1x short's) is no price: nothing liquidates it."""
    if twin_price is None or twin_price <= 1.0 / MAX_PRICE:
        return None
    return reciprocal(twin_price)


def _position(f: PositionFigures, position: Position) -> PositionFigures:
    mark = reciprocal(f.mark_price)
    liquidation = price_from_twin(f.liquidation_price)
    return f._replace(
        side=position.side,
        quantity=position.quantity,
        entry_price=position.entry_price,
        mark_price=mark,
        liquidation_price=liquidation,
        liquidation_distance=None if liquidation is None else liquidation / mark - 1.0,
        bankruptcy_price=price_from_twin(f.bankruptcy_price),
        venue_liquidation_price=position.venue_liquidation_price,
    )


def _move(move: WorstMove) -> WorstMove:
    return replace(move, prices={s: reciprocal(p) for s, p in move.prices.items()})


def _account(account: AccountFigures) -> AccountFigures:
    return replace(account, worst_move=_move(account.worst_move))


def _event(event: LiquidationEvent) -> LiquidationEvent:
    return replace(event, prices={s: reciprocal(p) for s, p in event.prices.items()})


def _risk(risk: SymbolRisk) -> SymbolRisk:
    return replace(risk, fall=_move(risk.rise), rise=_move(risk.fall))


def _warning(warning: RiskWarning, positions: dict[str, PositionFigures]) -> RiskWarning:
    """A warning naming a price says the trader's price (the others are in coins or x)."""
    message = warning.message
    if warning.code != "past_liquidation" or not isinstance(message, Said):
        return warning
    f = positions[warning.position_id or ""]
    where = "" if f.liquidation_price is None else f" ({price_text(f.liquidation_price)})"
    params = {**message.params, "where": where, "mark": price_text(f.mark_price)}
    return replace(warning, message=say(message.template, **params))


def inverse_pnl(position: Position, price: float) -> float:
    """PnL in the coin if closed at ``price``: ``s·N·(1/EP − 1/P)`` (formulas.md §0)."""
    return position.sign * position.usd_value * (1.0 / position.entry_price - 1.0 / price)


def coin_prices(report: Report) -> tuple[float, float]:
    """The coin's USD price at the marks and after the what-if move: the first symbol's (the
    contracts of one coin-margined account all price that coin)."""
    symbol = next(iter(report.marks))
    mark = report.marks[symbol]
    return mark, report.at.get(symbol, mark)


def usd_figures(report: Report) -> dict[str, dict[str, float]]:
    """Per variant, the coin amounts in USD: equity now (at the mark), equity after the
    what-if move (at the moved price), and the max loss at its own worst move, which counts
    both losses of a coin-margined position: fewer coins, each worth less.

    ``max_loss = E₀·P₀ − (E₀ − L)·P_w``: the account's USD value now less what is left at the
    worst move ``P_w`` (``L`` coins lost, ``E₀`` coins now), at least 0: where the coins left
    are worth more than all of them today (a rise), nothing is lost in USD."""
    mark, moved = coin_prices(report)
    symbol = next(iter(report.marks))
    out: dict[str, dict[str, float]] = {}
    for name, variant in report.variants.items():
        account = variant.account
        worst = account.worst_move.prices.get(symbol, mark)
        left = max(account.equity_now - account.max_loss, 0.0)
        out[name] = {
            "price_now": mark,
            "price": moved,
            "equity_now": account.equity_now * mark,
            "equity": account.equity * moved,
            "max_loss": max(account.equity_now * mark - left * worst, 0.0),
            "worst_price": worst,
        }
    return out


def sweep_price_inverse(scenario: Scenario, symbol: str, prices: npt.ArrayLike) -> SweepResult:
    """``sweep_price`` of a coin-margined scenario: the twin swept at ``1/P``, equity in the coin.
    One symbol's move is monotone in ``P`` and in ``1/P`` alike, so every point is the state
    ``evaluate`` gives there."""
    from marginlab.engine.margin.sweep import sweep_price

    x = np.asarray(prices, dtype=np.float64).ravel()
    inside = np.all(np.isfinite(x)) and x.size and np.all(x > 0) and np.all(x <= MAX_PRICE)
    if not inside:
        return sweep_price(twin(scenario), symbol, x)  # its messages name the trader's values
    linear = sweep_price(twin(scenario), symbol, 1.0 / x)
    return _swept(linear, x, reciprocal)


def sweep_move_inverse(scenario: Scenario, moves: npt.ArrayLike) -> SweepResult:
    """``sweep_move`` of a coin-margined scenario: every price times ``1 + m`` is every
    reciprocal times ``1/(1 + m)``, the twin's move ``1/(1 + m) − 1``."""
    from marginlab.engine.margin.sweep import MAX_MOVE, sweep_move

    x = np.asarray(moves, dtype=np.float64).ravel()
    if not (x.size and np.all(np.isfinite(x)) and np.all(x > -1) and np.all(x <= MAX_MOVE)):
        return sweep_move(twin(scenario), x)
    linear = sweep_move(twin(scenario), 1.0 / (1.0 + x) - 1.0)
    return _swept(linear, x, lambda t: 1.0 / (1.0 + t) - 1.0)


def _swept(linear: SweepResult, x: FloatArray, back: Callable[[float], float]) -> SweepResult:
    flipped = {"down": "up", "up": "down", "now": "now"}
    thresholds = tuple(
        replace(t, x=float(back(t.x)), side=flipped[t.side])  # type: ignore[arg-type]
        for t in linear.thresholds
    )
    return replace(linear, x=x, thresholds=thresholds)


def sweep_for_inverse(
    scenario: Scenario, axis: str, points: int, include: float | None
) -> SweepResult | None:
    """``sweep_for`` of a coin-margined scenario: the same span rule (±30 % around the marks,
    widened to the thresholds within reach and to ``include``), in the trader's prices."""
    from marginlab.engine.margin.sweep import (
        ALL_SYMBOLS,
        _pools,
        _threshold_ts,
        move_span,
        price_span,
    )

    linear = twin(scenario)
    marks = scenario.marks()
    if not marks:
        return None
    # The lowest price whose reciprocal the twin may name, a hair above for the rounding of
    # 1/x: a span or a typed value below it is cut there.
    least = MIN_COIN_MARGINED_PRICE * (1.0 + 1e-9)
    if axis == ALL_SYMBOLS or axis not in marks:
        moves = [1.0 / (1.0 + t) - 1.0 for t in _threshold_ts(_pools(linear, linear.marks()))]
        low, high = move_span(moves, include)
        low = max(low, max(least / m for m in marks.values()) - 1.0)
        swept = sweep_move_inverse(scenario, np.linspace(low, max(high, low), points))
        return replace(
            swept,
            x=swept.x * 100,
            thresholds=tuple(replace(t, x=t.x * 100) for t in swept.thresholds),
        )
    mark = marks[axis]
    u = 1.0 / mark
    prices = [1.0 / (u + t) for t in _threshold_ts(_pools(linear, {axis: 1.0})) if u + t > 0]
    low, high = price_span(prices, mark, include)
    grid = np.linspace(max(low, least), max(high, least), points)
    return sweep_price_inverse(scenario, axis, grid)


def symbol_loss_inverse(scenario: Scenario, symbol: str, side: int) -> WorstMove:
    """``max_loss.symbol_loss`` of a coin-margined scenario (as entered): its twin's, the side
    turned (a fall in ``P`` is a rise in ``u = 1/P``) and the prices turned back."""
    from marginlab.engine.margin.max_loss import symbol_loss
    from marginlab.engine.margin.pools import build_pools

    linear = twin(scenario)
    with coin_amounts():
        move = symbol_loss(build_pools(linear, "as_entered"), linear.marks(), symbol, -side)
    return _move(move)


def funding_payment_inverse(
    sign: int, usd_value: float, mark: float, rate: float, intervals: float
) -> float:
    """Funding a coin-margined position pays over ``intervals`` intervals, in the coin
    (negative: it receives): ``s · (N / P) · rate`` each, the nominal value being the
    contracts' USD value over the mark (Binance FAQ "Introduction to Binance Futures Funding
    Rates": funding amount = nominal value of positions × funding rate, nominal value
    "contract multiplier × size / mark price" for coin-margined contracts; Bitget academy
    "Funding cost calculation": reverse contract position value = face value × number of
    contracts / mark price). The mark is held where it is today."""
    return sign * usd_value / mark * rate * intervals


def exit_at_inverse(position: Position, price: float, margin: float, fee_rate: float) -> Exit:
    """``calculator.exit_at`` of a coin-margined position (``exit_inverse``)."""
    return exit_inverse(
        position.sign, position.usd_value, position.entry_price, price, margin, fee_rate
    )


def exit_inverse(
    sign: int, usd_value: float, entry: float, price: float, margin: float, fee_rate: float
) -> Exit:
    """``calculator.exit_at`` of ``usd_value`` USD of coin-margined contracts, in the coin: the
    twin closed at ``1/price``. PnL ``s·N·(1/EP − 1/P)`` (formulas.md §0); each taker fee
    ``(N/P)·f``, the coin value traded times the rate (Binance COIN-M "Trading Fees")."""
    closed = exit_at(-sign, usd_value, 1 / entry, 1 / price, margin, fee_rate)
    return replace(closed, price=price)


def break_even_inverse(position: Position, fee_rate: float) -> float | None:
    """The exit at which the coin PnL pays both fees (``break_even_price_inverse``)."""
    return break_even_price_inverse(position.sign, position.entry_price, fee_rate)


def break_even_price_inverse(sign: int, entry: float, fee_rate: float) -> float | None:
    """The exit at which the coin PnL pays both fees: the twin's break-even, turned back. In
    closed form ``EP · (1 + s·f) / (1 − s·f)``, the linear one's: the fees scale alike."""
    twin_price = break_even_price(-sign, 1 / entry, fee_rate)
    return None if twin_price is None else reciprocal(twin_price)


def target_price_for_roe_inverse(
    sign: int, entry: float, leverage: float, target: float
) -> float | None:
    """The exit at which the coin ROE (on ``N / (EP · L)``) is ``target``: the twin's
    (``calculator.target_price_for_roe``), turned back, ``EP / (1 − s · ROE / L)``. None when
    no positive price gives it (a coin-margined long cannot make more than ``L`` × 100 % in
    the coin: its PnL tends to ``N/EP``)."""
    twin_price = target_price_for_roe(-sign, 1 / entry, leverage, target)
    return None if twin_price is None else _finite_reciprocal(twin_price)


def target_price_for_pnl_inverse(
    sign: int, usd_value: float, entry: float, target: float
) -> float | None:
    """The exit at which the coin PnL ``s·N·(1/EP − 1/P)`` is ``target`` coins: the twin's,
    turned back, ``1 / (1/EP − s · target / N)``. None when no positive price gives it."""
    twin_price = target_price_for_pnl(-sign, usd_value, 1 / entry, target)
    return None if twin_price is None else _finite_reciprocal(twin_price)


def _finite_reciprocal(twin_price: float) -> float | None:
    price = 1 / twin_price
    return price if math.isfinite(price) and 0 < price <= MAX_PRICE else None


def linear_counterpart(scenario: Scenario) -> Scenario:
    """The same trades USDT-margined: each position of ``N`` USD as ``N/EP`` coins of a linear
    contract, its margin and maintenance amount in USD at the entry, and a wallet worth what
    the coins are worth at the marks. What a coin-margined account is compared with: the same
    size and leverage, without the coin as collateral."""
    marks = scenario.marks()
    coin_price = marks[next(iter(marks))] if marks else 1.0
    positions = tuple(
        p.model_copy(
            update={
                "quantity": _positive(p.usd_value / p.entry_price),
                "contract": "linear",
                "contract_size": None,
                "margin": None if p.margin is None else p.margin * p.entry_price,
                "maintenance_amount": (
                    None if p.maintenance_amount is None else p.maintenance_amount * p.entry_price
                ),
            }
        )
        for p in scenario.positions
    )
    account = scenario.account.model_copy(
        update={
            "wallet_balance": scenario.account.wallet_balance * coin_price,
            "currency": "USDT",
            "max_acceptable_loss": None,
        }
    )
    return scenario.model_copy(update={"positions": positions, "account": account})


@dataclass(frozen=True, slots=True)
class UsdCurves:
    """A coin-margined sweep in USD: each variant's coin equity times the coin's price at each
    point, and the same trades USDT-margined (``linear_counterpart``, as entered)."""

    prices: FloatArray  # the coin's USD price at each point of the sweep
    equity: dict[str, FloatArray]
    linear: FloatArray
    start: float  # the account's USD value today


def usd_curves(scenario: Scenario, sweep: SweepResult) -> UsdCurves:
    """``sweep`` (of ``scenario``, coin-margined) in USD, with its USDT-margined counterpart
    swept along the same axis: the double loss of a coin-margined long (fewer coins, each worth
    less) beside the single loss of the same long on USDT."""
    from marginlab.engine.margin.pools import start_equity
    from marginlab.engine.margin.sweep import sweep_move, sweep_price

    marks = scenario.marks()
    coin = next(iter(marks))
    counterpart = linear_counterpart(scenario)
    if sweep.axis == "move":
        prices = marks[coin] * (1.0 + sweep.x / 100.0)
        linear = sweep_move(counterpart, sweep.x / 100.0)
    else:
        symbol = sweep.symbol or coin
        prices = sweep.x if symbol == coin else np.full(sweep.x.shape, marks[coin])
        linear = sweep_price(counterpart, symbol, sweep.x)
    return UsdCurves(
        prices=prices,
        equity={name: curve * prices for name, curve in sweep.equity.items()},
        linear=linear.equity["as_entered"],
        start=start_equity(scenario) * marks[coin],
    )
