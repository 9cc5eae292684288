"""Errors users may see. A `UserError` carries one clear line for the user; anything else is a bug.

The message is an English msgid with `{named}` placeholders (marked with `N_` so Babel extracts it); the bot
translates it for the user with `err.localized(translator)`, the CLI prints `str(err)`.
"""

from __future__ import annotations

from typing import Any, Protocol

from bot.text.split import shorten


def N_(msgid: str) -> str:
    """Mark a msgid for extraction without translating it here (services have no user locale)."""
    return msgid


class _Gettext(Protocol):
    def gettext(self, message: str) -> str: ...


class UserError(Exception):
    """An error whose message is fit to show the user as is (one line, no traceback)."""

    def __init__(self, msgid: str, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        super().__init__(self.localized(None))

    def localized(self, translator: _Gettext | None) -> str:
        text = translator.gettext(self.msgid) if translator is not None else self.msgid
        if not self.params:
            return text
        # a user's argument quoted back is cut (a 4096-character argument must not fill the reply)
        return text.format(**{k: shorten(v) if isinstance(v, str) else v for k, v in self.params.items()})


class IngestError(UserError):
    """A bulletin could not be ingested; the message names the file and the reason."""

    def __init__(self, file_name: str, reason: str, **params: Any) -> None:
        self.file_name = file_name
        self.reason = reason
        self.reason_params = params
        Exception.__init__(self, self._english())
        self.msgid = N_("{file}: {reason}")
        self.params = {"file": file_name, "reason": reason}

    def _english(self) -> str:
        reason = self.reason.format(**self.reason_params) if self.reason_params else self.reason
        return f"{self.file_name}: {reason}"

    def localized(self, translator: _Gettext | None) -> str:
        if translator is None:
            return self._english()
        reason = translator.gettext(self.reason)
        reason = reason.format(**self.reason_params) if self.reason_params else reason
        return translator.gettext("{file}: {reason}").format(file=self.file_name, reason=reason)
