"""``fitted_lines``: a long text in at most a few lines at a width, the rest cut with "…"."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from marginlab.desktop.elided_label import fitted_lines

WORDS = " · ".join(f"{n}: P{n} liquidated (iso) at {1000 + n:,}.00" for n in range(1, 41))


def test_a_short_text_is_shown_whole(qapp) -> None:
    assert fitted_lines("1: P1 liquidated at 100.00", QFont(), 800, 2) == (
        "1: P1 liquidated at 100.00"
    )


def test_a_long_text_takes_two_lines_each_within_the_width(qapp) -> None:
    font = QFont()
    shown = fitted_lines(WORDS, font, 400, 2).split("\n")
    assert len(shown) == 2
    assert WORDS.startswith(shown[0])  # the first line is the text's start, at a word's end
    assert shown[1].endswith("…")
    metrics = QFontMetrics(font)
    assert all(metrics.horizontalAdvance(line) <= 400 for line in shown)


def test_no_width_yet_leaves_the_text_as_it_is(qapp) -> None:
    assert fitted_lines(WORDS, QFont(), 0, 2) == WORDS
