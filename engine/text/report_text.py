"""Reports as text: the CLI table, the ``--json`` document and the one-line summaries."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.report import Report
from marginlab.engine.text.numbers import (
    RATIO_DECIMALS,
    percent_text,
    price_or_none_text,
    price_text,
)

VARIANT_TITLES = {"as_entered": "As entered", "isolated": "All isolated", "cross": "All cross"}


def report_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON types; absent figures are ``None``, never NaN."""
    return {
        "scenario": report.scenario_name,
        "rules": {"name": report.rules, "as_of": report.rules_as_of},
        "currency": report.currency,
        "marks": report.marks,
        "at": report.at,
        "variants": {
            name: {
                "positions": {pid: asdict(f) for pid, f in v.positions.items()},
                "account": asdict(v.account),
                "events": [asdict(e) for e in v.events],
                "warnings": [asdict(w) for w in v.warnings],
            }
            for name, v in report.variants.items()
        },
        "summary": summary_lines(report),
    }


def strict_json(data: object) -> str:
    """The CLI's JSON: indented, and refusing NaN or inf rather than writing invalid JSON."""
    return json.dumps(data, indent=1, allow_nan=False)


def report_json(report: Report) -> str:
    return strict_json(report_dict(report))


def summary_lines(report: Report) -> list[str]:
    """Per symbol, what each variant loses at most if that symbol goes against you.

    E.g. "If BTCUSDT is wrong: all isolated loses at most 2,000.00 USDT; all cross can lose
    10,000.00 USDT and also closes A."
    """
    lines = []
    cur = report.currency
    symbols = dict.fromkeys(f.symbol for f in report.variants["cross"].positions.values())
    for symbol in symbols:
        parts = []
        for name, variant in report.variants.items():
            pools: dict[str, float] = {}
            others: list[str] = []
            for f in variant.positions.values():
                if f.symbol == symbol:
                    pools[f.pool] = f.max_loss
            for f in variant.positions.values():
                if f.symbol != symbol and f.pool in pools:
                    others.append(f.id)
            loss = sum(pools.values())
            verb = "can lose" if any(p == "cross" for p in pools) else "loses at most"
            text = f"{VARIANT_TITLES[name].lower()} {verb} {loss:,.2f} {cur}"
            if others:
                text += f" and also closes {', '.join(others)}"
            parts.append(text)
        lines.append(f"If {symbol} is wrong: " + "; ".join(parts) + ".")
    return lines


def report_table(report: Report, scenario: Scenario) -> str:
    """A readable table of every variant, for a terminal."""
    cur = report.currency
    out = [
        f"{report.scenario_name}",
        f"rules {report.rules}"
        + (f" (tables as of {report.rules_as_of})" if report.rules_as_of else ""),
        f"wallet {scenario.account.wallet_balance:,.2f} {cur}"
        + "".join(f"; {s} -> {price_text(p)}" for s, p in report.at.items()),
    ]
    head = (
        f"{'id':<8}{'symbol':<10}{'side':<6}{'mode':<9}{'init. margin':>14}{'maint.':>11}"
        f"{'liq. price':>14}{'dist.':>10}{'bankruptcy':>14}{'max loss':>14}  status"
    )
    for name, variant in report.variants.items():
        out += ["", f"== {VARIANT_TITLES[name]} ==", head]
        for f in variant.positions.values():
            status = "LIQUIDATED" if f.liquidated else "open"
            out.append(
                f"{f.id:<8.8}{f.symbol:<10.10}{f.side:<6}{f.margin_mode:<9}"
                f"{f.initial_margin:>14,.2f}{f.maintenance_margin:>11,.2f}"
                f"{price_or_none_text(f.liquidation_price):>14}"
                f"{percent_text(f.liquidation_distance, signed=True, absent=''):>10}"
                f"{price_or_none_text(f.bankruptcy_price):>14}{f.max_loss:>14,.2f}  {status}"
            )
        a = variant.account
        out.append(
            f"account: equity {a.equity:,.2f} {cur} (now {a.equity_now:,.2f}); "
            f"max loss {a.max_loss:,.2f} {cur}; "
            f"margin ratio {percent_text(a.margin_ratio, RATIO_DECIMALS)}"
        )
        for e in variant.events:
            where = ", ".join(f"{s} {price_text(p)}" for s, p in e.prices.items())
            out.append(
                f"  liquidated: {e.pool} ({', '.join(e.position_ids)}) at {where}; "
                f"lost {e.lost:,.2f} {cur}"
            )
        out += [f"  warning: {w.message}" for w in variant.warnings]
    out += ["", *summary_lines(report)]
    return "\n".join(out)
