"""/chart (and the chart button under /metric), /export, /watch, /unwatch and the alert list in /subscriptions,
through the real Application with Telegram faked at the HTTP layer; Chinese and English; bad arguments."""

from __future__ import annotations

import csv
import io
from datetime import date

from PIL import Image

from bot.services.charts import SIZE
from tests.handlers.conftest import Harness, add_bulletin, retail_figure, sent, texts

EN = {"user_id": 2002, "language_code": "en"}


def _years(h: Harness) -> None:
    """网上零售额 for 2020–2023 (2022 reported twice with slightly different values), an H1 figure, a forecast."""
    add_bulletin(h.engine, publication="电子商务动态", issue_no="第1期", published=date(2023, 2, 1), articles=[
        {"title": "2022年网上零售额", "outlet": "每日经济新闻", "body": "全国网上零售额13.8万亿元。",
         "figures": [retail_figure(value=13.8, value_base=1.38e13, period_start=date(2022, 1, 1),
                                   period_end=date(2022, 12, 31), period_label="2022年", growth_pct=4.0,
                                   quote="全国网上零售额13.8万亿元，比上年增长4.0%。")]},
        {"title": "人民网：网上零售额", "outlet": "人民网", "body": "网上零售额13.79万亿元。",
         "figures": [retail_figure(value=13.79, value_base=1.379e13, period_start=date(2022, 1, 1),
                                   period_end=date(2022, 12, 31), period_label="2022年", growth_pct=None,
                                   quote="2022年网上零售额13.79万亿元。")]},
    ])
    add_bulletin(h.engine, publication="电子商务动态", issue_no="第2期", published=date(2024, 1, 20), articles=[
        {"title": "2023年网络零售市场发展报告", "outlet": "商务部", "body": "2023年全国网上零售额15.42万亿元。",
         "figures": [retail_figure(),  # 2023: 15.42万亿元, +11%
                     retail_figure(value=13.09, value_base=1.309e13, period_start=date(2021, 1, 1),
                                   period_end=date(2021, 12, 31), period_label="2021年", growth_pct=14.1,
                                   quote="2021年网上零售额13.09万亿元，增长14.1%。"),
                     retail_figure(value=7.16, value_base=7.16e12, period_start=date(2023, 1, 1),
                                   period_end=date(2023, 6, 30), period_label="上半年", growth_pct=13.1,
                                   quote="上半年网上零售额7.16万亿元。"),
                     retail_figure(value=16.5, value_base=1.65e13, period_start=date(2024, 1, 1),
                                   period_end=date(2024, 12, 31), period_label="2024年", is_forecast=True,
                                   growth_pct=None, quote="预计2024年网上零售额16.5万亿元。")]},
        {"title": "快递业务量", "outlet": "国家邮政局", "body": "快递业务量1320亿件。",
         "figures": [retail_figure(metric="快递业务量", metric_norm="快递业务量", value=1320, unit="亿件",
                                   value_base=1.32e11, base_unit="件", growth_pct=19.4,
                                   quote="2023年快递业务量1320亿件，增长19.4%。")]},
    ])


def _photo(call: object) -> Image.Image:
    [(name, content)] = list(call.files.values())  # type: ignore[attr-defined]
    assert name.endswith(".png")
    return Image.open(io.BytesIO(content))


# ---------------------------------------------------------------------------------------------- /chart


async def test_chart_sends_a_png_with_every_point_sourced_in_the_caption(harness: Harness) -> None:
    _years(harness)
    calls = await harness.command("/chart 网上零售额")
    assert [c.method for c in calls] == ["sendChatAction", "sendPhoto"]
    assert calls[0].params["action"] == "upload_photo"
    photo = calls[1]
    assert photo.ok
    image = _photo(photo)
    assert image.format == "PNG" and image.size == SIZE
    caption = photo.params["caption"]
    assert photo.params["parse_mode"] == "HTML"
    assert caption.startswith("<b>网上零售额</b>：3 个可比时期")
    # newest first; every point with outlet, date and article; the other 2022 value said, not hidden
    # 13.8 (每日经济新闻) and 13.79 (人民网) for 2022 are one figure reported twice: the precise value, named with the
    # source that reported it, and the other source counted
    assert caption.index("2023年：15.42万亿元，增长11%") < caption.index("2022年：13.79万亿元") < caption.index("2021年")
    assert "人民网" in caption and "/article 2 另有 1 个来源" in caption
    assert "2023年1月20日" not in caption and "2024年1月20日" in caption
    assert "上半年" not in caption and "16.5" not in caption  # another span and a forecast are not points
    assert "全部数据：/metric 网上零售额" in caption


async def test_chart_in_english(harness: Harness) -> None:
    _years(harness)
    [photo] = [c for c in await harness.command("/chart 网上零售额", **EN) if c.method == "sendPhoto"]
    assert _photo(photo).size == SIZE
    caption = photo.params["caption"]
    assert caption.startswith("<b>Online retail sales (网上零售额)</b>: 3 comparable periods")
    assert "2023: 15.42 trillion yuan, up 11%" in caption and "2022: 13.79 trillion yuan" in caption
    assert "/article 2 +1 more" in caption
    assert "Jan 20, 2024" in caption


async def test_chart_bad_arguments(harness: Harness) -> None:
    _years(harness)
    [usage] = texts(await harness.command("/chart"))
    assert usage.startswith("用法：/chart &lt;指标名称&gt; [时期]") and "/chart 网上零售额" in usage
    [usage_en] = texts(await harness.command("/chart", **EN))
    assert usage_en.startswith("Usage: /chart &lt;metric&gt; [period]")
    [unknown] = texts(await harness.command("/chart 网上零食额"))
    assert unknown.startswith("没有找到“网上零食额”的数据。") and "/chart 网上零售额" in unknown  # a suggestion
    [too_long] = texts(await harness.command("/chart " + "网" * 61))
    assert too_long == "输入太长（61 个字符，最多 60 个）。"
    [one_period] = texts(await harness.command("/chart 快递业务量"))
    assert one_period.startswith("“快递业务量”的可比数据不足，无法作图") and "/metric 快递业务量" in one_period
    [one_period_en] = texts(await harness.command("/chart 快递业务量", **EN))
    assert one_period_en.startswith("Not enough comparable figures for a chart of “快递业务量”")
    assert not harness.api.calls_to("sendPhoto")


async def test_metric_answer_has_a_chart_button_only_with_two_comparable_periods(harness: Harness) -> None:
    _years(harness)
    [answer] = sent(await harness.command("/metric 网上零售额"))
    assert "📈 走势图" in answer.button_texts
    calls = await harness.press(answer, "走势图")
    assert [c.method for c in calls] == ["answerCallbackQuery", "sendChatAction", "sendPhoto"]
    assert _photo(calls[-1]).size == SIZE
    [single] = sent(await harness.command("/metric 快递业务量"))
    assert not any("走势图" in b for b in single.button_texts)
    [english] = sent(await harness.command("/metric 网上零售额", **EN))
    assert "📈 Chart" in english.button_texts


# ---------------------------------------------------------------------------------------------- /export


def _csv(call: object) -> tuple[str, list[dict[str, str]], bytes]:
    [(name, content)] = list(call.files.values())  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    return name, rows, content


async def test_export_sends_every_figure_as_csv_with_bom(harness: Harness) -> None:
    _years(harness)
    calls = await harness.command("/export 网上零售额")
    assert [c.method for c in calls] == ["sendChatAction", "sendDocument"]
    doc = calls[1]
    name, rows, raw = _csv(doc)
    assert raw.startswith(b"\xef\xbb\xbf") and name.startswith("dongtai_网上零售额_") and name.endswith(".csv")
    assert len(rows) == 6  # every stored figure, unmerged: both 2022 values, H1, the forecast
    assert doc.params["caption"] == "网上零售额：共 6 条数据（CSV，UTF-8）"
    first = rows[0]
    assert list(first) == ["metric", "region", "value", "unit", "value_base", "base_unit", "qualifier",
                           "period_start", "period_end", "period_label", "growth_pct", "growth_pp", "is_forecast",
                           "outlet", "bulletin", "bulletin_id", "published", "article_id", "article_title", "quote",
                           "figure_id"]
    assert first["period_end"] == "2024-12-31" and first["is_forecast"] == "1"
    by_value = {r["value"]: r for r in rows}
    r2023 = by_value["15.42"]
    assert r2023["value_base"] == "15420000000000" and r2023["unit"] == "万亿元" and r2023["growth_pct"] == "11"
    assert r2023["outlet"] == "商务部" and r2023["bulletin"] == "电子商务动态 第2期"
    assert r2023["published"] == "2024-01-20" and r2023["article_id"] == "3"
    assert r2023["quote"] == "2023年全国网上零售额15.42万亿元，增长11%。"
    assert {"13.8", "13.79"} <= set(by_value)
    [en] = [c for c in await harness.command("/export 网上零售额 2022", **EN) if c.method == "sendDocument"]
    assert en.params["caption"] == "网上零售额: 2 figures (CSV, UTF-8)"
    assert {r["value"] for r in _csv(en)[1]} == {"13.8", "13.79"}


async def test_export_bad_arguments(harness: Harness) -> None:
    _years(harness)
    [usage] = texts(await harness.command("/export"))
    assert usage.startswith("用法：/export &lt;指标名称&gt; [时期]")
    [unknown] = texts(await harness.command("/export 网上零食额", **EN))
    assert unknown.startswith("No figures found for “网上零食额”.") and "/export 网上零售额" in unknown
    [too_long] = texts(await harness.command("/export " + "x" * 80, **EN))
    assert too_long == "That is too long (80 characters, at most 60)."
    [no_period] = texts(await harness.command("/export 快递业务量 2019"))
    assert no_period == "快递业务量 没有符合“快递业务量 2019”的数据。"
    assert not harness.api.calls_to("sendDocument")


# ---------------------------------------------------------------------------------------------- /watch


async def test_watch_unwatch_and_the_list_in_subscriptions(harness: Harness) -> None:
    _years(harness)
    [ok] = texts(await harness.command("/watch 网上零售额"))
    assert ok.startswith("已关注 <b>网上零售额</b>：一有新数据收录，就会通知您。") and "/unwatch 网上零售额" in ok
    [again] = texts(await harness.command("/watch 网络零售额"))  # an alias of the same metric
    assert again.startswith("您已关注 网上零售额。")
    [listing] = sent(await harness.command("/subscriptions"))
    assert "<b>指标提醒</b>" in listing.text and "• <b>网上零售额</b> — 每有新数据即通知" in listing.text
    assert "取消提醒：网上零售额" in listing.button_texts
    [en] = texts(await harness.command("/watch 快递业务量", **EN))
    assert en.startswith("Watching <b>快递业务量</b>: you get a message as soon as a new figure is stored.")
    [gone] = texts(await harness.command("/unwatch 网上零售额"))
    assert gone == "已取消 网上零售额 的提醒。"
    [none] = texts(await harness.command("/unwatch 网上零售额"))
    assert none.startswith("这里没有 网上零售额 的提醒。")
    [empty] = texts(await harness.command("/subscriptions"))
    assert empty == "还没有订阅。试试 /subscribe 跨境电商，或查看 /topics。"


async def test_watch_remove_button(harness: Harness) -> None:
    _years(harness)
    await harness.command("/watch 网上零售额", **EN)
    [listing] = sent(await harness.command("/subscriptions", **EN))
    assert "<b>Metric alerts</b>" in listing.text
    calls = await harness.press(listing, "Stop alert", **EN)
    assert calls[0].method == "answerCallbackQuery" and calls[0].params.get("text") == "Done."
    assert "Metric alerts" not in (sent(calls)[-1].text or "")


async def test_watch_bad_arguments(harness: Harness) -> None:
    _years(harness)
    [usage] = texts(await harness.command("/watch"))
    assert usage.startswith("用法：/watch &lt;指标名称&gt;")
    [unknown] = texts(await harness.command("/watch 网上零食额"))
    assert unknown.startswith("没有名为“网上零食额”的指标数据。") and "/watch 网上零售额" in unknown
    [unknown_en] = texts(await harness.command("/watch 不存在的东西", **EN))
    assert unknown_en.startswith("No metric named “不存在的东西” is stored.")
    [period] = texts(await harness.command("/watch 网上零售额 2023"))
    assert period == "提醒针对整个指标，不带时期：/watch 网上零售额"
    [too_long] = texts(await harness.command("/watch " + "网" * 61, **EN))
    assert too_long == "That is too long (61 characters, at most 60)."
    [unwatch_usage] = texts(await harness.command("/unwatch", **EN))
    assert unwatch_usage.startswith("Usage: /unwatch &lt;metric&gt;")
    from sqlmodel import select

    from bot.db.models import Watch

    with harness.session() as s:
        assert s.exec(select(Watch)).all() == []  # nothing stored by bad input
