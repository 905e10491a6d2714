"""Before you open (issue 18): the order in each mode against the loss you accept, the
recommendation and its reasons, checked against the brief's numbers and the venue formula."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.margin import venue_formulas as venue
from marginlab.engine.margin.planning import Ticket
from marginlab.engine.margin.precheck import check_order, loss_if_wrong
from marginlab.engine.text.orders import parse_order
from tests.engine.helpers import position, scenario

B = Ticket("BTCUSDT", "long", 10, 50_000)


def test_the_brief_story_is_the_first_preset_with_its_order() -> None:
    first = preset_list()[0]
    account = load_preset(first.file)
    assert account.account.wallet_balance == 10_000
    assert account.account.max_acceptable_loss == 2_500
    (a,) = account.positions
    assert (a.symbol, a.side, a.margin_mode, a.cross_initial_margin) == (
        "ETHUSDT", "long", "cross", 3_000
    )  # fmt: skip
    order, problems = parse_order(first.order, account.marks())
    assert not problems and order is not None
    assert order.quantity * order.price / order.leverage == 2_000  # B: 2,000 margin at 10x


def test_opening_b_isolated_caps_its_loss_and_cross_risks_the_account() -> None:
    account = load_preset("before-you-open.json")
    check = check_order(account, B, 0.4)
    iso, cross = check.modes["isolated"], check.modes["cross"]
    # Isolated: B loses its 2,000 margin, within the 2,500 accepted; it is liquidated where
    # Binance's one-way formula puts a 0.4 BTC long on 2,000 (bracket 1, 0.4 %).
    assert iso.loss_if_wrong == pytest.approx(2_000)
    assert iso.within and iso.closes == ()
    lp = venue.binance_usdm_liquidation_price(2_000, +1, 0.4, 50_000, 0.004, 0.0)
    assert iso.liquidation_price == pytest.approx(lp, rel=1e-9)
    # Cross: the whole 10,000 is at risk, and the move that takes it closes A.
    assert cross.loss_if_wrong == pytest.approx(10_000)
    assert not cross.within and cross.closes == ("A",)
    assert check.recommendation == "isolated" and not check.disagree
    assert "2,500.00 USDT you accept" in check.reasons[0].text
    assert check.reasons[0].rule == "acceptable"
    # Opening B isolated takes 2,000 from the cross pool: A's liquidation moves closer.
    (move,) = iso.moves
    assert move.id == "A" and move.after is not None and move.before is not None
    assert move.after > move.before


def test_a_short_that_hedges_a_cross_long_is_recommended_cross() -> None:
    account = scenario(
        10_000,
        [position("L", "BTCUSDT", "long", 0.4, 50_000, mode="cross")],
        max_acceptable_loss=2_500,
    )
    check = check_order(account, Ticket("BTCUSDT", "short", 10, 50_000), 0.4)
    assert check.recommendation == "cross"
    assert any(r.rule == "hedge" and "offsets L" in r.text for r in check.reasons)
    # In cross the long's liquidation moves away from the mark (50,000): down to far above.
    (move,) = check.modes["cross"].moves
    assert move.id == "L" and move.before is not None
    assert move.after is None or abs(move.after - 50_000) > abs(move.before - 50_000)


def test_the_largest_size_keeps_the_worst_case_within_and_one_percent_more_does_not() -> None:
    account = load_preset("before-you-open.json")
    check = check_order(account, B, 0.4)
    for mode, mode_check in check.modes.items():
        size = mode_check.max_size
        assert size is not None and size > 0
        assert loss_if_wrong(account, B, size, mode).loss <= 2_500 * (1 + 1e-9)
        assert loss_if_wrong(account, B, size * 1.01, mode).loss > 2_500
    # By hand: isolated loses its margin Q × 50,000 / 10 → 0.5; cross loses Q × 50,000 to 0
    # while the pool holds → 0.05.
    assert check.modes["isolated"].max_size == pytest.approx(0.5, rel=1e-6)
    assert check.modes["cross"].max_size == pytest.approx(0.05, rel=1e-6)
    # At B's 2,000 of margin, cross stays within 2,500 up to 1.25x (2,000 × L ≤ 2,500).
    assert check.modes["cross"].max_leverage == pytest.approx(1.25, rel=1e-6)


def test_the_largest_size_and_leverage_read_within_to_their_digits() -> None:
    """Within 2,512.3478, isolated B may lose its margin Q × 5,000: Q = 0.50246956. To six
    digits, rounded, 0.50247 loses 2,512.35, more than that: the check gives 0.502469, which
    is within ("Use this size" filled in 0.50247, and the check then said NO). Within 2,500 it
    gives 0.5, not the search's 0.49999997. Cross at B's 2,000 of margin: 2,000 × L within
    2,512.3478 is L = 1.2561739, read to the hundredth: 1.25, as 1.26 is not within."""
    account = load_preset("before-you-open.json")
    limit = 2_512.3478
    check = check_order(account, B, 0.4, None, limit)
    assert check.modes["isolated"].max_size == 0.502469
    assert check.modes["cross"].max_size == 0.0502469
    for mode, mode_check in check.modes.items():
        size = mode_check.max_size
        assert size is not None
        assert loss_if_wrong(account, B, size, mode).loss <= limit
        rounded = float(f"{size * (1 + 2e-6):.6g}")  # the next six-digit size up
        assert loss_if_wrong(account, B, rounded, mode).loss > limit
    assert check.modes["cross"].max_leverage == 1.25
    for leverage, within in ((1.25, True), (1.26, False)):  # B's 2,000 of margin kept
        levered = replace(B, leverage=leverage)
        size = levered.quantity_at(2_000, leverage)
        assert (loss_if_wrong(account, levered, size, "cross").loss <= limit) is within
    exact = check_order(account, B, 0.4, None, 2_500)
    assert (exact.modes["isolated"].max_size, exact.modes["cross"].max_size) == (0.5, 0.05)


def test_rules_for_leverage_small_bets_and_buffer() -> None:
    account = load_preset("before-you-open.json")
    bet = check_order(account, Ticket("BTCUSDT", "long", 50, 50_000), 0.005)
    rules = {r.rule for r in bet.reasons}
    assert {"high_leverage", "small_bet"} <= rules and bet.recommendation == "isolated"
    core = check_order(
        account.model_copy(update={"account": account.account.model_copy(
            update={"max_acceptable_loss": None})}),
        Ticket("BTCUSDT", "long", 2, 50_000),
        0.1,
    )  # fmt: skip
    assert {r.rule for r in core.reasons} == {"buffer"} and core.recommendation == "cross"


def test_the_order_text_names_what_is_wrong() -> None:
    marks = {"BTCUSDT": 50_000.0}
    order, _ = parse_order("btcusdt buy 0.5 x20", marks)
    assert order is not None and order.price == 50_000 and order.side == "long"
    _, problems = parse_order("ETHUSDT long 1 x10", marks)
    assert problems == ["--open: the account holds no ETHUSDT: write its price, '@ 60000'"]
    _, problems = parse_order("BTCUSDT up half @ 1,5", marks)
    assert "--open: 'up' is not a side (long or short)" in problems
    assert "--open quantity: 'half' is not a number" in problems
    assert any(p.startswith("--open price: '1,5' is ambiguous") for p in problems)
    assert "--open: write the leverage, e.g. x20" in problems


def test_the_leverage_is_read_however_a_trader_writes_it() -> None:
    """ "x 200" (the number apart from its "x") read as "'x' is not understood", "'200' is
    not understood" and "write the leverage"; "20×", as the app writes a leverage, was not
    read either. A leverage or a price written twice took the last one without a word."""
    marks = {"ETHUSDT": 3_000.0}
    for text in ("x 20", "X 20", "x20", "20x", "20×", "×20", "× 20"):
        order, problems = parse_order(f"ETHUSDT long 1 @ 3000 {text}", marks)
        assert problems == [] and order is not None and order.leverage == 20, text
    _, problems = parse_order("ETHUSDT long 1 @ 3000 x", marks)
    assert problems == ["--open: a leverage after 'x', e.g. 'BTCUSDT long 0.5 @ 60000 x20'"]
    _, problems = parse_order("ETHUSDT long 1 @ 3000 x20 x 5", marks)
    assert problems == [
        "--open: the leverage is written twice, e.g. 'BTCUSDT long 0.5 @ 60000 x20'"
    ]
    _, problems = parse_order("ETHUSDT long 1 @ 3000 @ 2900 x5", marks)
    assert problems == ["--open: the price is written twice, e.g. 'BTCUSDT long 0.5 @ 60000 x20'"]


def test_an_order_in_a_held_symbol_is_in_it_whatever_the_case_typed(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hyperliquid names its small coins "kPEPE". An order typed "kpepe" (or picked as
    "kPEPE") was read "KPEPE": a symbol of no position, with no mark, and not netted with the
    position held. It is the held symbol, spelled as held; one not held is upper-case."""
    import json
    from pathlib import Path

    from marginlab.cli.main import main as cli
    from marginlab.engine.text.orders import order_symbol

    assert order_symbol(" kpepe ", ["BTC", "kPEPE"]) == "kPEPE"
    assert order_symbol("kPEPE", ["BTC", "kPEPE"]) == "kPEPE"
    assert order_symbol("ethusdt", ["BTC", "kPEPE"]) == "ETHUSDT"
    # A coin alone names its one market: Hyperliquid's BTC as "BTCUSDT", Binance's BTCUSDT
    # as "btc" (ETHFIUSDT is another coin). Two quoted symbols are two markets: BTCUSDC and
    # BTCUSDT are two Binance contracts, with tiers of their own.
    assert order_symbol("BTCUSDT", ["BTC", "kPEPE"]) == "BTC"
    binance = ["BTCUSDT", "ETHUSDT", "ETHFIUSDT"]
    assert order_symbol("btc", binance) == "BTCUSDT"
    assert order_symbol("eth", binance) == "ETHUSDT"
    assert order_symbol("BTCUSDC", binance) == "BTCUSDC"
    assert order_symbol("SOL", binance) == "SOL"
    assert order_symbol("b", binance) == "B"  # a letter is no coin: a symbol of its own
    order, problems = parse_order("kpepe long 100000 x10", {"kPEPE": 0.0115})
    assert problems == [] and order is not None
    assert (order.symbol, order.price) == ("kPEPE", 0.0115)
    # The CLI's check, on the real 12-position Hyperliquid account: the order fills at the
    # venue's own kPEPE mark (positionValue / size), as the position it adds to.
    venue = (
        Path(__file__).parents[1]
        / "fixtures"
        / "venues"
        / "hyperliquid-clearinghouse-12-cross.json"
    )
    row = next(
        r["position"]
        for r in json.loads(venue.read_text(encoding="utf-8"))["assetPositions"]
        if r["position"]["coin"] == "kPEPE"
    )
    mark = float(row["positionValue"]) / abs(float(row["szi"]))
    book = tmp_path / "hl.json"
    assert cli(["import", str(venue), "-o", str(book)]) == 0
    capsys.readouterr()
    order = ["--open", "kpepe long 100000 x10", "--max-loss", "5000", "--json"]
    assert cli(["check", str(book), *order]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["order"]["symbol"] == "kPEPE"
    assert found["order"]["price"] == pytest.approx(mark, rel=1e-12)


def test_an_order_whose_margin_rounds_to_nothing_is_checked_without_an_error() -> None:
    """1e-300 BTC at a price of 1e-300: its margin underflows to 0, and the highest leverage
    within the limit divided by it (a ZeroDivisionError from the check tab, found by a GUI
    monkey run). No leverage is found for a margin of nothing; the rest is checked."""
    account = load_preset("before-you-open.json")
    check = check_order(account, Ticket("BTCUSDT", "long", 10, 1e-300), 1e-300)
    assert check.margin == 0.0
    assert all(m.max_leverage is None for m in check.modes.values())


def test_neither_mode_within_names_the_sizes_that_would_be_or_why_none_would() -> None:
    """Over the limit in both modes, the check names the largest sizes within it (by hand,
    as above: 0.5 isolated, 0.05 cross). A book that already loses more than the limit if
    BTC falls (an isolated 0.4 BTC long on 2,000 of margin, 1,000 accepted) left "At most 0
    isolated and 0 cross would", which read as a typo: it says why no size would."""
    wide = check_order(load_preset("before-you-open.json"), B, 0.6)
    assert [r.text for r in wide.reasons if r.rule == "acceptable"] == [
        "Neither mode keeps a wrong BTCUSDT within the 2,500.00 USDT you accept (isolated "
        "3,000.00 USDT, cross 10,000.00 USDT). At most 0.5 BTC isolated and 0.05 BTC cross "
        "would."
    ]
    # Cross: the new 0.1 long's 5,000 to 0 (the pool of 8,000 holds), and L's 2,000 margin.
    book = scenario(
        10_000, [position("L", "BTCUSDT", "long", 0.4, 50_000)], max_acceptable_loss=1_000
    )
    full = check_order(book, B, 0.1)
    assert {mode: m.max_size for mode, m in full.modes.items()} == {"isolated": 0, "cross": 0}
    assert [r.text for r in full.reasons if r.rule == "acceptable"] == [
        "Neither mode keeps a wrong BTCUSDT within the 1,000.00 USDT you accept (isolated "
        "2,500.00 USDT, cross 7,000.00 USDT). No size would: without it, a wrong BTCUSDT "
        "already costs the book 2,000.00 USDT."
    ]


def test_a_short_in_cross_has_no_size_within_a_limit_a_rise_without_end_exceeds() -> None:
    """A short's loss grows with the price, and in cross nothing stops it short of the pool:
    a small enough short is not liquidated before the largest price a move may name (10^12),
    where it loses Q × 10^12. "The largest size within 2,500" came out as 2.5e-09 BTC, the
    figure of where prices stop. Isolated, the short loses its margin: Q × 50,000 / 10 ≤
    2,500 by hand, 0.5."""
    short = Ticket("BTCUSDT", "short", 10, 50_000)
    check = check_order(load_preset("before-you-open.json"), short, 0.4)
    assert check.modes["cross"].max_size == 0
    assert check.modes["isolated"].max_size == pytest.approx(0.5, rel=1e-6)
    # The long's cross size is bounded by the fall to 0, not by where prices stop: kept.
    assert check_order(load_preset("before-you-open.json"), B, 0.4).modes[
        "cross"
    ].max_size == pytest.approx(0.05, rel=1e-6)


def test_a_small_bet_in_a_big_wallet_names_its_share_not_zero() -> None:
    """181.08 of a 510,000 wallet read "0.0 % of the wallet": a share that is not 0 reads to
    two significant digits."""
    account = scenario(510_000, [position("A", "ETHUSDT", "long", 1, 3_000)])
    check = check_order(account, Ticket("ETHUSDT", "long", 10, 181.08), 10)
    (bet,) = [r for r in check.reasons if r.rule == "small_bet"]
    assert "(181.08 USDT, 0.036 % of the wallet)" in bet.text


def test_an_order_above_the_mark_is_checked_where_it_fills() -> None:
    """ "BTCUSDT long 0.5 @ 60000 x20" (issue 18's own example) on the brief's book, BTC's mark
    50,000: the order was judged 5,000 down as it filled, past its liquidation ("none",
    +14.5 %), and its 1,500 of margin missing from its loss if wrong (2,000, "within"). It
    fills with BTC at 60,000: there B (0.4 long from 50,000 on 2,000) holds 6,000."""
    account = load_preset("seed-example.json")
    check = check_order(account, Ticket("BTCUSDT", "long", 20, 60_000), 0.5)
    assert check.mark_today == 50_000
    iso = check.modes["isolated"]
    # Binance's one-way formula, 0.5 BTC on 1,500 from 60,000, bracket 1 (0.4 %).
    lp = venue.binance_usdm_liquidation_price(1_500, +1, 0.5, 60_000, 0.004, 0.0)
    assert iso.liquidation_price == pytest.approx(lp, rel=1e-9)
    assert iso.distance == pytest.approx(lp / 60_000 - 1, rel=1e-9)
    assert iso.loss_if_wrong == pytest.approx(1_500 + 2_000 + 0.4 * 10_000, rel=1e-12)
    assert iso.within is False and check.warnings == ()


def test_a_limit_below_the_mark_counts_no_profit_and_names_what_is_gone_first() -> None:
    """A long "@ 45000" with the mark at 50,000 was judged 500 up as it filled, and that
    profit counted as more to lose (2,725 for a 225 margin). At 45,000 B (isolated, liquidated
    at 45,180.72) is gone first: the order alone loses its margin."""
    account = load_preset("seed-example.json")
    check = check_order(account, Ticket("BTCUSDT", "long", 20, 45_000), 0.1)
    assert check.modes["isolated"].loss_if_wrong == pytest.approx(225, rel=1e-12)
    assert check.modes["isolated"].closes == ()
    assert check.warnings == (
        "With BTCUSDT at 45,000.00, where the order fills, B is past liquidation already: "
        "the move there closes it first.",
    )
    at_mark = check_order(account, Ticket("BTCUSDT", "long", 20, 50_000), 0.1)
    assert (at_mark.mark_today, at_mark.warnings) == (None, ())


def test_a_leverage_the_venue_does_not_allow_is_said() -> None:
    """200× on BTCUSDT read "largest size within it: none" beside "within: yes", without a
    word why: Binance's brackets allow 150× at most (to 300,000 of notional)."""
    account = load_preset("seed-example.json")
    check = check_order(account, Ticket("BTCUSDT", "long", 200, 50_000), 0.5)
    assert check.modes["isolated"].max_size == 0.0
    assert check.warnings == (
        "200× is above the 150× Binance USDⓈ-M allows for BTCUSDT at a notional of "
        "25,000.00 USDT: the venue would refuse the order.",
    )


def test_positions_gone_before_the_order_fills_are_named_together() -> None:
    account = scenario(
        10_000,
        [
            position("B1", "BTCUSDT", "long", 0.1, 50_000, leverage=20),
            position("B2", "BTCUSDT", "long", 0.1, 50_000, leverage=25),
        ],
    )
    check = check_order(account, Ticket("BTCUSDT", "long", 10, 45_000), 0.01)
    assert check.warnings == (
        "With BTCUSDT at 45,000.00, where the order fills, B1, B2 are past liquidation "
        "already: the move there closes them first.",
    )


def test_a_short_that_fills_after_the_long_it_would_offset_is_gone_is_no_hedge() -> None:
    """A BTC short "@ 44000" beside B (a BTC long liquidated at 45,180.72): it fills with BTC at
    44,000, where B is gone, yet "It offsets B: in cross the two carry each other" decided
    cross. At the mark B is there, and the same short is the hedge it says."""
    account = load_preset("seed-example.json")
    later = check_order(account, Ticket("BTCUSDT", "short", 10, 44_000), 0.4)
    assert "hedge" not in {r.rule for r in later.reasons}
    now = check_order(account, Ticket("BTCUSDT", "short", 10, 50_000), 0.4)
    assert "hedge" in {r.rule for r in now.reasons}
