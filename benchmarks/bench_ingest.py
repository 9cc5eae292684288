"""Ingest throughput: a synthetic archive of ~200 bulletins (~13 MB) recombined from the seed articles.

Prints text MB/s (`ingest_files`: several files, the way seeds and archives load; the segmentation worker pool
started beforehand, as in a running bot), the ratio of that time to stock jieba's `cut_for_search` of the same text
on one core (the goal's ratio: measured on a fifth), and for reference to the project's own segmentation (its C loops
when built: a faster tokenizer raises that ratio) and to the tokenizer's pure-Python loops, the single-file
`ingest_file` rate (the upload path), and PDF MB/s measured as PDF *file* bytes per second on a smaller sample
rendered with reportlab. Goals: text ≥ 0.8 MB/s, pipeline ≤ 2× stock jieba's time, PDF ≥ 0.4 MB/s. Not a test: numbers
only. The machine's load average is printed first: these are wall-clock rates, and other work on the machine lowers
them (the CPU seconds are printed too).

    python -m benchmarks ingest            # full archive
    BENCH_BULLETINS=40 python -m benchmarks ingest
"""

from __future__ import annotations

import copy
import os
import random
import tempfile
import textwrap
import time
from pathlib import Path
from xml.sax.saxutils import escape

import jieba
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT
from bot.db.engine import session_scope
from bot.db.store import open_store
from bot.services.ingest import ingest_file, ingest_files, parse_file
from bot.services.ingest.layout import ParsedArticle
from bot.text import tokenize
from bot.text.tokenize import USER_DICT, cut_for_search, pool_workers, tokenizer, warm_pool

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


def _cpu() -> tuple[float, float]:
    """CPU seconds so far of this process and of the live segmentation workers (Linux /proc; 0 elsewhere)."""
    workers = 0.0
    pool = tokenize.worker_pool() if tokenize.pool_workers() else None
    for pid in getattr(pool, "_processes", None) or {}:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            workers += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            pass
    return time.process_time(), workers


def _ingest_all(engine: Engine, paths: list[Path]) -> tuple[float, float, float, tuple[int, int, int]]:
    """(wall s, main CPU s, workers CPU s, (articles, near-duplicates, figures)) of `ingest_files` over `paths`."""
    cpu0, workers0 = _cpu()
    started = time.perf_counter()
    articles = near = figures = 0
    for _path, r in ingest_files(engine, paths):
        assert not isinstance(r, Exception), r
        articles += r.articles_added
        near += r.near_duplicates
        figures += r.figures_added
    wall = time.perf_counter() - started
    cpu1, workers1 = _cpu()
    return wall, cpu1 - cpu0, workers1 - workers0, (articles, near, figures)


def _pure_python_mbs(texts: list[str]) -> float:
    """MB/s of `cut_for_search` through the tokenizer's pure-Python loops (what runs without the C extension)."""
    pure = copy.copy(tokenizer())
    pure._accel = None  # noqa: SLF001
    hmm_words = tokenize._hmm_words  # noqa: SLF001
    tokenize._hmm_words = tokenize._hmm_words_py  # noqa: SLF001
    try:
        started = time.perf_counter()
        for text in texts:
            [t for t in pure.lcut_for_search(text) if t.strip()]
        return sum(len(t.encode()) for t in texts) / 1e6 / (time.perf_counter() - started)
    finally:
        tokenize._hmm_words = hmm_words  # noqa: SLF001


def run() -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (other work slows every number)")
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
        mb = total / 1e6
        engine = open_store(f"sqlite:///{tmpdir / 'bench.db'}")
        ingest_s, main_cpu, workers_cpu, (articles, near, figures) = _ingest_all(engine, paths)

        texts = [path.read_text(encoding="utf-8") for path in paths]
        started = time.perf_counter()
        for text in texts:
            cut_for_search(text)
        jieba_s = time.perf_counter() - started
        sample = texts[: max(1, len(texts) // 5)]
        stock = jieba.Tokenizer()
        stock.initialize()
        stock.load_userdict(str(USER_DICT))
        started = time.perf_counter()
        for text in sample:
            stock.lcut_for_search(text)
        stock_mbs = sum(len(t.encode()) for t in sample) / 1e6 / (time.perf_counter() - started)
        pure_mbs = _pure_python_mbs(sample)

        print(
            f"archive: {len(paths)} bulletins, {mb:.1f} MB, {articles} articles ({near} near-duplicates), {figures} figures"
        )
        print(
            f"text ingest (ingest_files): {ingest_s:.1f} s = {mb / ingest_s:.2f} MB/s (goal >= 0.8); "
            f"CPU: main {main_cpu:.1f} s + workers {workers_cpu:.1f} s"
        )
        loops = "C loops, bot.text._fastcut" if tokenize._accel is not None else "pure Python: _fastcut not built"  # noqa: SLF001
        print(
            f"jieba cut_for_search alone (one core, {loops}): {jieba_s:.1f} s = {mb / jieba_s:.2f} MB/s "
            f"(on a fifth: stock jieba.Tokenizer {stock_mbs:.2f} MB/s, the pure-Python loops {pure_mbs:.2f} MB/s)"
        )
        print(
            f"pipeline / stock jieba time on the same text: {ingest_s * stock_mbs / mb:.2f}x (goal <= 2); against the "
            f"project's segmentation {ingest_s / jieba_s:.2f}x (its C loops), through the pure-Python loops "
            f"{ingest_s * pure_mbs / mb:.2f}x"
        )

        # the bot's upload path: one ingest_file per file, on a part of the archive
        part = paths[: max(1, len(paths) // 5)]
        part_engine = open_store(f"sqlite:///{tmpdir / 'bench_part.db'}")
        started = time.perf_counter()
        for path in part:
            with session_scope(part_engine) as session:
                ingest_file(session, path)
        part_s = time.perf_counter() - started
        part_mb = sum(p.stat().st_size for p in part) / 1e6
        print(f"single-file ingest_file loop ({len(part)} files): {part_mb / part_s:.2f} MB/s")

        rnd = random.Random(7)
        pdfs = []
        for i in range(N_PDF):
            pdf = tmpdir / f"issue_{i}.pdf"
            render_pdf(pdf, rnd.sample(pool, k=40))
            pdfs.append(pdf)
        pdf_mb = sum(p.stat().st_size for p in pdfs) / 1e6
        text_mb = sum(len(f"{a.title}\n{a.body}".encode()) for pdf in pdfs for a in parse_file(pdf)[1].articles) / 1e6
        started = time.perf_counter()
        for pdf in pdfs:
            parse_file(pdf)
        parse_s = time.perf_counter() - started
        pdf_engine = open_store(f"sqlite:///{tmpdir / 'bench_pdf.db'}")
        started = time.perf_counter()
        for pdf in pdfs:
            with session_scope(pdf_engine) as session:
                ingest_file(session, pdf)
        pdf_s = time.perf_counter() - started
        print(
            f"pdf ingest (ingest_file per file): {len(pdfs)} files, {pdf_mb:.2f} MB of PDF file ({text_mb:.2f} MB of "
            f"article text) in {pdf_s:.1f} s = {pdf_mb / pdf_s:.2f} MB/s of PDF file size (goal >= 0.4), "
            f"{text_mb / pdf_s:.2f} MB/s of text; read+segment only {pdf_mb / parse_s:.2f} MB/s of PDF"
        )
        for e in (engine, part_engine, pdf_engine):
            e.dispose()


if __name__ == "__main__":
    run()
