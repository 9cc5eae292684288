"""The upload preview service on a real store: what counts as a bulletin, the pending store (expiry, claims),
confirm / cancel (idempotent, exactly what was previewed), the admin's date and name, and the CLI's --dry-run and
--name. Telegram plays no part here (see tests/handlers/test_upload.py for the buttons)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import make_engine, session_scope
from bot.db.models import Article, Bulletin
from bot.errors import IngestError
from bot.services.ingest import parse_file
from bot.services.ingest.acceptance import MIN_CJK, check_bulletin, gather
from bot.services.ingest.pending import PendingStore
from bot.services.ingest.preview import (
    PreviewArticle,
    _huge,
    ask_for,
    cancel_upload,
    confirm_upload,
    parse_date_text,
    preview_file,
    preview_upload,
    read_upload,
    set_value,
)
from tests.unit.test_ingest import S001, S002, S003, SEEDS, _bad_files, _render_pdf, counts, ingest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class _Art:
    title: str
    body: str


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _pending(store: PendingStore, source: Path, name: str = "upload.txt", **kw: object):  # type: ignore[no-untyped-def]
    pending = store.new(file_name=name, user_id=7, chat_id=7, **kw)  # type: ignore[arg-type]
    pending.file_path.write_bytes(source.read_bytes())
    return pending


# ---------------------------------------------------------------------------------------------- evidence


def test_every_seed_is_a_bulletin() -> None:
    for path in sorted(SEEDS.glob("0*.txt")):
        _doc, parsed = parse_file(path)
        ev = check_bulletin(path.name, parsed.articles)
        assert ev.cjk >= MIN_CJK and ev.real_articles >= 1 and ev.cjk_share > 0.9


@pytest.mark.parametrize(("text", "reason"), [
    ("hello world\n", "no article with a title"),
    ("购物清单\n苹果 3斤\n牛奶 2盒\n鸡蛋 一打\n面包 两个\n", "not a bulletin"),  # reason depends on the layout read
    ("今天天气很好，我们去公园散步。", "no article with a title"),
    ("价格表\n1 元\n2 元\n3 元\n", "not a bulletin"),
    ("目录\n\n" + "\n".join(f"第{i}章 电子商务发展概况与趋势分析 ........ {i * 3}" for i in range(1, 40)),
     "not a bulletin"),
])
def test_what_is_not_a_bulletin_is_refused_in_one_line(tmp_path: Path, text: str, reason: str) -> None:
    path = _write(tmp_path, "x.txt", text)
    with pytest.raises(IngestError) as info:
        read_upload(path, name="x.txt")
    message = str(info.value)
    assert message.startswith("x.txt: not a bulletin: ") and reason in message and "\n" not in message


def test_evidence_rules() -> None:
    prose = "2023年全国网上零售额15.42万亿元，比上年增长11%。其中实物商品网上零售额13.02万亿元。"
    assert gather([_Art("全国网上零售额增长", prose)]).real_articles == 1
    assert gather([_Art("短", prose)]).real_articles == 0  # no real title
    assert gather([_Art("全国网上零售额增长", prose.replace("。", " "))]).real_articles == 0  # no sentence
    english = [_Art("Online retail sales grew", "Online retail sales reached 15.42 trillion yuan in 2023. " * 20)]
    with pytest.raises(IngestError, match="mostly not Chinese"):
        check_bulletin("en.txt", english)
    with pytest.raises(IngestError, match=r"too little Chinese text \(\d+ characters"):
        check_bulletin("short.txt", [_Art("全国网上零售额增长", prose)])


def test_bad_files_are_one_line_errors(tmp_path: Path, engine: Engine) -> None:
    before = counts(engine)
    for name, (path, reason) in _bad_files(tmp_path).items():
        with pytest.raises(IngestError) as info, Session(engine) as s:
            preview_file(s, path)
        message = str(info.value)
        assert message.startswith(f"{name}: ") and "\n" not in message
        if reason != "no articles recognised":  # a lone sentence is refused as not a bulletin instead
            assert reason in message, message
    assert counts(engine) == before


# ---------------------------------------------------------------------------------------------- preview


def test_preview_counts_what_storing_adds_and_warns(engine: Engine, tmp_path: Path) -> None:
    with Session(engine) as s:
        issue = preview_file(s, S001)
        page = preview_file(s, S003)
    assert (issue.publication, issue.issue_no, issue.published) == ("电子商务动态", "2023年第17期(总294期)",
                                                                    date(2023, 9, 5))
    assert [name for name, _ in issue.sections()] == ["行业资讯", "政策法规", "数据观察", "专家视点"]
    assert issue.figures == sum(a.figures for a in issue.articles) > 100 and issue.warnings == []
    assert page.publication == "" and page.needs_name and page.published is None
    n = len(page.articles)
    assert [w.code for w in page.warnings] == ["no_name", "no_date", "undated"] + (
        ["unresolved"] if page.unresolved else [])
    assert page.warnings[2].params == {"count": n, "total": n}
    assert counts(engine) == (0, 0, 0, 0)
    # the CLI's text says the same
    text = page.to_text()
    assert text.startswith("003_34539ccfcc6b3203.txt: (no name: pass --name)\ndate: unknown")
    assert f"warning: {n} of {n} articles have no date" in text


def test_the_pdf_of_a_stored_bulletin_is_previewed_as_a_duplicate(engine: Engine, tmp_path: Path) -> None:
    pdf = _render_pdf(tmp_path / "issue.pdf", parse_file(S002)[1].articles)
    first = ingest(engine, S002)
    with Session(engine) as s:
        preview = preview_file(s, pdf)
    assert preview.fmt == "pdf" and preview.duplicate_of == first.bulletin_id
    assert preview.warnings[-1].code == "duplicate" and preview.warnings[-1].params == {"id": first.bulletin_id}


def test_huge_article_warning() -> None:
    def arts(*sizes: int) -> list[PreviewArticle]:
        return [PreviewArticle(f"t{i}", "", None, 0, n) for i, n in enumerate(sizes)]

    assert _huge(arts(1200, 900, 800)) is None
    assert _huge(arts(2500)) is None  # one ordinary story
    w = _huge(arts(9000))  # a whole digest read as one article
    assert w is not None and w.params == {"title": "t0", "percent": 100, "chars": 9000}
    w = _huge(arts(8000, 500, 400, 300))
    assert w is not None and w.params["percent"] == 87
    assert _huge(arts(21000, 20000)) is not None  # too long for any article


def test_admins_date_replaces_the_bulletins_but_articles_keep_their_own(tmp_path: Path) -> None:
    _doc, plain = read_upload(S001, name="a.txt")
    _doc, dated = read_upload(S001, name="a.txt", published=date(2024, 1, 2), publication="电商周报")
    assert (dated.published, dated.publication) == (date(2024, 1, 2), "电商周报")
    for before, after in zip(plain.articles, dated.articles, strict=True):
        expected = date(2024, 1, 2) if before.published in (None, plain.published) else before.published
        assert after.published == expected
    assert any(a.published == date(2024, 1, 2) for a in dated.articles)
    assert any(a.published != date(2024, 1, 2) for a in dated.articles)


def test_date_text() -> None:
    assert parse_date_text("2024-03-01") == date(2024, 3, 1)
    assert parse_date_text("发布于 2024年3月1日 《中国贸易报》") == date(2024, 3, 1)
    assert parse_date_text("2024/3/1") == date(2024, 3, 1)
    assert parse_date_text("2024-02-30") is None and parse_date_text("tomorrow") is None and parse_date_text(None) is None


# ---------------------------------------------------------------------------------------------- pending store


def test_pending_store_roundtrip_expiry_and_claims(tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    p = _pending(store, S003, published=date(2024, 3, 1), publication="中国贸易报")
    got = store.get(p.token)
    assert got is not None and (got.published, got.publication, got.version, got.status) == (
        date(2024, 3, 1), "中国贸易报", 1, "pending")
    assert got.file_path.read_bytes() == S003.read_bytes()
    assert store.get("../../etc") is None and store.get("") is None and store.get("nosuchtoken123") is None
    assert store.claim(p.token) and not store.claim(p.token)
    store.release(p.token)
    assert store.claim(p.token)
    store.release(p.token)
    # expiry: gone after a day, and purged from disk by the next upload
    later = datetime.now(UTC) + timedelta(hours=25)
    old = _pending(store, S003)
    assert store.get(old.token, now=later) is None and not old.dir.exists()
    store.new(file_name="n.txt", user_id=1, chat_id=1, now=later)
    assert not p.dir.exists()


def test_awaiting_reply_is_per_user_and_latest(tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    a, b = _pending(store, S003), _pending(store, S003)
    assert store.awaiting_reply(7) is None
    assert ask_for(store, a.token, 1, "date").status == "waiting"
    assert ask_for(store, b.token, 1, "name").status == "waiting"
    waiting = store.awaiting_reply(7)
    assert waiting is not None and waiting.token == b.token and store.awaiting_reply(8) is None
    # a request left unanswered for a while lapses: later text is ordinary text again
    assert store.awaiting_reply(7, now=datetime.now(UTC) + timedelta(minutes=16)) is None
    assert ask_for(store, a.token, 2, "date").status == "stale"


def test_set_value_checks_what_the_admin_types(tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    p = _pending(store, S003)
    ask_for(store, p.token, 1, "date")
    pending = store.get(p.token)
    assert pending is not None
    for bad in ("soon", "2024-13-01", "1890-01-01", "2999-01-01"):
        out = set_value(store, pending, bad)
        assert out.status == "invalid" and out.error is not None and "\n" not in str(out.error)
    assert set_value(store, pending, "2024-03-01").status == "waiting"
    ask_for(store, p.token, 2, "name")
    pending = store.get(p.token)
    assert pending is not None
    for bad in ("x", "003_34539ccfcc6b3203.txt", "page.pdf", "a\nb"):
        assert set_value(store, pending, bad).status == "invalid", bad
    assert set_value(store, pending, " 《中国贸易报》 ").status == "waiting"
    final = store.get(p.token)
    assert final is not None and (final.published, final.publication, final.version, final.awaiting) == (
        date(2024, 3, 1), "中国贸易报", 3, None)


# ---------------------------------------------------------------------------------------------- decisions


def test_confirm_stores_once_and_later_presses_add_nothing(engine: Engine, tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    p = _pending(store, S003, published=date(2023, 8, 25), publication="中国贸易报")
    preview = preview_upload(engine, store, p)
    assert counts(engine) == (0, 0, 0, 0)
    held = store.claim(p.token)  # someone else is storing it right now
    assert held and confirm_upload(engine, store, p.token, 1).status == "busy"
    store.release(p.token)
    first = confirm_upload(engine, store, p.token, 1)
    assert first.status == "stored" and first.result is not None
    assert first.result.articles_added == len(preview.articles) and first.result.figures_added == preview.figures
    stored = counts(engine)
    again = confirm_upload(engine, store, p.token, 1)
    assert (again.status, again.bulletin_id) == ("already", first.bulletin_id)
    assert cancel_upload(store, p.token).status == "already"  # a stored bulletin stays stored
    assert counts(engine) == stored
    with Session(engine) as s:
        b = s.exec(select(Bulletin)).one()
        assert (b.publication, b.published, b.file_name, b.loaded_by) == ("中国贸易报", date(2023, 8, 25),
                                                                          "upload.txt", 7)
        assert {a.published for a in s.exec(select(Article))} == {date(2023, 8, 25)}
    # the same content uploaded again: previewed as a duplicate, confirming adds nothing
    q = _pending(store, S003, publication="别的名字")
    assert preview_upload(engine, store, q).duplicate_of == b.id
    assert confirm_upload(engine, store, q.token, 1).status == "duplicate"
    assert counts(engine) == stored


def test_confirm_refuses_what_was_not_previewed(engine: Engine, tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    p = _pending(store, S003, publication="中国贸易报")
    preview_upload(engine, store, p)
    assert confirm_upload(engine, store, p.token, 0).status == "stale"  # an older preview's button
    tampered = store.get(p.token)
    assert tampered is not None
    tampered.signature = "0" * 64  # the reader changed between preview and confirm (a redeploy)
    store.save(tampered)
    assert confirm_upload(engine, store, p.token, 1).status == "stale"
    nameless = _pending(store, S003)
    preview_upload(engine, store, nameless)
    assert confirm_upload(engine, store, nameless.token, 1).status == "needs_name"
    assert confirm_upload(engine, store, "unknowntoken1", 1).status == "expired"
    assert counts(engine) == (0, 0, 0, 0)


def test_cancel_discards_the_file(engine: Engine, tmp_path: Path) -> None:
    store = PendingStore(tmp_path / "pending")
    p = _pending(store, S001)
    preview_upload(engine, store, p)
    assert cancel_upload(store, p.token).status == "cancelled"
    assert not p.file_path.exists()
    assert confirm_upload(engine, store, p.token, 1).status == "cancelled"
    assert counts(engine) == (0, 0, 0, 0)


# ---------------------------------------------------------------------------------------------- CLI


def _cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "LOAD_SEEDS": "false"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return lambda *args: subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env,
                                        capture_output=True, text=True, timeout=120)


def test_cli_dry_run_name_and_refusals(tmp_path: Path) -> None:
    run = _cli(tmp_path)
    note = _write(tmp_path, "note.txt", "hello world\n")
    done = run("ingest", "--dry-run", str(S003), str(note))
    assert done.returncode == 1
    assert done.stdout.startswith("003_34539ccfcc6b3203.txt: (no name: pass --name)\n")
    assert " articles, " in done.stdout and "warning: the bulletin has no date" in done.stdout
    assert done.stderr.strip() == ("error: note.txt: not a bulletin: no article with a title and a body of full "
                                   "sentences was found")
    done = run("ingest", "--dry-run", "--json", "--name", "中国贸易报", "--published", "2023-08-25", str(S003))
    [data] = json.loads(done.stdout)
    assert (data["publication"], data["publication_from"], data["published"]) == ("中国贸易报", "admin",
                                                                                  "2023-08-25")
    assert run("stats").stdout.count('"bulletins": 0') == 1  # dry runs store nothing

    # a real ingest: a non-bulletin is refused, the page without a masthead takes --name
    done = run("ingest", str(S003), str(note), "--name", "中国贸易报", "--published", "2023-08-25")
    assert done.returncode == 1 and "003_34539ccfcc6b3203.txt: bulletin #1 (中国贸易报)" in done.stdout
    assert done.stderr.strip().startswith("error: note.txt: not a bulletin: ")
    done = run("ingest", "--name", "x", str(S003))
    assert done.returncode == 2 and "2-60 characters" in done.stderr


def test_a_file_name_is_never_a_source_name(tmp_path: Path) -> None:
    run = _cli(tmp_path)
    assert run("ingest", str(S003), "--published", "2023-08-25").returncode == 0  # no masthead, no --name
    # an exact metric of the seed (a partial name like `直播` now gets suggestions, not answers)
    done = run("metric", "直播场次数", "--json")
    assert done.returncode == 0 and "直播场次数" in done.stdout
    assert ".txt" not in done.stdout and "003_" not in done.stdout
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    with session_scope(engine) as s:
        b = s.exec(select(Bulletin)).one()
        assert b.publication == "" and b.file_name == "003_34539ccfcc6b3203.txt"
    engine.dispose()
