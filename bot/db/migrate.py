"""Apply Alembic migrations programmatically (run, ingest and tests all call this)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from bot.config import PROJECT_ROOT
from bot.db.locks import advisory_lock

#: migrations run under this lock: processes starting together on an empty database take turns (the second finds
#: the schema at head and does nothing)
MIGRATE_LOCK = "dongtai:migrate"


def alembic_config(url: str) -> Config:
    """PROJECT_ROOT is the checkout, or `bot/_data` in an installed wheel (see bot.config)."""
    ini = PROJECT_ROOT / "alembic.ini"
    cfg = Config(str(ini)) if ini.is_file() else Config()
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with advisory_lock(engine, MIGRATE_LOCK), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
