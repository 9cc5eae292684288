"""Charts for a reader's language: the words on the picture and its caption (every point with its source). No
`telegram` imports: handlers turn these into messages."""

from __future__ import annotations

from babel.numbers import format_decimal

from bot.i18n import Translator
from bot.render.common import MESSAGE_LIMIT, esc, split_blocks
from bot.render.figures import figure_name, figure_parts, format_period, format_value
from bot.render.lookup import render_source
from bot.services.charts import ChartLabels, ChartPoint, ChartSeries, en_scale, zh_scale

#: Telegram's caption limit is 1024 characters (after entity parsing); keep a margin
CAPTION_LIMIT = 1000


def _kind(t: Translator, kind: str) -> str:
    if kind == "year":
        return t._("full years")
    if kind == "span":
        return t._("the same months each year")
    return t._("levels as of each date")


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
    periods = tuple(format_period(t, p.figure.period_label, p.figure.period_start, p.figure.period_end)
                    for p in series.points)
    values = tuple(format_decimal(round(p.figure.value_base / divisor, 4), format="#,##0.####", locale=t.locale)
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


def _point_line(t: Translator, p: ChartPoint, base_unit: str) -> str:
    f = p.figure
    parts = figure_parts(t, f)
    text = t._("{period}: {value}").format(period=esc(parts.period), value=esc(parts.value))
    if parts.growth:
        text += t._(", ") + esc(parts.growth)
    if p.others:
        also = t._(", ").join(format_value(t, v * f.value / f.value_base if f.value_base else v, f.unit, v, base_unit)
                              for v in p.others[:3])
        text += " " + esc(t._("(also reported: {values})").format(values=also))
    # the source that reported the plotted value first; another one says what it reported ("报道为13.8万亿元")
    ordered = sorted(f.sources, key=lambda s: s.value not in (None, f.value))
    if ordered:
        text += " " + render_source(t, ordered[0], shown=f)
        if len(ordered) > 1:
            text += " " + esc(t._("+{count} more").format(count=len(ordered) - 1))
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


