"""Metric alerts (/watch) → Telegram HTML for a chat's language: the new figures, each with its sources and how it
compares with the previous figure of the same span. Figures are worded by `bot.render.figures.figure_parts`."""

from __future__ import annotations

from babel.numbers import format_decimal

from bot.i18n import Translator, get_translator
from bot.render.common import MESSAGE_LIMIT, esc, split_blocks
from bot.render.figures import figure_name, figure_parts, regional_name
from bot.render.lookup import render_source
from bot.services.watches import Alert, AlertItem

#: sources listed under each new figure
ALERT_SOURCES = 2


def _entry_line(t: Translator, item: AlertItem) -> str:
    parts = figure_parts(t, item.entry)
    text = t._("{period}: {value}").format(period=esc(parts.period or t._("period unknown")),
                                           value=esc(parts.value))
    if parts.growth:
        text += t._(", ") + esc(parts.growth)
    if parts.is_forecast:
        text += " " + t._("[forecast]")
    return text


def _comparison(t: Translator, item: AlertItem) -> str:
    prev = item.previous
    if prev is None:
        return esc(t._("No earlier figure of the same span is stored."))
    parts = figure_parts(t, prev)
    line = t._("Previous ({period}): {value}").format(period=esc(parts.period), value=esc(parts.value))
    if item.change_pct is not None:
        pct = format_decimal(round(abs(item.change_pct), 1), locale=t.locale)
        if item.change_pct > 0:
            line += t._(", ") + esc(t._("higher by {pct}%").format(pct=pct))
        elif item.change_pct < 0:
            line += t._(", ") + esc(t._("lower by {pct}%").format(pct=pct))
        else:
            line += t._(", ") + esc(t._("unchanged"))
    return line


def render_alert(t: Translator, alert: Alert) -> list[str]:
    """HTML message parts of an alert: the new figures, each with its source and how it compares."""
    name = figure_name(t, alert.items[0].entry if alert.items else alert)
    blocks = [t._("New figure for {metric}").format(metric=f"<b>{esc(name)}</b>")]
    for item in alert.items:
        lines = [_entry_line(t, item)]
        lines += [render_source(t, s) for s in item.entry.sources[:ALERT_SOURCES]]
        lines.append(_comparison(t, item))
        blocks.append("\n".join(lines))
    if alert.more:
        blocks.append(esc(t._("And {count} more new figures.").format(count=alert.more)))
    query = esc(regional_name(alert.metric, alert.region))
    blocks.append(t._("All figures: {command} · stop: {stop}").format(command=f"/metric {query}",
                                                                      stop=f"/unwatch {query}"))
    return split_blocks(blocks, MESSAGE_LIMIT)


def alert_parts(alert: Alert, language: str | None) -> list[str]:
    """The tick's renderer: an alert's HTML parts for a chat of `language` (None → Chinese)."""
    return render_alert(get_translator(language), alert)
