"""Settings from the environment and an optional `.env` (pydantic-settings). Nothing is read at import time."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_SOURCE_ROOT = Path(__file__).resolve().parent.parent
#: seeds/, migrations/ and alembic.ini as a wheel carries them (setup.py copies them in at build time)
_PACKAGED_DATA = Path(__file__).resolve().parent / "_data"
#: where seeds/, migrations/ and alembic.ini live: inside the package when installed from a wheel (`pip install .`),
#: else the source checkout (editable install, clone)
PROJECT_ROOT = _PACKAGED_DATA if (_PACKAGED_DATA / "migrations").is_dir() else _SOURCE_ROOT
#: SQLite file: under the checkout for a clone; relative to the working directory for an installed wheel
DEFAULT_DB_PATH = (_SOURCE_ROOT / "data" if PROJECT_ROOT == _SOURCE_ROOT else Path("data")) / "dongtai.db"

#: Telegram's bot download cap; larger bulletins are refused before reading.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024

_PLACEHOLDER_TOKENS = {"", "changeme", "change-me", "your-token-here", "123456:ABC-DEF"}


class Settings(BaseSettings):
    """Every option is documented with its default in `.env.example`."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = f"sqlite:///{DEFAULT_DB_PATH}"
    telegram_bot_token: str = ""
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    admin_ids: str = ""
    bot_timezone: str = "Asia/Shanghai"
    webhook_url: str = ""
    webhook_secret: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    load_seeds: bool = True
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    #: uploads waiting for an admin's confirm (file + meta.json per upload; expire after a day)
    pending_uploads_dir: Path = PROJECT_ROOT / "data" / "pending"
    log_level: str = "INFO"
    #: seconds between scheduler ticks (the tick decides which digests are due)
    tick_seconds: float = 60.0
    #: overall messages per second to Telegram and per-chat spacing
    send_rate_per_second: float = 30.0
    #: digest messages in flight at once (claimed, on the wire or being marked sent); a hard kill can repeat at most
    #: this many
    send_window: int = 12
    #: how long a sender's claim on an outbox row lasts without renewal (another process takes it over after that)
    send_lease_seconds: float = 30.0
    #: jieba worker processes for large bulletins: -1 = automatic (CPU cores, at most 4), 0 = in-process
    dongtai_segment_workers: int = -1

    @field_validator("bot_timezone")
    @classmethod
    def _valid_tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"BOT_TIMEZONE {value!r} is not a known time zone") from exc
        return value

    @field_validator("admin_ids")
    @classmethod
    def _valid_admins(cls, value: str) -> str:
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if part and not part.lstrip("-").isdigit():
                raise ValueError(f"ADMIN_IDS must be comma-separated numeric Telegram user ids, got {part!r}")
        return value

    @property
    def admin_id_set(self) -> frozenset[int]:
        return frozenset(int(p) for p in self.admin_ids.replace(";", ",").split(",") if p.strip())

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.bot_timezone)

    @property
    def has_real_token(self) -> bool:
        return self.telegram_bot_token.strip() not in _PLACEHOLDER_TOKENS and ":" in self.telegram_bot_token

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
