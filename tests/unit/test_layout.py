"""Layout-general segmentation (issue 9): article boundaries from line evidence, each article's own date, the
container's masthead as its name (never an article title, never a file name). Fixtures in tests/fixtures/layout/
are short synthetic documents written after the measured failures: a digest of items headed `【2024.08.02】标题`,
a statistics digest of numbered releases with `发布日期` lines, pipe tables and 附注, a plain newspaper page with
sub-heads and `(新京报)` end marks, and datelined wire stories."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin, Figure
from bot.services.ingest import ingest_file, parse_file
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"
DIGEST = FIXTURES / "digest_dated_headers.txt"
STATS = FIXTURES / "stats_digest_numbered.txt"
PAPER = FIXTURES / "newspaper_plain.txt"
WIRE = FIXTURES / "wire_datelines.txt"


def parse(path: Path, **kw: object) -> ParsedBulletin:
    return parse_file(path, **kw)[1]  # type: ignore[arg-type]


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------- dated digest


def test_dated_digest_one_article_per_header_with_its_own_date() -> None:
    p = parse(DIGEST)
    assert p.publication == "电商数据要闻摘编"  # the digest's name is its masthead, not an article
    assert [(a.title, a.published) for a in p.articles] == [
        ("商务部：上半年全国网上零售额7.16万亿元", date(2024, 8, 2)),
        ("海关总署：前7个月我国跨境电商进出口1.48万亿元", date(2024, 8, 1)),
        ("国家邮政局：7月快递业务量预计完成140亿件", date(2024, 7, 30)),
        ("上海市快递业务量全年完成28.6亿件", date(2023, 12, 28)),
        ("2020年全国网上零售额11.76万亿元", date(2021, 1, 18)),
        ("1—11月份全国网上零售额105374亿元", date(2020, 12, 15)),
        ("CNNIC：我国网民规模达10.99亿人", date(2024, 7, 25)),
    ]
    assert [a.outlet for a in p.articles][:3] == ["商务部网站", "海关总署", "国家邮政局"]
    assert not any("来源" in a.body or "【" in a.body for a in p.articles)
    assert p.published is None  # the digest itself carries no date: none is invented


# --------------------------------------------------------------------------------------------- statistics digest


def test_numbered_statistics_digest_keeps_every_release() -> None:
    p = parse(STATS)
    assert p.publication == "国家统计局数据发布汇编"
    assert [a.title for a in p.articles] == [
        "2020年11月份社会消费品零售总额增长5.0%",
        "2020年11月份规模以上工业增加值增长7.0%",
        "2020年1—11月份全国固定资产投资增长2.6%",
        "2020年11月份能源生产情况",
        "2020年11月份国民经济保持稳定恢复",
    ]
    assert {a.published for a in p.articles} == {date(2020, 12, 15)}
    assert {a.outlet for a in p.articles} == {"国家统计局"}
    retail = p.articles[0]
    # sub-heads, table caption and 附注 stay inside the release; the meta line is not body text
    for para in ("按经营单位所在地分", "全国网上零售额", "2020年11月份社会消费品零售总额主要数据", "附注"):
        assert para in retail.paragraphs
    assert not any(para.startswith("发布日期") for a in p.articles for para in a.paragraphs)


def test_indicator_table_rows_stay_lines_as_written() -> None:
    retail = parse(STATS).articles[0]
    lines = retail.body.splitlines()
    assert "指　标 | 11月 | | 1—11月 |" in lines
    assert "社会消费品零售总额 | 39514 | 5.0 | 352287 | -4.8 |" in lines
    header = lines.index("指　标 | 11月 | | 1—11月 |")
    assert lines[header + 1].lstrip().startswith("| 绝对量（亿元）")  # not joined to its neighbours


# --------------------------------------------------------------------------------------------- newspaper page


def test_plain_newspaper_page_titles_above_bodies_subheads_inside() -> None:
    p = parse(PAPER)
    assert p.publication == "新京报" and p.published == date(2024, 3, 22)
    assert p.layout == "newspaper"
    assert [a.title for a in p.articles] == [
        "直播电商带动县域消费升级",
        "跨境电商出口保持较快增长",
        "即时零售订单量同比翻番",
        "网络零售额占比继续提高",
        "二手电商平台交易活跃",
        "快递业务量开局良好",
    ]
    first = p.articles[0]
    assert "县域直播基地加快建设" in first.paragraphs and "物流短板仍待补齐" in first.paragraphs
    assert {a.outlet for a in p.articles} == {"新京报"}
    # an undated story takes the page's date; a datelined one its own
    assert p.articles[1].published == date(2024, 3, 22)
    assert p.articles[5].published == date(2024, 3, 21)


def test_subtitle_under_title_stays_with_it() -> None:
    p = parse_text(
        "\n".join(
            [
                "前7个月网上零售额超8万亿元",
                "——商务部介绍1至7月电子商务发展情况",
                "",
                "新京报讯（记者 陈某）8月22日，商务部通报了今年1至7月我国电子商务发展情况。",
                "",
                "农村电商市场增势强劲",
                "",
                "新京报讯（记者 王某）今年1至7月，我国农村网络零售额同比增长6.4%。",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["前7个月网上零售额超8万亿元", "农村电商市场增势强劲"]
    assert p.articles[0].paragraphs[0] == "——商务部介绍1至7月电子商务发展情况"


# --------------------------------------------------------------------------------------------- dates


def test_datelines_take_the_bulletin_year() -> None:
    p = parse(WIRE)
    assert (p.publication, p.issue_no, p.published) == ("电商新闻选编", "2024年第3期", date(2024, 3, 25))
    assert [(a.title, a.outlet, a.published) for a in p.articles] == [
        ("全国网上零售额保持增长", "新华社", date(2024, 1, 22)),
        ("跨境电商政策持续优化", "人民网", date(2024, 3, 22)),
        ("农村电商培训覆盖百万人次", "", date(2024, 3, 20)),  # the 编选 trailer's date
        ("去年全年快递业务量超1300亿件", "中新网", date(2023, 12, 28)),  # December in a March issue
    ]


def test_no_date_anywhere_stays_none_or_takes_published() -> None:
    text = "\n".join(
        [
            "跨境电商政策持续优化",
            "人民网北京3月22日电 商务部等部门近日联合印发通知，进一步优化跨境电商出口退税流程。",
            "",
            "农村电商培训覆盖百万人次",
            "今年以来，各地组织农村电商培训超过100万人次，带动就业岗位超过30万个。",
        ]
    )
    bare = parse_text(text)
    assert [a.published for a in bare.articles] == [None, None]  # no year for the dateline, no bulletin date
    given = parse_text(text, published=date(2024, 3, 25))
    assert [a.published for a in given.articles] == [date(2024, 3, 22), date(2024, 3, 25)]


def test_relative_periods_resolve_against_each_articles_own_date(engine: Engine) -> None:
    with session_scope(engine) as session:
        ingest_file(session, DIGEST)
    with Session(engine) as s:
        rows = s.exec(
            select(Figure, Article).join(Article, Article.id == Figure.article_id).where(Figure.metric == "网上零售额")
        ).all()
        by_title = {a.title: f for f, a in rows}
        older = by_title["1—11月份全国网上零售额105374亿元"]
        assert (older.period_start, older.period_end) == (date(2020, 1, 1), date(2020, 11, 30))
        newer = by_title["商务部：上半年全国网上零售额7.16万亿元"]  # 今年上半年 in an August 2024 item
        assert (newer.period_start, newer.period_end) == (date(2024, 1, 1), date(2024, 6, 30))


# --------------------------------------------------------------------------------------------- names


def test_file_name_is_never_the_publication(tmp_path: Path, engine: Engine) -> None:
    path = tmp_path / "003_34539ccfcc6b3203.txt"
    shutil.copy(PAPER, path)
    text = path.read_text(encoding="utf-8").split("\n", 2)[2]  # without its masthead
    path.write_text(text, encoding="utf-8")
    p = parse(path)
    assert p.publication == "" and len(p.articles) == 6
    with session_scope(engine) as session:
        result = ingest_file(session, path)
    assert result.publication == ""
    with Session(engine) as s:
        assert s.exec(select(Bulletin)).one().publication == ""


def test_single_release_names_its_issuer() -> None:
    p = parse_text(
        "\n".join(
            [
                "2022年邮政行业发展统计公报",
                "国家邮政局　2023年5月26日",
                "",
                "一、业务总量",
                "2022年，邮政行业寄递业务量完成1390.9亿件，同比增长2.7%。",
                "二、业务收入",
                "2022年，邮政行业业务收入完成13509.6亿元，同比增长6.9%。",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["2022年邮政行业发展统计公报"]  # numbered sub-heads stay inside
    assert "一、业务总量" in p.articles[0].paragraphs
    assert (p.publication, p.published, p.articles[0].published) == ("国家邮政局", date(2023, 5, 26), date(2023, 5, 26))


@pytest.mark.parametrize("text", ["hello world", "苹果 3斤\n牛奶 2盒\n鸡蛋 一打"])
def test_not_a_bulletin_has_no_articles(text: str) -> None:
    assert parse_text(text).articles == []


def test_headline_after_body_page() -> None:
    text = "\n".join(
        [
            "中国某某快递报",
            "2016年11月19日",
            "",
            "新华社北京11月18日电（记者某某）国家",
            "邮政局18日发布监测数据，今年“双11”期",
            "间，全国邮政、快递企业共揽收快件11.2亿",
            "件，全网运行平稳顺畅。",
            "“双11”期间全国快件揽收量11.2亿件",
            "",
            "相关链接　据国家邮政局2015年11月12",
            "日发布的监测数据，预计2015年“双11”",
            "期间，全行业处理的邮件（快件）量将达到",
            "7.8亿件，同比增长近45%。",
            "去年“双11”邮件快件量预计7.8亿件",
        ]
    )
    p = parse_text(text)
    assert (p.publication, p.published) == ("中国某某快递报", date(2016, 11, 19))
    assert [(a.title, a.published) for a in p.articles] == [
        ("“双11”期间全国快件揽收量11.2亿件", date(2016, 11, 18)),
        ("去年“双11”邮件快件量预计7.8亿件", date(2016, 11, 19)),
    ]


# --------------------------------------------------------------------------------------------- more layouts


def test_narrow_newspaper_columns_with_headlines_above() -> None:
    p = parse(FIXTURES / "newspaper_narrow_titles_above.txt")
    assert (p.publication, p.published) == ("某某日报", date(2023, 6, 5))
    assert [a.title for a in p.articles] == ["网络零售保持较快增长", "快递业务量稳步提升"]
    assert p.articles[0].paragraphs[0].startswith("本报讯（记者 张某）记者从市商务局获悉，今年1—5月，全市网络零售额达到512亿元")
    assert "快递" not in p.articles[0].body and "网络零售额" not in p.articles[1].body


def test_unwrapped_page_with_headlines_under_their_stories() -> None:
    p = parse_text(
        "\n".join(
            [
                "某某晚报　2023年6月5日",
                "",
                "本报讯 今年1—5月，全市网络零售额达到512亿元，同比增长15.2%。",
                "市商务局有关负责人表示，将继续推动直播电商等新业态发展。",
                "网络零售保持较快增长",
                "",
                "本报讯 市邮政管理局数据显示，1—5月全市快递业务量完成3.2亿件，同比增长18.6%。",
                "业务收入完成28亿元，同比增长12.1%。",
                "快递业务量稳步提升",
            ]
        )
    )
    assert [(a.title, len(a.paragraphs)) for a in p.articles] == [("网络零售保持较快增长", 2), ("快递业务量稳步提升", 2)]
    assert "512亿元" in p.articles[0].body and "3.2亿件" in p.articles[1].body


def test_hard_wrapped_report_across_a_page_break() -> None:
    p = parse(FIXTURES / "report_pdf_wrapped.txt")
    assert [a.title for a in p.articles] == ["2023年某省电子商务发展报告"]
    report = p.articles[0]
    assert (p.publication, report.published) == ("某省商务厅", date(2023, 3, 1))
    # the sentence broken by the page number and the running header is one paragraph, the number unsplit
    assert any("全省农村网络零售额达到1200亿元，同比增长13.5%。" in para for para in report.paragraphs)
    assert any("同比增长9.1%。" in para for para in report.paragraphs)
    assert report.body.count("2023年某省电子商务发展报告") == 0
    assert ["一、总体情况", "二、跨境电商", "三、直播电商"] == [x for x in report.paragraphs if x.endswith(("况", "商"))]


def test_sections_and_source_end_marks_without_trailers() -> None:
    p = parse_text(
        "\n".join(
            [
                "电商周讯",
                "第15期",
                "",
                "【行业资讯】",
                "",
                "商务部：推动电商高质量发展",
                "商务部近日表示，将从五个方面推动电子商务高质量发展。（来源：新华网）",
                "",
                "直播电商规范发展",
                "多地出台直播电商规范，明确主播实名要求。（来源：人民网）",
                "",
                "【数据观察】",
                "",
                "上半年快递业务量超600亿件",
                "国家邮政局数据显示，上半年快递业务量累计完成622.5亿件，同比增长19.1%。（来源：国家邮政局）",
            ]
        )
    )
    assert p.publication == "电商周讯"
    assert [(a.title, a.section, a.outlet) for a in p.articles] == [
        ("商务部：推动电商高质量发展", "行业资讯", "新华网"),
        ("直播电商规范发展", "行业资讯", "人民网"),
        ("上半年快递业务量超600亿件", "数据观察", "国家邮政局"),
    ]


def test_numbered_contents_list_without_page_numbers() -> None:
    p = parse_text(
        "\n".join(
            [
                "商务简报",
                "2023年第8期",
                "",
                "本期要目",
                "1. 上半年全国网络零售市场稳步增长",
                "2. 福建农村电商发展保持全国前列",
                "",
                "上半年全国网络零售市场稳步增长",
                "商务部电子商务司负责人介绍，2023年上半年，全国网上零售额7.16万亿元，同比增长13.1%。",
                "在线服务消费增势较好",
                "在线旅游产品和景点门票销售额同比增长272.4%。",
                "",
                "福建农村电商发展保持全国前列",
                "据专业机构监测统计，2022年福建省农村网络零售额达2588亿元，同比增长0.4%。",
            ]
        )
    )
    assert (p.publication, p.issue_no) == ("商务简报", "2023年第8期")
    assert [a.title for a in p.articles] == ["上半年全国网络零售市场稳步增长", "福建农村电商发展保持全国前列"]
    assert "在线服务消费增势较好" in p.articles[0].paragraphs


def test_date_column_headers_and_ascii_punctuation() -> None:
    p = parse_text(
        "\n".join(
            [
                "电商数据速递 (内部参考)",
                "",
                "2020.07.30 | 上半年电商直播超1000万场",
                "本报北京7月30日电 (记者王某) 商务部介绍,1-6月全国网络零售额达5.15万亿元,同比增长7.3%.",
                "",
                "2022.12.16 | 义乌\"双十二\"快递业务量1.6亿件",
                "中国义乌网12月16日讯 今年义乌\"双十二\"期间,快递业务量累计达1.6亿件,同比增长17%.",
            ]
        )
    )
    assert p.publication == "电商数据速递"
    assert [(a.title, a.published) for a in p.articles] == [
        ("上半年电商直播超1000万场", date(2020, 7, 30)),
        ('义乌"双十二"快递业务量1.6亿件', date(2022, 12, 16)),
    ]


def test_single_web_page_with_date_and_source_line() -> None:
    p = parse_text(
        "\n".join(
            [
                "1-2月全国5000家重点零售企业销售同比增3.3%",
                "2017-03-17 联商网",
                "",
                "联商网消息:商务部新闻发言人在3月17日的例行新闻发布会上介绍了1-2月国内市场运行情况.",
                "",
                "一是网络销售保持较快增长.1-2月,全国实物商品网上零售额增长25.4%.",
                "",
                "二是服务消费继续提速.1-2月,全国餐饮收入同比增长11.3%.",
            ]
        )
    )
    assert [(a.title, a.published, a.outlet) for a in p.articles] == [
        ("1-2月全国5000家重点零售企业销售同比增3.3%", date(2017, 3, 17), "联商网")
    ]
    assert (p.publication, p.published) == ("联商网", date(2017, 3, 17))


def test_date_header_on_its_own_line_and_bylines() -> None:
    p = parse_text(
        "\n".join(
            [
                "电商简讯",
                "2024年第5期",
                "",
                "【2024.08.02】",
                "上半年跨境电商进出口1.22万亿元",
                "海关总署数据显示，今年上半年我国跨境电商进出口1.22万亿元，同比增长10.5%。",
                "",
                "【2023.08.28】",
                "我国网民规模达10.79亿人",
                "中国互联网络信息中心发布报告称，截至6月，我国网民规模达10.79亿人。",
            ]
        )
    )
    assert [(a.title, a.published) for a in p.articles] == [
        ("上半年跨境电商进出口1.22万亿元", date(2024, 8, 2)),
        ("我国网民规模达10.79亿人", date(2023, 8, 28)),
    ]
    paper = parse_text(
        "\n".join(
            [
                "某某商报　2024年5月10日　第3版",
                "",
                "直播电商带动农产品销售",
                "本报记者 张三",
                "今年以来，我市直播电商带动农产品销售额达到35亿元，同比增长28%。",
                "",
                "跨境电商园区扩容",
                "■ 本报记者 李四 王五",
                "4月份，我市跨境电商园区新入驻企业56家，园区企业一季度进出口额12.6亿元。",
            ]
        )
    )
    assert [(a.title, a.outlet, a.paragraphs[0][:4]) for a in paper.articles] == [
        ("直播电商带动农产品销售", "本报", "今年以来"),
        ("跨境电商园区扩容", "本报", "4月份，"),
    ]


def test_numbered_items_closed_by_source_lines() -> None:
    p = parse_text(
        "\n".join(
            [
                "网络零售信息摘编",
                "",
                "一、上半年网络零售额7.16万亿元",
                "商务部数据显示，上半年全国网上零售额7.16万亿元，同比增长13.1%。",
                "来源：商务部",
                "",
                "二、快递业务量增长较快",
                "国家邮政局数据显示，上半年快递业务量完成610亿件，同比增长16%。",
                "来源：国家邮政局",
            ]
        )
    )
    assert p.publication == "网络零售信息摘编"
    assert [(a.title, a.outlet, a.published) for a in p.articles] == [
        ("上半年网络零售额7.16万亿元", "商务部", None),
        ("快递业务量增长较快", "国家邮政局", None),
    ]


def test_month_day_and_source_tag_headers() -> None:
    p = parse_text(
        "\n".join(
            [
                "电商快讯",
                "2024年8月5日",
                "",
                "【08.02】上半年跨境电商进出口1.22万亿元",
                "海关总署数据显示，今年上半年我国跨境电商进出口1.22万亿元，同比增长10.5%。",
                "",
                "【人民网】我国网民规模达10.79亿人",
                "中国互联网络信息中心发布报告称，截至6月，我国网民规模达10.79亿人。",
                "",
                "【新华社】快递业务量持续增长",
                "国家邮政局数据显示，上半年快递业务量完成610亿件。",
            ]
        )
    )
    assert (p.publication, p.published) == ("电商快讯", date(2024, 8, 5))
    assert [(a.title, a.outlet, a.published) for a in p.articles] == [
        ("上半年跨境电商进出口1.22万亿元", "", date(2024, 8, 2)),  # month and day in the bulletin's year
        ("我国网民规模达10.79亿人", "人民网", date(2024, 8, 5)),
        ("快递业务量持续增长", "新华社", date(2024, 8, 5)),
    ]


def test_container_name_set_apart_is_not_a_title() -> None:
    p = parse_text(
        "\n".join(
            [
                "每周电商",
                "",
                "直播电商带动县域消费",
                "多地商务部门表示，县域直播基地正在成为带动农产品上行的重要载体。",
                "",
                "跨境电商出口保持增长",
                "据海关统计，今年前两个月，我国跨境电商进出口3760亿元。",
            ]
        )
    )
    assert p.publication == "每周电商"
    assert [a.title for a in p.articles] == ["直播电商带动县域消费", "跨境电商出口保持增长"]
    assert [a.published for a in p.articles] == [None, None]


def test_table_rows_stay_lines_in_a_trailer_bulletin() -> None:
    p = parse_text(
        "\n".join(
            [
                "【数据观察】",
                "",
                "一季度社会消费品零售总额增长4.7%",
                "",
                "一季度，社会消费品零售总额120327亿元，同比增长4.7%。",
                "指　标 | 3月 | | 1—3月 | | 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） | 备注",
                "社会消费品零售总额 | 39020 | 3.1 | 120327 | 4.7 | 全国合计数据，按现价计算，不扣除价格因素 | 无",
                "来源:《国家统计局》 编选:《电子商务动态》编辑部 2024 年 04 月 16 日",
                "",
                "第二条",
                "",
                "第二条正文。",
                "来源:《文汇报》 编选:《电子商务动态》编辑部 2024 年 04 月 17 日",
            ]
        )
    )
    first = p.articles[0]
    assert first.paragraphs[1].startswith("指　标 | 3月 | | 1—3月 |")
    assert first.paragraphs[2].startswith("社会消费品零售总额 | 39020")


def test_untitled_wire_story_is_one_article() -> None:
    p = parse_text(
        "新华社北京1月22日电（记者 某某）国家统计局22日发布数据显示，2023年全国网上零售额15.42万亿元，比上年增长11.0%。\n"
        "其中，实物商品网上零售额13.02万亿元，增长8.4%。",
        published=date(2024, 1, 23),
    )
    assert [(a.title, a.outlet, a.published) for a in p.articles] == [
        ("国家统计局22日发布数据显示，2023年全国网上零售额15.42万亿元，比上年增长11.0%"[:40], "新华社", date(2024, 1, 22))
    ]


def test_kicker_above_a_title_stays_with_its_story() -> None:
    p = parse_text(
        "\n".join(
            [
                "新京报　2024年3月22日",
                "",
                "直播电商带动县域消费升级",
                "本报讯（记者 王明）今年前两个月，全国农村网络零售额达3900亿元。(新京报)",
                "",
                "快手副总裁：短视频渗透率已超94%",
                "让直播电商“热”到海外",
                "本报讯（记者 钱某）快手平均日活跃用户为3.743亿。(新京报)",
            ]
        )
    )
    assert [a.title for a in p.articles] == ["直播电商带动县域消费升级", "让直播电商“热”到海外"]
    assert p.articles[1].paragraphs[0] == "快手副总裁：短视频渗透率已超94%"
    assert "94%" not in p.articles[0].body


def test_bracketed_news_lead() -> None:
    p = parse_text(
        "\n".join(
            [
                "广东跨境电商规模居全国首位",
                "【大公报讯】记者某某广州报道：今年上半年，广东跨境电商进出口额达3000亿元，同比增长20%。",
                "",
                "深圳海外仓面积再扩大",
                "【大公报讯】记者某某深圳报道：深圳海外仓面积超过300万平方米。",
            ]
        ),
        published=date(2024, 8, 1),
    )
    assert [(a.title, a.outlet, a.published) for a in p.articles] == [
        ("广东跨境电商规模居全国首位", "大公报", date(2024, 8, 1)),
        ("深圳海外仓面积再扩大", "大公报", date(2024, 8, 1)),
    ]


def test_narrow_columns_with_headlines_after_bodies_one_or_two_lines() -> None:
    p = parse(FIXTURES / "headline_after_columns.txt")
    assert p.layout == "newspaper" and (p.publication, p.published) == ("某某快递报", date(2016, 11, 19))
    assert [a.title for a in p.articles] == ["“双11”期间全国快件揽收量11.2亿件", "全年快递业务量预计300亿件"]
    assert p.articles[0].paragraphs[0].endswith("刷新了我国快递最高日处理量纪录。")
    assert p.articles[1].body.startswith("国家邮政局预计，今年全年快递业务量将达到300亿件")


def test_running_head_above_the_page_number() -> None:
    text = (FIXTURES / "report_pdf_wrapped.txt").read_text(encoding="utf-8")
    text = text.replace("— 1 —\n\n2023年某省电子商务发展报告\n", "2023年某省电子商务发展报告\n\n— 1 —\n\n")
    report = parse_text(text).articles[0]
    assert any("全省农村网络零售额达到1200亿元，同比增长13.5%。" in para for para in report.paragraphs)
    assert "发展报告" not in report.body


def test_hard_wrapped_ascii_punctuation_paragraphs() -> None:
    p = parse(FIXTURES / "ascii_wrapped.txt")
    [art] = p.articles
    assert (art.title, art.published, p.publication) == ("商务部:1-2月网络零售保持较快增长", date(2017, 3, 17), "联商网")
    assert len(art.paragraphs) == 4  # paragraphs end at an ASCII full stop; wrapped lines join
    assert art.paragraphs[1].startswith("一是网络销售保持较快增长.") and "全国实物商品网上零售额增长25.4%" in art.paragraphs[1]


def test_contents_with_bare_page_numbers_and_short_title_lines() -> None:
    p = parse(FIXTURES / "bulletin_toc_plain_numbers.txt")
    assert (p.publication, p.published) == ("商务动态", date(2017, 6, 22))
    assert [a.title for a in p.articles] == ["浙江2016年网络零售额突破万亿元", "义乌电商发展指数居全省首位"]
    assert "各地市网络零售" in p.articles[0].paragraphs  # a sub-head, not an article
    assert not any("1义乌" in a.body or "目" == a.body[:1] for a in p.articles)


def test_newspaper_kicker_title_subtitle_byline_and_photo_caption() -> None:
    p = parse(FIXTURES / "newspaper_kicker_subtitle.txt")
    assert (p.publication, p.published) == ("某某日报", date(2024, 5, 10))
    assert [a.title for a in p.articles] == ["直播电商激活县域消费", "跨境电商园区扩容提质", "快递业务量稳步增长"]
    first = p.articles[0]
    assert first.paragraphs[0] == "——我市上半年网络零售额同比增长18%"
    assert "县域直播基地快速发展" in first.paragraphs and "本报记者" not in first.body
    assert p.articles[1].paragraphs[-1].endswith("摄")  # the caption stays with the story it illustrates


def test_numbered_digest_with_parenthesised_numbers_tables_and_notes() -> None:
    p = parse(FIXTURES / "numbered_digest_paren.txt")
    assert (p.publication, p.issue_no) == ("电子商务数据月报", "2024年第1期(总第12期)")
    assert [(a.title, a.published, a.outlet) for a in p.articles] == [
        ("国家邮政局：2023年快递业务量完成1320亿件", date(2024, 1, 9), "国家邮政局"),
        ("商务部：2023年网上零售额15.42万亿元", date(2024, 1, 18), "商务部"),
        ("海关总署：2023年跨境电商进出口2.38万亿元", date(2024, 1, 12), "海关总署"),
    ]
    assert "1、快递业务 | 亿件 | 1320 | 130 |" in p.articles[0].paragraphs
    assert p.articles[0].paragraphs[-1] == "注：以上数据为初步统计数据。"
    assert not any("编者按" in a.body for a in p.articles)


def test_masthead_with_issue_before_the_name() -> None:
    p = parse_text(
        "\n".join(
            [
                "2024年第5期　电商简讯",
                "",
                "上半年跨境电商进出口1.22万亿元",
                "人民网北京8月2日电 海关总署数据显示，今年上半年我国跨境电商进出口1.22万亿元。",
            ]
        ),
        published=date(2024, 8, 5),
    )
    assert (p.publication, p.issue_no) == ("电商简讯", "2024年第5期")
    assert [(a.title, a.published) for a in p.articles] == [("上半年跨境电商进出口1.22万亿元", date(2024, 8, 2))]


def test_video_script_cue_lines_stay_in_their_story() -> None:
    # a video story's script: `【同期】speaker` captions repeated between narration (`【解说】…`) are no headers
    p = parse_text(
        "\n".join(
            [
                "商务部：一季度农产品网络零售额增长较快",
                "2024年04月20日 09:12　来源：示例视频网",
                "",
                "【解说】4月19日，商务部举行例行新闻发布会，介绍一季度农村电商运行情况。",
                "",
                "【同期】商务部新闻发言人　王某某",
                "",
                "一季度，全国农产品网络零售额1500亿元，同比增长12.5%。",
                "",
                "【解说】王某某表示，下一步将继续推动农村电商发展。",
                "",
                "【同期】商务部新闻发言人　王某某",
                "",
                "县域电商服务体系将进一步完善。",
            ]
        )
    )
    assert [(a.title, a.published) for a in p.articles] == [
        ("商务部：一季度农产品网络零售额增长较快", date(2024, 4, 20)),
    ]
    assert "同比增长12.5%" in p.articles[0].body


def test_a_photo_caption_closing_a_story_is_no_title() -> None:
    # a caption line (`图为…（资料图）`) under a story's last paragraph: the next headline still opens a story
    p = parse_text(
        "\n".join(
            [
                "一季度全省网络零售额增长",
                "2024-04-18 10:05　来源：示例网",
                "",
                "示例网讯　一季度，全省网络零售额812.6亿元，同比增长9.4%。",
                "图为某县电商产业园的直播间（资料图）",
                "编辑：某某",
                "",
                "一季度农产品网络零售额增长较快",
                "核心提示：一季度全省农产品网络零售额96.3亿元。",
                "2024-04-17　来源：示例报",
                "",
                "本报讯　一季度，全省农产品网络零售额96.3亿元，同比增长15.2%。",
            ]
        )
    )
    assert [(a.title, a.published) for a in p.articles] == [
        ("一季度全省网络零售额增长", date(2024, 4, 18)),
        ("一季度农产品网络零售额增长较快", date(2024, 4, 17)),
    ]


def test_flush_title_between_indented_paragraphs_without_blank_lines_starts_a_story() -> None:
    text = "\n".join([
        "消费数据集锦",
        "三月全市网络零售额增长一成",
        "来源：某市商务局　2021-04-12 09:30",
        "　　3月份，全市实现网络零售额86.5亿元，同比增长10.2%。",
        "　　其中，实物商品网络零售额71.3亿元，同比增长8.9%。",
        "一季度全市跨境电商进出口额增长两成",
        "2021年04月15日 10:05　来源：某市海关",
        "　　一季度，全市跨境电商进出口额32.4亿元，同比增长20.6%。",
        "春节期间全市快递量创新高",
        "　　今年春节期间，全市快递业务量达1260万件，为历年同期最高。",
        "　　市邮政管理局表示，节后寄递需求仍将保持高位。",
        "（来源：某市日报　2021-02-21）",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles] == [
        ("三月全市网络零售额增长一成", date(2021, 4, 12)),
        ("一季度全市跨境电商进出口额增长两成", date(2021, 4, 15)),
        ("春节期间全市快递量创新高", date(2021, 2, 21)),
    ]


def test_one_title_dated_in_brackets_among_stories_with_date_lines() -> None:
    text = "\n".join([
        "寄递消费简讯",
        "",
        "一、某省上半年快递业务量增长两成",
        "来源：某省邮政管理局　时间：2022/07/20",
        "　　上半年，全省快递业务量完成12.6亿件，同比增长20.4%。",
        "",
        "二、某省前5月网络零售额增长",
        "来源：某省商务厅　时间：2022/06/18",
        "　　1—5月，全省网络零售额856.2亿元，同比增长9.7%。",
        "",
        "三、某省去年农产品网络零售额突破百亿元（2022年1月28日）",
        "　　去年，全省农产品网络零售额102.3亿元，同比增长15.1%。",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles][-1] == ("某省去年农产品网络零售额突破百亿元", date(2022, 1, 28))


def test_any_outlet_before_a_date_and_dian_is_a_dateline() -> None:
    text = "\n".join([
        "网络消费要闻",
        "2020年4月3日",
        "",
        "一季度网上零售额降幅收窄",
        "　　数字商情4月1日电　一季度，全国网上零售额22169亿元，同比下降0.8%。",
        "",
        "前两月快递业务量保持增长",
        "　　数字商情北京3月30日电　1—2月，全国快递业务量完成85.6亿件，同比增长2.3%。",
    ])
    p = parse_text(text)
    assert [a.published for a in p.articles] == [date(2020, 4, 1), date(2020, 3, 30)]
    # a time phrase before a date is no outlet (`今年1月5日电商…` opens a sentence)
    from bot.services.ingest.layout import evidence as ev
    assert ev.DATELINE_RE.match("今年1月5日电商平台销售额增长两成") is None


def test_a_name_set_apart_over_the_first_headline_of_trailer_closed_stories_is_the_container() -> None:
    text = "\n".join([
        "寄递资讯",
        "",
        "春节假期快递揽收量增长",
        "　　春节假期，全市揽收快递包裹320万件，同比增长12.5%。",
        "（来源：某市日报　2023年01月30日）",
        "",
        "一月全市网络零售额增长",
        "　　1月份，全市网络零售额42.1亿元，同比增长6.8%。",
        "（来源：某市商务局　2023年02月20日）",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles] == [
        ("春节假期快递揽收量增长", date(2023, 1, 30)),
        ("一月全市网络零售额增长", date(2023, 2, 20)),
    ]
    assert p.publication == "寄递资讯"


def test_a_laiyuan_yu_line_closes_a_story_like_a_laiyuan_line() -> None:
    text = "\n".join([
        "零售观察",
        "",
        "二月全市网络零售额回升",
        "　　2月份，全市网络零售额38.4亿元，同比增长4.2%。",
        "本文来源于：某市商务局 2023-03-18",
        "",
        "春节假期快递揽收量增长",
        "　　春节假期，全市揽收快递包裹320万件，同比增长12.5%。",
        "本文来源于：某市日报 2023-01-30",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles] == [
        ("二月全市网络零售额回升", date(2023, 3, 18)),
        ("春节假期快递揽收量增长", date(2023, 1, 30)),
    ]


def test_a_reprint_credit_dates_the_story_it_closes() -> None:
    text = "\n".join([
        "网购数据摘编",
        "",
        "一季度全省网络零售额增长",
        "　　一季度，全省网络零售额1260亿元，同比增长11.3%。",
        "（原载《某省日报》2022年4月22日）",
        "",
        "前4月全省快递业务量增长",
        "　　1—4月，全省快递业务量完成9.8亿件，同比增长7.6%。",
        "——摘自《某省经济报》2022年5月18日第3版",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles] == [
        ("一季度全省网络零售额增长", date(2022, 4, 22)),
        ("前4月全省快递业务量增长", date(2022, 5, 18)),
    ]


def test_a_bracketed_wan_ends_a_story() -> None:
    text = "\n".join([
        "寄递数据要览",
        "",
        "前5月全市快递业务量增长",
        "2023-06-20 09:00　来源：某市邮政管理局",
        "　　1—5月，全市快递业务量完成3.2亿件，同比增长10.7%。",
        "【完】",
        "上半年全市网络零售额增长",
        "　　上半年，全市网络零售额96.5亿元，同比增长8.1%。",
        "（来源：某市商务局　2023-07-21）",
    ])
    p = parse_text(text)
    assert [(a.title, a.published) for a in p.articles] == [
        ("前5月全市快递业务量增长", date(2023, 6, 20)),
        ("上半年全市网络零售额增长", date(2023, 7, 21)),
    ]


def test_a_dateline_under_a_photo_caption_dates_the_story() -> None:
    text = "\n".join([
        "跨境贸易周报",
        "2021年3月8日",
        "",
        "前两月全省跨境电商进出口增长",
        "【来源】某省商务厅【时间】2021-03-05",
        "　　1—2月，全省跨境电商进出口额86.4亿元，同比增长28.6%。",
        "",
        "去年全省跨境电商进出口突破500亿元",
        "图为某跨境电商产业园的分拣线。（记者 李某 摄）",
        "　　某省日报1月20日电　2020年，全省跨境电商进出口额512.3亿元，同比增长36.2%。",
    ])
    p = parse_text(text)
    assert [a.published for a in p.articles] == [date(2021, 3, 5), date(2021, 1, 20)]


def test_a_dated_header_wrapped_by_count_keeps_its_whole_title() -> None:
    # a digest re-wrapped every N characters, paragraphs indented, no blank lines (the `reflowed` layout noise): a
    # header line holds ASCII (its date), so it is narrower than a full line though full by count — its title goes
    # on under it
    from benchmarks.corpus_perturb import perturb

    heads = (
        "[2024-04-18] 一季度全市网络零售额1296.3亿元",
        "[2024-04-20] 《全市数字消费发展报告（2023年）》：网络零售额稳步增长",
        "[2024-04-25] 第12次全市网络消费报告：12.5万人参加过直播带货培训",
    )
    bodies = (
        "记者从市商务局获悉，一季度全市实现网络零售额1296.3亿元，同比增长9.4%，其中实物商品网络零售额1018.7亿元，"
        "同比增长8.1%，占网络零售额的比重为78.6%。分品类看，服装、家电和食品的网络零售额分别增长6.2%、11.5%和13.8%。",
        "报告显示，2019年到2023年，全市网络零售额从812.5亿元增长到1296.3亿元，直播电商成交额从36.2亿元增长到215.7亿元。"
        "截至2023年底，全市已建成县级电商服务中心26个，村级快递服务站点1385个，农村电商从业人员超过4.2万人。",
        "4月24日，市电子商务协会发布第12次全市网络消费报告。报告指出，2023年全市农产品网络零售额达到156.8亿元，"
        "同比增长15.2%，增速比上年加快3.1个百分点；网购用户规模达到612万人，网购渗透率为71.5%。",
    )
    items = [f"{h}\n{b}" for h, b in zip(heads, bodies, strict=True)]
    text = "\n\n".join(["网络消费数据摘编\n第3期　2024年5月6日", *items])
    p = parse_text(perturb(text, {"layout": "dated_digest", "source": "", "articles": []}, "reflowed"))
    assert [a.title for a in p.articles] == [h.split("] ")[1] for h in heads]
