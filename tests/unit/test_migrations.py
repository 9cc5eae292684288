"""Alembic owns the schema: upgrade, downgrade and upgrade again on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect

from bot.db.engine import make_engine
from bot.db.migrate import downgrade, upgrade

TABLES = {"bulletin", "article", "figure", "article_search", "chat", "user_pref", "subscription", "delivery",
          "heartbeat", "watch"}


def test_upgrade_downgrade_roundtrip(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    assert TABLES <= set(inspect(engine).get_table_names())
    downgrade(engine, "base")
    assert not TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    names = set(inspect(engine).get_table_names())
    assert TABLES <= names
    if engine.dialect.name == "sqlite":
        assert "article_fts" in names
    else:
        cols = {c["name"] for c in inspect(engine).get_columns("article_search")}
        assert "tsv" in cols
    engine.dispose()


def test_models_match_migrations(sqlite_url: str) -> None:
    """Autogenerate against the migrated schema finds nothing to add: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import bot.db.models  # noqa: F401

    engine = make_engine(sqlite_url)
    upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [d for d in compare_metadata(ctx, SQLModel.metadata) if "fts" not in str(d)]
    assert diff == []
    engine.dispose()
