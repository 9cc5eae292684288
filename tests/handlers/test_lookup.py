"""/metric, /search, /article, /latest, page buttons and inline mode, over rows in a real SQLite store."""

from __future__ import annotations

from datetime import date

from tests.handlers.conftest import USER, Harness, add_bulletin, retail_figure, sent, texts

BODY = "2023年全国网上零售额15.42万亿元，增长11%。其中实物商品网上零售额13.02万亿元，增长8.4%。"


def _store(h: Harness) -> None:
    add_bulletin(h.engine, published=date(2024, 1, 20), articles=[
        {"title": "2023年网络零售市场发展报告", "outlet": "商务部", "section": "数据观察", "body": BODY,
         "figures": [retail_figure(), retail_figure(
             metric="实物商品网上零售额", metric_norm="实物商品网上零售额", value=13.02, value_base=1.302e13,
             growth_pct=8.4, quote="实物商品网上零售额13.02万亿元，增长8.4%。")]},
        {"title": "直播电商<新>规出台 & 平台回应", "outlet": "电商报", "section": "政策法规",
         "body": "直播电商行业迎来新规。主播须实名。"},
    ])


async def test_metric_chinese_value_period_growth_and_source(harness: Harness) -> None:
    _store(harness)
    calls = await harness.command("/metric 网上零售额")
    assert [c.method for c in calls] == ["sendChatAction", "sendMessage"]
    assert calls[0].params["action"] == "typing"
    text = calls[1].text
    assert "15.42万亿元" in text and "2023年" in text and "，增长11%" in text
    assert "商务部" in text and "电子商务动态 第12期" in text and "/article 1" in text


async def test_metric_english_formats_numbers_for_the_language(harness: Harness) -> None:
    _store(harness)
    [msg] = sent(await harness.command("/metric 网上零售额", user_id=2002, language_code="en"))
    assert "15.42 trillion yuan" in msg.text and "(2023)" in msg.text and "<b>网上零售额</b>: " in msg.text and "up 11%" in msg.text and "year on year" not in msg.text


async def test_metric_paginates_with_buttons(harness: Harness) -> None:
    figures = [retail_figure(period_start=date(2010 + i, 1, 1), period_end=date(2010 + i, 12, 31),
                             period_label=f"{2010 + i}年", value=1.0 + i, value_base=(1.0 + i) * 1e12,
                             quote=f"{2010 + i}年网上零售额{1 + i}万亿元") for i in range(12)]
    add_bulletin(harness.engine, articles=[{"title": "历年网上零售额", "body": "历年数据。", "figures": figures}])
    [first] = sent(await harness.command("/metric 网上零售额"))
    assert "（第 1/3 页）" in first.text and "<b>网上零售额</b>：" in first.text and "2021年" in first.text and "2015年" not in first.text
    assert first.button_texts == ["下一页 »", "📈 走势图"]  # 12 full years: a chart too
    # newest period first
    assert first.text.index("2021年") < first.text.index("2020年")
    calls = await harness.press(first, "下一页")
    assert [c.method for c in calls] == ["answerCallbackQuery", "editMessageText"]
    page2 = calls[1]
    assert page2.params["message_id"] == first.response["result"]["message_id"]
    assert "（第 2/3 页）" in page2.text and "2016年" in page2.text and "2021年" not in page2.text
    assert page2.button_texts == ["« 上一页", "下一页 »", "📈 走势图"]


async def test_metric_not_found_offers_suggestions(harness: Harness) -> None:
    _store(harness)
    [msg] = sent(await harness.command("/metric 网上零食额"))
    assert "没有找到“网上零食额”的数据" in msg.text
    if msg.button_texts:  # suggestions from the lookup service, as buttons that run the lookup
        data = msg.buttons[0][0]["callback_data"]
        assert data.startswith("m|1|")
        calls = await harness.feed(harness.updates.callback(data, message=msg))
        assert "万亿元" in texts(calls)[-1]


async def test_metric_without_argument_shows_usage(harness: Harness) -> None:
    [text] = texts(await harness.command("/metric"))
    assert text.startswith("用法：/metric &lt;指标名称&gt; [时期]") and "/metric 网上零售额" in text


async def test_search_ranks_titles_with_escaped_highlighted_snippets(harness: Harness) -> None:
    _store(harness)
    [msg] = sent(await harness.command("/search 直播电商"))
    assert "<b>直播电商&lt;新&gt;规出台 &amp; 平台回应</b>" in msg.text
    assert "/article 2" in msg.text


async def test_search_nothing_found_and_usage(harness: Harness) -> None:
    _store(harness)
    assert texts(await harness.command("/search 火星"))[-1] == "没有找到与“火星”相关的文章。"
    assert texts(await harness.command("/search"))[-1].startswith("用法：/search")


async def test_article_full_text_with_figures_and_escaping(harness: Harness) -> None:
    _store(harness)
    [msg] = sent(await harness.command("/article 1"))
    assert msg.text.startswith("<b>2023年网络零售市场发展报告</b>")
    assert "商务部 · 电子商务动态 第12期" in msg.text and BODY in msg.text
    assert "<b>本文数据</b>" in msg.text and "13.02万亿元" in msg.text
    [esc_msg] = sent(await harness.command("/article 2"))
    assert "&lt;新&gt;" in esc_msg.text and "&amp;" in esc_msg.text


async def test_long_article_is_split_below_4096_on_paragraphs(harness: Harness) -> None:
    paragraphs = [f"第{i}段。" + "网络零售持续增长，" * 60 for i in range(20)]
    add_bulletin(harness.engine, articles=[{"title": "长文", "body": "\n".join(paragraphs)}])
    msgs = sent(await harness.command("/article 1"))
    assert len(msgs) >= 3
    assert all(len(m.text) <= 4096 for m in msgs)
    joined = "\n\n".join(m.text for m in msgs)
    for p in paragraphs:
        assert p in joined  # no paragraph was cut


async def test_article_bad_and_missing_ids(harness: Harness) -> None:
    assert texts(await harness.command("/article abc"))[-1].startswith("用法：/article")
    assert texts(await harness.command("/article 999"))[-1] == "没有编号为 999 的文章。"


async def test_latest_lists_contents_by_section(harness: Harness) -> None:
    assert texts(await harness.command("/latest"))[-1] == "还没有收录任何简报。"
    add_bulletin(harness.engine, published=date(2023, 5, 1), issue_no="第1期",
                 articles=[{"title": "旧文章", "body": "旧。"}])
    _store(harness)
    [msg] = sent(await harness.command("/latest"))
    assert msg.text.startswith("<b>电子商务动态 第12期</b>")
    assert "<b>数据观察</b>\n/article 2 2023年网络零售市场发展报告" in msg.text
    assert "<b>政策法规</b>" in msg.text and "旧文章" not in msg.text


async def test_inline_query_offers_figures_and_articles(harness: Harness) -> None:
    _store(harness)
    calls = await harness.feed(harness.updates.inline("网上零售额", user_id=USER))
    [answer] = [c for c in calls if c.method == "answerInlineQuery"]
    results = answer.params["results"]
    assert results[0]["id"] == "f0" and "15.42万亿元" in results[0]["title"]
    assert "15.42万亿元" in results[0]["input_message_content"]["message_text"]
    assert any(r["id"].startswith("a") for r in results)
    empty = await harness.feed(harness.updates.inline("", user_id=USER))
    assert empty[-1].method == "answerInlineQuery" and empty[-1].params["results"] == []


async def test_pressing_the_same_page_twice_is_quiet(harness: Harness) -> None:
    figures = [retail_figure(period_start=date(2010 + i, 1, 1), period_end=date(2010 + i, 12, 31),
                             period_label=f"{2010 + i}年", quote=f"{i}") for i in range(8)]
    add_bulletin(harness.engine, articles=[{"title": "历年", "body": "历年数据。", "figures": figures}])
    [first] = sent(await harness.command("/metric 网上零售额"))
    page2 = (await harness.press(first, "下一页"))[-1]
    assert page2.ok
    again = await harness.press(first, "下一页")  # a double tap: Telegram says "not modified"; no apology
    assert [c.method for c in again] == ["answerCallbackQuery", "editMessageText"]
    assert again[-1].status == 400 and "not modified" in again[-1].response["description"]


async def test_metric_in_english_finds_the_chinese_metric(harness: Harness) -> None:
    """"Chinese first, English too": English names find the Chinese metrics, and English readers see the English
    name next to the Chinese one; Chinese readers see the Chinese name only."""
    _store(harness)
    [en] = sent(await harness.command("/metric online retail sales", user_id=2002, language_code="en"))
    assert "<b>online retail sales</b>: 1 figure" in en.text
    assert "<b>Online retail sales (网上零售额)</b>: 15.42 trillion yuan (2023)" in en.text
    [en_year] = sent(await harness.command("/metric Online Retail Sales 2023", user_id=2002, language_code="en"))
    assert "15.42 trillion yuan" in en_year.text
    [zh] = sent(await harness.command("/metric online retail sales"))
    assert "<b>网上零售额</b>：15.42万亿元" in zh.text and "Online" not in zh.text.split("\n", 1)[1]
    [physical] = sent(await harness.command("/metric online retail sales of physical goods", user_id=2002,
                                            language_code="en"))
    assert "<b>Online retail sales of physical goods (实物商品网上零售额)</b>: 13.02 trillion yuan" in physical.text
    calls = await harness.feed(harness.updates.inline("online retail sales", user_id=2002, language_code="en"))
    [answer] = [c for c in calls if c.method == "answerInlineQuery"]
    assert answer.params["results"][0]["title"].startswith("Online retail sales (网上零售额) 15.42 trillion yuan")


async def test_metric_suggestions_skip_fragments_and_generic_heads(harness: Harness) -> None:
    _store(harness)
    add_bulletin(harness.engine, issue_no="第13期", articles=[{"title": "碎片", "body": "碎片。", "figures": [
        retail_figure(metric=name, metric_norm=name, quote=name) for name in ("的阿", "三级指标", "二级指标")]}])
    [msg] = sent(await harness.command("/metric 不存在的指标"))
    assert "没有找到“不存在的指标”的数据" in msg.text and msg.button_texts == []
    assert "/search 不存在的指标" in msg.text
    [near] = sent(await harness.command("/metric 农村零售价格"))
    assert near.button_texts and near.button_texts[0] == "网上零售额"  # shares 零售, not just 的 or 指标
    assert "的阿" not in near.button_texts and "三级指标" not in near.button_texts


async def test_metric_pages_fetch_one_page_and_count_beyond_fifty(harness: Harness) -> None:
    """Each page is its own lookup (limit 5 at its offset); the header counts all pages, "50+" past the 10 pages
    /metric shows."""
    figures = [retail_figure(period_start=date(1960 + i, 1, 1), period_end=date(1960 + i, 12, 31),
                             period_label=f"{1960 + i}年", value=1.0 + i, value_base=(1.0 + i) * 1e12,
                             quote=f"{1960 + i}年网上零售额") for i in range(56)]
    add_bulletin(harness.engine, articles=[{"title": "历年网上零售额", "body": "历年数据。", "figures": figures}])
    [first] = sent(await harness.command("/metric 网上零售额"))
    assert "50+ 条数据" in first.text and "（第 1/10 页）" in first.text and "2015年" in first.text
    [en] = sent(await harness.command("/metric 网上零售额", user_id=2002, language_code="en"))
    assert "50+ figures, newest first" in en.text and "(page 1 of 10)" in en.text
    page2 = (await harness.press(first, "下一页"))[-1]
    assert "（第 2/10 页）" in page2.text and "2010年" in page2.text and "2011年" not in page2.text


async def test_a_4096_character_argument_is_cut_and_every_part_is_well_formed(harness: Harness) -> None:
    """`/metric` with a 4096-character argument once produced a part with an unclosed <b> (Telegram refuses it)."""
    from bot.render import ARG_LIMIT
    from tests.unit.test_html_split import check_part

    _store(harness)
    for command in ("/metric", "/search"):
        argument = ("网上零售额&<b>" * 500)[:4096 - len(command) - 1]
        calls = sent(await harness.command(f"{command} {argument}"))
        assert calls, command
        for call in calls:
            content = check_part(call.text, 4096)
            unit = "网上零售额&<b>"
            # quoted back at most twice ("no figures for …", "try /search …"), each cut to ARG_LIMIT characters
            assert content.count(unit) <= 2 * (ARG_LIMIT // len(unit) + 1), command
            assert "…" in content


async def test_unnamed_bulletin_never_shows_its_file_name(harness: Harness) -> None:
    add_bulletin(harness.engine, publication="", issue_no="", published=date(2024, 3, 22), articles=[
        {"title": "直播电商带动县域消费升级", "outlet": "新京报", "section": "", "body": BODY}])
    [article] = sent(await harness.command("/article 1"))
    assert "直播电商带动县域消费升级" in article.text and "新京报" in article.text
    [latest] = sent(await harness.command("/latest"))
    assert "直播电商带动县域消费升级" in latest.text and "2024" in latest.text
    assert not any("b.txt" in m.text or "<b></b>" in m.text for m in (article, latest))
