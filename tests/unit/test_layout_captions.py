"""Layout noise, second round (issue 9, perturbation benchmark `BENCH_CORPUS_PERTURB`): photo captions inside a
story, blank-line habits. Each rule is tested on sentences of our own."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine, read_txt_bytes


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


PAGE = """滨江商报
2025年6月12日　星期四　第04版

湖区县网上卖货势头正旺
本报讯　今年前5个月，湖区县农产品网络零售额达到8.6亿元，同比增长21.4%，带动三千余户农民增收。
{caption}
直播间里卖鲜鱼
县里的水产企业纷纷开设直播间，5月份水产品线上销量同比增长35%，冷链包裹日均发出1.2万件。

城南物流园扩建完工
本报讯　城南物流园二期工程日前完工，新增仓储面积4.5万平方米，日处理包裹能力提升到80万件。
"""


def test_a_photo_credit_inside_a_story_keeps_the_sub_head_after_it_in_the_story() -> None:
    # the page sets its titles apart with a blank line; a sub-head right under a caption is no new headline
    text = PAGE.format(caption="图为县电商中心的主播在介绍本地大米。（记者 王小明 摄）")
    assert titles(text) == ["湖区县网上卖货势头正旺", "城南物流园扩建完工"]
    first = parse_text(text).articles[0]
    assert any("冷链包裹" in p for p in first.paragraphs)


def test_a_photo_credit_closing_a_story_still_ends_it_on_evenly_spaced_pages() -> None:
    text = """滨江商报
2025年6月12日　星期四　第04版

湖区县网上卖货势头正旺

本报讯　今年前5个月，湖区县农产品网络零售额达到8.6亿元，同比增长21.4%。

图为县电商中心的主播在介绍本地大米。　记者 王小明 摄

城南物流园扩建完工

城南物流园二期工程日前完工，新增仓储面积4.5万平方米，日处理包裹能力提升到80万件。
"""
    assert titles(text) == ["湖区县网上卖货势头正旺", "城南物流园扩建完工"]


def test_an_editor_line_under_the_last_headline_printed_after_its_story_is_no_text() -> None:
    text = """　　本报杭州5月8日电　今年一季度，全省快递
业务量完成52.3亿件，同比增长
18.6%，业务收入完成310亿元。
全省快递业务量一季度超52亿件

　　本报杭州5月8日电　一季度，全省跨境电
商进出口额达到1020亿元，同比
增长12.4%，占全省外贸的比重继
续提高。
一季度跨境电商进出口破千亿元
编辑：赵某　审核：钱某
"""
    got = titles(text)
    assert got == ["全省快递业务量一季度超52亿件", "一季度跨境电商进出口破千亿元"]


def test_a_carriage_return_with_trailing_spaces_before_the_line_feed_is_one_line_end() -> None:
    doc = read_txt_bytes("第一行\r  \n第二行\r\n\r\t\n第三行\r\n".encode(), "t.txt")
    assert [ln.text for ln in doc.lines] == ["第一行", "第二行", "", "第三行", ""]


def test_a_title_block_after_an_end_mark_and_an_editor_line_opens_an_article() -> None:
    text = """滨江商报
2025年6月12日　星期四　第04版

本月快递量再创新高
本报讯（记者 周某）5月份，全市快递业务量完成2.1亿件，同比增长16.3%。
业务收入完成15.8亿元，同比增长9.2%。

（完）
责任编辑：孙某


乡村振兴　电商先行
山货出山有了快车道
——县级电商服务中心带动农户增收
近年来，各县电商服务中心帮助农户开设网店，去年农产品网络零售额增长23%。
今年以来，县里又新建了12个村级服务站。
"""
    assert titles(text) == ["本月快递量再创新高", "山货出山有了快车道"]
    # two trailer lines (责任编辑, then 编辑/审核) close it as well
    assert titles(text.replace("责任编辑：孙某\n", "责任编辑：孙某\n\n编辑：李某　审核：郑某\n")) == ["本月快递量再创新高", "山货出山有了快车道"]


TWO_STORIES = """滨江商报
2025年7月3日　星期四　第02版

上半年全市快递量稳步增长
本报讯（记者 吴某）上半年，全市快递业务量完成9.4亿件，同比增长15.2%。
其中，同城快递业务量增长8.1%，异地快递业务量增长17.6%。
数字消费　提质扩容
夜市直播点亮小城消费
——县域商圈线上销售额半年增长三成
今年以来，不少县城商户把直播间搬进了夜市，带动商圈线上销售额增长30.4%。
县商务局表示，下半年还将举办两场网购节。
"""


def test_a_kicker_title_and_dashed_subtitle_block_opens_an_article_without_a_wider_gap() -> None:
    # the same page with no blank lines at all, and with the same two blank lines after every paragraph
    want = ["上半年全市快递量稳步增长", "夜市直播点亮小城消费"]
    assert titles(TWO_STORIES) == want
    spaced = "\n".join(ln + "\n\n" if ln.endswith("。") else ln for ln in TWO_STORIES.split("\n"))
    assert titles(spaced) == want



def test_headlines_printed_under_their_stories_without_blank_lines() -> None:
    text = """江南日报　2025年4月20日　第6版
　　本报杭州4月19日电　省邮政管
理局介绍，一季度全省快递业务量
完成52.3亿件，同比增长18.6%。
　　业务收入完成310亿元。
全省一季度快递量超52亿件
　　本报杭州4月19日电　一季度，全
省跨境电商进出口额达到1020亿
元，同比增长12.4%。
一季度跨境电商进出口破千亿元
　　本报宁波4月18日电　宁波舟山
港一季度完成集装箱吞吐量980万
标准箱，同比增长6.1%。
宁波港集装箱吞吐量稳中有升
"""
    p = parse_text(text)
    assert [a.title for a in p.articles] == ["全省一季度快递量超52亿件", "一季度跨境电商进出口破千亿元",
                                             "宁波港集装箱吞吐量稳中有升"]
    assert "310亿元" in p.articles[0].body and "1020亿" in p.articles[1].body


def _wrap(text: str, n: int) -> str:
    return "\n".join(s[k : k + n] for s in text.split("\n") for k in range(0, max(len(s), 1), n))


def test_a_dated_header_as_wide_as_the_wrap_keeps_the_hard_wrapped_story_under_it_out_of_its_title() -> None:
    # wrapped at 34 the headers fill a line each; at 30 their rest (`二点五`) wraps onto a short line of its own
    for n in (34, 30):
        _check_digest(n)


def _check_digest(n: int) -> None:
    text = "电商动态汇编\n编印：2025年3月5日\n\n" + "\n\n".join(
        _wrap(header + "\n" + story, n)
        for header, story in [
            ("■ 2025年3月1日　全市二月份网络零售额同比增长百分之十二点五",
             "市商务局数据显示，2月份全市网络零售额完成86.4亿元，同比增长12.5%，其中实物商品网络零售额73.2亿元，"
             "同比增长10.8%，拉动社会消费品零售总额增长2.1个百分点。"),
            ("■ 2025年3月3日　市邮政管理局发布二月份邮政行业运行情况通报",
             "市邮政管理局监测数据显示，2月份全市快递业务量累计完成3.1亿件，同比增长21.4%，快递业务收入累计完成"
             "21.6亿元，同比增长15.2%，日均处理快件超过一千万件。"),
            ("■ 2025年3月4日　跨境电商综试区前两个月进出口规模再创同期新高",
             "据海关统计，前两个月综试区跨境电商进出口额达到45.7亿元，同比增长18.9%，其中出口38.2亿元，同比"
             "增长20.3%，进口7.5亿元，同比增长12.1%，企业备案数持续增加。"),
        ]
    )
    assert [a.published for a in parse_text(text).articles] == [date(2025, 3, 1), date(2025, 3, 3), date(2025, 3, 4)]
    assert titles(text) == ["全市二月份网络零售额同比增长百分之十二点五", "市邮政管理局发布二月份邮政行业运行情况通报",
                            "跨境电商综试区前两个月进出口规模再创同期新高"]


def test_bulleted_contents_entries_without_blank_lines_stay_separate_entries() -> None:
    text = """网络消费监测周报
2025年第8期
市商务局电商科编　　　　2025年2月28日
【本期要目】
◆ 1月份全市网上零售额同比增长百分之九点六
◆ 2024年全市农村网络零售额突破一百二十亿元
◆ 县乡村三级物流站点覆盖率提高
1月份全市网上零售额同比增长百分之九点六
（一）总体情况
　　1月份，全市网上零售额56.2亿元，同比增长9.6%。
2024年全市农村网络零售额突破一百二十亿元
　　2024年，全市农村网络零售额达到121.5亿元，同比增长13.2%。
县乡村三级物流站点覆盖率提高
　　截至去年底，全市建成村级寄递物流综合服务站1820个，覆盖率达到96%。
"""
    assert titles(text) == ["1月份全市网上零售额同比增长百分之九点六", "2024年全市农村网络零售额突破一百二十亿元",
                            "县乡村三级物流站点覆盖率提高"]
