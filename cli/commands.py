"""The parser of the commands that run paths or read venue files: defined here, light, so that
``marginlab-cli evaluate`` imports none of the code those commands run (issue 16)."""

from __future__ import annotations

from typing import Any

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
    rp.add_argument("--depth", type=float, help="depth of a built-in path, in %%")
    rp.add_argument("--steps", type=int, default=240, help="candles of a built-in path")
    rp.add_argument("--json", action="store_true")
    rk = commands.add_parser("risk", help="Monte Carlo odds of liquidation in each variant")
    rk.add_argument("file")
    rk.add_argument("--paths", type=int, default=DEFAULT_PATHS, help=f"default {DEFAULT_PATHS:,}")
    rk.add_argument(
        "--horizon",
        default=DEFAULT_HORIZON,
        help=f"e.g. 30m, 8h, 1d, 2w (default {DEFAULT_HORIZON})",
    )
    rk.add_argument(
        "--steps",
        type=int,
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
        type=float,
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
        type=int,
        default=DEFAULT_BLOCK,
        help=f"candles a block (default {DEFAULT_BLOCK})",
    )
    rk.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"default {DEFAULT_SEED}")
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
