"""Anything typed into ``calc`` and ``check`` options ends in figures (status 0) or in messages
naming the option (status 2), never a traceback (issues 17 and 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marginlab.cli.main import main

STORY = str(Path(__file__).parents[2] / "resources" / "presets" / "before-you-open.json")
TYPED = ["1", "0.4", "50000", "10", "0", "-1", "1e400", "nan", "1,5", "50%", "x", "", "1e13"]
TYPED += ["2000", "-1,000", "150%", "1e-300"]  # past a file's bounds, negative, tiny
VALUES = st.one_of(
    st.sampled_from(TYPED),
    st.text(max_size=10).filter(lambda t: not t.startswith("-")),
)
SYMBOLS = st.sampled_from(["BTCUSDT", "ETHUSDT", "FOOUSDT", "b@d", "½"])


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status = main(argv)
    _, err = capsys.readouterr()  # each call's output is read before the next
    assert status in (0, 2), (argv, err)
    if status == 2:
        assert err.startswith("marginlab-cli: "), (argv, err)
        assert "Traceback" not in err
        # A library's words, not the trader's: pydantic's and argparse's own sentences, and
        # a field named by the file's path of a position the order is not ("positions.2").
        for words in ("should be", "invalid float", "invalid int", "positions.", "the the "):
            assert words not in err.lower(), (argv, err)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    v=st.lists(VALUES, min_size=6, max_size=6),
    symbol=SYMBOLS,
    side=st.sampled_from(["long", "short"]),
)
def test_calc_commands_answer_or_name_the_option(
    capsys: pytest.CaptureFixture[str], v: list[str], symbol: str, side: str
) -> None:
    order = ["--side", side, "--leverage", v[0]]
    _run(capsys, ["calc", "pnl", *order, "--entry", v[1], "--qty", v[2], "--exit", v[3]])
    _run(capsys, ["calc", "target", *order, "--entry", v[1], "--roe", v[4]])
    _run(capsys, ["calc", "average", "--fill", f"{v[2]}@{v[1]}", "--fill", v[5]])
    _run(capsys, ["calc", "average", STORY, "--fill", f"{v[2]}@{v[1]}", "--symbol", symbol,
                  "--side", side, "--leverage", v[0]])  # fmt: skip
    _run(capsys, ["calc", "max-open", STORY, "--symbol", symbol, *order, "--price", v[1],
                  "--step", v[5]])  # fmt: skip
    _run(capsys, ["calc", "size", STORY, "--symbol", symbol, *order, "--entry", v[1],
                  "--stop", v[3], "--max-loss", v[4]])  # fmt: skip
    _run(capsys, ["calc", "funding", STORY, "--rate", v[4], "--hold", v[5]])
    _run(capsys, ["check", STORY, "--open", f"{symbol} {side} {v[2]} @ {v[1]} x{v[0]}",
                  "--max-loss", v[4]])  # fmt: skip
    _run(capsys, ["evaluate", STORY, "--fee-rate", v[3], "--funding-rate", v[4], "--hold", v[5]])
