"""Charts, CSV export and metric alerts: how long a chart takes to draw, an export to write, and the alert tick.

* chart: `render_png` of a 12-period series with growth (first call in the process, then p50/p99 of 20);
  series selection for /metric's chart button over 50 entries
* export: every figure of one metric (20 000 figures) to CSV bytes
* alerts: 2 000 watches over 20 metrics; one tick after a bulletin with a new figure for each metric
  (20 alerts × 100 watchers = 2 000 outbox rows), and an idle tick (nothing new)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin, Figure, Watch, utcnow
from bot.db.store import open_store
from bot.i18n import get_translator
from bot.render.alerts import alert_parts
from bot.render.charts import chart_labels
from bot.services import watches
from bot.services.charts import chart_series, render_png
from bot.services.export import export_figures
from bot.services.lookup import FigureEntry, FigureSource, clear_cache

METRICS = [f"指标{i:02d}额" for i in range(20)]


def _entries(n: int) -> list[FigureEntry]:
    src = FigureSource(1, "t", "商务部", "电子商务动态", 1, date(2024, 1, 20), "q")
    return [FigureEntry(metric="网上零售额", region="全国", value=5 + i / 3, unit="万亿元", value_base=(5 + i / 3) * 1e12,
                        base_unit="元", qualifier="exact", period_start=date(2000 + i, 1, 1),
                        period_end=date(2000 + i, 12, 31), period_label="", growth_pct=(i % 7) - 2.5, growth_pp=None,
                        is_forecast=False, sources=[src], source_count=1) for i in range(n)]


def _bench_chart() -> None:
    series = chart_series(_entries(12))
    assert series is not None
    labels = chart_labels(get_translator("zh"), series)
    t0 = time.perf_counter()
    png = render_png(series, labels)
    first = time.perf_counter() - t0
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        render_png(series, labels)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"chart render (12 periods + growth, {len(png) / 1024:.0f} KiB PNG): first {first * 1000:.0f} ms, "
          f"then p50 {statistics.median(times) * 1000:.0f} ms, p99 {times[-1] * 1000:.0f} ms (off the event loop)")
    entries = _entries(50)
    t0 = time.perf_counter()
    for _ in range(200):
        chart_series(entries)
    print(f"chart series selection over 50 entries (the /metric button check): "
          f"{(time.perf_counter() - t0) / 200 * 1e6:.0f} µs")


def _store(tmp: Path):  # type: ignore[no-untyped-def]
    engine = open_store(f"sqlite:///{tmp / 'bench.db'}")
    old = utcnow() - timedelta(hours=1)
    with session_scope(engine) as s:
        b = Bulletin(publication="电子商务动态", issue_no="1", published=date(2024, 1, 1), file_name="b", content_hash="b1")
        s.add(b)
        s.flush()
        a = Article(bulletin_id=b.id, title="历年数据", outlet="商务部", body="……", created_at=old)
        s.add(a)
        s.flush()
        rows = []
        for i in range(20_000):
            y = 2000 + i % 24
            rows.append(dict(article_id=a.id, metric="网上零售额", metric_norm="网上零售额", region="全国",
                             value=i / 7, unit="万亿元", value_base=i / 7 * 1e12, base_unit="元", qualifier="exact",
                             period_start=date(y, 1, 1), period_end=date(y, 12, 31), period_label=f"{y}年",
                             growth_pct=3.5, growth_pp=None, is_forecast=False, span_start=0, span_end=0,
                             quote=f"{y}年全国网上零售额{i / 7:.2f}万亿元，同比增长3.5%。"))
        for m in METRICS:
            rows.append(dict(rows[0], metric=m, metric_norm=m, value=1.0, value_base=1e12, quote=f"{m}1万亿元。"))
        s.execute(insert(Figure), rows)
    return engine


def _bench_export_and_alerts() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = _store(Path(tmp))
        clear_cache()
        t0 = time.perf_counter()
        with session_scope(engine) as s:
            result = export_figures(s, "网上零售额")
        data = result.to_csv()
        took = time.perf_counter() - t0
        print(f"export: {len(result.rows):,} figures, {len(data) / 1e6:.1f} MB CSV in {took * 1000:.0f} ms "
              f"({len(result.rows) / took:,.0f} figures/s)")
        with session_scope(engine) as s:
            top = int(s.exec(__import__("sqlmodel").select(__import__("sqlalchemy").func.max(Figure.id))).one())
            s.execute(insert(Watch), [dict(chat_id=10_000 + i, metric_norm=METRICS[i % 20], metric=METRICS[i % 20],
                                           region="", last_figure_id=top, active=True, created_at=utcnow())
                                      for i in range(2000)])
        t0 = time.perf_counter()
        idle = watches.tick(engine, utcnow(), render=alert_parts)
        idle_ms = (time.perf_counter() - t0) * 1000
        with session_scope(engine) as s:
            b = Bulletin(publication="电子商务动态", issue_no="2", published=date(2024, 2, 1), file_name="c",
                         content_hash="b2")
            s.add(b)
            s.flush()
            a = Article(bulletin_id=b.id, title="新数据", outlet="新华网", body="……",
                        created_at=utcnow() - timedelta(minutes=5))
            s.add(a)
            s.flush()
            s.execute(insert(Figure), [dict(article_id=a.id, metric=m, metric_norm=m, region="全国", value=2.0,
                                            unit="万亿元", value_base=2e12, base_unit="元", qualifier="exact",
                                            period_start=date(2001, 1, 1), period_end=date(2001, 12, 31),
                                            period_label="2001年", growth_pct=None, growth_pp=None,
                                            is_forecast=False, span_start=0, span_end=0, quote=f"{m}2万亿元。")
                                       for m in METRICS])
        t0 = time.perf_counter()
        busy = watches.tick(engine, utcnow(), render=alert_parts)
        busy_ms = (time.perf_counter() - t0) * 1000
        print(f"alert tick, 2,000 watches: idle {idle_ms:.1f} ms ({idle.messages} rows); after a bulletin with "
              f"20 new figures {busy_ms:.0f} ms ({busy.digests:,} alerts, {busy.messages:,} outbox rows)")
        engine.dispose()


def run() -> None:
    _bench_chart()
    _bench_export_and_alerts()
