"""Text helpers for ingestion: display width, terminal punctuation, line joining, furniture, folding.

Everything here is pure string work (no I/O). `fold()` is the canonical comparison form used by hashing and
near-duplicate detection: NFKC (full-width → ASCII), lower case, no whitespace, no punctuation.
"""

from __future__ import annotations

import re
import unicodedata

#: characters that end a sentence / paragraph when they end a line
TERMINAL = frozenset("。！？!?；;…")
#: closing quotes that end a paragraph when they follow a terminal character ("…回升。”")
CLOSERS = frozenset("”’」』\"'》")

_WS_RE = re.compile(r"\s+")
#: a digit run that follows CJK text (not an English word or a spaced number)
_CJK_NUMBER_END_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef][\d.]*\d$")
_BOLD_RE = re.compile(r"\*\*")
_FOLD_DROP_RE = re.compile(r"[\W_]+", re.UNICODE)
_PAREN_END_RE = re.compile(r"(?:^|[。！？!?；…]\s*)[（(][^（()）]{1,60}[)）]$")
#: full-width digits and per cent sign → ASCII (a page typeset in full width reads like any other)
_DIGITS_HALF = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%"})
_FULL_DIGIT_RE = re.compile("[０-９％]")
#: a full-width full stop between digits is a decimal point (`１２．５` → `12.5`), except after an item number
_DECIMAL_POINT_RE = re.compile(r"(?<=\d)．(?=\d)")
_ITEM_NUMBER_RE = re.compile(r"^\s*\d{1,2}．")
#: a pinyin reading a page prints after a character (`增長(zhǎng)2.5%`, `發(fā)布`): one syllable with a tone mark,
#: in brackets, right after a Han character — dropped, so that the words read whole again (`增長2.5%` is a growth)
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_MARK_RE = re.compile(f"[{_TONE_MARKS}]")
_PINYIN_GLOSS_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü{_TONE_MARKS}]{{1,7}}[)）])[a-zü]*[{_TONE_MARKS}][a-zü]*[)）]"
)


def width(text: str) -> int:
    """Display width: CJK / full-width characters count 2, ASCII 1 (computed in C via UTF-8 length)."""
    return (len(text.encode("utf-8")) + len(text)) // 2


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def ends_paragraph(text: str) -> bool:
    """Does this line end with sentence-final punctuation (a real paragraph end is likely)?"""
    s = text.rstrip()
    if not s:
        return True
    last = s[-1]
    if last in TERMINAL:
        return True
    if last in CLOSERS and len(s) >= 2 and s[-2] in TERMINAL:
        return True
    if last in ")）":
        return bool(_PAREN_END_RE.search(s))
    return False


def join_pair(left: str, right: str, *, left_had_space: bool = False) -> str:
    """Join two pieces of one paragraph broken by a line end: no space between CJK, one between ASCII words."""
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left[-1].isdigit() and right[0].isdigit() and _CJK_NUMBER_END_RE.search(left):
        return left + right  # a number broken by the wrap (`完成139` / `0.9亿件`)
    if left[-1].isdigit() and right[:1] in ".．" and right[1:2].isdigit() and _CJK_NUMBER_END_RE.search(left):
        return left + "." + right[1:]  # a decimal broken at its point (`同比增长2` / `．8%`), spaced or not
    if left[-1] in ".．" and right[0].isdigit() and _CJK_NUMBER_END_RE.search(left[:-1]):
        return left[:-1] + "." + right  # a decimal broken after its point (`同比增长2．` / `9%`)
    if is_ascii_alnum(left[-1]) and is_ascii_alnum(right[0]):
        return f"{left} {right}"
    if left_had_space and (is_ascii_alnum(left[-1]) or is_ascii_alnum(right[0])):
        return f"{left} {right}"
    return left + right


def join_lines(lines: list[str]) -> str:
    """Join the physical lines of one paragraph (`农村网络零售`, `额1.12万亿元` → `农村网络零售额1.12万亿元`)."""
    out = ""
    had_space = False
    for raw in lines:
        if not raw.strip():
            continue
        out = join_pair(out, raw, left_had_space=had_space) if out else raw.strip()
        had_space = raw != raw.rstrip()
    return out.strip()


#: a line that is only a day-first dotted date (`14.11.2014  12:26`, as European-built sites print a story's time):
#: written year first (`2014-11-14 12:26`) so that it reads as the date line it is, not as a title
_DMY_LINE_RE = re.compile(r"^\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?P<rest>\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _dmy_line(text: str) -> str:
    m = _DMY_LINE_RE.match(text)
    if m is None or not (1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12):
        return text
    clock = (m.group("rest") or "").strip()
    return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}" + (f" {clock}" if clock else "")


def clean_line(text: str) -> str:
    """Strip a physical line: outer whitespace, markdown bold markers, BOM / zero-width characters, pinyin glosses
    after characters; full-width digits, `％` and decimal points made ASCII."""
    text = text.replace("\ufeff", "").replace("\u200b", "").replace("\u00a0", " ").replace("\u3000", "  ")
    # each step only on a line it changes (a regex scan or `in` is C speed; `translate` with a dict is not)
    if _FULL_DIGIT_RE.search(text):
        text = text.translate(_DIGITS_HALF)
    if "．" in text:
        item = _ITEM_NUMBER_RE.match(text)
        head = item.group() if item else ""
        text = head + _DECIMAL_POINT_RE.sub(".", text[len(head):])
    if "**" in text:
        text = _BOLD_RE.sub("", text)
    if _TONE_MARK_RE.search(text):
        text = _PINYIN_GLOSS_RE.sub("", text)
    if "." in text and len(text) <= 40:
        text = _dmy_line(text)
    return text.strip()


def squeeze(text: str) -> str:
    """Collapse whitespace runs to one space (titles, names)."""
    return _WS_RE.sub(" ", text).strip()


#: full-width ASCII forms and the ideographic space, each with its NFKC image: one starter (combining class 0) for
#: another, the same compatibility decomposition, so replacing them first leaves NFKC's result unchanged — and
#: leaves most Chinese text already in NFKC, which `unicodedata.normalize` then returns after a quick check
_WIDE = {c: ord(unicodedata.normalize("NFKC", chr(c))) for c in (*range(0xFF01, 0xFF5F), 0x3000)}
_WIDE_RE = re.compile("[\uff01-\uff5e\u3000]+")


def _narrow(m: re.Match[str]) -> str:
    return m.group().translate(_WIDE)


def fold(text: str) -> str:
    """Canonical comparison form: NFKC, lower case, no whitespace or punctuation (width/spacing independent)."""
    return _FOLD_DROP_RE.sub("", unicodedata.normalize("NFKC", _WIDE_RE.sub(_narrow, text)).lower())


def strip_quotes(name: str) -> str:
    """`《文汇报》` / `"财政部官网"` / `“新华网”` → the bare name."""
    name = squeeze(name)
    name = name.strip(" \"'“”‘’「」『』《》〈〉<>[]【】:：,，;；")
    name = name.replace("《", "").replace("》", "").replace("“", "").replace("”", "").replace('"', "")
    return squeeze(name)


# ---------------------------------------------------------------------------------------------------- furniture

_FOOTER_RE = re.compile(
    r"^[-—–－~]\s*\d{1,4}\s*[-—–－~]$|^[·•・]\s*\d{1,4}\s*[·•・]$|^\d{1,4}$|^第\s*\d{1,4}\s*[页版](\s*[/共]\s*\d+\s*页?)?$|^\d{1,4}\s*/\s*\d{1,4}$"
)
_ADDRESS_RE = re.compile(
    r"(编辑部地址|邮政编码|邮编[:：]|联系电话|电\s*话\s*[:：]\s*[\d(（]|传\s*真\s*[:：]|E-?mail\s*[:：]|网\s*址\s*[:：]|"
    r"主办单位|承办单位|主\s*编\s*[:：]|责任编辑\s*[:：]|内部资料|免费交流|准印证)",
    re.IGNORECASE,
)
_TOC_RE = re.compile(
    r"(\t|\.{4,}|…{2,}|·{4,}).*\d{1,3}\s*$|^\s*[>▶•●]\s*\S.*\d{1,3}\s*$|^\s*(目\s*录|本期要目|CONTENTS)\s*$", re.IGNORECASE
)


def is_footer(text: str) -> bool:
    """Page furniture that can appear in the middle of the flow: `- 20 -`, `· 2 ·`, `12`, `第 3 页`, a page's `第3版`."""
    return bool(_FOOTER_RE.match(text.strip()))


def is_address(text: str) -> bool:
    """Editorial addresses, phone numbers, publisher lines."""
    return bool(_ADDRESS_RE.search(text))


def is_toc_line(raw: str) -> bool:
    """A table-of-contents entry (tab / leader dots / `>` marker and a trailing page number)."""
    return bool(_TOC_RE.search(raw))


def toc_title(raw: str) -> str:
    """The title part of a table-of-contents entry (markers and page number removed)."""
    s = raw.replace("\t", " ")
    s = re.sub(r"[.…·]{2,}\s*\.?\s*\d{1,3}\s*$", "", s)
    s = re.sub(r"\s\.?\s*\d{1,3}\s*$", "", s)
    s = re.sub(r"^[\s>▶•●]+", "", s)
    return squeeze(s)
