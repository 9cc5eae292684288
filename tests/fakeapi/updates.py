"""Builders for Bot API update JSON (what Telegram would send the bot). They return plain dicts; push them to a
`FakeTelegramServer` (`server.push_update`) or turn them into `telegram.Update.de_json(d, bot)` for
`application.process_update`.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.fakeapi.core import Call, FakeBotAPI, chat_json, user_json

_callback_ids = itertools.count(1)
_inline_ids = itertools.count(1)

MIME = {
    "txt": "text/plain",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class Updates:
    """Update builders bound to one fake API (message ids per chat, file registry, update ids)."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    def _wrap(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        return {"update_id": self.api.next_id(), kind: payload}

    def _message(self, *, user_id: int, chat_id: int | None, language_code: str | None,
                 chat_title: str = "Test group", **extra: Any) -> dict[str, Any]:
        chat = chat_id if chat_id is not None else user_id
        msg: dict[str, Any] = {
            "message_id": self.api.allocate_message_id(chat),
            "date": int(time.time()),
            "chat": chat_json(chat, title=chat_title),
            "from": user_json(user_id, language_code=language_code),
        }
        msg.update(extra)
        return msg

    def text(self, text: str, *, user_id: int = 1001, chat_id: int | None = None,
             language_code: str | None = "zh-hans") -> dict[str, Any]:
        """A text message; a leading `/command` gets its `bot_command` entity like Telegram sets it."""
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0]) if text.split() else 1
            extra["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._wrap("message", self._message(user_id=user_id, chat_id=chat_id, language_code=language_code,
                                                   **extra))

    command = text  # `/metric 网上零售额` reads better as updates.command(...)

    def document(self, content: bytes, *, file_name: str = "bulletin.txt", user_id: int = 1001,
                 chat_id: int | None = None, language_code: str | None = "zh-hans", file_size: int | None = None,
                 mime_type: str | None = None, caption: str | None = None) -> dict[str, Any]:
        """A document message; the file is registered in the fake so getFile + download return `content`.
        `file_size` may claim a size larger than `content` (to test size limits without allocating)."""
        stored = self.api.add_file(content, file_name=file_name, file_size=file_size)
        ext = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
        doc = {
            "file_id": stored.file_id, "file_unique_id": stored.file_unique_id, "file_name": file_name,
            "mime_type": mime_type or MIME.get(ext, "application/octet-stream"), "file_size": stored.file_size,
        }
        extra: dict[str, Any] = {"document": doc}
        if caption:
            extra["caption"] = caption
        return self._wrap("message", self._message(user_id=user_id, chat_id=chat_id, language_code=language_code,
                                                   **extra))

    def callback(self, data: str, *, message: Call | dict[str, Any] | None = None, user_id: int = 1001,
                 chat_id: int | None = None, language_code: str | None = "zh-hans") -> dict[str, Any]:
        """A button press. `message` is the bot's message carrying the button: a recorded sendMessage `Call`, or
        its result dict; default a fresh message in the user's chat."""
        if isinstance(message, Call):
            msg = dict(message.response.get("result") or {})
        elif isinstance(message, dict):
            msg = dict(message)
        else:
            chat = chat_id if chat_id is not None else user_id
            msg = {"message_id": self.api.allocate_message_id(chat), "date": int(time.time()),
                   "chat": chat_json(chat), "from": self.api.bot_user, "text": "…"}
        payload = {
            "id": f"cbq{next(_callback_ids)}", "from": user_json(user_id, language_code=language_code),
            "chat_instance": f"ci{msg['chat']['id']}", "data": data, "message": msg,
        }
        return self._wrap("callback_query", payload)

    def inline(self, query: str, *, user_id: int = 1001, language_code: str | None = "zh-hans",
               offset: str = "") -> dict[str, Any]:
        payload = {"id": f"iq{next(_inline_ids)}", "from": user_json(user_id, language_code=language_code),
                   "query": query, "offset": offset, "chat_type": "private"}
        return self._wrap("inline_query", payload)
