"""Collateral pools: how each variant groups positions (DESIGN §1, "Three variants").

A pool is a sum of money (``cash``) and the positions it backs. It is liquidated as a whole when
``cash + Σ upnl <= Σ MM``; its owner then loses all of it. An isolated position is a pool of one
with its margin; the cross pool is the wallet less every isolated margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from engine.models import Position, Scenario
from engine.rules import Schedule, schedule_for

Variant = Literal["as_entered", "isolated", "cross"]
VARIANTS: tuple[Variant, ...] = ("as_entered", "isolated", "cross")
PoolKind = Literal["isolated", "cross", "free"]


@dataclass(frozen=True, slots=True)
class Leg:
    """One position inside a pool, with what the formulas need."""

    position_id: str
    symbol: str
    sign: int
    quantity: float
    entry_price: float
    mark: float
    schedule: Schedule
    entry_maintenance: float

    def upnl(self, price: float) -> float:
        """Linear contract PnL ``UPNL = s * Q * (P - EP)`` (formulas.md §0)."""
        return self.sign * self.quantity * (price - self.entry_price)

    def maintenance(self, price: float) -> float:
        """MM at ``price``; on an entry-value basis (Bybit, BitMEX) the mark plays no part."""
        if self.schedule.basis == "entry":
            return self.entry_maintenance
        return self.schedule.maintenance(self.quantity * price)

    def tier_rate(self) -> float:
        """MMR of the tier in force at the mark (at the entry value on an entry basis)."""
        basis = self.entry_price if self.schedule.basis == "entry" else self.mark
        return self.schedule.rates[self.schedule.tier_index(self.quantity * basis)]


@dataclass(frozen=True, slots=True)
class Pool:
    """Collateral and the legs it backs. ``free`` pools hold no positions and never liquidate."""

    name: str
    kind: PoolKind
    cash: float
    legs: tuple[Leg, ...]

    def equity(self, prices: dict[str, float]) -> float:
        return self.cash + sum(leg.upnl(prices[leg.symbol]) for leg in self.legs)

    def maintenance(self, prices: dict[str, float]) -> float:
        return sum(leg.maintenance(prices[leg.symbol]) for leg in self.legs)


@lru_cache(maxsize=4096)
def _schedule(rules: str, position: Position) -> Schedule:
    return schedule_for(rules, position)


def make_leg(rules: str, position: Position, mark: float) -> Leg:
    schedule = _schedule(rules, position)
    return Leg(
        position.id,
        position.symbol,
        position.sign,
        position.quantity,
        position.entry_price,
        mark,
        schedule,
        schedule.maintenance(position.entry_notional),
    )


def mode_in(variant: Variant, position: Position) -> Literal["isolated", "cross"]:
    """The margin mode ``position`` has in ``variant``."""
    if variant == "as_entered":
        return position.margin_mode
    return variant


def build_pools(scenario: Scenario, variant: Variant) -> tuple[Pool, ...]:
    """The pools of ``variant``: isolated pools first, then the cross (or free) pool last."""
    pools: list[Pool] = []
    cross_legs: list[Leg] = []
    isolated_total = 0.0
    marks = scenario.marks()
    for position in scenario.positions:
        leg = make_leg(scenario.rules, position, marks[position.symbol])
        if mode_in(variant, position) == "isolated":
            margin = position.isolated_margin
            isolated_total += margin
            pools.append(Pool(f"isolated {position.id}", "isolated", margin, (leg,)))
        else:
            cross_legs.append(leg)
    rest = scenario.account.wallet_balance - isolated_total
    if cross_legs:
        pools.append(Pool("cross", "cross", rest, tuple(cross_legs)))
    else:
        pools.append(Pool("free balance", "free", rest, ()))
    return tuple(pools)
