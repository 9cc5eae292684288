"""Splitting Telegram HTML into messages of at most `limit` characters (behind `bot.render.common.split_blocks`).

Every part is well-formed on its own: a cut never falls inside a tag (`<a href="…">`) or an entity (`&amp;`,
`&#36;`), and tags open at a cut are closed at the end of the part and reopened, attributes and all, at the start
of the next one (`<b>long … </b>` | `<b>… title</b>`). The closing and reopening tags count towards the limit.
Cuts prefer block boundaries, then line boundaries, and only then fall anywhere between two characters.

The input is assumed to be balanced (every block built by the render layer is); stray closing tags are left as
they are and never reopened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: a tag, an entity, or one character
_ATOM = re.compile(r"<[^<>]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});|.", re.DOTALL)
_TAG = re.compile(r"<\s*(/)?\s*([A-Za-z][A-Za-z0-9-]*)[^>]*>")
#: tags without a closing counterpart (not used by Telegram; kept so they never enter the open-tag stack)
_VOID = {"br", "img", "hr"}

_Open = tuple[str, str]  # (tag name, the opening tag as written)


#: a user's argument quoted back in a reply is cut to this many characters
ARG_LIMIT = 200


def shorten(text: str, limit: int = ARG_LIMIT) -> str:
    """Raw (unescaped) `text` cut to at most `limit` characters, an ellipsis marking the cut; escape afterwards."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def split_blocks(blocks: Iterable[str], limit: int, sep: str = "\n\n") -> list[str]:
    """Pack complete blocks into messages of at most `limit` characters. A block never straddles two messages unless
    it alone exceeds the limit; then it is cut on line boundaries, and a single over-long line is cut anywhere
    between two characters, in place (the text keeps its order), with open tags closed and reopened at each cut."""
    return _pack((piece for block in blocks for piece in split_html(block, limit)), limit, sep)


def split_html(text: str, limit: int) -> list[str]:
    """`text` as parts of at most `limit` characters, each well-formed (see the module docstring); cut at the last
    line break that fits (the break itself is dropped), else between the last two characters that fit."""
    if len(text) <= limit:
        return [text]
    atoms = _ATOM.findall(text)
    parts: list[str] = []
    start = 0
    stack: list[_Open] = []
    while start < len(atoms):
        part, start, stack = _one_part(atoms, start, stack, limit)
        if part:
            parts.append(part)
    return parts


def _one_part(atoms: list[str], start: int, stack: list[_Open], limit: int) -> tuple[str, int, list[_Open]]:
    """The longest well-formed part from `atoms[start:]` with `stack` open; returns it, where the next part starts
    and the tags open there."""
    prefix = "".join(tag for _, tag in stack)
    length = len(prefix)
    current = list(stack)
    closing = _closing_length(current)
    line_cut: tuple[int, list[_Open]] | None = None  # at a "\n": (its index, tags open there)
    any_cut: tuple[int, list[_Open]] | None = None  # after text or a closing tag
    i = start
    while i < len(atoms):
        atom = atoms[i]
        after = _apply(current, atom)
        after_closing = closing if after is current else _closing_length(after)
        if length + len(atom) + after_closing > limit:
            break
        length += len(atom)
        current, closing = after, after_closing
        if atom == "\n" and i > start:
            line_cut = (i, current)
        if not _is_opening(atom):
            any_cut = (i + 1, current)
        i += 1
    if i == len(atoms):  # the rest fits
        return prefix + "".join(atoms[start:]) + _close(current), i, []
    if line_cut is not None:
        end, open_tags = line_cut
        return prefix + "".join(atoms[start:end]) + _close(open_tags), end + 1, open_tags
    if any_cut is not None and any_cut[0] > start:
        end, open_tags = any_cut
        return prefix + "".join(atoms[start:end]) + _close(open_tags), end, open_tags
    # not even one character fits inside the markup (a limit smaller than the tags): take one anyway, over the limit
    end, open_tags = start, list(stack)
    while end < len(atoms):
        open_tags = _apply(open_tags, atoms[end])
        end += 1
        if not _is_opening(atoms[end - 1]):
            break
    return prefix + "".join(atoms[start:end]) + _close(open_tags), end, open_tags


def _apply(stack: list[_Open], atom: str) -> list[_Open]:
    """The open-tag stack after `atom` (a new list when it changes, `stack` itself when not)."""
    if not atom.startswith("<") or len(atom) < 3:
        return stack
    m = _TAG.fullmatch(atom)
    if m is None or atom.endswith("/>"):
        return stack
    name = m.group(2).lower()
    if name in _VOID:
        return stack
    if m.group(1) is None:
        return [*stack, (name, atom)]
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == name:
            return stack[:k] + stack[k + 1:]
    return stack  # a stray closing tag: nothing to reopen


def _is_opening(atom: str) -> bool:
    if not atom.startswith("<") or atom.startswith("</"):
        return False
    m = _TAG.fullmatch(atom)
    return m is not None and not atom.endswith("/>") and m.group(2).lower() not in _VOID


def _close(stack: list[_Open]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _closing_length(stack: list[_Open]) -> int:
    return sum(len(name) + 3 for name, _ in stack)


def _pack(pieces: Iterable[str], limit: int, sep: str) -> list[str]:
    """Greedily join pieces (each at most `limit` long) with `sep` into as few chunks below `limit` as possible."""
    out: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            out.append(current)
            current = piece
    if current:
        out.append(current)
    return out
