"""One poller per bot: a second `python -m bot run` on the same database is refused at start with one line (the
first keeps answering); a poller elsewhere with the same token (Telegram answers the bot's long poll with 409
Conflict — the fake Bot API server does the same) stops the bot with one clear line, no traceback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.e2e.test_bot_process import ROOT, USER, _env, _log
from tests.fakeapi import FakeTelegramServer


def _start(tmp_path: Path, server: FakeTelegramServer, name: str) -> tuple[subprocess.Popen[bytes], Path]:
    log_path = tmp_path / f"{name}.log"
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=ROOT, stdout=log_path.open("wb"),
                            stderr=subprocess.STDOUT, env=_env(tmp_path, server, LOAD_SEEDS="false"))
    return proc, log_path


def _sigterm(proc: subprocess.Popen[bytes]) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise


def test_second_poller_on_the_same_database_is_refused(tmp_path: Path) -> None:
    with FakeTelegramServer() as server:
        first, first_log = _start(tmp_path, server, "first")
        try:
            server.wait_until_polling(timeout=60)
            polls = len(server.calls_to("getUpdates"))
            second, second_log = _start(tmp_path, server, "second")
            code = second.wait(timeout=60)
            output = _log(second_log)
            assert code == 4, output[-2000:]
            assert "Traceback" not in output
            assert output.strip().splitlines()[-1].startswith(
                "another Dongtai process is already polling Telegram with this database")
            # the second never polled (the first was not disturbed) and the first still answers
            assert not any(c.status == 409 for c in server.calls_to("getUpdates"))
            mark = server.mark()
            server.push(server.updates.command("/start", user_id=USER, language_code="zh-hans"))
            server.wait_for_text("欢迎", chat_id=USER, timeout=15, after=mark)
            assert len(server.calls_to("getUpdates")) >= polls
        finally:
            assert _sigterm(first) == 0, _log(first_log)[-2000:]


def test_409_conflict_from_telegram_stops_the_bot_with_one_line(tmp_path: Path) -> None:
    with FakeTelegramServer() as server:
        proc, log_path = _start(tmp_path, server, "bot")
        try:
            server.wait_until_polling(timeout=60)
            # someone else polls with the same token: Telegram ends the bot's long poll with 409 Conflict
            with urllib.request.urlopen(f"{server.base_url}{server.token}/getUpdates?timeout=0", timeout=10) as resp:
                assert json.loads(resp.read())["ok"] is True
            code = proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
        output = _log(log_path)
        assert any(c.status == 409 for c in server.calls_to("getUpdates"))
    assert code == 4, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    assert output.strip().splitlines()[-1].startswith("Telegram refused polling (409 Conflict)")
