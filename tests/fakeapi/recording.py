"""`RecordingRequest`: a `telegram.request.BaseRequest` that answers the Bot API in process from a `FakeBotAPI`.

Give it to `build_application(settings, request=RecordingRequest(api))` (or to `ApplicationBuilder().request(...)`)
and the real PTB `Application` runs with `process_update`; every call is recorded in `api.calls`, file downloads
(`File.download_*`) are served from files registered with `api.add_file` / `Updates.document`.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import unquote

from telegram.request import BaseRequest, RequestData

from tests.fakeapi.core import FakeBotAPI, Reply, decode_params

_FILE_URL = re.compile(r"/file/bot(?P<token>[^/]+)/(?P<path>.+)$")
_METHOD_URL = re.compile(r"/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)/?(?:\?.*)?$")


def split_multipart(request_data: RequestData | None) -> dict[str, tuple[str, bytes]]:
    files: dict[str, tuple[str, bytes]] = {}
    if request_data is None or not request_data.contains_files:
        return files
    for name, value in request_data.multipart_data.items():
        file_name, content = value[0], value[1]
        if hasattr(content, "read"):
            content = content.read()
        files[name] = (str(file_name), bytes(content))
    return files


class RecordingRequest(BaseRequest):
    """In-process fake of Telegram's HTTP endpoint. `api` holds the state; `delay` adds latency to each call."""

    def __init__(self, api: FakeBotAPI | None = None, *, delay: float = 0.0) -> None:
        self.api = api or FakeBotAPI()
        self.delay = delay

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self.delay:
            await asyncio.sleep(self.delay)
        if m := _FILE_URL.search(url):
            if unquote(m["token"]) != self.api.token:
                return 401, Reply.error(401, "Unauthorized").payload()
            content = self.api.file_content(unquote(m["path"]))
            if content is None:
                return 404, Reply.error(404, "Not Found").payload()
            return 200, content
        m = _METHOD_URL.search(url)
        if m is None:
            return 404, Reply.error(404, "Not Found").payload()
        params = decode_params(dict(request_data.json_parameters) if request_data else {})
        files = split_multipart(request_data)
        if m["method"] == "getUpdates":  # may long-poll: wait in a thread, not on the event loop
            reply = await asyncio.to_thread(self.api.handle, m["method"], params, files, token=unquote(m["token"]))
        else:
            reply = self.api.handle(m["method"], params, files, token=unquote(m["token"]))
        return reply.status, reply.payload()
