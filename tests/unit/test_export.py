"""CSV export of every figure of a metric (SQLite and PostgreSQL), and `python -m bot export METRIC --csv`."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.db.store import open_store
from bot.services.export import COLUMNS, export_figures
from tests.unit.test_watches import add, retail

ROOT = Path(__file__).resolve().parents[2]


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text)))


def test_every_figure_one_row_with_its_source(engine: Engine, session: Session) -> None:
    add(engine, [retail(13.8, 2022, growth_pct=4.0), retail(15.42, 2023, growth_pct=11.0)], key="a")
    add(engine, [retail(13.8, 2022, quote="=HYPERLINK(\"http://x\")网上零售额13.8万亿元")], outlet="@新华网", key="b")
    add(engine, [retail(1320, 2023, metric="快递业务量", metric_norm="快递业务量", unit="亿件", value_base=1.32e11,
                        base_unit="件")], key="c")
    result = export_figures(session, "网络零售额")  # an alias finds the stored name
    assert result.metric == "网络零售额" or result.metric == "网上零售额"
    rows = _rows(result.to_csv())
    assert len(rows) == 3 and list(rows[0]) == list(COLUMNS)
    assert [r["period_end"] for r in rows] == ["2023-12-31", "2022-12-31", "2022-12-31"]  # newest period first
    first = rows[0]
    assert (first["value"], first["unit"], first["value_base"], first["growth_pct"]) == ("15.42", "万亿元",
                                                                                         "15420000000000", "11")
    assert first["outlet"] == "商务部" and first["bulletin"] == "电子商务动态 a" and first["published"] == "2024-01-20"
    assert first["is_forecast"] == "0" and first["article_id"].isdigit() and first["figure_id"].isdigit()
    # text a spreadsheet would run as a formula is defused; numbers stay numbers
    assert {r["outlet"] for r in rows} == {"商务部", "'@新华网"}
    assert any(r["quote"].startswith("'=HYPERLINK") for r in rows)
    assert [r["value"] for r in _rows(export_figures(session, "网上零售额 2022").to_csv())] == ["13.8", "13.8"]
    assert result.file_name(date(2026, 12, 3)).endswith("_2026-12-03.csv")


def test_unknown_and_similar_names_give_suggestions_not_another_metric(engine: Engine, session: Session) -> None:
    add(engine, [retail(13.8, 2022)], key="a")
    similar = export_figures(session, "网上零食额")
    assert similar.rows == [] and "网上零售额" in similar.suggestions
    assert export_figures(session, "完全无关").rows == []
    empty_period = export_figures(session, "网上零售额 2019")
    assert empty_period.rows == [] and empty_period.matched == ["网上零售额"]


def test_cli_export_csv(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = open_store(url)
    add(engine, [retail(13.8, 2022), retail(15.42, 2023)], key="a")
    engine.dispose()
    env = {**os.environ, "DATABASE_URL": url, "LOAD_SEEDS": "false"}
    out = subprocess.run([sys.executable, "-m", "bot", "export", "网上零售额", "--csv"], cwd=ROOT, env=env,
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    assert [r["value"] for r in _rows(out.stdout)] == ["15.42", "13.8"]
    target = tmp_path / "out.csv"
    written = subprocess.run([sys.executable, "-m", "bot", "export", "网上零售额", "--csv", "-o", str(target)],
                             cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert written.returncode == 0 and len(_rows(target.read_bytes())) == 2
    missing = subprocess.run([sys.executable, "-m", "bot", "export", "网上零食额", "--csv"], cwd=ROOT, env=env,
                             capture_output=True, timeout=120)
    assert missing.returncode == 1 and missing.stdout == b""
    assert missing.stderr.decode().strip().startswith("error: no figures found for '网上零食额' (did you mean: 网上零售额")
