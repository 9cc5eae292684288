"""TODO context"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.services.figures.periods import PeriodMention


@dataclass(slots=True)
class _Ctx:
    published: date | None
    year: int | None = None  # last explicit year seen in the paragraph
    period: PeriodMention | None = None  # last period seen in the paragraph
    metrics: list[str] = field(default_factory=list)  # metrics seen in the paragraph
    region: str = ""  # the article's region (from its title or lead): figures naming no region of their own
    home: str = ""  # the region the publication is named after (义乌商报 → 义乌): what 我市/全市 mean there
    prev_region: str = ""  # region of the last figure of the paragraph's previous sentence (for `其中…`)
    carry: bool = False  # this sentence refers back (其中, 同期 …, or follows a ；): it may take ctx.period
    period_forecast: bool = False  # ctx.period was stated in a forecast (`预计到2030年…`): never carried as a stock
    sentence: str = ""  # the (folded) sentence being read


#: a sentence with a time of its own that is not a period (`目前`, `未来10年`, `近年来`): no stock date carried
_OWN_TIME = re.compile(r"目前|当前|现在|如今|未来|近年|以来|过去|此前|曾经|将|预计|计划|有望|力争|累计")


def _resolve(
    pm: PeriodMention | None, ctx: _Ctx, forecast: bool, year: int | None = None
) -> tuple[date | None, date | None, str]:
    if pm is None:
        return None, None, ""
    start, end = pm.resolve(ctx.published, year if year is not None else ctx.year, future_ok=forecast)
    return start, end, pm.label
