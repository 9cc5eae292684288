"""Layout-general item headers (issue 9, items 2 and 3), on short synthetic texts: ordinal words in front of an
item's title (`第一则`, `第1条`, `NO.1｜`, `No. 2:`), release lines behind bullet marks with or without colons
(`▲发布 2025-12-03 10:51　▲来源 国际商报`), and date headers behind a bullet mark (`■ 2024年10月24日　标题`)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def rows(parsed: ParsedBulletin) -> list[tuple[str, date | None, str]]:
    return [(a.title, a.published, a.outlet) for a in parsed.articles]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("第一则　快递业务量稳步增长", "快递业务量稳步增长"),
        ("第12条：网络零售额再创新高", "网络零售额再创新高"),
        ("NO.1｜前三季度全省网上零售额增长", "前三季度全省网上零售额增长"),
        ("No. 2: 跨境电商进出口额增长", "跨境电商进出口额增长"),
        ("【3】一季度农村网络零售额增长", "一季度农村网络零售额增长"),
        ("2) 前两月快递业务量同比增长", "前两月快递业务量同比增长"),
        ("07　跨境电商综试区扩容", "跨境电商综试区扩容"),
    ],
)
def test_ordinal_words_number_items(line: str, title: str) -> None:
    m = ev.NUMBERED_RE.match(line)
    assert m is not None and line[m.end() :] == title


@pytest.mark.parametrize(
    "line", ["第一条高铁线路开通", "第3版要闻", "No.12345", "第一次突破千亿件", "2024年网上零售额", "10 大城市排名"]
)
def test_ordinal_words_in_sentences_are_no_numbers(line: str) -> None:
    assert ev.NUMBERED_RE.match(line) is None


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("▲发布 2025-12-03 10:51　▲来源 国际商报", {"发布": "2025-12-03 10:51", "来源": "国际商报"}),
        ("●稿源：新华社　●发稿：2023年2月24日", {"稿源": "新华社", "发稿": "2023年2月24日"}),
        ("◆时间 2019-10-31 ◆出处 河北省统计局", {"时间": "2019-10-31", "出处": "河北省统计局"}),
    ],
)
def test_marked_release_lines(line: str, fields: dict[str, str]) -> None:
    assert ev.release_fields(line) == fields
    assert ev.is_meta(line)


@pytest.mark.parametrize("line", ["◆ 发布会透露的新信号", "▲ 来源于农村的订单", "■ 网点下沉带动农产品进城"])
def test_marked_sub_heads_are_no_release_lines(line: str) -> None:
    assert ev.release_fields(line) is None


ORDINAL_DIGEST = """零售观察资料卡
2025年第3期　整理：2025年3月10日

第一则　即时零售规模持续扩大
▲发布 2025-03-01 09:30　▲来源 国际商报
报告显示，2024年我国即时零售规模达7810亿元，同比增长20.15%。
预计2026年将突破1万亿元。

第二则　快递业务量保持增长
▲发布 2025-02-20 15:21　▲来源 新华社
国家邮政局数据显示，1月份全国快递业务量完成136.9亿件，同比增长4.3%。
"""

PROVINCE_DIGEST = """地方数据辑要
（第2辑　2019年11月8日编）

NO.1｜前三季度全省网上零售额增长
时间：2019-10-31　出处：某省统计局
前三季度，全省网上零售额1239.0亿元，同比增长18.4%。

NO.2｜上半年全国农村网络零售额增长
时间：2019-08-02　出处：中国新闻网
上半年，全国农村网络零售额7771.3亿元，同比增长21%。
"""

MARKED_DATES = """快递观察（资料汇编）
编发：2024年10月30日

■ 2024年10月24日　三天揽收快递包裹约19亿件
国家邮政局数据显示，10月21日—23日，全国揽收快递包裹约为19.2亿件，同比增长48.7%。

■ 2023/11/13　“双11”快递业务同比增长
2023年11月1日至11日，全国共揽收快递包裹52.64亿件，同比增长23.22%。
"""


def test_ordinal_items_with_marked_release_lines() -> None:
    assert rows(parse_text(ORDINAL_DIGEST)) == [
        ("即时零售规模持续扩大", date(2025, 3, 1), "国际商报"),
        ("快递业务量保持增长", date(2025, 2, 20), "新华社"),
    ]


def test_numbered_items_keep_their_source_line() -> None:
    parsed = parse_text(PROVINCE_DIGEST)
    assert parsed.publication == "地方数据辑要"
    # the issuing body (a province's bureau) stays with its article: the context of `全省`
    assert rows(parsed) == [
        ("前三季度全省网上零售额增长", date(2019, 10, 31), "某省统计局"),
        ("上半年全国农村网络零售额增长", date(2019, 8, 2), "中国新闻网"),
    ]


def test_date_headers_behind_a_bullet_mark() -> None:
    parsed = parse_text(MARKED_DATES)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("三天揽收快递包裹约19亿件", date(2024, 10, 24)),
        ("“双11”快递业务同比增长", date(2023, 11, 13)),
    ]
    assert parsed.publication == "快递观察"


SPACED_PAGE = """西部商务周报
2022年1月25日　第03版

全省网络交易额首次突破4万亿元
本报讯　1月21日，记者从全省电商运行情况通气会上获悉，2021年全省网络交易额40691.4亿元，同比增长16.6%。
特色行业排名靠前
除电商运行实现“双突破”外，全省特色行业网络零售额排名靠前。
服务消费比重提升
从2021年全省电商运行结构看，食品、旅游、餐饮销售占主体。

全省15县入围电子商务进农村示范县
商务部日前公布2021年电子商务进农村综合示范县名单，全省15个县入围。
农产品网销品牌超400个
通过示范项目建设，全省农产品网络零售额稳步增长。
"""


def test_sub_heads_without_the_blank_lines_that_set_titles_apart() -> None:
    assert [a.title for a in parse_text(SPACED_PAGE).articles] == [
        "全省网络交易额首次突破4万亿元",
        "全省15县入围电子商务进农村示范县",
    ]


def test_a_news_apps_dateline_dates_its_story() -> None:
    assert ev.dateline("顶端新闻郑州2月26日讯（记者　王某）26日，活动在郑州举行。") == ("顶端新闻", 2, 26)
    assert ev.dateline_date("封面新闻成都3月5日电 记者获悉。", date(2025, 12, 20)) == date(2025, 3, 5)
    assert ev.dateline("新闻发布会3月5日召开") is None


def test_an_items_provincial_issuer_is_the_context_of_its_local_scope() -> None:
    from bot.services.ingest.pipeline import extract_figures

    parsed = parse_text(PROVINCE_DIGEST.replace("某省统计局", "河北省统计局"))
    inputs = extract_figures(parsed, lazily=True).inputs
    assert [i.home for i in inputs] == ["河北", ""]


_BODIES = (
    "国家统计局数据显示，1—11月全国网上零售额105374亿元，同比增长11.5%。",
    "国家邮政局数据显示，1月份全国快递业务量完成136.9亿件，同比增长4.3%。",
)
_TITLES = ("网上零售额增长", "快递业务量增长")
_DATES = (date(2020, 12, 15), date(2023, 2, 14))


@pytest.mark.parametrize(
    "marks", [("第1条｜", "第2条｜"), ("(1) ", "(2) "), ("1. ", "2. "), ("① ", "② "), ("No. 1: ", "No. 2: ")]
)
@pytest.mark.parametrize(
    "meta",
    [
        "◆稿源：{src}　◆发稿：{d}",
        "●来源 {src} ●时间 {d}",  # ends with digits like a contents entry's page number
        "发布日期：{d}　来源：{src}",
    ],
)
@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_numbered_items_in_any_style(marks: tuple[str, str], meta: str, sep: str) -> None:
    items = [
        f"{marks[k]}{_TITLES[k]}\n{meta.format(src=src, d=_DATES[k].isoformat())}\n{_BODIES[k]}"
        for k, src in enumerate(("国家统计局", "国家邮政局"))
    ]
    parsed = parse_text("数据资料卡\n2023年第2期　2023年3月1日\n\n" + sep.join(items))
    assert rows(parsed) == [(_TITLES[0], _DATES[0], "国家统计局"), (_TITLES[1], _DATES[1], "国家邮政局")]


@pytest.mark.parametrize(
    "fmt",
    ["■ {y}年{m}月{d}日　{t}", "{y}/{m:02d}/{d:02d} {t}", "[{y}-{m:02d}-{d:02d}] {t}", "◆ {y}/{m:02d}/{d:02d} | {t}"],
)
@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_date_headed_items_in_any_style(fmt: str, sep: str) -> None:
    items = [
        fmt.format(y=d.year, m=d.month, d=d.day, t=t) + "\n" + b
        for t, d, b in zip(_TITLES, _DATES, _BODIES, strict=True)
    ]
    parsed = parse_text("数据资料卡\n2023年3月1日\n\n" + sep.join(items))
    assert [(a.title, a.published) for a in parsed.articles] == list(zip(_TITLES, _DATES, strict=True))


def test_released_by_end_marks_name_the_agency() -> None:
    assert ev.end_outlet("全国共揽收快递包裹52.64亿件。（新华社发）") == "新华社"
    assert ev.end_outlet("同比增长23.22%。(新京报)") == "新京报"


@pytest.mark.parametrize(
    "release",
    [
        "【来源：省商务厅】【发布时间：2022-03-08】",
        "【发布】2022-03-08　【来源】省商务厅",
        "2022-03-08 | 省商务厅",
        "2022-03-08｜省商务厅",
    ],
)
def test_digest_release_lines_in_bracket_and_bar_styles(release: str) -> None:
    text = "\n".join([
        "消费数据汇编", "2022年第2期", "",
        "【1】前两月全省网络零售额增长9%", release, "1-2月，全省网络零售额达到850亿元，同比增长9%。", "",
        "【2】跨境电商进出口持续增长", "2022-03-09 | 新华网", "1-2月，跨境电商进出口额同比增长6.1%。",
    ])
    got = rows(parse_text(text))
    assert [(t, d) for t, d, _o in got] == [
        ("前两月全省网络零售额增长9%", date(2022, 3, 8)), ("跨境电商进出口持续增长", date(2022, 3, 9))]
    assert got[0][2] == "省商务厅" and got[1][2] == "新华网"
