"""``marginlab-cli replay`` and ``marginlab-cli risk``: paths and Monte Carlo from the shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marginlab.cli.accounts import load_account
from marginlab.engine.margin.pools import VARIANT_TITLES
from marginlab.engine.paths.defaults import (
    DEFAULT_STEPS,
    MAX_SEED,
    PERCENTILES,
)
from marginlab.engine.paths.montecarlo import (
    GBM,
    Bootstrap,
    Risk,
    parse_volatilities,
    run_problems,
    simulate,
    uniform_correlation,
)
from marginlab.engine.paths.replay import PricePath, Replay, replay
from marginlab.engine.paths.sources import SHAPES, builtin_path, csv_path
from marginlab.engine.text.moves import held_or_typed
from marginlab.engine.text.numbers import amount_text, compact_amount_text, price_text
from marginlab.engine.text.report_text import strict_json
from marginlab.engine.text.risk_text import duration_text, odds_text, parameters_text

HORIZON_UNITS = {"m": 1 / 525_600, "h": 1 / 8_760, "d": 1 / 365, "w": 7 / 365, "y": 1.0}


class PathUsageError(ValueError):
    pass


def _files(items: list[str], held: list[str]) -> dict[str, Path]:
    out = {}
    for item in items:
        named, sep, file = item.partition("=")
        symbol = held_or_typed(named, held)
        if not sep or not symbol or not file:
            raise PathUsageError(f"{item}: expected SYMBOL=FILE.csv")
        if file in SHAPES and not Path(file).exists():  # "BTCUSDT=flash-crash"
            raise PathUsageError(
                f"--path {item}: {file} is a built-in path, given alone: "
                f"--path {file} --symbol {symbol}"
            )
        out[symbol] = Path(file)
    return out


def _path(args: argparse.Namespace, marks: dict[str, float]) -> PricePath:
    builtin = [p for p in args.path if "=" not in p]
    if builtin and len(args.path) > 1:
        raise PathUsageError("--path: one built-in path, or one or more SYMBOL=FILE.csv")
    if builtin:
        symbols = [held_or_typed(s, list(marks)) for s in args.symbol] or list(marks)
        unknown = [s for s in symbols if s not in marks]
        if unknown:
            raise PathUsageError(f"--symbol {unknown[0]}: not in the scenario ({', '.join(marks)})")
        depth = None if args.depth is None else args.depth / 100
        return builtin_path(builtin[0], marks, symbols, depth, args.steps)
    return csv_path(_files(args.path, list(marks)))


def run_replay(args: argparse.Namespace) -> str:
    scenario = load_account(args.file, args.account)
    result = replay(scenario, _path(args, scenario.marks()))
    currency = scenario.account.currency
    if args.json:
        return strict_json(replay_dict(result))
    return replay_text(result, currency, scenario.coin_margined)


def replay_dict(result: Replay) -> dict[str, Any]:
    return {
        "path": result.path,
        "steps": int(result.time.size),
        "start_equity": result.start_equity,
        "end_equity": {v: float(e[-1]) for v, e in result.equity.items()},
        # The lowest within any candle (a wick the close recovers from included), and at
        # the closes.
        "min_equity": {v: float(e.min()) for v, e in result.lowest.items()},
        "min_close_equity": {v: float(e.min()) for v, e in result.equity.items()},
        "events": [
            {
                "variant": e.variant,
                "step": e.step,
                "time_s": e.time,
                "pool": e.pool,
                "positions": list(e.position_ids),
                "prices": e.prices,
                "lost": e.lost,
                "gap": e.gap,
                "past_liquidation": e.past,
            }
            for e in result.events
        ],
    }


def replay_text(result: Replay, currency: str, coin: bool = False) -> str:
    """The replay for a terminal; amounts in ``currency``, to 8 decimals for a coin."""
    lines = [
        f"path {result.path}: {result.time.size} candles; start equity "
        f"{amount_text(result.start_equity, coin)} {currency}"
    ]
    for v, e in result.equity.items():
        lines.append(
            f"{VARIANT_TITLES[v]:<13} ends {amount_text(float(e[-1]), coin):>14} {currency} "
            f"(lowest {amount_text(float(result.lowest[v].min()), coin)}, wicks included)"
        )
    for ev in result.events:
        where = ", ".join(f"{s} {price_text(p)}" for s, p in ev.prices.items())
        gap = " (gap: opened beyond it)" if ev.gap else ""
        what = (
            "past liquidation before the path starts" if ev.past else f"liquidated at {where}{gap}"
        )
        lines.append(
            f"  candle {ev.step}: {VARIANT_TITLES[ev.variant].lower()}: {ev.pool} "
            f"({', '.join(ev.position_ids)}) {what}; lost {amount_text(ev.lost, coin)} {currency}"
        )
    if not result.events:
        lines.append("  no liquidation on this path")
    return "\n".join(lines)


def _progress() -> Callable[[int, int], None] | None:
    """Progress on a terminal's stderr ("simulating 45 %"); nothing when it is piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\rmarginlab-cli: simulating {done / total:4.0%}", end=end, file=sys.stderr)

    return show


def horizon_years(text: str) -> float:
    unit = text[-1:].lower()
    try:
        amount = float(text[:-1])
    except ValueError:
        amount = -1
    if unit not in HORIZON_UNITS or not 0 < amount < 1e6:
        raise PathUsageError(f"--horizon {text}: expected a number and a unit (m, h, d, w, y)")
    return amount * HORIZON_UNITS[unit]


def run_risk(args: argparse.Namespace) -> str:
    scenario = load_account(args.file, args.account)
    symbols = scenario.symbols()
    years = horizon_years(args.horizon)
    if args.steps is not None and args.steps < 1:
        raise PathUsageError("--steps: must be at least 1")
    model: GBM | Bootstrap
    if args.bootstrap:
        if args.steps is not None:
            raise PathUsageError("--steps: a bootstrap steps one candle at a time; set --horizon")
        if args.block < 1:
            raise PathUsageError(f"--block {args.block}: must be at least 1 candle")
        model = Bootstrap(csv_path(_files(args.bootstrap, symbols)), args.block)
        try:
            steps = model.steps_for(years)
        except ValueError as error:
            raise PathUsageError(f"--{error}") from None
        step_years = model.step_years
    else:
        steps = DEFAULT_STEPS if args.steps is None else args.steps
        step_years = years / steps
        try:
            vols = parse_volatilities(" ".join(args.vol), symbols)
        except ValueError as error:
            raise PathUsageError(f"--vol {error}") from None
        if not -1 < args.corr < 1:
            raise PathUsageError("--corr: must be between -1 and 1")
        model = GBM(vols, uniform_correlation(len(symbols), args.corr))
    if not 0 <= args.seed <= MAX_SEED:  # here: "1e30" read back as 1000000000000000019884624838656
        raise PathUsageError(f"--seed: must be a whole number from 0 to {MAX_SEED:,}")
    too_much = run_problems(args.paths, steps, len(symbols))
    if too_much:
        raise PathUsageError("\n".join(too_much))
    risk = simulate(scenario, model, args.paths, steps, step_years, args.seed, progress=_progress())
    currency = scenario.account.currency
    limit = scenario.account.max_acceptable_loss
    if args.json:
        return strict_json(risk_dict(risk))
    return risk_text(risk, currency, limit, scenario.coin_margined)


def risk_dict(risk: Risk) -> dict[str, Any]:
    return {
        "model": risk.model,
        "paths": risk.paths,
        "steps": risk.steps,
        "step_years": risk.step_years,
        "seed": risk.seed,
        "parameters": risk.parameters,
        "start_equity": risk.start_equity,
        "variants": {
            v: {
                "liquidation_probability": r.liquidation_probability,
                "standard_error": r.standard_error,
                "excess_loss_probability": r.excess_loss_probability,
                "end_equity_percentiles": {str(q): x for q, x in r.end_equity_percentiles.items()},
                "expected_shortfall_95": r.expected_shortfall_95,
                "median_steps_to_first_liquidation": r.median_steps_to_first_liquidation,
                "paths_with_liquidation": r.paths_with_liquidation,
                "past_liquidation": list(r.past_liquidation),
                "further": None
                if r.further is None
                else {
                    "liquidation_probability": r.further.probability,
                    "standard_error": r.further.standard_error,
                    "median_steps_to_first_liquidation": (
                        r.further.median_steps_to_first_liquidation
                    ),
                },
            }
            for v, r in risk.variants.items()
        },
    }


def risk_text(risk: Risk, currency: str, limit: float | None = None, coin: bool = False) -> str:
    """The run for a terminal; amounts in ``currency``, to 8 decimals for a coin."""
    lines = [
        f"{risk.model}: {risk.paths:,} paths × {risk.steps:,} steps, seed {risk.seed}; "
        f"start equity {amount_text(risk.start_equity, coin)} {currency}",
        "parameters: " + parameters_text(risk.parameters),
    ]
    for v, r in risk.variants.items():
        median = r.median_steps_to_first_liquidation
        shown = odds_text(r.liquidation_probability, r.standard_error, risk.paths, width=6)
        odds = f"P(liquidation) {shown}"
        if r.further is not None:  # pools past liquidation today: every path liquidates them
            median = r.further.median_steps_to_first_liquidation
            further = odds_text(
                r.further.probability, r.further.standard_error, risk.paths, width=6
            )
            odds = (
                f"{', '.join(r.past_liquidation)} past liquidation already, in every path; "
                f"P(another liquidation) {further}"
            )
        when = (
            ""
            if median is None
            else f"; median time to the first {duration_text(median * risk.step_years)}"
        )
        pct = " / ".join(
            compact_amount_text(r.end_equity_percentiles[q], coin) for q in PERCENTILES
        )
        excess = (
            ""
            if r.excess_loss_probability is None or limit is None
            else f"; P(loss > {amount_text(limit, coin)} {currency}) "
            f"{r.excess_loss_probability:.2%}"
        )
        lines.append(f"{VARIANT_TITLES[v]:<13} {odds}{when}{excess}")
        lines.append(
            f"{'':13} end equity p5/p25/p50/p75/p95 {pct} {currency}; "
            f"ES95 {amount_text(r.expected_shortfall_95, coin)} {currency}"
        )
    lines.append("ES95: the mean end equity of the worst 5 % of paths")
    return "\n".join(lines)
