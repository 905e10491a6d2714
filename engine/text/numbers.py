"""Numbers for people, in one place: what a trader types is parsed here, and money, prices and
percentages are written here, the same in the app, the CLI, the warnings and the exports."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, Decimal

from marginlab.engine.text.said import say

SIGNIFICANT = 5  # like the venues' price ticks: 45,180.72 · 14.123 · 0.51230 · 0.0000123
MAX_DECIMALS = 12
RATIO_DECIMALS = 1  # margin ratios: "0.4 %", "100.0 %"; the same in the app and the CLI
SMALL_AMOUNT = 100  # below it, a narrow cell shows cents: whole dollars would round a loss to 0


def price_text(value: float) -> str:
    """A price with thousands separators, at least 2 decimals and at least 5 significant digits.

    A fixed two decimals wrote a low-priced coin's liquidation price 0.081234 as "0.08", and
    0.0000123 as "0.00".
    """
    return f"{value:,.{price_decimals(value)}f}"


def price_decimals(value: float) -> int:
    """Decimals that give ``value`` at least 5 significant digits, and never fewer than 2."""
    if value == 0 or not math.isfinite(value):
        return 2
    magnitude = math.floor(math.log10(abs(value)))
    return min(max(2, SIGNIFICANT - 1 - magnitude), MAX_DECIMALS)


# Thousands separators must group digits by three: "1,234.5" is a number, "1,5" is not.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$")
_TIMES = re.compile(r"^\s*[x×]\s*(?=\S)|(?<=\S)\s*[x×]\s*$", re.IGNORECASE)


def number_problem(text: str) -> str | None:
    """Why ``text`` is not a number a trader typed, in their words; None when it is one.

    Spaces and underscores between digits are allowed, and commas as thousands separators
    ("12,500.5"). A comma anywhere else is refused rather than guessed at: "1,5" may mean 1.5
    (a decimal comma) or 15, and reading it either way silently gives a wrong figure.
    """
    cleaned = text.strip().replace("_", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        return say("is empty")
    if "," in cleaned:
        if not _GROUPED.match(cleaned):
            return say(
                "'{text}' is ambiguous: use a point for decimals (1.5) and commas only "
                "between groups of three digits (12,500)",
                text=text.strip(),
            )
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return say("'{text}' is not a number", text=text.strip())
    if not math.isfinite(value):
        return say("'{text}' is not a finite number", text=text.strip())
    return None


# How far a figure computed in floats may sit off the number it stands for (relative): a
# closed form's few operations stay well inside it, any real difference a trader can type
# well outside it.
FLOAT_NOISE = 1e-12


def cut_to_digits(value: float, digits: int) -> float:
    """``value`` cut, not rounded, to ``digits`` significant digits: a largest size (the most
    within a limit, the most the wallet opens) written short may not read as more than it
    is. Rounded, 0.10246956 BTC read 0.10247, and 0.10247 lost more than the limit. A value
    below a written one by float noise alone (``FLOAT_NOISE``) reads as that one: 1,000 at
    7× on 50,000 opens 0.14 BTC, found as 0.13999999999999999, not 0.13999999."""
    if not (math.isfinite(value) and value > 0):
        return value
    # As the value reads (0.0109556, not 0.01095559999…), its float noise given upward.
    shortest = Decimal(repr(value)) + Decimal(value * FLOAT_NOISE)
    step = Decimal(1).scaleb(shortest.adjusted() - digits + 1)
    cut = shortest.quantize(step, rounding=ROUND_DOWN)
    found = float(cut)
    if found <= value * (1 + FLOAT_NOISE):
        return found
    return float(cut - step)  # the digits read a hair above it


def at_most_text(value: float, decimals: int) -> str:
    """A largest figure to ``decimals`` decimals, cut rather than rounded, so that it reads
    within: a highest leverage of 12.346× reads "12.34", not "12.35" (which is not). A value
    below a written one by float noise alone (``FLOAT_NOISE``) reads as that one: an exact
    20× found as 19.999999999999996 is "20.00", not "19.99"."""
    return _within(value, decimals, ROUND_FLOOR)


def at_least_text(value: float, decimals: int) -> str:
    """A least figure to ``decimals`` decimals, rounded up where rounding would read less than
    it is: the isolated margin that puts the liquidation at the stop reads 1,095.46 for
    1,095.454, since 1,095.45 typed in liquidates a hair before the stop. A value above a
    written one by float noise alone (``FLOAT_NOISE``) reads as that one: 95.00000000000001
    is 95.00, not 95.01."""
    return _within(value, decimals, ROUND_CEILING)


def at_least(value: float, decimals: int) -> float:
    """``at_least_text``'s figure as a number: the least a two-decimal box may take. Cents up
    by ``ceil(value × 100) / 100`` read 128.06 for 128.05 (128.05 × 100 is 12,805.000…02 in
    floats), and refused the 128.05 an import's isolated margins hold."""
    if not math.isfinite(value):
        return value
    return float(_stepped(value, decimals, ROUND_CEILING))


def _within(value: float, decimals: int, rounding: str) -> str:
    """``value`` to ``decimals`` decimals, rounded the one way (``ROUND_FLOOR``: never more;
    ``ROUND_CEILING``: never less), after its float noise is given the other way."""
    if not math.isfinite(value):
        return f"{value:,.{decimals}f}"
    return f"{_stepped(value, decimals, rounding):,.{decimals}f}"


def _stepped(value: float, decimals: int, rounding: str) -> Decimal:
    noise = Decimal(abs(value) * FLOAT_NOISE)
    exact = Decimal(repr(value)) + (noise if rounding == ROUND_FLOOR else -noise)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def number_text(value: float | None) -> str:
    """The text a field shows for ``value``: the shortest that reads back as ``value`` to two
    units in the last place (the noise a value typed in percent picks up): "99999999999", not
    "1e+11", another number."""
    if value is None:
        return ""
    for digits in (10, 12, 15):
        text = f"{value:.{digits}g}"
        if math.isclose(float(text), value, rel_tol=4e-16, abs_tol=0.0):
            return text
    return repr(value)


def reads_as(typed: str, shown: str) -> bool:
    """True when the text ``typed`` is the number ``shown``: a field that shows a value's
    shortest text (``number_text``, a rate in percent) keeps the exact value when that text is
    typed again or put back after a refused edit, instead of a value the last unit away."""
    value = parse_number(typed)
    return value is not None and value == parse_number(shown)


def without_times(text: str) -> str:
    """A leverage typed "20x", "x20" or "20×" (as the venues and the app write one) as its
    number, "20"; any other text as it is."""
    return _TIMES.sub("", text, count=1)


def left_empty(field: str) -> str:
    """ "Quantity: is empty", as ``read_number`` says it of a field not typed in: a face asks
    for such a field (``empty_field``) rather than calling it a mistake."""
    return say("{field}: {problem}", field=field, problem=say("is empty"))


def empty_field(message: str) -> str | None:
    """The field a ``read_number`` message says was left empty ("Quantity: is empty" →
    "Quantity"), None for any other message: a face can ask for a field not yet typed in
    without calling it a mistake."""
    params = getattr(message, "params", {})
    problem = params.get("problem")
    if getattr(message, "template", None) != "{field}: {problem}":
        return None
    if getattr(problem, "template", None) != "is empty":
        return None
    return str(params["field"])


def parse_number(text: str) -> float | None:
    """The number a trader typed (see ``number_problem``), or None when it is not one."""
    if number_problem(text) is not None:
        return None
    return float(
        text.strip().replace("_", "").replace(" ", "").replace("\u00a0", "").replace(",", "")
    )


def read_number(
    what: str,
    text: str,
    problems: list[str],
    *,
    positive: bool = True,
    percent: bool = False,
    largest: float | None = None,
) -> float | None:
    """The number typed into ``what`` (a field, an option), or None with one message in
    ``problems`` that names it: not a number (``number_problem``), not > 0 where it must be,
    or above ``largest``. With ``percent``, a trailing "%" divides by 100 ("0.05%" is 0.0005).
    The one reader of the calculator's, the check's and the CLI's typed numbers."""
    scale = 1.0
    if percent and text.strip().endswith("%"):
        text, scale = text.strip()[:-1], 0.01
    problem = number_problem(text)
    value = parse_number(text)
    if problem is not None or value is None:
        problems.append(say("{field}: {problem}", field=what, problem=problem))
        return None
    value *= scale
    if positive and value <= 0:
        problems.append(say("{field}: must be > 0", field=what))
        return None
    if largest is not None and abs(value) > largest:
        problems.append(say("{field}: too large", field=what))
        return None
    return value


# Amounts are written to the cent; a coin-margined account's (coins, issue 19) to 8 decimals,
# the satoshi venues book BTC in. The engine sets this while it prices a coin-margined book,
# so the messages it writes on the way (warnings, checks) carry coin decimals too.
_COIN_AMOUNTS: ContextVar[bool] = ContextVar("coin_amounts", default=False)


@contextmanager
def coin_amounts() -> Iterator[None]:
    """Within: amounts are coins (``amount_decimals``)."""
    token = _COIN_AMOUNTS.set(True)
    try:
        yield
    finally:
        _COIN_AMOUNTS.reset(token)


def amount_decimals(coin: bool | None = None) -> int:
    """Decimals of an amount: 2, or 8 for coins (``coin``, else the engine's context)."""
    return 8 if (_COIN_AMOUNTS.get() if coin is None else coin) else 2


def amount_text(value: float, coin: bool = False, signed: bool = False) -> str:
    """An amount without its unit: "12,500.00", or "0.01234567" for coins."""
    return f"{value:{'+' if signed else ''},.{amount_decimals(coin)}f}"


def compact_amount_text(value: float, coin: bool = False) -> str:
    """An amount for a narrow cell: whole dollars ("3,000"), to the cent under 100 ("0.15":
    a small position's max loss read "0"), or coins to 4 decimals ("0.0100"), where whole
    units would read 0."""
    if coin:
        return f"{value:,.4f}"
    return f"{value:,.2f}" if abs(value) < SMALL_AMOUNT else f"{value:,.0f}"


def compact_distance_text(fraction: float) -> str:
    """A distance to liquidation for a narrow cell: to 0.1 % below 100 % ("-9.6 %"), whole
    percents beyond ("+1,198 %": a move of twelve times the price needs no decimal, and the
    cards' columns need the width)."""
    return percent_text(fraction, 1 if abs(fraction) < 1 else 0, signed=True)


def money_text(
    value: float, currency: str = "", decimals: int | None = None, coin: bool | None = None
) -> str:
    """An amount in the settlement currency: "12,500.00 USDT", "0.01234567 BTC"."""
    places = amount_decimals(coin) if decimals is None else decimals
    text = f"{value:,.{places}f}"
    return f"{text} {currency}" if currency else text


def percent_text(
    fraction: float | None, decimals: int = 1, signed: bool = False, absent: str = "n/a"
) -> str:
    """A fraction as a percentage, "−9.6 %" (signed) or "0.40 %"; ``absent`` when None."""
    if fraction is None:
        return absent
    sign = "+" if signed else ""
    return f"{fraction * 100:{sign},.{decimals}f} %"


def share_text(fraction: float) -> str:
    """A share of a whole, "2.5 %"; a small one to two significant digits, "0.036 %", so a
    share that is not 0 never reads "0.0 %" (181 of a 510,000 wallet did); "< 0.0001 %"
    below that."""
    percent = fraction * 100
    if percent == 0 or abs(percent) >= 0.1:
        return percent_text(fraction, 1)
    if abs(percent) < 0.0001:
        return "< 0.0001 %"
    decimals = min(4, 1 - math.floor(math.log10(abs(percent))))
    return f"{percent:.{decimals}f}".rstrip("0").rstrip(".") + " %"


def price_or_none_text(value: float | None) -> str:
    """A price, or "none" when no price applies (no liquidation price)."""
    return say("none") if value is None else price_text(value)


def quoted_in(currency: str, coin: bool) -> str:
    """What prices are quoted in: the settlement ``currency``, or USD for coin-margined
    contracts (a BTCUSD price is dollars; its margins are coins)."""
    return "USD" if coin else currency


def quoted_price_text(value: float | None, quoted: str) -> str:
    """A price and what it is quoted in ("66,000.00 USDT"), or "none" (``price_or_none_text``,
    a message the window translates)."""
    return price_or_none_text(value) if value is None else f"{price_text(value)} {quoted}"
