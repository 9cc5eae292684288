"""Bulletin ingestion: a file becomes a `Bulletin` with its `Article`, `Figure` and search rows.

The pipeline (`ingest_file`, top to bottom; each stage a function in `pipeline.py`):

    read → normalise → split into articles → extract figures → store (articles, then figures and search tokens)

`parse_file` is the first three stages alone (the upload preview shows its result before anything is stored, then
`store_parsed` runs the rest); `ingest_files` runs the same stages over many files, reading the next file while the
worker processes extract the current one's figures; `load_seeds` ingests seeds/. The layouts are in `layout/`,
duplicate detection in `dedupe.py`, what makes a file a bulletin in `acceptance.py`, upload previews in `preview.py`.

Nothing here commits: `ingest_file` and `store_parsed` run in the caller's `session_scope`, and any `IngestError` (or
other exception) rolls the whole file back, so the store is all-or-nothing per file. `ingest_files` commits each
file in its own transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Bulletin
from bot.errors import IngestError
from bot.services.ingest.acceptance import NO_ARTICLES, check_bulletin
from bot.services.ingest.dedupe import load_index, simhash_many
from bot.services.ingest.layout import ParsedBulletin
from bot.services.ingest.pipeline import (
    NO_ARTICLES_RECOGNISED,
    Extraction,
    IngestResult,
    extract_figures,
    fold_and_hash,
    normalise,
    read,
    same_bulletin,
    split_articles,
    store_articles,
    store_figures,
)
from bot.services.ingest.readers import SUPPORTED, RawDocument

__all__ = [
    "IngestResult",
    "IngestError",
    "NO_ARTICLES_RECOGNISED",
    "SUPPORTED",
    "bulletin_hash",
    "ingest_file",
    "ingest_files",
    "load_seeds",
    "parse_file",
    "stored_copy",
    "store_parsed",
]

log = logging.getLogger(__name__)

#: seed-directory files that are data, not bulletins
_NOT_BULLETINS = {"userdict.txt", "regions.txt"}


def ingest_file(
    session: Session,
    path: Path,
    *,
    published: date | None = None,
    loaded_by: int | None = None,
    display_name: str | None = None,
    max_bytes: int | None = None,
    publication: str | None = None,
) -> IngestResult:
    """Read, split and store one bulletin file. Does not commit (see module doc). `publication` names the
    bulletin when the file carries no masthead (and replaces the one it carries)."""
    started = time.perf_counter()
    name = display_name or Path(path).name
    doc = read(Path(path), name=name, max_bytes=max_bytes)
    lines = normalise(doc)
    parsed = split_articles(doc, lines, published=published)
    if publication:
        parsed.publication = publication
    extraction = extract_figures(parsed, lazily=True)  # starts once `store_articles` knows the file is new
    stored = store_articles(session, doc, parsed, extraction, name=name, loaded_by=loaded_by, started=started)
    return store_figures(session, stored)


def parse_file(
    path: Path, *, published: date | None = None, display_name: str | None = None, max_bytes: int | None = None
) -> tuple[RawDocument, ParsedBulletin]:
    """Read, normalise and split a file without touching the store (raises `IngestError`)."""
    doc = read(path, name=display_name or path.name, max_bytes=max_bytes)
    return doc, split_articles(doc, normalise(doc), published=published)


def store_parsed(
    session: Session, doc: RawDocument, parsed: ParsedBulletin, *, name: str, loaded_by: int | None = None
) -> IngestResult:
    """Store a file parsed earlier (an upload the admin previewed and confirmed), exactly as parsed. Does not
    commit. A bulletin already stored (same content) adds nothing: `duplicate_of` is set."""
    started = time.perf_counter()
    extraction = extract_figures(parsed, lazily=True)
    stored = store_articles(session, doc, parsed, extraction, name=name, loaded_by=loaded_by, started=started)
    return store_figures(session, stored)


def bulletin_hash(parsed: ParsedBulletin) -> str:
    """The content hash a stored `Bulletin` of this parse would carry (what makes two uploads the same)."""
    return fold_and_hash(parsed)[1]


def stored_copy(session: Session, parsed: ParsedBulletin) -> int | None:
    """The id of the stored bulletin storing this parse would repeat: same content, or every article a near-copy
    of that bulletin's (the PDF of a stored text file). Exactly `store_articles`'s test; nothing is written."""
    folded, digest = fold_and_hash(parsed)
    existing = session.exec(select(Bulletin.id).where(Bulletin.content_hash == digest)).first()
    if existing is not None:
        return int(existing)
    index = load_index(session)
    return same_bulletin([index.nearest(fp) for fp in simhash_many(folded)], len(parsed.articles))


def ingest_files(
    engine: Engine,
    paths: Iterable[Path],
    *,
    published: date | None = None,
    loaded_by: int | None = None,
    publication: str | None = None,
    require_bulletin: bool = False,
) -> Iterator[tuple[Path, IngestResult | IngestError]]:
    """Ingest several files, each in its own transaction (committed in order), yielding (path, result or the
    `IngestError` that kept it out). The same stages as `ingest_file`, overlapped: the next file is read and split
    while the worker processes extract the current one's figures. `publication` names every file (see
    `ingest_file`); `require_bulletin` refuses files that do not look like a bulletin (`acceptance.check_bulletin`)."""
    todo = [Path(p) for p in paths]

    def read_ahead(k: int) -> tuple[float, tuple[RawDocument, ParsedBulletin, Extraction] | IngestError] | None:
        """File k read, normalised and split, and its figure extraction started right away (speculatively: wasted
        only if it turns out a repeat), so the workers never wait for the file before it to be stored."""
        if k >= len(todo):
            return None
        t0 = time.perf_counter()
        try:
            doc, parsed = _parse_one(todo[k], published=published, require_bulletin=require_bulletin)
        except IngestError as exc:
            return t0, exc
        if publication:
            parsed.publication = publication
        return t0, (doc, parsed, extract_figures(parsed))

    upcoming = read_ahead(0)
    for i, path in enumerate(todo):
        assert upcoming is not None
        started, current = upcoming
        if isinstance(current, IngestError):
            upcoming = read_ahead(i + 1)
            yield path, current
            continue
        doc, parsed, extraction = current
        with session_scope(engine) as session:
            stored = store_articles(
                session, doc, parsed, extraction, name=path.name, loaded_by=loaded_by, started=started
            )
            upcoming = read_ahead(i + 1)  # while the pool extracts this file's figures (or after a repeat)
            parsing = time.perf_counter() - upcoming[0] if upcoming else 0.0
            result = store_figures(session, stored)
            result.seconds = max(0.0, result.seconds - parsing)
        yield path, result


def _parse_one(path: Path, *, published: date | None, require_bulletin: bool) -> tuple[RawDocument, ParsedBulletin]:
    """`parse_file`, refusing (with `require_bulletin`) files that do not look like a bulletin."""
    try:
        doc, parsed = parse_file(path, published=published)
    except IngestError as exc:
        if require_bulletin and exc.reason == NO_ARTICLES_RECOGNISED:
            raise IngestError(exc.file_name, NO_ARTICLES) from None
        raise
    if require_bulletin:
        check_bulletin(doc.name, parsed.articles)
    return doc, parsed


def _is_data_file(path: Path) -> bool:
    """Seed-directory data files (dictionaries, lists) start with a `#` comment line; bulletins never do."""
    if path.name in _NOT_BULLETINS:
        return True
    if path.suffix.lower() != ".txt":
        return False
    with path.open("rb") as fh:
        head = fh.read(512).lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"#")


def load_seeds(engine: Engine, seeds_dir: Path) -> list[IngestResult]:
    """Ingest every bulletin in `seeds_dir` (each in its own transaction). Idempotent: a second run adds nothing."""
    results: list[IngestResult] = []
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return results
    files = sorted(p for p in seeds_dir.iterdir() if p.suffix.lower() in SUPPORTED and not _is_data_file(p))
    for _path, outcome in ingest_files(engine, files):
        if isinstance(outcome, IngestError):
            log.warning("seed not loaded: %s", outcome)
        else:
            results.append(outcome)
    return results
