"""Outgoing rate limiting (STUB — to be replaced by a two-lane limiter). Contract used by bot/app.py:

    build_rate_limiter(settings) -> telegram.ext.BaseRateLimiter
"""

from __future__ import annotations

from telegram.ext import AIORateLimiter

from bot.config import Settings


def build_rate_limiter(settings: Settings) -> AIORateLimiter:
    return AIORateLimiter(max_retries=5)
