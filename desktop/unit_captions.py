"""Captions that name their field's unit, which follows the account and the symbol: "Entry
price (USDT)", "Isolated margin (BTC)", "Size (ETH)". A number typed without its unit in
view was a guess at what it is in: a BTCUSD price is dollars, its margin coins."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel

from marginlab.desktop.i18n import tr


def unit_caption(caption: str, unit: str) -> str:
    """``caption`` with ``unit`` after it, or alone when there is none (no symbol typed)."""
    return tr("{caption} ({unit})").format(caption=caption, unit=unit) if unit else caption


class UnitCaptions:
    """Labels, each with its caption (its mnemonic kept) and the kind of unit it names
    ("price", "amount", "size"); ``show`` writes them for the units in force."""

    def __init__(self) -> None:
        self._labels: list[tuple[QLabel, str, str]] = []

    def add(self, label: QLabel | None, caption: str, unit: str) -> None:
        if label is not None:  # a form row's label is always there; the type says it may not
            self._labels.append((label, caption, unit))

    def show(self, units: Mapping[str, str]) -> None:
        """Only a caption whose unit changed is written again: a label's new text asks its
        form for a new layout, at every keystroke."""
        for label, caption, unit in self._labels:
            text = unit_caption(caption, units.get(unit, ""))
            if label.text() != text:
                label.setText(text)
