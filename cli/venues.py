"""``marginlab-cli import`` and ``tables list``: a venue's own files in, tables out."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from marginlab.engine.files.scenario_io import dump_scenario, save_scenario
from marginlab.engine.files.tier_import import import_tier_table
from marginlab.engine.files.venue_import import VenueFileError, read_venue_file, to_scenario
from marginlab.engine.margin.rules import (
    RULE_SETS,
    SETTLEMENT,
    VENUE_NAMES,
    covering_rules,
    rule_table,
    stale_table_warning,
    symbol_table_info,
    table_info,
    table_symbol,
)
from marginlab.engine.text.numbers import parse_number


def run_import(args: argparse.Namespace) -> str:
    problems = []
    wallet = None
    if args.wallet is not None:
        wallet = parse_number(args.wallet)
        if wallet is None or wallet < 0:
            problems.append(f"--wallet {args.wallet}: must be a number of at least 0")
    rates: dict[str, float] = {}
    for item in args.mmr:
        symbol, _, text = item.partition("=")
        rate = parse_number(text) if text else None
        if not symbol or rate is None or not 0 <= rate < 1:
            problems.append(f"--mmr {item}: expected SYMBOL=RATE with a rate from 0 to 1")
        else:
            rates[symbol] = rate
    if problems:
        raise VenueFileError(problems)
    scenario = to_scenario(read_venue_file(args.file), wallet, rates, args.rules)
    if args.output:
        save_scenario(scenario, Path(args.output))
        return f"wrote {_count(len(scenario.positions), 'position')} to {args.output}"
    return dump_scenario(scenario).rstrip("\n")


def run_tables(args: argparse.Namespace) -> str:
    if args.tables_command == "import":
        rules, count, target = import_tier_table(args.file)
        return f"{rules}: {_count(count, 'symbol')} imported to {target}; they now take precedence"
    today = date.today()
    if args.symbol is None:
        lines = []
        for rules in RULE_SETS:
            info = table_info(rules)
            count = len(rule_table(rules)["symbols"]) if rules != "generic" else 0
            line = f"{rules:<13} {VENUE_NAMES[rules]}: "
            line += f"{_count(count, 'symbol')}, as of {info['as_of']}" if count else info["source"]
            warning = stale_table_warning(rules, today)
            lines.append(line + (" (older than six months)" if warning else ""))
        return "\n".join(lines)
    covering = covering_rules(args.symbol)
    if not covering:
        raise VenueFileError(
            [f"{args.symbol}: no bundled table covers it; give its rate with --mmr"]
        )
    lines = []
    for rules in covering:
        key = table_symbol(rules, args.symbol)
        tiers = rule_table(rules)["symbols"][key]
        info = symbol_table_info(rules, args.symbol)
        # Notionals and amounts in the rule set's settlement currency (they were bare).
        unit = SETTLEMENT.get(rules, "")
        lines.append(f"{rules} ({key}, as of {info['as_of']}; {info['source'][:60]}…):")
        lines.append(f"  {'notional from':>16}   {'to (' + unit + ')':>18}")
        lines += [
            f"  {t['floor']:>16,.0f} - {t['cap']:>18,.0f}  MMR {t['rate'] * 100:.3f} %  "
            f"amount {t['amount']:,.2f} {unit}  max {t['max_leverage']:g}x"
            for t in tiers
        ]
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """ "1 position", "2 positions", "1,204 symbols": it read "wrote 1 positions"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
