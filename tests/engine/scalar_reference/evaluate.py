"""``evaluate(scenario, at) -> Report``: the three variants, each figure from ``figures``.

A what-if move ``at`` is reached by one straight move of all named symbols together from their
marks; every threshold on the way is applied, in the order the move reaches it (DESIGN §1).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from marginlab.engine.margin.columns import isolated_columns
from marginlab.engine.margin.models import Scenario, Variant
from marginlab.engine.margin.report import (
    MAX_PRICE,
    AccountFigures,
    LiquidationEvent,
    MoveError,
    PositionFigures,
    Report,
    VariantReport,
)
from marginlab.engine.margin.risk_warnings import Unhealthy
from marginlab.engine.margin.rules import table_info
from tests.engine.scalar_reference import figures as fig
from tests.engine.scalar_reference.max_loss import SymbolRisk, WorstMove, max_losses
from tests.engine.scalar_reference.pools import (
    VARIANTS,
    Pool,
    build_pools,
    equity_now,
    mode_in,
)
from tests.engine.scalar_reference.solver import crossings
from tests.engine.scalar_reference.warnings import variant_warnings


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
    return Report(
        scenario_name=scenario.name,
        rules=scenario.rules,
        rules_as_of=info["as_of"],
        currency=scenario.account.currency,
        marks=marks,
        at=moves,
        variants={v: _variant(scenario, v, marks, direction) for v in VARIANTS},
    )


def _variant(
    scenario: Scenario, variant: Variant, marks: dict[str, float], direction: dict[str, float]
) -> VariantReport:
    pools = build_pools(scenario, variant)
    final = {s: m + direction.get(s, 0.0) for s, m in marks.items()}
    figures: dict[str, PositionFigures] = {}
    events: list[LiquidationEvent] = []
    equity_after = 0.0
    ratios: list[float | None] = []
    unhealthy: list[Pool] = []
    for pool in pools:
        if not pool.legs:
            equity_after += pool.cash
            continue
        equity = float(pool.equity(marks))
        maintenance = float(pool.maintenance(marks))
        ratio = fig.margin_ratio(maintenance, equity)
        ratios.append(ratio)
        step = _liquidation_step(pool, equity - maintenance, direction)
        if step is None:
            equity_after += float(pool.equity(final))
        else:
            if step == 0.0:
                unhealthy.append(pool)
            events.append(_event(pool, step, marks, direction))
        figures.update(
            _pool_figures(scenario, variant, pool, marks, ratio, step is not None, step == 0.0)
        )
    ordered = {p.id: figures[p.id] for p in scenario.positions}
    risks, worst = _headline(scenario, variant)
    account = AccountFigures(
        wallet_balance=scenario.account.wallet_balance,
        equity_now=sum(equity_now(p, marks) for p in pools),
        equity=equity_after,
        initial_margin=sum(f.initial_margin for f in ordered.values()),
        maintenance_margin=sum(f.maintenance_margin for f in ordered.values()),
        margin_ratio=fig.account_margin_ratio(ratios, bool(unhealthy)),
        max_loss=worst.loss,
        worst_move=worst,
        past_liquidation=tuple(p.name for p in unhealthy),
    )
    events.sort(key=lambda e: e.step)
    # The warnings position by position (``warnings``), fed this reference's shared pool.
    columns = isolated_columns(scenario, variant)
    shared = pools[-1]
    past = [
        Unhealthy(p.name, p.kind, tuple((leg.position_id, leg.mark) for leg in p.legs))
        for p in unhealthy
    ]
    warnings = variant_warnings(scenario, variant, columns, shared, ordered, account, past)
    return VariantReport(
        name=variant,
        positions=ordered,
        account=account,
        events=tuple(events),
        warnings=warnings,
        symbol_risks=risks,
    )


def _pool_figures(
    scenario: Scenario,
    variant: Variant,
    pool: Pool,
    marks: dict[str, float],
    ratio: float | None,
    liquidated: bool,
    past: bool,
) -> dict[str, PositionFigures]:
    by_id = {p.id: p for p in scenario.positions}
    prices = {
        symbol: (fig.liquidation_price(pool, symbol, m), fig.bankruptcy_price(pool, symbol, m))
        for symbol, m in {leg.symbol: leg.mark for leg in pool.legs}.items()
    }
    pool_max_loss = fig.max_loss(pool, marks)
    pool_equity = equity_now(pool, marks)
    out = {}
    for leg in pool.legs:
        position = by_id[leg.position_id]
        initial = fig.initial_margin(position, pool)
        liquidation, bankruptcy = prices[leg.symbol]
        out[leg.position_id] = PositionFigures(
            id=leg.position_id,
            symbol=leg.symbol,
            side=position.side,
            margin_mode=mode_in(variant, position),
            pool=pool.name,
            quantity=leg.quantity,
            entry_price=leg.entry_price,
            mark_price=leg.mark,
            notional=fig.notional(leg),
            initial_margin=initial,
            effective_leverage=fig.effective_leverage(position, initial),
            maintenance_margin=fig.maintenance_margin(leg),
            maintenance_rate=fig.maintenance_rate(leg),
            liquidation_price=liquidation,
            liquidation_distance=fig.liquidation_distance(liquidation, leg.mark),
            bankruptcy_price=bankruptcy,
            margin_ratio=ratio,
            max_loss=pool_max_loss,
            liquidated=liquidated,
            equity_now=pool_equity,
            past_liquidation=past,
            venue_liquidation_price=position.venue_liquidation_price,
        )
    return out


def _event(
    pool: Pool, step: float, marks: dict[str, float], direction: dict[str, float]
) -> LiquidationEvent:
    return LiquidationEvent(
        step=step,
        pool=pool.name,
        position_ids=tuple(leg.position_id for leg in pool.legs),
        prices={
            leg.symbol: marks[leg.symbol] + step * direction.get(leg.symbol, 0.0)
            for leg in pool.legs
        },
        lost=fig.pool_loss_boundary(pool, marks),
    )


def _liquidation_step(pool: Pool, health: float, direction: dict[str, float]) -> float | None:
    """Fraction of the move at which ``pool`` is liquidated, 0.0 if it already is, else None."""
    if health <= 0:
        return 0.0
    if not any(leg.symbol in direction for leg in pool.legs):
        return None
    up = crossings(pool, direction).up
    return up if up is not None and up <= 1.0 else None


@lru_cache(maxsize=32)
def _headline(scenario: Scenario, variant: Variant) -> tuple[dict[str, SymbolRisk], WorstMove]:
    """Max loss if wrong depends on the scenario only, not on a what-if move: the window asks
    again for every position of the what-if line, and gets the search it already made."""
    return max_losses(build_pools(scenario, variant), scenario.marks())
