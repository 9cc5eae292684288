"""The README documents every Makefile target and every command the bot registers (issue 11 item 8)."""

from __future__ import annotations

import re
from pathlib import Path

import handlers

ROOT = Path(__file__).resolve().parents[2]


def test_every_makefile_target_is_in_the_readme() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z][a-z0-9_-]*):.*?## ", makefile, flags=re.MULTILINE)
    assert len(targets) >= 10
    missing = [t for t in targets if f"make {t}" not in readme and f"`{t}`" not in readme]
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _ in handlers.admin_commands() if f"/{name}" not in readme]
    assert missing == []
    assert "/setinline" in readme and "ADMIN_IDS" in readme and "make seed" in readme
