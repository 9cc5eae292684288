"""Delivery: rate within Telegram's limits, reply latency during a broadcast, digest composition, tick at scale.

0. Pipelined sending at a distance: `python -m bot run` against the fake Bot API server with Telegram's limits and
   an injected network round trip of 0, 80 and 150 ms: a digest to N_PIPELINE subscribers each. Sustained msg/s
   at the server (goal ≥ 27 at each), 429s (goal 0), every subscriber exactly once. Then the hard kill: SIGKILL
   mid-fan-out at 80 ms, restart, count the messages sent twice (goal ≤ SEND_WINDOW) and the ones lost (goal 0).

1. `python -m bot run` (subprocess, real HTTP) against the fake Bot API server with Telegram's limits (30 msg/s
   overall, ≈1/s per chat, 429 + retry_after): a digest to N_BROADCAST subscribers. Sustained delivery rate from
   the server's arrival times (goal ≥ 27 msg/s) and early retries (attempts inside a retry_after window, goal 0).
   Meanwhile users send `/metric 网上零售额` every 0.4 s: reply latency from the update being offered to the
   reply arriving (p50 / p99, goal p99 ≤ 2 s).
2. Composing digests (the tick writing outbox rows) for N_COMPOSE subscriptions over 24 topics — goal: under 10%
   of the time their delivery takes at 30/s (N_COMPOSE / 30 s).
3. The tick at N_TICK subscriptions: time and RSS growth for a tick with nobody due, all
   due with nothing new (advance only), and all due with a new bulletin (outbox rows written).

Env: BENCH_PIPELINE (400), BENCH_BROADCAST (1000), BENCH_COMPOSE (10000), BENCH_TICK (100000). Not a test: numbers
only.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import select

from bot.config import PROJECT_ROOT
from bot.db.engine import session_scope
from bot.db.models import Chat, Delivery, Subscription, utcnow
from bot.db.store import open_store
from bot.render.digest import digest_parts
from bot.services import outbox
from bot.services.ingest import ingest_file, load_seeds
from bot.services.topics import ArticleTextCache, load_topics
from tests.fakeapi import FakeTelegramServer
from tests.fakeapi.limits import TelegramLimits

N_PIPELINE = int(os.environ.get("BENCH_PIPELINE", "400"))
LATENCIES_MS = (0, 80, 150)
N_BROADCAST = int(os.environ.get("BENCH_BROADCAST", "1000"))
N_COMPOSE = int(os.environ.get("BENCH_COMPOSE", "10000"))
N_TICK = int(os.environ.get("BENCH_TICK", "100000"))
TZ = "Asia/Shanghai"

BULLETIN = """电子商务动态
2026年第3期（总320期）
上海市电子商务和消费促进中心 2026年3月5日

【行业资讯】

跨境电商海外仓建设提速

商务部消息，今年前两个月我国跨境电商进出口2.38万亿元，同比增长15.6%。海外仓数量超过2500个。
来源:新华网 编选:《电子商务动态》编辑部 2026 年 03 月 05 日

直播电商助力农产品上行

多地开展直播带货活动，农村网络零售额达到2.49万亿元，同比增长12.5%。人工智能与大模型应用加快，物流快递配送提速。
来源:人民网 编选:《电子商务动态》编辑部 2026 年 03 月 05 日
"""

CUSTOM = ["海外仓", "直播带货", "农产品", "大模型", "快递", "数字人民币", "RCEP", "拼多多", "抖音", "跨境支付",
          "乡村振兴", "消费券", "即时零售", "新质生产力"]


def _bulk_subscriptions(engine, n: int, *, chat_base: int, due, covered, topics: list[str]) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    chats, rows = [], []
    for i in range(n):
        cid = chat_base + i
        topic = topics[i % len(topics)]
        chats.append({"id": cid, "kind": "private", "title": "", "language": "zh" if i % 3 else "en",
                      "active": True, "created_at": now})
        rows.append({"chat_id": cid, "topic": topic, "is_custom": topic in CUSTOM, "frequency": "daily",
                     "weekday": None, "minute_of_day": 480, "timezone": TZ, "active": True, "created_by": cid,
                     "created_at": covered, "covered_until": covered, "next_due_at": due})
    with engine.begin() as conn:
        for i in range(0, n, 20_000):
            conn.execute(insert(Chat.__table__), chats[i:i + 20_000])  # type: ignore[attr-defined]
            conn.execute(insert(Subscription.__table__), rows[i:i + 20_000])  # type: ignore[attr-defined]


def _ingest_new(engine, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp / "new.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    with session_scope(engine) as s:
        ingest_file(s, path)


# ----------------------------------------------------------------------------------------------- 1. live


def bench_live(tmp: Path) -> None:
    engine = open_store(f"sqlite:///{tmp / 'live.db'}")
    load_seeds(engine, PROJECT_ROOT / "seeds")
    made = utcnow()
    _bulk_subscriptions(engine, N_BROADCAST, chat_base=1_000_000, due=made + timedelta(days=1), covered=made,
                        topics=["跨境电商"])
    time.sleep(0.01)
    _ingest_new(engine, tmp)
    with engine.begin() as conn:
        conn.execute(Subscription.__table__.update().values(next_due_at=utcnow() + timedelta(seconds=4)))  # type: ignore[attr-defined]
    engine.dispose()

    with FakeTelegramServer() as server:
        limits = TelegramLimits().install(server.api)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "ADMIN_"))}
        env.update(server.env())
        env.update({"DATABASE_URL": f"sqlite:///{tmp / 'live.db'}", "TICK_SECONDS": "1", "LOAD_SEEDS": "false",
                    "LOG_LEVEL": "WARNING"})
        # counters kept by a hook (scanning the call log from another thread would slow the fake server down)
        lock = threading.Lock()
        digest_at: list[float] = []
        replied: dict[int, threading.Event] = {}
        users_started = [0.0]

        def hook(api, call) -> None:  # type: ignore[no-untyped-def]
            if call.method != "sendMessage" or not call.ok:
                return
            cid = int(call.chat_id)
            with lock:
                if 1_000_000 <= cid < 2_000_000:
                    digest_at.append(time.monotonic())
                elif cid in replied:
                    replied[cid].set()

        server.api.on_call.append(hook)
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=PROJECT_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=(tmp / "live.log").open("wb"))
        latencies: list[float] = []
        done = threading.Event()

        def users() -> None:
            uid = 9_000_000
            users_started[0] = time.monotonic()
            while not done.is_set():
                uid += 1
                event = replied[uid] = threading.Event()
                pushed = time.monotonic()
                server.push(server.updates.command("/metric 网上零售额", user_id=uid, language_code="zh-hans"))
                latencies.append(time.monotonic() - pushed if event.wait(30) else 30.0)
                time.sleep(0.4)

        try:
            server.wait_for(lambda c: c.method == "getUpdates", timeout=60)
            worker = threading.Thread(target=users, daemon=True)
            deadline = time.monotonic() + N_BROADCAST / 20 + 60
            while len(digest_at) < N_BROADCAST and time.monotonic() < deadline:
                if not worker.is_alive() and len(digest_at) >= N_BROADCAST // 2 and not done.is_set():
                    worker.start()  # the second half of the broadcast runs with users asking
                time.sleep(0.1)
            done.set()
            if worker.is_alive():
                worker.join(timeout=35)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    at = sorted(digest_at)
    alone = [t for t in at if not users_started[0] or t < users_started[0]]
    lo, hi = int(len(alone) * 0.05), len(alone) - 1
    rate = (hi - lo) / (alone[hi] - alone[lo]) if hi > lo else 0.0
    mixed = [a.at for a in limits.accepted() if users_started[0] and a.at >= users_started[0]]
    mixed_rate = (len(mixed) - 1) / (mixed[-1] - mixed[0]) if len(mixed) > 1 else 0.0
    span = at[-1] - at[0] if len(at) > 1 else 0.0
    print(f"broadcast: {len(at)}/{N_BROADCAST} digests delivered in {span:.1f} s; sustained {rate:.1f} msg/s over "
          f"the first half (goal ≥ 27; limiter ceiling {30 / 1.03:.1f}); with users asking, all lanes together "
          f"{mixed_rate:.1f} msg/s; 429s {limits.rate_429()}, early retries {len(limits.early_retries())} (goal 0)")
    if latencies:
        lat = sorted(latencies)
        p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))]
        print(f"/metric replies during the broadcast: n={len(lat)}, p50 {statistics.median(lat) * 1000:.0f} ms, "
              f"p99 {p99 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms (goal p99 ≤ 2000 ms)")


# ----------------------------------------------------------------------------------------------- 0. pipeline


def _prepare_fanout(db: Path, tmp: Path, n: int, chat_base: int) -> None:
    engine = open_store(f"sqlite:///{db}")
    made = utcnow()
    _bulk_subscriptions(engine, n, chat_base=chat_base, due=made + timedelta(days=1), covered=made,
                        topics=["跨境电商"])
    time.sleep(0.01)
    _ingest_new(engine, tmp)
    with engine.begin() as conn:
        conn.execute(Subscription.__table__.update().values(next_due_at=utcnow() + timedelta(seconds=2)))  # type: ignore[attr-defined]
    engine.dispose()


def _start(db: Path, server: FakeTelegramServer, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "ADMIN_"))}
    env.update(server.env())
    env.update({"DATABASE_URL": f"sqlite:///{db}", "TICK_SECONDS": "1", "LOAD_SEEDS": "false",
                "LOG_LEVEL": "WARNING"})
    return subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=log.open("ab"))


def _digest_counter(server: FakeTelegramServer, lo: int, hi: int) -> tuple[dict[int, int], list[float]]:
    counts: dict[int, int] = {}
    times: list[float] = []
    lock = threading.Lock()

    def hook(api, call) -> None:  # type: ignore[no-untyped-def]
        if call.method == "sendMessage" and call.ok and lo <= int(call.chat_id) < hi:
            with lock:
                counts[int(call.chat_id)] = counts.get(int(call.chat_id), 0) + 1
                times.append(call.at)  # arrival at the server

    server.api.on_call.append(hook)
    return counts, times


def _wait(pred, timeout: float, proc: subprocess.Popen[bytes]) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline or proc.poll() is not None:
            return False
        time.sleep(0.05)
    return True


def _sustained(times: list[float]) -> float:
    at = sorted(times)
    lo, hi = int(len(at) * 0.05), len(at) - 1
    return (hi - lo) / (at[hi] - at[lo]) if hi > lo and at[hi] > at[lo] else 0.0


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def bench_pipeline(tmp: Path) -> None:
    window = int(os.environ.get("SEND_WINDOW", "12"))
    for i, ms in enumerate(LATENCIES_MS):
        base = 3_000_000 + i * 100_000
        db = tmp / f"pipe{ms}.db"
        _prepare_fanout(db, tmp, N_PIPELINE, base)
        with FakeTelegramServer(latency=ms / 1000) as server:
            limits = TelegramLimits().install(server.api)
            counts, times = _digest_counter(server, base, base + N_PIPELINE)
            proc = _start(db, server, tmp / f"pipe{ms}.log")
            try:
                _wait(lambda c=counts: len(c) >= N_PIPELINE, N_PIPELINE / 10 + 90, proc)  # type: ignore[misc]
                time.sleep(1.0)  # a repeat would show up here
            finally:
                _stop(proc)
        once = sum(1 for n in counts.values() if n == 1)
        print(f"pipeline at {ms:>3} ms round trip: {_sustained(times):.1f} msg/s sustained (goal ≥ 27), "
              f"{limits.rate_429()} × 429 (goal 0), {once}/{N_PIPELINE} subscribers exactly once, "
              f"{sum(counts.values()) - len(counts)} repeats, {N_PIPELINE - len(counts)} missing", flush=True)

    # the hard kill: SIGKILL mid-fan-out, then a restart
    ms = 80
    base = 3_900_000
    db = tmp / "kill.db"
    _prepare_fanout(db, tmp, N_PIPELINE, base)
    with FakeTelegramServer(latency=ms / 1000) as server:
        TelegramLimits().install(server.api)
        counts, _times = _digest_counter(server, base, base + N_PIPELINE)
        proc = _start(db, server, tmp / "kill.log")
        try:
            _wait(lambda: len(counts) >= N_PIPELINE // 3, N_PIPELINE / 10 + 90, proc)
        finally:
            proc.kill()
            proc.wait(timeout=10)
        at_kill = len(counts)
        check = open_store(f"sqlite:///{db}", migrate=False)
        with session_scope(check) as s:
            claimed = len(s.exec(select(Delivery.id).where(Delivery.status == "sending")).all())
            marked = len(s.exec(select(Delivery.id).where(Delivery.status == "sent")).all())
        check.dispose()
        proc = _start(db, server, tmp / "kill.log")
        try:
            _wait(lambda: len(counts) >= N_PIPELINE, N_PIPELINE / 10 + 90, proc)
            time.sleep(1.0)
        finally:
            _stop(proc)
    repeats = sum(n - 1 for n in counts.values())
    print(f"SIGKILL at {ms} ms mid-fan-out ({at_kill} delivered, {marked} marked sent, {claimed} claimed when "
          f"killed): after a restart {len(counts)}/{N_PIPELINE} delivered ({N_PIPELINE - len(counts)} lost, goal 0), "
          f"{repeats} sent twice (bound: the window, {window})", flush=True)


# ----------------------------------------------------------------------------------------------- 2. compose


def bench_compose(tmp: Path) -> None:
    engine = open_store(f"sqlite:///{tmp / 'compose.db'}")
    load_seeds(engine, PROJECT_ROOT / "seeds")
    made = utcnow()
    topics = [t.key for t in load_topics()] + CUSTOM
    _bulk_subscriptions(engine, N_COMPOSE, chat_base=2_000_000, due=made, covered=made - timedelta(days=1),
                        topics=topics)
    started = time.perf_counter()
    total = outbox.TickResult()
    cache = ArticleTextCache()
    while True:
        with session_scope(engine) as s:
            r = outbox.enqueue_due(s, utcnow(), render=digest_parts, limit=1000, text_cache=cache)
        total.add(r)
        if r.due < 1000:
            break
    elapsed = time.perf_counter() - started
    budget = total.messages / 30.0
    print(f"compose: {N_COMPOSE} subscriptions ({len(topics)} topics, seeds as news) → {total.digests} digests, "
          f"{total.messages} messages in {elapsed:.2f} s; their delivery at 30/s takes {budget:.0f} s → "
          f"{elapsed / budget * 100 if budget else 0:.1f}% (goal < 10%)")
    engine.dispose()


# ----------------------------------------------------------------------------------------------- 3. tick at scale


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _timed_tick(engine, now, cache) -> tuple[outbox.TickResult, float, float]:  # type: ignore[no-untyped-def]
    """One full tick (batches of 1000 until nobody is due): seconds and the growth of the process RSS."""
    rss = _rss_mb()
    started = time.perf_counter()
    total = outbox.TickResult()
    while True:
        with session_scope(engine) as s:
            r = outbox.enqueue_due(s, now, render=digest_parts, limit=1000, text_cache=cache)
        total.add(r)
        if r.due < 1000:
            break
    return total, time.perf_counter() - started, _rss_mb() - rss


def bench_tick(tmp: Path) -> None:
    engine = open_store(f"sqlite:///{tmp / 'tick.db'}")
    t0 = utcnow()
    due = t0 + timedelta(seconds=30)
    topics = [t.key for t in load_topics()] + CUSTOM
    started = time.perf_counter()
    _bulk_subscriptions(engine, N_TICK, chat_base=10_000_000, due=due, covered=t0 - timedelta(days=1), topics=topics)
    print(f"tick: {N_TICK} subscriptions inserted in {time.perf_counter() - started:.1f} s")
    cache = ArticleTextCache()
    r, secs, mb = _timed_tick(engine, t0, cache)
    print(f"tick, nobody due: {secs * 1000:.1f} ms, RSS +{mb:.1f} MB (process RSS {_rss_mb():.0f} MB)")
    r, secs, mb = _timed_tick(engine, due, cache)
    print(f"tick, all {r.due} due, nothing new: {secs:.2f} s ({r.due / secs:.0f} subscriptions/s), RSS +{mb:.1f} MB")
    _ingest_new(engine, tmp)
    with engine.begin() as conn:  # due again now, the new bulletin inside everybody's window
        conn.exec_driver_sql("UPDATE article SET created_at = datetime('now', '+1 minutes')")
        conn.execute(Subscription.__table__.update().values(next_due_at=due))  # type: ignore[attr-defined]
    r, secs, mb = _timed_tick(engine, due + timedelta(minutes=2), cache)
    with session_scope(engine) as s:
        rows = len(s.exec(select(Delivery.id)).all())
    print(f"tick, all {r.due} due, new bulletin: {r.digests} digests → {rows} outbox rows in {secs:.2f} s, "
          f"RSS +{mb:.1f} MB; process RSS {_rss_mb():.0f} MB (one repeating job, no per-subscriber jobs)")
    engine.dispose()


def run() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        parts = [bench_pipeline, bench_compose, bench_tick, bench_live]
        only = os.environ.get("BENCH_DELIVERY_ONLY", "")
        for part in [p for p in parts if not only or only in p.__name__]:
            started = time.perf_counter()
            part(tmp)
            print(f"  ({part.__name__}: {time.perf_counter() - started:.1f} s)", flush=True)


if __name__ == "__main__":
    run()
