"""Digests → Telegram HTML for a reader's language.

`bot.services.digest.render_digest` builds the message parts (article text `html.escape`d, parts below 4096
characters); this module supplies the translator and formats headline figures with `bot.render`'s Babel helpers
(`13.8万亿元` / `13.8 trillion yuan`). Used by the tick (outbox rows are stored rendered) and by /digest.
"""

from __future__ import annotations

from bot.i18n import Translator, get_translator
from bot.render import format_growth, format_period, format_value
from bot.services.digest import Digest, HeadlineFigure, render_digest
from bot.services.figures import is_growth_only


def figure_text(t: Translator, f: HeadlineFigure) -> str:
    name = f.metric if f.region in ("", "全国") else f"{f.region}{f.metric}"
    growth = format_growth(t, f.growth_pct, f.growth_pp, f.growth_basis, decimals=getattr(f, "growth_decimals", None))
    if is_growth_only(f):  # a change without a level: show the change, never "16%" as if it were the amount
        value, growth = growth, ""
    else:
        value = format_value(t, f.value, f.unit, f.value_base, f.base_unit, getattr(f, "value_decimals", None))
    extra = [p for p in (format_period(t, f.period_label, f.period_start, f.period_end), growth) if p]
    sep = t._(", ")
    text = f"{name}: {value}" + (f" ({sep.join(extra)})" if extra else "")
    if f.is_forecast:
        text += " " + t._("(forecast)")
    return text


def digest_parts(digest: Digest, language: str | None) -> list[str]:
    """The HTML message parts of `digest` for a reader of `language` (None → the default, Chinese)."""
    t = get_translator(language)
    return render_digest(digest, t, figure_text=lambda f: figure_text(t, f))
