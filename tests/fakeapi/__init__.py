"""A fake Telegram Bot API for tests (Telegram's servers are faked at the HTTP layer only; the PTB code is real).

* `FakeBotAPI` (core.py): state + method semantics + recorded `Call`s + hooks (middlewares, responders, on_call,
  `blocked` chats → 403, `migrated` chats → 400 migrate_to_chat_id, `chat_admins`).
* `RecordingRequest` (recording.py): a PTB `BaseRequest` answering in process from a `FakeBotAPI`.
* `FakeTelegramServer` (server.py): the same API over HTTP on 127.0.0.1 for subprocess tests.
* `Updates` (updates.py): builders for message / command / document / callback / inline update JSON.
"""

from tests.fakeapi.core import TOKEN, Call, FakeBotAPI, Reply
from tests.fakeapi.recording import RecordingRequest
from tests.fakeapi.server import FakeTelegramServer
from tests.fakeapi.updates import Updates

__all__ = ["TOKEN", "Call", "FakeBotAPI", "FakeTelegramServer", "RecordingRequest", "Reply", "Updates"]
