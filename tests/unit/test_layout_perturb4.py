"""Layout noise, round 4 (issue 9, `BENCH_CORPUS_PERTURB`): a headline printed under its hard-wrapped story on a web
page whose closing lines (`（完）`, `责任编辑：…`, sharing controls) follow it. Own sentences."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


def _wrap(paragraph: str, width: int = 16) -> list[str]:
    p = "　　" + paragraph
    return [p[k : k + width] for k in range(0, len(p), width)]


def test_closing_lines_under_a_headline_printed_after_its_story_are_no_release_fields() -> None:
    story = [
        *_wrap("东湖网东湖5月9日电（记者韩立新）东湖市商务局今天介绍，一季度全市农村网络零售额达到"
               "36.8亿元，同比增长14.2%，增速比去年同期加快2.1个百分点。"),
        *_wrap("该局负责人表示，全市已建成村级电商服务站四百余个，基本覆盖所有行政村，"
               "农产品通过网络卖向全国各地。"),
        "东湖一季度农村网络零售额增长14.2%",
    ]
    tail = ["", "（完）", "责任编辑：赵某", "【纠错】　分享到：", "打印本页　关闭窗口", "编辑：孙某　审核：钱某", ""]
    plain = "\n".join(["东湖网　新闻中心　2025年5月9日", "", *story, ""])
    assert titles(plain) == ["东湖一季度农村网络零售额增长14.2%"]
    web = "\n".join(["东湖网　新闻中心　2025年5月9日", "", *story, *tail])
    parsed = parse_text(web)
    assert [a.title for a in parsed.articles] == ["东湖一季度农村网络零售额增长14.2%"]
    assert "36.8亿元" in parsed.articles[0].body


_STORY = (
    "新华社西宁6月3日电（记者马青山）青海省邮政管理局3日发布数据，今年5月全省快递业务量完成1260万件，同比增长"
    "21.5%；快递业务收入完成1.9亿元，同比增长12.3%。从区域看，西宁市快递业务量占全省的七成以上，海东市增速最快。"
)
_BOX = (
    "相关链接　据青海省邮政管理局2024年6月发布的数据，当年5月全省快递业务量为1037万件，同比增长18.8%，快递业务"
    "收入为1.7亿元，同比增长9.6%。"
)


def _column(text: str, width: int = 20) -> list[str]:
    return [text[k : k + width] for k in range(0, len(text), width)]


def test_a_headline_under_its_story_closes_it_above_a_boxed_related_item() -> None:
    lines = ["高原商报", "2025年6月4日", "", *_column(_STORY), "五月青海快递业务量增长二成",
             *_column(_BOX), "去年五月青海快递业务量超千万件", ""]
    assert titles("\n".join(lines)) == ["五月青海快递业务量增长二成", "去年五月青海快递业务量超千万件"]


def test_a_wide_headline_set_apart_between_a_story_and_a_boxed_item_closes_the_story() -> None:
    lines = ["高原商报", "2025年6月4日", "", "", *_column(_STORY, 18), "", "", "五月青海省快递业务量同比增长二成以上",
             "", "", *_column(_BOX, 18), "去年五月青海快递业务量超千万件", ""]
    parsed = parse_text("\n".join(lines))
    assert [a.title for a in parsed.articles] == ["五月青海省快递业务量同比增长二成以上", "去年五月青海快递业务量超千万件"]
    assert "1037万件" not in parsed.articles[0].body.replace("\n", "")


def test_a_lead_crediting_a_bracketed_outlet_opens_a_news_story() -> None:
    from bot.services.ingest.layout import evidence as ev

    assert ev.starts_news("据《南方商报》消息，本市上月网络零售额增长一成。")
    assert ev.starts_news("据《江城日报》报道，全市快递网点已覆盖所有乡镇。")
    assert not ev.starts_news("据《报告》显示，全市快递网点已覆盖所有乡镇。")


_WIRE_ONE = (
    "新华社长沙3月5日电（记者　田野）湖南省商务厅5日介绍，2024年全省农产品网络零售额达到512.6亿元，同比增长"
    "17.3%，增速连续三年高于全国平均水平。"
)
_WIRE_ONE_MORE = "该厅负责人表示，今年将新建县级电商公共服务中心二十个，继续扩大农产品线上销售规模。"
_WIRE_TWO = "国家邮政局监测数据显示，今年前两个月全国快递业务量完成285.4亿件，同比增长22.1%，业务收入同比增长10.5%。"
_WIRE_TWO_MORE = "从区域看，中西部地区快递业务量增速快于东部地区，农村地区揽收量增长明显。新华社北京3月6日电（记者　林一）"


def test_a_headline_over_text_closing_on_its_own_dateline_opens_a_second_wire_story() -> None:
    lines = ["商贸快讯", "2025年3月8日　第10期", "湖南去年农产品网络零售额超500亿元", *_column(_WIRE_ONE, 34),
             *_column(_WIRE_ONE_MORE, 34), "前两月全国快递业务量增长两成", *_column(_WIRE_TWO, 34),
             *_column(_WIRE_TWO_MORE, 34)]
    parsed = parse_text("\n".join(lines) + "\n")
    assert [a.title for a in parsed.articles] == ["湖南去年农产品网络零售额超500亿元", "前两月全国快递业务量增长两成"]
    assert "285.4亿件" not in parsed.articles[0].body.replace("\n", "")


def test_a_subhead_over_text_without_a_dateline_of_its_own_stays_in_the_story() -> None:
    lines = ["商贸快讯", "2025年3月8日　第10期", "湖南去年农产品网络零售额超500亿元", *_column(_WIRE_ONE, 34),
             "县级中心再添二十个", *_column(_WIRE_ONE_MORE, 34)]
    assert titles("\n".join(lines) + "\n") == ["湖南去年农产品网络零售额超500亿元"]


def test_a_full_width_full_stop_ends_a_hard_wrapped_paragraph_before_a_dated_header() -> None:
    one = ("本报讯　市商务局介绍,一季度全市网络零售额达到３２．６亿元,同比增长１１．８％．其中农产品网络零售额"
           "５．２亿元,同比增长２０．４％．直播电商销售额达到８．９亿元,同比增长３５．２％,带动就业岗位超两千个．")
    two = ("本报讯　市邮政管理局介绍,一季度全市快递业务量完成１．９亿件,同比增长１４．３％,业务收入同比增长９．１％．"
           "其中同城快递业务量增长１８．６％,异地快递业务量增长１２．２％,农村地区快递揽收量增长较为明显．")
    three = ("本报讯　市商务局介绍,一季度全市直播电商销售额达到８．９亿元,同比增长３５．２％．开展直播活动一千二百余场,"
             "带动农产品销售额１．３亿元,同比增长２８．７％,新增带货主播三百余名,带动就业岗位超过两千余个．")
    assert len(one) % 34 == 0 and len(two) % 34 == 0 and len(three) % 34 == 0  # (the last line of each story as full as the others)
    lines = ["商贸简讯", "", "２０２５．０４．１０ | 一季度全市网络零售额增长一成", *_column(one, 34),
             "２０２５．０４．１２ | 一季度全市快递业务量增长１４．３％", *_column(two, 34),
             "２０２５．０４．１５ | 一季度直播电商销售额增长三成", *_column(three, 34)]
    parsed = parse_text("\n".join(lines) + "\n")
    assert [a.title for a in parsed.articles] == ["一季度全市网络零售额增长一成", "一季度全市快递业务量增长14.3%",
                                                 "一季度直播电商销售额增长三成"]
