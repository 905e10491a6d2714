"""Every figure the app shows, one named function each, with its source (docs/figures.md).

Notation as in formulas.md §0: side ``s`` = +1 long / −1 short, quantity ``Q``, entry ``EP``,
mark ``P``. A pool is an isolated position with its margin, or the cross pool (DESIGN §1).
"""

from __future__ import annotations

import math

from marginlab.engine.margin.models import Position
from marginlab.engine.margin.pools import Leg, Pool
from marginlab.engine.margin.solver import bankruptcy_t, crossings, nearest

MAX_RATIO = 1e12


def bounded_ratio(value: float) -> float | None:
    """A ratio as shown (margin ratio, leverage, distance to liquidation), or None beyond
    ±10^12: only a figure typed near 0 gets there (an equity, a margin, a mark), no reader can
    use it, and as a percentage it would no longer fit in a float."""
    return value if math.isfinite(value) and abs(value) <= MAX_RATIO else None


def finite_or_none(value: float | None) -> float | None:
    """A figure that overflowed (e.g. a ratio over a near-zero equity) is shown as absent."""
    return value if value is not None and math.isfinite(value) else None


def notional(leg: Leg) -> float:
    """Position value at the mark, ``Q · P`` (Binance "Notional Value")."""
    return leg.quantity * leg.mark


def initial_margin(position: Position, mode: str) -> float:
    """Margin put in: isolated, the margin given (default ``Q · EP / leverage``); cross,
    ``Q · EP / leverage`` (Binance FAQ "initial margin = notional / leverage"; DESIGN §2)."""
    return position.isolated_margin if mode == "isolated" else position.cross_initial_margin


def effective_leverage(position: Position, initial: float) -> float | None:
    """Entry notional over the margin put in, ``Q · EP / IM`` (DESIGN §2: an explicit margin
    makes the leverage shown differ from the one typed)."""
    if initial <= 0:
        # A notional typed near 0 rounds its default margin to 0 as well: their ratio is the
        # leverage itself.
        return float(position.leverage)
    return bounded_ratio(position.entry_notional / initial)


def maintenance_margin(leg: Leg) -> float:
    """MM at today's mark: ``Q · P · MMR_tier − cum_tier`` (Binance FAQ "Leverage and Margin";
    Bybit "Maintenance Margin", on entry value; Hyperliquid ``value / (2 · max leverage)``)."""
    return leg.maintenance(leg.mark)


def maintenance_rate(leg: Leg) -> float:
    """MMR of the tier in force at the mark (at the entry value on an entry basis)."""
    return leg.tier_rate()


def liquidation_price(pool: Pool, symbol: str, mark: float) -> float | None:
    """The mark of ``symbol`` at which the pool's equity equals its maintenance margin, every
    other symbol at its mark (Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M
    Futures Contracts", ``LP = (WB − TMM1 + UPNL1 + cum − s·Q·EP) / (Q·MMR − s·Q)``, solved
    tier by tier in ``solver``). The nearer of the two thresholds; None when no positive
    price liquidates the pool. All legs of one symbol in a pool (a hedge) share it."""
    t = nearest(crossings(pool, {symbol: 1.0}))
    return None if t is None or mark + t <= 0 else finite_or_none(mark + t)


def bankruptcy_price(pool: Pool, symbol: str, mark: float) -> float | None:
    """The mark of ``symbol`` at which the pool's equity is 0 (Bybit "Bankruptcy Price (USDT
    Contract)": ``EP · (1 − 1/L)`` for a fresh isolated long; formulas.md §0)."""
    t = bankruptcy_t(pool, {symbol: 1.0})
    return None if t is None or mark + t <= 0 else finite_or_none(mark + t)


def liquidation_distance(liquidation: float | None, mark: float) -> float | None:
    """How far the mark must move to liquidate, as a fraction: ``LP / P − 1``."""
    return None if liquidation is None else bounded_ratio(liquidation / mark - 1)


def margin_ratio(maintenance: float, equity: float) -> float | None:
    """``Maintenance Margin / Margin Balance`` (Binance "Futures Liquidation Protocols": a
    position is liquidated when it reaches 100 %). None when the equity is not positive."""
    return bounded_ratio(maintenance / equity) if equity > 0 else None


def pool_loss_boundary(pool: Pool) -> float:
    """What a liquidation takes: the whole pool (DESIGN §1, "Loss boundary")."""
    return max(pool.cash, 0.0)
