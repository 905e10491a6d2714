"""The Symbol cell as a searchable list of the rule set's symbols (issue 14).

Typing any part of a name ("pepe") offers every symbol that contains it; a symbol no table
holds can still be typed (under "generic", or with an MMR override): the list helps, it does
not refuse.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.i18n import tr
from marginlab.engine.margin.rules import rule_table


def rule_set_symbols(rules: str) -> list[str]:
    """The symbols the rule set's table prices (none for "generic")."""
    return [] if rules == "generic" else sorted(rule_table(rules)["symbols"])


def attach_symbol_completer(editor: QLineEdit, model: QStringListModel, rules: str) -> None:
    """Offer the rule set's symbols that contain what is typed ("pepe" → 1000PEPEUSDT)."""
    completer = QCompleter(model, editor)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(12)
    editor.setCompleter(completer)
    editor.setToolTip(
        tr("Type part of a name: the {rules} table's symbols that contain it are offered").format(
            rules=rules
        )
        if rules != "generic"
        else tr("Any symbol: under the generic rules your MMR override prices it")
    )


class SymbolDelegate(QStyledItemDelegate):
    def __init__(self, controller: ScenarioController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._model = QStringListModel(self)
        self._rules = ""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        rules = self._controller.scenario.rules
        if rules != self._rules:  # rebuilt only when the rule set changes
            self._rules = rules
            self._model.setStringList(rule_set_symbols(rules))
        editor = QLineEdit(parent)
        attach_symbol_completer(editor, self._model, rules)
        return editor
