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
    assert {"python-telegram-bot", "sqlmodel", "jieba", "babel", "pypdfium2", "matplotlib"} <= set(found)
    strong_copyleft = {
        name: text for name, text in found.items()
        if re.search(r"\b(A?GPL|General Public License)", text) and not re.search(r"LGPL|Lesser", text)
        and not _gpl_only_as_an_alternative(name, text)
    }
    assert strong_copyleft == {}


#: packages whose licence text names the GPL only as one choice of a dual licence we do not take
_DUAL = {
    # matplotlib (PSF-based licence) bundles FreeType, "FTL OR GPL-2.0-or-later": used under the FreeType
    # Licence (BSD-style); the GPL is the alternative its text describes, not a condition on us
    "matplotlib": r"License: FTL OR GPL-2\.0-or-later",
}


def _gpl_only_as_an_alternative(name: str, text: str) -> bool:
    pattern = _DUAL.get(name)
    if pattern is None or not re.search(pattern, text) or "Python Software Foundation License" not in text:
        return False
    # every other mention of the GPL must belong to FreeType's dual-licence text
    rest = re.sub(r"Name: FreeType.*?(?=\n Name: |\Z)", "", text, flags=re.S)
    return not re.search(r"\b(A?GPL|General Public License)", rest)
