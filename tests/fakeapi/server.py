"""`FakeTelegramServer`: a local HTTP server speaking the Bot API wire format, for end-to-end tests that run the
bot as a subprocess (`TELEGRAM_API_BASE_URL=server.base_url`, `TELEGRAM_API_FILE_URL=server.file_url`).

    with FakeTelegramServer() as server:
        env = {**os.environ, **server.env()}              # token, base and file URLs
        proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=env)
        server.push(server.updates.command("/start", user_id=42))
        call = server.wait_for_text("欢迎", chat_id=42)

Endpoints: `POST|GET /bot<token>/<method>` (form-urlencoded, multipart or JSON bodies; query string too) and
`GET /file/bot<token>/<file_path>`. Method semantics, recording and the extension hooks (middlewares, responders,
on_call, blocked chats, migrations) live in `FakeBotAPI` (`server.api`); see tests/fakeapi/core.py.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakeapi.core import TOKEN, Call, FakeBotAPI, Reply, decode_params
from tests.fakeapi.updates import Updates


def parse_body(content_type: str, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
    """Form fields and uploaded files from a request body (urlencoded, multipart/form-data or JSON)."""
    fields: dict[str, Any] = {}
    files: dict[str, tuple[str, bytes]] = {}
    ctype = (content_type or "").lower()
    if not body:
        return fields, files
    if ctype.startswith("application/json"):
        data = json.loads(body.decode("utf-8"))
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}, files
    if ctype.startswith("multipart/form-data"):
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                files[str(name)] = (filename, payload)
            else:
                charset = part.get_content_charset() or "utf-8"
                fields[str(name)] = payload.decode(charset)
        return fields, files
    fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return fields, files


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    #: headers and body go out in two writes: without TCP_NODELAY, Nagle + the client's delayed ACK add ~40 ms
    #: to every response (an artefact of this server, not of Telegram) — engineer E, for the delivery benchmark
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return None

    def _send(self, status: int, payload: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _serve(self) -> None:
        api = self.server.api
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = [unquote(p) for p in url.path.lstrip("/").split("/", 2)]
        if len(parts) >= 3 and parts[0] == "file" and parts[1].startswith("bot"):
            if parts[1][3:] != api.token:
                self._send(401, Reply.error(401, "Unauthorized").payload())
                return
            content = api.file_content(parts[2])
            if content is None:
                self._send(404, Reply.error(404, "Not Found").payload())
            else:
                self._send(200, content, "application/octet-stream")
            return
        if len(parts) == 2 and parts[0].startswith("bot"):
            token, method = parts[0][3:], parts[1]
            fields, files = parse_body(self.headers.get("Content-Type", ""), body)
            fields = {**dict(parse_qsl(url.query)), **fields}
            latency = self.server.latency
            if latency > 0:  # half the round trip on the way there…
                time.sleep(latency / 2)
            reply = api.handle(method, decode_params(fields), files, token=token)
            if latency > 0:  # …and half on the way back
                time.sleep(latency / 2)
            self._send(reply.status, reply.payload())
            return
        self._send(404, Reply.error(404, "Not Found").payload())

    do_GET = _serve
    do_POST = _serve


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    api: FakeBotAPI
    latency: float = 0.0

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the bot hung up (e.g. a long poll cancelled at shutdown)
        super().handle_error(request, client_address)


class FakeTelegramServer:
    """The Bot API on 127.0.0.1:<free port> in a background thread. Context manager; `start()` / `stop()`."""

    def __init__(self, api: FakeBotAPI | None = None, *, token: str = TOKEN, host: str = "127.0.0.1",
                 latency: float = 0.0) -> None:
        self.api = api or FakeBotAPI(token)
        self.updates = Updates(self.api)
        self._httpd = _HTTPServer((host, 0), _Handler)
        self._httpd.api = self.api
        #: injected network round trip (seconds) for every Bot API call: half before the call is handled (so the
        #: arrival times the limits see are the ones a distant server would see), half before the answer
        self._httpd.latency = latency
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FakeTelegramServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-telegram", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.api.close()
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeTelegramServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        """For TELEGRAM_API_BASE_URL (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """For TELEGRAM_API_FILE_URL."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    @property
    def token(self) -> str:
        return self.api.token

    def env(self) -> dict[str, str]:
        """Environment variables pointing a `python -m bot run` subprocess at this server."""
        return {"TELEGRAM_BOT_TOKEN": self.api.token, "TELEGRAM_API_BASE_URL": self.base_url,
                "TELEGRAM_API_FILE_URL": self.file_url}

    # ------------------------------------------------------------------ driving and inspecting
    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for the bot's next getUpdates (built with `server.updates.*` or by hand)."""
        return self.api.push_update(update)

    push = push_update

    def mark(self) -> int:
        """Call count so far: `after=server.mark()` before pushing waits only for what the push causes."""
        return self.api.mark()

    def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0, *, count: int = 1,
                 after: int = 0) -> list[Call]:
        return self.api.wait_for(predicate, timeout, count=count, after=after)

    def wait_for_text(self, contains: str, *, chat_id: int | None = None, timeout: float = 10.0,
                      after: int = 0) -> Call:
        return self.api.wait_for_text(contains, chat_id=chat_id, timeout=timeout, after=after)

    def wait_for_method(self, method: str, timeout: float = 10.0, *, count: int = 1, after: int = 0) -> list[Call]:
        return self.api.wait_for(lambda c: c.method == method, timeout, count=count, after=after)

    def wait_until_polling(self, timeout: float = 60.0) -> None:
        """Block until the bot has a getUpdates long poll in flight (it is up and listening)."""
        import time

        deadline = time.monotonic() + timeout
        while not self.api.polling():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the bot is not polling after {timeout}s")
            time.sleep(0.05)

    def wait_until_consumed(self, timeout: float = 10.0) -> None:
        """Block until the bot has confirmed (getUpdates offset past) every pushed update."""
        import time

        deadline = time.monotonic() + timeout
        while self.api.pending_updates():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.api.pending_updates()} updates not consumed after {timeout}s")
            time.sleep(0.05)

    @property
    def calls(self) -> list[Call]:
        with self.api.cond:
            return list(self.api.calls)

    def calls_to(self, method: str) -> list[Call]:
        return self.api.calls_to(method)

    def texts(self, chat_id: int | None = None) -> list[str]:
        return self.api.texts(chat_id)
