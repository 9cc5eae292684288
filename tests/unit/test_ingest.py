"""Ingestion into a real store (SQLite and PostgreSQL): seeds, idempotence across encodings and formats,
near-duplicates across bulletins, bad input leaving the store untouched, PDF and .docx readers, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Article, ArticleSearch, Bulletin, Figure
from bot.errors import IngestError
from bot.services.ingest import IngestResult, ingest_file, load_seeds, parse_file
from bot.services.ingest.dedupe import hamming, simhash

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
S000 = SEEDS / "000_d505d10c10052e7c.txt"
S001 = SEEDS / "001_702a40341f70cc14.txt"
S002 = SEEDS / "002_85eb7a58db5daab1.txt"
S003 = SEEDS / "003_34539ccfcc6b3203.txt"


def ingest(engine: Engine, path: Path, **kw: object) -> IngestResult:
    with session_scope(engine) as session:
        return ingest_file(session, path, **kw)  # type: ignore[arg-type]


def counts(engine: Engine) -> tuple[int, int, int, int]:
    with Session(engine) as s:
        return tuple(  # type: ignore[return-value]
            int(s.exec(select(func.count()).select_from(m)).one()) for m in (Bulletin, Article, Figure, ArticleSearch)
        )


def test_seeds_load_once(engine: Engine) -> None:
    results = load_seeds(engine, SEEDS)
    assert [r.file_name for r in results] == [p.name for p in (S000, S001, S002, S003)]  # data files skipped
    assert [r.articles_added for r in results] == [5, 45, 53, 3]
    assert all(r.duplicate_of is None for r in results)
    assert sum(r.figures_added for r in results) == counts(engine)[2]
    before = counts(engine)
    assert before[:2] == (4, 106) and before[3] == 106  # every article indexed for search
    again = load_seeds(engine, SEEDS)
    assert [r.articles_added for r in again] == [0, 0, 0, 0]
    assert [r.duplicate_of for r in again] == [r.bulletin_id for r in results]
    assert counts(engine) == before
    with Session(engine) as s:
        b = s.exec(select(Bulletin).where(Bulletin.file_name == S001.name)).one()
        assert (b.publication, b.issue_no, b.published, b.file_format) == (
            "电子商务动态",
            "2023年第17期(总294期)",
            date(2023, 9, 5),
            "txt",
        )
        art = s.exec(select(Article).where(Article.title == "国务院: 促进数字技术与实体经济深度融合")).one()
        assert (art.bulletin_id, art.seq, art.section, art.outlet, art.published) == (
            b.id,
            1,
            "行业资讯",
            "文汇报",
            date(2023, 8, 22),
        )
        assert art.body.startswith("8月21日下午,国务院以")
        assert art.fingerprint != 0


def _variants(tmp_path: Path, src: Path) -> dict[str, Path]:
    text = src.read_text(encoding="utf-8")
    out = {
        "gb18030": ("gb18030", text.encode("gb18030")),
        "utf8bom": ("bom", b"\xef\xbb\xbf" + text.encode("utf-8")),
        "crlf": ("crlf", text.replace("\n", "\r\n").encode("utf-8")),
        "gbk_crlf": ("gbkcrlf", text.replace("\n", "\r\n").encode("gbk", errors="replace")),
    }
    paths = {}
    for key, (suffix, data) in out.items():
        p = tmp_path / f"{src.stem}_{suffix}.txt"
        p.write_bytes(data)
        paths[key] = p
    return paths


def test_reingest_across_encodings_adds_nothing(engine: Engine, tmp_path: Path) -> None:
    first = ingest(engine, S002)
    assert first.articles_added == 53
    before = counts(engine)
    for key, path in _variants(tmp_path, S002).items():
        again = ingest(engine, path)
        assert again.duplicate_of == first.bulletin_id, key
        assert again.articles_added == 0 and again.duplicates_skipped == 53
        assert "already stored" in again.summary()
    assert counts(engine) == before


def test_encodings_decode_to_same_articles(tmp_path: Path) -> None:
    expected = [(a.title, a.body) for a in parse_file(S003)[1].articles]
    for path in _variants(tmp_path, S003).values():
        assert [(a.title, a.body) for a in parse_file(path)[1].articles] == expected


def test_same_story_in_two_bulletins_is_marked(engine: Engine, tmp_path: Path) -> None:
    ingest(engine, S001)
    # a later issue reprinting one story (lightly edited, other outlet) next to a new one
    text = "\n".join(
        [
            "【行业资讯】",
            "",
            "国务院专题学习：促进数字技术与实体经济深度融合",
            "",
            '8月21日下午,国务院以"加快发展数字经济,促进数字技术与实体经济深度融合"为主题,进行第三次专题学习。'
            "国务院总理李强主持专题学习。",
            "",
            S001.read_text(encoding="utf-8").split("\n")[35],
            "",
            S001.read_text(encoding="utf-8").split("\n")[37],
            "",
            "来源:《人民日报》 编选:《电子商务动态》编辑部 2023 年 08 月 23 日",
            "",
            "一条全新的消息",
            "",
            "这是一条与之前任何文章都无关的全新消息，讲的是某地新开了一家跨境电商体验店，吸引了众多市民前来参观购物。",
            "",
            "来源:《文汇报》 编选:《电子商务动态》编辑部 2023 年 09 月 10 日",
        ]
    )
    later = tmp_path / "later.txt"
    later.write_text(text, encoding="utf-8")
    result = ingest(engine, later)
    assert result.duplicate_of is None and result.articles_added == 2 and result.near_duplicates == 1
    with Session(engine) as s:
        original = s.exec(select(Article).where(Article.title == "国务院: 促进数字技术与实体经济深度融合")).one()
        reprint = s.exec(select(Article).where(Article.title == "国务院专题学习：促进数字技术与实体经济深度融合")).one()
        fresh = s.exec(select(Article).where(Article.title == "一条全新的消息")).one()
        assert reprint.duplicate_of_id == original.id
        assert fresh.duplicate_of_id is None
        assert hamming(reprint.fingerprint, original.fingerprint) <= 7


def test_fingerprint_index_forgets_deleted_articles(engine: Engine, tmp_path: Path) -> None:
    """The cached fingerprint index reloads when stored articles were deleted: a story whose only copy is gone is
    no near-duplicate any more (and the same story stored many times is matched to its oldest copy)."""
    from bot.services.ingest.dedupe import FingerprintIndex, load_index

    first = ingest(engine, S001)
    with Session(engine) as s:
        assert len(load_index(s).fps) == first.articles_added
    copy = tmp_path / "copy.txt"  # the same stories as another file (its content hash differs: a near-copy)
    copy.write_text(S001.read_text(encoding="utf-8") + "\n\n附：本期完\n", encoding="utf-8")
    with session_scope(engine) as s:
        s.delete(s.exec(select(Bulletin).where(Bulletin.id == first.bulletin_id)).one())
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 0
        assert load_index(s).fps == {}
    again = ingest(engine, copy)
    assert again.duplicate_of is None and again.near_duplicates == 0
    index = FingerprintIndex()
    for aid in (5, 3, 9):
        index.add(aid, aid * 10, 0x0F0F_0000_0000_00FF)
    assert index.nearest(0x0F0F_0000_0000_00FE) == (3, 30, 1)


def test_repeat_inside_one_file_points_to_its_first_copy(engine: Engine, tmp_path: Path) -> None:
    story = [
        "跨境电商体验店开业",
        "",
        "某地新开了一家跨境电商体验店，吸引了众多市民前来参观购物，店内商品来自三十多个国家和地区。",
        "",
        "来源:《文汇报》 编选:《电子商务动态》编辑部 2023 年 09 月 10 日",
        "",
    ]
    other = [
        "农村电商快速发展",
        "",
        "今年上半年，全国农村网络零售额达到1.12万亿元，同比增长12.5%。",
        "",
        "来源:《经济日报》 编选:《电子商务动态》编辑部 2023 年 09 月 11 日",
        "",
    ]
    path = tmp_path / "twice.txt"
    path.write_text("\n".join(["【行业资讯】", "", *story, *other, *story]), encoding="utf-8")
    result = ingest(engine, path)
    assert (result.articles_added, result.near_duplicates) == (3, 1)
    with Session(engine) as s:
        first, second, third = s.exec(select(Article).order_by(Article.seq)).all()
        assert (first.duplicate_of_id, second.duplicate_of_id, third.duplicate_of_id) == (None, None, first.id)
        assert first.created_at is not None and first.created_at.tzinfo is not None


@pytest.mark.parametrize("workers", ["0", "2"], ids=["in-process", "pool"])
def test_stored_search_tokens_and_figures_are_the_services_own(
    engine: Engine, workers: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingest stores tokens and figures in bulk, in-process or from the worker pool; they must be exactly what
    `search.index_article` and `figures.figures_for_article` produce for the stored article (the query side relies
    on the same tokens), and the fingerprints exactly `simhash`'s."""
    from bot.services import figures, search
    from bot.services.ingest.dedupe import to_signed

    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", workers)
    ingest(engine, S001)
    fields = (
        "metric",
        "metric_norm",
        "region",
        "value",
        "unit",
        "value_base",
        "base_unit",
        "qualifier",
        "period_start",
        "period_end",
        "period_label",
        "growth_pct",
        "growth_pp",
        "is_forecast",
        "quote",
        "span_start",
        "span_end",
    )
    with Session(engine) as s:
        articles = s.exec(select(Article).order_by(Article.id)).all()
        stored = {r.article_id: (r.title_tokens, r.body_tokens) for r in s.exec(select(ArticleSearch)).all()}
        assert set(stored) == {a.id for a in articles}
        for a in articles:
            assert a.fingerprint == to_signed(simhash(f"{a.title}\n{a.body}")), a.title
            search.index_article(s, a)  # re-indexing replaces the row only when the tokens differ
            assert not s.dirty and not s.new, a.title
            row = s.get(ArticleSearch, a.id)
            assert row is not None and (row.title_tokens, row.body_tokens) == stored[a.id]
            want = [tuple(getattr(f, k) for k in fields) for f in figures.figures_for_article(a)]
            got = s.exec(select(Figure).where(Figure.article_id == a.id).order_by(Figure.id)).all()
            assert [tuple(getattr(f, k) for k in fields) for f in got] == want, a.title


def test_simhash_threshold_separates_seed_articles() -> None:
    arts = [a for p in (S000, S001, S002, S003) for a in parse_file(p)[1].articles]
    fps = [simhash(f"{a.title}\n{a.body}") for a in arts]
    closest = min(hamming(fps[i], fps[j]) for i in range(len(fps)) for j in range(i + 1, len(fps)))
    assert closest > 7  # no two different seed stories are near-duplicates
    a = arts[10]
    edited = f"{a.title}（转载）\n{a.body.replace('。', '，', 1)}"
    assert hamming(simhash(f"{a.title}\n{a.body}"), simhash(edited)) <= 7


# ------------------------------------------------------------------------------------------------ bad input


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    import random

    rnd = random.Random(7)
    files: dict[str, tuple[Path, str]] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        p = tmp_path / name
        p.write_bytes(data)
        files[name] = (p, reason)

    put("empty.txt", b"", "the file is empty")
    put("blank.txt", b"\n \r\n\t\n", "the file is empty")
    put("random.txt", bytes(rnd.randrange(256) for _ in range(4096)), "not a text file")
    put("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(2048)), "PNG image")
    put("notes.txt", "今天天气很好。".encode(), "no articles recognised")
    pdf = _render_pdf(tmp_path / "full.pdf", parse_file(S003)[1].articles[:1])
    put("truncated.pdf", pdf.read_bytes()[: pdf.stat().st_size // 2], "damaged or truncated")
    put("fake.pdf", b"hello, not a pdf", "not a PDF file")
    put("broken.docx", b"PK\x03\x04garbage", "not a valid .docx file")
    put("bulletin.doc", b"whatever", "unsupported file type .doc")
    return files


def test_bad_input_is_one_clear_line_and_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    ingest(engine, S003)
    before = counts(engine)
    cases = _bad_files(tmp_path)
    encrypted = _encrypted_pdf(tmp_path)
    cases["encrypted.pdf"] = (encrypted, "encrypted")
    cases["missing.txt"] = (tmp_path / "missing.txt", "file not found")
    big = tmp_path / "big.txt"
    big.write_bytes(S001.read_bytes() * 2)
    for name, (path, reason) in cases.items():
        with pytest.raises(IngestError) as info:
            ingest(engine, path)
        message = str(info.value)
        assert message.startswith(f"{name}: ") and reason in message, message
        assert "\n" not in message
    with pytest.raises(IngestError, match=r"big.txt: file is too large \(0.1 MB; the limit is 0 MB\)"):
        ingest(engine, big, max_bytes=64 * 1024)
    assert counts(engine) == before


def test_size_limit_default_is_telegrams(tmp_path: Path) -> None:
    from bot.config import MAX_UPLOAD_BYTES, get_settings

    assert get_settings().max_upload_bytes == MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(MAX_UPLOAD_BYTES + 1)
    with pytest.raises(IngestError, match="file is too large"):
        parse_file(huge)


def test_failure_mid_file_rolls_back(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.services.ingest import pipeline
    from bot.services.ingest.pipeline import ArticleInput, PreparedArticle, prepare_article

    def flaky(items: list[ArticleInput]) -> list[PreparedArticle]:  # runs after the articles are inserted
        for item in items[:3]:
            prepare_article(item)
        raise RuntimeError("index down")

    monkeypatch.setenv("DONGTAI_SEGMENT_WORKERS", "0")  # in-process, so the patched function runs
    monkeypatch.setattr(pipeline, "prepare_articles", flaky)
    with pytest.raises(RuntimeError):
        ingest(engine, S001)
    assert counts(engine) == (0, 0, 0, 0)


# ------------------------------------------------------------------------------------------------ PDF / docx


def _render_pdf(path: Path, articles: list, *, with_sections: bool = True, publication: str = "电子商务动态") -> Path:  # type: ignore[type-arg]
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", fontName="STSong-Light", fontSize=13, leading=20, wordWrap="CJK", spaceBefore=8)
    section = ParagraphStyle("section", fontName="STSong-Light", fontSize=16, leading=24, wordWrap="CJK")
    story = []
    current = None
    for a in articles:
        if with_sections and a.section and a.section != current:
            current = a.section
            story.append(Paragraph(escape(f"【{a.section}】"), section))
        story.append(Paragraph(escape(a.title), title))
        story.extend(Paragraph(escape(p), body) for p in a.paragraphs)
        if a.published:
            trailer = (
                f"来源：《{a.outlet or publication}》 编选：《{publication}》编辑部 {a.published:%Y 年 %m 月 %d 日}"
            )
            story.append(Paragraph(escape(trailer), body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _encrypted_pdf(tmp_path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "encrypted.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "secret bulletin")
    c.save()
    return path


def test_pdf_of_a_seed_gives_the_same_titles_and_is_a_duplicate(engine: Engine, tmp_path: Path) -> None:
    text_parsed = parse_file(S002)[1]
    pdf = _render_pdf(tmp_path / "issue.pdf", text_parsed.articles)
    doc, pdf_parsed = parse_file(pdf)
    assert doc.fmt == "pdf" and doc.has_styles
    assert [a.title for a in pdf_parsed.articles] == [a.title for a in text_parsed.articles]
    assert [a.section for a in pdf_parsed.articles] == [a.section for a in text_parsed.articles]
    assert [a.published for a in pdf_parsed.articles] == [a.published for a in text_parsed.articles]
    # lines extracted from the PDF (wrapped at another width) are re-joined into the same paragraphs' text
    assert "".join(pdf_parsed.articles[0].paragraphs) == "".join(text_parsed.articles[0].paragraphs)

    first = ingest(engine, S002)
    again = ingest(engine, pdf)
    assert again.duplicate_of == first.bulletin_id and again.articles_added == 0


def test_docx_with_headings(engine: Engine, tmp_path: Path) -> None:
    import docx

    parsed = parse_file(S001)[1]
    d = docx.Document()
    d.add_paragraph("电子商务动态")
    d.add_paragraph("2023年第17期(总294期) 2023年9月5日")
    current = None
    for a in parsed.articles[:6]:
        if a.section != current:
            current = a.section
            d.add_heading(f"【{a.section}】", level=1)
        d.add_heading(a.title, level=2)
        for p in a.paragraphs:
            d.add_paragraph(p)
        if a.outlet and a.published:
            d.add_paragraph(f"来源:《{a.outlet}》 编选:《电子商务动态》编辑部 {a.published:%Y 年 %m 月 %d 日}")
    path = tmp_path / "issue.docx"
    d.save(str(path))
    doc, got = parse_file(path)
    assert doc.fmt == "docx" and doc.has_styles
    assert got.issue_no == "2023年第17期(总294期)" and got.published == date(2023, 9, 5)
    assert [(a.title, a.section, a.outlet, a.published) for a in got.articles] == [
        (a.title, a.section, a.outlet, a.published) for a in parsed.articles[:6]
    ]
    assert [a.paragraphs for a in got.articles] == [a.paragraphs for a in parsed.articles[:6]]
    result = ingest(engine, path)
    assert result.articles_added == 6
    with Session(engine) as s:
        assert s.exec(select(Bulletin).where(Bulletin.id == result.bulletin_id)).one().file_format == "docx"


# ------------------------------------------------------------------------------------------------ CLI


def test_cli_ingest_and_articles(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "LOAD_SEEDS": "false"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    run: Callable[..., subprocess.CompletedProcess[str]] = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    bad = tmp_path / "random.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    done = run("ingest", str(S003), str(bad), "--published", "2023-10-20")
    assert done.returncode == 1
    assert "003_34539ccfcc6b3203.txt: bulletin #1" in done.stdout and "3 articles" in done.stdout
    assert done.stderr.strip() == "error: random.txt: not a text file (binary data or an unknown encoding)"
    done = run("ingest", str(S003), "--json")
    assert done.returncode == 0 and '"duplicate_of": 1' in done.stdout
    done = run("articles", "--json")
    assert done.returncode == 0
    import json

    arts = json.loads(done.stdout)
    assert [a["title"] for a in arts][0] == "报告显示：我国直播电商呈快速增长态势"
    assert {a["published"] for a in arts} == {"2023-10-20"}
    assert set(arts[0]) >= {"id", "bulletin_id", "section", "title", "outlet", "published", "body"}
    done = run("articles")
    assert done.returncode == 0 and "2023-10-20" in done.stdout and "<10" not in done.stdout
    done = run("search", "直播电商")
    assert done.returncode == 0 and "2023-10-20" in done.stdout and "<10" not in done.stdout
