"""Article layout (`bot.services.ingest.layout`) of the four seed layouts (expected values verified by reading the files)
and unseen variants."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.services.ingest import parse_file
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
S000 = SEEDS / "000_d505d10c10052e7c.txt"
S001 = SEEDS / "001_702a40341f70cc14.txt"
S002 = SEEDS / "002_85eb7a58db5daab1.txt"
S003 = SEEDS / "003_34539ccfcc6b3203.txt"


def parse(path: Path, **kw: object) -> ParsedBulletin:
    return parse_file(path, **kw)[1]  # type: ignore[arg-type]


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


def by_title(parsed: ParsedBulletin, title: str):  # type: ignore[no-untyped-def]
    matches = [a for a in parsed.articles if a.title == title]
    assert matches, f"no article titled {title!r}; have {[a.title for a in parsed.articles]}"
    return matches[0]


# --------------------------------------------------------------------------------------------- 001 bulletin


def test_001_issue_metadata_and_count() -> None:
    p = parse(S001)
    assert p.layout == "bulletin"
    assert p.publication == "电子商务动态"
    assert p.issue_no == "2023年第17期(总294期)"
    assert p.published == date(2023, 9, 5)
    # 44 trailers + 天津 (trailer missing, closed by 【数据观察】); the two book ads of 【悦读电商】 are dropped
    assert len(p.articles) == 45
    assert p.articles[0].title == "国务院: 促进数字技术与实体经济深度融合"
    assert p.articles[-1].title == "杨长湧: 充分释放跨境电商发展潜力"
    assert not any("精英系列教程" in a.title or "本书" in a.body for a in p.articles)
    assert not any("编辑部地址" in a.body or "63685517" in a.body for a in p.articles)
    assert Counter_sections(p) == {"行业资讯": 22, "政策法规": 2, "数据观察": 17, "专家视点": 4}


def Counter_sections(p: ParsedBulletin) -> dict[str, int]:
    out: dict[str, int] = {}
    for a in p.articles:
        out[a.section] = out.get(a.section, 0) + 1
    return out


@pytest.mark.parametrize(
    ("title", "section", "outlet", "published"),
    [
        ("国务院: 促进数字技术与实体经济深度融合", "行业资讯", "文汇报", date(2023, 8, 22)),
        ("三部门:延续实施跨境电子商务出口退运商品税收政策", "行业资讯", "财政部官网", date(2023, 8, 31)),
        ("商务部:将从五方面推动电子商务创新发展", "行业资讯", "电子商务动态", date(2023, 9, 3)),
        ('百度电商发起"百城万品"计划,并加码数字人直播', "行业资讯", "联商网", date(2023, 8, 22)),
        ("北京出台政策规范扫码消费服务", "政策法规", "新华网", date(2023, 9, 1)),
        # trailer missing: bulletin date, no outlet
        ("天津: 推动平台经济健康发展 壮大直播电商产业", "政策法规", "", date(2023, 9, 5)),
        ("国家统计局: 我国网络经济指数达 2739.0, 比上年增长 39.6%", "数据观察", "每日经济新闻", date(2023, 8, 22)),
        # trailer glued to the end of the last paragraph
        ("中国快递发货量在全球居首", "数据观察", "人民日报海外版", date(2023, 8, 21)),
        ("专家解读第52次《中国互联网络发展状况统计报告》", "专家视点", "中国互联网络信息中心", date(2023, 8, 29)),
        ("杨长湧: 充分释放跨境电商发展潜力", "专家视点", "光明日报", date(2023, 8, 31)),
    ],
)
def test_001_articles(title: str, section: str, outlet: str, published: date) -> None:
    art = by_title(parse(S001), title)
    assert (art.section, art.outlet, art.published) == (section, outlet, published)
    assert "来源" not in art.body.splitlines()[-1]


def test_001_glued_trailer_and_page_break_fragments() -> None:
    p = parse(S001)
    express = by_title(p, "中国快递发货量在全球居首")
    assert express.paragraphs[-1].endswith("比 2021 年增长 1%。")
    tmall = by_title(p, "天猫发布四大服务商合作举措 开放特许权益、升级数字化产品 、开放 AIGC 能力和促进人才培养")
    # "…帮助服务商" / blank / "为品牌提供…" is one paragraph broken by a page
    assert any("帮助服务商为品牌提供标准化和定制化的消费洞察" in para for para in tmall.paragraphs)
    expert = by_title(p, "专家解读第52次《中国互联网络发展状况统计报告》")
    assert "数字化助力经济社会发展恢复向好" in expert.paragraphs  # sub-head kept as its own paragraph
    assert "**" not in expert.body


# --------------------------------------------------------------------------------------------- 002 hard-wrapped


def test_002_wrapped_issue() -> None:
    p = parse(S002)
    assert p.layout == "bulletin"
    assert p.publication == "电子商务动态"
    assert p.issue_no is None
    assert p.published == date(2023, 6, 5)  # no cover: the newest trailer date
    assert len(p.articles) == 53
    sections = Counter_sections(p)
    assert sections == {"行业资讯": 23, "政策法规": 2, "数据观察": 24, "专家视点": 4}
    first = p.articles[0]
    assert first.title == "商务部：把握跨境电商发展机遇 推进贸易数字化应用"
    assert first.paragraphs[0].startswith(
        "5 月 30—31 日，全国跨境电商综试区现场会在浙江省杭州市召开。会议发布 2022 年跨境电商综试区"
    )


@pytest.mark.parametrize(
    ("title", "section", "outlet", "published"),
    [
        # two-line titles
        ("商务部：鼓励企业在中亚建设海外仓 支持中亚国家企业入驻中国电商平台", "行业资讯", "央广网", date(2023, 5, 29)),
        ("全国唯一一站式提供全程电子化企业登记服务平台在上海上线", "行业资讯", "电子商务动态", date(2023, 5, 30)),
        ("跨境电商零售进口缴税有了新方式 税款电子支付功能在宁波试运行", "行业资讯", "宁波日报", date(2023, 6, 2)),
        ("上海首个“有机盒马村”正式挂牌", "行业资讯", "新民晚报", date(2023, 5, 21)),
        ("刷脸支付新规将发布", "政策法规", "移动支付网", date(2023, 5, 30)),
        # after the mid-flow page footer "- 20 -"
        ("支付宝小程序数量超 400 万", "数据观察", "电子商务动态", date(2023, 5, 21)),
        ("西班牙电商用户渗透率接近 30%", "数据观察", "亿恩网", date(2023, 6, 2)),
        ("直播带货要创新更要规范", "专家视点", "经济日报", date(2023, 6, 3)),
    ],
)
def test_002_articles(title: str, section: str, outlet: str, published: date) -> None:
    art = by_title(parse(S002), title)
    assert (art.section, art.outlet, art.published) == (section, outlet, published)
    assert "- 20 -" not in art.body


def test_002_lines_joined_mid_word() -> None:
    p = parse(S002)
    art = by_title(p, "支付宝小程序数量超 400 万")
    assert art.paragraphs[0] == (
        "近日，中国社会科学院财经战略研究院对外发布了《平台社会经济价值研究报告》，《报告》披露了支付宝小程序最新数据。"
        "截至目前，支付宝小程序数量已经超过了 400 万，2022 年在平台产生交易的商家小程序成交 GMV 较此前一年增长 49.2%。"
    )
    us = by_title(p, "美国 2023 年跨境网购买家数量或将达到 6980 万")
    assert "另外，Inside intelligence 预计，明年" in us.body


# --------------------------------------------------------------------------------------------- newspapers


def test_000_newspaper_page() -> None:
    p = parse(S000)
    assert p.layout == "newspaper"
    assert p.publication == "中国贸易报"
    assert p.published is None  # the page carries no date of publication
    assert [a.title for a in p.articles] == [
        "让直播电商“热”到海外",
        "中国内地仍是全球IPO活动的重要地区",
        "物联网技术成数字经济重要引擎",
        "港专专利商标团队参加2023年AIPPI中日韩三国年度会议",
        "“前店后仓+快速物流”落地龙南",
    ]
    assert [a.outlet for a in p.articles] == ["本报", "本报", "本报", "中国专利代理（香港）有限公司", "本报"]
    assert all(a.published is None for a in p.articles)
    assert p.dropped and p.dropped[0].startswith("photo:")  # the photo caption is not an article
    kuaishou = p.articles[0]
    assert kuaishou.paragraphs[0] == "快手副总裁刘震：中国短视频渗透率已超94%，但全球渗透率不足20%"  # kicker
    assert "在中国市场积累的经验也具备可复制性，形成了一定的海外竞争优势。" in kuaishou.body
    assert "据了解，快手平均日活跃用户为3.743亿，快手平均月活跃用户为6.544亿。" in kuaishou.body
    ipo = p.articles[1]
    assert "双创板IPO保持领先" in ipo.paragraphs and "专精特新企业成IPO重头" in ipo.paragraphs
    assert "■" not in ipo.body and "范长国" not in "".join(a.body for a in p.articles)


def test_000_published_from_cli_option() -> None:
    p = parse(S000, published=date(2023, 7, 6))
    assert p.published == date(2023, 7, 6)
    assert {a.published for a in p.articles} == {date(2023, 7, 6)}


def test_003_headlines_collected_at_page_end() -> None:
    p = parse(S003)
    assert p.layout == "newspaper"
    assert [(a.title, a.outlet) for a in p.articles] == [
        ("报告显示：我国直播电商呈快速增长态势", "新华社"),
        ("“数商兴农”赋能乡村振兴，引领农村电商融合发展", "本报"),
        ("第三届中国新电商大会国际合作论坛举行", "本报"),
    ]
    rural = p.articles[1]
    assert "上半年，全国农村网络零售额1.12万亿元，同比增长12.5%。" in rural.body
    assert rural.paragraphs[0].startswith("作为数字经济的重要组成部分")
    assert "新平台、新农人激发农村电商新潜能" in rural.paragraphs


# --------------------------------------------------------------------------------------------- variants


def test_unseen_bulletin_variant_without_sections_or_cover() -> None:
    text = "\n".join(
        [
            "本期要目",
            "某市出台直播电商十条\t3",
            "",
            "某市出台直播电商十条",
            "",
            "日前，某市商务局印发《促进直播电商高质量发展若干措施》，提出十条举措。",
            "",
            "措施提出，到 2025 年培育 100 家直播基地。来源：“某某网” 编选：《电商周报》编辑部 2024 年 03 月 02 日",
            "",
            "第二篇新闻标题",
            "",
            "第二篇的正文内容，没有来源行。",
        ]
    )
    p = parse_text(text, published=date(2024, 3, 5))
    assert [a.title for a in p.articles] == ["某市出台直播电商十条", "第二篇新闻标题"]
    assert p.articles[0].outlet == "某某网" and p.articles[0].published == date(2024, 3, 2)
    assert p.articles[0].paragraphs[-1] == "措施提出，到 2025 年培育 100 家直播基地。"
    assert p.publication == "电商周报"
    assert p.articles[1].published == date(2024, 3, 5)  # falls back to --published


def test_missing_trailer_between_articles_uses_toc() -> None:
    text = "\n".join(
        [
            "\t>\t第一条新闻的标题\t2",
            "\t>\t第二条新闻的标题\t3",
            "【行业资讯】",
            "第一条新闻的标题",
            "第一条新闻正文，内容足够长以便识别为正文段落。",
            "第二条新闻的标题",
            "第二条新闻正文。",
            "来源:《文汇报》 编选:《电子商务动态》编辑部 2023 年 08 月 22 日",
        ]
    )
    p = parse_text(text)
    assert [a.title for a in p.articles] == ["第一条新闻的标题", "第二条新闻的标题"]
    assert p.articles[1].outlet == "文汇报"


def test_nothing_recognisable() -> None:
    assert parse_text("\n\n   \n").articles == []
