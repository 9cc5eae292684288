"""Chart series selection (comparable periods only) and the PNG: size, and Chinese drawn with a CJK font."""

from __future__ import annotations

import io
import warnings
from datetime import date
from typing import Any

from bot.i18n import get_translator
from bot.render.charts import chart_caption, chart_labels
from bot.services.charts import FONT_FAMILY, FONT_FILE, SIZE, chart_series, missing_glyphs, render_png
from bot.services.lookup import FigureEntry, FigureSource


def src(article_id: int, outlet: str = "商务部", published: date = date(2024, 1, 20)) -> FigureSource:
    return FigureSource(article_id=article_id, article_title=f"文章{article_id}", outlet=outlet,
                        bulletin="电子商务动态 第12期", bulletin_id=1, published=published, quote="……")


def entry(value: float, start: date | None, end: date | None, *, unit: str = "万亿元", scale: float = 1e12,
          base_unit: str = "元", growth: float | None = None, region: str = "全国", forecast: bool = False,
          sources: list[FigureSource] | None = None, label: str = "") -> FigureEntry:
    sources = sources or [src(int(value * 100) % 997 + 1)]
    return FigureEntry(metric="网上零售额", region=region, value=value, unit=unit, value_base=value * scale,
                       base_unit=base_unit, qualifier="exact", period_start=start, period_end=end, period_label=label,
                       growth_pct=growth, growth_pp=None, is_forecast=forecast, sources=sources,
                       source_count=len(sources))


def year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def h1(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 6, 30)


def test_full_years_one_unit_one_region_growth_as_second_series() -> None:
    entries = [
        entry(15.42, *year(2023), growth=11.0),
        entry(13.8, *year(2022), growth=4.0, sources=[src(30, "每日经济新闻"), src(31, "新华网")]),
        entry(13.79, *year(2022), sources=[src(78, "人民网")]),  # a disagreement: kept as "also reported"
        entry(13.09, *year(2021)),
        entry(7.16, *h1(2023), growth=13.1),  # another span: left out
        entry(16.5, *year(2024), forecast=True),  # a forecast: left out
        entry(13.79, None, None),  # undated: left out
        entry(1.6, *year(2023), region="上海"),  # another region: left out
        entry(14.1, *year(2021), unit="%", base_unit="%", scale=1.0, growth=14.1),  # growth-only: 2021's growth
    ]
    series = chart_series(entries)
    assert series is not None and series.kind == "year" and series.region == "全国" and series.base_unit == "元"
    assert [p.figure.period_end.year for p in series.points] == [2021, 2022, 2023]
    assert [p.figure.value for p in series.points] == [13.09, 13.8, 15.42]
    assert [p.figure.growth_pct for p in series.points] == [14.1, 4.0, 11.0]
    p2022 = series.points[1]
    assert p2022.others == (13.79e12,) and [s.article_id for s in p2022.figure.sources] == [30, 31]
    assert series.points[0].growth_sources  # 2021's growth is traceable to its own figure
    assert series.left_out == 4  # the H1, forecast, undated and Shanghai figures


def test_same_months_across_years_beat_a_lone_full_year() -> None:
    entries = [entry(7.16, *h1(2023)), entry(6.3, *h1(2022)), entry(6.11, *h1(2021)), entry(13.8, *year(2022))]
    series = chart_series(entries)
    assert series is not None and series.kind == "span"
    assert [(p.figure.period_start, p.figure.period_end) for p in series.points] == [h1(2021), h1(2022), h1(2023)]


def test_fewer_than_two_comparable_periods_make_no_chart() -> None:
    assert chart_series([entry(7.16, *h1(2023)), entry(13.8, *year(2022)), entry(13.79, None, None)]) is None
    assert chart_series([]) is None
    # one unit only: people and yuan never share an axis
    mixed = [entry(10.8, *year(2023), unit="亿人", scale=1e8, base_unit="人"), entry(13.8, *year(2022))]
    assert chart_series(mixed) is None


def _series() -> Any:
    series = chart_series([entry(15.42, *year(2023), growth=11.0), entry(13.79, *year(2022), growth=4.0),
                           entry(13.09, *year(2021), growth=14.1), entry(11.76, *year(2020), growth=10.9)])
    assert series is not None
    return series


def test_png_size_and_cjk_text_drawn_with_the_cjk_font() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font
    from PIL import Image

    series = _series()
    t = get_translator("zh")
    labels = chart_labels(t, series)
    assert labels.title == "网上零售额" and labels.value_axis == "万亿元" and labels.periods[0] == "2020年"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render_png(series, labels)
    assert not [w for w in caught if "missing from font" in str(w.message)], [str(w.message) for w in caught]
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == SIZE
    assert sum(1 for n in image.convert("L").histogram() if n) > 20  # something was drawn (not a blank canvas)
    # the font matplotlib resolves for the title is the bundled CJK font, and it has every character written
    resolved = font_manager.findfont(font_manager.FontProperties(family=FONT_FAMILY), fallback_to_default=False)
    assert resolved == str(FONT_FILE)
    drawn = "".join([labels.title, labels.subtitle, labels.value_axis, labels.growth_axis, labels.growth_legend,
                     labels.footer, *labels.periods])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in drawn)
    assert missing_glyphs(drawn) == set()
    cjk = FT2Font(str(FONT_FILE))
    assert all(cjk.get_char_index(ord(ch)) for ch in labels.title)
    # the control: matplotlib's default font has none of these glyphs (what the bundled font is for)
    default = FT2Font(font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans")))
    assert not any(default.get_char_index(ord(ch)) for ch in labels.title)


def test_english_labels_and_caption_list_every_point_with_its_source() -> None:
    series = _series()
    t = get_translator("en")
    labels = chart_labels(t, series)
    assert labels.value_axis == "trillion yuan" and labels.periods == ("2020", "2021", "2022", "2023")
    assert labels.title == "Online retail sales (网上零售额)"
    png = render_png(series, labels)
    assert png.startswith(b"\x89PNG")
    caption, follow = chart_caption(t, series, "网上零售额")
    assert follow == [] and len(caption) <= 1024
    for p in series.points:
        assert f"/article {p.figure.sources[0].article_id}" in caption
    assert "2023: 15.42 trillion yuan, up 11%" in caption and "/metric 网上零售额" in caption


def test_long_caption_moves_the_sources_to_a_message() -> None:
    entries = [entry(1.0 + y / 10, *year(y), sources=[src(y, "一个很长的媒体名称" * 3)]) for y in range(2000, 2024)]
    series = chart_series(entries)
    assert series is not None and len(series.points) == 24
    caption, follow = chart_caption(get_translator("zh"), series, "网上零售额")
    assert len(caption) <= 1024 and follow
    assert all(f"/article {y}" in "\n".join(follow) for y in range(2000, 2024))
