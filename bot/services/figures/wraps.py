"""Hard-wrap repair of an article body before it is read: what a PDF's line breaks and page furniture left inside
the text reaching the extractor (the segmenter joins most wrapped lines; these are the ones it left).

    repair_wraps(text) -> str

* **page marks** inside the flow (`…占网民总数的2· 1 ·`, `- 2 -`) are removed, and with them a running head that
  follows more than one of them (`CNNIC　第39次中国互联网络发展状况统计报告` printed at the top of every page);
* **wrapped lines** are joined to the line after them when the line cannot end a paragraph:
  - the next line starts with what never starts one (`，` `、` `。` `%` `）` …);
  - a number is broken across the break (`我国网站总数为4` / `82万个`, `25.` / `0%`), or parted from its unit
    (`达到了10.67` / `亿，…`);
  - the next line starts with a verb and its number (`达5.60亿，…`): no paragraph starts so;
  - the line is a sentence cut short: it holds a clause mark (`，` `、` `；`) yet ends inside a word, and the next
    line starts no list item or header (`一、`, `（二）`, `1.`, `【`, `■`).
Table rows (`|`) are never joined. A sub-head (`网络零售持续增长`: no clause mark; `一、行业总体情况`: none after its
number) is never joined to its paragraph.
"""

from __future__ import annotations

import re

#: page numbers printed between two lines of a page break: `· 1 ·`, `- 2 -`, `— 3 —`
_PAGE_MARK = re.compile(r"\s*[·•\-—－]\s*\d{1,3}\s*[·•\-—－]\s*(?=\n|$)")

#: what ends a paragraph (a closing quote or bracket after it too)
_PARA_END = re.compile(r"[。！？!?；;：:…]\s*[”」』\"’）)]*\s*$")

#: what never starts a paragraph
_CONTINUES = re.compile(r"^[，,、。；;：:%％）)」』”’．]")

#: a list item or header starting a line
_ITEM_START = re.compile(
    r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、．](?!\d)|\d{1,2}\.(?!\d)|[【\[■□◆●▲★])"
)

_CLAUSE_MARK = re.compile(r"[，,、；;]")

#: a unit or magnitude starting a line (`亿，互联网普及率…`, `人，占网民整体的…`)
_UNIT_START = re.compile(r"^[万亿千百]?(?:元|件|人|个|户|家|次|条|吨|份|笔|台|部|%|％|亿|万)")
#: a verb and the number it introduces starting a line (`达5.60亿`, `为1.2亿`, `完成1105.8亿件`)
_VERB_THEN_NUMBER = re.compile(
    r"^(?:达到?|为|是|完成|实现|超过|突破|增至|升至|约|近|共|累计(?:完成|实现)?)了?\s*(?:约|近|超)?\s*[0-9０-９]"
)


def repair_wraps(text: str) -> str:
    if "\n" not in text and not _PAGE_MARK.search(text):
        return text
    text = _drop_page_furniture(text)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and _joins(out[-1], line):
            out[-1] = out[-1].rstrip() + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


#: a story's lead opening a line (`本报讯　…`, `本报北京8月15日讯`, `新华社北京4月21日电`): a line of its own however the
#: line above it (a subtitle, `进口、出口双双实现两位数增长`) ends
_LEAD_START = re.compile(r"^(?:本报讯|本报[^\s，,。]{0,8}[讯电]|新华社[^\s，,。]{0,8}电|中新社[^\s，,。]{0,8}电|[^\s，,。]{2,8}讯\s*[（(]记者)")


def _joins(prev: str, line: str) -> bool:
    a, b = prev.rstrip(), line.strip()
    if not a or not b or "|" in a or "|" in b or _PARA_END.search(a):
        return False
    if _LEAD_START.match(b) or a.lstrip().startswith(("——", "--", "－－")):
        return False  # a subtitle over the lead, or a `——` subtitle: no sentence runs on from either
    if _CONTINUES.match(b):
        return True
    if re.search(r"[0-9０-９][.．]?$", a) and re.match(r"^[0-9０-９.．%]", b) and re.search(r"[\u4e00-\u9fff]", a):
        return True  # a number broken by the wrap
    if re.search(r"[0-9０-９][万亿千百]?$", a) and _UNIT_START.match(b) and re.search(r"[\u4e00-\u9fff]", a):
        return True  # `网民规模达到了10.67` / `亿，…`: a number parted from its unit
    if _VERB_THEN_NUMBER.match(b) and re.search(r"[\u4e00-\u9fff]$", a) and _ITEM_START.match(b) is None:
        return True  # `报告显示手机网民规模` / `达5.60亿，…`: no paragraph starts with the verb before a number
    head = _ITEM_START.match(a.lstrip())
    if head is not None and _CLAUSE_MARK.search(a.lstrip(), head.end()) is None:
        return False  # `一、行业总体情况`: a numbered sub-head, its `、` no clause mark
    return (
        _CLAUSE_MARK.search(a) is not None
        and re.search(r"[\u4e00-\u9fff0-9０-９%]$", a) is not None
        and _ITEM_START.match(b) is None
    )


def _drop_page_furniture(text: str) -> str:
    marks = list(_PAGE_MARK.finditer(text))
    if not marks:
        return text
    head = ""
    if len(marks) > 1:
        # a running head: the words that follow every page mark but the last (the last closes the document)
        follows = [text[m.end() :].lstrip("\n")[:60] for m in marks]
        follows = [f for f in follows if f]
        if len(follows) > 1:
            head = _common_prefix(follows)
            head = re.sub(r"[0-9０-９.．%，,、]+$", "", head)
            if len(head.strip()) < 6:
                head = ""
    pieces: list[str] = []
    last = 0
    for m in marks:
        pieces.append(text[last : m.start()])
        rest = m.end()
        after = text[rest:]
        stripped = after.lstrip("\n")
        if head and stripped.startswith(head):
            # the page's text goes on after the running head: a line of its own, joined back by the wrap rules
            rest += len(after) - len(stripped) + len(head)
            pieces.append("\n")
        last = rest
    pieces.append(text[last:])
    return "".join(pieces)


def _common_prefix(items: list[str]) -> str:
    first = items[0]
    n = len(first)
    for s in items[1:]:
        n = min(n, len(s))
        for i in range(n):
            if first[i] != s[i]:
                n = i
                break
    return first[:n]
