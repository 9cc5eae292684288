"""What makes a file a bulletin: the evidence an upload must show before it is offered for storing.

A bulletin, for Dongtai, is Chinese prose organised as articles. A parsed file counts as one when all hold:

* **enough Chinese text**: at least `MIN_CJK` CJK characters in its articles (titles and bodies), and CJK characters
  make up at least `MIN_CJK_SHARE` of its letters (CJK + Latin) — `hello world`, lorem ipsum, a list of numbers fail;
* **at least one real article**: a title of at least `MIN_TITLE_CHARS` characters and a body holding at least one
  full sentence (ending in 。！？ or ；) and at least `MIN_BODY_CJK` CJK characters — a shopping list
  (`苹果 3斤 / 牛奶 2盒`), a table of contents, or a one-line note fail.

The checks read only the parsed result (`ParsedBulletin`), so they follow whatever the layout parser finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.errors import N_, IngestError

MIN_CJK = 100
MIN_CJK_SHARE = 0.3
MIN_TITLE_CHARS = 4
MIN_BODY_CJK = 30

_CJK_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile("[A-Za-z]")
_SENTENCE_END_RE = re.compile("[。！？；!?;]")

#: reasons (msgids) a file is refused as not a bulletin
NO_ARTICLES = N_("not a bulletin: no article with a title and a body of full sentences was found")
TOO_LITTLE_CHINESE = N_("not a bulletin: too little Chinese text ({count} characters; a bulletin has at least {min})")
NOT_CHINESE = N_("not a bulletin: the text is mostly not Chinese")


@dataclass(frozen=True, slots=True)
class Evidence:
    cjk: int
    latin: int
    real_articles: int

    @property
    def cjk_share(self) -> float:
        letters = self.cjk + self.latin
        return self.cjk / letters if letters else 0.0


def is_real_article(title: str, body: str) -> bool:
    """A title and a body with at least one full sentence of Chinese prose."""
    return (
        len(title.strip()) >= MIN_TITLE_CHARS
        and len(_CJK_RE.findall(body)) >= MIN_BODY_CJK
        and _SENTENCE_END_RE.search(body) is not None
    )


def gather(articles: Iterable[Any]) -> Evidence:
    """Count the evidence in parsed articles (anything with `.title` and `.body`)."""
    cjk = latin = real = 0
    for art in articles:
        title, body = str(getattr(art, "title", "") or ""), str(getattr(art, "body", "") or "")
        cjk += len(_CJK_RE.findall(title)) + len(_CJK_RE.findall(body))
        latin += len(_LATIN_RE.findall(title)) + len(_LATIN_RE.findall(body))
        real += is_real_article(title, body)
    return Evidence(cjk, latin, real)


def check_bulletin(name: str, articles: Iterable[Any]) -> Evidence:
    """Raise `IngestError` (one line naming the file) unless the parsed articles look like a bulletin."""
    ev = gather(articles)
    if ev.cjk_share < MIN_CJK_SHARE and ev.latin >= MIN_CJK:
        raise IngestError(name, NOT_CHINESE)
    if ev.cjk < MIN_CJK:
        raise IngestError(name, TOO_LITTLE_CHINESE, count=ev.cjk, min=MIN_CJK)
    if ev.real_articles == 0:
        raise IngestError(name, NO_ARTICLES)
    return ev
