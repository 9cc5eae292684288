"""Newspaper pages (issue 9, session 14): title blocks over `本报讯` stories, padded bylines, and the statistics
sentences provincial and city papers print. Every text here is written for the test (no corpus sentence)."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_title_over_a_subtitle_without_dash_is_the_headline() -> None:
    page = parse_text(
        "江城晚报\n2022年3月4日　星期五　第05版：财经\n\n"
        "今年前两月本市寄递量创新高\n累计完成3210.5万件，同比增长18.2%\n"
        "本报讯（记者　林东）记者从市邮政管理局了解到，1至2月，本市邮政行业寄递业务量累计完成3210.5万件，同比增长18.2%。\n"
        "业内人士表示，春节后返工潮带动了寄递需求回升。\n\n"
        "汽车消费回暖\n本报讯　据市商务局统计，2月全市汽车类零售额同比增长6.1%。"
    )
    assert [a.title for a in page.articles] == ["今年前两月本市寄递量创新高", "汽车消费回暖"]
    assert "累计完成3210.5万件，同比增长18.2%" in page.articles[0].paragraphs


def test_three_title_lines_kicker_title_subtitle() -> None:
    page = parse_text(
        "海滨日报\n2021年9月2日　星期四　第03版：经济\n\n"
        "县域经济　活力迸发\n我省电商示范县增至42个\n上半年全省农村网络零售额612.3亿元，同比增长15%\n"
        "本报讯（记者　周敏）记者从省商务厅获悉，今年上半年，全省农村网络零售额612.3亿元，同比增长15%。\n"
        "省商务厅有关负责人介绍，下一步将继续推进县乡村三级物流体系建设。\n\n"
        "港口吞吐量稳步增长\n本报讯　记者从市港口管理局了解到，上半年港口货物吞吐量同比增长4.2%。"
    )
    assert [a.title for a in page.articles] == ["我省电商示范县增至42个", "港口吞吐量稳步增长"]


def test_a_padded_two_character_name_is_a_byline_not_a_title() -> None:
    page = parse_text(
        "光明商报\n2020年6月9日　星期二　第02版：要闻\n\n"
        "关注消费新动能\n线上消费，撑起半边天\n本报记者　李　岚\n"
        "在昨天举行的发布会上，有关负责人介绍了今年前5个月线上消费的运行情况。\n"
        "数据显示，前5个月全国网上零售额同比增长4.5%。\n\n"
        "夜经济点亮城市\n本报讯　多地推出夜间消费促进活动，客流明显回升。"
    )
    assert [a.title for a in page.articles] == ["线上消费，撑起半边天", "夜经济点亮城市"]


# -- figures in city and provincial papers ------------------------------------------------------------------------

def _figs(text: str, title: str = "", published: date = date(2024, 4, 20)) -> list[tuple[str, str, float | None]]:
    return [(f.region, f.metric, f.value) for f in extract_figures(text, published, title=title)]


def test_city_named_in_the_title_is_the_region_of_wo_shi_and_of_unscoped_clauses() -> None:
    figs = _figs(
        "一季度，我市快递业务量累计完成1.52亿件，同比增长12.6%；快递业务收入累计完成9.8亿元，同比增长8.1%。",
        title="一季度沧州快递业务量突破1.5亿件",
    )
    assert ("沧州", "快递业务量", 1.52) in figs
    assert ("沧州", "快递业务收入", 9.8) in figs


def test_a_city_papers_abbreviation_of_its_city() -> None:
    figs = _figs("去年，哈市网络零售额达到812.4亿元，同比增长9.3%。", title="哈市网络零售额稳步增长")
    assert ("哈尔滨", "网络零售额", 812.4) in figs


def test_parts_listed_clause_by_clause_after_an_in_whole_lead() -> None:
    text = (
        "2023年，全市邮政行业寄递业务量完成9.6亿件。其中，快递业务量完成8.1亿件，同比增长15%。"
        "在快递业务量中，同城业务量完成1.2亿件，同比增长3%；异地业务量完成6.7亿件，同比增长17%；"
        "国际/港澳台业务量完成0.2亿件，同比增长41%。"
    )
    figs = _figs(text, title="2023年泉州快递业务量完成8.1亿件")
    assert ("泉州", "同城快递业务量", 1.2) in figs
    assert ("泉州", "异地快递业务量", 6.7) in figs
    assert ("泉州", "国际/港澳台快递业务量", 0.2) in figs


def test_a_kind_of_goods_before_de_names_the_amount() -> None:
    figs = _figs("2019年，全国实物商品的网上零售额达到8.52万亿元，增长19.5%。通过团购实现的销售额为6亿元。")
    assert ("全国", "实物商品网上零售额", 8.52) in figs
    assert not any(m == "网上零售额" for _r, m, _v in figs)


def test_a_multiple_after_the_two_ends_of_a_span_is_the_change_over_the_span() -> None:
    figs = extract_figures("2016年至2021年，全省快递业务量由12.5亿件增长到40.1亿件，增长了2.2倍。", date(2022, 3, 1))
    end = next(f for f in figs if f.value == 40.1)
    assert end.growth_pct is None  # not 2021's yearly growth
    span = next(f for f in figs if f.growth_pct is not None)
    assert (span.period_start, span.period_end, span.growth_pct) == (date(2016, 1, 1), date(2021, 12, 31), 220.0)


def test_amounts_of_a_list_of_kinds_take_the_whole_named_after_them_and_the_paragraphs_frame_period() -> None:
    text = (
        "从2022年全市网络消费结构看，家电与日用品唱主角。数据显示，家电、日用品、美妆分别实现86.4亿元、51.2亿元、"
        "23.9亿元，在实物商品网络零售额中分别占30.1%、17.8%、8.3%；在线文旅、外卖餐饮分别为40.6亿元、38.2亿元。"
    )
    figs = extract_figures(text, date(2023, 2, 1), title="2022年温州网络消费结构出炉")
    named = {(f.metric, f.value): (f.region, f.period_start, f.period_end) for f in figs}
    for metric, value in [("家电网络零售额", 86.4), ("美妆网络零售额", 23.9), ("在线文旅网络零售额", 40.6)]:
        assert named[(metric, value)] == ("温州", date(2022, 1, 1), date(2022, 12, 31))
    assert not any(f.metric in ("家电", "在线文旅") for f in figs)


def test_goods_traded_by_a_channel_and_a_counted_class_after_its_examples() -> None:
    figs = _figs(
        "今年前三季度，云南鲜花以跨境电商模式出口1.35亿元，同比增长46%。"
        "同期，茶叶、咖啡、坚果等三大类特色农产品出口28.6亿元，同比增长9.4%。",
        published=date(2024, 10, 20),
    )
    assert ("云南", "鲜花跨境电商出口额", 1.35) in figs
    assert ("全国", "三大类特色农产品出口", 28.6) in figs


def test_an_amount_named_by_its_bare_head_is_of_the_activity_the_sentence_names() -> None:
    figs = _figs("2019年全省网络零售继续保持较快增长，零售额达到2104.6亿元，同比增长17.2%。", title="海南电商年报")
    assert ("海南", "网络零售额", 2104.6) in figs


def test_a_forecast_yearly_rate_of_an_activity_is_its_indicators_growth_over_that_year() -> None:
    text = (
        "据测算，我国社区团购交易规模由2019年的340亿元增长到2022年的1860亿元。\n"
        "从增速看，预计到2027年，社区团购的年增长率仍将达到18.5%。"
    )
    figs = extract_figures(text, date(2023, 6, 1))
    rate = next(f for f in figs if f.growth_pct == 18.5)
    assert (rate.metric, rate.period_start, rate.period_end, rate.is_forecast) == (
        "社区团购交易规模", date(2027, 1, 1), date(2027, 12, 31), True
    )
