"""Subscriptions and digests (/subscribe, /unsubscribe, /subscriptions, /digest). PLACEHOLDER owned by engineer E:
replace this module; `handlers.register` calls `subscriptions.register(app)` and adds `COMMANDS` to the menus."""

from __future__ import annotations

from typing import Any

#: (command, N_(English description)) pairs added to the command menus by handlers.commands()
COMMANDS: list[tuple[str, str]] = []


def register(app: Any) -> None:
    """Add the subscription handlers to `app` (none yet)."""
    return None
