"""Reports as text: the CLI table, the ``--json`` document and the one-line summaries."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANT_TITLES
from marginlab.engine.margin.report import Report
from marginlab.engine.margin.rules import stale_table_warning
from marginlab.engine.text.numbers import (
    RATIO_DECIMALS,
    amount_decimals,
    money_text,
    percent_text,
    price_or_none_text,
    price_text,
)
from marginlab.engine.text.said import say
from marginlab.engine.text.symbol_summaries import symbol_summaries


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON types; absent figures are ``None``, never NaN."""
    return {
        "scenario": report.scenario_name,
        "rules": {"name": report.rules, "as_of": report.rules_as_of},
        "fees": {
            "taker_rate": report.taker_fee,
            "close_fee_in_liquidation": report.fee_in_liquidation,
        },
        "currency": report.currency,
        "marks": report.marks,
        "at": report.at,
        "variants": {
            name: {
                "positions": {pid: f._asdict() for pid, f in v.positions.items()},
                "account": asdict(v.account),
                "events": [asdict(e) for e in v.events],
                "warnings": [asdict(w) for w in v.warnings],
            }
            for name, v in report.variants.items()
        },
        "summary": summary_lines(report),
        "contract": report.contract,
        **({"usd": report.usd} if report.contract == "inverse" else {}),
    }


def strict_json(data: object) -> str:
    """The CLI's JSON: indented, and refusing NaN or inf rather than writing invalid JSON."""
    return json.dumps(data, indent=1, allow_nan=False)


def report_json(report: Report) -> str:
    return strict_json(report_dict(report))


def margin_ratio_text(ratio: float | None, past_liquidation: bool) -> str:
    """The margin ratio as shown: "0.4 %", or "≥ 100 % (past liquidation)" for a pool whose
    equity today no longer covers its maintenance margin (figures.margin_ratio)."""
    if past_liquidation:
        return say("≥ 100 % (past liquidation)")
    return percent_text(ratio, RATIO_DECIMALS)


def venue_comparison(ours: float | None, venue: float | None) -> str:
    """Our liquidation price beside the venue's own (from an import), and why they may differ."""
    if venue is None:
        return ""
    if ours is None:
        return say(
            "The venue says {price}; by our tables no price liquidates it.",
            price=price_text(venue),
        )
    gap = ours / venue - 1
    shown = round(gap, 4) + 0.0  # no "-0.00 %" for a difference in the 8th digit
    if abs(gap) > 0.002:
        return say(
            "The venue says {price}; ours differs by {gap}. Likely reasons: the bundled table's "
            "date (tiers change), fees or funding the venue takes from the margin, or its "
            "rounding and mark-price convention.",
            price=price_text(venue),
            gap=f"{shown:+.2%}",
        )
    return say(
        "The venue says {price}; ours differs by {gap}.",
        price=price_text(venue),
        gap=f"{shown:+.2%}",
    )


def summary_lines(report: Report) -> list[str]:
    """Per symbol, what each variant loses at most if only that symbol goes against you, from
    today's equity (``max_loss.max_losses``), both directions where both cost something.

    E.g. "If BTCUSDT is wrong: all isolated loses at most 2,000.00 USDT; all cross can lose
    10,000.00 USDT and also closes A."
    """
    return [
        say(
            "If {symbol} is wrong: {phrases}.",
            symbol=summary.symbol,
            phrases="; ".join(cell.sentence for cell in summary.variants.values()),
        )
        for summary in symbol_summaries(report)
    ]


def report_table(report: Report, scenario: Scenario) -> str:
    """A readable table of every variant, for a terminal."""
    cur = report.currency
    places = amount_decimals(report.coin)
    out = [
        f"{report.scenario_name}",
        f"rules {report.rules}"
        + (f" (tables as of {report.rules_as_of})" if report.rules_as_of else "")
        + (
            f"\nwarning: {stale}"
            if (stale := stale_table_warning(report.rules, date.today()))
            else ""
        ),
        f"taker fee {percent_text(report.taker_fee, 3)}"
        + (
            " (counted in the maintenance margin: it moves the liquidation price)"
            if report.fee_in_liquidation
            else " (not in the liquidation price on this venue)"
        ),
        f"wallet {money_text(scenario.account.wallet_balance, cur, coin=report.coin)}"
        + "".join(f"; {s} -> {price_text(p)}" for s, p in report.at.items()),
    ]
    columns = ["id", "symbol", "side", "mode", "init. margin", "maint.", "liq. price", "dist."]
    columns += ["bankruptcy", "max loss", "status"]
    # Each figure's unit under its name (a coin-margined book's margins are in the coin, its
    # prices in USD): the rows are bare numbers, as the window's cards' are.
    prices = report.price_currency
    units = ["", "", "", "", cur, cur, prices, "", prices, cur, ""]
    for name, variant in report.variants.items():
        rows = [columns, units]
        for f in variant.positions.values():
            rows.append(
                [
                    f.id,
                    f.symbol,
                    f.side,
                    f.margin_mode,
                    money_text(f.initial_margin, decimals=places),
                    money_text(f.maintenance_margin, decimals=places),
                    price_or_none_text(f.liquidation_price),
                    percent_text(f.liquidation_distance, signed=True, absent=""),
                    price_or_none_text(f.bankruptcy_price),
                    money_text(f.max_loss, decimals=places),
                    "LIQUIDATED" if f.liquidated else "open",
                ]
            )
        out += ["", f"== {VARIANT_TITLES[name]} ==", *_aligned(rows, text_columns=4)]
        a = variant.account
        out.append(
            f"account: equity {money_text(a.equity, cur, coin=report.coin)} (now "
            f"{money_text(a.equity_now, decimals=places)}; margin put in "
            f"{money_text(a.initial_margin, decimals=places)}); max loss "
            f"{money_text(a.max_loss, cur, coin=report.coin)}; "
            f"margin ratio {margin_ratio_text(a.margin_ratio, bool(a.past_liquidation))}"
        )
        if report.contract == "inverse":
            usd = report.usd[name]
            out.append(
                f"in USD: equity {money_text(usd['equity'], 'USD')} at "
                f"{price_text(usd['price'])} (now {money_text(usd['equity_now'], 'USD')}); "
                f"max loss {money_text(usd['max_loss'], 'USD')} "
                f"{_price_or_zero(usd['worst_price'])} (fewer coins, each worth less)"
            )
        past = set(a.past_liquidation)
        for e in variant.events:
            where = ", ".join(f"{s} {price_text(p)}" for s, p in e.prices.items())
            # Step 0 of a pool past liquidation at today's marks: the move did not close it.
            what = "past liquidation already:" if e.pool in past else "liquidated:"
            at = "" if e.pool in past else f" at {where}"
            out.append(
                f"  {what} {e.pool} ({', '.join(e.position_ids)}){at}; "
                f"lost {money_text(e.lost, cur, coin=report.coin)}"
            )
        out += [f"  warning: {w.message}" for w in variant.warnings]
    out += ["", *summary_lines(report)]
    return "\n".join(out)


def _aligned(rows: list[list[str]], text_columns: int) -> list[str]:
    """Columns as wide as their widest cell, two spaces apart: figures of any size never run
    into each other. The first ``text_columns`` are left-aligned, the figures right-aligned,
    the last column (status) left-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    last = len(widths) - 1
    return [
        "  ".join(
            cell.ljust(widths[i]) if i < text_columns or i == last else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _price_or_zero(price: float) -> str:
    """Where a worst move ends: "at 8,375.00", or "towards 0" (a search's limit, 10^-12)."""
    return "towards 0" if price <= 1e-9 else f"at {price_text(price)}"
