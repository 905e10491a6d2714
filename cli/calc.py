"""``marginlab-cli calc …``: the exchange calculator's figures (issue 17), over the engine's
``calculator`` and ``planning`` functions. Bad input exits 2 naming the option."""

from __future__ import annotations

import argparse
import math
from dataclasses import replace
from typing import Any

from marginlab.cli.accounts import load_account
from marginlab.cli.notes import note
from marginlab.engine.margin import calculator as calc
from marginlab.engine.margin.fees import BASE_TAKER_RATES, MAX_TAKER_RATE, taker_rate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.planning import (
    MODES,
    SIZING_DIGITS,
    PlanError,
    Ticket,
    account_contract_size,
    after_funding,
    book_mmr,
    dca_ladder,
    liquidation_over_time,
    max_open,
    size_for_loss,
)
from marginlab.engine.margin.rules import MAX_LEVERAGE, SETTLEMENT, base_asset, size_text
from marginlab.engine.text.numbers import (
    amount_decimals,
    amount_text,
    at_least_text,
    at_most_text,
    cut_to_digits,
    money_text,
    percent_text,
    price_or_none_text,
    price_text,
    quoted_in,
    read_number,
    without_times,
)
from marginlab.engine.text.orders import order_symbol
from marginlab.engine.text.report_text import strict_json


class CalcUsageError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Reader:
    """Reads the options as typed, gathering one message per bad one."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.problems: list[str] = []

    def number(self, option: str, *, percent: bool = False, positive: bool = True) -> float:
        text = getattr(self.args, option.lstrip("-").replace("-", "_"))
        if option != "--leverage" or not isinstance(text, str):
            return self.text_number(option, text, percent=percent, positive=positive)
        leverage = self.text_number(option, without_times(text))  # "20x", as venues write it
        if not 1 <= leverage <= MAX_LEVERAGE:  # as a file's, the order tabs' and --open's
            if leverage == leverage:  # NaN: already said
                self.problems.append(f"--leverage: must be between 1 and {MAX_LEVERAGE:,}")
            return math.nan
        return leverage

    def text_number(
        self, option: str, text: str, *, percent: bool = False, positive: bool = True
    ) -> float:
        """``numbers.read_number``; NaN for a refused value (``done`` then stops the run).
        A percent option typed without "%" is a fraction, as the file's rates are: that is
        said on standard error, since "--mmr 0.5" meant for half a percent is 50 %, and
        "--roe 50" is 5,000 %."""
        value = read_number(option, text, self.problems, positive=positive, percent=percent)
        if value is None:
            return math.nan
        if percent and not text.strip().endswith("%"):
            typed = text.strip()
            note(
                f"{option} {typed} is read as a fraction, {value * 100:,.6g} %; "
                f"write {typed}% for {typed} %"
            )
        return value

    def optional(self, option: str, **kw: Any) -> float | None:
        text = getattr(self.args, option.lstrip("-").replace("-", "_"))
        return None if text is None else self.number(option, **kw)

    def done(self) -> None:
        if self.problems:
            raise CalcUsageError(self.problems)


def run_calc(args: argparse.Namespace) -> str:
    command = {
        "pnl": _pnl,
        "target": _target,
        "average": _average,
        "max-open": _max_open,
        "size": _size,
        "funding": _funding,
    }[args.calc_command]
    try:
        data, lines = command(args, Reader(args))
    except PlanError as error:
        price = "--price" if args.calc_command == "max-open" else "--entry"
        options = {**CALC_OPTIONS, "price": price}
        raise CalcUsageError([in_option_words(p, options) for p in error.problems]) from None
    return strict_json(data) if args.json else "\n".join(lines)


# The engine names an order's fields as the order tabs do (``planning.ticket_problems``); the
# CLI names the option the value was typed into. A calc's price option is its command's.
CALC_OPTIONS = {
    "symbol": "--symbol",
    "leverage": "--leverage",
    "margin": "--margin",
    "MMR override": "--mmr",
}


def in_option_words(problem: str, options: dict[str, str]) -> str:
    """ "price: must be <= 1e+12" as "--entry: must be <= 1e+12": the field an engine message
    names first, as the option it was typed into; "Type an MMR override" (the window's field)
    as "Give --mmr"; any other message as it is."""
    field, colon, rest = problem.partition(": ")
    text = f"{options[field]}: {rest}" if colon and field in options else problem
    return text.replace("Type an MMR override", f"Give {options['MMR override']}")


def _fee_rate(reader: Reader, scenario: Scenario | None) -> float:
    typed = reader.optional("--fee-rate", percent=True, positive=False)
    if typed is not None:
        if not 0 <= typed <= MAX_TAKER_RATE:
            reader.problems.append(f"--fee-rate: must be between 0 and {MAX_TAKER_RATE:.0%}")
        return typed
    if scenario is not None:
        return taker_rate(scenario)
    return BASE_TAKER_RATES[reader.args.rules or "binance-usdm"]


def _scenario(reader: Reader) -> Scenario:
    scenario = load_account(reader.args.file, reader.args.account)
    update: dict[str, Any] = {}
    if reader.args.rules:
        update["rules"] = reader.args.rules
    if getattr(reader.args, "fee_rate", None) is not None:
        update["taker_fee"] = _fee_rate(reader, None)
    return scenario.model_copy(update=update) if update else scenario


def _ticket(reader: Reader, price_option: str = "--entry") -> Ticket:
    args = reader.args
    return Ticket(
        symbol=args.symbol,
        side=args.side,
        leverage=reader.number("--leverage"),
        price=reader.number(price_option),
        maintenance_rate=reader.optional("--mmr", percent=True),
    )


def in_account(ticket: Ticket, scenario: Scenario) -> Ticket:
    """The ticket in the account's terms: its symbol as the account holds it, whatever the
    case typed (``orders.order_symbol``: "--symbol kpepe" is the book's kPEPE), and the
    account's own MMR for it when ``--mmr`` is left out and no table covers it
    (``planning.book_mmr``: a generic-rules file states it on each position); in a
    coin-margined account, contracts of the account's size (issue 19)."""
    symbol = order_symbol(ticket.symbol, scenario.marks())
    size = ticket.contract_size or account_contract_size(scenario, symbol)
    ticket = replace(ticket, symbol=symbol, contract_size=size)
    if ticket.maintenance_rate is not None:
        return ticket
    return replace(ticket, maintenance_rate=book_mmr(scenario, ticket.symbol))


def _row(label: str, value: str) -> str:
    return f"{label:<28} {value}"


def _units(args: argparse.Namespace, coin: bool) -> tuple[str, str]:
    """What a ticket without a file counts its amounts and its prices in: the rule set's
    settlement currency (Binance's USDT when none is named; nothing under the generic rules,
    which settle in no one currency); a coin-margined one (``--contract-size``), the coin and
    USD. The figures were bare numbers."""
    if coin:
        return " coin", " USD"
    settles = SETTLEMENT.get(args.rules or "binance-usdm")
    return ("", "") if settles is None else (f" {settles}", f" {settles}")


def _pnl(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    qty, entry, exit_price = (
        reader.number("--qty"),
        reader.number("--entry"),
        reader.number("--exit"),
    )
    leverage = reader.number("--leverage")
    margin = reader.optional("--margin")
    size = reader.optional("--contract-size")
    rate = _fee_rate(reader, None)
    reader.done()
    # Coin-margined (--contract-size): qty contracts of that many USD, amounts in the coin.
    order = Ticket("", args.side, leverage, entry, None, size)
    initial = order.margin(qty)
    put_in = margin if margin is not None else initial
    result = order.exit(qty, exit_price, put_in, rate)
    even = order.break_even(rate)
    on_initial = calc.roe(result.pnl, initial)
    coin = size is not None
    data = {
        "initial_margin": initial,
        "margin": put_in,
        "pnl": result.pnl,
        "roe": result.roe,
        "roe_on_initial_margin": on_initial,
        "open_fee": result.open_fee,
        "close_fee": result.close_fee,
        "net_pnl": result.net_pnl,
        "net_roe": result.net_roe,
        "fee_rate": rate,
        "break_even_price": even,
    }
    amount, quoted = _units(args, coin)
    lines = [_row("initial margin", amount_text(initial, coin) + amount)]
    if margin is not None and abs(margin - initial) > 1e-9 * initial:
        lines += [
            _row("your isolated margin", amount_text(put_in, coin) + amount),
            _row("ROE on the initial margin", percent_text(on_initial, 2, signed=True)),
        ]
    lines += [
        _row("PnL (before fees)", amount_text(result.pnl, coin, signed=True) + amount),
        _row("ROE (before fees)", percent_text(result.roe, 2, signed=True)),
        _row(
            f"fees at {rate:.4%} taker",
            f"{amount_text(result.open_fee, coin)}{amount} open + "
            f"{amount_text(result.close_fee, coin)}{amount} close",
        ),
        _row("PnL after fees", amount_text(result.net_pnl, coin, signed=True) + amount),
        _row("ROE after fees", percent_text(result.net_roe, 2, signed=True)),
        _row("break-even price", "none" if even is None else price_text(even) + quoted),
    ]
    return data, lines


def _target(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    entry, leverage = reader.number("--entry"), reader.number("--leverage")
    size = reader.optional("--contract-size")
    if args.roe is not None:
        goal = reader.number("--roe", percent=True, positive=False)
        reader.done()
        price = Ticket("", args.side, leverage, entry, None, size).price_for_roe(goal)
        data: dict[str, Any] = {"target_roe": goal, "target_price": price}
        label = f"price for ROE {percent_text(goal, 2, signed=True)}"
    else:
        if args.qty is None:
            reader.problems.append("--qty: needed with --pnl")
        qty = reader.number("--qty") if args.qty is not None else math.nan
        goal = reader.number("--pnl", positive=False)
        reader.done()
        price = Ticket("", args.side, leverage, entry, None, size).price_for_pnl(qty, goal)
        data = {"target_pnl": goal, "target_price": price}
        amount = _units(args, size is not None)[0]
        label = f"price for PnL {amount_text(goal, size is not None, signed=True)}{amount}"
    quoted = _units(args, size is not None)[1]
    text = "none (no price > 0 gives it)" if price is None else price_text(price) + quoted
    return data, [_row(label, text)]


def _fills(reader: Reader) -> list[tuple[float, float]]:
    fills = []
    for i, item in enumerate(reader.args.fill, 1):
        qty_text, at, price_text_ = item.partition("@")
        if not at:
            reader.problems.append(f"--fill {item}: write QTY@PRICE, e.g. 0.5@60000")
            continue
        qty = reader.text_number(f"--fill {i} quantity", qty_text)
        price = reader.text_number(f"--fill {i} price", price_text_)
        fills.append((price, qty))
    return fills


def _average(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    fills = _fills(reader)
    if args.file is None:
        reader.done()
        average = calc.average_entry(fills)
        total = sum(q for _, q in fills)
        data: dict[str, Any] = {"average_entry": average, "quantity": total}
        quoted = _units(args, False)[1]
        return data, [
            _row("quantity", f"{total:,.8g}"),
            _row("average entry", price_text(average) + quoted),
        ]
    scenario = _scenario(reader)
    base = next((p for p in scenario.positions if p.id == args.position), None)
    if args.position is not None and base is None:
        reader.problems.append(f"--position {args.position}: no such position in the file")
    needed = () if args.position is not None else ("symbol", "side", "leverage")
    for option in needed:
        if getattr(args, option) is None:
            reader.problems.append(f"--{option}: needed for the ladder in an account")
    reader.done()
    leverage = reader.number("--leverage") if args.leverage is not None else None
    symbol = base.symbol if base is not None else order_symbol(args.symbol, scenario.marks())
    ticket = Ticket(
        symbol,
        base.side if base is not None else args.side,
        leverage if leverage is not None else (base.leverage if base is not None else 1.0),
        fills[0][0] if fills else 1.0,
        reader.optional("--mmr", percent=True),
    )
    reader.done()
    steps = dca_ladder(scenario, in_account(ticket, scenario), fills, args.position)
    data = {
        "steps": [
            {
                "price": s.price,
                "quantity": s.quantity,
                "total_quantity": s.total_quantity,
                "average_entry": s.average_entry,
                "margin": s.margin,
                "liquidation_price": dict(s.liquidation),
                "beyond_previous_liquidation": list(s.beyond),
                "margin_not_available": list(s.unfunded),
            }
            for s in steps
        ]
    }
    # Each column's unit under its name, as the window's ladder has it: prices in the price
    # currency (USD for a coin-margined account), sizes in the base asset or contracts.
    prices = quoted_in(scenario.account.currency, scenario.coin_margined)
    size = "contracts" if scenario.coin_margined else base_asset(symbol)
    lines = [
        f"{'fill':>4} {'price':>14} {'qty':>10} {'avg entry':>14} "
        f"{'liq isolated':>14} {'liq cross':>14}",
        f"{'':>4} {prices:>14} {size:>10} {prices:>14} {prices:>14} {prices:>14}",
    ]
    for i, s in enumerate(steps, 1):
        lp = {m: price_or_none_text(s.liquidation[m]) for m in MODES}
        lines.append(
            f"{i:>4} {price_text(s.price):>14} {s.quantity:>10,.6g} "
            f"{price_text(s.average_entry):>14} {lp['isolated']:>14} {lp['cross']:>14}"
        )
        if s.unfunded:
            lines.append(
                f"     warning: after fill {i} the margin, "
                f"{amount_text(s.margin, scenario.coin_margined)}, is more than the "
                f"account has left ({' and '.join(s.unfunded)})"
            )
        if s.beyond:
            modes = " and ".join(s.beyond)
            after = f"fill {i - 1}" if i > 1 or base is None else f"{base.id} as it stands"
            lines.append(
                f"     warning: fill {i} lies past the liquidation of {after} "
                f"({modes}): the position would be gone before it fills"
            )
    return data, lines


def _max_open(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    ticket = _ticket(reader, "--price")
    margin = reader.optional("--margin")
    step = reader.number("--step", positive=False)
    reader.done()
    scenario = _scenario(reader)
    reader.done()
    ticket = in_account(ticket, scenario)
    found = {m: max_open(scenario, ticket, m, margin, step) for m in MODES}
    data: dict[str, Any] = {
        m: {
            "quantity": f.quantity,
            "notional": f.notional,
            "margin": f.margin,
            "open_loss": f.open_loss,
            "fees": f.fees,
            "order_cost": f.formula,
            "available": f.available,
            "tier_cap": f.tier_cap,
            "limited_by": f.limited_by,
        }
        for m, f in found.items()
    }
    currency = scenario.account.currency
    coin = scenario.coin_margined
    unit = (
        f" {base_asset(ticket.symbol)}"
        if ticket.contract_size is None
        else f" contracts of {ticket.contract_size:g} USD"
    )
    lines = []
    for m, f in found.items():
        why = (
            "the tier's maximum notional at this leverage"
            if f.limited_by == "tier"
            else "the balance"
        )
        notional = money_text(f.notional, currency, coin=coin)
        lines.append(
            _row(
                f"max open, {m}",
                f"{cut_to_digits(f.quantity, SIZING_DIGITS):,.{SIZING_DIGITS}g}{unit} ({notional} "
                f"notional; limited by {why})",
            )
        )
    lines.append(_row("order cost", ORDER_COST_WORDS[found[MODES[0]].formula]))
    return data, lines


# Whose order cost prices max open (``planning.order_cost``), as the text output says it.
ORDER_COST_WORDS = {
    "binance": "Binance's: margin + open loss, no fee",
    "bybit": "Bybit's: margin + fee to open + fee to close at the bankruptcy price",
    "bitget": "Bitget's: margin + fee to open + open loss (its freeze markups taken as 0)",
}


def _size(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    ticket = _ticket(reader)
    stop = reader.number("--stop")
    typed = reader.optional("--max-loss")
    reader.done()
    scenario = _scenario(reader)
    ticket = in_account(ticket, scenario)
    max_loss = typed if typed is not None else scenario.account.max_acceptable_loss
    if max_loss is None:
        raise CalcUsageError(["--max-loss: needed (the file has no max acceptable loss)"])
    sizes = {m: size_for_loss(scenario, ticket, m, stop, max_loss) for m in MODES}
    data: dict[str, Any] = {
        m: {
            "quantity": s.quantity,
            "loss_at_stop": s.loss,
            "liquidated_before_stop": s.liquidated_before_stop,
            "highest_leverage": s.highest_leverage,
            "margin_for_stop": s.margin_for_stop if m == "isolated" else None,
        }
        for m, s in sizes.items()
    }
    currency, coin = scenario.account.currency, scenario.coin_margined
    lines = []
    for m, s in sizes.items():
        tail = " (liquidated before the stop)" if s.liquidated_before_stop else ""
        lines.append(
            _row(
                f"largest size, {m}",
                f"{size_text(ticket.symbol, s.quantity, ticket.inverse, SIZING_DIGITS)}, loses "
                f"{money_text(s.loss, currency, coin=coin)}{tail}",
            )
        )
        lev = "n/a" if s.highest_leverage is None else f"{at_most_text(s.highest_leverage, 2)}x"
        lines.append(_row(f"highest leverage, {m}", lev))
    isolated = sizes["isolated"]
    if isolated.margin_for_stop is not None:  # read up: less liquidates before the stop
        least = at_least_text(isolated.margin_for_stop, amount_decimals(coin))
        lines.append(_row("isolated margin: liq = stop", f"{least} {currency}".strip()))
    return data, lines


def _funding(args: argparse.Namespace, reader: Reader) -> tuple[dict[str, Any], list[str]]:
    rate = reader.number("--rate", percent=True, positive=False)
    hold = reader.number("--hold", positive=False)
    reader.done()
    scenario = _scenario(reader)
    funded = after_funding(scenario, rate, hold)
    currency = scenario.account.currency
    data: dict[str, Any] = {
        "paid": funded.paid,
        "drained": list(funded.drained),
        "intervals": funded.intervals,
        "interval_hours": funded.interval_hours,
    }
    # How many payments, each of how long: Hyperliquid pays every hour, the others every 8 h.
    lines = [
        _row(
            "funding intervals",
            f"{funded.intervals:,} of {funded.interval_hours:g} h at {rate * 100:+.4f} % each",
        )
    ]
    lines += [
        _row(
            f"funding paid by {pid}",
            f"{amount_text(paid, scenario.coin_margined, signed=True)} {currency}",
        )
        for pid, paid in funded.paid.items()
    ]
    lines += [f"{pid}: its isolated margin is used up: liquidated" for pid in funded.drained]
    if args.position is not None:
        if args.position not in funded.paid:
            raise CalcUsageError([f"--position {args.position}: no such position in the file"])
        curves = liquidation_over_time(scenario, args.position, rate, [0.0, hold])
        data["liquidation_price"] = {m: {"now": c[0], "after": c[1]} for m, c in curves.items()}
        for mode, (now, after) in curves.items():
            lines.append(
                _row(
                    f"{args.position} held {mode}",
                    f"liquidation {price_or_none_text(now)} now, "
                    f"{price_or_none_text(after)} after {hold:g} h",
                )
            )
    return data, lines


def held(args: argparse.Namespace, scenario: Scenario) -> tuple[Scenario, str | None]:
    """``evaluate --fee-rate / --funding-rate --hold``: the scenario with that taker rate, and
    after that much funding (``planning.after_funding``); with funding, the line that says
    what it took (the figures after it change, and the table alone did not say why)."""
    reader = Reader(args)
    rate = reader.optional("--fee-rate", percent=True, positive=False)
    funding = reader.optional("--funding-rate", percent=True, positive=False)
    hours = reader.optional("--hold", positive=False)
    if (funding is None) != (hours is None):
        reader.problems.append("--funding-rate and --hold: give both, or neither")
    if rate is not None and not 0 <= rate <= MAX_TAKER_RATE:
        reader.problems.append(f"--fee-rate: must be between 0 and {MAX_TAKER_RATE:.0%}")
    reader.done()
    if rate is not None:
        scenario = scenario.model_copy(update={"taker_fee": rate})
    if funding is None or hours is None:
        return scenario, None
    try:
        funded = after_funding(scenario, funding, hours)
    except PlanError as error:
        raise CalcUsageError(error.problems) from None
    paid = sum(funded.paid.values())
    payments = (
        f"1 payment, due after {funded.interval_hours:g} h"  # it read "1 payments"
        if funded.intervals == 1
        else f"{funded.intervals:,} payments, one every {funded.interval_hours:g} h"
    )
    note = (
        f"after {hours:g} h of funding at {funding * 100:+.4f} % a payment ({payments}): the "
        f"positions {'paid' if paid >= 0 else 'received'} "
        f"{money_text(abs(paid), scenario.account.currency, coin=scenario.coin_margined)}"
    )
    return funded.scenario, note
