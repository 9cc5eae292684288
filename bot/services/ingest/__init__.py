"""Bulletin ingestion: file → readers → segmentation → deduplicated `Bulletin` + `Article` rows.

`ingest_file` never commits: the caller's `session_scope` commits, and any `IngestError` (or other exception)
rolls the whole file back, so the store is all-or-nothing per file.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.config import MAX_UPLOAD_BYTES, get_settings
from bot.db.engine import session_scope
from bot.db.models import Article, ArticleSearch, Bulletin, Figure, utcnow
from bot.errors import N_, IngestError
from bot.services.figures import home_region
from bot.services.ingest.acceptance import NO_ARTICLES, check_bulletin
from bot.services.ingest.dedupe import (
    FingerprintIndex,
    content_hash,
    load_index,
    simhash_many,
    to_signed,
)
from bot.services.ingest.normalise import fold
from bot.services.ingest.prepare import ArticleInput, PreparedArticle, prepare_articles
from bot.services.ingest.readers import SUPPORTED, RawDocument, read_file
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.text.tokenize import start_batches

__all__ = [
    "IngestResult", "IngestError", "bulletin_hash", "ingest_file", "ingest_files", "load_seeds", "parse_file",
    "stored_copy", "store_parsed", "SUPPORTED",
]

log = logging.getLogger(__name__)

#: seed-directory files that are data, not bulletins
_NOT_BULLETINS = {"userdict.txt", "regions.txt"}


def _is_data_file(path: Path) -> bool:
    """Seed-directory data files (dictionaries, lists) start with a `#` comment line; bulletins never do."""
    if path.name in _NOT_BULLETINS:
        return True
    if path.suffix.lower() != ".txt":
        return False
    with path.open("rb") as fh:
        head = fh.read(512).lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"#")


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


#: the reason `parse_file` gives for a file without articles
NO_ARTICLES_RECOGNISED = N_("no articles recognised in the file")


def _max_bytes() -> int:
    try:
        return int(get_settings().max_upload_bytes)
    except Exception:  # settings invalid: the CLI reports that separately  # noqa: BLE001
        return MAX_UPLOAD_BYTES


def parse_file(
    path: Path, *, published: date | None = None, display_name: str | None = None, max_bytes: int | None = None
) -> tuple[RawDocument, ParsedBulletin]:
    """Read and segment a file without touching the store (raises `IngestError`)."""
    name = display_name or path.name
    doc = read_file(path, max_bytes=max_bytes if max_bytes is not None else _max_bytes(), display_name=name)
    try:
        parsed = parse_document(doc, published=published)
    except IngestError:
        raise
    except Exception:  # a layout the segmenter chokes on is a bad file for the user, a bug for us
        log.exception("segmentation failed for %s", name)
        raise IngestError(name, NO_ARTICLES_RECOGNISED) from None
    if not parsed.articles:
        raise IngestError(name, NO_ARTICLES_RECOGNISED)
    return doc, parsed


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
    """Read, segment and store one bulletin file. Does not commit (see module doc). `publication` names the
    bulletin when the file carries no masthead (and replaces the one it carries)."""
    started = time.perf_counter()
    path = Path(path)
    name = display_name or path.name
    doc, parsed = parse_file(path, published=published, display_name=name, max_bytes=max_bytes)
    if publication:
        parsed.publication = publication
    return _finish(_store(session, doc, parsed, name=name, loaded_by=loaded_by, started=started))


def store_parsed(
    session: Session, doc: RawDocument, parsed: ParsedBulletin, *, name: str, loaded_by: int | None = None
) -> IngestResult:
    """Store a file parsed earlier (an upload the admin previewed and confirmed), exactly as parsed. Does not
    commit. A bulletin already stored (same content) adds nothing: `duplicate_of` is set."""
    return _finish(_store(session, doc, parsed, name=name, loaded_by=loaded_by, started=time.perf_counter()))


def bulletin_hash(parsed: ParsedBulletin) -> str:
    """The content hash a stored `Bulletin` of this parse would carry (what makes two uploads the same)."""
    return _fold_and_hash(parsed)[1]


def stored_copy(session: Session, parsed: ParsedBulletin) -> int | None:
    """The id of the stored bulletin storing this parse would repeat: same content, or every article a near-copy
    of that bulletin's (the PDF of a stored text file). Exactly `_store`'s test; nothing is written."""
    folded, digest = _fold_and_hash(parsed)
    existing = session.exec(select(Bulletin.id).where(Bulletin.content_hash == digest)).first()
    if existing is not None:
        return int(existing)
    index = load_index(session)
    return _same_bulletin([index.nearest(fp) for fp in simhash_many(folded)], len(parsed.articles))


def _step(steps: Generator[None, None, IngestResult]) -> IngestResult | None:
    """Run `_store` to its pause (None) or to its end (the result)."""
    try:
        next(steps)
    except StopIteration as done:
        return cast(IngestResult, done.value)
    return None


def _finish(steps: Generator[None, None, IngestResult]) -> IngestResult:
    result = _step(steps)
    while result is None:
        result = _step(steps)
    return result


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
    `IngestError` that kept it out). Faster than `ingest_file` in a loop: the next file is read and segmented while
    the worker processes compute the current one's search tokens and figures. `publication` names every file (see
    `ingest_file`); `require_bulletin` refuses files that do not look like a bulletin (`evidence.check_bulletin`)."""
    todo = [Path(p) for p in paths]

    def parse(k: int) -> tuple[float, tuple[RawDocument, ParsedBulletin] | IngestError] | None:
        if k >= len(todo):
            return None
        t0 = time.perf_counter()
        try:
            try:
                doc, parsed = parse_file(todo[k], published=published)
            except IngestError as exc:
                if require_bulletin and exc.reason == NO_ARTICLES_RECOGNISED:
                    raise IngestError(exc.file_name, NO_ARTICLES) from None
                raise
            if require_bulletin:
                check_bulletin(doc.name, parsed.articles)
            if publication:
                parsed.publication = publication
            return t0, (doc, parsed)
        except IngestError as exc:
            return t0, exc

    def parse_and_launch(k: int) -> tuple[float, tuple[RawDocument, ParsedBulletin, _Launched] | IngestError] | None:
        """Read file k and queue its pool work right away (speculatively: wasted only if it turns out a
        duplicate), so the workers never wait for this process to finish storing the file before it."""
        parsed = parse(k)
        if parsed is None:
            return None
        t0, outcome = parsed
        if isinstance(outcome, IngestError):
            return t0, outcome
        doc, bulletin = outcome
        return t0, (doc, bulletin, _launch(bulletin))

    upcoming = parse_and_launch(0)
    for i, path in enumerate(todo):
        assert upcoming is not None
        started, current = upcoming
        if isinstance(current, IngestError):
            upcoming = parse_and_launch(i + 1)
            yield path, current
            continue
        doc, parsed, launched = current
        with session_scope(engine) as session:
            steps = _store(
                session, doc, parsed, name=path.name, loaded_by=loaded_by, started=started, launched=launched
            )
            result = _step(steps)
            upcoming = parse_and_launch(i + 1)  # while the pool works on this file (or after a duplicate)
            parsing = time.perf_counter() - upcoming[0] if upcoming else 0.0
            if result is None:
                result = _finish(steps)
            result.seconds = max(0.0, result.seconds - parsing)
        yield path, result


@dataclass(slots=True)
class _Launched:
    """A parsed file's folded texts and content hash, and its pool work under way (or deferred in-process)."""

    folded: list[str]
    digest: str
    inputs: list[ArticleInput]
    fingerprints: Callable[[], list[int]]
    prepared: Callable[[], list[PreparedArticle]]


def _fold_and_hash(parsed: ParsedBulletin) -> tuple[list[str], str]:
    folded = [fold(f"{a.title}\n{a.body}") for a in parsed.articles]  # once, for the hash and the fingerprints
    return folded, content_hash(folded, folded=True)


def _launch(parsed: ParsedBulletin, folded_digest: tuple[list[str], str] | None = None) -> _Launched:
    """Start the CPU-heavy part (in the worker pool for large files): fingerprints first (needed to decide what to
    store), then search tokens and figures, which go on while the articles are stored."""
    folded, digest = folded_digest or _fold_and_hash(parsed)
    sizes = [len(t) for t in folded]
    home = home_region(parsed.publication or "")
    inputs = [ArticleInput(a.title[:500], a.body, a.published, home) for a in parsed.articles]
    return _Launched(
        folded,
        digest,
        inputs,
        start_batches(simhash_many, folded, sizes),
        start_batches(prepare_articles, inputs, sizes),
    )


def _store(
    session: Session,
    doc: RawDocument,
    parsed: ParsedBulletin,
    *,
    name: str,
    loaded_by: int | None,
    started: float,
    launched: _Launched | None = None,
) -> Generator[None, None, IngestResult]:
    """Store a parsed file; yields once while the worker pool computes tokens and figures (the caller may do other
    work then), returns the result. `launched`: the file's pool work, already started by the caller."""
    result = IngestResult(
        bulletin_id=None,
        file_name=name,
        publication=parsed.publication,
        issue_no=parsed.issue_no,
        published=parsed.published,
        layout=parsed.layout,
    )
    folded, digest = (launched.folded, launched.digest) if launched else _fold_and_hash(parsed)
    existing = session.exec(select(Bulletin).where(Bulletin.content_hash == digest)).first()
    if existing is not None:
        result.duplicate_of = existing.id
        result.bulletin_id = existing.id
        result.duplicates_skipped = len(parsed.articles)
        result.seconds = time.perf_counter() - started
        return result

    work = launched or _launch(parsed, (folded, digest))  # not before the hash check: no work for a repeat
    inputs, fingerprints_later, prepared_later = work.inputs, work.fingerprints, work.prepared
    index = load_index(session)
    fingerprints = fingerprints_later()
    matches = [index.nearest(fp) for fp in fingerprints]
    same = _same_bulletin(matches, len(parsed.articles))
    if same is not None:
        # same content, different rendering (e.g. the PDF of a stored text file): nothing new
        result.duplicate_of = same
        result.bulletin_id = same
        result.duplicates_skipped = len(parsed.articles)
        result.seconds = time.perf_counter() - started
        return result

    bulletin = Bulletin(
        publication=parsed.publication[:200],
        issue_no=parsed.issue_no,
        published=parsed.published,
        file_name=name[:500],
        file_format=doc.fmt,
        size_bytes=doc.size_bytes,
        content_hash=digest,
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
            zip(parsed.articles, inputs, fingerprints, matches, strict=True), start=1
        )
    ]
    # batched multi-row INSERTs for the whole file (NULLs rendered: one statement shape); the ids come back keyed
    # by `seq` (asking for parameter order would make SQLite insert row by row)
    stmt = insert(Article).returning(col(Article.seq), col(Article.id)).execution_options(render_nulls=True)
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

    yield  # the caller may read the next file meanwhile (`ingest_files`)
    prepared = prepared_later()
    figure_rows = [{"article_id": aid, **fig} for aid, prep in zip(ids, prepared, strict=True) for fig in prep.figures]
    if figure_rows:
        session.execute(insert(Figure).execution_options(render_nulls=True), figure_rows)  # NULLs: one batch
    session.execute(
        insert(ArticleSearch),
        [
            {"article_id": aid, "title_tokens": prep.title_tokens, "body_tokens": prep.body_tokens}
            for aid, prep in zip(ids, prepared, strict=True)
        ],
    )
    result.figures_added = len(figure_rows)
    result.articles_added = len(ids)
    result.bulletin_id = bulletin.id
    result.seconds = time.perf_counter() - started
    log.info("ingested %s", result.summary())
    return result


def _same_bulletin(matches: list[tuple[int, int, int] | None], n: int) -> int | None:
    """A bulletin id when every article of the file is a near-copy of an article of that one stored bulletin
    holding the same number of articles' worth of matches (at least 90 % of the file's articles)."""
    if not matches or any(m is None for m in matches):
        return None
    counts = Counter(m[1] for m in matches if m is not None)
    bid, hits = counts.most_common(1)[0]
    return bid if hits >= max(1, int(0.9 * n)) and hits == n else None


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
