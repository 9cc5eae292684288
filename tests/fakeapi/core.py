"""The fake Telegram Bot API: state and method semantics, shared by the in-process `RecordingRequest` and the
HTTP `FakeTelegramServer`. Thread-safe (the HTTP server answers from worker threads).

Every call is recorded as a `Call` (method, decoded params, uploaded files, HTTP status, the JSON answered).

Extension points (for Telegram-like behaviour; see `FakeBotAPI.handle` for the order they run in):

* `middlewares`: callables `(api, call) -> Reply | None`, run in order before the method itself. The first that
  returns a `Reply` answers the call. Built in: `blocked_middleware` (403 for chats in `api.blocked`) and
  `migration_middleware` (400 + `migrate_to_chat_id` for chats in `api.migrated`). Add rate limiting (429 with
  `retry_after`) here.
* `responders`: `{method_name: callable(api, call) -> Reply | None}` replacing (or, returning None, falling back
  to) the default behaviour of one method.
* `on_call`: callables `(api, call)` notified after every call is answered (e.g. to count sends per second).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

TOKEN = "123:TEST"
BOT_ID = 123
BOT_USERNAME = "dongtai_test_bot"

#: parameters whose value is always a string (never JSON-decoded even if it looks like a number)
TEXT_PARAMS = frozenset(
    {
        "text", "caption", "query", "callback_query_id", "inline_query_id", "file_id", "parse_mode", "action",
        "next_offset", "url", "secret_token", "language_code", "description", "short_description", "name",
        "switch_pm_text", "switch_pm_parameter", "emoji", "title",
    }
)

#: methods that deliver something to a chat (subject to blocked / migrated checks)
SEND_METHODS = frozenset(
    {
        "sendMessage", "sendDocument", "sendPhoto", "sendChatAction", "sendMediaGroup", "sendSticker",
        "sendAnimation", "sendVideo", "sendAudio", "sendVoice", "sendLocation", "sendPoll", "copyMessage",
        "forwardMessage", "editMessageText", "editMessageReplyMarkup", "editMessageCaption",
    }
)


@dataclass
class Reply:
    """What the fake answers: HTTP status and the JSON body (`{"ok": ..., "result"|"description": ...}`)."""

    status: int
    body: dict[str, Any]

    @classmethod
    def ok(cls, result: Any) -> Reply:
        return cls(200, {"ok": True, "result": result})

    @classmethod
    def error(cls, status: int, description: str, **parameters: Any) -> Reply:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        return cls(status, body)

    def payload(self) -> bytes:
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class Call:
    """One Bot API request as the fake saw it. `status` is 0 while the call is in flight (a long poll)."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)
    status: int = 0
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def chat_id(self) -> Any:
        return self.params.get("chat_id")

    @property
    def text(self) -> str | None:
        return self.params.get("text")

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        """The inline keyboard sent with the call (rows of button dicts), [] if none."""
        markup = self.params.get("reply_markup") or {}
        return list(markup.get("inline_keyboard") or [])

    @property
    def button_texts(self) -> list[str]:
        return [b.get("text", "") for row in self.buttons for b in row]

    def button(self, text_contains: str) -> dict[str, Any]:
        for row in self.buttons:
            for b in row:
                if text_contains in b.get("text", "") or text_contains == b.get("callback_data"):
                    return b
        raise KeyError(f"no button matching {text_contains!r} in {self.button_texts}")


Middleware = Callable[["FakeBotAPI", Call], Reply | None]
Responder = Callable[["FakeBotAPI", Call], Reply | None]


def decode_params(raw: dict[str, Any]) -> dict[str, Any]:
    """Bot API parameters arrive as strings (form fields; objects JSON-encoded). Decode them like Telegram does."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and key not in TEXT_PARAMS:
            try:
                value = json.loads(value)
            except ValueError:
                pass
        out[key] = value
    return out


def blocked_middleware(api: FakeBotAPI, call: Call) -> Reply | None:
    chat = call.params.get("chat_id")
    if call.method in SEND_METHODS and chat is not None and _as_int(chat) in api.blocked:
        if _as_int(chat) > 0:
            return Reply.error(403, "Forbidden: bot was blocked by the user")
        return Reply.error(403, "Forbidden: bot was kicked from the group chat")
    return None


def migration_middleware(api: FakeBotAPI, call: Call) -> Reply | None:
    chat = call.params.get("chat_id")
    if call.method in SEND_METHODS and chat is not None and _as_int(chat) in api.migrated:
        return Reply.error(
            400, "Bad Request: group chat was upgraded to a supergroup chat",
            migrate_to_chat_id=api.migrated[_as_int(chat)],
        )
    return None


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def chat_json(chat_id: int, *, title: str = "Test group") -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "type": kind, "title": title}


def user_json(user_id: int, *, language_code: str | None = None, first_name: str | None = None) -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name or f"User{user_id}"}
    if language_code:
        user["language_code"] = language_code
    return user


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    content: bytes
    file_size: int


class FakeBotAPI:
    """State and behaviour of the fake Bot API. Use via `RecordingRequest` (in process) or `FakeTelegramServer`."""

    #: Telegram refuses getFile for files above 20 MB
    MAX_DOWNLOAD = 20 * 1024 * 1024

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.bot_id = int(token.split(":")[0]) if token.split(":")[0].isdigit() else BOT_ID
        self.bot_user = {
            "id": self.bot_id, "is_bot": True, "first_name": "Dongtai", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True,
        }
        self.cond = threading.Condition()
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []  # pending (unconfirmed) updates, ascending update_id
        self.next_update_id = 1
        self.message_ids: dict[int, int] = {}
        #: (chat id, message id) -> (text, reply_markup) of the bot's messages, for "message is not modified"
        self.message_texts: dict[tuple[int, int], tuple[str, Any]] = {}
        self.files: dict[str, StoredFile] = {}
        self.blocked: set[int] = set()
        self.migrated: dict[int, int] = {}
        #: chat id -> user ids that are administrators there (getChatMember / getChatAdministrators)
        self.chat_admins: dict[int, set[int]] = {}
        #: channels (and public groups) by id: getChat answers with them, also by "@username"
        self.channels: dict[int, dict[str, Any]] = {}
        #: chat id -> its owner (status "creator" in getChatMember)
        self.chat_owners: dict[int, int] = {}
        #: chat id -> administrators who may post (channels: can_post_messages)
        self.chat_posters: dict[int, set[int]] = {}
        self.middlewares: list[Middleware] = [blocked_middleware, migration_middleware]
        self.responders: dict[str, Responder] = {}
        self.on_call: list[Callable[[FakeBotAPI, Call], None]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.closed = False
        #: getUpdates long polls in flight; like Telegram, a new one ends the older ones with 409 Conflict
        self._polls: list[Call] = []
        self._terminated: set[int] = set()

    # ------------------------------------------------------------------ updates (for tests to push)
    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update (as JSON) for getUpdates; assigns `update_id` when missing. Returns the update."""
        with self.cond:
            if "update_id" not in update:
                update = {"update_id": self.next_update_id, **update}
            self.next_update_id = max(self.next_update_id, int(update["update_id"]) + 1)
            self.updates.append(update)
            self.cond.notify_all()
        return update

    def next_id(self) -> int:
        with self.cond:
            uid = self.next_update_id
            self.next_update_id += 1
            return uid

    def pending_updates(self) -> int:
        with self.cond:
            return len(self.updates)

    # ------------------------------------------------------------------ files
    def add_file(self, content: bytes, *, file_name: str = "file.txt", file_size: int | None = None) -> StoredFile:
        """Register a file the bot can getFile + download. `file_size` may claim more than `content` holds."""
        with self.cond:
            n = len(self.files) + 1
            ext = file_name.rsplit(".", 1)[-1] if "." in file_name else "bin"
            stored = StoredFile(
                file_id=f"BQACAgFAKE{n:04d}", file_unique_id=f"AgADFAKE{n:04d}",
                file_path=f"documents/file_{n}.{ext}", content=content,
                file_size=len(content) if file_size is None else file_size,
            )
            self.files[stored.file_id] = stored
            return stored

    def file_content(self, file_path: str) -> bytes | None:
        with self.cond:
            for f in self.files.values():
                if f.file_path == file_path:
                    return f.content
        return None

    # ------------------------------------------------------------------ inspection
    def calls_to(self, method: str) -> list[Call]:
        """Answered calls to `method`."""
        with self.cond:
            return [c for c in self.calls if c.method == method and c.status]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        """sendMessage / editMessageText calls that Telegram accepted, optionally to one chat."""
        with self.cond:
            return [
                c for c in self.calls
                if c.method in ("sendMessage", "editMessageText") and c.ok
                and (chat_id is None or _as_int(c.chat_id) == chat_id)
            ]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [c.text or "" for c in self.sent(chat_id)]

    def clear_calls(self) -> None:
        with self.cond:
            self.calls.clear()

    def mark(self) -> int:
        """The number of calls so far; pass it as `after=` to wait only for calls made from now on."""
        with self.cond:
            return len(self.calls)

    def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0, *, count: int = 1,
                 after: int = 0) -> list[Call]:
        """Block until `count` recorded calls (from index `after` on) satisfy `predicate`. Raises TimeoutError."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                found = [c for c in self.calls[after:] if c.status and predicate(c)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    methods = [(c.method, c.params.get("text", "")[:60] if isinstance(c.params.get("text"), str)
                                else "") for c in self.calls[-15:]]
                    raise TimeoutError(f"{len(found)}/{count} matching calls after {timeout}s; last calls: {methods}")
                self.cond.wait(left)

    def wait_for_text(self, contains: str, *, chat_id: int | None = None, timeout: float = 10.0,
                      after: int = 0) -> Call:
        """Block until a message (or edit) containing `contains` was sent, optionally to `chat_id`."""
        return self.wait_for(
            lambda c: c.method in ("sendMessage", "editMessageText") and c.ok and contains in (c.text or "")
            and (chat_id is None or _as_int(c.chat_id) == chat_id),
            timeout, after=after,
        )[-1]

    # ------------------------------------------------------------------ dispatch
    def handle(self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]] | None = None,
               *, token: str | None = None) -> Reply:
        """Answer one Bot API call: token check → middlewares → responder → default method. Records the call."""
        call = Call(method=method, params=params, files=files or {})
        with self.cond:  # recorded on arrival (status 0 = in flight, e.g. a long poll), answered below
            self.calls.append(call)
        if token is not None and token != self.token:
            reply = Reply.error(401, "Unauthorized")
        else:
            reply = self._dispatch(call)
        with self.cond:
            call.status, call.response = reply.status, reply.body
            self.cond.notify_all()
        for hook in list(self.on_call):
            hook(self, call)
        return reply

    def polling(self) -> bool:
        """Whether a getUpdates call is in flight right now (the bot is long polling)."""
        with self.cond:
            return any(c.method == "getUpdates" and not c.status for c in self.calls)

    def _dispatch(self, call: Call) -> Reply:
        for mw in list(self.middlewares):
            reply = mw(self, call)
            if reply is not None:
                return reply
        responder = self.responders.get(call.method)
        if responder is not None:
            reply = responder(self, call)
            if reply is not None:
                return reply
        default = getattr(self, f"m_{call.method}", None)
        if default is None:
            return Reply.error(404, "Not Found")
        return default(call)

    def _message(self, chat_id: int, **extra: Any) -> dict[str, Any]:
        with self.cond:
            mid = self.message_ids.get(chat_id, 0) + 1
            self.message_ids[chat_id] = mid
        msg: dict[str, Any] = {
            "message_id": mid, "date": int(time.time()), "chat": chat_json(chat_id), "from": self.bot_user,
        }
        msg.update({k: v for k, v in extra.items() if v is not None})
        with self.cond:
            self.message_texts[(chat_id, mid)] = (str(msg.get("text", "")), msg.get("reply_markup"))
        return msg

    def allocate_message_id(self, chat_id: int) -> int:
        """A message id for a user's message in `chat_id` (shares the per-chat counter with the bot's messages)."""
        with self.cond:
            mid = self.message_ids.get(chat_id, 0) + 1
            self.message_ids[chat_id] = mid
            return mid

    # ------------------------------------------------------------------ default methods (m_<method>)
    def m_getMe(self, call: Call) -> Reply:
        return Reply.ok(self.bot_user)

    def m_getUpdates(self, call: Call) -> Reply:
        """Confirms updates below `offset`, returns up to `limit` pending ones; waits up to `timeout` s if none."""
        offset = _as_int(call.params.get("offset", 0))
        limit = _as_int(call.params.get("limit", 100)) or 100
        timeout = float(call.params.get("timeout", 0) or 0)
        deadline = time.monotonic() + timeout
        with self.cond:
            # Telegram allows one poller per bot: a new getUpdates ends the one in flight with 409 Conflict
            for other in self._polls:
                self._terminated.add(id(other))
            self._polls.append(call)
            self.cond.notify_all()
            try:
                while True:
                    if id(call) in self._terminated:
                        self._terminated.discard(id(call))
                        return Reply.error(409, "Conflict: terminated by other getUpdates request; make sure that "
                                                "only one bot instance is running")
                    if offset:
                        self.updates = [u for u in self.updates if u["update_id"] >= offset]
                    batch = self.updates[:limit]
                    left = deadline - time.monotonic()
                    if batch or left <= 0 or self.closed:
                        return Reply.ok(batch)
                    self.cond.wait(min(left, 0.5))
            finally:
                self._polls.remove(call)

    def m_deleteWebhook(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_setWebhook(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_getWebhookInfo(self, call: Call) -> Reply:
        return Reply.ok({"url": "", "has_custom_certificate": False, "pending_update_count": len(self.updates)})

    def m_close(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_logOut(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_sendMessage(self, call: Call) -> Reply:
        p = call.params
        if not str(p.get("text", "")).strip():
            return Reply.error(400, "Bad Request: message text is empty")
        if len(str(p["text"])) > 4096:
            return Reply.error(400, "Bad Request: message is too long")
        markup = p.get("reply_markup")
        if not (isinstance(markup, dict) and "inline_keyboard" in markup):
            markup = None  # Telegram echoes only inline keyboards in Message.reply_markup (not force_reply etc.)
        return Reply.ok(self._message(_as_int(p["chat_id"]), text=p["text"], reply_markup=markup))

    def m_sendDocument(self, call: Call) -> Reply:
        p = call.params
        name = next(iter(call.files.values()), ("document", b""))[0]
        doc = {"file_id": "BQACAgSENT", "file_unique_id": "AgADSENT", "file_name": name}
        return Reply.ok(self._message(_as_int(p["chat_id"]), document=doc, caption=p.get("caption")))

    def m_sendPhoto(self, call: Call) -> Reply:
        p = call.params
        if len(str(p.get("caption") or "")) > 1024:
            return Reply.error(400, "Bad Request: message caption is too long")
        photo = [{"file_id": "AgACAgSENTPHOTO", "file_unique_id": "AQADSENT", "width": 1080, "height": 600}]
        return Reply.ok(self._message(_as_int(p["chat_id"]), photo=photo, caption=p.get("caption"),
                                      reply_markup=p.get("reply_markup")))

    def m_editMessageText(self, call: Call) -> Reply:
        p = call.params
        if "inline_message_id" in p:
            return Reply.ok(True)
        if len(str(p.get("text", ""))) > 4096:
            return Reply.error(400, "Bad Request: message is too long")
        chat_id = _as_int(p["chat_id"])
        key = (chat_id, _as_int(p["message_id"]))
        new = (str(p.get("text", "")), p.get("reply_markup"))
        with self.cond:
            if self.message_texts.get(key) == new:
                return Reply.error(400, "Bad Request: message is not modified: specified new message content and "
                                        "reply markup are exactly the same as a current content and reply markup "
                                        "of the message")
            self.message_texts[key] = new
        return Reply.ok({
            "message_id": _as_int(p["message_id"]), "date": int(time.time()), "edit_date": int(time.time()),
            "chat": chat_json(chat_id), "from": self.bot_user, "text": p.get("text", ""),
            **({"reply_markup": p["reply_markup"]} if p.get("reply_markup") else {}),
        })

    def m_editMessageReplyMarkup(self, call: Call) -> Reply:
        p = call.params
        if "inline_message_id" in p:
            return Reply.ok(True)
        return Reply.ok({
            "message_id": _as_int(p["message_id"]), "date": int(time.time()),
            "chat": chat_json(_as_int(p["chat_id"])), "from": self.bot_user, "text": "",
            **({"reply_markup": p["reply_markup"]} if p.get("reply_markup") else {}),
        })

    def m_deleteMessage(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_answerCallbackQuery(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_answerInlineQuery(self, call: Call) -> Reply:
        results = call.params.get("results") or []
        if len(results) > 50:
            return Reply.error(400, "Bad Request: too many inline query results specified")
        return Reply.ok(True)

    def m_sendChatAction(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_setMyCommands(self, call: Call) -> Reply:
        key = json.dumps([call.params.get("scope"), call.params.get("language_code")], sort_keys=True)
        self.commands[key] = list(call.params.get("commands") or [])
        return Reply.ok(True)

    def m_getMyCommands(self, call: Call) -> Reply:
        key = json.dumps([call.params.get("scope"), call.params.get("language_code")], sort_keys=True)
        return Reply.ok(self.commands.get(key, []))

    def m_deleteMyCommands(self, call: Call) -> Reply:
        return Reply.ok(True)

    def m_getFile(self, call: Call) -> Reply:
        stored = self.files.get(str(call.params.get("file_id")))
        if stored is None:
            return Reply.error(400, "Bad Request: invalid file_id")
        if stored.file_size > self.MAX_DOWNLOAD:
            return Reply.error(400, "Bad Request: file is too big")
        return Reply.ok({"file_id": stored.file_id, "file_unique_id": stored.file_unique_id,
                         "file_size": stored.file_size, "file_path": stored.file_path})

    def add_channel(self, chat_id: int, *, username: str, title: str = "Test channel", owner: int | None = None,
                    admins: Iterable[int] = (), posters: Iterable[int] = (), kind: str = "channel") -> dict[str, Any]:
        """A channel @username: `owner` (creator), `admins` (administrators), of whom `posters` may post. Put
        `api.bot_id` in `admins`/`posters` to make the bot an administrator there. `kind="supergroup"` makes it a
        public group instead (everyone not listed is a plain member)."""
        chat = {"id": chat_id, "type": kind, "title": title, "username": username.lstrip("@")}
        self.channels[chat_id] = chat
        if owner is not None:
            self.chat_owners[chat_id] = owner
        else:
            self.chat_owners.pop(chat_id, None)
        self.chat_admins[chat_id] = set(admins) | set(posters)
        self.chat_posters[chat_id] = set(posters)
        return chat

    def _find_chat(self, raw: Any) -> dict[str, Any] | None:
        if isinstance(raw, str) and raw.startswith("@"):
            name = raw[1:].lower()
            return next((c for c in self.channels.values() if str(c.get("username", "")).lower() == name), None)
        chat_id = _as_int(raw)
        if chat_id in self.channels:
            return self.channels[chat_id]
        return chat_json(chat_id) if chat_id else None

    def m_getChat(self, call: Call) -> Reply:
        chat = self._find_chat(call.params.get("chat_id"))
        if chat is None:
            return Reply.error(400, "Bad Request: chat not found")
        # a ChatFullInfo: the chat plus the fields Telegram always sends
        return Reply.ok({**chat, "accent_color_id": 0, "max_reaction_count": 11,
                         "accepted_gift_types": {"unlimited_gifts": False, "limited_gifts": False,
                                                 "unique_gifts": False, "premium_subscription": False,
                                                 "gifts_from_channels": False}})

    def m_getChatMember(self, call: Call) -> Reply:
        chat = self._find_chat(call.params.get("chat_id"))
        if chat is None:
            return Reply.error(400, "Bad Request: chat not found")
        chat_id, user_id = int(chat["id"]), _as_int(call.params.get("user_id"))
        if chat.get("type") == "channel" and user_id != self.bot_id and self.bot_id not in self.chat_admins.get(
                chat_id, set()):
            return Reply.error(400, "Bad Request: member list is inaccessible")
        if chat_id > 0:
            status = "member"
        elif self.chat_owners.get(chat_id) == user_id:
            status = "creator"
        elif user_id in self.chat_admins.get(chat_id, set()):
            status = "administrator"
        else:
            status = "left" if chat.get("type") == "channel" else "member"
        member: dict[str, Any] = {"status": status, "user": user_json(user_id)}
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":
            member.update({
                "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True, "can_delete_messages": True,
                "can_manage_video_chats": True, "can_restrict_members": True, "can_promote_members": False,
                "can_change_info": True, "can_invite_users": True, "can_post_stories": False,
                "can_edit_stories": False, "can_delete_stories": False,
            })
            if chat.get("type") == "channel":
                member["can_post_messages"] = user_id in self.chat_posters.get(chat_id, set())
                member["can_edit_messages"] = member["can_post_messages"]
        return Reply.ok(member)

    def m_getChatAdministrators(self, call: Call) -> Reply:
        chat_id = _as_int(call.params.get("chat_id"))
        admins = []
        for uid in sorted(self.chat_admins.get(chat_id, set())):
            admins.append(self.m_getChatMember(Call("getChatMember", {"chat_id": chat_id, "user_id": uid})).body[
                "result"])
        return Reply.ok(admins)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Release every long poll (the server is shutting down)."""
        with self.cond:
            self.closed = True
            self.cond.notify_all()


def find_calls(calls: Iterable[Call], method: str) -> list[Call]:
    return [c for c in calls if c.method == method]
