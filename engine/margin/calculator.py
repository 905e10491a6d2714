"""The exchange calculator's figures for one position: PnL and ROE at an exit price, the target
price for a ROE or a PnL, the break-even price after fees, average entry, funding (issue 17).

Notation as in formulas.md §0: side ``s`` = +1 long / −1 short, quantity ``Q``, entry ``EP``,
leverage ``L``, taker rate ``f``. Linear (USDT-margined) contracts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from marginlab.engine.margin.fees import trade_fee
from marginlab.engine.margin.figures import bounded_ratio


@dataclass(frozen=True, slots=True)
class Exit:
    """What closing at ``price`` gives: PnL before fees, the two fees, PnL after them, and the
    returns on the margin put in (``roe``, ``net_roe``; None without a margin)."""

    price: float
    pnl: float
    open_fee: float
    close_fee: float
    net_pnl: float
    roe: float | None
    net_roe: float | None


def pnl(sign: int, quantity: float, entry: float, exit_price: float) -> float:
    """PnL of closing at ``exit_price``, ``s · Q · (exit − EP)`` (Binance FAQ "How to Use the
    Binance Futures Calculator": long = (exit − entry) × quantity, short = (entry − exit) ×
    quantity). Fees are not in it. A short closed at its entry gains 0, not −0 (shown
    "-0.00")."""
    return sign * quantity * (exit_price - entry) + 0.0


def roe(gain: float, margin: float) -> float | None:
    """ROE, ``PnL / initial margin`` (Binance FAQ "How to Use the Binance Futures Calculator":
    ROI % = PnL / initial margin). The FAQ's own closed form, ``side × (1 − exit / entry) /
    IMR``, has the wrong sign and the wrong ratio (the Binance developer forum thread on the
    calculator's ROE); we follow the consistent form, ``s · L · (exit / EP − 1)`` when the
    margin is ``Q · EP / L``. None without a margin, or beyond ±10^12 (a margin typed near 0:
    ``figures.bounded_ratio``)."""
    return bounded_ratio(gain / margin) if margin > 0 else None


def exit_at(
    sign: int, quantity: float, entry: float, exit_price: float, margin: float, fee_rate: float
) -> Exit:
    """PnL and ROE of closing at ``exit_price``, before and after a taker fee on the open and on
    the close (``fees.trade_fee``)."""
    gain = pnl(sign, quantity, entry, exit_price)
    opened = trade_fee(quantity, entry, fee_rate)
    closed = trade_fee(quantity, exit_price, fee_rate)
    net = gain - opened - closed
    return Exit(exit_price, gain, opened, closed, net, roe(gain, margin), roe(net, margin))


def target_price_for_roe(sign: int, entry: float, leverage: float, target: float) -> float | None:
    """The exit price at which ROE (on ``Q · EP / L``) is ``target`` (a fraction): Binance FAQ
    "How to Use the Binance Futures Calculator", long ``EP × (ROE / L + 1)``, short
    ``EP × (1 − ROE / L)``; one form, ``EP × (1 + s · ROE / L)``. None when no positive price
    gives it (a short cannot make more than ``L`` × 100 %)."""
    price = entry * (1 + sign * target / leverage)
    return price if price > 0 and math.isfinite(price) else None


def target_price_for_pnl(sign: int, quantity: float, entry: float, target: float) -> float | None:
    """The exit price at which PnL is ``target``: ``EP + s · target / Q`` (the PnL formula
    above, solved for the exit)."""
    price = entry + sign * target / quantity
    return price if price > 0 and math.isfinite(price) else None


def break_even_price(sign: int, entry: float, fee_rate: float) -> float | None:
    """The exit at which PnL pays both taker fees: ``s·Q·(X − EP) = f·Q·EP + f·Q·X``, so
    ``X = EP · (1 + s·f) / (1 − s·f)`` (the PnL formula and Binance FAQ "Trading Fees": fee =
    notional × rate). With no fee it is the entry."""
    price = entry * (1 + sign * fee_rate) / (1 - sign * fee_rate)
    return price if price > 0 and math.isfinite(price) else None


def average_entry(fills: Sequence[tuple[float, float]]) -> float:
    """Average entry of fills ``(price, quantity)`` in one direction, ``Σ q·p / Σ q`` (Bybit
    help "How to Calculate Average Entry Price", USDT perpetual: 1 at 10,000 and 2 at 13,000
    give 12,000)."""
    total = sum(q for _, q in fills)
    if total <= 0:
        raise ValueError("fills: no quantity")
    return sum(p * q for p, q in fills) / total


def funding_payment(
    sign: int, quantity: float, mark: float, rate: float, intervals: float
) -> float:
    """Funding the position pays over ``intervals`` funding intervals (negative: it receives),
    ``s · Q · P · rate`` each (Binance FAQ "Introduction to Binance Futures Funding Rates":
    funding amount = nominal value of positions × funding rate; a positive rate, longs pay
    shorts). The mark is held where it is today."""
    return sign * quantity * mark * rate * intervals
