"""The warnings of one variant, position by position, as ``risk_warnings`` wrote them before
it found which positions to warn about for every position at once (issue 16): the oracle
for the product's warnings, word for word and in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marginlab.engine.margin.pools import (
    VARIANT_TITLES,
    Pool,
    isolated_margin_scale,
    isolated_margins,
)
from marginlab.engine.margin.risk_warnings import RiskWarning, Unhealthy
from marginlab.engine.margin.rules import schedule_for
from marginlab.engine.text.numbers import money_text, price_text
from marginlab.engine.text.said import say

if TYPE_CHECKING:
    from marginlab.engine.margin.columns import IsolatedColumns
    from marginlab.engine.margin.models import Scenario, Variant
    from marginlab.engine.margin.report import AccountFigures, PositionFigures


def _money(value: float, currency: str) -> str:
    return money_text(value, currency)


def variant_warnings(
    scenario: Scenario,
    variant: Variant,
    isolated: IsolatedColumns,
    shared: Pool,
    positions: dict[str, PositionFigures],
    account: AccountFigures,
    unhealthy: list[Unhealthy],
) -> tuple[RiskWarning, ...]:
    """Every warning of one variant, most serious first: ``isolated``, its isolated pools;
    ``shared``, its cross pool or free balance."""
    currency = scenario.account.currency
    out: list[RiskWarning] = []
    for pool in unhealthy:
        for position_id, mark in pool.legs:
            figures = positions[position_id]
            where = (
                ""
                if figures.liquidation_price is None
                else f" ({price_text(figures.liquidation_price)})"
            )
            out.append(
                RiskWarning(
                    "past_liquidation",
                    say(
                        "{id} is already past its liquidation price{where} at mark {mark}: its "
                        "{pool} pool counts as liquidated",
                        id=position_id,
                        where=where,
                        mark=price_text(mark),
                        pool=say(pool.kind),
                    ),
                    position_id,
                )
            )
    limit = scenario.account.max_acceptable_loss
    if limit is not None and account.max_loss > limit * (1 + 1e-12):
        out.append(
            RiskWarning(
                "max_loss_above_limit",
                say(
                    "Max loss {loss} is above your max acceptable loss {limit}",
                    loss=_money(account.max_loss, currency),
                    limit=_money(limit, currency),
                ),
            )
        )
    cross = shared if shared.kind == "cross" else None
    if cross is not None:
        needed = sum(positions[leg.position_id].initial_margin for leg in cross.legs)
        if needed > cross.cash * (1 + 1e-12):
            out.append(
                RiskWarning(
                    "cross_initial_margin_above_pool",
                    say(
                        "Cross initial margin {margin} is above the cross pool {pool}: a venue "
                        "would not open all of it",
                        margin=_money(needed, currency),
                        pool=_money(cross.cash, currency),
                    ),
                )
            )
    scale = isolated_margin_scale(scenario, variant)
    if scale < 1:
        needed = isolated_margins(scenario, variant)
        out.append(
            RiskWarning(
                "isolated_margins_above_wallet",
                say(
                    "{variant} needs {margin} of margin, more than the wallet's {wallet}: this "
                    "variant assumes each isolated margin is cut to {scale} of it so that they "
                    "fit the wallet (higher effective leverage, nearer liquidation prices)",
                    variant=VARIANT_TITLES[variant],
                    margin=_money(needed, currency),
                    wallet=_money(account.wallet_balance, currency),
                    scale=f"{scale:.1%}",
                ),
            )
        )
    rows = isolated.index.tolist()  # the pools' order: the isolated ones, then the shared
    taken = set(rows)
    order = rows + [row for row in range(len(scenario.positions)) if row not in taken]
    out.extend(_tier_warnings(scenario, order, positions))
    return tuple(out)


def _tier_warnings(
    scenario: Scenario, order: list[int], positions: dict[str, PositionFigures]
) -> list[RiskWarning]:
    """Leverage above the tier's maximum, notional beyond the table: position by position in
    ``order`` (the pools' order), each position's limits read from its own schedule."""
    marks = scenario.marks()
    every = scenario.positions
    out: list[RiskWarning] = []
    for row in order:
        position = every[row]
        schedule = schedule_for(scenario.rules, position)
        price = position.entry_price if schedule.basis == "entry" else marks[position.symbol]
        basis = position.quantity * price
        allowed, top = schedule.max_leverage(basis), schedule.top_cap
        if allowed is None and top is None:
            continue
        position_id = every[row].id
        leverage = positions[position_id].effective_leverage  # None: beyond 10^12
        if allowed is not None and (leverage is None or leverage > allowed * (1 + 1e-9)):
            shown = say("over 10^12x") if leverage is None else f"{leverage:g}x"
            out.append(
                RiskWarning(
                    "leverage_above_tier_max",
                    say(
                        "{id}: leverage {leverage} is above the {allowed} the tier allows at "
                        "notional {notional}",
                        id=position_id,
                        leverage=shown,
                        allowed=f"{allowed:g}x",
                        notional=f"{basis:,.0f}",
                    ),
                    position_id,
                )
            )
        if top is not None and basis > top:
            out.append(
                RiskWarning(
                    "beyond_tier_table",
                    say(
                        "{id}: notional {notional} is beyond the largest tier ({top}); its "
                        "top tier is used",
                        id=position_id,
                        notional=f"{basis:,.0f}",
                        top=f"{top:,.0f}",
                    ),
                    position_id,
                )
            )
    return out
