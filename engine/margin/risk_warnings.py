"""Warnings, not errors (DESIGN §1): states a calculator shows instead of refusing them."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple, get_args

import numpy as np

from marginlab.engine.margin.columns import book_columns
from marginlab.engine.margin.pools import (
    VARIANT_TITLES,
    Pool,
    PoolKind,
    isolated_margin_scale,
    isolated_margins,
)
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.rules import VENUE_NAMES, schedule_for
from marginlab.engine.text.numbers import money_text, price_text
from marginlab.engine.text.said import say

if TYPE_CHECKING:
    from marginlab.engine.margin.columns import IntArray, IsolatedColumns
    from marginlab.engine.margin.models import Position, Scenario, Variant
    from marginlab.engine.margin.report import AccountFigures, PositionFigures


class Unhealthy(NamedTuple):
    """A pool at or past liquidation today, as its warning names it: its name, its kind and
    each position's ID with its mark."""

    name: str
    kind: str
    legs: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class RiskWarning:
    """``code`` is stable for programs; ``message`` is for people."""

    code: str
    message: str
    position_id: str | None = None


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
            key = (position_id, positions[position_id].liquidation_price, mark, pool.kind)
            found = _PAST.peek(key)
            if found is None:
                found = _past_liquidation(*key)
                _PAST.put(key, found)
            out.append(found)
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
    out.extend(_tier_warnings(scenario, isolated.index, positions))
    return tuple(out)


def _past_liquidation(
    position_id: str, liquidation: float | None, mark: float, kind: str
) -> RiskWarning:
    where = "" if liquidation is None else f" ({price_text(liquidation)})"
    return RiskWarning(
        "past_liquidation",
        say(
            "{id} is already past its liquidation price{where} at mark {mark}: its "
            "{pool} pool counts as liquidated",
            id=position_id,
            where=where,
            mark=price_text(mark),
            pool=_POOL_KINDS[kind],
        ),
        position_id,
    )


# The pool kinds a past-liquidation warning names, said once: a big book's evaluation names
# dozens of pools past liquidation.
_POOL_KINDS = {kind: say(kind) for kind in get_args(PoolKind)}


# Said once per position, price, mark and pool kind: "as entered" and "all isolated" see the
# same isolated pool past liquidation, and an edit of another position sees it again.
_PAST: Remembered[tuple[str, float | None, float, str], RiskWarning] = Remembered(4_096)


def _tier_warnings(
    scenario: Scenario, isolated: IntArray, positions: dict[str, PositionFigures]
) -> list[RiskWarning]:
    """Leverage above the tier's maximum, notional beyond the table: position by position in
    the pools' order (the ``isolated`` rows, then the shared pool's; each position's limits
    found once, ``BookColumns``). ``positions``: in the scenario's order. Which positions to
    warn about is found for every position at once; only those are written."""
    book = book_columns(scenario)
    capped, has_cap, above = book.tier_caps()
    # None (beyond 10^12) is NaN here: above any cap there is.
    leverages = np.array(list(map(_LEVERAGE, positions.values())), dtype=float)
    with np.errstate(invalid="ignore"):  # no cap: NaN, compared False
        flagged = (leverages > capped) | (np.isnan(leverages) & has_cap) | above
    if not flagged.any():
        return []
    shared_rows = np.ones(flagged.size, dtype=bool)
    shared_rows[isolated] = False
    order = np.concatenate((isolated, np.flatnonzero(shared_rows)))
    rank = np.empty(order.size, dtype=np.intp)
    rank[order] = np.arange(order.size)
    rows = np.flatnonzero(flagged)
    out: list[RiskWarning] = []
    for row in rows[np.argsort(rank[rows], kind="stable")].tolist():
        position_id = book.ids[row]
        key = (position_id, *book.tier_limit(row), positions[position_id].effective_leverage)
        found = _TIER.peek(key)
        if found is None:
            found = _tier_limits_passed(*key)
            _TIER.put(key, found)
        out.extend(found)
    return out


_LEVERAGE = attrgetter("effective_leverage")


def _tier_limits_passed(
    position_id: str, basis: float, allowed: float | None, top: float | None, leverage: float | None
) -> list[RiskWarning]:
    """One position's tier warnings: its leverage (None: beyond 10^12) above what the tier
    allows at its notional ``basis``, its notional beyond the table's largest ``top``."""
    out = []
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


# Said once per position and figures: an edit of one position leaves the others' as they were.
_TIER: Remembered[
    tuple[str, float, float | None, float | None, float | None], list[RiskWarning]
] = Remembered(4_096)


def clear_warnings_cache() -> None:
    """Forget the warnings said so far (a benchmark measures them said afresh)."""
    _PAST.clear()
    _TIER.clear()


UNUSUAL_MMR = 0.10  # venues charge more only on their largest tiers


def unusual_entry(rules: str, position: Position, field: str) -> str | None:
    """Why a value the trader typed is far outside the usual, worth asking about once (issue
    15): an MMR override above 10 %, or a leverage above what the venue's tier allows at the
    position's notional (the tier table's ``max_leverage``)."""
    if field == "maintenance_rate":
        rate = position.maintenance_rate
        if rate is not None and rate > UNUSUAL_MMR:
            return say(
                "{id}: an MMR override of {rate} is above {usual}; venues charge that only on "
                "their largest tiers",
                id=position.id,
                rate=f"{rate * 100:g} %",
                usual=f"{UNUSUAL_MMR * 100:g} %",
            )
        return None
    if field != "leverage" or position.maintenance_rate is not None or rules == "generic":
        return None
    try:
        schedule = schedule_for(rules, position)
    except LookupError:
        return None
    price = position.entry_price if schedule.basis == "entry" else position.mark_price
    notional = position.quantity * (price or position.entry_price)
    allowed = schedule.max_leverage(notional)
    if allowed is None or position.leverage <= allowed * (1 + 1e-9):
        return None
    return say(
        "{id}: leverage {leverage} is above the {allowed} {venue} allows for {symbol} at "
        "notional {notional}",
        id=position.id,
        leverage=f"{position.leverage:g}×",
        allowed=f"{allowed:g}×",
        venue=VENUE_NAMES[rules],
        symbol=position.symbol,
        notional=f"{notional:,.0f}",
    )
