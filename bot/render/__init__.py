"""Data → text for Telegram (HTML, every piece of stored text escaped) and the command line (plain), in the
reader's language. No `telegram` imports and no store access: handlers, the tick and the CLI hand data in.

    common    escaping, arguments quoted back, plain text, splitting below 4096 characters
    figures   `figure_parts()`: the words of one figure (name, value, period, growth, forecast), used by every
              place that shows a figure; Babel number/period/growth formatting; the region + metric join
    lookup    /metric lists, sources, inline results, search hits, articles; the CLI's lookup text
    digest    digests (the tick, /digest, the CLI preview)
    alerts    metric alerts (/watch)
    charts    words on a chart and its caption
    preview   upload previews

The names used across handlers are re-exported here.
"""

from bot.render.common import (
    ARG_LIMIT,
    MESSAGE_LIMIT,
    esc,
    esc_arg,
    highlight,
    plain,
    shorten,
    split_blocks,
    split_message,
)
from bot.render.figures import (
    FigureData,
    FigureParts,
    figure_line,
    figure_name,
    figure_parts,
    format_growth,
    format_period,
    format_value,
    list_scales,
    regional_name,
)
from bot.render.lookup import render_article, render_figure, render_figures, render_hit, render_source

__all__ = [
    "ARG_LIMIT",
    "MESSAGE_LIMIT",
    "FigureData",
    "FigureParts",
    "esc",
    "esc_arg",
    "figure_line",
    "figure_name",
    "figure_parts",
    "format_growth",
    "format_period",
    "format_value",
    "highlight",
    "list_scales",
    "plain",
    "regional_name",
    "render_article",
    "render_figure",
    "render_figures",
    "render_hit",
    "render_source",
    "shorten",
    "split_blocks",
    "split_message",
]
