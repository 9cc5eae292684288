"""Ingest throughput: a synthetic archive of ~200 bulletins (~13 MB) recombined from the seed articles.

Prints text MB/s, the ratio to jieba search-mode segmentation of the same text alone (the unavoidable cost of
indexing), and PDF MB/s on a smaller sample rendered with reportlab. Goals: text ≥ 0.8 MB/s, pipeline ≤ 2× jieba,
PDF ≥ 0.4 MB/s. Not a test: numbers only.

    python -m benchmarks ingest            # full archive
    BENCH_BULLETINS=40 python -m benchmarks ingest
"""

from __future__ import annotations

import os
import random
import tempfile
import textwrap
import time
from pathlib import Path
from xml.sax.saxutils import escape

from bot.config import PROJECT_ROOT
from bot.db.engine import session_scope
from bot.db.store import open_store
from bot.services.ingest import ingest_file, ingest_files, parse_file
from bot.services.ingest.segment import ParsedArticle
from bot.text.segment import cut_for_search, pool_workers, tokenizer, warm_pool

SEEDS = PROJECT_ROOT / "seeds"
N_BULLETINS = int(os.environ.get("BENCH_BULLETINS", "200"))
N_PDF = int(os.environ.get("BENCH_PDFS", "8"))
PUBLICATION = "电子商务动态"


def _pool() -> list[ParsedArticle]:
    articles: list[ParsedArticle] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        articles += parse_file(path)[1].articles
    return articles


def _trailer(a: ParsedArticle, day: int) -> str:
    outlet = a.outlet or PUBLICATION
    return f"来源:《{outlet}》 编选:《{PUBLICATION}》编辑部 2023 年 {1 + day % 12:02d} 月 {1 + day % 28:02d} 日"


def _bulletin_text(i: int, chosen: list[ParsedArticle], wrapped: bool) -> str:
    out = [f"{PUBLICATION}", "", f"2023年第{i + 1}期(总{300 + i}期) 2023年{1 + i % 12}月{1 + i % 28}日", ""]
    sections = ["行业资讯", "政策法规", "数据观察", "专家视点"]
    per = max(1, len(chosen) // len(sections))
    for k, a in enumerate(chosen):
        if k % per == 0 and k // per < len(sections):
            out += [f"【{sections[k // per]}】", ""]
        if wrapped:
            out += [a.title + " ", ""]
            for para in a.paragraphs:
                lines = textwrap.wrap(para, 40, drop_whitespace=False) or [para]
                lines[-1] += " "
                for line in lines:
                    out += [line, ""]
            out += [_trailer(a, i + k) + " ", "", " ", ""]
            if k % 9 == 8:
                out += [f" - {k + 2} - ", ""]
        else:
            out += [a.title, ""]
            for para in a.paragraphs:
                out += [para, ""]
            out += [_trailer(a, i + k), ""]
    return "\n".join(out)


def build_archive(directory: Path, n: int, pool: list[ParsedArticle]) -> list[Path]:
    rnd = random.Random(20230905)
    paths = []
    for i in range(n):
        chosen = rnd.sample(pool, k=min(len(pool), 50))
        path = directory / f"bulletin_{i:03d}.txt"
        path.write_text(_bulletin_text(i, chosen, wrapped=i % 2 == 1), encoding="utf-8")
        paths.append(path)
    return paths


def render_pdf(path: Path, articles: list[ParsedArticle]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=13, leading=20, wordWrap="CJK", spaceBefore=8)
    story = []
    for k, a in enumerate(articles):
        story.append(Paragraph(escape(a.title), title))
        story.extend(Paragraph(escape(p), body) for p in a.paragraphs)
        story.append(Paragraph(escape(_trailer(a, k)), body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def run() -> None:
    tokenizer()  # jieba dictionary load is start-up cost, not throughput
    started = time.perf_counter()
    if warm_pool():  # so is starting the segmentation worker processes (once per bot process)
        print(f"segmentation pool: {pool_workers()} workers started in {time.perf_counter() - started:.1f} s")
    else:
        print("segmentation pool: off (in-process)")
    pool = _pool()
    with tempfile.TemporaryDirectory(prefix="dongtai-bench-") as tmp:
        tmpdir = Path(tmp)
        paths = build_archive(tmpdir, N_BULLETINS, pool)
        total = sum(p.stat().st_size for p in paths)
        engine = open_store(f"sqlite:///{tmpdir / 'bench.db'}")

        started = time.perf_counter()
        articles = near = figures = 0
        for _path, r in ingest_files(engine, paths):
            assert not isinstance(r, Exception), r
            articles += r.articles_added
            near += r.near_duplicates
            figures += r.figures_added
        ingest_s = time.perf_counter() - started

        started = time.perf_counter()
        for path in paths:
            cut_for_search(path.read_text(encoding="utf-8"))
        jieba_s = time.perf_counter() - started

        mb = total / 1e6
        print(
            f"archive: {len(paths)} bulletins, {mb:.1f} MB, {articles} articles ({near} near-duplicates), {figures} figures"
        )
        print(f"text ingest: {ingest_s:.1f} s = {mb / ingest_s:.2f} MB/s (goal >= 0.8)")
        print(f"jieba cut_for_search alone: {jieba_s:.1f} s = {mb / jieba_s:.2f} MB/s")
        print(f"pipeline / segmentation: {ingest_s / jieba_s:.2f}x (goal <= 2)")

        rnd = random.Random(7)
        pdfs = []
        for i in range(N_PDF):
            pdf = tmpdir / f"issue_{i}.pdf"
            render_pdf(pdf, rnd.sample(pool, k=40))
            pdfs.append(pdf)
        pdf_bytes = sum(p.stat().st_size for p in pdfs)
        pdf_engine = open_store(f"sqlite:///{tmpdir / 'bench_pdf.db'}")
        started = time.perf_counter()
        text_bytes = 0
        for pdf in pdfs:
            with session_scope(pdf_engine) as session:
                ingest_file(session, pdf)
            text_bytes += sum(len(f"{a.title}\n{a.body}".encode()) for a in parse_file(pdf)[1].articles)
        pdf_s = time.perf_counter() - started
        started = time.perf_counter()
        for pdf in pdfs:
            parse_file(pdf)
        parse_s = time.perf_counter() - started
        pdf_ingest_s = pdf_s - parse_s  # the loop above parsed each file twice (to count its text)
        print(
            f"pdf ingest: {len(pdfs)} files, {pdf_bytes / 1e6:.2f} MB of PDF ({text_bytes / 1e6:.2f} MB text) "
            f"in {pdf_ingest_s:.1f} s = {pdf_bytes / 1e6 / pdf_ingest_s:.2f} MB/s of PDF, "
            f"{text_bytes / 1e6 / pdf_ingest_s:.2f} MB/s of text (goal >= 0.4); read+segment only "
            f"{pdf_bytes / 1e6 / parse_s:.2f} MB/s"
        )
        engine.dispose()
        pdf_engine.dispose()


if __name__ == "__main__":
    run()
