"""Handler tests: a real PTB `Application` from `bot.app.build_application`, its HTTP layer a `RecordingRequest`
(tests/fakeapi), fed `Update`s with `process_update`. Assertions are on the exact Bot API calls."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.db.models import Article, Bulletin, Figure
from tests.fakeapi import TOKEN, Call, FakeBotAPI, RecordingRequest, Updates

ADMIN = 9001
USER = 1001


@pytest.fixture
def settings(sqlite_url: str, tmp_path: Path) -> Settings:
    return Settings(_env_file=None, database_url=sqlite_url, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                    admin_ids=str(ADMIN), load_seeds=False, bot_timezone="Asia/Shanghai",
                    pending_uploads_dir=tmp_path / "pending",
                    telegram_api_base_url="https://api.telegram.org/bot",
                    telegram_api_file_url="https://api.telegram.org/file/bot")


class Harness:
    """Feed updates to the application and look at what it sent."""

    def __init__(self, api: FakeBotAPI, app: Any, engine: Engine) -> None:
        self.api = api
        self.app = app
        self.engine = engine
        self.updates = Updates(api)

    async def feed(self, update: dict[str, Any]) -> list[Call]:
        """Process one update completely (including non-blocking handlers); returns the calls it caused."""
        before = len(self.api.calls)
        running = asyncio.all_tasks()  # the application's own (update fetcher, job queue): not ours to wait for
        await self.app.process_update(Update.de_json(update, self.app.bot))
        # block=False handlers and the tasks they start (`Application.create_task`) run on: wait for all of them
        while tasks := [t for t in asyncio.all_tasks() - running if not t.done()]:
            await asyncio.gather(*tasks, return_exceptions=True)
        return self.api.calls[before:]

    async def command(self, text: str, *, user_id: int = USER, language_code: str | None = "zh-hans",
                      chat_id: int | None = None) -> list[Call]:
        return await self.feed(self.updates.command(text, user_id=user_id, language_code=language_code,
                                                    chat_id=chat_id))

    async def press(self, message: Call, button_text: str, *, user_id: int = USER,
                    language_code: str | None = "zh-hans") -> list[Call]:
        data = message.button(button_text)["callback_data"]
        return await self.feed(self.updates.callback(data, message=message, user_id=user_id,
                                                     language_code=language_code))

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


def sent(calls: list[Call]) -> list[Call]:
    return [c for c in calls if c.method in ("sendMessage", "editMessageText")]


def texts(calls: list[Call]) -> list[str]:
    return [c.text or "" for c in sent(calls)]


@pytest.fixture
async def harness(settings: Settings, engine: Engine) -> AsyncIterator[Harness]:
    api = FakeBotAPI()
    request = RecordingRequest(api)
    app = build_application(settings, engine=engine, request=request)
    await app.initialize()
    await app.start()  # running: non-blocking handlers are tracked (no updater: updates come via feed())
    api.clear_calls()
    try:
        yield Harness(api, app, engine)
    finally:
        await app.stop()
        await app.shutdown()


def add_bulletin(engine: Engine, *, publication: str = "电子商务动态", issue_no: str = "第12期",
                 published: date = date(2024, 3, 1), articles: list[dict[str, Any]] | None = None) -> Bulletin:
    """Rows straight into the store (the lookups read them through the real services)."""
    from bot.services.search import index_article

    with Session(engine, expire_on_commit=False) as s:
        b = Bulletin(publication=publication, issue_no=issue_no, published=published, file_name="b.txt",
                     content_hash=f"h{publication}{issue_no}{published}")
        s.add(b)
        s.flush()
        for seq, spec in enumerate(articles or []):
            figures = spec.pop("figures", [])
            a = Article(bulletin_id=b.id, seq=seq, published=published, **spec)
            s.add(a)
            s.flush()
            index_article(s, a)
            for f in figures:
                s.add(Figure(article_id=a.id, **f))
        s.commit()
        return b


def retail_figure(**over: Any) -> dict[str, Any]:
    base = dict(metric="网上零售额", metric_norm="网上零售额", region="全国", value=15.42, unit="万亿元",
                value_base=1.542e13, base_unit="元", period_start=date(2023, 1, 1), period_end=date(2023, 12, 31),
                period_label="2023年", growth_pct=11.0, quote="2023年全国网上零售额15.42万亿元，增长11%。")
    base.update(over)
    return base
