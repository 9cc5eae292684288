"""Metric alerts end to end: /watch through the real Application, a bulletin ingested (as the CLI would: another
transaction, no call into the bot), the job-queue tick and the sender → each watcher gets exactly one alert."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select
from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.db.engine import session_scope
from bot.db.models import Delivery, Watch
from bot.db.store import open_store
from bot.services.ingest import ingest_file
from tests.fakeapi import TOKEN, FakeBotAPI, RecordingRequest, Updates
from tests.lifecycle import start, stop

OLD = """电子商务动态
2023年第2期（总300期）
上海市电子商务和消费促进中心 2023年2月1日

【数据观察】

2022年网络零售市场回顾

国家统计局数据显示，2022年全国网上零售额13.79万亿元，比上年增长4.0%。
来源:人民网 编选:《电子商务动态》编辑部 2023 年 02 月 01 日
"""

NEW = """电子商务动态
2024年第3期（总330期）
上海市电子商务和消费促进中心 2024年1月20日

【数据观察】

2023年网络零售市场发展报告

商务部发布报告，2023年全国网上零售额15.42万亿元，同比增长11%。
来源:商务部网站 编选:《电子商务动态》编辑部 2024 年 01 月 20 日
"""

REPEAT = """电子商务动态
2024年第4期（总331期）
上海市电子商务和消费促进中心 2024年1月27日

【数据观察】

网络零售再创新高

据新华网报道，2023年全国网上零售额15.42万亿元，增长11%，连续11年位居世界第一。
来源:新华网 编选:《电子商务动态》编辑部 2024 年 01 月 27 日
"""

ZH_A, ZH_B, EN_C, OTHER = 3001, 3002, 3003, 3004


def ingest(engine: Engine, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with session_scope(engine) as s:
        ingest_file(s, path)


async def wait_until(predicate: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def alerts(api: FakeBotAPI) -> list[Any]:
    return [c for c in api.calls if c.method == "sendMessage" and c.ok
            and ("</b> 有新数据" in (c.text or "") or "New figure for" in (c.text or ""))]


async def test_each_watcher_gets_exactly_one_alert(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    ingest(engine, tmp_path, "old.txt", OLD)
    cfg = Settings(_env_file=None, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                   database_url=f"sqlite:///{tmp_path / 'bot.db'}", tick_seconds=0.3, load_seeds=False,
                   send_rate_per_second=60)
    api = FakeBotAPI()
    app = build_application(cfg, engine=engine, request=RecordingRequest(api))
    await start(app)
    updates = Updates(api)
    try:
        for user, lang, text in ((ZH_A, "zh-hans", "/watch 网上零售额"), (ZH_B, "zh-hans", "/watch 网络零售额"),
                                 (EN_C, "en", "/watch online retail sales"), (OTHER, "zh-hans", "/watch 快递业务量")):
            await app.process_update(Update.de_json(updates.command(text, user_id=user, language_code=lang),
                                                    app.bot))
        with session_scope(engine) as s:
            assert len(s.exec(select(Watch).where(Watch.active)).all()) == 4
        await asyncio.sleep(1.0)  # ticks with nothing new: no alert
        assert alerts(api) == []

        ingest(engine, tmp_path, "new.txt", NEW)  # as `python -m bot ingest` would, outside the bot
        await wait_until(lambda: len(alerts(api)) >= 3)
        await asyncio.sleep(1.2)  # more ticks: still one each
        got = Counter(int(c.chat_id) for c in alerts(api))
        assert got == {ZH_A: 1, ZH_B: 1, EN_C: 1}

        by_chat = {int(c.chat_id): c.text for c in alerts(api)}
        zh = by_chat[ZH_A]
        assert zh.startswith("<b>网上零售额</b> 有新数据")
        assert "2023年：15.42万亿元，同比增长11%" in zh and "/article 2" in zh and "商务部网站" in zh  # 同比 as said
        assert "上一期（2022年）：13.79万亿元，本期高 11.8%" in zh  # (15.42 - 13.79) / 13.79
        assert "/unwatch 网上零售额" in zh
        en = by_chat[EN_C]
        assert en.startswith("New figure for <b>Online retail sales (网上零售额)</b>")
        assert "2023: 15.42 trillion yuan, up 11% year on year" in en and "Previous (2022): 13.79 trillion yuan, higher by 11.8%" in en

        # the same value from another outlet is not news
        ingest(engine, tmp_path, "repeat.txt", REPEAT)
        await asyncio.sleep(1.5)
        assert Counter(int(c.chat_id) for c in alerts(api)) == got
    finally:
        await stop(app)
    with session_scope(engine) as s:
        rows = s.exec(select(Delivery)).all()
        assert Counter(d.status for d in rows) == {"sent": 3}
        assert all(d.subscription_id is None and d.watch_id is not None and d.figure_id for d in rows)
        top = max(w.last_figure_id for w in s.exec(select(Watch)))
        assert all(w.last_figure_id == top for w in s.exec(select(Watch)))  # every watermark caught up
