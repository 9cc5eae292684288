"""Catalogs: every msgid in the code is in the .pot, and every msgid has a Chinese translation with the same
placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, Translator, negotiate

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def _catalog(path: Path, locale: str | None = None):  # type: ignore[no-untyped-def]
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def test_pot_is_current(tmp_path: Path) -> None:
    out = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract", "-F", "babel.cfg", "-k", "N_",
                    "--no-location", "-o", str(out), "bot", "handlers"], cwd=ROOT, check=True)
    fresh = {m.id for m in _catalog(out) if m.id}
    committed = {m.id for m in _catalog(LOCALES_DIR / "messages.pot") if m.id}
    assert fresh - committed == set(), "run `make i18n-update` and translate the new msgids"


def test_every_msgid_has_a_chinese_translation() -> None:
    pot = [m.id for m in _catalog(LOCALES_DIR / "messages.pot") if m.id]
    zh = {m.id: m.string for m in _catalog(LOCALES_DIR / "zh" / "LC_MESSAGES" / "messages.po", "zh") if m.id}
    untranslated = [mid for mid in pot if not zh.get(mid)]
    assert untranslated == []
    wrong = [mid for mid in pot if set(PLACEHOLDER.findall(str(mid))) != set(PLACEHOLDER.findall(str(zh[mid])))]
    assert wrong == []


def test_english_catalog_exists_and_falls_back_to_msgids() -> None:
    assert (LOCALES_DIR / "en" / "LC_MESSAGES" / "messages.po").exists()
    assert Translator("en").gettext("Choose your language:") == "Choose your language:"
    assert Translator("zh").gettext("Choose your language:") == "请选择语言："


def test_negotiate_telegram_language_codes() -> None:
    assert negotiate("zh-hans") == "zh"
    assert negotiate("zh-TW") == "zh"
    assert negotiate("en-US") == "en"
    assert negotiate("en") == "en"
    assert negotiate("fr") == "zh"
    assert negotiate(None) == "zh"


def test_no_literal_msgid_hides_inside_an_fstring() -> None:
    """Babel cannot extract `_("…")` written inside an f-string on Python 3.11: such text would stay English."""
    import ast

    offenders = []
    for path in sorted([*ROOT.joinpath("bot").rglob("*.py"), *ROOT.joinpath("handlers").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant)
                        and getattr(call.func, "attr", getattr(call.func, "id", "")) in {"_", "gettext", "ngettext"}):
                    offenders.append(f"{path.relative_to(ROOT)}:{call.lineno} {call.args[0].value!r}")
    assert offenders == []
