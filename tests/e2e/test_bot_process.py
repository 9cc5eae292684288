"""End to end: `python -m bot run` as a subprocess against the fake Bot API HTTP server (long polling, real HTTP,
real store with a seed loaded), then SIGTERM → clean exit."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fakeapi import FakeTelegramServer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ADMIN = 777
USER = 42
OTHER = 43


def _env(tmp_path: Path, server: FakeTelegramServer | None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_", "ADMIN_"))}
    env.update({
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}", "ADMIN_IDS": str(ADMIN), "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1", "PENDING_UPLOADS_DIR": str(tmp_path / "pending"),
    })
    if server is not None:
        env.update(server.env())
    env.update(extra)
    return env


def _log(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def test_bot_process_end_to_end(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(sorted(SEEDS.glob("000_*.txt"))[0], seeds)
    upload = sorted(SEEDS.glob("003_*.txt"))[0].read_bytes()
    log_path = tmp_path / "bot.log"
    with FakeTelegramServer() as server, log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env=_env(tmp_path, server, SEEDS_DIR=str(seeds), LOAD_SEEDS="true"),
        )
        try:
            # start-up: getMe, menus, then long polling
            server.wait_until_polling(timeout=60)
            assert server.calls_to("getMe") and server.calls_to("setMyCommands")
            assert server.calls_to("deleteWebhook")  # PTB's polling bootstrap
            start_line = next(line for line in _log(log_path).splitlines() if "starting" in line)
            assert "Dongtai 0.1.0 starting (long polling)" in start_line and "sqlite:///" in start_line
            assert "articles" in start_line and "figures" in start_line

            # /start → welcome with buttons
            server.push(server.updates.command("/start", user_id=USER, language_code="zh-hans"))
            welcome = server.wait_for_text("欢迎", chat_id=USER, timeout=15)
            assert welcome.params["parse_mode"] == "HTML" and "跨境电商" in welcome.button_texts

            # /metric → an answer about that metric (figures or a polite not-found)
            mark = server.mark()
            server.push(server.updates.command("/metric 网上零售额", user_id=USER))
            answer = server.wait_for_text("网上零售额", chat_id=USER, timeout=15, after=mark)
            assert answer.method == "sendMessage"
            assert server.wait_for_method("sendChatAction", after=mark)

            # a callback button: the example lookup on the welcome message
            mark = server.mark()
            server.push(server.updates.callback(welcome.button("网上零售额")["callback_data"], message=welcome,
                                                user_id=USER))
            server.wait_for_method("answerCallbackQuery", timeout=15, after=mark)
            edit = server.wait_for(lambda c: c.method == "editMessageText" and c.ok, timeout=15, after=mark)[-1]
            assert edit.params["message_id"] == welcome.response["result"]["message_id"]

            # an admin uploads a bulletin (its name in the caption): typing, getFile + download, a preview with
            # buttons; nothing is stored until Confirm, then a summary
            server.push(server.updates.document(upload, file_name="bulletin3.txt", user_id=ADMIN,
                                                caption="《中国贸易报》"))
            preview = server.wait_for_text("预览", chat_id=ADMIN, timeout=30)
            assert "名称：中国贸易报（由你设置）" in preview.text and server.calls_to("getFile")
            ask = server.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == ADMIN and bool(c.buttons),
                                  timeout=15)[-1]
            server.push(server.updates.callback(ask.button("确认")["callback_data"], message=ask, user_id=ADMIN))
            summary = server.wait_for_text("已添加“bulletin3.txt”", chat_id=ADMIN, timeout=30)
            assert "文章" in summary.text and "数据" in summary.text

            # anyone else: refused, nothing stored
            files_before = len(server.calls_to("getFile"))
            server.push(server.updates.document(upload, file_name="again.txt", user_id=OTHER))
            server.wait_for_text("只有机器人管理员", chat_id=OTHER, timeout=15)
            assert len(server.calls_to("getFile")) == files_before

            # /stats shows the upload (2 bulletins: the seed and the upload)
            mark = server.mark()
            server.push(server.updates.command("/stats", user_id=ADMIN))
            stats = server.wait_for_text("简报", chat_id=ADMIN, timeout=15, after=mark)
            assert "简报: 2" in stats.text
            server.wait_until_consumed(timeout=10)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise
    output = _log(log_path)
    assert code == 0, output[-3000:]
    assert "Dongtai stopped" in output
    assert "Traceback" not in output, output[-3000:]


@pytest.mark.parametrize("token", ["", "changeme", "no-colon-token"])
def test_run_without_a_token_prints_one_line_and_exits(tmp_path: Path, token: str) -> None:
    done = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, capture_output=True, text=True,
                          env={**_env(tmp_path, None), "TELEGRAM_BOT_TOKEN": token, "PYTHONPATH": str(ROOT)},
                          timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "@BotFather" in lines[0]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_webhook_mode(tmp_path: Path) -> None:
    import json
    import urllib.error
    import urllib.request

    port = _free_port()
    hook = f"http://127.0.0.1:{port}/tg-hook"
    log_path = tmp_path / "bot.log"
    with FakeTelegramServer() as server, log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env=_env(tmp_path, server, LOAD_SEEDS="false", WEBHOOK_URL=hook, WEBHOOK_SECRET="s3cret",
                     WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port)),
        )
        try:
            [set_hook] = server.wait_for_method("setWebhook", timeout=60)
            assert set_hook.params["url"] == hook and set_hook.params["secret_token"] == "s3cret"

            def post(update: dict, secret: str) -> int:
                req = urllib.request.Request(hook, data=json.dumps(update).encode(), method="POST", headers={
                    "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret})
                for _ in range(50):  # the listener may come up a moment after setWebhook
                    try:
                        with urllib.request.urlopen(req, timeout=5) as resp:
                            return int(resp.status)
                    except urllib.error.HTTPError as exc:
                        return int(exc.code)
                    except OSError:
                        time.sleep(0.1)
                raise AssertionError("webhook listener not reachable")

            assert post(server.updates.command("/start", user_id=USER), "wrong") == 403
            assert post(server.updates.command("/start", user_id=USER), "s3cret") == 200
            server.wait_for_text("欢迎", chat_id=USER, timeout=15)
            assert not server.calls_to("getUpdates")
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                code = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                raise
    output = _log(log_path)
    assert code == 0, output[-3000:]
    assert "starting (webhook " + hook in output and "Traceback" not in output


def test_rejected_token_is_one_clear_line(tmp_path: Path) -> None:
    with FakeTelegramServer() as server:
        env = _env(tmp_path, server, TELEGRAM_BOT_TOKEN="999:WRONG", LOAD_SEEDS="false")
        proc = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("TELEGRAM_BOT_TOKEN was rejected by the Bot API")


def test_unreachable_bot_api_is_one_clear_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = _env(tmp_path, None, TELEGRAM_BOT_TOKEN="123:TEST", LOAD_SEEDS="false",
               TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{port}/bot",
               TELEGRAM_API_FILE_URL=f"http://127.0.0.1:{port}/file/bot")
    proc = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith(f"cannot reach the Telegram Bot API at http://127.0.0.1:{port}/bot")
