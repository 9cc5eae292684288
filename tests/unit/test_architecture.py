"""The layering in CONVENTIONS.md, enforced on the AST: services never import telegram; only the composition
root imports handlers; the db layer depends on nothing above it; handlers and rendering never touch the store."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(sub: str) -> list[Path]:
    return sorted((ROOT / sub).rglob("*.py"))  # [] for a folder that does not exist (yet)


def test_services_do_not_import_telegram_or_handlers() -> None:
    offenders = {
        str(p.relative_to(ROOT)): sorted(n for n in _imports(p) if n.split(".")[0] in {"telegram", "handlers"})
        for p in _files("bot/services") + _files("bot/text") + _files("bot/db")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_composition_root_imports_handlers() -> None:
    allowed = {"bot/app.py", "bot/__main__.py"}
    offenders = [
        str(p.relative_to(ROOT))
        for p in _files("bot")
        if any(n == "handlers" or n.startswith("handlers.") for n in _imports(p))
        and str(p.relative_to(ROOT)) not in allowed
    ]
    assert offenders == []


def test_db_layer_depends_only_on_sqlmodel_and_config() -> None:
    # third-party: only the storage stack; the standard library is fine (locks need fcntl and zlib)
    ok_roots = {"sqlmodel", "sqlalchemy", "alembic", "bot", *sys.stdlib_module_names}
    for p in _files("bot/db"):
        for name in _imports(p):
            assert name.split(".")[0] in ok_roots, f"{p}: {name}"
            if name.startswith("bot."):
                assert name.startswith(("bot.db", "bot.config")), f"{p}: {name}"


def test_services_depend_only_on_db_text_and_errors() -> None:
    for p in _files("bot/services"):
        for name in _imports(p):
            if name.startswith("bot."):
                assert name.startswith(("bot.db", "bot.text", "bot.services", "bot.errors", "bot.config")), (
                    f"{p}: {name}"
                )


def test_handlers_and_render_do_not_touch_the_store() -> None:
    """Handlers call services (which own every query and row written); rendering (bot/render/**) is data in, text
    out."""
    render = _files("bot/render")
    assert ROOT / "bot" / "render" / "figures.py" in render  # the check below must not pass on an empty folder
    assert sorted((ROOT / "bot").glob("render*.py")) == []  # every renderer lives in the package
    forbidden = {"sqlmodel", "sqlalchemy"}
    offenders = {
        str(p.relative_to(ROOT)): sorted(n for n in _imports(p)
                                         if n.split(".")[0] in forbidden or n == "bot.db" or n.startswith("bot.db."))
        for p in _files("handlers") + render
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_render_never_reads_attributes_by_name() -> None:
    """Renderers take typed data (dataclasses, Protocols): no `getattr` and no `Any` in bot/render/**."""
    for p in _files("bot/render"):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert not names & {"getattr", "hasattr", "Any"}, p
