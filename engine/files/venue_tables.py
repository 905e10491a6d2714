"""Venue tier tables → the rule sets' bundled tables (``resources/rules/*.json``).

Each converter reads a venue's own answer (as ccxt and freqtrade store it; shapes in
``shared/reference/venue-data/PROVENANCE.md``) and returns ``{symbol: [tier, ...]}`` with the
venue's own symbol names and tiers ``{floor, cap, rate, amount, max_leverage}``: ``MM = notional
· rate − amount`` in the tier whose floor is the largest not above the notional. Where a venue
gives no maintenance amount, it follows from the recurrence Binance and Bybit publish,
``amount_n = floor_n · (rate_n − rate_{n−1}) + amount_{n−1}``, which is the same as charging each
portion of the position value at its own tier's rate (Bitget's "tiered calculation method",
support article 12560603841952; Hyperliquid docs "Margin tiers").

``packaging/convert_venue_tables.py`` runs these over the snapshots and writes the tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marginlab.engine.text.said import say

Tier = dict[str, float]

# Bitget adds the taker fee to close to every tier's rate ("Maintenance margin = 200,000 ×
# (0.40 % + 0.06 %) + …; 0.06 % represents the transaction fee rate", support article
# 12560603841952, in force for positions opened after 2025-11-10).
BITGET_CLOSE_FEE_RATE = 0.0006


def _number(value: Any) -> float:
    return 0.0 if value in ("", None) else float(value)


def _usdt_perpetual(ccxt_symbol: str) -> str | None:
    """``BTC/USDT:USDT`` → ``BTCUSDT``; None for other settlements and dated futures."""
    base, _, rest = ccxt_symbol.partition("/")
    quote, _, settle = rest.partition(":")
    if quote != "USDT" or settle != "USDT":
        return None
    return f"{base}{quote}"


def with_amounts(rows: Iterable[tuple[float, float, float, float]]) -> list[Tier]:
    """Tiers from ``(floor, cap, rate, max_leverage)`` rows, amounts by the recurrence."""
    tiers: list[Tier] = []
    for floor, cap, rate, leverage in sorted(rows):
        before = tiers[-1] if tiers else {"rate": rate, "amount": 0.0}
        amount = floor * (rate - before["rate"]) + before["amount"] if tiers else 0.0
        tiers.append(
            {"floor": floor, "cap": cap, "rate": rate, "amount": amount, "max_leverage": leverage}
        )
    return tiers


def binance_usdm(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[Tier]]:
    """Binance ``GET /fapi/v1/leverageBracket`` rows (ccxt ``fetchLeverageTiers``): the
    venue's own ``cum`` is the amount."""
    out: dict[str, list[Tier]] = {}
    for ccxt_symbol, rows in data.items():
        symbol = _usdt_perpetual(ccxt_symbol)
        if symbol is None:
            continue
        out[symbol] = [
            {
                "floor": _number(r["info"]["notionalFloor"]),
                "cap": _number(r["info"]["notionalCap"]),
                "rate": _number(r["info"]["maintMarginRatio"]),
                "amount": _number(r["info"]["cum"]),
                "max_leverage": _number(r["info"]["initialLeverage"]),
            }
            for r in sorted(rows, key=lambda r: _number(r["info"]["notionalFloor"]))
        ]
    return out


def bybit_linear(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[Tier]]:
    """Bybit ``GET /v5/market/risk-limit`` rows: ``riskLimitValue`` caps each tier, the floor
    is the tier before's cap, ``mmDeduction`` the amount ("" on the lowest tier is 0)."""
    out: dict[str, list[Tier]] = {}
    for ccxt_symbol, rows in data.items():
        symbol = rows[0]["info"]["symbol"] if rows else None
        if _usdt_perpetual(ccxt_symbol) is None or not symbol:
            continue
        tiers: list[Tier] = []
        for r in sorted(rows, key=lambda r: _number(r["info"]["riskLimitValue"])):
            info = r["info"]
            tiers.append(
                {
                    "floor": tiers[-1]["cap"] if tiers else 0.0,
                    "cap": _number(info["riskLimitValue"]),
                    "rate": _number(info["maintenanceMargin"]),
                    "amount": _number(info["mmDeduction"]),
                    "max_leverage": _number(info["maxLeverage"]),
                }
            )
        out[symbol] = tiers
    return out


def bitget_usdtm(data: dict[str, list[dict[str, Any]]]) -> dict[str, list[Tier]]:
    """Bitget ``GET /api/v2/mix/market/query-position-lever`` rows: ``startUnit``/``endUnit``
    bound each tier, ``keepMarginRate`` plus the close fee is its rate; no amount is given, so
    it follows from the recurrence (the tiered method)."""
    out: dict[str, list[Tier]] = {}
    for ccxt_symbol, rows in data.items():
        symbol = _usdt_perpetual(ccxt_symbol)
        if symbol is None:
            continue
        out[symbol] = with_amounts(
            (
                _number(r["info"]["startUnit"]),
                _number(r["info"]["endUnit"]),
                _number(r["info"]["keepMarginRate"]) + BITGET_CLOSE_FEE_RATE,
                _number(r["info"]["leverage"]),
            )
            for r in rows
        )
    return out


def hyperliquid(
    markets: dict[str, dict[str, Any]], margin_tables: dict[str, Any]
) -> dict[str, list[Tier]]:
    """Hyperliquid perps (``meta`` universe: ``name``, ``maxLeverage``, ``marginTableId``):
    a table id below 50 is one tier at the asset's max leverage; the tiered tables come from
    the docs' "Margin tiers" page. Rate = 1 / (2 · max leverage of the tier)."""
    tables = {int(t["marginTableId_inferred"]): t["marginTiers"] for t in margin_tables["mainnet"]}
    out: dict[str, list[Tier]] = {}
    for market in markets.values():
        info = market.get("info") or {}
        if not market.get("swap") or str(info.get("isDelisted", "")).lower() == "true":
            continue
        name, leverage = info.get("name"), _number(info.get("maxLeverage"))
        if not name or leverage <= 0:
            continue
        table_id = int(_number(info.get("marginTableId")))
        tiers = tables.get(table_id) if table_id >= 50 else None
        bounds = [(_number(t["lowerBound"]), _number(t["maxLeverage"])) for t in tiers or []]
        bounds = bounds or [(0.0, leverage)]
        caps = [b[0] for b in bounds[1:]] + [1e15]
        out[name] = with_amounts(
            (floor, cap, 1 / (2 * lev), lev) for (floor, lev), cap in zip(bounds, caps, strict=True)
        )
    return out


# --- tier tables imported from the venues' own answers (per-user, over the bundled ones) -----


def _binance_raw(document: Any) -> dict[str, list[Tier]]:
    """Binance ``GET /fapi/v1/leverageBracket``: ``[{symbol, brackets: [...]}]`` or one."""
    items = document if isinstance(document, list) else [document]
    return {
        str(item["symbol"]): [
            {
                "floor": _number(b["notionalFloor"]),
                "cap": _number(b["notionalCap"]),
                "rate": _number(b["maintMarginRatio"]),
                "amount": _number(b["cum"]),
                "max_leverage": _number(b["initialLeverage"]),
            }
            for b in sorted(item["brackets"], key=lambda b: _number(b["notionalFloor"]))
        ]
        for item in items
    }


def _bybit_raw(document: Any) -> dict[str, list[Tier]]:
    """Bybit ``GET /v5/market/risk-limit``: rows grouped by symbol."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in document["result"]["list"]:
        grouped.setdefault(str(row["symbol"]), []).append({"info": row})
    return {
        symbol: bybit_linear({f"{symbol}/USDT:USDT": rows})[symbol]
        for symbol, rows in grouped.items()
        if symbol.endswith("USDT")
    }


def _hyperliquid_meta(document: Any) -> dict[str, list[Tier]]:
    """Hyperliquid ``meta``: ``universe`` and ``marginTables`` ([[id, {marginTiers}]])."""
    tables = {
        "mainnet": [
            {"marginTableId_inferred": int(entry[0]), "marginTiers": entry[1]["marginTiers"]}
            for entry in document.get("marginTables", [])
        ]
    }
    markets = {
        str(u["name"]): {"swap": True, "info": u}
        for u in document["universe"]
        if isinstance(u, dict) and "name" in u
    }
    return hyperliquid(markets, tables)


def _ccxt(document: dict[str, Any]) -> tuple[str, dict[str, list[Tier]]]:
    """ccxt ``fetch_leverage_tiers``: the venue is told by the raw rows' fields."""
    data = document.get("data", document)
    sample: dict[str, Any] = next((rows[0].get("info", {}) for rows in data.values() if rows), {})
    if "cum" in sample:
        return "binance-usdm", binance_usdm(data)
    if "riskLimitValue" in sample:
        return "bybit-linear", bybit_linear(data)
    if "keepMarginRate" in sample:
        return "bitget-usdtm", bitget_usdtm(data)
    raise ValueError(say("ccxt tiers of a venue Margin Lab has no rule set for"))


def read_tier_answer(document: Any) -> tuple[str, dict[str, list[Tier]]]:
    """The rule set and tiers of a venue's tier answer; ``ValueError`` when it is none that
    Margin Lab knows (Binance leverageBracket, Bybit risk-limit, Hyperliquid meta, ccxt
    fetch_leverage_tiers)."""
    if isinstance(document, dict) and "universe" in document:
        return "hyperliquid", _hyperliquid_meta(document)
    if isinstance(document, dict) and isinstance(document.get("result"), dict):
        return "bybit-linear", _bybit_raw(document)
    if isinstance(document, list) or (isinstance(document, dict) and "brackets" in document):
        return "binance-usdm", _binance_raw(document)
    if isinstance(document, dict) and all(
        isinstance(v, list) for v in document.get("data", document).values()
    ):
        return _ccxt(document)
    raise ValueError(
        say(
            "not a tier answer Margin Lab knows (Binance leverageBracket, Bybit risk-limit, "
            "Hyperliquid meta, ccxt fetch_leverage_tiers)"
        )
    )
