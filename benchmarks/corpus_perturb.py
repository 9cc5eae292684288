"""Layout-noise invariance of the corpus reading (dev split only): every dev document is rewritten the way another
copy of the same page could plausibly look — web boilerplate around stories, other blank-line habits, CRLF line
ends, indentation, half-/full-width punctuation and digits, hard wraps, a byline in the dateline, a `——` subtitle,
the source line above the title, trailing spaces — keeping its gold, and each variant is scored like the original.

    BENCH_CORPUS_PERTURB=1 python -m benchmarks corpus           # every perturbation, then a few combined
    BENCH_CORPUS_PERTURB=crlf,indent python -m benchmarks corpus  # the named ones only

A perturbation never changes a gold fact: it adds no digits to a story, keeps every sentence's words (the scorer
locates articles by their folded quotes and titles, which ignore punctuation, width and line ends), and only adds
lines a reader should ignore (the boilerplate has no figures, subtitles are not titles by the corpus conventions).
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_corpus import DocScore, Totals, _template, documents, fold, score_document

Perturbation = Callable[[str, dict[str, Any]], str]

_SENT_END = "。！？”」；：）)"


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _title_rows(lines: list[str], gold: dict[str, Any]) -> list[int]:
    """Indexes of the lines holding a gold title on their own (folded), in document order, once each (the last
    occurrence: a table of contents lists the titles first)."""
    want = {fold(a["title"]) for a in gold["articles"] if fold(a["title"])}
    rows: dict[str, int] = {}
    for i, ln in enumerate(lines):
        f = fold(ln)
        if f in want:
            rows[f] = i
    return sorted(rows.values())


def _is_para(line: str) -> bool:
    """A paragraph line (long, or ending a sentence) rather than a title, masthead or table row."""
    s = line.strip()
    return "|" not in s and (len(s) >= 30 or (len(s) >= 12 and s[-1] in "。！？”"))


def _block_end(lines: list[str], i: int) -> int:
    """The row after title `i`'s block (the title and up to two subtitle lines under it, before any meta line)."""
    j = i + 1
    while j < min(len(lines), i + 3) and lines[j].strip() and not _is_para(lines[j]) and not _SOURCE_RE.match(lines[j]) \
            and not re.match(r"^\s*(?:本报|新华社|记者|本报记者|作者|编辑|来源)", lines[j]):
        j += 1
    return j


def _block_start(lines: list[str], i: int) -> int:
    """The first row of title `i`'s block (a kicker or section label just above it, blank lines between)."""
    k = i
    while k > 0 and i - k < 3 and (not lines[k - 1].strip() or not _is_para(lines[k - 1])):
        if lines[k - 1].strip() and (_SOURCE_RE.match(lines[k - 1]) or k - 1 < 3):
            break
        k -= 1
    while k < i and not lines[k].strip():
        k += 1
    return k


# ---------------------------------------------------------------------------------------------- perturbations

_TAIL = ["（完）", "责任编辑：王某", "【纠错】　分享到：", "打印本页　关闭窗口"]
_HEAD = ["本文来源：经济日报"]
_CAPTION = ["点击查看大图", "图为工作人员在分拣中心整理包裹。（记者 张三 摄）"]
_EDITOR = ["编辑：刘某　审核：陈某"]


def boiler_tail(text: str, gold: dict[str, Any]) -> str:
    """Closing web boilerplate after every story (before the next title and at the end)."""
    lines = _lines(text.rstrip("\n"))
    rows = _title_rows(lines, gold)
    if gold["layout"] in ("headline_after",):
        rows = []
    for i in reversed(rows[1:]):
        k = _block_start(lines, i)
        lines[k:k] = ["", *_TAIL, ""]
    return "\n".join([*lines, "", *_TAIL, ""])


def boiler_head(text: str, gold: dict[str, Any]) -> str:
    """A `本文来源：` line under every title block (after its subtitle lines)."""
    lines = _lines(text)
    if gold["layout"] == "headline_after":
        return text
    for i in reversed(_title_rows(lines, gold)):
        lines[_block_end(lines, i):_block_end(lines, i)] = _HEAD
    return "\n".join(lines)


def caption(text: str, gold: dict[str, Any]) -> str:
    """A photo caption and `点击查看大图` after the first paragraph of every story."""
    lines = _lines(text)
    if gold["layout"] == "headline_after":
        return text
    for i in reversed(_title_rows(lines, gold)):
        j = next((k for k in range(i + 1, min(len(lines), i + 8)) if _is_para(lines[k])), None)
        if j is not None:
            lines[j + 1:j + 1] = _CAPTION
    return "\n".join(lines)


def editor(text: str, gold: dict[str, Any]) -> str:
    """`编辑：…　审核：…` closing every story."""
    lines = _lines(text.rstrip("\n"))
    rows = [] if gold["layout"] == "headline_after" else _title_rows(lines, gold)
    for i in reversed(rows[1:]):
        k = _block_start(lines, i)
        lines[k:k] = [*_EDITOR, ""]
    return "\n".join([*lines, *_EDITOR, ""])


def no_blank(text: str, gold: dict[str, Any]) -> str:
    """No blank lines at all."""
    return "\n".join(ln for ln in _lines(text) if ln.strip()) + "\n"


def two_blank(text: str, gold: dict[str, Any]) -> str:
    """Two blank lines between paragraphs (runs of blank lines doubled; a sentence-final line gets them too)."""
    out: list[str] = []
    for ln in _lines(text):
        if not ln.strip():
            if out and out[-1] != "":
                out += ["", ""]
            continue
        out.append(ln)
        if ln.rstrip()[-1:] in "。！？" and _is_para(ln):
            out += ["", ""]
    return "\n".join(out) + "\n"


def crlf(text: str, gold: dict[str, Any]) -> str:
    return text.replace("\n", "\r\n")


def indent(text: str, gold: dict[str, Any]) -> str:
    """`　　` before every paragraph's first line."""
    out, prev = [], ""
    for ln in _lines(text):
        s = ln.strip()
        starts = not prev.strip() or prev.rstrip()[-1:] in "。！？”" or not _is_para(prev)
        out.append("　　" + s if s and _is_para(s) and starts and not ln.startswith("　　") else ln)
        prev = ln
    return "\n".join(out)


def no_indent(text: str, gold: dict[str, Any]) -> str:
    return "\n".join(ln.strip(" 　\t") for ln in _lines(text))


_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "％": "%"})
_ASCII = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)})  # full-width forms → ASCII
_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "%": "％", ".": "．"})


def half_width(text: str, gold: dict[str, Any]) -> str:
    """Half-width punctuation and digits (a page typed on an ASCII keyboard)."""
    return text.translate(_HALF).translate(_ASCII).replace("　", " ")


def full_width(text: str, gold: dict[str, Any]) -> str:
    """Full-width digits, `％` and `．` (a page typeset in full width)."""
    return text.translate(_FULL)


def rewrap(text: str, gold: dict[str, Any]) -> str:
    """Hard wraps at 30–40 characters (another width per document) in every long paragraph line."""
    if gold["layout"] in ("pdf_wrap", "headline_after"):
        return text
    width = 30 + sum(map(ord, gold.get("source", "") or "")) % 11
    out = []
    for ln in _lines(text):
        s = ln.rstrip()
        if len(s) > width + 4 and "|" not in s:
            out += [s[k:k + width] for k in range(0, len(s), width)]
        else:
            out.append(ln)
    return "\n".join(out)


_DATELINE_RE = re.compile(r"((?:新华社|中新社|中新网|本报)[^\n，。]{0,12}?(?:电|讯))(?![（(])")
_REPORTER_RE = re.compile(r"((?:电|讯))[（(](?:记者|通讯员)[^）)\n]{1,20}[）)]")


def dateline(text: str, gold: dict[str, Any]) -> str:
    """A byline `（记者 张三）` after every dateline lacking one, and none after those having one."""
    if _REPORTER_RE.search(text):
        return _REPORTER_RE.sub(r"\1", text)
    return _DATELINE_RE.sub(r"\1（记者 张三）", text)


def subtitle(text: str, gold: dict[str, Any]) -> str:
    """A `——` subtitle line under every title standing alone (no kicker, no subtitle)."""
    lines = _lines(text)
    if gold["layout"] == "headline_after":
        return text
    for i in reversed(_title_rows(lines, gold)):
        if _block_end(lines, i) == i + 1 and (i == 0 or not lines[i - 1].strip() or _is_para(lines[i - 1])):
            lines[i + 1:i + 1] = ["——聚焦数字消费新动能"]  # (a title with no kicker or subtitle yet)
    return "\n".join(lines)


_SOURCE_RE = re.compile(r"^\s*(?:来源|发布时间|发布日期|时间|信息来源)[：:]|^\s*\S{2,12}　+20\d\d[-年./]")


def source_above(text: str, gold: dict[str, Any]) -> str:
    """A source/date line right under a title moved above it."""
    lines = _lines(text)
    for i in reversed(_title_rows(lines, gold)):
        if i + 1 < len(lines) and _SOURCE_RE.match(lines[i + 1]) and not fold(lines[i + 1]).isdigit():
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    return "\n".join(lines)


def trailing(text: str, gold: dict[str, Any]) -> str:
    return "\n".join(ln + ("  " if k % 2 else " \t") if ln else ln for k, ln in enumerate(_lines(text)))


def _chain(*steps: Perturbation) -> Perturbation:
    def run(text: str, gold: dict[str, Any]) -> str:
        for step in steps:
            text = step(text, gold)
        return text
    return run


PERTURBATIONS: dict[str, Perturbation] = {
    "boiler_tail": boiler_tail,
    "boiler_head": boiler_head,
    "caption": caption,
    "editor": editor,
    "no_blank": no_blank,
    "two_blank": two_blank,
    "crlf": crlf,
    "indent": indent,
    "no_indent": no_indent,
    "half_width": half_width,
    "full_width": full_width,
    "rewrap": rewrap,
    "dateline": dateline,
    "subtitle": subtitle,
    "source_above": source_above,
    "trailing": trailing,
    "web_page": _chain(boiler_tail, caption, editor, crlf, trailing),
    "reflowed": _chain(no_blank, indent, rewrap),
    "typed": _chain(half_width, two_blank, dateline, subtitle),
    "all": _chain(boiler_tail, boiler_head, caption, subtitle, source_above, dateline, no_blank, indent, rewrap,
                  full_width, trailing, crlf),
}


def perturb(text: str, gold: dict[str, Any], name: str) -> str:
    """`text` as perturbation `name` rewrites it (the gold stays valid)."""
    return PERTURBATIONS[name](text, gold)


def score_perturbed(names: list[str], *, docs: list[tuple[Path, dict[str, Any]]] | None = None
                    ) -> dict[str, tuple[Totals, list[DocScore]]]:
    """Per perturbation: the dev totals and document scores of the perturbed documents."""
    docs = documents("dev") if docs is None else docs
    out: dict[str, tuple[Totals, list[DocScore]]] = {}
    with tempfile.TemporaryDirectory(prefix="dongtai-perturb-") as tmp:
        workdir = Path(tmp)
        template = _template(workdir)
        for name in names:
            folder = workdir / name
            folder.mkdir()
            total, scores = Totals(), []
            for path, gold in docs:
                variant = folder / path.name
                text = path.read_text(encoding="utf-8")
                text = text if name == "none" else perturb(text, gold, name)
                variant.write_bytes(text.encode("utf-8"))
                s = score_document(variant, gold, "dev", template, folder)
                total.add(s)
                scores.append(s)
            out[name] = (total, scores)
    return out


def run(spec: str, *, verbose: bool = False) -> None:
    started = time.perf_counter()
    names = ["none", *PERTURBATIONS] if spec.strip() in ("1", "all_perturbations") else \
        [n.strip() for n in spec.split(",") if n.strip() in PERTURBATIONS or n.strip() == "none"]
    results = score_perturbed(names)
    print("dev, perturbed:")
    for name, (t, scores) in results.items():
        print(f"  {name:13} titles {t.titles_found:3}/{t.titles_gold:<3} {t.title_recall:6.1%}  merged {t.merged:2}"
              f"  split {t.split_articles:2}  dates {t.date_accuracy:6.1%}  figures {t.figures_found:3}/"
              f"{t.figures_gold:<3} {t.figure_recall:6.1%}  wrong {t.wrong:3}" + (f"  refused {t.errors}" if t.errors
                                                                                  else ""))
        if verbose and name != "none":
            base = {s.name: s for s in results["none"][1]} if "none" in results else {}
            for s in scores:
                b = base.get(s.name)
                if b and (s.figures_found, s.titles_found, s.merged, s.split_articles, s.dates_ok, s.wrong) == \
                        (b.figures_found, b.titles_found, b.merged, b.split_articles, b.dates_ok, b.wrong):
                    continue
                print(f"    {s.name}: stored {s.stored_articles}, titles {s.titles_found}/{s.titles_gold}, merged "
                      f"{s.merged}, split {s.split_articles}, dates {s.dates_ok}/{s.dates_gold}, figures "
                      f"{s.figures_found}/{s.figures_gold}, wrong {s.wrong}" + (f", refused: {s.error}" if s.error
                                                                                 else ""))
                lost = set(s.missed) - set(b.missed) if b else set(s.missed)
                lines = [f"      title missed: {x}" for x in s.titles_missed if not b or x not in b.titles_missed]
                lines += [f"      date missed: {x}" for x in s.dates_missed if not b or x not in b.dates_missed]
                lines += [f"      figure missed: {x}" for x in s.missed if x in lost]
                lines += [f"      wrong: {x}" for x in s.wrong_list if not b or x not in b.wrong_list]
                print("\n".join(lines[:12]))
    print(f"  ({len(names)} variants of the dev split scored in {time.perf_counter() - started:.1f} s)")
