"""Settings: defaults, validation, and `run` refusing to start without a token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import PROJECT_ROOT, Settings


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for var in ("DATABASE_URL", "TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "BOT_TIMEZONE"):
        monkeypatch.delenv(var, raising=False)
    s = Settings()
    assert s.database_url == f"sqlite:///{PROJECT_ROOT / 'data' / 'dongtai.db'}"
    assert s.bot_timezone == "Asia/Shanghai"
    assert s.admin_id_set == frozenset()
    assert s.telegram_api_base_url == "https://api.telegram.org/bot"
    assert not s.has_real_token
    assert s.max_upload_bytes == 20 * 1024 * 1024


def test_admin_ids_and_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "42, 1001;-7")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:ABCdef")
    s = Settings()
    assert s.admin_id_set == frozenset({42, 1001, -7})
    assert s.has_real_token


@pytest.mark.parametrize(("var", "value"), [("ADMIN_IDS", "alice"), ("BOT_TIMEZONE", "Mars/Olympus")])
def test_invalid_values_are_refused(monkeypatch: pytest.MonkeyPatch, var: str, value: str) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ValidationError):
        Settings()


def test_env_example_documents_every_setting() -> None:
    documented = {
        line.split("=", 1)[0].strip()
        for line in (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    assert {name.upper() for name in Settings.model_fields} <= documented


def _run_cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_run_without_token_exits_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.db'}"
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    proc = _run_cli("run", env=env, cwd=tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "TELEGRAM_BOT_TOKEN" in lines[0] and "BotFather" in lines[0]


def test_bad_configuration_is_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, BOT_TIMEZONE="Nowhere/City", PYTHONPATH=str(PROJECT_ROOT))
    proc = _run_cli("stats", env=env, cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Nowhere/City" in proc.stderr
