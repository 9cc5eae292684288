"""Charts and metric alerts for a reader's language: the words on a chart, its caption (every point with its
source), and the HTML of an alert. No `telegram` imports: handlers and the tick turn these into messages."""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal

from bot.i18n import Translator, get_translator
from bot.render import esc, figure_name, format_growth, format_period, format_value, render_source
from bot.services.charts import ChartLabels, ChartPoint, ChartSeries, en_scale, zh_scale
from bot.services.figures import is_growth_only
from bot.services.lookup import FigureEntry
from bot.services.watches import Alert, AlertItem
from bot.text.split import split_blocks

#: Telegram's caption limit is 1024 characters (after entity parsing); keep a margin
CAPTION_LIMIT = 1000
MESSAGE_LIMIT = 4000



def _kind(t: Translator, kind: str) -> str:
    if kind == "year":
        return t._("full years")
    if kind == "span":
        return t._("the same months each year")
    return t._("levels as of each date")


def _period(t: Translator, p: ChartPoint | FigureEntry) -> str:
    return format_period(t, p.period_label, p.period_start, p.period_end)


def chart_labels(t: Translator, series: ChartSeries) -> ChartLabels:
    """The words and numbers on the picture."""
    zh = t.language == "zh"
    if zh:
        divisor, unit = zh_scale(series.max_abs, series.base_unit)
    elif series.base_unit in ("%", "个百分点"):
        divisor, unit = 1.0, "%" if series.base_unit == "%" else t._("percentage points")
    else:
        divisor, _word = en_scale(series.max_abs)
        # "1 trillion yuan" → "trillion yuan": the scale and unit words exactly as /metric writes them
        one = format_value(t, 1.0, series.base_unit, divisor, series.base_unit)
        unit = one[2:] if one.startswith("1 ") else "" if one == "1" else one
    periods = tuple(_period(t, p) for p in series.points)
    values = tuple(format_decimal(round(p.value_base / divisor, 4), format="#,##0.####", locale=t.locale)
                   for p in series.points)
    name = figure_name(t, series)
    subtitle = t._("{span}: {first} to {last}, {count} periods").format(
        span=_kind(t, series.kind), first=periods[0], last=periods[-1], count=len(periods))
    footer = t._("Each point's source is in the caption.")
    if series.left_out:
        footer += " " + t._("Not shown: {count} figures of other spans, units or regions, and forecasts.").format(
            count=series.left_out)
    return ChartLabels(
        title=name, subtitle=subtitle, value_axis=unit or name, value_legend=name,
        growth_axis=t._("Growth (%)"), growth_legend=t._("Growth as reported (%)"), periods=periods,
        value_texts=values, footer=footer, divisor=divisor,
    )


@dataclass(frozen=True, slots=True)
class _PointAsEntry:
    """What `render_source` compares a source's reported value with."""

    value: float
    unit: str
    qualifier: str
    base_unit: str


def _point_line(t: Translator, p: ChartPoint, base_unit: str) -> str:
    value = format_value(t, p.value, p.unit, p.value_base, base_unit)
    growth = format_growth(t, p.growth_pct, None)
    text = t._("{period}: {value}").format(period=esc(_period(t, p)), value=esc(value))
    if growth:
        text += t._(", ") + esc(growth)
    if p.others:
        also = t._(", ").join(format_value(t, v * p.value / p.value_base if p.value_base else v, p.unit, v, base_unit)
                              for v in p.others[:3])
        text += " " + esc(t._("(also reported: {values})").format(values=also))
    # the source that reported the plotted value first; another one says what it reported ("报道为13.8万亿元")
    ordered = sorted(p.sources, key=lambda s: getattr(s, "value", None) not in (None, p.value))
    src = ordered[0] if ordered else None
    if src is not None:
        text += " " + render_source(t, src, entry=_PointAsEntry(p.value, p.unit, p.qualifier, base_unit))
        if len(p.sources) > 1:
            text += " " + esc(t._("+{count} more").format(count=len(p.sources) - 1))
    if p.growth_sources:
        text += " " + esc(t._("growth:")) + " " + render_source(t, p.growth_sources[0])
    return "• " + text


def chart_caption(t: Translator, series: ChartSeries, query: str) -> tuple[str, list[str]]:
    """(caption, follow-up messages): the caption lists every point with its source when it fits Telegram's
    1024 characters, else it says so and the list follows as messages."""
    name = figure_name(t, series)
    head = t._("{name}: {count} comparable periods").format(name=f"<b>{esc(name)}</b>", count=len(series.points))
    lines = [_point_line(t, p, series.base_unit) for p in reversed(series.points)]  # newest first, as in /metric
    tail = t._("All figures: {command}").format(command=f"/metric {esc(query)}")
    caption = "\n".join([head, *lines, tail])
    if len(caption) <= CAPTION_LIMIT:
        return caption, []
    short = "\n".join([head, esc(t._("Sources of every point follow in the next message.")), tail])
    return short, split_blocks(["\n".join([head, *lines])], MESSAGE_LIMIT)


# ---------------------------------------------------------------------------------------------- alerts


def _entry_line(t: Translator, e: FigureEntry) -> str:
    growth = format_growth(t, e.growth_pct, e.growth_pp)
    if is_growth_only(e):
        value, growth = growth, ""
    else:
        value = format_value(t, e.value, e.unit, e.value_base, e.base_unit)
    text = t._("{period}: {value}").format(period=esc(_period(t, e) or t._("period unknown")), value=esc(value))
    if growth:
        text += t._(", ") + esc(growth)
    if e.is_forecast:
        text += " " + t._("[forecast]")
    return text


def _comparison(t: Translator, item: AlertItem) -> str:
    prev = item.previous
    if prev is None:
        return esc(t._("No earlier figure of the same span is stored."))
    line = t._("Previous ({period}): {value}").format(period=esc(_period(t, prev)),
                                                      value=esc(_value_only(t, prev)))
    if item.change_pct is not None:
        pct = format_decimal(round(abs(item.change_pct), 1), locale=t.locale)
        if item.change_pct > 0:
            line += t._(", ") + esc(t._("higher by {pct}%").format(pct=pct))
        elif item.change_pct < 0:
            line += t._(", ") + esc(t._("lower by {pct}%").format(pct=pct))
        else:
            line += t._(", ") + esc(t._("unchanged"))
    return line


def _value_only(t: Translator, e: FigureEntry) -> str:
    if is_growth_only(e):
        return format_growth(t, e.growth_pct, e.growth_pp)
    return format_value(t, e.value, e.unit, e.value_base, e.base_unit)


def render_alert(t: Translator, alert: Alert) -> list[str]:
    """HTML message parts of an alert: the new figures, each with its source and how it compares."""
    sample = alert.items[0].entry if alert.items else None
    name = figure_name(t, sample) if sample is not None else alert.metric
    blocks = [t._("New figure for {metric}").format(metric=f"<b>{esc(name)}</b>")]
    for item in alert.items:
        lines = [_entry_line(t, item.entry)]
        lines += [render_source(t, s) for s in item.entry.sources[:2]]
        lines.append(_comparison(t, item))
        blocks.append("\n".join(lines))
    if alert.more:
        blocks.append(esc(t._("And {count} more new figures.").format(count=alert.more)))
    blocks.append(t._("All figures: {command} · stop: {stop}").format(
        command=f"/metric {esc(alert.query)}", stop=f"/unwatch {esc(alert.query)}"))
    return split_blocks(blocks, MESSAGE_LIMIT)


def alert_parts(alert: Alert, language: str | None) -> list[str]:
    """The tick's renderer: an alert's HTML parts for a chat of `language` (None → Chinese)."""
    return render_alert(get_translator(language), alert)
