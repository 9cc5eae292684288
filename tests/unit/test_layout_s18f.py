"""Headlines broken over two lines (session 18f): the second line is the headline's rest when neither line stands
alone (a mark opened and closed across them, a word broken, a subject without its predicate, an amount without its
verb), else a subtitle — on pages written for these tests."""

from __future__ import annotations

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout import parse_document
from bot.services.ingest.layout.lines import ParsedBulletin
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def _titles(text: str) -> list[str]:
    return [a.title.replace(" ", "").replace("\u3000", "") for a in parse_text(text).articles]


def test_line_evidence_for_a_broken_headline() -> None:
    assert ev.title_continues("某研究院发布《县域农产品网络销", "售监测报告（2023）》")
    assert ev.title_continues("上半年全省网络零售额完成1563.1亿", "元　同比增长11.4%")
    assert ev.title_continues("前三季度全市跨境电商进出口额达", "86.2亿元")
    assert ev.title_continues("上半年全省跨境电商进出口额增长", "三成以上")
    assert ev.title_continues("9月份全省快递业务量", "达4.1亿件　同比增长12.5%")
    # a complete headline over a subtitle, a kicker over a headline: statements of their own
    assert not ev.title_continues("前4月全国货物贸易进出口总值9.8万亿元", "出口增长5.1%　贸易顺差扩大31%")
    assert not ev.title_continues("网络消费持续升温", "上半年全市网络零售额增长18.3%")
    assert not ev.title_continues("全市快递业务量保持较快增长", "同比增长11.2%")


def test_a_pdf_headline_broken_after_its_verb_keeps_its_amount() -> None:
    page = (
        "电商运行简报　　　　　　　　　　　　　　2022年第4期\n\n"
        "一季度全省网络零售额完成862.4亿元\n"
        "　　一季度，全省网络零售额完成862.4亿元，同比增长9.1%，高于全国平均\n"
        "水平2.6个百分点。其中，实物商品网络零售额701.3亿元，同比增长8.2%。\n\n"
        "— 2 —\n"
        "电商运行简报　　　　　　　　　　　　　　2022年第4期\n\n"
        "一季度全省农产品网络零售额增长\n"
        "两成以上\n"
        "　　一季度，全省农产品网络零售额达104.5亿元，同比增长21.7%。其中，生\n"
        "鲜类农产品网络零售额同比增长26.3%。\n"
    )
    assert _titles(page)[-1] == "一季度全省农产品网络零售额增长两成以上"


def test_a_subject_line_over_its_predicate_is_one_headline_in_an_issue() -> None:
    issue = (
        "　　　　　商务信息参考\n"
        "　　　2023年第7期（总第70期）\n"
        "　　　　　　　　　　　　　2023年7月25日\n\n"
        "6月份全省快递业务量\n"
        "达5.3亿件　同比增长14.2%\n"
        "　　6月份，全省快递业务量完成5.3亿件，同比增长14.2%；快递业务收入完成36.1亿元，同比增长8.8%。\n"
        "（来源：省邮政管理局　2023年7月15日）\n\n"
        "上半年全省货物贸易进出口总值4.2万亿元\n"
        "出口增长6.3%　进口增长2.1%\n"
        "　　上半年，全省货物贸易进出口总值4.2万亿元，同比增长4.6%。其中，出口2.6万亿元，增长6.3%。\n"
        "（来源：省商务厅　2023年7月20日）\n"
    )
    assert _titles(issue) == ["6月份全省快递业务量达5.3亿件同比增长14.2%", "上半年全省货物贸易进出口总值4.2万亿元"]


def test_a_festival_name_in_a_kicker_states_no_figure() -> None:
    page = (
        "某某晚报\n"
        "2023年11月15日　第2版　要闻\n"
        "“双11”寄递高峰如期而至\n"
        "全市快递揽收量\n"
        "同比增长近两成\n"
        "　　本报讯（记者　赵一）记者从市邮政管理局获悉，11月1日至11日，全市共揽收快递包裹1.46亿件，同比增长18.7%。\n"
        "农村寄递\n"
        "县域快递网点实现全覆盖\n"
        "——村级寄递物流综合服务站达820个\n"
        "　　本报讯（记者　钱二）目前，全市县域快递网点已实现乡镇全覆盖，村级寄递物流综合服务站达820个。\n"
    )
    assert _titles(page) == ["全市快递揽收量同比增长近两成", "县域快递网点实现全覆盖"]


def test_a_two_line_headline_under_a_story_closed_by_its_end_mark_without_blank_lines() -> None:
    page = (
        "某某周刊　2021年10月9日　第3版\n"
        "　　新华社北京10月8日电（记者　孙某）\n"
        "记者8日从商务部获悉，国庆假期全国\n"
        "重点零售企业销售额同比增长5.2%。\n"
        "　　商务部有关负责人表示，各地促消\n"
        "费活动丰富，线上线下融合加快。\n"
        "（完）\n"
        "国庆假期全国重点零售\n"
        "企业销售额增长5.2%\n"
        "　　今年国庆假期，全市快递业务量达\n"
        "1.2亿件，同比增长8.1%，日均业务量\n"
        "较平日有所回落。\n"
        "（记者　王某）\n"
        "全市快递业务量\n"
        "国庆假期达1.2亿件\n"
    )
    titles = _titles(page)
    assert titles[0] == "国庆假期全国重点零售企业销售额增长5.2%"
    assert len(titles) == 2


def test_an_issue_without_blank_lines_keeps_its_contents_and_source_lines_out_of_titles() -> None:
    issue = (
        "　　　　　　消费市场信息 \t\n"
        "　　　　　第４期（总第３１期）  \n"
        "　　　　　　　　　　　　　　　２０２２年５月９日 \t\n"
        "目　录  \n"
        "【市场运行】 \t\n"
        "　一季度全市社会消费品零售总额增长４．２％ ………………… １  \n"
        "【行业动态】 \t\n"
        "　直播电商带动农产品上行 ……………………………………… ２  \n"
        "一季度全市社会消费品零售总额增长４．２％ \t\n"
        "本文来源：市统计局  \n"
        "　　一季度，全市社会消费品零售总额４１２．６亿元，同比增长４．２％。 \t\n"
        "（来源：市统计局　２０２２年４月２２日）  \n"
        "直播电商带动农产品上行 \t\n"
        "本文来源：某某日报  \n"
        "　　一季度，全市农产品网络零售额８．３亿元，同比增长１６．５％。 \t\n"
        "（来源：某某日报　２０２２年４月２８日）  \n"
    )
    assert _titles(issue) == ["一季度全市社会消费品零售总额增长4.2%", "直播电商带动农产品上行"]


def test_a_masthead_with_its_issue_right_over_the_headline_is_no_part_of_it() -> None:
    page = (
        "某某行业信息摘编　　　　　　　　2024年第3期\n"
        "2023年全省快递业务量完成52.6亿件\n"
        "发布时间：2024-03-02\n"
        "　　本报讯　3月1日，省邮政管理局发布202\n"
        "3年全省邮政行业发展统计公报。公报显示，\n"
        "2023年，全省快递业务量完成52.6亿件，同\n"
        "比增长17.3%；快递业务收入完成386.4亿元\n"
        "，同比增长9.2%。\n"
    )
    parsed = parse_text(page)
    assert [a.title for a in parsed.articles] == ["2023年全省快递业务量完成52.6亿件"]


def _wrap(text: str, n: int = 36) -> str:
    return "\n".join(text[k : k + n] for k in range(0, len(text), n))


def test_a_flush_kicker_and_title_over_indented_text_open_a_story_on_a_page_without_blank_lines() -> None:
    story1 = (
        "　　本报讯　近年来，县邮政管理部门加强寄递服务网络建设，全县邮政快递业加快发展，农村寄递物流体系不断完善。"
        "2021年，全县快递业务量累计完成1268.35万件，比上年增长41.26%，增速居全市第一。"
    )
    story2 = (
        "　　2021年，全省实现网络零售额3562.8亿元，比上年增长16.2%，增速比前三季度提高0.6个百分点。其中，"
        "实物商品网络零售额3012.4亿元，增长14.8%，吃类、穿类和用类商品分别增长21.3%、9.6%和14.2%。"
    )
    page = (
        "某某县域报\n2022年3月4日　星期五　第2版　综合\n全县快递业务量增速居全市第一\n"
        + _wrap(story1)
        + "\n数据链接\n2021年全省网络零售额3562.8亿元\n"
        + _wrap(story2)
        + "\n"
    )
    assert _titles(page) == ["全县快递业务量增速居全市第一", "2021年全省网络零售额3562.8亿元"]


def test_a_full_stop_wrapped_alone_twice_is_no_running_head() -> None:
    p1 = (
        "　　本报讯　2021年，全市农产品网络零售额达86.45亿元，同比增长21.3%，占全市网络零售额的比重由2020年的"
        "11.2%提高到2021年的12.6%，提高了1.4个百分点"
    )
    p2 = (
        "　　2021年，农产品网络零售额在亿元以上的乡镇共12个，其中在十亿元以上的乡镇有两个，均较上年有所增加，"
        "带动就业的效果进一步显现，电商从业人员较上年明显增加"
    )
    p3 = "　　本报讯　2021年，全市社会消费品零售总额1123.6亿元，比上年增长11.8%，两年平均增速为4.1%。"
    page = (
        "某某经济导报\n2022年3月8日　星期二　第3版　数据\n农产品网络零售额保持较快增长\n本报记者　钱　某\n"
        + _wrap(p1, 40) + "\n。\n" + _wrap(p2, 40) + "\n。\n"
        + "全市社会消费品零售总额1123.6亿元\n两年平均增长4.1%\n" + _wrap(p3, 40) + "\n"
    )
    assert _titles(page) == ["农产品网络零售额保持较快增长", "全市社会消费品零售总额1123.6亿元"]


def test_an_issue_and_date_line_over_the_first_numbered_item_is_no_part_of_its_title() -> None:
    text = (
        "　　据统计，2023年全市快递业务量完成8.6亿件，同比增长17.2%；快递业务收入完成61.3亿元，同比增长10.4%，"
        "其中同城快递业务量完成1.2亿件，同比增长8.1%；异地快递业务量完成7.1亿件，同比增长19.0%。展望2024年，"
        "市邮政管理局预计全市快递业务量将完成9.3亿件左右，增速8%左右，快递业务收入将完成66亿元左右。"
    )
    page = (
        "某某商贸参考\n"
        "第3期" + "　" * 26 + "2024年2月6日\n"
        "1．市邮政管理局：2023年全市快递业务量8.6亿件\n"
        "发布日期：2024年01月30日　　来源：市邮政管理局\n"
        + _wrap(text, 36)
        + "\n2．一月份全市网络零售额增长一成\n"
        "发布日期：2024年02月05日　　来源：市商务局\n"
        + _wrap(
            "　　1月份，全市网络零售额完成48.2亿元，同比增长10.3%，其中实物商品网络零售额41.6亿元，同比增长9.1%，"
            "占全市社会消费品零售总额的比重为23.5%；在实物商品网络零售额中，吃类、穿类和用类商品分别增长12.1%、"
            "6.3%和9.4%。",
            36,
        )
        + "\n"
    )
    assert _titles(page)[0] == "市邮政管理局：2023年全市快递业务量8.6亿件"


def test_a_three_line_title_block_without_dashes_is_kicker_headline_subtitle() -> None:
    page = (
        "某某晚报　2022年9月14日　第5版　经济\n"
        "假日消费热度不减\n"
        "前8月全市社零总额增长5.1%\n"
        "限额以上单位消费品零售额增长6.2%\n"
        "　　记者从市统计局获悉，1—8月，全市社会消费品零售总额完成1836.2亿元，同比增长5.1%。其中，限额以上单位消费品零售额742.6亿元，增长6.2%。\n"
        "　　市统计局有关负责人介绍，各项促消费政策效果持续显现。\n"
        "新业态加快成长\n"
        "直播电商交易额增长两成\n"
        "　　记者从市商务局获悉，1—8月，全市直播电商交易额完成64.1亿元，同比增长21.5%。\n"
    )
    assert _titles(page) == ["前8月全市社零总额增长5.1%", "直播电商交易额增长两成"]


def _pdf_page(second_title: str) -> str:
    a0 = (
        "　　前三季度，全市社会消费品零售总额完成2362.3亿元，同比增长4.2%，增速比上半年加快0.8个百分点。其中，"
        "限额以上单位消费品零售额915.4亿元，增长5.1%。"
    )
    a1 = (
        "　　据海关统计，前三季度全市跨境电商进出口额达63.6亿元，同比增长16.8%。其中，出口额52.1亿元，同比增长"
        "18.2%；进口额11.5亿元，同比增长10.6%。"
    )
    return (
        "商贸运行监测　　　　　　　　　　　　　2023年第10期\n\n前三季度全市社会消费品零售总额增长4.2%\n"
        + _wrap(a0, 30)
        + "\n\n"
        + second_title
        + "\n"
        + _wrap(a1, 30)
        + "\n"
    )


def test_a_pdf_headline_broken_by_a_page_break_is_one_title() -> None:
    page = _pdf_page("前三季度全市跨境电商进出口额同比增长\n\n— 5 —\n商贸运行监测　　　　　　　　　　　　　2023年第10期\n\n16.8%")
    assert _titles(page)[-1] == "前三季度全市跨境电商进出口额同比增长16.8%"


def test_a_subtitle_of_clauses_under_a_short_headline_of_a_wrapped_page_is_no_part_of_it() -> None:
    page = _pdf_page("前三季度全市跨境电商进出口额同比增长16.8%\n出口额增长18.2%　进口额增长10.6%")
    assert _titles(page)[-1] == "前三季度全市跨境电商进出口额同比增长16.8%"


def test_a_subtitle_of_clauses_in_a_wrapped_issue_closed_by_trailers_is_no_part_of_the_headline() -> None:
    a0 = (
        "　　前三季度，全市社会消费品零售总额完成2362.3亿元，同比增长4.2%，增速比上半年加快0.8个百分点。其中，"
        "限额以上单位消费品零售额915.4亿元，增长5.1%。"
    )
    a1 = (
        "　　据海关统计，前三季度全市跨境电商进出口额达63.6亿元，同比增长16.8%。其中，出口额52.1亿元，同比增长"
        "18.2%；进口额11.5亿元，同比增长10.6%。"
    )
    issue = (
        "　　　　　商贸运行参考\n　　　　2023年第10期（总第88期）\n\n"
        "前三季度全市社会消费品零售总额增长4.2%\n"
        + _wrap(a0, 30)
        + "\n（来源：市统计局　2023年10月20日）\n\n"
        "前三季度全市跨境电商进出口额增长16.8%\n出口额增长18.2%　进口额增长10.6%\n"
        + _wrap(a1, 30)
        + "\n（来源：市商务局　2023年10月24日）\n"
    )
    assert parse_text(issue).layout == "bulletin"
    assert _titles(issue) == ["前三季度全市社会消费品零售总额增长4.2%", "前三季度全市跨境电商进出口额增长16.8%"]


def test_a_flush_title_over_indented_text_inside_a_section_of_an_issue_opens_a_story() -> None:
    issue = (
        "　　　　　　　　商 贸 简 报\n"
        "　　　　　　　第3期（总第40期）\n"
        "　　　　　　　　　　　　　　　　　　2022年4月8日\n\n"
        "【消费市场】\n"
        "清明假期全市消费市场平稳有序\n"
        "　　清明假期，全市重点监测商贸企业实现销售额6.3亿元，同比增长4.5%。\n"
        "　　其中，重点超市销售额2.1亿元，同比增长6.2%。\n"
        "【电子商务】\n"
        "一季度全市网络零售额增长11.6%\n"
        "　　一季度，全市网络零售额完成186.2亿元，同比增长11.6%。\n"
        "农产品网销势头良好\n"
        "　　一季度，全市农产品网络零售额完成21.4亿元，同比增长16.8%。\n"
        "【快递物流】\n"
        "一季度全市快递业务量增长9.4%\n"
        "　　一季度，全市快递业务量完成2.8亿件，同比增长9.4%。\n"
    )
    assert _titles(issue) == [
        "清明假期全市消费市场平稳有序", "一季度全市网络零售额增长11.6%", "农产品网销势头良好", "一季度全市快递业务量增长9.4%",
    ]


def test_a_container_line_with_its_issue_mark_never_wraps_onto_the_first_headline() -> None:
    a0 = (
        "一季度，全市社会消费品零售总额完成862.3亿元，同比增长5.2%，增速比上年同期加快1.8个百分点。其中，限额以上"
        "单位消费品零售额315.4亿元，增长6.1%。按消费类型分，商品零售771.2亿元，增长4.6%。"
    )
    a1 = (
        "据海关统计，一季度全市跨境电商进出口额达23.6亿元，同比增长14.8%。其中，出口额19.1亿元，同比增长16.2%；"
        "进口额4.5亿元，同比增长9.6%。跨境电商企业备案数达860家。"
    )
    page = (
        "商贸运行监测" + "　" * 13 + "2024年第4期\n一季度全市社零总额增长5.2%\n" + _wrap(a0, 28)
        + "\n一季度全市跨境电商进出口额增长14.8%\n" + _wrap(a1, 28) + "\n"
    )
    assert _titles(page) == ["一季度全市社零总额增长5.2%", "一季度全市跨境电商进出口额增长14.8%"]


def test_headlines_under_stories_on_a_page_without_blank_lines_or_news_leads() -> None:
    page = (
        "某某周刊　2023年6月19日　第6版\n"
        "　　1—5月，全市快递业务量累计完成\n"
        "6.8亿件，同比增长9.1%；快递业务\n"
        "收入累计完成48.4亿元，同比增长5.\n"
        "6%。其中，5月份全市快递业务量完成\n"
        "1.5亿件，同比增长11.3%。\n"
        "前5月全市快递业务量\n"
        "增长9.1%\n"
        "　　1—5月，全市网络零售额完成402\n"
        ".6亿元，同比增长12.2%。其中，农村\n"
        "网络零售额96.5亿元，同比增长14.\n"
        "8%，增速高于全市平均水平。\n"
        "全市网络零售额前5月超400亿元\n"
        "　　1—5月，全市跨境电商进出口额完成\n"
        "26.2亿元，同比增长20.6%，其中出口\n"
        "额21.3亿元，增长23.1%。\n"
        "跨境电商进出口增长两成\n"
    )
    assert _titles(page) == ["前5月全市快递业务量增长9.1%", "全市网络零售额前5月超400亿元", "跨境电商进出口增长两成"]


def test_a_two_line_sub_head_inside_a_datelined_story_of_a_page_of_datelined_stories_stays_in_it() -> None:
    page = (
        "电商要闻摘报\n2019年5月6日\n"
        "前4月全国快递业务量达161亿件\n"
        "　　新华社北京5月5日电（记者　张某）记者从国家邮政局获悉，1—4月，全国快递业务量达161亿件，同比增长24.6%。\n"
        "县域电商发展报告发布\n"
        "　　某某日报讯（记者　刘某）昨日，《县域电商发展报告》在某地发布，报告全面反映了县域电子商务的发展状况。\n"
        "超1.3万亿元\n"
        "县域网络零售额稳步增长\n"
        "　　报告显示，2018年，全国县域网络零售额达1.3万亿元，同比增长35.6%，占全国网络零售额的14.8%。\n"
        "超3000亿元\n"
        "农产品上行加快\n"
        "　　2018年，全国县域农产品网络零售额超过3000亿元，同比增长33.7%。\n"
    )
    assert _titles(page) == ["前4月全国快递业务量达161亿件", "县域电商发展报告发布"]
