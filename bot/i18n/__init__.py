"""Translations (gettext catalogs under locales/) and locale-aware formatting with Babel."""

from __future__ import annotations

import gettext
import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LOCALES_DIR = Path(__file__).parent / "locales"
DOMAIN = "messages"
SUPPORTED = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def negotiate(language_code: str | None) -> str:
    """Map Telegram's `language_code` (`zh-hans`, `en-US`, …) to a supported language; Chinese when unknown."""
    if not language_code:
        return DEFAULT_LANGUAGE
    code = language_code.replace("-", "_")
    try:
        found = Locale.negotiate([code, code.split("_")[0]], SUPPORTED, sep="_")
    except (ValueError, UnknownLocaleError):
        found = None
    return str(found) if found else DEFAULT_LANGUAGE


def _load_catalog(language: str) -> gettext.NullTranslations:
    mo = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    po = mo.with_suffix(".po")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.exists():  # .mo not built yet (e.g. a fresh checkout): compile in memory
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        buf = io.BytesIO()
        write_mo(buf, catalog, use_fuzzy=False)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    return gettext.NullTranslations()


class Translator:
    """gettext for one language plus Babel number/date formatting in that locale."""

    def __init__(self, language: str) -> None:
        self.language = language if language in SUPPORTED else DEFAULT_LANGUAGE
        self.locale = Locale.parse(self.language)
        self._t = _load_catalog(self.language)

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def number(self, value: float, *, digits: int | None = None) -> str:
        fmt = None if digits is None else "#,##0." + "#" * digits if digits else "#,##0"
        return format_decimal(value, format=fmt, locale=self.locale)

    def date(self, value: date, *, fmt: str = "medium") -> str:
        return format_date(value, format=fmt, locale=self.locale)

    def join(self, items: list[str] | tuple[str, ...], *, style: str = "standard") -> str:
        """`A, B and C` / `A、B和C` (style "or": `A, B or C` / `A、B或C`)."""
        return format_list(list(items), style=style, locale=self.locale)  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def get_translator(language: str | None) -> Translator:
    return Translator(language or DEFAULT_LANGUAGE)
