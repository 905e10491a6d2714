"""Rebuild resources/rules/*.json from the venues' public tier snapshots (issue 14).

Usage: python packaging/convert_venue_tables.py [VENUE_DATA_FOLDER]
(default: ../shared/reference/venue-data beside the checkout). Re-runnable: the same snapshots
give byte-identical tables. Sources, dates and caveats: that folder's PROVENANCE.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from marginlab.engine.files import venue_tables

ROOT = Path(__file__).parents[1]
RULES = ROOT / "resources" / "rules"

FORMULA = "Binance FAQ 'How to Calculate Liquidation Price of USD-M Futures Contracts'"
TABLES: dict[str, dict[str, Any]] = {
    "binance-usdm": {
        "file": "binance-usdm-leverage-brackets-2026-07-02.json",
        "as_of": "2026-07-02",
        "basis": "mark",
        "source": "Binance GET /fapi/v1/leverageBracket as committed by freqtrade's bot "
        "(freqtrade/exchange/binance_leverage_tiers.json, upstream commit 837a95b8, 2026-07-02). "
        f"Maintenance formula: {FORMULA}.",
        "note": "Floor and cap are notional at mark in USDT; rate is maintMarginRatio; amount is "
        "Binance 'cum'. USDT perpetuals only.",
    },
    "bybit-linear": {
        "file": "bybit-linear-leverage-tiers-2024-12-25.json",
        "as_of": "2024-12-25",
        "basis": "entry",
        "source": "Bybit GET /v5/market/risk-limit (category linear) as cached by freqtrade in "
        "github.com/mohsenjfar/user_data (commit de73dbb8, fetched 2024-12-25). Formula: Bybit "
        "help 'Liquidation Price (USDT Contract)'.",
        "note": "Cap is riskLimitValue (position value in USDT); rate is maintenanceMargin; amount "
        "is mmDeduction; measured on the entry value. PARTIAL: SOL, XRP, SUI, TON, TRX, NEAR, OP "
        "and WIF are missing from the snapshot.",
    },
    "bitget-usdtm": {
        "file": "bitget-usdtm-leverage-tiers-2025-04-04.json",
        "as_of": "2025-04-04",
        "basis": "mark",
        "source": "Bitget GET /api/v2/mix/market/query-position-lever (USDT-FUTURES) as cached by "
        "freqtrade in github.com/dextrorsal/user_data (commit 3482554a, fetched 2025-04-04). "
        "Formula: Bitget support article 12560603841952 (tiered calculation method, each portion "
        "of the position value at its tier's rate plus the 0.06 % close fee).",
        "note": "Rate is keepMarginRate + 0.0006 (the close fee Bitget adds); amount follows from "
        "the tiered method (amount_n = floor_n * (rate_n - rate_n-1) + amount_n-1).",
    },
    "hyperliquid": {
        "file": "hyperliquid-markets-ccxt-2025-09-18.json",
        "as_of": "2025-09-18",
        "basis": "mark",
        "source": "Hyperliquid meta universe (maxLeverage, marginTableId) as cached by passivbot "
        "in github.com/pietroalbano1967/AI-PASSIVBOT-BINANCE (commit ef544858, 2025-09-18); tiered "
        "tables 51-56 from the docs page 'Margin tiers'. Formula: Hyperliquid docs "
        "'Liquidations' and 'Margin tiers'.",
        "note": "Symbols are Hyperliquid coin names (BTC, kPEPE); rate = 1 / (2 * max leverage of "
        "the tier). Active perps only.",
    },
}


def convert(folder: Path, rules: str) -> dict[str, Any]:
    meta = TABLES[rules]
    raw = json.loads((folder / meta["file"]).read_text("utf-8"))
    if rules == "binance-usdm":
        symbols = venue_tables.binance_usdm(raw)
    elif rules == "bybit-linear":
        symbols = venue_tables.bybit_linear(raw["data"])
    elif rules == "bitget-usdtm":
        symbols = venue_tables.bitget_usdtm(raw["data"])
    else:
        docs = json.loads((folder / "hyperliquid-margin-tables-docs-undated.json").read_text())
        symbols = venue_tables.hyperliquid(raw, docs)
    header = {k: v for k, v in meta.items() if k != "file"}
    return {"rules": rules, **header, "symbols": dict(sorted(symbols.items()))}


def write(table: dict[str, Any], target: Path) -> None:
    """One symbol per line: small to ship, quick to parse, readable in a diff."""
    symbols = table["symbols"]
    head = {k: v for k, v in table.items() if k != "symbols"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "symbols": {']
    rows = [f"{json.dumps(s)}: {json.dumps(tiers)}" for s, tiers in symbols.items()]
    lines.append(",\n".join(rows))
    lines.append("}}")
    target.write_text("\n".join(lines) + "\n", "utf-8")


OKX_CONTRACTS = "okx-swap-instruments-ctval-2025-09-18.json"


def okx_contracts(folder: Path) -> dict[str, Any]:
    """OKX USDT swaps' contract values (base units per contract), to read OKX position
    answers, whose sizes are in contracts (OKX API v5 "Get instruments": ctVal)."""
    raw = json.loads((folder / OKX_CONTRACTS).read_text("utf-8"))
    values = {
        m["info"]["instId"]: float(m["info"]["ctVal"]) * float(m["info"].get("ctMult") or 1)
        for m in raw.values()
        if m.get("type") == "swap" and m.get("settle") == "USDT"
    }
    return {
        "as_of": "2025-09-18",
        "source": "OKX GET /api/v5/public/instruments (SWAP) as cached by passivbot in "
        "github.com/pietroalbano1967/AI-PASSIVBOT-BINANCE (commit ef544858); ctVal x ctMult.",
        "contract_value": dict(sorted(values.items())),
    }


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/reference/venue-data"
    for rules in TABLES:
        table = convert(folder, rules)
        write(table, RULES / f"{rules}.json")
        print(f"{rules}: {len(table['symbols'])} symbols as of {table['as_of']}")
    contracts = okx_contracts(folder)
    (RULES / "okx-contracts.json").write_text(json.dumps(contracts, indent=0) + "\n", "utf-8")
    print(f"okx contracts: {len(contracts['contract_value'])} swaps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
