"""Pending uploads: a file an admin sent, kept until they confirm or cancel its preview (`preview.py`).

    store = PendingStore(settings.pending_uploads_dir)
    pending = store.new(file_name=..., user_id=..., chat_id=..., published=caption_date)
    # the caller downloads the file to pending.file_path; store.get(token), store.save(pending), store.claim(token)

**Pending uploads live on disk** (`PENDING_UPLOADS_DIR`, default `data/pending/<token>/`: the downloaded file and a
`meta.json`), not in the database and not in memory: they survive a restart (a Confirm pressed after a redeploy
still works) without a schema change or a 20 MB blob in the store, and expire after `PENDING_TTL` (purged on the
next upload). A press needs the token (unguessable, 72 random bits) and the preview's version, so a button of an
older preview (before "Set date") never stores something other than what it showed.

**Claims**: a confirm claims the upload with an atomic `mkdir` (two presses, or two processes sharing the directory:
one stores, the other is told it is under way); a claim older than 10 minutes is stale.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

PENDING_TTL = timedelta(hours=24)
#: how long a typed date or name is waited for after "Set date" / "Set name" (later text is ordinary text again)
AWAIT_TTL = timedelta(minutes=15)

_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{8,32}$")


def utc_now() -> datetime:
    """The current time (UTC): what expiry and waiting are measured against."""
    return datetime.now(UTC)


@dataclass(slots=True)
class PendingUpload:
    """An uploaded file waiting for the admin's decision (`meta.json` beside the file)."""

    token: str
    user_id: int
    chat_id: int
    file_name: str
    suffix: str
    created: datetime
    #: the admin's date (Set date or caption) and name (Set name or 《…》 in the caption)
    published: date | None = None
    publication: str | None = None
    #: bumped on every change the admin makes; buttons carry it
    version: int = 1
    #: "date" | "name" while the bot waits for the admin's reply
    awaiting: str | None = None
    awaiting_since: datetime | None = None
    status: str = "pending"  # pending | confirmed | cancelled
    bulletin_id: int | None = None
    signature: str | None = None
    #: the chat message carrying the newest preview's buttons (an older preview's buttons are removed)
    message_id: int | None = None
    dir: Path = field(default=Path("."), repr=False)

    @property
    def file_path(self) -> Path:
        return self.dir / f"upload{self.suffix}"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("dir")
        for key in ("created", "awaiting_since", "published"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], directory: Path) -> PendingUpload:
        data = dict(data)
        data["created"] = datetime.fromisoformat(data["created"])
        data["awaiting_since"] = datetime.fromisoformat(data["awaiting_since"]) if data.get("awaiting_since") else None
        data["published"] = date.fromisoformat(data["published"]) if data.get("published") else None
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__ and k != "dir"}
        return cls(**known, dir=directory)


class PendingStore:
    """Pending uploads under one directory, one sub-directory per token."""

    def __init__(self, root: Path, *, ttl: timedelta = PENDING_TTL) -> None:
        self.root = Path(root)
        self.ttl = ttl

    def new(self, *, file_name: str, user_id: int, chat_id: int, published: date | None = None,
            publication: str | None = None, now: datetime | None = None) -> PendingUpload:
        now = now or utc_now()
        self.purge_expired(now)
        self.root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_urlsafe(9)
        directory = self.root / token
        directory.mkdir()
        suffix = Path(file_name).suffix.lower()[:10]
        pending = PendingUpload(token=token, user_id=user_id, chat_id=chat_id, file_name=file_name, suffix=suffix,
                                created=now, published=published, publication=publication or None, dir=directory)
        self.save(pending)
        return pending

    def _dir(self, token: str) -> Path | None:
        return self.root / token if _TOKEN_RE.match(token or "") else None

    def get(self, token: str, *, now: datetime | None = None) -> PendingUpload | None:
        """The pending upload, or None when unknown or expired (an expired one is removed)."""
        directory = self._dir(token)
        if directory is None:
            return None
        try:
            data = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            pending = PendingUpload.from_json(data, directory)
        except (OSError, ValueError, TypeError, KeyError):
            return None
        if self._expired(pending, now or utc_now()):
            self.discard(token)
            return None
        return pending

    def _expired(self, pending: PendingUpload, now: datetime) -> bool:
        return now - pending.created > self.ttl

    def save(self, pending: PendingUpload) -> None:
        tmp = pending.dir / "meta.json.tmp"
        tmp.write_text(json.dumps(pending.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, pending.dir / "meta.json")  # atomic: readers see the old or the new state

    def drop_file(self, pending: PendingUpload) -> None:
        """Delete the kept file (after confirm/cancel); the decision stays in meta.json until expiry."""
        pending.file_path.unlink(missing_ok=True)

    def discard(self, token: str) -> None:
        directory = self._dir(token)
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)

    def all(self) -> Iterator[PendingUpload]:
        if not self.root.is_dir():
            return
        for directory in self.root.iterdir():
            pending = self.get(directory.name) if directory.is_dir() else None
            if pending is not None:
                yield pending

    def purge_expired(self, now: datetime | None = None) -> int:
        """Remove expired uploads (and directories without a readable meta.json older than the TTL)."""
        now = now or utc_now()
        removed = 0
        if not self.root.is_dir():
            return 0
        for directory in self.root.iterdir():
            if not directory.is_dir():
                continue
            try:
                data = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
                expired = self._expired(PendingUpload.from_json(data, directory), now)
            except (OSError, ValueError, TypeError, KeyError):
                expired = now.timestamp() - directory.stat().st_mtime > self.ttl.total_seconds()
            if expired:
                shutil.rmtree(directory, ignore_errors=True)
                removed += 1
        return removed

    def awaiting_reply(self, user_id: int, *, now: datetime | None = None) -> PendingUpload | None:
        """The user's upload waiting for a typed date or name (the most recent request within `AWAIT_TTL`)."""
        since = (now or utc_now()) - AWAIT_TTL
        waiting = [p for p in self.all() if p.user_id == user_id and p.status == "pending" and p.awaiting
                   and (p.awaiting_since or p.created) >= since]
        return max(waiting, key=lambda p: p.awaiting_since or p.created, default=None)

    def remember_message(self, token: str, message_id: int) -> int | None:
        """Record the message showing the newest preview; returns the one it replaces (None if none)."""
        pending = self.get(token)
        if pending is None:
            return None
        previous, pending.message_id = pending.message_id, message_id
        self.save(pending)
        return previous if previous != message_id else None

    def claim(self, token: str) -> bool:
        """Take the upload for storing; False when someone else holds it (a claim older than 10 min is stale)."""
        directory = self._dir(token)
        if directory is None:
            return False
        lock = directory / "claim"
        try:
            lock.mkdir()
            return True
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime > 600:
                    os.utime(lock)
                    return True
            except OSError:
                pass
            return False
        except OSError:
            return False

    def release(self, token: str) -> None:
        directory = self._dir(token)
        if directory is not None:
            try:
                (directory / "claim").rmdir()
            except OSError:
                pass
