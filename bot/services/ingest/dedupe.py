"""Duplicate detection.

* `content_hash(articles)`: SHA-256 of the folded text of all articles in order (NFKC, no whitespace/punctuation,
  lower case), so the same bulletin in another encoding, with other line endings or as PDF instead of text hashes
  the same — and so does a different split of the same text into articles.
* `simhash(text)`: 64-bit SimHash over character 4-grams of the folded text. Two articles whose fingerprints differ
  in at most `NEAR_DUP_BITS` (7) bits carry the same story (measured on the seeds: 5565 pairs of
  unrelated seed articles are ≥ 17 apart; light edits of one article ≤ 7).
* `FingerprintIndex`: band index (pigeonhole: 8 bands of 8 bits, any pair within 7 bits shares a band) over the
  stored fingerprints, loaded incrementally once per ingest — never an SQL query per article.

SimHash is computed in pure Python without numpy: each 4-gram's hash is "spread" into 64 lanes of a big integer
(one lane per bit), the spreads are summed (C-level big-int additions) and the lanes read back. Spreads are cached
per 4-gram, which makes repeated vocabulary nearly free.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from bot.db.models import Article
from bot.services.ingest.normalise import fold

NEAR_DUP_BITS = 7
SHINGLE = 4
_LANE = 24  # bits per lane: up to 16M shingles per text without overflow
_MASK = (1 << _LANE) - 1
_BANDS = 8
_BAND_BITS = 64 // _BANDS

# _SPREAD[k][byte] = the 8 bits of `byte` spread into lanes 8k..8k+7
_SPREAD = [
    [sum(1 << (_LANE * (8 * k + b)) for b in range(8) if byte >> b & 1) for byte in range(256)] for k in range(8)
]
_cache: dict[str, int] = {}
_cache_lock = threading.Lock()
_CACHE_MAX = 400_000


def content_hash(texts: Iterable[str], *, folded: bool = False) -> str:
    """SHA-256 of the folded texts (`folded=True`: the texts are `fold()`ed already)."""
    h = hashlib.sha256()
    for text in texts:
        h.update((text if folded else fold(text)).encode("utf-8"))
    return h.hexdigest()


def _spread(shingle: str) -> int:
    digest = hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest()
    s0, s1, s2, s3, s4, s5, s6, s7 = _SPREAD
    return (
        s0[digest[0]]
        + s1[digest[1]]
        + s2[digest[2]]
        + s3[digest[3]]
        + s4[digest[4]]
        + s5[digest[5]]
        + s6[digest[6]]
        + s7[digest[7]]
    )


def simhash(text: str) -> int:
    """Unsigned 64-bit SimHash of the folded text (0 for texts shorter than one shingle)."""
    return simhash_folded(fold(text))


def simhash_folded(folded: str) -> int:
    """`simhash` of a text already `fold()`ed."""
    n = len(folded) - SHINGLE + 1  # (slices in a set comprehension: some 20 % faster than a look-ahead findall)
    shingles = {folded[i : i + SHINGLE] for i in range(n)} if n > 0 else {folded} if folded else set()
    if not shingles:
        return 0
    global _cache
    cache = _cache
    missing = shingles.difference(cache)
    if missing:
        with _cache_lock:
            if _cache is not cache:  # replaced meanwhile by another thread
                cache = _cache
                missing = shingles.difference(cache)
            if len(cache) + len(missing) > _CACHE_MAX:
                cache = _cache = {}  # a fresh dict: other threads keep reading the one they hold
                missing = shingles
            for s in missing:
                cache[s] = _spread(s)
    total = sum(map(cache.__getitem__, shingles))
    half = len(shingles) / 2
    value = 0
    for bit in range(64):
        if (total >> (_LANE * bit)) & _MASK > half:
            value |= 1 << bit
    return value


def simhash_many(folded: list[str]) -> list[int]:
    """`simhash_folded` of each text (picklable: runs in the segmentation worker pool)."""
    return [simhash_folded(t) for t in folded]


def to_signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def hamming(a: int, b: int) -> int:
    return (to_unsigned(a) ^ to_unsigned(b)).bit_count()


@dataclass
class FingerprintIndex:
    """In-memory band index of (article id, bulletin id, fingerprint). The bands hold each distinct fingerprint
    once (a story stored many times costs one comparison, not one per copy), with its oldest article."""

    bands: list[dict[int, list[int]]] = field(default_factory=lambda: [{} for _ in range(_BANDS)])
    fps: dict[int, tuple[int, int]] = field(default_factory=dict)  # article id -> (unsigned fp, bulletin id)
    #: distinct fingerprint -> (oldest article id, its bulletin id): what `nearest` answers for that fingerprint
    oldest: dict[int, tuple[int, int]] = field(default_factory=dict)
    max_id: int = 0

    def add(self, article_id: int, bulletin_id: int, fingerprint: int) -> None:
        fp = to_unsigned(fingerprint)
        if fp == 0 or article_id in self.fps:
            return
        self.fps[article_id] = (fp, bulletin_id)
        known = self.oldest.get(fp)
        if known is None:
            self.oldest[fp] = (article_id, bulletin_id)
            for i in range(_BANDS):
                self.bands[i].setdefault((fp >> (i * _BAND_BITS)) & 0xFF, []).append(fp)
        elif article_id < known[0]:
            self.oldest[fp] = (article_id, bulletin_id)
        self.max_id = max(self.max_id, article_id)

    def nearest(self, fingerprint: int, *, max_bits: int = NEAR_DUP_BITS) -> tuple[int, int, int] | None:
        """(article id, bulletin id, distance) of the closest stored fingerprint within `max_bits`, oldest first."""
        fp = to_unsigned(fingerprint)
        if fp == 0:
            return None
        best: tuple[int, int, int] | None = None
        oldest = self.oldest
        for i, band in enumerate(self.bands):
            # a fingerprint met again in another band compares the same way: no need to remember which were seen
            for other in band.get((fp >> (i * _BAND_BITS)) & 0xFF, ()):
                d = (fp ^ other).bit_count()
                if d <= max_bits:
                    aid, bid = oldest[other]
                    if best is None or (d, aid) < (best[2], best[0]):
                        best = (aid, bid, d)
        return best


_indexes: dict[str, tuple[int, FingerprintIndex]] = {}
_indexes_lock = threading.Lock()


def load_index(session: Session) -> FingerprintIndex:
    """The fingerprint index of the committed store (treat as read-only), refreshed incrementally: only rows newer
    than the last load are read; a changed row count below that point (deletions) triggers a full reload."""
    bind = session.get_bind()
    key = str(bind.url) if hasattr(bind, "url") else str(id(bind))
    with _indexes_lock:
        cached = _indexes.get(key)
    index = cached[1] if cached else FingerprintIndex()
    count_known = cached[0] if cached else 0
    if cached:
        # the rows at or below the last id loaded, as all rows less the newer ones: one statement (one snapshot),
        # and SQLite counts a whole table from its smallest index instead of walking the article rows (bodies)
        total = select(func.count()).select_from(Article).scalar_subquery()
        newer = select(func.count()).select_from(Article).where(col(Article.id) > index.max_id).scalar_subquery()
        below = session.exec(select(total - newer)).one()
        if int(below) != count_known:
            index, count_known = FingerprintIndex(), 0
    rows = session.exec(
        select(Article.id, Article.bulletin_id, Article.fingerprint)
        .where(col(Article.id) > index.max_id)
        .order_by(col(Article.id))
    ).all()
    if rows:
        # appended in place (no copy per load: that made a large archive quadratic); readers in other threads only
        # ever see committed articles added, which is harmless, and list/dict updates are atomic
        with _indexes_lock:
            current = _indexes.get(key)
            if current is not None and current[1] is index:
                count_known = current[0]
            new = [(aid, bid, fp) for aid, bid, fp in rows if aid is not None and aid > index.max_id]
            for aid, bid, fp in new:
                index.add(aid, bid, fp)
                index.max_id = max(index.max_id, aid)
            _indexes[key] = (count_known + len(new), index)
    return index
