"""Layout generalisation, round 2 (issue 9): documents in layouts the corpus and the first fixtures do not have,
labelled by reading before the parser ran on them. Content rewritten from real releases and news reports
(商务部 press conferences on 2016 Q1 / 2020 H1 / 2023 H1 online retail, 国家邮政局 express-delivery figures,
国家统计局 2024 Q1–Q3 online retail), laid out as PDF text hard-wrapped at 15, 22, 26, 30 and 40 characters with
wrapped multi-line titles, kicker and subtitle lines, running heads (the publication repeated at each page top),
page numbers (`- 3 -`, `— 3 —`, `第3页`) and page breaks mid-sentence and mid-number, ASCII punctuation, and titles
that end with a colon or hold digits and percentages.

The fixtures came in batches (r2_, r2b_ … r2e_); each batch was labelled and run *before* the fixes prompted by the
batch before it were made, so later batches check that those fixes generalise. Titles right (title and date) on
the first run of each batch: r2_ 6/11 (before this round), r2b_ 3/7, r2c_ 3/7, r2d_ 2/5, r2e_ 4/4, r2f_ 3/3 (two of
its sentences were cut by a `第1版` page mark, not yet furniture), r2g_ 1/2 (a wrapped `【2024.05.10】` header);
now all 40."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Figure
from bot.services.ingest import ingest_file, parse_file
from bot.services.ingest.layout import ParsedBulletin

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"

# gold: (file, [(title, date)], publication or None when not asserted)
GOLD: list[tuple[str, list[tuple[str, date | None]], str | None]] = [
    ("r2_pdf15_single_report.txt", [("2023年上半年中国网络零售市场发展报告", date(2023, 7, 20))], None),
    (
        "r2_pdf22_weekly_digest.txt",
        [
            ("商务部：1—6月全国网络零售额达5.15万亿元，同比增长7.3%", date(2020, 7, 31)),
            ("截至9月底全国快递业务收入突破1万亿元", date(2024, 10, 8)),
            ("一季度网络零售额达10251亿元", date(2016, 5, 18)),
        ],
        "电商数据周报",
    ),
    (
        "r2_pdf26_colon_kicker.txt",
        [
            ("前三季度网上零售额超10万亿元：实物商品网上零售额增长7.9%", date(2024, 10, 8)),
            ("快递业务收入突破1万亿元", date(2024, 10, 8)),
        ],
        None,
    ),
    (
        "r2_pdf30_news_kicker.txt",
        [
            ("商务部：上半年全国网络零售额超5万亿元", date(2020, 7, 30)),
            ("国家邮政局：5月6日全行业邮快件揽收量达到3.16亿件，较前一日上升2.9%", date(2020, 7, 31)),
        ],
        "人民日报",
    ),
    (
        "r2_pdf40_ascii_two.txt",
        [
            ("商务部:2023年上半年网上零售额同比增长13.1%", date(2023, 7, 20)),
            ("2016年一季度网络零售额10251亿元,增长27.8%", date(2016, 5, 18)),
        ],
        "电商数据札记",
    ),
    (
        "r2_single_long_title.txt",
        [("商务部电子商务司负责人介绍2023年上半年网络零售市场发展情况", date(2023, 7, 20))],
        None,
    ),
    # batch B: written after the first fixes, labelled before running, to check that they generalise
    (
        "r2b_pdf20_digest_noblank.txt",
        [
            ("海关总署：前7个月我国跨境电商进出口1.48万亿元，同比增长10.2%", date(2024, 8, 7)),
            ("国家邮政局：7月快递业务量完成140亿件", date(2024, 8, 6)),
            ("CNNIC报告：我国网民规模近11亿人，互联网普及率达78%", date(2024, 8, 29)),
        ],
        "电商要闻摘报",
    ),
    (
        "r2b_pdf40_stats_release.txt",
        [("2024年1—11月全国电子商务与快递服务运行情况及主要指标解读", date(2024, 12, 16))],
        None,
    ),
    (
        "r2b_ascii30_kicker.txt",
        [
            ("上半年网上零售额7.16万亿元", date(2023, 7, 20)),
            ("农村网络零售额1.12万亿元,增长12.5%", date(2023, 7, 21)),
        ],
        None,
    ),
    ("r2b_pdf22_fullwidth_title.txt", [("2023年全国网上零售额15.42万亿元增长11%", date(2024, 1, 19))], None),
    # batch C: written after batch B's fixes, labelled before running
    (
        "r2c_pdf15_three_line_title.txt",
        [("第53次《中国互联网络发展状况统计报告》主要数据及网络购物用户规模情况", date(2024, 3, 22))],
        None,
    ),
    (
        "r2c_pdf30_byline_titles.txt",
        [("义乌跨境电商出口增长两成", date(2024, 10, 18)), ("快递进村覆盖率持续提高", date(2024, 10, 18))],
        "义乌商报",
    ),
    (
        "r2c_ascii40_numbered.txt",
        [
            ("海关总署:前7个月我国跨境电商进出口1.48万亿元,同比增长10.2%,其中出口1.15万亿元", date(2024, 8, 7)),
            ("国家邮政局:7月份快递业务量预计完成140亿件,同比增长20.8%", date(2024, 8, 6)),
        ],
        None,
    ),
    (
        "r2c_pdf22_bracket_titles.txt",
        [("上半年全国网上零售额7.16万亿元", date(2024, 8, 9)), ("7月快递业务量预计完成140亿件", date(2024, 8, 9))],
        "电商周报",
    ),
    # batch D: written after batch C's fixes, labelled before running
    (
        "r2d_pdf40_trailers.txt",
        [
            ("上半年全国网上零售额7.16万亿元", date(2023, 7, 20)),
            ("前7个月跨境电商进出口1.48万亿元", date(2024, 8, 7)),
            ("7月快递业务量预计完成140亿件", date(2024, 8, 6)),
        ],
        "电子商务信息摘编",
    ),
    # a `1月17日电` dateline and no year anywhere but in the figures: the date stays unknown, never invented
    ("r2d_pdf18_wire_single.txt", [("2023年全国网上零售额15.42万亿元，实物商品网上零售额增长8.4%", None)], None),
    ("r2d_pdf35_noindent_release.txt", [("2023年全国网上零售额154264亿元增长11.0%", date(2024, 1, 17))], None),
    # batch E: written after batch D's fixes, labelled before running
    (
        "r2e_pdf16_plain_titles.txt",
        [
            ("网络零售保持较快增长", date(2023, 7, 25)),
            ("农村电商持续发力", date(2023, 7, 25)),
            ("直播电商新业态活跃", date(2023, 7, 25)),
        ],
        "商务动态",
    ),
    (
        "r2e_pdf24_own_title_head.txt",
        [("国家邮政局公布2024年4月邮政行业运行情况：4月快递业务量同比增长22.1%", date(2024, 5, 10))],
        None,
    ),
    # batch F: written after batch E, labelled before running
    (
        "r2f_pdf12_narrow_story.txt",
        [("前4个月全国网上零售额43748亿元同比增长11.5%", date(2024, 5, 17))],
        "中国经济时报",
    ),
    (
        "r2f_pdf34_bylines_blank.txt",
        [("跨境电商进出口额首次突破2万亿元", date(2024, 1, 20)), ("快递业务量连续10年位居世界第一", date(2024, 1, 20))],
        "经济日报",
    ),
    # batch G: written after batch F, labelled before running
    (
        "r2g_pdf20_subheads.txt",
        [("第54次《中国互联网络发展状况统计报告》核心数据摘要", date(2024, 8, 29))],
        None,
    ),
    (
        "r2g_pdf28_dated_headers.txt",
        [
            ("国家邮政局：4月快递业务量完成135.5亿件，同比增长22.1%", date(2024, 5, 10)),
            ("国家统计局：1—4月全国网上零售额43748亿元，同比增长11.5%", date(2024, 5, 17)),
        ],
        "快递电商数据速览",
    ),
]

# sentences that straddle a hard wrap or a page break and must come back whole (figures depend on them)
JOINED: dict[str, list[str]] = {
    "r2_pdf15_single_report.txt": [
        "上半年全国网上零售额7.16万亿元，同比增长13.1%",
        "同比分别增长33.5%和23.3%",
        "在线餐饮销售额同比增长27.9%，在线旅游产品和景点门票、在线文娱销售额同比分别增长272.4%和69.8%",
        "占社会消费品零售总额的比重为26.6%",
        "分品类看，商务大数据监测的18类商品中",
    ],
    "r2_pdf22_weekly_digest.txt": [
        "实物商品网上零售额达4.35万亿元",
        "实物商品网上零售额8241亿元，增长25.9%，占社会消费品零售总额比重为10.6%",
    ],
    "r2_pdf26_colon_kicker.txt": ["同比增长8.6%", "实物商品网上零售额90721亿元，增长7.9%"],
    "r2_pdf30_news_kicker.txt": ["达5.15万亿元", "商品总额达717.3亿元", "寄递渠道总体畅通"],
    "r2_pdf40_ascii_two.txt": ["比重为26.6%", "加快3.7个百分点", "实物商品网上零售额8241亿元"],
    "r2b_pdf20_digest_noblank.txt": [
        "进出口1.48万亿元，同比增长10.2%。其中，出口1.15万亿元，增长13%",
        "预计完成140亿件，同比增长20.8%",
        "互联网普及率达78.0%",
    ],
    "r2b_pdf40_stats_release.txt": ["同比增长21.4%", "分别增长16.0%、2.9%和6.5%", "同城业务量累计完成140.3亿件"],
    "r2b_ascii30_kicker.txt": ["全国网上零售额7.16万亿元,同比增长13.1%", "同比增长13.1%."],
    "r2c_pdf15_three_line_title.txt": [
        "较2022年12月新增网民2480万人",
        "较2022年12月增长6967万人",
        "全国网上零售额15.42万亿元，增长11.0%",
    ],
    "r2c_pdf30_byline_titles.txt": ["同比增长20.3%", "同比增长15.2%"],
    "r2c_ascii40_numbered.txt": ["同比增长10.2%.", "同比增长20.8%;"],
    "r2c_pdf22_bracket_titles.txt": ["7.16万亿元，同比增长13.1%", "同比增长10.8%", "预计完成140亿件，同比增长20.8%"],
    "r2d_pdf40_trailers.txt": ["6.06万亿元，同比增长10.8%", "其中，出口1.15万亿元", "快递业务收入预计完成1170亿元"],
    "r2d_pdf18_wire_single.txt": [
        "记者魏玉坤",
        "2023年全国网上零售额15.42万亿元，比上年增长11.0%",
        "增长8.4%，占社会消费品零售总额的比重为27.6%",
        "比三季度加快4.1个百分点",
    ],
    "r2d_pdf35_noindent_release.txt": [
        "其中，实物商品网上零售额130174亿元",
        "分别增长11.2%、10.8%和7.1%",
        "快递业务收入完成12074.0亿元",
    ],
    "r2e_pdf16_plain_titles.txt": ["7.16万亿元", "6.06万亿元", "同比增长12.5%", "累计直播场次数超1.1亿场"],
    "r2e_pdf24_own_title_head.txt": ["同比增长19.8%", "571.7亿件，同比增长21.1%", "累计完成510.7亿件"],
    "r2f_pdf12_narrow_story.txt": ["43748亿元，同比增长11.5%", "比重为23.6%", "分别增长15.2%、7.1%和11.5%"],
    "r2f_pdf34_bylines_blank.txt": [
        "2.38万亿元，增长15.6%",
        "进口5483亿元",
        "2023年达到1.63亿人",
        "同比增长19.4%，连续10年",
    ],
    "r2g_pdf20_subheads.txt": ["网民规模近11亿人", "互联网普及率达78.0%", "较2023年12月增长1225万人", "增长1737万人"],
    "r2g_pdf28_dated_headers.txt": [
        "完成135.5亿件，同比增长22.1%；快递业务收入完成1116.9亿元",
        "同比增长11.5%。其中",
        "增长11.1%",
    ],
    "r2b_pdf22_fullwidth_title.txt": [
        "15.42万亿元，比上年增长11.0%",
        "增长12.5%；农产品网络零售额0.59万亿元，增长12.5%",
    ],
}

FURNITURE = (
    "- 1 -",
    "- 2 -",
    "— 1 —",
    "第1页",
    "第2页",
    "第 1 页 共 3 页",
    "网络零售市场发展报告",
    "电商数据周报",
    "电商数据札记",
    "电商数据札记　2",
    "电商要闻摘报",
    "2024年1—11月电子商务与快递服务运行情况",
    "互联网发展状况统计报告",
    "电商周报",
    "- 2 -",
    "第 1 页",
    "4月快递业务量同比增长22.1%",
    "中国经济时报 2024年5月17日",
    "第1版",
    "第54次统计报告",
    "2024年1月17日　国家统计局",
    "2024年1月17日 国家统计局",
)


def parse(name: str) -> ParsedBulletin:
    return parse_file(FIXTURES / name)[1]  # type: ignore[return-value]


@pytest.mark.parametrize(("name", "gold", "publication"), GOLD, ids=[g[0] for g in GOLD])
def test_titles_and_dates(name: str, gold: list[tuple[str, date | None]], publication: str | None) -> None:
    p = parse(name)
    assert [(a.title, a.published) for a in p.articles] == gold
    if publication is not None:
        assert p.publication == publication
    titles = {a.title for a in p.articles}
    assert p.publication not in titles  # the container's name is never an article


@pytest.mark.parametrize("name", sorted(JOINED))
def test_wrapped_sentences_are_rejoined_and_furniture_dropped(name: str) -> None:
    p = parse(name)
    text = "\n".join(para for a in p.articles for para in a.paragraphs)
    for piece in JOINED[name]:
        assert piece in text, piece
    for line in text.split("\n"):
        assert line.strip() not in FURNITURE, line
        assert not line.rstrip().endswith(
            ("第1页", "第2页", "- 1 -", "— 1 —", "共 3 页", "电商要闻摘报", "国家统计局")
        ), line


def test_score_over_round2_fixtures() -> None:
    """The round-2 set as one score: every title found, none merged (fewer articles than gold titles)."""
    found = total = merged = 0
    for name, gold, _ in GOLD:
        got = [a.title for a in parse(name).articles]
        total += len(gold)
        found += sum(1 for t, _ in gold if t in got)
        merged += max(0, len(gold) - len(got))
    assert (found, merged) == (total, 0)


# a number broken by a hard wrap or a page break comes back whole in the stored figures: (file, value, unit, growth)
BROKEN_NUMBERS = [
    ("r2_pdf22_weekly_digest.txt", 4.35, "万亿元", 14.3),  # `4.3` / `5万亿元`
    ("r2_pdf26_colon_kicker.txt", 108928.0, "亿元", 8.6),  # `同比增长8.` / `6%`
    ("r2_pdf30_news_kicker.txt", 717.3, "亿元", 22.4),  # `71` / `— 1 —` / `7.3亿元`
    ("r2b_pdf20_digest_noblank.txt", 1.48, "万亿元", 10.2),  # `10` / `.2%`
    ("r2b_pdf40_stats_release.txt", 1579.1, "亿件", 21.4),  # `21.4` / `%`
]


@pytest.mark.parametrize(("name", "value", "unit", "growth"), BROKEN_NUMBERS, ids=[b[0] for b in BROKEN_NUMBERS])
def test_numbers_broken_by_a_wrap_are_stored_whole(
    engine: Engine, name: str, value: float, unit: str, growth: float
) -> None:
    with session_scope(engine) as session:
        ingest_file(session, FIXTURES / name)
    with Session(engine) as s:
        figures = s.exec(select(Figure)).all()
    assert any(f.value == value and f.unit == unit and f.growth_pct == growth for f in figures), [
        (f.metric, f.value, f.unit, f.growth_pct) for f in figures
    ]
    fragments = {float(str(value)[:k].rstrip(".")) for k in range(1, len(str(value))) if str(value)[:k].rstrip(".")}
    assert not any(f.unit == unit and f.value in fragments - {value} for f in figures)


@pytest.mark.parametrize(
    ("name", "kicker"), [("r2_pdf26_colon_kicker.txt", "数据速递"), ("r2b_ascii30_kicker.txt", "农村电商")]
)
def test_kicker_goes_with_the_story_below_it(name: str, kicker: str) -> None:
    first, second = parse(name).articles
    assert kicker not in first.paragraphs
    assert second.paragraphs[0] == kicker


def test_running_head_with_page_number_is_furniture() -> None:
    p = parse("r2_pdf40_ascii_two.txt")
    paras = [para for a in p.articles for para in a.paragraphs]
    assert not any(re.fullmatch(r"电商数据札记\s*\d", para) for para in paras)
    assert len(paras) == 4  # one paragraph per article page broke, none lost
