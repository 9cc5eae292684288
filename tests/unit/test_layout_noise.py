"""Layout noise (issue 9, perturbation benchmark `BENCH_CORPUS_PERTURB`): another copy of the same page — web
boilerplate around stories, other blank-line and indentation habits, full-width digits, hard wraps, subtitles,
source lines above titles — is read like the original. Each rule is tested on sentences of our own."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.normalise import clean_line
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


def test_full_width_digits_and_percent_read_as_ascii() -> None:
    assert clean_line("前三季度，本市快递量达到３２．７亿件，增长１４．２％。") == "前三季度，本市快递量达到32.7亿件，增长14.2%。"
    assert clean_line("３．２０２５年二手车线上交易活跃") == "3．2025年二手车线上交易活跃"  # an item number stays one
    line = clean_line("２０２５年１—９月，全市快递业务量完成３２．７亿件，同比增长１４．２％。")
    got = [(f.metric, f.value, f.growth_pct) for f in extract_figures(line, date(2025, 10, 20))]
    assert ("快递业务量", 32.7, 14.2) in got
