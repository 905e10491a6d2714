"""``evaluate(scenario, at) -> Report``: the three variants, each figure from ``figures``.

A what-if move ``at`` is reached by one straight move of all named symbols together from their
marks; every threshold on the way is applied, in the order the move reaches it (DESIGN §1).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple

import numpy as np

from marginlab.engine.margin import figures as fig
from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.columns import (
    IntArray,
    IsolatedColumns,
    book_columns,
    clear_columns_cache,
    effective_leverages,
    isolated_columns,
    liquidation_distances,
    pick,
    pick_positions,
)
from marginlab.engine.margin.fees import CLOSE_FEE_IN_MAINTENANCE, taker_rate
from marginlab.engine.margin.max_loss import SymbolRisk, WorstMove, max_losses
from marginlab.engine.margin.models import Scenario, Variant
from marginlab.engine.margin.pools import (
    VARIANTS,
    Pool,
    build_pools,
    clear_pools_cache,
    equity_now,
    shared_pool,
)
from marginlab.engine.margin.report import (
    MAX_PRICE,
    AccountFigures,
    LiquidationEvent,
    MoveError,
    PositionFigures,
    Report,
    VariantReport,
)
from marginlab.engine.margin.risk_warnings import (
    Unhealthy,
    clear_warnings_cache,
    variant_warnings,
)
from marginlab.engine.margin.rules import table_info
from marginlab.engine.margin.solver import crossings
from marginlab.engine.text.said import say


def check_moves(scenario: Scenario, at: Mapping[str, float]) -> list[str]:
    """One message per bad what-if move (unknown symbol, price not finite and > 0)."""
    problems: list[str] = []
    known = scenario.symbols()
    for symbol, price in at.items():
        if symbol not in known:
            listed = ", ".join(known) or "none"
            problems.append(
                say(
                    "--at {symbol}: unknown symbol (the scenario has: {listed})",
                    symbol=symbol,
                    listed=listed,
                )
            )
        elif not (0 < price <= MAX_PRICE):
            problems.append(
                say(
                    "--at {symbol}: price must be a number > 0 and <= {max_price}",
                    symbol=symbol,
                    max_price=f"{MAX_PRICE:g}",
                )
            )
    return problems


def evaluate(scenario: Scenario, at: Mapping[str, float] | None = None) -> Report:
    """All three variants of ``scenario``, after the what-if moves ``at`` (symbol -> price).
    A coin-margined scenario is priced through its linear twin (``margin.inverse``)."""
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import evaluate_inverse

        return evaluate_inverse(scenario, at)
    moves = dict(at or {})
    problems = check_moves(scenario, moves)
    if problems:
        raise MoveError("\n".join(problems))
    marks = scenario.marks()
    direction = {s: p - marks[s] for s, p in moves.items() if p != marks[s]}
    info = table_info(scenario.rules)
    variants = {v: _variant(scenario, v, marks, moves, direction) for v in VARIANTS}
    if not direction:  # no move: "as entered" is what the pre-trade check reads of the book
        _AS_ENTERED.put(scenario, None, variants["as_entered"])
    return Report(
        scenario_name=scenario.name,
        rules=scenario.rules,
        rules_as_of=info["as_of"],
        currency=scenario.account.currency,
        marks=marks,
        at=moves,
        variants=variants,
        taker_fee=taker_rate(scenario),
        fee_in_liquidation=scenario.rules in CLOSE_FEE_IN_MAINTENANCE,
    )


def as_entered(scenario: Scenario, remember: bool = True) -> VariantReport:
    """``evaluate(scenario).variants["as_entered"]``, without the two variants the pre-trade
    check never reads. Remembered by scenario: the check asks again for the account without
    the order at each keystroke of the order; not with ``remember=False`` (an account with
    the order, asked once, would push that one out)."""
    return _AS_ENTERED.get(scenario, None) if remember else _as_entered(scenario, None)


def _as_entered(scenario: Scenario, _: None) -> VariantReport:
    if scenario.coin_margined:
        return evaluate(scenario).variants["as_entered"]
    marks = scenario.marks()
    return _variant(scenario, "as_entered", marks, {}, {})


_AS_ENTERED: ByScenario[None, VariantReport] = ByScenario(_as_entered, kept=6)


def _variant(
    scenario: Scenario,
    variant: Variant,
    marks: dict[str, float],
    at: dict[str, float],
    direction: dict[str, float],
) -> VariantReport:
    columns = isolated_columns(scenario, variant)
    shared = shared_pool(scenario, variant)
    # The prices named, exactly: mark + (price − mark) can miss a price near 0 by 10^-12,
    # which decides a pool at its threshold.
    final = {**marks, **at}
    found = _isolated_figures(columns, marks, direction, final)
    figures, events, unhealthy = found.figures, found.events, found.unhealthy
    ratios, nows, equity_after = found.ratios, found.nows, found.equity_after
    if not shared.legs:
        equity_after += shared.cash
        nows.append(equity_now(shared, marks))
    else:
        equity, maintenance = shared.at_marks()
        nows.append(max(equity, 0.0))
        ratio = fig.margin_ratio(maintenance, equity)
        ratios.append(ratio)
        step = _liquidation_step(shared, equity - maintenance, direction, final)
        if step is None:
            moved = bool(direction) and any(leg.symbol in direction for leg in shared.legs)
            equity_after += float(shared.equity(final)) if moved else equity
        else:
            if step == 0.0:
                legs = tuple((leg.position_id, leg.mark) for leg in shared.legs)
                unhealthy.append(Unhealthy(shared.name, shared.kind, legs))
            events.append(_event(shared, step, marks, direction))
        # Found once per pool and outcome: they depend on the pool, its positions (which
        # decide it) and whether the move liquidates it.
        outcome = (step is not None, step == 0.0)
        known = shared.memo.get(outcome)
        if known is None:
            shared_rows = np.ones(len(scenario.positions), dtype=bool)
            shared_rows[columns.index] = False
            rows = np.flatnonzero(shared_rows)
            known = shared.memo[outcome] = _shared_figures(
                scenario, rows, shared, marks, ratio, *outcome
            )
        figures.update(known)
    ids = book_columns(scenario).ids
    ordered = dict(zip(ids, map(figures.__getitem__, ids), strict=True))
    risks, worst = _headline(scenario, variant)
    account = AccountFigures(
        wallet_balance=scenario.account.wallet_balance,
        equity_now=sum(nows),
        equity=equity_after,
        initial_margin=sum(map(attrgetter("initial_margin"), ordered.values())),
        maintenance_margin=sum(map(attrgetter("maintenance_margin"), ordered.values())),
        margin_ratio=fig.account_margin_ratio(ratios, bool(unhealthy)),
        max_loss=worst.loss,
        worst_move=worst,
        past_liquidation=tuple(p.name for p in unhealthy),
    )
    events.sort(key=lambda e: e.step)
    warnings = variant_warnings(scenario, variant, columns, shared, ordered, account, unhealthy)
    return VariantReport(
        name=variant,
        positions=ordered,
        account=account,
        events=tuple(events),
        warnings=warnings,
        symbol_risks=risks,
    )


class _Isolated(NamedTuple):
    """What a variant's isolated pools add to its report, in their order (the order the
    report sums its pools in: isolated first, the shared pool last)."""

    figures: dict[str, PositionFigures]
    events: list[LiquidationEvent]
    unhealthy: list[Unhealthy]
    ratios: list[float | None]
    nows: list[float]
    equity_after: float


def _isolated_figures(
    columns: IsolatedColumns,
    marks: dict[str, float],
    direction: dict[str, float],
    final: dict[str, float],
) -> _Isolated:
    """Every isolated pool's figures and its part of the account's, from the columns (each
    figure as ``_pool_figures`` and ``_liquidation_step`` find it for the pool; the pools a
    move liquidates, and those past liquidation, built to say where and to be named)."""
    if not len(columns):
        return _Isolated({}, [], [], [], [], 0.0)
    equity, maintenance = columns.equity.tolist(), columns.maintenance.tolist()
    steps: list[float | None] = [0.0 if h <= 0 else None for h in columns.health.tolist()]
    after = equity
    if direction and len(columns):
        moved = np.array([s in direction for s in columns.symbols], dtype=bool)
        prices = np.array([final[s] for s in columns.symbols], dtype=float)
        at_final = columns.equity_at(prices)
        down = (at_final - columns.maintenance_at(prices) <= 0) & moved
        after = np.where(moved, at_final, columns.equity).tolist()
        for row in np.flatnonzero(down).tolist():
            if steps[row] is None:
                up = crossings(columns.pool(row), direction).up
                steps[row] = up if up is not None and up <= 1.0 else 1.0
    liquidation = columns.liquidation_prices()
    nows = np.maximum(columns.equity, 0.0).tolist()
    ratios = columns.margin_ratios()
    out = _Isolated({}, [], [], ratios, nows, 0.0)
    equity_after = 0.0
    for row, step in enumerate(steps):
        if step is None:
            equity_after += after[row]
        elif step == 0.0:  # past liquidation today: named, and lost whole at the start
            position_id, symbol = columns.ids[row], columns.symbols[row]
            name = f"isolated {position_id}"
            out.unhealthy.append(Unhealthy(name, "isolated", ((position_id, marks[symbol]),)))
            at = marks[symbol] + step * direction.get(symbol, 0.0)
            out.events.append(LiquidationEvent(step, name, (position_id,), {symbol: at}, nows[row]))
        else:
            out.events.append(_event(columns.pool(row), step, marks, direction))
    lists, rows = columns.book.figure_lists(), columns.rows
    out.figures.update(
        zip(
            columns.ids,
            map(
                _new,
                repeat(PositionFigures),
                zip(
                    columns.ids,
                    columns.symbols,
                    pick(lists.sides, rows),
                    ["isolated"] * len(steps),
                    pick(lists.isolated_names, rows),
                    pick(lists.quantities, rows),
                    pick(lists.entries, rows),
                    columns.mark.tolist(),
                    columns.notional.tolist(),
                    columns.cash.tolist(),
                    columns.effective_leverages(),
                    maintenance,
                    columns.tier_rates().tolist(),
                    liquidation,
                    columns.liquidation_distances(),
                    columns.bankruptcy_prices(),
                    ratios,
                    columns.max_losses().tolist(),
                    [step is not None for step in steps],
                    nows,
                    pick(lists.venue_prices, rows),
                    [step == 0.0 for step in steps],
                    strict=True,
                ),
            ),
            strict=True,
        )
    )
    return out._replace(equity_after=equity_after)


# ``PositionFigures._make`` without its call: a book's figures are thousands of them.
_new = tuple.__new__


def _shared_figures(
    scenario: Scenario,
    rows: IntArray,
    pool: Pool,
    marks: dict[str, float],
    ratio: float | None,
    liquidated: bool,
    past: bool,
) -> dict[str, PositionFigures]:
    """The figures of the cross pool's positions (the book's ``rows``, in the pool's order):
    each position's own from the book's columns, as ``figures`` gives them for its leg; per
    symbol and for the whole pool, the pool's."""
    prices = {
        symbol: (fig.liquidation_price(pool, symbol, m), fig.bankruptcy_price(pool, symbol, m))
        for symbol, m in {leg.symbol: leg.mark for leg in pool.legs}.items()
    }
    book = book_columns(scenario)
    lists, at = book.figure_lists(), rows.tolist()
    positions = pick_positions(book.positions, at)
    ids = pick(book.ids, at)
    symbols = pick(book.symbols, at)
    liquidation = [prices[symbol][0] for symbol in symbols]
    initial = book.cross_initial[rows]
    count = len(positions)
    return dict(
        zip(
            ids,
            map(
                _new,
                repeat(PositionFigures),
                zip(
                    ids,
                    symbols,
                    pick(lists.sides, at),
                    ["cross"] * count,
                    [pool.name] * count,
                    pick(lists.quantities, at),
                    pick(lists.entries, at),
                    book.mark[rows].tolist(),
                    book.notional[rows].tolist(),
                    initial.tolist(),
                    effective_leverages(book.entry_notional[rows], initial, positions),
                    book.maintenance[rows].tolist(),
                    book.tier_rate[rows].tolist(),
                    liquidation,
                    liquidation_distances(liquidation, book.mark[rows]),
                    [prices[symbol][1] for symbol in symbols],
                    [ratio] * count,
                    [fig.max_loss(pool, marks)] * count,
                    [liquidated] * count,
                    [equity_now(pool, marks)] * count,
                    pick(lists.venue_prices, at),
                    [past] * count,
                    strict=True,
                ),
            ),
            strict=True,
        )
    )


def equity_after(
    scenario: Scenario, at: Mapping[str, float], variant: Variant = "as_entered"
) -> tuple[float, frozenset[str]]:
    """The account's equity after the straight move to ``at`` in one variant, and the
    positions liquidated on the way: the same test as ``evaluate`` (``_liquidation_step``),
    without the figures and the max-loss search the calculator's searches do not need.
    A coin-margined scenario: its twin's, in the coin (``margin.inverse``)."""
    problems = check_moves(scenario, at)
    if problems:
        raise MoveError("\n".join(problems))
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import twin, twin_prices

        return equity_after(twin(scenario), twin_prices(at), variant)
    marks = scenario.marks()
    direction = {s: p - marks[s] for s, p in at.items() if p != marks[s]}
    final = {**marks, **at}
    equity = 0.0
    gone: set[str] = set()
    for pool in build_pools(scenario, variant):
        if not pool.legs:
            equity += pool.cash
            continue
        health = float(pool.equity(marks)) - float(pool.maintenance(marks))
        if _liquidation_step(pool, health, direction, final) is None:
            equity += float(pool.equity(final))
        else:
            gone.update(leg.position_id for leg in pool.legs)
    return equity, frozenset(gone)


def position_liquidation(scenario: Scenario, position_id: str) -> float | None:
    """The liquidation price of one position as entered (``figures.liquidation_price`` of its
    pool), None when it is past liquidation already or no price liquidates it. A coin-margined
    scenario: its twin's, turned back (``margin.inverse``)."""
    if scenario.coin_margined:
        from marginlab.engine.margin.inverse import price_from_twin, twin

        return price_from_twin(position_liquidation(twin(scenario), position_id))
    marks = scenario.marks()
    for pool in build_pools(scenario, "as_entered"):
        for leg in pool.legs:
            if leg.position_id == position_id:
                if float(pool.health(marks)) <= 0:
                    return None
                return fig.liquidation_price(pool, leg.symbol, leg.mark)
    raise KeyError(position_id)


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


def _liquidation_step(
    pool: Pool, health: float, direction: dict[str, float], final: dict[str, float]
) -> float | None:
    """Fraction of the move at which ``pool`` is liquidated, 0.0 if it already is, else None.

    Health is concave along a straight move (``solver``), so the move liquidates the pool
    exactly when its health at the end is ≤ 0: that test decides (the max-loss search makes
    the same one, so every worst move it reports is reached here), and the crossing only
    says where on the way."""
    if health <= 0:
        return 0.0
    if not direction:  # no move (the window at rest): the legs need no walk
        return None
    if not any(leg.symbol in direction for leg in pool.legs) or pool.health(final) > 0:
        return None
    up = crossings(pool, direction).up
    return up if up is not None and up <= 1.0 else 1.0


def _headline(scenario: Scenario, variant: Variant) -> tuple[dict[str, SymbolRisk], WorstMove]:
    """Max loss if wrong depends on the scenario only, not on a what-if move: the window asks
    again for every position of the what-if line, and gets the search it already made."""
    return _HEADLINES.get(scenario, variant)


def _search(scenario: Scenario, variant: Variant) -> tuple[dict[str, SymbolRisk], WorstMove]:
    shared = (shared_pool(scenario, variant),)
    return max_losses(shared, scenario.marks(), isolated_columns(scenario, variant))


_HEADLINES: ByScenario[Variant, tuple[dict[str, SymbolRisk], WorstMove]]
_HEADLINES = ByScenario(_search, kept=24)


def clear_headline_cache() -> None:
    """Forget the searches made, the pools built and the warnings said (a benchmark measures
    fresh ones, as the first evaluation of a book sees them)."""
    _HEADLINES.clear()
    _AS_ENTERED.clear()
    clear_pools_cache()
    clear_columns_cache()
    clear_warnings_cache()
