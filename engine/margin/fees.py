"""Trading fees: the taker rate each rule set charges, and where a venue counts the fee to close
inside its maintenance margin (issue 17; formulas.md §9).

Every venue charges ``fee = notional × rate`` on each fill (Binance FAQ "Trading Fees":
commission = notional value × fee rate; Bybit help "Trading Fee Structure"; Phemex
"Order Cost (USDT Contract)": fee to open = Q × order price × taker, fee to close = Q ×
bankruptcy price × taker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marginlab.engine.margin.models import Position, Scenario

# The base (non-VIP) taker rate of each venue's perpetuals, as its fee schedule listed it:
# Binance USDⓈ-M regular user 0.0500 %; Bybit perpetual non-VIP 0.055 %; Bitget USDT-M
# futures 0.06 %; Hyperliquid tier 0 (under 5 M 14-day volume) 0.045 %. Editable per file.
BASE_TAKER_RATES = {
    "binance-usdm": 0.0005,
    "bybit-linear": 0.00055,
    "bitget-usdtm": 0.0006,
    "hyperliquid": 0.00045,
    "generic": 0.0,
}
MAX_TAKER_RATE = 0.01  # 1 %: ten times any venue's base rate; beyond is a typing slip

# Venues whose maintenance margin holds the estimated fee to close, valued at the bankruptcy
# price, so it moves the liquidation price (formulas.md §2a, Bybit help "Liquidation Price
# (USDT Contract)", Unified Trading Account text updated 2026-05-27: "Maintenance Margin =
# Position Value × MMR − Deduction + Estimated fee to close"). Binance and Hyperliquid leave it
# out (formulas.md §9); no Bitget formula was found, so Bitget's is shown beside it, not in it.
CLOSE_FEE_IN_MAINTENANCE = frozenset({"bybit-linear"})


def taker_rate(scenario: Scenario) -> float:
    """The file's taker rate, else the venue's base rate (``BASE_TAKER_RATES``)."""
    if scenario.taker_fee is not None:
        return scenario.taker_fee
    return BASE_TAKER_RATES[scenario.rules]


def trade_fee(quantity: float, price: float, rate: float) -> float:
    """Fee of one fill, ``Q × P × rate`` (Binance FAQ "Trading Fees")."""
    return quantity * price * rate


def own_bankruptcy_price(position: Position) -> float:
    """Where the position's own initial margin is gone, ``EP × (1 − s / L)`` (Bybit "Bankruptcy
    Price (USDT Contract)": long ``EP × (1 − IMR)``, short ``EP × (1 + IMR)``, IMR = 1/L)."""
    return position.entry_price * (1 - position.sign / position.leverage)


def close_fee(position: Position, rate: float) -> float:
    """Estimated fee to close at the bankruptcy price, ``Q × BP × taker`` (Bybit UTA "Initial
    Margin … + Estimated Fee to Close Position"; Phemex "Order Cost": fee to close = Q ×
    bankruptcy price × taker)."""
    return trade_fee(position.quantity, own_bankruptcy_price(position), rate)


def maintenance_fee(rules: str, position: Position, rate: float) -> float:
    """What the venue adds to the position's maintenance margin for the fee to close: the
    estimated close fee where it counts it (``CLOSE_FEE_IN_MAINTENANCE``), else 0."""
    return close_fee(position, rate) if rules in CLOSE_FEE_IN_MAINTENANCE and rate else 0.0
