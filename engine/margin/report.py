"""``evaluate(scenario, at) -> Report``: every figure of the three variants (DESIGN §1, §3).

Static figures (liquidation, bankruptcy, margins, ratios) are at today's marks. ``liquidated``,
``equity`` and the events describe the state after the what-if moves ``at``, reached by one
straight move of all named symbols together from their marks; every threshold on the way is
applied, in the order the move reaches it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, Pool, Variant, build_pools, mode_in
from marginlab.engine.margin.risk_warnings import RiskWarning, variant_warnings
from marginlab.engine.margin.rules import table_info
from marginlab.engine.margin.solver import bankruptcy_t, crossings, nearest

# The largest price a scenario or a move may name: the same bound as Position.entry_price.
MAX_PRICE = 1e12


def finite_or_none(value: float | None) -> float | None:
    """A figure that overflowed (e.g. a ratio over a near-zero equity) is shown as absent."""
    return value if value is not None and math.isfinite(value) else None


MAX_RATIO = 1e12


def bounded_ratio(value: float) -> float | None:
    """A ratio as shown (margin ratio, leverage, distance to liquidation), or None beyond
    ±10^12: only a figure typed near 0 gets there (an equity, a margin, a mark), no reader can
    use it, and as a percentage it would no longer fit in a float."""
    return value if math.isfinite(value) and abs(value) <= MAX_RATIO else None


class MoveError(ValueError):
    """A what-if move names an unknown symbol or a price that is not finite and > 0."""


@dataclass(frozen=True, slots=True)
class PositionFigures:
    id: str
    symbol: str
    side: str
    margin_mode: str
    pool: str
    quantity: float
    entry_price: float
    mark_price: float
    notional: float
    initial_margin: float
    effective_leverage: float | None  # None: beyond 10^12 (a margin typed near 0)
    maintenance_margin: float
    maintenance_rate: float
    liquidation_price: float | None
    liquidation_distance: float | None
    bankruptcy_price: float | None
    margin_ratio: float | None
    max_loss: float
    liquidated: bool


@dataclass(frozen=True, slots=True)
class AccountFigures:
    wallet_balance: float
    equity_now: float
    equity: float
    initial_margin: float
    maintenance_margin: float
    margin_ratio: float | None
    max_loss: float


@dataclass(frozen=True, slots=True)
class LiquidationEvent:
    """A pool liquidated on the way: ``step`` is the fraction of the move (0 = at the marks)."""

    step: float
    pool: str
    position_ids: tuple[str, ...]
    prices: dict[str, float]
    lost: float


@dataclass(frozen=True, slots=True)
class VariantReport:
    name: Variant
    positions: dict[str, PositionFigures]
    account: AccountFigures
    events: tuple[LiquidationEvent, ...]
    warnings: tuple[RiskWarning, ...]


@dataclass(frozen=True, slots=True)
class Report:
    scenario_name: str
    rules: str
    rules_as_of: str
    currency: str
    marks: dict[str, float]
    at: dict[str, float]
    variants: dict[Variant, VariantReport] = field(default_factory=dict)


def check_moves(scenario: Scenario, at: Mapping[str, float]) -> list[str]:
    """One message per bad what-if move (unknown symbol, price not finite and > 0)."""
    problems = []
    known = scenario.symbols()
    for symbol, price in at.items():
        if symbol not in known:
            listed = ", ".join(known) or "none"
            problems.append(f"--at {symbol}: unknown symbol (the scenario has: {listed})")
        elif not (0 < price <= MAX_PRICE):
            problems.append(f"--at {symbol}: price must be a number > 0 and <= {MAX_PRICE:g}")
    return problems


def evaluate(scenario: Scenario, at: Mapping[str, float] | None = None) -> Report:
    """All three variants of ``scenario``, after the what-if moves ``at`` (symbol -> price)."""
    moves = dict(at or {})
    problems = check_moves(scenario, moves)
    if problems:
        raise MoveError("\n".join(problems))
    marks = scenario.marks()
    direction = {s: p - marks[s] for s, p in moves.items() if p != marks[s]}
    info = table_info(scenario.rules)
    variants = {v: _variant(scenario, v, marks, direction) for v in VARIANTS}
    return Report(
        scenario.name,
        scenario.rules,
        info["as_of"],
        scenario.account.currency,
        marks,
        moves,
        variants,
    )


def _variant(
    scenario: Scenario, variant: Variant, marks: dict[str, float], direction: dict[str, float]
) -> VariantReport:
    pools = build_pools(scenario, variant)
    final = {s: m + direction.get(s, 0.0) for s, m in marks.items()}
    by_id = {p.id: p for p in scenario.positions}
    figures: dict[str, PositionFigures] = {}
    events: list[LiquidationEvent] = []
    equity_now = equity_after = 0.0
    ratios: list[float] = []
    unhealthy: list[Pool] = []
    for pool in pools:
        equity = pool.equity(marks)
        equity_now += equity
        if not pool.legs:
            equity_after += pool.cash
            continue
        maintenance = pool.maintenance(marks)
        ratio = bounded_ratio(maintenance / equity) if equity > 0 else None
        if ratio is not None:
            ratios.append(ratio)
        step = _liquidation_step(pool, equity - maintenance, direction)
        if step is None:
            equity_after += pool.equity(final)
        else:
            if step == 0.0:
                unhealthy.append(pool)
            events.append(
                LiquidationEvent(
                    step,
                    pool.name,
                    tuple(leg.position_id for leg in pool.legs),
                    {
                        leg.symbol: marks[leg.symbol] + step * direction.get(leg.symbol, 0.0)
                        for leg in pool.legs
                    },
                    max(pool.cash, 0.0),
                )
            )
        prices = _pool_prices(pool, marks)
        for leg in pool.legs:
            position = by_id[leg.position_id]
            mode = mode_in(variant, position)
            initial = (
                position.isolated_margin if mode == "isolated" else position.cross_initial_margin
            )
            notional = leg.quantity * leg.mark
            liq, bankrupt = prices[leg.symbol]
            maintenance_now = leg.maintenance(leg.mark)
            figures[leg.position_id] = PositionFigures(
                leg.position_id,
                leg.symbol,
                position.side,
                mode,
                pool.name,
                leg.quantity,
                leg.entry_price,
                leg.mark,
                notional,
                initial,
                # A notional typed near 0 can round to 0, and its default margin (notional /
                # leverage) with it: the ratio of the two is then the leverage itself.
                bounded_ratio(position.entry_notional / initial)
                if initial > 0
                else float(position.leverage),
                maintenance_now,
                leg.tier_rate(),
                liq,
                None if liq is None else bounded_ratio(liq / leg.mark - 1),
                bankrupt,
                ratio,
                max(pool.cash, 0.0),
                step is not None,
            )
    ordered = {p.id: figures[p.id] for p in scenario.positions}
    account = AccountFigures(
        scenario.account.wallet_balance,
        equity_now,
        equity_after,
        sum(f.initial_margin for f in ordered.values()),
        sum(f.maintenance_margin for f in ordered.values()),
        max(ratios) if ratios else None,
        sum(max(p.cash, 0.0) for p in pools if p.legs),
    )
    events.sort(key=lambda e: e.step)
    warnings = variant_warnings(scenario, variant, pools, ordered, account, unhealthy)
    return VariantReport(variant, ordered, account, tuple(events), warnings)


def _liquidation_step(pool: Pool, health: float, direction: dict[str, float]) -> float | None:
    """Fraction of the move at which ``pool`` is liquidated, 0.0 if it already is, else None."""
    if health <= 0:
        return 0.0
    if not any(leg.symbol in direction for leg in pool.legs):
        return None
    up = crossings(pool, direction).up
    return up if up is not None and up <= 1.0 else None


def _pool_prices(
    pool: Pool, marks: dict[str, float]
) -> dict[str, tuple[float | None, float | None]]:
    """Liquidation and bankruptcy price of each symbol in ``pool``, others held at their marks.

    All legs of one symbol in a cross pool (a hedge) share them, as on Binance.
    """
    out: dict[str, tuple[float | None, float | None]] = {}
    for symbol in dict.fromkeys(leg.symbol for leg in pool.legs):
        unit = {symbol: 1.0}
        t_liq = nearest(crossings(pool, unit))
        t_bank = bankruptcy_t(pool, unit)
        mark = marks[symbol]
        liq = None if t_liq is None or mark + t_liq <= 0 else finite_or_none(mark + t_liq)
        bank = None if t_bank is None or mark + t_bank <= 0 else finite_or_none(mark + t_bank)
        out[symbol] = (liq, bank)
    return out
