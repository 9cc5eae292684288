"""Layout generalisation, round 2 (issue 9): documents in layouts the corpus and the first fixtures do not have,
labelled by reading before the parser ran on them. Content rewritten from real releases and news reports
(商务部 press conferences on 2016 Q1 / 2020 H1 / 2023 H1 online retail, 国家邮政局 express-delivery figures,
国家统计局 2024 Q1–Q3 online retail), laid out as PDF text hard-wrapped at 15, 22, 26, 30 and 40 characters with
wrapped multi-line titles, kicker and subtitle lines, running heads (the publication repeated at each page top),
page numbers (`- 3 -`, `— 3 —`, `第3页`) and page breaks mid-sentence and mid-number, ASCII punctuation, and titles
that end with a colon or hold digits and percentages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.services.ingest import parse_file
from bot.services.ingest.segment import ParsedBulletin

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "layout"

# gold: (file, [(title, date)], publication or None when not asserted)
GOLD: list[tuple[str, list[tuple[str, date]], str | None]] = [
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
}

FURNITURE = ("- 1 -", "- 2 -", "— 1 —", "第1页", "第2页", "网络零售市场发展报告", "电商数据周报", "电商数据札记")


def parse(name: str) -> ParsedBulletin:
    return parse_file(FIXTURES / name)[1]  # type: ignore[return-value]


@pytest.mark.parametrize(("name", "gold", "publication"), GOLD, ids=[g[0] for g in GOLD])
def test_titles_and_dates(name: str, gold: list[tuple[str, date]], publication: str | None) -> None:
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
        assert not line.rstrip().endswith(("第1页", "第2页", "- 1 -", "— 1 —")), line


def test_score_over_round2_fixtures() -> None:
    """The round-2 set as one score: every title found, none merged (fewer articles than gold titles)."""
    found = total = merged = 0
    for name, gold, _ in GOLD:
        got = [a.title for a in parse(name).articles]
        total += len(gold)
        found += sum(1 for t, _ in gold if t in got)
        merged += max(0, len(gold) - len(got))
    assert (found, merged) == (total, 0)
