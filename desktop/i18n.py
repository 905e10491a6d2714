"""The window's language (issue 20): Qt's translation functions over every string it shows.

- ``tr("Wallet balance")`` translates a literal where it is shown. Text with values in it is
  a template, filled after translating (``tr("{n} more").format(n=3)``), so the catalogue
  holds one entry whatever the values.
- ``N_("...")`` marks a literal kept in a constant (a label table); it is translated with
  ``tr(constant)`` where it is shown, after the translator is installed.
- ``said(text)`` says an engine message (``engine.text.said.Said``) in the window's language.

All of them use one translation context, ``MarginLab``. ``packaging/translations.py`` finds
the literals in these calls (and the engine's ``say(...)`` templates) to update
``translations/marginlab_zh_CN.ts``; the build compiles it with ``pyside6-lrelease``
(``resources/i18n/*.qm``, not kept in git).

The language follows the system locale (``LANG``), unless the Language menu chose one;
the choice is remembered in the settings and takes effect at the next start.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from marginlab.engine.text.said import Said

CONTEXT = "MarginLab"
SETTING = "ui/language"
# Each language in its own words: a trader who cannot read the current one still finds theirs.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SYSTEM = ""  # the setting's value for "follow the system"

_log = logging.getLogger(__name__)
_installed = ["en"]  # the language the running window speaks (``install``)


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the window's language (itself when the catalogue has no entry)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def N_(text: str) -> str:
    """Marks ``text`` for the catalogue; translated later with ``tr`` where it is shown."""
    return text


def named(ids: Sequence[str], limit: int, separator: str = ", ") -> str:
    """The first ``limit`` of ``ids``, then how many more: a book of hundreds names a few."""
    text = separator.join(ids[:limit])
    if len(ids) > limit:
        text += tr(" and {n} more").format(n=len(ids) - limit)
    return text


# Words the engine hands over as values ("long", "cross"): said with ``tr(word)`` where shown.
ENGINE_WORDS = (
    *(N_("isolated"), N_("cross"), N_("long"), N_("short")),
    *(N_("Isolated"), N_("Cross"), N_("Long"), N_("Short")),
)


def said(text: str) -> str:
    """An engine message in the window's language: its template translated, then filled with
    its values, each said the same way when it is a message itself.

    A message that reached the window as plain text (joined with others, or carried by an
    exception) is recognised by its template (``engine_messages.json``, written with the
    compiled catalogue) and said the same way; any other text is looked up whole, and shown as
    it is when the catalogue lacks it (a figure, a name)."""
    if _installed[0] == "en":
        # A message is its English text (``Said``): no template to translate, nor its values
        # one by one (a book of 500 positions said 126,000 of them a keystroke).
        return str(text)
    if isinstance(text, Said):
        params = {
            key: said(value) if isinstance(value, str) else value
            for key, value in text.params.items()
        }
        return tr(text.template).format(**params) if params else tr(text.template)
    if not _LETTER.search(text):
        return text
    whole = tr(text)
    if whole != text:
        return whole
    for template, pattern in _templates():
        match = pattern.match(text)
        if match is not None:
            values = {key: said(value) for key, value in match.groupdict().items()}
            return tr(template).format(**values)
    for template, pattern in _field_rests():
        # A file's check names its field before the message ("maintenance_rate: required
        # under …"); the window shows the field in its own words and the rest here, which
        # matched no template whole. Said as the template, without its field's name.
        match = pattern.match(text)
        if match is not None:
            values = {key: said(value) for key, value in match.groupdict().items()}
            return _TRANSLATED_FIELD.sub("", tr(template).format(**values), count=1)
    return text


_LETTER = re.compile(r"[A-Za-z]")
_FIELD_TEXT = re.compile(r"\{\w+\}")
MIN_LETTERS = 6  # a template's own letters needed to recognise it in plain text
_FIELD = re.compile(r"\\\{(\w+)\\\}")


@cache
def _templates() -> list[tuple[str, re.Pattern[str]]]:
    """The engine's templates as patterns, longest first (the most specific wins)."""
    path = resources.files("marginlab.resources.i18n").joinpath("engine_messages.json")
    try:
        templates = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    # Most literal words first: the most specific template wins. A template of fields and a
    # word or two ("{size} {mode}") would match any text: those are said only as messages.
    literal = {t: len(_LETTER.findall(_FIELD_TEXT.sub("", t))) for t in templates}
    for template in sorted(templates, key=lambda t: -literal[t]):
        if literal[template] < MIN_LETTERS:
            continue
        seen: set[str] = set()

        def field(match: re.Match[str], seen: set[str] = seen) -> str:
            name = match.group(1)
            if name in seen:
                return f"(?P={name})"
            seen.add(name)
            return f"(?P<{name}>.+?)"

        out.append((template, re.compile(_FIELD.sub(field, re.escape(template)) + r"\Z", re.S)))
    return out


_FIELD_NAME = re.compile(r"^[a-z_]+: ")  # a template's field, as a file's check names it
_TRANSLATED_FIELD = re.compile(r"^[^:：]*[:：]\s*")  # the field in a translation, up to its colon


@cache
def _field_rests() -> list[tuple[str, re.Pattern[str]]]:
    """The templates that begin with a field's name, as patterns of what follows it."""
    out = []
    for template, pattern in _templates():
        head = _FIELD_NAME.match(template)
        if head is not None:
            escaped = re.escape(head.group(0))
            out.append((template, re.compile(pattern.pattern.replace(escaped, "", 1), re.S)))
    return out


def said_error(error: BaseException) -> str:
    """An engine error's message in the window's language (its first argument when that is a
    message; ``str(error)`` would have dropped the id)."""
    first = error.args[0] if len(error.args) == 1 else None
    return said(first) if isinstance(first, Said) else str(error)


def system_language() -> str:
    """The supported language closest to the system locale: Chinese for any zh locale that
    writes simplified characters, else English."""
    locale = QLocale.system()
    if locale.language() == QLocale.Language.Chinese and locale.script() in (
        QLocale.Script.SimplifiedHanScript,
        QLocale.Script.AnyScript,
    ):
        return "zh_CN" if locale.territory() not in _TRADITIONAL else "en"
    return "en"


_TRADITIONAL = (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macao)


def chosen_language(settings: QSettings) -> str:
    """The language the window starts in: the menu's choice, else the system's."""
    value = settings.value(SETTING, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def catalogue(language: str) -> Path | None:
    """The compiled catalogue for ``language``, when the build made it."""
    path = resources.files("marginlab.resources.i18n").joinpath(f"marginlab_{language}.qm")
    return path if isinstance(path, Path) and path.is_file() else None


def install(app: QCoreApplication, language: str) -> bool:
    """Install the app's and Qt's own translations for ``language`` (the standard buttons and
    dialogs), and the locale used to show numbers and dates. False when the app's catalogue is
    missing (a checkout never built): the window then stays in English, and the log says why.
    """
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _installed[0] = "en"
        return True
    found = catalogue(language)
    if found is None:
        _log.warning("no compiled %s catalogue: run `make translations`", language)
        return False
    ours = QTranslator(app)
    if not ours.load(str(found)):
        _log.warning("the %s catalogue %s did not load", language, found)
        return False
    app.installTranslator(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    else:
        _log.warning("Qt's own %s translations are not bundled", language)
    QLocale.setDefault(QLocale(language))
    _installed[0] = language
    return True


def current_language() -> str:
    """The language the window speaks: "en" until ``install`` put another one in."""
    return _installed[0]


def glossary_html(language: str) -> str:
    """The glossary (the help page) in ``language``, English when there is none."""
    help_files = resources.files("marginlab.resources.help")
    localised = help_files.joinpath(f"glossary_{language}.html")
    page = localised if localised.is_file() else help_files.joinpath("glossary.html")
    return page.read_text("utf-8")
