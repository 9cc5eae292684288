"""jieba behind one interface: an own `Tokenizer` instance with the user dictionary from seeds/."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path

import jieba

from bot.config import PROJECT_ROOT

USER_DICT = PROJECT_ROOT / "seeds" / "userdict.txt"

jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()


@lru_cache(maxsize=1)
def tokenizer(user_dict: Path = USER_DICT) -> jieba.Tokenizer:
    """The shared segmenter, initialised once (thread-safe) with the project's user dictionary."""
    with _lock:
        tok = jieba.Tokenizer()
        tok.initialize()
        if user_dict.exists():
            tok.load_userdict(str(user_dict))
        return tok


def cut(text: str) -> list[str]:
    """Precise-mode tokens, whitespace dropped."""
    return [t for t in tokenizer().lcut(text) if t.strip()]


def cut_for_search(text: str) -> list[str]:
    """Search-mode tokens (long words also yield their sub-words), whitespace dropped."""
    return [t for t in tokenizer().lcut_for_search(text) if t.strip()]
