"""The figure record and the two predicates every user of figures shares.

    FigureValue            the fields every figure shares (metric … is_forecast, decimals); lookup's FigureEntry too
    ExtractedFigure        one figure as extracted (FIGURE_FIELDS: its field names, the Figure columns they fill)
    GrowthFields           what is_growth_only reads (ExtractedFigure, FigureEntry, db Figure rows)
    is_growth_only(f)      a change stated without a level (value = the change; see the package docstring)
    normalise_metric(name) the canonical key of a metric name

Used by every module of the package, by metrics lookup (normalise_metric; FigureEntry is a FigureValue) and by the
renderers, digests, watches and charts (is_growth_only, on ORM rows as on ExtractedFigure)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Protocol

from bot.services.figures.script import to_simplified


@dataclass(slots=True)
class FigureValue:
    """What a figure says: one value of one metric, region and period, with its growth. The fields an extracted
    figure (ExtractedFigure) and a looked-up entry (bot.services.lookup.FigureEntry) share."""

    metric: str
    region: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    qualifier: str  # exact | approx | lower_bound | upper_bound
    period_start: date | None
    period_end: date | None
    period_label: str
    growth_pct: float | None
    growth_pp: float | None
    is_forecast: bool
    #: decimals the source wrote for the value and the growth (`4.0%` → 1): render keeps the source's precision
    #: (keyword-only, so that the subclasses' own fields keep their positions)
    value_decimals: int | None = field(default=None, kw_only=True)
    growth_decimals: int | None = field(default=None, kw_only=True)


@dataclass(slots=True)
class ExtractedFigure(FigureValue):
    """One figure as extracted: its value and where the source says it."""

    quote: str
    span_start: int
    span_end: int


FIGURE_FIELDS = tuple(f.name for f in fields(ExtractedFigure))

_NATIONAL_PREFIX = re.compile(r"^(?:全国|我国)")


class GrowthFields(Protocol):
    """What is_growth_only reads: a FigureValue, or a stored Figure row (which is no FigureValue)."""

    value: float
    unit: str
    growth_pct: float | None
    growth_pp: float | None


def is_growth_only(figure: GrowthFields) -> bool:
    """True for a growth-only figure (see the convention above): a change stated without a level, whose value is
    the change itself. Renderers show such a figure as the change ("增长6.2%"), never as a level ("6.2%")."""
    unit, value, pct, pp = figure.unit, figure.value, figure.growth_pct, figure.growth_pp
    if value is None:  # a row not filled in yet
        return False
    if unit == "%":
        return pct is not None and pp is None and abs(value - pct) < 1e-9
    if unit == "个百分点":
        return pp is not None and pct is None and abs(value - pp) < 1e-9
    return False


def normalise_metric(name: str) -> str:
    """Canonical key of a metric name, shared by extraction and lookup.

    NFKC (full/half width folded), traditional characters simplified (網上零售額 → 网上零售额), all whitespace removed, a leading 全国/我国 stripped, ASCII lower-cased.
    Deterministic and idempotent: `normalise_metric(normalise_metric(x)) == normalise_metric(x)`.
    """
    s = to_simplified("".join(unicodedata.normalize("NFKC", name).split()))
    while True:
        stripped = _NATIONAL_PREFIX.sub("", s)
        if stripped == s:
            break
        s = stripped
    return "".join(c.lower() if c.isascii() else c for c in s)
