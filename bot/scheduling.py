"""The periodic tick and the delivery worker wired to PTB's JobQueue (STUB — to be implemented).

Contract used by bot/app.py:
    setup(application) -> None        # called from post_init: schedule the tick, start the sender
    shutdown(application) -> None     # awaited from post_shutdown: finish the message in flight
"""

from __future__ import annotations

from typing import Any


def setup(application: Any) -> None:
    return None


async def shutdown(application: Any) -> None:
    return None
