"""``marginlab-cli check``: before you open, the order opened isolated and opened cross in
this account, against the loss you accept, and a recommendation with its reasons (issue 18)."""

from __future__ import annotations

import argparse
from typing import Any

from marginlab.cli.accounts import load_account
from marginlab.cli.calc import CalcUsageError, Reader, in_account, in_option_words
from marginlab.engine.margin.planning import MODES, PlanError, Ticket
from marginlab.engine.margin.precheck import Check, check_order
from marginlab.engine.margin.rules import size_text
from marginlab.engine.text.numbers import money_text, percent_text, quoted_in, quoted_price_text
from marginlab.engine.text.orders import parse_order, where_it_fills
from marginlab.engine.text.report_text import strict_json


def run_check(args: argparse.Namespace) -> str:
    reader = Reader(args)
    margin = reader.optional("--margin")
    limit = reader.optional("--max-loss")
    mmr = reader.optional("--mmr", percent=True)
    reader.done()
    scenario = load_account(args.file, args.account)
    order, problems = parse_order(args.open, scenario.marks())
    if order is None:
        raise CalcUsageError(problems)
    if limit is None and scenario.account.max_acceptable_loss is None:
        raise CalcUsageError(["--max-loss: needed (the file has no max acceptable loss)"])
    ticket = in_account(  # in a coin-margined account, contracts of its size
        Ticket(order.symbol, order.side, order.leverage, order.price, mmr),  # type: ignore[arg-type]
        scenario,
    )
    try:
        check = check_order(scenario, ticket, order.quantity, margin, limit)
    except (PlanError, LookupError) as error:
        problems = getattr(error, "problems", [str(error).strip("'\"")])
        raise CalcUsageError([in_option_words(p, CHECK_OPTIONS) for p in problems]) from None
    return (
        strict_json(check_dict(check))
        if args.json
        else "\n".join(check_lines(check, scenario.account.currency, scenario.coin_margined))
    )


# The order's fields as --open names them (its parser's own messages: "--open quantity: …").
CHECK_OPTIONS = {
    "symbol": "--open symbol",
    "size": "--open quantity",
    "price": "--open price",
    "leverage": "--open leverage",
    "margin": "--margin",
    "MMR override": "--mmr",
}


def check_dict(check: Check) -> dict[str, Any]:
    """The check as JSON: the contract of issue 18 (recommendation, reasons, modes.<mode>.…)."""
    t = check.ticket
    return {
        "order": {
            "symbol": t.symbol,
            "side": t.side,
            "quantity": check.quantity,
            "contract_size": t.contract_size,
            "price": t.price,
            "leverage": t.leverage,
            "margin": check.margin,
        },
        "max_acceptable_loss": check.acceptable,
        # The figures are read with the symbol at the order's price; its mark today, where
        # that differs (else null).
        "mark_today": check.mark_today,
        "warnings": list(check.warnings),
        "recommendation": check.recommendation,
        "reasons": [r.text for r in check.reasons],
        "rules": [
            {"rule": r.rule, "favours": r.favours, "text": r.text, "source": r.source}
            for r in check.reasons
        ],
        "rules_disagree": check.disagree,
        "modes": {
            m: {
                "liquidation_price": c.liquidation_price,
                "liquidation_distance": c.distance,
                "max_loss": c.loss_if_wrong,
                "closes": list(c.closes),
                "account_max_loss_before": c.account_max_loss_before,
                "account_max_loss": c.account_max_loss,
                "within_max_loss": c.within,
                "max_size": c.max_size,
                "max_leverage": c.max_leverage,
                "moves": [
                    {"id": v.id, "symbol": v.symbol, "before": v.before, "after": v.after}
                    for v in c.moves
                ],
            }
            for m, c in check.modes.items()
        },
    }


def check_lines(check: Check, currency: str, coin: bool = False) -> list[str]:
    """The check as a terminal reads it; ``coin``: amounts in a coin, to 8 decimals."""
    t = check.ticket
    # Prices with their unit (USD for a coin-margined account), the size in its own ("0.5
    # BTC", not "0.5 BTCUSDT"): the liquidation prices were bare numbers.
    quoted = quoted_in(currency, coin)
    size = (
        size_text(t.symbol, check.quantity, False)
        if t.contract_size is None
        else f"{check.quantity:,.8g} contracts of {t.contract_size:g} USD"
    )
    head = (
        f"Before you open {t.side} {t.symbol} {size} "
        f"@ {quoted_price_text(t.price, quoted)} x{t.leverage:g} "
        f"(margin {money_text(check.margin, currency, coin=coin)})"
    )
    limit = (
        "none set"
        if check.acceptable is None
        else money_text(check.acceptable, currency, coin=coin)
    )
    lines = [head, f"max acceptable loss: {limit}"]
    fills = where_it_fills(check)
    if fills:
        lines.append(fills)
    lines += [f"warning: {w}" for w in check.warnings]
    lines.append("")
    width = 30
    rows = [
        ("", *(m for m in MODES)),
        (
            "liquidation price",
            *(quoted_price_text(check.modes[m].liquidation_price, quoted) for m in MODES),
        ),
        ("distance", *(percent_text(check.modes[m].distance, 1, signed=True) for m in MODES)),
        (
            "max loss if wrong",
            *(money_text(check.modes[m].loss_if_wrong, currency, coin=coin) for m in MODES),
        ),
        ("also closes", *(", ".join(check.modes[m].closes) or "—" for m in MODES)),
        (
            "account max loss after",
            *(money_text(check.modes[m].account_max_loss, currency, coin=coin) for m in MODES),
        ),
        ("within your max loss", *(_yes(check.modes[m].within) for m in MODES)),
        ("largest size within it", *(_size(check, check.modes[m].max_size) for m in MODES)),
        ("highest leverage at this margin", *(_lev(check.modes[m].max_leverage) for m in MODES)),
    ]
    for label, *cells in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{c:>22}" for c in cells))
    for m in MODES:
        for v in check.modes[m].moves:
            lines.append(
                f"opened {m}: {v.id} ({v.symbol}) liquidation "
                f"{quoted_price_text(v.before, quoted)} -> {quoted_price_text(v.after, quoted)}"
            )
    lines += ["", f"Recommendation: {check.recommendation}"]
    if check.disagree:
        lines.append("The rules disagree; the first below decides:")
    lines += [f"  - {r.text} [{r.source}]" for r in check.reasons]
    return lines


def _yes(value: bool | None) -> str:
    return "n/a" if value is None else "yes" if value else "NO"


def _size(check: Check, value: float | None) -> str:
    """A largest size in its unit: "n/a" without a limit, "none" when no size is within it."""
    if value is None:
        return "n/a"
    return size_text(check.ticket.symbol, value, check.ticket.inverse) if value else "none"


def _lev(value: float | None) -> str:
    return "none" if value is None else f"{value:,.2f}x"
