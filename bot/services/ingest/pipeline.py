"""The ingest stages, in the order they run: read → normalise → split into articles → extract figures → store.

    doc = read(path, name=name, max_bytes=...)                      # RawDocument (txt, pdf, docx)
    lines = normalise(doc)                                          # cleaned lines, widths, heading levels
    parsed = split_articles(doc, lines, published=...)              # ParsedBulletin (layout/)
    extraction = extract_figures(parsed)                            # fingerprints, tokens, figures: started
    stored = store_articles(session, doc, parsed, extraction, ...)  # Bulletin + Article rows (or a repeat: none)
    result = store_figures(session, stored)                         # Figure + ArticleSearch rows: IngestResult

`bot.services.ingest` strings them together (`ingest_file`, `ingest_files`, `store_parsed`). **Parallelism** is
hidden behind `extract_figures`: it starts the CPU-heavy work (jieba tokens, figures, simhash fingerprints) through
`bot.text.tokenize.start_batches`, in the worker processes for large files and in-process otherwise, and returns
functions that wait for the results. `store_articles` waits for the fingerprints only (it needs them to decide what
to store); `store_figures` waits for the rest, so a caller may read the next file in between (`ingest_files`).

`prepare_articles` (tokens and figures of a batch of articles) is the pure, picklable function the workers run:
every article's text is segmented exactly once per ingest (title and body, as `search.index_article` would), and
the figures are exactly `figures.figures_for_article`'s. Nothing here commits.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert, update
from sqlmodel import Session, SQLModel, select

from bot.config import MAX_UPLOAD_BYTES, get_settings
from bot.db.models import Article, ArticleSearch, Bulletin, Figure, utcnow
from bot.errors import N_, IngestError
from bot.services import figures as figures_service
from bot.services import search as search_service
from bot.services.ingest.dedupe import FingerprintIndex, content_hash, load_index, simhash_many, to_signed
from bot.services.ingest.layout import Line, ParsedBulletin, read_lines
from bot.services.ingest.layout import split_articles as split_lines
from bot.services.ingest.normalise import fold
from bot.services.ingest.readers import RawDocument, read_file
from bot.text.tokenize import start_batches

log = logging.getLogger(__name__)

#: the reason `split_articles` gives for a file without articles
NO_ARTICLES_RECOGNISED = N_("no articles recognised in the file")


@dataclass(slots=True)
class IngestResult:
    bulletin_id: int | None
    file_name: str
    articles_added: int = 0
    figures_added: int = 0
    duplicates_skipped: int = 0
    #: id of the stored bulletin this file repeats (then nothing was added)
    duplicate_of: int | None = None
    seconds: float = 0.0
    #: new articles recognised as the same story as an earlier article (stored, with `duplicate_of_id` set)
    near_duplicates: int = 0
    publication: str = ""
    issue_no: str | None = None
    published: date | None = None
    layout: str = ""

    def summary(self) -> str:
        if self.duplicate_of is not None:
            return (
                f"{self.file_name}: already stored as bulletin #{self.duplicate_of}; nothing added "
                f"({self.duplicates_skipped} articles skipped, {self.seconds:.2f} s)"
            )
        parts = [f"{self.articles_added} articles", f"{self.figures_added} figures"]
        if self.near_duplicates:
            parts.append(f"{self.near_duplicates} repeat earlier stories")
        if self.duplicates_skipped:
            parts.append(f"{self.duplicates_skipped} duplicates skipped")
        what = " ".join(p for p in (self.publication, self.issue_no or "") if p)
        label = f" ({what})" if what else ""
        return f"{self.file_name}: bulletin #{self.bulletin_id}{label}: {', '.join(parts)} in {self.seconds:.2f} s"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["seconds"] = round(self.seconds, 3)
        return data


# ------------------------------------------------------------------------------------- 1-3: read, normalise, split


def _max_bytes() -> int:
    try:
        return int(get_settings().max_upload_bytes)
    except Exception:  # settings invalid: the CLI reports that separately  # noqa: BLE001
        return MAX_UPLOAD_BYTES


def read(path: Path, *, name: str, max_bytes: int | None = None) -> RawDocument:
    """Stage 1: the file's text lines (raises `IngestError` for unreadable, empty or oversized files)."""
    return read_file(path, max_bytes=max_bytes if max_bytes is not None else _max_bytes(), display_name=name)


def normalise(doc: RawDocument) -> list[Line]:
    """Stage 2: every line cleaned (`normalise.clean_line`), measured and given its heading level."""
    return read_lines(doc)


def split_articles(doc: RawDocument, lines: list[Line], *, published: date | None = None) -> ParsedBulletin:
    """Stage 3: the articles (layout/), with the bulletin's masthead, issue and date. Raises `IngestError` when
    there are none."""
    try:
        parsed = split_lines(lines, has_styles=doc.has_styles, published=published)
    except IngestError:
        raise
    except Exception:  # a layout the parser chokes on is a bad file for the user, a bug for us
        log.exception("splitting into articles failed for %s", doc.name)
        raise IngestError(doc.name, NO_ARTICLES_RECOGNISED) from None
    if not parsed.articles:
        raise IngestError(doc.name, NO_ARTICLES_RECOGNISED)
    return parsed


# ----------------------------------------------------------------------------------------------- 4: extract


@dataclass(frozen=True, slots=True)
class ArticleInput:
    title: str
    body: str
    published: date | None
    #: the region the article's outlet, else the bulletin's publication, is named after (figures.home_region): what
    #: 我市/全市 mean in it
    home: str = ""
    #: the article's outlet and the bulletin's masthead and issuer: what the upload says of where it comes from
    scope: str = ""


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    #: `article_search` column values (space-separated jieba search-mode tokens)
    title_tokens: str
    body_tokens: str
    #: `figure` column values without `article_id`
    figures: list[dict[str, Any]]


def article_inputs(parsed: ParsedBulletin) -> list[ArticleInput]:
    """Each article as the extract stage reads it (the upload preview counts figures from the same inputs)."""
    # (else the issuing body the front matter names: `江苏省商务厅电子商务处` → 江苏)
    home = figures_service.home_region(parsed.publication or "") or figures_service.home_region(parsed.issuer)
    # an item's own issuer (`出处：河北省统计局` under its title) says what its 全省/我市 mean, before the container's
    return [
        ArticleInput(
            a.title[:500],
            a.body,
            a.published,
            figures_service.home_region(a.outlet) or home,
            " ".join(x for x in (a.outlet, parsed.publication or "", parsed.issuer) if x),
        )
        for a in parsed.articles
    ]


def article_figures(item: ArticleInput) -> list[dict[str, Any]]:
    """`figure` column values of one article (without `article_id`)."""
    return figures_service.figure_values(
        item.body, item.published, title=item.title, home=item.home, scope=item.scope
    )


def prepare_article(item: ArticleInput) -> PreparedArticle:
    # search._tokens is the one definition of the stored token text (the query side relies on it)
    return PreparedArticle(
        title_tokens=search_service._tokens(item.title),  # noqa: SLF001
        body_tokens=search_service._tokens(item.body),  # noqa: SLF001
        figures=article_figures(item),
    )


def prepare_articles(items: list[ArticleInput]) -> list[PreparedArticle]:
    """What a worker process runs: tokens and figures of a batch of articles."""
    return [prepare_article(item) for item in items]


@dataclass(slots=True)
class Extraction:
    """A parsed file's folded texts, content hash and article inputs, and its CPU-heavy work (see
    `extract_figures`): `fingerprints()` and `prepared()` start it if need be, then wait for it."""

    folded: list[str]
    digest: str
    inputs: list[ArticleInput]
    _waits: tuple[Callable[[], list[int]], Callable[[], list[PreparedArticle]]] | None = None

    def start(self) -> Extraction:
        """Start the work, once: fingerprints first (needed to decide what to store), then tokens and figures."""
        if self._waits is None:
            sizes = [len(t) for t in self.folded]
            self._waits = (
                start_batches(simhash_many, self.folded, sizes),
                start_batches(prepare_articles, self.inputs, sizes),
            )
        return self

    def fingerprints(self) -> list[int]:
        """The articles' simhash fingerprints (waits for them)."""
        waits = self.start()._waits
        assert waits is not None
        return waits[0]()

    def prepared(self) -> list[PreparedArticle]:
        """The articles' search tokens and figures (waits for them)."""
        waits = self.start()._waits
        assert waits is not None
        return waits[1]()


def fold_and_hash(parsed: ParsedBulletin) -> tuple[list[str], str]:
    """The articles' folded texts (hash and fingerprints compare these) and the file's content hash."""
    folded = [fold(f"{a.title}\n{a.body}") for a in parsed.articles]  # once, for the hash and the fingerprints
    return folded, content_hash(folded, folded=True)


def extract_figures(parsed: ParsedBulletin, *, lazily: bool = False) -> Extraction:
    """Stage 4: fingerprints, search tokens and figures of every article, in the worker pool for large files (the
    one place ingest uses the pool: `start_batches`). Started now, or with `lazily` when `store_articles` has found
    the file is no repeat of a stored bulletin (no work for a repeat); the `Extraction` waits for the results."""
    folded, digest = fold_and_hash(parsed)
    extraction = Extraction(folded, digest, article_inputs(parsed))
    return extraction if lazily else extraction.start()


# ------------------------------------------------------------------------------------------------- 5: store


@dataclass(slots=True)
class StoredArticles:
    """A file's `Article` rows, written; its figures and search tokens still to store (`store_figures`)."""

    result: IngestResult
    #: article ids in order (empty when the file repeats a stored bulletin: nothing was written)
    ids: list[int] = field(default_factory=list)
    extraction: Extraction | None = None
    started: float = 0.0


def same_bulletin(matches: list[tuple[int, int, int] | None], n: int) -> int | None:
    """A bulletin id when every article of the file is a near-copy of an article of that one stored bulletin
    holding the same number of articles' worth of matches (at least 90 % of the file's articles)."""
    if not matches or any(m is None for m in matches):
        return None
    counts = Counter(m[1] for m in matches if m is not None)
    bid, hits = counts.most_common(1)[0]
    return bid if hits >= max(1, int(0.9 * n)) and hits == n else None


def _repeat(result: IngestResult, of: int, n: int, started: float) -> StoredArticles:
    result.duplicate_of = result.bulletin_id = of
    result.duplicates_skipped = n
    result.seconds = time.perf_counter() - started
    return StoredArticles(result)


def _table(model: type[SQLModel]) -> Table:
    """The model's table, for Core INSERTs of many plain rows."""
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def store_articles(
    session: Session,
    doc: RawDocument,
    parsed: ParsedBulletin,
    extraction: Extraction,
    *,
    name: str,
    loaded_by: int | None,
    started: float,
) -> StoredArticles:
    """Stage 5a: the `Bulletin` and its `Article` rows, near-duplicates marked; nothing when the file repeats a
    stored bulletin (same content, or every article a near-copy of one bulletin's: the PDF of a stored text file).
    Waits for the extraction's fingerprints (starting it, when lazy, once the content hash is known to be new)."""
    result = IngestResult(
        bulletin_id=None,
        file_name=name,
        publication=parsed.publication,
        issue_no=parsed.issue_no,
        published=parsed.published,
        layout=parsed.layout,
    )
    existing = session.exec(select(Bulletin).where(Bulletin.content_hash == extraction.digest)).first()
    if existing is not None:
        assert existing.id is not None
        return _repeat(result, existing.id, len(parsed.articles), started)

    extraction.start()  # (the pool works while the fingerprint index loads)
    index = load_index(session)
    fingerprints = extraction.fingerprints()
    matches = [index.nearest(fp) for fp in fingerprints]
    same = same_bulletin(matches, len(parsed.articles))
    if same is not None:
        return _repeat(result, same, len(parsed.articles), started)

    bulletin = Bulletin(
        publication=parsed.publication[:200],
        issue_no=parsed.issue_no,
        published=parsed.published,
        file_name=name[:500],
        file_format=doc.fmt,
        size_bytes=doc.size_bytes,
        content_hash=extraction.digest,
        loaded_by=loaded_by,
    )
    session.add(bulletin)
    session.flush()
    assert bulletin.id is not None
    now = utcnow()
    values = [
        {
            "bulletin_id": bulletin.id,
            "seq": seq,
            "section": art.section[:100],
            "title": item.title,
            "outlet": art.outlet[:200],
            "published": art.published,
            "body": art.body,
            "fingerprint": to_signed(fp),
            "duplicate_of_id": match[0] if match else None,
            "created_at": now,
        }
        for seq, (art, item, fp, match) in enumerate(
            zip(parsed.articles, extraction.inputs, fingerprints, matches, strict=True), start=1
        )
    ]
    # batched multi-row INSERTs for the whole file, Core statements on the tables (the rows are plain values: no
    # ORM bookkeeping per row); the ids come back keyed by `seq` (asking for parameter order would make SQLite
    # insert row by row)
    table = _table(Article)
    stmt = insert(table).returning(table.c.seq, table.c.id)
    id_of_seq = {int(seq): int(aid) for seq, aid in session.execute(stmt, values)}
    ids = [id_of_seq[seq] for seq in range(1, len(values) + 1)]
    local = FingerprintIndex()  # repeats inside this very file
    repeats: list[dict[str, int]] = []
    for aid, fp, match in zip(ids, fingerprints, matches, strict=True):
        if match is None:
            match = local.nearest(fp)
            if match is not None:  # an earlier article of this same file
                repeats.append({"id": aid, "duplicate_of_id": match[0]})
        if match is not None:
            result.near_duplicates += 1
        else:
            local.add(aid, bulletin.id, fp)
    if repeats:
        session.execute(update(Article), repeats)
    result.bulletin_id = bulletin.id
    return StoredArticles(result, ids, extraction, started)


def store_figures(session: Session, stored: StoredArticles) -> IngestResult:
    """Stage 5b: the articles' `Figure` and `ArticleSearch` rows (waiting for `extract_figures` to finish); the
    file's `IngestResult`. A repeat stores nothing."""
    result = stored.result
    if stored.extraction is None:
        return result
    ids = stored.ids
    prepared = stored.extraction.prepared()
    figure_rows = [{"article_id": aid, **fig} for aid, prep in zip(ids, prepared, strict=True) for fig in prep.figures]
    if figure_rows:
        session.execute(insert(_table(Figure)), figure_rows)
    session.execute(
        insert(_table(ArticleSearch)),
        [
            {"article_id": aid, "title_tokens": prep.title_tokens, "body_tokens": prep.body_tokens}
            for aid, prep in zip(ids, prepared, strict=True)
        ],
    )
    result.figures_added = len(figure_rows)
    result.articles_added = len(ids)
    result.seconds = time.perf_counter() - stored.started
    log.info("ingested %s", result.summary())
    return result
