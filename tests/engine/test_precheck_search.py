"""Before you open, fast in a big book (issue 16): the pre-trade search opens its order at
dozens of sizes. It builds each probe's pools from the book's (``as_entered_with_order``)
and searches only the pools the order's symbol moves (``symbol_loss``). Both must give what
the whole build and the whole account's search give: the same pools, the same loss."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.max_loss import lowest_worth, max_losses, settled, symbol_loss
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.planning import PlanError, Ticket, opened
from marginlab.engine.margin.pools import Pool, as_entered_with_order, build_pools, margin_held
from marginlab.engine.margin.precheck import check_order, loss_if_wrong
from tests.engine.test_properties import SYMBOLS, scenarios

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.books import book

ORDER_SYMBOLS = [*sorted(SYMBOLS), "DOGEUSDT"]  # DOGE: a symbol the book does not hold


def assert_same_pools(fast: tuple[Pool, ...], whole: tuple[Pool, ...]) -> None:
    assert [(p.name, p.kind, p.cash, p.legs) for p in fast] == [
        (p.name, p.kind, p.cash, p.legs) for p in whole
    ]
    for a, b in zip(fast, whole, strict=True):
        assert list(a.parts) == list(b.parts), a.name
        # The order's pools share the book's parts, and with them each part's lowest terms.
        assert lowest_worth(a) == lowest_worth(b), a.name
        for symbol, part in a.parts.items():
            other = b.parts[symbol]
            assert part.legs == other.legs
            mark = part.legs[0].mark
            for x in (0.0, mark * 0.5, mark, mark * 2, 1e9):
                assert float(part.health(x)) == float(other.health(x)), (symbol, x)


@st.composite
def orders(draw: st.DrawFn) -> tuple[Ticket, float, str, float | None]:
    symbol = draw(st.sampled_from(ORDER_SYMBOLS))
    base = SYMBOLS.get(symbol, 0.2)
    ticket = Ticket(
        symbol,
        draw(st.sampled_from(["long", "short"])),
        draw(st.floats(1, 100)),
        base * draw(st.floats(0.8, 1.2)),
    )
    quantity = 10 ** draw(st.floats(1, 7)) / ticket.price
    mode = draw(st.sampled_from(["isolated", "cross"]))
    margin = None
    if mode == "isolated" and draw(st.booleans()):
        margin = ticket.margin(quantity) * draw(st.floats(0.5, 2.0))
    return ticket, quantity, mode, margin


def opened_or_skipped(before: Scenario, order: tuple[Ticket, float, str, float | None]) -> Scenario:
    """``before`` with ``order`` opened; an example whose order cannot be opened is skipped."""
    ticket, quantity, mode, margin = order
    assume(ticket.symbol != "DOGEUSDT" or before.rules in ("binance-usdm", "bybit-linear"))
    try:
        account, _ = opened(before, ticket, quantity, mode, margin)  # type: ignore[arg-type]
    except PlanError:
        assume(False)
        raise  # not reached: ``assume(False)`` skips the example
    return account


EMPTY_BOOKS = st.floats(10, 1e9).map(
    lambda wallet: Scenario.model_validate({"account": {"wallet_balance": wallet}})
)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(EMPTY_BOOKS, scenarios(size=6)),
    orders(),
    st.sampled_from([None, "bybit-linear"]),
    st.sampled_from([None, 0.0, 0.0006, 0.01]),
)
def test_the_order_s_pools_are_the_pools_the_whole_build_makes(
    before: Scenario,
    order: tuple[Ticket, float, str, float | None],
    venue: str | None,
    taker: float | None,
) -> None:
    """Also on Bybit, whose margins hold the fee to close: a book whose isolated margins and
    fees reach past the wallet has them scaled, and the order's pools must be scaled alike."""
    if venue is not None and before.rules == "binance-usdm":
        before = Scenario.model_validate(
            {**before.model_dump(), "rules": venue, "taker_fee": taker}
        )
    account = opened_or_skipped(before, order)
    assert_same_pools(as_entered_with_order(account, before), build_pools(account, "as_entered"))


@settings(max_examples=150, deadline=None)
@given(scenarios(size=6), orders(), st.sampled_from([-1, 1]))
def test_a_probe_goes_on_from_the_book_s_settled_pools_to_the_bit(
    before: Scenario, order: tuple[Ticket, float, str, float | None], side: int
) -> None:
    """A check settles the book's pools for its symbol once (``max_loss.settled``) and every
    probe goes on from there: the loss, the prices and the positions closed its own pass over
    every pool gives, to the bit. Settled pools the probe's do not start with (another book's)
    are not read: the probe sums its own."""
    account, ticket = opened_or_skipped(before, order), order[0]
    pools = as_entered_with_order(account, before)
    marks = before.marks()
    marks.setdefault(ticket.symbol, ticket.price)
    own = symbol_loss(pools, marks, ticket.symbol, side)
    book_pools = build_pools(before, "as_entered")[:-1]
    assert symbol_loss(pools, marks, ticket.symbol, side, settled(book_pools, ticket.symbol)) == own
    other = settled(build_pools(book(8), "as_entered")[:-1], ticket.symbol)
    assert symbol_loss(pools, marks, ticket.symbol, side, other) == own


def test_an_order_in_a_book_of_isolated_positions_only_makes_the_cross_pool_or_the_free_one() -> (
    None
):
    before = book(6).model_copy()
    isolated = before.model_copy(
        update={"positions": tuple(p for p in before.positions if p.margin_mode == "isolated")}
    )
    symbol = isolated.positions[0].symbol
    ticket = Ticket(symbol, "short", 5, isolated.marks()[symbol])
    for mode in ("isolated", "cross"):
        account, _ = opened(isolated, ticket, 3.0, mode)  # type: ignore[arg-type]
        fast = as_entered_with_order(account, isolated)
        assert fast[-1].kind == ("free" if mode == "isolated" else "cross")
        assert_same_pools(fast, build_pools(account, "as_entered"))


@pytest.mark.parametrize("mode", ["isolated", "cross"])
def test_an_order_in_an_empty_account_is_checked_as_the_whole_build_checks_it(mode: str) -> None:
    """A trader's first order: the book holds nothing yet (this raised IndexError)."""
    empty = Scenario.model_validate({"account": {"wallet_balance": 10_000}, "positions": []})
    ticket = Ticket("BTCUSDT", "long", 10, 60_000)
    account, _ = opened(empty, ticket, 0.1, mode)  # type: ignore[arg-type]
    assert_same_pools(as_entered_with_order(account, empty), build_pools(account, "as_entered"))
    check = check_order(empty, ticket, 0.1, None, 500)
    # Isolated: the order's 600 of margin is all it can lose; cross: 0.1 × 60,000 with BTC at
    # 0, the 10,000 pool left with 4,000 (no maintenance at 0: never liquidated).
    assert check.modes["isolated"].loss_if_wrong == pytest.approx(600, rel=1e-12)
    assert check.modes["cross"].loss_if_wrong == pytest.approx(6_000, rel=1e-12)


@settings(max_examples=150, deadline=None)
@given(scenarios(size=6), st.sampled_from(sorted(SYMBOLS)), st.sampled_from([-1, 1]))
def test_one_symbol_s_search_loses_what_the_whole_account_s_search_loses(
    scenario: Scenario, symbol: str, side: int
) -> None:
    assume(symbol in scenario.marks())
    pools, marks = build_pools(scenario, "as_entered"), scenario.marks()
    risks, _ = max_losses(pools, marks)
    whole = risks[symbol].fall if side < 0 else risks[symbol].rise
    found = symbol_loss(pools, marks, symbol, side)
    scale = scenario.account.wallet_balance + sum(max(p.at_marks()[0], 0.0) for p in pools)
    assert math.isclose(found.loss, whole.loss, rel_tol=1e-9, abs_tol=1e-9 * scale)
    assert found.liquidated == whole.liquidated


def test_a_pool_liquidated_today_in_another_symbol_counts_its_equity_as_lost() -> None:
    """An isolated ETH position past liquidation at its mark is worth 0 after any move: a
    wrong BTC loses its equity too, as the whole account's search counts it."""
    scenario = Scenario.model_validate(
        {
            "rules": "generic",
            "account": {"wallet_balance": 10_000},
            "positions": [
                # ETH: margin 100, 10 at 100 marked at 90.5: equity 5, maintenance 9.05 (1 %).
                {"id": "E", "symbol": "ETHUSDT", "side": "long", "quantity": 10,
                 "entry_price": 100, "mark_price": 90.5, "leverage": 10, "margin": 100,
                 "margin_mode": "isolated", "maintenance_rate": 0.01},
                {"id": "B", "symbol": "BTCUSDT", "side": "long", "quantity": 0.1,
                 "entry_price": 50_000, "leverage": 10, "margin_mode": "isolated",
                 "maintenance_rate": 0.01},
            ],
        }
    )  # fmt: skip
    pools, marks = build_pools(scenario, "as_entered"), scenario.marks()
    found = symbol_loss(pools, marks, "BTCUSDT", -1)
    # B loses its 500 margin; E's 5 is lost whatever BTC does.
    assert found.loss == pytest.approx(505, rel=1e-12)
    assert found.liquidated == ("B",)


@pytest.mark.parametrize("mode", ["isolated", "cross"])
def test_a_500_position_book_s_check_reads_as_the_whole_account_search(mode: str) -> None:
    """In the bench's 500-position book: the loss if wrong at the largest size the check
    finds is the one the account opened at that size loses in the whole account's search."""
    before = book(500)
    symbol = before.positions[3].symbol
    ticket = Ticket(symbol, "long", 10, before.marks()[symbol])
    already = max_losses(build_pools(before, "as_entered"), before.marks())[0][symbol].fall.loss
    limit = already + 400.0
    check = check_order(before, ticket, 1.0, None, limit)
    # The typed size's own figure, made from the book's pools, is the whole build's too.
    typed, order_id = opened(before, ticket, 1.0, mode)  # type: ignore[arg-type]
    searched = max_losses(build_pools(typed, "as_entered"), typed.marks())[0][symbol].fall
    assert check.modes[mode].loss_if_wrong == pytest.approx(searched.loss, rel=1e-12)  # type: ignore[index]
    assert check.modes[mode].closes == tuple(i for i in searched.liquidated if i != order_id)  # type: ignore[index]
    size = check.modes[mode].max_size  # type: ignore[index]
    assert size is not None and size > 0
    account, _ = opened(before, ticket, size, mode)  # type: ignore[arg-type]
    pools = build_pools(account, "as_entered")
    whole = max_losses(pools, account.marks())[0][symbol].fall.loss
    assert whole <= limit * (1 + 1e-9)
    assert loss_if_wrong(before, ticket, size, mode).loss == pytest.approx(whole, rel=1e-9)  # type: ignore[arg-type]
    bigger, _ = opened(before, ticket, size * 1.01, mode)  # type: ignore[arg-type]
    more = max_losses(build_pools(bigger, "as_entered"), bigger.marks())[0][symbol].fall.loss
    assert more > limit


def test_the_check_after_the_window_s_evaluation_is_the_check_made_alone() -> None:
    """The window evaluates the book first; the check then reads that evaluation's "as
    entered" instead of making its own. With the what-if at the marks (no move) only."""
    from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate

    before = book(40)
    symbol = before.positions[2].symbol
    ticket = Ticket(symbol, "short", 8, before.marks()[symbol])
    clear_headline_cache()
    alone = check_order(before, ticket, 3.0, None, 900.0)
    clear_headline_cache()
    evaluate(before, {symbol: before.marks()[symbol]})  # a what-if at the mark: no move
    assert check_order(before, ticket, 3.0, None, 900.0) == alone
    clear_headline_cache()
    evaluate(before, {symbol: before.marks()[symbol] * 0.5})  # a move: not what it reads
    assert check_order(before, ticket, 3.0, None, 900.0) == alone


@pytest.mark.parametrize(("mode", "wallet"), [("cross", 6_000), ("isolated", 6_130)])
def test_a_bybit_book_whose_fees_scale_its_isolated_margins(mode: str, wallet: float) -> None:
    """On Bybit an isolated margin holds the fee to close: a 6,000 isolated margin needs
    6,033 with it. In a 6,000 wallet the book's pools are scaled to the wallet; in 6,130 the
    book's are not, but with a 120 isolated order (6,153.33 with both fees) the account's
    are. The order's pools are the whole build's all the same."""
    before = Scenario.model_validate(
        {
            "rules": "bybit-linear",
            "account": {"wallet_balance": wallet},
            "positions": [
                {"id": "B", "symbol": "BTCUSDT", "side": "long", "quantity": 1,
                 "entry_price": 60_000, "leverage": 10, "margin_mode": "isolated"},
            ],
        }
    )  # fmt: skip
    assert margin_held(before, before.positions[0]) > 6_000  # the fee to close on top
    account, _ = opened(before, Ticket("ETHUSDT", "short", 5, 3_000), 0.2, mode)  # type: ignore[arg-type]
    whole = build_pools(account, "as_entered")
    assert whole[0].cash < margin_held(account, account.positions[0])  # scaled
    assert_same_pools(as_entered_with_order(account, before), whole)


def test_one_symbol_s_search_weighs_a_near_tie_as_the_whole_account_s_does() -> None:
    """Two ETH shorts at 1x with no maintenance are worth 0 at 6,000 whether a rise stops just
    before or just past it (a near-tie, 4e-8 apart). The whole account's search, its worth
    ~100,000, called it a tie and went past ("closes P2, P3"); the symbol's alone, its worth
    ~200, stopped before ("closes nothing"): the banner and the pre-trade check disagreed.
    Found by the tests' own Hypothesis example under another profile."""

    def short(i: int) -> dict[str, object]:
        return {"id": f"P{i}", "symbol": "ETHUSDT", "side": "short", "quantity": 0.1 / 3,
                "entry_price": 3_000, "leverage": 1, "margin_mode": "isolated",
                "maintenance_rate": 0.0}  # fmt: skip

    book = Scenario.model_validate(
        {
            "rules": "binance-usdm",
            "account": {"wallet_balance": 100_310},
            "positions": [
                {"id": "P0", "symbol": "ETHUSDT", "side": "long", "quantity": 0.01 / 3,
                 "entry_price": 3_000, "leverage": 1, "margin_mode": "isolated"},
                {"id": "P1", "symbol": "ETHUSDT", "side": "long", "quantity": 0.1 / 3,
                 "entry_price": 3_000, "leverage": 1, "margin_mode": "isolated"},
                short(2),
                short(3),
            ],
        }
    )  # fmt: skip
    pools, marks = build_pools(book, "as_entered"), book.marks()
    whole = max_losses(pools, marks)[0]["ETHUSDT"].rise
    found = symbol_loss(pools, marks, "ETHUSDT", +1)
    assert (found.loss, found.liquidated) == (whole.loss, whole.liquidated)
