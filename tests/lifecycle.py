"""Drive a PTB Application by hand the way `run_polling` does, lifecycle hooks included (PTB calls post_init,
post_stop and post_shutdown only from run_polling / run_webhook)."""

from __future__ import annotations

from typing import Any


async def start(app: Any) -> None:
    """initialize → post_init (command menus, the sender, the tick job) → start."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    await app.start()


async def stop(app: Any) -> None:
    """stop → post_stop (the sender stops gracefully) → shutdown → post_shutdown."""
    await app.stop()
    if app.post_stop is not None:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)
