"""Account panel: which account of the file is shown, its name, wallet balance, currency, max
acceptable loss and rule set."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.elided_label import ElidedLabel
from marginlab.desktop.fields import EditField, problem_for
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.style import tint
from marginlab.desktop.wording import trader_words
from marginlab.engine.margin.fees import BASE_TAKER_RATES
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.rules import (
    RULE_SETS,
    stale_table_warning,
    table_age_days,
    table_info,
)
from marginlab.engine.text.numbers import number_text

TIPS = {
    "wallet_balance": N_(
        "Deposits + realised PnL − fees. Under cross this whole amount, less the "
        "isolated margins, is the pool every cross position can lose."
    ),
    "currency": N_("Settlement currency of the linear contracts (e.g. USDT)"),
    "max_acceptable_loss": N_(
        "The most you accept to lose if you are wrong. Empty = no limit. "
        "Variants whose max loss is above it are flagged."
    ),
}


class AccountPanel(QGroupBox):
    refused = Signal(str)  # other rules were not used, and why (for the status line)

    def __init__(self, controller: ScenarioController, parent: QWidget | None = None) -> None:
        super().__init__(tr("Account"), parent)
        self._controller = controller
        form = QFormLayout(self)
        # A file may hold the trader's accounts in several settlement currencies: one is shown.
        self.accounts = QComboBox()
        self.accounts.setAccessibleName("accounts")
        # As wide as the column gives it, not as its longest name: "1. USDT account with a
        # BTCUSDT short, beside a BTC-margined long (USDT)" made the window 1,491 px wide,
        # past a laptop's screen. Its list, and its tooltip, name each account whole.
        self.accounts.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.accounts.setMinimumContentsLength(12)
        self.accounts.activated.connect(controller.show_account)
        self.accounts_label = QLabel(tr("S&how"))
        self.accounts_label.setBuddy(self.accounts)
        form.addRow(self.accounts_label, self.accounts)
        self.apart = QLabel(
            tr(
                "These accounts never share collateral: a loss in one cannot liquidate another, "
                "and a profit in one cannot save another."
            )
        )
        self.apart.setWordWrap(True)
        self.apart.setAccessibleName("accounts apart")
        tint(self.apart, "#707070")
        form.addRow(self.apart)
        controller.accountsChanged.connect(self._show_accounts)
        self.name = EditField(
            "name",
            tr("Scenario name, shown in the title bar"),
            lambda text: controller.set_meta("name", text),
        )
        form.addRow(tr("&Name"), self.name)
        self.fields: dict[str, EditField] = {}
        for field, label in (
            ("wallet_balance", tr("&Wallet balance")),
            ("currency", tr("C&urrency")),
            ("max_acceptable_loss", tr("Max acceptable &loss")),
        ):
            edit = EditField(
                f"account.{field}",
                tr(TIPS[field]),
                partial(controller.set_account, field),
            )
            self.fields[field] = edit
            form.addRow(label, edit)
        self.fee = EditField(
            "taker_fee",
            tr(
                "Taker fee per fill, in %. Empty: the venue's base (non-VIP) rate. It is taken off "
                "PnL and sets the break-even price; Bybit also counts the fee to close in its "
                "maintenance margin, so it moves the liquidation price there."
            ),
            controller.set_taker_fee,
        )
        form.addRow(tr("Taker &fee (%)"), self.fee)
        self.rules = QComboBox()
        self.rules.addItems(list(RULE_SETS))
        self.rules.setAccessibleName("rules")
        for i, name in enumerate(RULE_SETS):
            info = table_info(name)
            tip = info["source"] + (
                "\n" + tr("Tables as of {date}").format(date=info["as_of"]) if info["as_of"] else ""
            )
            self.rules.setItemData(i, tip, role=3)  # Qt.ToolTipRole
        self.rules.setToolTip(tr("Which venue's maintenance-margin rules price the positions"))
        self.rules.activated.connect(self._on_rules_activated)
        form.addRow(tr("&Rules"), self.rules)
        # Two lines at most, the whole warning in its tooltip: wrapped whole in the narrow
        # column it took seven lines at 1280 × 720 and left the positions table one row.
        # Across both columns, under the rules' box: in the field's column alone its date and
        # age were cut ("⚠ Tiers as of 2025-09-18, 14 …").
        self.stale = ElidedLabel(2)
        self.stale.setAccessibleName("rules date")
        self.stale.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.stale)
        controller.scenarioChanged.connect(self._show)
        controller.problemsChanged.connect(self._on_problems_changed)
        self._show(controller.scenario)
        self._show_accounts()

    def _show_accounts(self) -> None:
        accounts = self._controller.file_scenario.accounts
        shown = self._controller.shown_account
        texts = [
            tr("{number}. {name} ({currency})").format(
                number=i + 1, name=a.name, currency=a.account.currency
            )
            for i, a in enumerate(accounts)
        ]
        if [self.accounts.itemText(i) for i in range(self.accounts.count())] != texts:
            self.accounts.clear()
            self.accounts.addItems(texts)
        self.accounts.setCurrentIndex(shown)
        self.accounts.setToolTip(
            (texts[shown] + "\n\n" if texts else "")
            + tr(
                "The accounts in this file. Each settles in its own currency and has its own "
                "wallet: they never share collateral, so each is evaluated on its own."
            )
        )
        several = len(accounts) > 1
        for widget in (self.accounts, self.accounts_label, self.apart):
            widget.setVisible(several)
        self.setTitle(
            tr("Account {number} of {count}").format(number=shown + 1, count=len(accounts))
            if several
            else tr("Account")
        )

    def _show(self, scenario: Scenario) -> None:
        self.name.show_value(scenario.name)
        account = scenario.account
        self.fields["wallet_balance"].show_value(number_text(account.wallet_balance))
        self.fields["currency"].show_value(account.currency)
        self.fields["max_acceptable_loss"].show_value(number_text(account.max_acceptable_loss))
        self.rules.setCurrentIndex(RULE_SETS.index(scenario.rules))
        typed = scenario.taker_fee
        self.fee.show_value("" if typed is None else number_text(typed * 100))
        base = BASE_TAKER_RATES[scenario.rules] * 100
        self.fee.setPlaceholderText(tr("{rate} (venue base rate)").format(rate=number_text(base)))
        # The table's date under its name (tiers change), and a warning once it is old.
        warning = stale_table_warning(scenario.rules, date.today())
        as_of = table_info(scenario.rules)["as_of"]
        days = table_age_days(scenario.rules, date.today())
        text = (
            "⚠ "
            + tr("Tiers as of {date}, {months} months old").format(date=as_of, months=days // 30)
            if warning and days is not None
            else tr("Tiers as of {date}").format(date=as_of)
            if as_of
            else ""
        )
        self.stale.set_full_text(text)
        self.stale.setToolTip(f"⚠ {said(warning)}" if warning else "")
        tint(self.stale, "#c0392b" if warning else "#707070")

    def _on_rules_activated(self, index: int) -> None:
        """Other rules, or, when the positions as they are cannot be priced by them, the
        rules in use kept and why the others were not used said in the status line: the
        fields are as valid as before, and none of them is marked (an MMR field left red,
        "required under rules 'generic'", beside rules that were still binance-usdm)."""
        wanted = RULE_SETS[index]
        controller = self._controller
        if controller.set_meta("rules", wanted):
            return
        scenario = controller.scenario
        reasons = "; ".join(
            trader_words(f"{where}: {said(message)}", scenario)
            for where, message in controller.problems.items()
        )
        controller.clear_problems()
        self.rules.setCurrentIndex(RULE_SETS.index(scenario.rules))
        self.refused.emit(
            tr("Rules: {wanted} not used ({reasons}); still {rules}").format(
                wanted=wanted, reasons=reasons, rules=scenario.rules
            )
        )

    def _on_problems_changed(self, problems: dict[str, str]) -> None:
        for edit in (self.name, self.fee, *self.fields.values()):
            edit.show_problem(problem_for(edit, problems))
