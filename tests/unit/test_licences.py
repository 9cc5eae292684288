"""Runtime dependencies must carry permissive (or, like python-telegram-bot itself, LGPL) licences: no GPL/AGPL."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, metadata, requires


def _runtime_closure(root: str) -> set[str]:
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop().lower()
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:  # an optional, platform-specific requirement that is not installed here
            continue
        for req in reqs:
            marker = req.split(";", 1)[1] if ";" in req else ""
            if "extra ==" in marker and not (name == "python-telegram-bot" and re.search(
                    r'extra == "(job-queue|rate-limiter|webhooks)"', marker)):
                continue  # dev extras and extras we do not install
            todo.append(re.split(r"[ ;<>=!\[~(]", req, maxsplit=1)[0])
    return seen - {root}


def _licence(name: str) -> str:
    meta = metadata(name)
    classifiers = " ".join(c for c in meta.get_all("Classifier") or [] if c.startswith("License"))
    return f"{meta.get('License-Expression') or ''} {meta.get('License') or ''} {classifiers}"


def test_no_gpl_in_runtime_dependencies() -> None:
    found = {}
    for name in sorted(_runtime_closure("dongtai")):
        try:
            found[name] = _licence(name)
        except PackageNotFoundError:
            continue
    assert {"python-telegram-bot", "sqlmodel", "jieba", "babel", "pypdfium2"} <= set(found)
    strong_copyleft = {
        name: text for name, text in found.items()
        if re.search(r"\b(A?GPL|General Public License)", text) and not re.search(r"LGPL|Lesser", text)
    }
    assert strong_copyleft == {}
