"""``marginlab-cli``: evaluate and sweep scenario files (DESIGN §3).

Exit status 0 on success, 2 on bad input with one ``marginlab-cli: field: problem`` line per
problem on stderr. Never a traceback for anything a user can type or load.
"""

from __future__ import annotations

import argparse
import importlib
import math
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import numpy as np

from marginlab.cli.accounts import add_account_option, load_account, pick_account
from marginlab.cli.commands import (
    add_calc_commands,
    add_check_command,
    add_path_commands,
    add_venue_commands,
    typed_count,
)
from marginlab.cli.notes import forget_notes, say_notes
from marginlab.engine import __version__
from marginlab.engine.files.bounded import MAX_PROBLEMS, capped
from marginlab.engine.files.scenario_io import (
    MAX_FILE_BYTES,
    ScenarioError,
    load_scenario,
    parse_scenario,
)
from marginlab.engine.margin.evaluate import check_moves, evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.text.moves import held_or_typed, parse_moves, resolve_symbol
from marginlab.engine.text.numbers import read_number
from marginlab.engine.text.report_text import report_dict, report_table, strict_json
from marginlab.engine.text.sweep_text import sweep_csv

if TYPE_CHECKING:
    from marginlab.engine.margin.sweep import SweepResult

PROG = "marginlab-cli"


def terminal_safe(text: str) -> str:
    """Text for a terminal: control characters a scenario name or an id may hold (ESC, BEL,
    NUL…) are written as escapes, so they cannot retitle, clear or colour the terminal."""
    return "".join(c if c in "\n\t" or c.isprintable() else repr(c)[1:-1] for c in text)


class UsageError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # "--points: …", as every other message names an option ("argument --points: …").
        raise UsageError([_OPTION_MESSAGE.sub(r"\1: ", message)])


_OPTION_MESSAGE = re.compile(r"^argument (--[\w-]+): ")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Isolated vs cross margin, from a scenario file.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ev = commands.add_parser("evaluate", help="every figure of the three variants")
    ev.add_argument("file", help="a scenario file, or - to read it from standard input")
    ev.add_argument(
        "--at",
        action="append",
        default=[],
        metavar="SYMBOL=PRICE",
        help="what-if move (repeatable): SYMBOL=40000, SYMBOL=-30%%, or ALL=-20%% for every "
        "symbol; all named symbols move together",
    )
    ev.add_argument("--json", action="store_true", help="machine-readable report")
    ev.add_argument(
        "--fee-rate", help="taker fee, e.g. 0.055%% (default: the file's, else the venue's base)"
    )
    ev.add_argument("--funding-rate", help="funding rate per interval, e.g. 0.01%% (needs --hold)")
    ev.add_argument("--hold", help="hours the positions are held, paying funding")
    add_account_option(ev)
    sw = commands.add_parser("sweep", help="equity of each variant along a price grid")
    sw.add_argument("file")
    target = sw.add_mutually_exclusive_group(required=True)
    target.add_argument("--symbol", help="move this symbol's price from --from to --to")
    target.add_argument(
        "--all",
        action="store_true",
        help="move every symbol by the same %%, from --from to --to (percent)",
    )
    sw.add_argument(
        "--from", dest="start", required=True, help="a price, or with --all a move in %%"
    )
    sw.add_argument("--to", dest="stop", required=True, help="a price, or with --all a move in %%")
    sw.add_argument("--points", type=typed_count, default=201)
    sw.add_argument("--csv", metavar="OUT", help="write the grid to this CSV file")
    sw.add_argument("--json", action="store_true", help="grid and thresholds as JSON")
    add_account_option(sw)
    add_path_commands(commands)
    add_venue_commands(commands)
    add_calc_commands(commands)
    add_check_command(commands)
    return parser


def _load(file: str) -> Scenario:
    """A scenario from a file, or from standard input for ``-`` (with the same size cap)."""
    if file != "-":
        return load_scenario(file)
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError([f"standard input: larger than {MAX_FILE_BYTES // 2**20} MB"])
    return parse_scenario(data)


def _evaluate(args: argparse.Namespace) -> str:
    whole = _load(args.file)
    if args.account is not None or len(whole.accounts) == 1:
        accounts: tuple[Scenario, ...] = (pick_account(whole, args.account),)
    else:
        accounts = whole.accounts  # each on its own: they never share collateral
    pairs = [(item.partition("=")[0], item.partition("=")[2]) for item in args.at]
    problems: list[str] = []
    evaluated = []
    notes: list[str] = []
    for scenario in accounts:
        if args.fee_rate is not None or args.funding_rate is not None or args.hold is not None:
            scenario, note = importlib.import_module("marginlab.cli.calc").held(args, scenario)
            notes += [note] if note else []
        # A move applies to the accounts that hold its symbol ("BTC" names BTCUSDT in one and
        # BTCUSD in another); one no account holds is reported once, below.
        own = [(n, t) for n, t in pairs if n.upper() == "ALL" or _holds(scenario, n)]
        moves, found = parse_moves(own if len(accounts) > 1 else pairs, scenario.marks(), "--at")
        problems += found + check_moves(scenario, moves)
        evaluated.append((scenario, moves))
    if len(accounts) > 1:
        nowhere = [(n, t) for n, t in pairs if n.upper() != "ALL" and not _anywhere(accounts, n)]
        marks = {s: m for scenario in accounts for s, m in scenario.marks().items()}
        problems += parse_moves(nowhere, marks, "--at")[1]
    if problems:
        raise UsageError(list(dict.fromkeys(problems)))
    reports = [(evaluate(scenario, moves), scenario) for scenario, moves in evaluated]
    if args.json:
        document = report_dict(reports[0][0])
        if len(reports) > 1:
            document["linked_accounts"] = [report_dict(report) for report, _ in reports[1:]]
        return strict_json(document)
    if len(reports) == 1:
        return "".join(f"{note}\n" for note in notes) + report_table(*reports[0])
    return "\n\n".join(
        f"== Account {i + 1} of {len(reports)}: {scenario.name} (settles in "
        f"{scenario.account.currency}; the accounts never share collateral) ==\n"
        + (f"{notes[i]}\n" if i < len(notes) else "")
        + report_table(report, scenario)
        for i, (report, scenario) in enumerate(reports)
    )


def _holds(scenario: Scenario, name: str) -> bool:
    return resolve_symbol(name, scenario.symbols()) is not None


def _anywhere(accounts: Sequence[Scenario], name: str) -> bool:
    return any(_holds(scenario, name) for scenario in accounts)


def _sweep(args: argparse.Namespace) -> str:
    problems: list[str] = []
    start = _sweep_end("--from", args.start, args.all, problems)
    stop = _sweep_end("--to", args.stop, args.all, problems)
    if not 2 <= args.points <= 1_000_001:
        problems.append("--points: must be between 2 and 1,000,001")
    if problems:
        raise UsageError(problems)
    scenario = load_account(args.file, args.account)
    from marginlab.engine.margin.sweep import sweep_move, sweep_price  # this command's only

    if args.all:
        if min(start, stop) <= -100:
            raise UsageError(["--from/--to: a move must stay above -100 %"])
        grid = np.linspace(start, stop, args.points) / 100.0
        result = sweep_move(scenario, grid)
    else:
        if min(start, stop) <= 0:
            raise UsageError(["--from/--to: prices must be > 0"])
        # In any case typed (Hyperliquid's kPEPE as "kpepe"), or the one it starts, as --at.
        symbol = held_or_typed(args.symbol, scenario.symbols())
        result = sweep_price(scenario, symbol, np.linspace(start, stop, args.points))
    table = sweep_csv(result, scenario.account.currency, scenario.coin_margined)
    if args.csv:
        try:
            Path(args.csv).write_text(table, encoding="utf-8")
        except OSError as error:
            raise UsageError([f"--csv {args.csv}: cannot be written ({error.strerror})"]) from None
    if args.json:
        return strict_json(_sweep_json(result))
    return f"wrote {args.points} rows to {args.csv}" if args.csv else table.rstrip("\n")


def _sweep_end(option: str, text: str, moves: bool, problems: list[str]) -> float:
    """``--from``/``--to`` as typed ("40,000"; with ``--all`` a move, "-20" or "-20%").
    argparse's ``float`` refused "40,000" and "-20%" as an "invalid float value"."""
    figure = text.strip()
    if figure.endswith("%") and not moves:
        problems.append(f"{option}: a price, e.g. 40000 (a move in % is --all's)")
        return math.nan
    value = read_number(option, figure.removesuffix("%"), problems, positive=False)
    return math.nan if value is None else value


def _sweep_json(result: SweepResult) -> dict[str, object]:
    return {
        "axis": result.axis,
        "symbol": result.symbol,
        "x": result.x.tolist(),
        "start_equity": result.start_equity,
        "equity": {v: e.tolist() for v, e in result.equity.items()},
        "thresholds": [
            {
                "variant": t.variant,
                "pool": t.pool,
                "positions": list(t.position_ids),
                "x": t.x,
                "side": t.side,
            }
            for t in result.thresholds
        ],
    }


def _run(module: str, name: str) -> Callable[[argparse.Namespace], str]:
    """A command's code, imported when that command runs (``evaluate`` stays light)."""

    def run(args: argparse.Namespace) -> str:
        function: Callable[[argparse.Namespace], str] = getattr(
            importlib.import_module(f"marginlab.cli.{module}"), name
        )
        return function(args)

    return run


# A negative figure as a trader writes one, "-0.01%", "-1,000", "-1e3": argparse takes a value
# that starts with "-" only when it reads as a plain negative number ("-1000", "-0.5"), so
# "--rate -0.01%" and "--pnl -1,000" stopped at "expected one argument".
_SIGNED_NUMBER = re.compile(r"-(\d[\d,_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?")


def with_signed_numbers(argv: Sequence[str]) -> list[str]:
    """``argv`` with each option followed by a negative figure written as one token,
    "--rate=-0.01%" (a negative funding rate, "--roe -50%" or "--pnl -1,000" for a target
    below the entry)."""
    out: list[str] = []
    for token in argv:
        if (
            out
            and _SIGNED_NUMBER.fullmatch(token)
            and out[-1].startswith("--")
            and "=" not in out[-1]
        ):
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``marginlab-cli``; returns the exit status."""
    try:
        args = _parser().parse_args(with_signed_numbers(sys.argv[1:] if argv is None else argv))
        command = {
            "evaluate": _evaluate,
            "sweep": _sweep,
            "replay": _run("paths", "run_replay"),
            "risk": _run("paths", "run_risk"),
            "import": _run("venues", "run_import"),
            "tables": _run("venues", "run_tables"),
            "calc": _run("calc", "run_calc"),
            "check": _run("check", "run_check"),
        }
        # Every figure is checked finite before it is written; numpy's own overflow chatter
        # on the way there is not for the user's terminal.
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore", RuntimeWarning)
            output = command[args.command](args)
    except UsageError as error:
        problems = error.problems
    except ValueError as error:  # ScenarioError, PathError, VenueFileError, MoveError…
        problems = getattr(error, "problems", None) or str(error).splitlines()
    else:
        say_notes()
        try:
            print(terminal_safe(output), flush=True)
        except BrokenPipeError:  # `| head` stopped reading: what it read is what was asked
            # Python flushes stdout again at exit: point it at nothing, so that says nothing.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        return 0
    forget_notes()
    for problem in capped(problems, MAX_PROBLEMS + 1):  # the readers cap their own
        print(terminal_safe(f"{PROG}: {problem}"), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
