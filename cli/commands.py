"""The parser of the commands that run paths or read venue files: defined here, light, so that
``marginlab-cli evaluate`` imports none of the code those commands run (issue 16)."""

from __future__ import annotations

import argparse
from typing import Any

from marginlab.cli.accounts import add_account_option
from marginlab.engine.margin.rules import RULE_SETS
from marginlab.engine.paths.defaults import (
    DEFAULT_BLOCK,
    DEFAULT_CORRELATION,
    DEFAULT_HORIZON,
    DEFAULT_PATHS,
    DEFAULT_SEED,
    DEFAULT_STEPS,
    DEFAULT_VOLATILITY_TEXT,
    SHAPE_NAMES,
)
from marginlab.engine.text.numbers import number_problem, parse_number


def typed_number(text: str) -> float:
    """An option's number as a trader writes it ("1e3", "0.7": ``numbers.number_problem``).
    argparse's own ``float`` refused "1,000" as an "invalid float value"."""
    problem = number_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return parse_number(text)  # type: ignore[return-value]  # checked just above


def typed_percent(text: str) -> float:
    """``typed_number`` of an option in percent, with or without its "%" ("50" or "50%")."""
    return typed_number(text.strip().removesuffix("%"))


def typed_count(text: str) -> int:
    """An option's whole number as a trader writes it: "10,000" paths, as the help's own
    default reads ("invalid int value: '10,000'" before)."""
    problem = number_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    value = parse_number(text)
    if value is None or not value.is_integer():
        raise argparse.ArgumentTypeError(f"'{text.strip()}' is not a whole number")
    return int(value)


def add_path_commands(commands: Any) -> None:
    rp = commands.add_parser("replay", help="replay a price path; liquidations in time order")
    rp.add_argument("file")
    rp.add_argument(
        "--path",
        action="append",
        required=True,
        help=f"a built-in path ({', '.join(SHAPE_NAMES)}) or SYMBOL=FILE.csv (repeatable)",
    )
    rp.add_argument(
        "--symbol",
        action="append",
        default=[],
        help="symbol(s) a built-in path moves (default: all)",
    )
    rp.add_argument("--depth", type=typed_percent, help="depth of a built-in path, in %%")
    rp.add_argument("--steps", type=typed_count, default=240, help="candles of a built-in path")
    rp.add_argument("--json", action="store_true")
    add_account_option(rp)
    rk = commands.add_parser("risk", help="Monte Carlo odds of liquidation in each variant")
    rk.add_argument("file")
    add_account_option(rk)
    rk.add_argument(
        "--paths", type=typed_count, default=DEFAULT_PATHS, help=f"default {DEFAULT_PATHS:,}"
    )
    rk.add_argument(
        "--horizon",
        default=DEFAULT_HORIZON,
        help=f"e.g. 30m, 8h, 1d, 2w (default {DEFAULT_HORIZON})",
    )
    rk.add_argument(
        "--steps",
        type=typed_count,
        default=None,
        help=f"GBM steps over the horizon (default {DEFAULT_STEPS}); a bootstrap steps one "
        "candle at a time",
    )
    rk.add_argument(
        "--vol",
        action="append",
        default=[],
        metavar="SYMBOL=PCT",
        help="annual volatility in %%, per symbol (SYMBOL=PCT) or for all (PCT); "
        f"default {DEFAULT_VOLATILITY_TEXT}",
    )
    rk.add_argument(
        "--corr",
        type=typed_number,
        default=DEFAULT_CORRELATION,
        help=f"one correlation between every pair of symbols (GBM; default {DEFAULT_CORRELATION})",
    )
    rk.add_argument(
        "--bootstrap",
        action="append",
        default=[],
        metavar="SYMBOL=FILE.csv",
        help="block-bootstrap these candles instead of GBM",
    )
    rk.add_argument(
        "--block",
        type=typed_count,
        default=DEFAULT_BLOCK,
        help=f"candles a block (default {DEFAULT_BLOCK})",
    )
    rk.add_argument(
        "--seed", type=typed_count, default=DEFAULT_SEED, help=f"default {DEFAULT_SEED}"
    )
    rk.add_argument("--json", action="store_true")


def add_venue_commands(commands: Any) -> None:
    im = commands.add_parser(
        "import",
        help="a scenario from a venue's saved positions answer (Binance positionRisk, Bybit "
        "v5 position list, Hyperliquid clearinghouseState)",
    )
    im.add_argument("file")
    im.add_argument("--wallet", help="wallet balance, where the file does not state it")
    im.add_argument(
        "--mmr",
        action="append",
        default=[],
        metavar="SYMBOL=RATE",
        help="maintenance rate (fraction) for a symbol no table covers (repeatable)",
    )
    im.add_argument("--rules", choices=RULE_SETS, help="rule set (default: the venue's)")
    im.add_argument("-o", "--output", metavar="OUT", help="write the scenario here (else stdout)")
    tb = commands.add_parser("tables", help="the bundled tier tables")
    tables = tb.add_subparsers(dest="tables_command", required=True)
    ls = tables.add_parser("list", help="which table and date price each rule set, or a symbol")
    ls.add_argument("symbol", nargs="?")
    ti = tables.add_parser(
        "import",
        help="a venue's tier answer (Binance leverageBracket, Bybit risk-limit, Hyperliquid "
        "meta, ccxt fetch_leverage_tiers) into your tables; it takes precedence over the "
        "bundled one for the symbols it holds",
    )
    ti.add_argument("file")


CONTRACT_SIZE = (
    "coin-margined: USD per contract (100 for Binance COIN-M BTCUSD, 1 for Bybit); --qty is "
    "then a number of contracts, and amounts are in the coin"
)


def add_calc_commands(commands: Any) -> None:
    """``calc``: the exchange calculator's figures (issue 17). Numbers take thousands
    separators (12,500); rates and returns take a percent sign (0.05%, 50%)."""
    calc = commands.add_parser("calc", help="PnL/ROE, target, average entry, max open, size")
    kinds = calc.add_subparsers(dest="calc_command", required=True)

    def order(p: Any, price: str = "--entry") -> None:
        p.add_argument("--side", choices=("long", "short"), required=True)
        p.add_argument("--leverage", required=True, help="e.g. 10")
        p.add_argument(price, required=True, help="price")

    def common(p: Any) -> None:
        p.add_argument(
            "--fee-rate",
            help="taker fee, e.g. 0.05%% (default: the rule set's base rate, or the file's)",
        )
        p.add_argument("--rules", choices=RULE_SETS, help="rule set (default: the file's)")
        p.add_argument("--json", action="store_true")

    pn = kinds.add_parser("pnl", help="PnL and ROE at an exit price, before and after fees")
    order(pn)
    pn.add_argument("--qty", required=True, help="quantity, base units")
    pn.add_argument("--exit", required=True, help="exit price")
    pn.add_argument("--margin", help="margin put in (default quantity × entry / leverage)")
    pn.add_argument("--contract-size", help=CONTRACT_SIZE)
    common(pn)
    tg = kinds.add_parser("target", help="the exit price for a target ROE or PnL")
    order(tg)
    goal = tg.add_mutually_exclusive_group(required=True)
    goal.add_argument("--roe", help="target return on the margin, e.g. 50%%")
    goal.add_argument("--pnl", help="target PnL, settlement currency (needs --qty)")
    tg.add_argument("--qty", help="quantity, base units")
    tg.add_argument("--contract-size", help=CONTRACT_SIZE)
    common(tg)
    av = kinds.add_parser(
        "average", help="average entry of fills; with a file, the liquidation after each fill"
    )
    av.add_argument("file", nargs="?", help="scenario file: ladder in this account")
    av.add_argument("--fill", action="append", required=True, metavar="QTY@PRICE")
    av.add_argument("--symbol")
    av.add_argument("--side", choices=("long", "short"))
    av.add_argument("--position", metavar="ID", help="add the fills to this position of the file")
    av.add_argument("--leverage", help="of the new fills (default: the position's)")
    av.add_argument("--mmr", help="maintenance rate override, e.g. 0.5%%")
    common(av)
    add_account_option(av)
    mo = kinds.add_parser("max-open", help="the largest order the account can open, per mode")
    mo.add_argument("file")
    mo.add_argument("--symbol", required=True)
    order(mo, "--price")
    mo.add_argument("--margin", help="isolated: the margin you set (default the available)")
    mo.add_argument("--step", default="0", help="quantity step, e.g. 0.001 (default none)")
    mo.add_argument("--mmr", help="maintenance rate override, e.g. 0.5%%")
    common(mo)
    add_account_option(mo)
    sz = kinds.add_parser("size", help="the largest size whose loss at the stop you accept")
    sz.add_argument("file")
    sz.add_argument("--symbol", required=True)
    order(sz)
    sz.add_argument("--stop", required=True, help="stop price")
    sz.add_argument("--max-loss", help="default: the file's max acceptable loss")
    sz.add_argument("--mmr", help="maintenance rate override, e.g. 0.5%%")
    common(sz)
    add_account_option(sz)
    fu = kinds.add_parser("funding", help="funding paid over a holding time, per position")
    fu.add_argument("file")
    fu.add_argument("--rate", required=True, help="funding rate per interval, e.g. 0.01%%")
    fu.add_argument("--hold", required=True, help="holding time in hours")
    fu.add_argument(
        "--position", metavar="ID", help="also its liquidation price now and after, per mode"
    )
    common(fu)
    add_account_option(fu)


def add_check_command(commands: Any) -> None:
    """``check``: before you open, the order in each mode and a recommendation (issue 18)."""
    ck = commands.add_parser(
        "check", help="before you open: the order isolated and cross, against your max loss"
    )
    ck.add_argument("file", help="the account, as a scenario file")
    ck.add_argument(
        "--open",
        required=True,
        metavar="ORDER",
        help="the order, e.g. 'BTCUSDT long 0.5 @ 60000 x20' (price: the mark when left out; "
        "the leverage also as 'x 20' or '20x')",
    )
    ck.add_argument(
        "--margin", help="isolated margin you would give it (default size × price / leverage)"
    )
    ck.add_argument("--max-loss", help="the most you accept to lose (default: the file's)")
    ck.add_argument("--mmr", help="maintenance rate override, e.g. 0.5%%, where no table covers it")
    ck.add_argument("--json", action="store_true")
    add_account_option(ck)
