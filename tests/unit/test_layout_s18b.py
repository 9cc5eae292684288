"""Session 18b: newspaper pages — a 副题 printed without `——` under a long headline, a bare-name byline under a
`——` subtitle, and sub-heads glued to their paragraphs on a page whose headlines carry bylines (invented pages)."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_subtitle_stating_its_own_predicate_is_not_the_rest_of_the_headline() -> None:
    p = parse_text(
        "\n".join(
            [
                "南湖晚报",
                "2021年5月10日　星期一　第A04版　本地",
                "",
                "一季度全市跨境电商交易额再创历史同期新高",
                "出口包裹量同比增长三成",
                "本报记者　林小东",
                "",
                "　　本报讯　记者从市商务局获悉，一季度全市跨境电商交易额12.5亿元，同比增长18.2%。",
                "　　其中，出口包裹量达230万件。",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["一季度全市跨境电商交易额再创历史同期新高"]


def test_bare_name_under_a_dash_subtitle_is_a_byline() -> None:
    p = parse_text(
        "\n".join(
            [
                "县域商报",
                "2022年6月2日　星期四　第3版",
                "",
                "山前镇电商直播基地开播一周年",
                "本报记者　吴　明",
                "",
                "　　本报讯　日前，山前镇电商直播基地迎来开播一周年，累计直播带货额3200万元。",
                "　　基地目前入驻主播60名。",
                "",
                "全省农村电商培训大会在西江召开",
                "——首批农村电商带头人名单公布",
                "陈方",
                "",
                "　　日前，全省农村电商培训大会在西江县召开，会上公布首批农村电商带头人名单。",
                "　　今年以来，全省累计培训农村电商人才2.1万人次。",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["山前镇电商直播基地开播一周年", "全省农村电商培训大会在西江召开"]


def test_subheads_glued_to_their_paragraphs_under_a_bylined_headline() -> None:
    p = parse_text(
        "\n".join(
            [
                "东州日报",
                "2019年10月6日　星期日　第2版",
                "",
                "假日消费市场红火",
                "前5天全市重点商贸企业销售额8.6亿元",
                "本报记者　孙　林",
                "",
                "　　本报讯　国庆长假前5天，全市重点商贸企业实现销售额8.6亿元，同比增长6.1%。",
                "百货商场客流回升",
                "　　全市10家重点百货商场5天实现销售额2.2亿元，增长4.5%。",
                "餐饮企业预订火爆",
                "　　全市重点餐饮企业5天实现营业额3100万元，增长12%。",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["前5天全市重点商贸企业销售额8.6亿元"]
    assert "百货商场客流回升" in p.articles[0].paragraphs
