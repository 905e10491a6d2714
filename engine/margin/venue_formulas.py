"""Each venue's published closed form for a liquidation price, in the venue's own terms.

The engine solves one equation for every venue (``solver``: pool equity = maintenance margin,
tier by tier). These closed forms are what the venues publish; the tests use them as the
oracle the solver must agree with, on the venues' worked numbers and on random inputs. None of
them is used to compute a figure on screen. Sources and worked examples: formulas.md §1-§6.
"""

from __future__ import annotations


def binance_usdm_liquidation_price(
    wallet_balance: float,
    side: int,
    quantity: float,
    entry_price: float,
    mmr: float,
    cum: float,
    other_maintenance: float = 0.0,
    other_upnl: float = 0.0,
) -> float:
    """Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts", one-way
    mode: ``LP = (WB − TMM1 + UPNL1 + cum − s·Q·EP) / (Q·MMR − s·Q)``.

    WB: ``crossWalletBalance`` in cross, the position's ``isolatedWalletBalance`` in isolated
    (then TMM1 = UPNL1 = 0). TMM1 / UPNL1: maintenance margin / unrealised PnL of every other
    contract. The tier (MMR, cum) must be the one in force at the answer ("redo the
    calculation with that bracket").
    """
    numerator = (
        wallet_balance - other_maintenance + other_upnl + cum - side * quantity * entry_price
    )
    return numerator / (quantity * mmr - side * quantity)


def bybit_usdt_isolated_liquidation_price(
    side: int,
    quantity: float,
    entry_price: float,
    leverage: float,
    mmr: float,
    deduction: float = 0.0,
    extra_margin: float = 0.0,
) -> float:
    """Bybit help "Liquidation Price (USDT Contract)", isolated:
    ``LP = EP − s·((IM − MM)/Q + ExtraMargin/Q)`` with ``IM = Q·EP/L`` and
    ``MM = Q·EP·MMR − deduction``, both on the ENTRY value (formulas.md §2a). Funding or fees
    taken from the position's margin count as negative extra margin."""
    initial = quantity * entry_price / leverage
    maintenance = quantity * entry_price * mmr - deduction
    return entry_price - side * ((initial - maintenance) / quantity + extra_margin / quantity)


def bybit_usdt_bankruptcy_price(side: int, entry_price: float, leverage: float) -> float:
    """Bybit help "Bankruptcy Price (USDT Contract)": ``BP = EP · (1 − s/L)``."""
    return entry_price * (1 - side / leverage)


def hyperliquid_liquidation_price(
    side: int, price: float, size: float, margin_available: float, max_leverage: float
) -> float:
    """Hyperliquid docs "Liquidations":
    ``liq_price = price − side · margin_available / |size| / (1 − l · side)``, with
    ``l = 1 / (2 · max leverage)`` and ``margin_available`` = account value (cross) or isolated
    margin (isolated), less the maintenance margin required at ``price``."""
    maintenance_leverage = 1.0 / (2.0 * max_leverage)
    return price - side * margin_available / abs(size) / (1 - maintenance_leverage * side)


def dydx_liquidation_price(
    equity: float,
    signed_size: float,
    price: float,
    mmf: float,
    other_maintenance: float = 0.0,
) -> float:
    """dYdX v4 docs "Liquidations": isolated ``p' = (e − s·p) / (|s|·MMF − s)``; cross
    ``p' = (e − s·p − MMR_o) / (|s|·MMF − s)`` with ``s`` the signed size, ``e`` the
    subaccount's equity and ``MMR_o`` the maintenance requirement of every other position."""
    s = signed_size
    return (equity - s * price - other_maintenance) / (abs(s) * mmf - s)


def bitmex_cross_liquidation_price(
    wallet_balance: float, side: int, quantity: float, entry_price: float, maintenance: float
) -> float:
    """BitMEX "Liquidation" page, cross example (20 ETH long at 1,000, wallet 10,000 USDT,
    MM 1 % of entry value = 200 → liquidation 510): ``LP = EP − s·(Wallet − MM)/Q``, the whole
    wallet backing the position and MM fixed on the entry value."""
    return entry_price - side * (wallet_balance - maintenance) / quantity
