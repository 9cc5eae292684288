"""Upload previews: an admin sees what was read from a file before anything is stored, then confirms or cancels.

    store = PendingStore(settings.pending_uploads_dir)      # pending.py: uploads kept on disk until decided
    pending = store.new(file_name=..., user_id=..., chat_id=..., published=caption_date)
    # the caller downloads the file to pending.file_path
    preview = preview_upload(engine, store, pending, max_bytes=...)   # parse, check, count, warn; nothing stored
    set_value(store, token, "date", "2024-03-01") / set_value(store, token, "name", "中国贸易报")  # new version
    confirm_upload(engine, store, token, version, max_bytes=...)    # stores exactly what that version showed
    cancel_upload(store, token)

**Idempotent confirm**: a confirm claims the upload (`PendingStore.claim`: two presses, or two processes sharing
the directory: one stores, the other is told it is under way); a confirmed upload remembers its bulletin id and
answers later presses with it; and storing itself adds nothing for content already stored (`content_hash`).

**Exactly what was previewed**: confirm re-reads the kept file with the same date and name and compares a signature
of the parse (content hash, name, issue, dates, sections) with the one the preview recorded; if the reader changed
in between (a redeploy), it refuses rather than store something the admin did not see.

**The admin's date** (Set date, or a date in the upload's caption) is the bulletin's date: it fills in a file without
one and replaces the file's own; articles that carry their own, different date keep it. **The admin's name** is the
bulletin's publication; a bulletin without a masthead cannot be confirmed until it has a name, and a file name is
never used as one.

Nothing here imports telegram; rendering is `bot.render.preview`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from bot.db.engine import session_scope
from bot.errors import N_, IngestError, UserError
from bot.services.ingest import (
    NO_ARTICLES_RECOGNISED,
    IngestResult,
    bulletin_hash,
    parse_file,
    store_parsed,
    stored_copy,
)
from bot.services.ingest.acceptance import NO_ARTICLES, check_bulletin
from bot.services.ingest.layout import ParsedBulletin
from bot.services.ingest.pending import PendingStore, PendingUpload, utc_now
from bot.services.ingest.pipeline import article_figures, article_inputs
from bot.services.ingest.readers import RawDocument

log = logging.getLogger(__name__)

#: one article holding more than this share of a file's text (with other articles beside it) looks unsplit
HUGE_SHARE = 0.6
HUGE_SHARE_MIN_CHARS = 3000
#: a single-article file longer than this, or any article longer than HUGE_CHARS, looks unsplit
SINGLE_ARTICLE_MAX_CHARS = 8000
HUGE_CHARS = 20000
NAME_MAX = 60

_DATE_RE = re.compile(r"(?<!\d)(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)\s*日?")
_FILE_NAME_RE = re.compile(r"\.(?:txt|pdf|docx?|rtf|html?|md)$|^[\w-]+_[0-9a-f]{8,}$", re.IGNORECASE)
_NAME_IN_CAPTION_RE = re.compile(r"《([^》\n]{2,60})》")


# ---------------------------------------------------------------------------------------------- reading


def parse_date_text(text: str | None) -> date | None:
    """A date written `2024-03-01`, `2024/3/1`, `2024.03.01` or `2024年3月1日` anywhere in the text."""
    m = _DATE_RE.search(text or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def caption_name(caption: str | None) -> str | None:
    """A publication named in an upload's caption as 《…》."""
    m = _NAME_IN_CAPTION_RE.search(caption or "")
    return clean_name(m.group(1)) if m else None


def clean_name(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip("《》「」“”\"'")).strip()[:NAME_MAX]


def _apply_date(parsed: ParsedBulletin, given: date) -> None:
    """The admin's date becomes the bulletin's; articles that had the bulletin's date (or none) follow it."""
    own = parsed.published
    parsed.published = given
    for art in parsed.articles:
        source = getattr(art, "date_source", None)  # the layout parser may say where an article's date came from
        inherited = source in ("bulletin", "published", "fallback") if source else art.published == own
        if art.published is None or inherited:
            art.published = given


def read_upload(path: Path, *, name: str, published: date | None = None, publication: str | None = None,
                max_bytes: int | None = None) -> tuple[RawDocument, ParsedBulletin]:
    """Read, parse and check a file (raises `IngestError`: bad file or not a bulletin); the admin's date and name
    applied. Nothing is stored."""
    try:
        doc, parsed = parse_file(path, published=published, display_name=name, max_bytes=max_bytes)
    except IngestError as exc:
        if exc.reason == NO_ARTICLES_RECOGNISED:
            raise IngestError(name, NO_ARTICLES) from None
        raise
    check_bulletin(name, parsed.articles)
    if published is not None:
        _apply_date(parsed, published)
    if publication:
        parsed.publication = publication
    return doc, parsed


def signature(parsed: ParsedBulletin) -> str:
    """What a confirm must reproduce: content, name, issue, dates and sections of the parse."""
    data = [
        bulletin_hash(parsed), parsed.publication, parsed.issue_no or "",
        parsed.published.isoformat() if parsed.published else "",
        [[a.published.isoformat() if a.published else "", a.section, a.outlet] for a in parsed.articles],
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------- preview


@dataclass(slots=True)
class PreviewArticle:
    title: str
    section: str
    published: date | None
    figures: int
    chars: int
    outlet: str = ""


@dataclass(slots=True)
class PreviewWarning:
    code: str  # no_name | no_date | huge_article | undated | unresolved | duplicate
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Preview:
    file_name: str
    fmt: str
    size_bytes: int
    layout: str
    publication: str
    #: "file" (its masthead) | "admin" | "" (none: a name must be given before confirming)
    publication_from: str
    issue_no: str | None
    published: date | None
    published_from: str  # "file" | "admin" | ""
    articles: list[PreviewArticle]
    figures: int
    unresolved: int
    duplicate_of: int | None
    warnings: list[PreviewWarning]
    token: str = ""
    version: int = 0

    @property
    def needs_name(self) -> bool:
        return not self.publication

    def sections(self) -> list[tuple[str, list[PreviewArticle]]]:
        """Articles grouped by section, sections in order of first appearance."""
        groups: dict[str, list[PreviewArticle]] = {}
        for art in self.articles:
            groups.setdefault(art.section, []).append(art)
        return list(groups.items())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        for art in data["articles"]:
            art["published"] = art["published"].isoformat() if art["published"] else None
        data.pop("token")
        return data

    def to_text(self) -> str:
        """Plain English for the command line (`python -m bot ingest --dry-run`)."""
        name = " ".join(p for p in (self.publication, self.issue_no or "") if p) or "(no name: pass --name)"
        lines = [
            f"{self.file_name}: {name}",
            f"date: {self.published.isoformat() if self.published else 'unknown (pass --published)'}",
            f"{len(self.articles)} articles, {self.figures} figures ({self.unresolved} with an unresolved period)",
        ]
        for section, arts in self.sections():
            lines.append(f"[{section or '-'}]")
            for art in arts:
                when = art.published.isoformat() if art.published else "no date"
                lines.append(f"  {art.title}  ({when}; {art.figures} figures)")
        for w in self.warnings:
            lines.append("warning: " + _english_warning(w))
        return "\n".join(lines)


def _english_warning(w: PreviewWarning) -> str:
    p = w.params
    return {
        "no_name": "no publication name found (a file name is never used)",
        "no_date": "the bulletin has no date",
        "huge_article": f"one article holds {p.get('percent')}% of the text ({p.get('chars')} characters): "
                        f"“{p.get('title')}”; the file may not have been split into articles",
        "undated": f"{p.get('count')} of {p.get('total')} articles have no date",
        "unresolved": f"{p.get('count')} figures have a period that could not be dated",
        "duplicate": f"already stored as bulletin {p.get('id')}; confirming adds nothing",
    }.get(w.code, w.code)


def _huge(articles: list[PreviewArticle]) -> PreviewWarning | None:
    total = sum(a.chars for a in articles)
    if not articles or not total:
        return None
    big = max(articles, key=lambda a: a.chars)
    share = big.chars / total
    n = len(articles)
    if (big.chars > HUGE_CHARS or (n == 1 and big.chars > SINGLE_ARTICLE_MAX_CHARS)
            or (n >= 2 and share > HUGE_SHARE and big.chars > HUGE_SHARE_MIN_CHARS)):
        return PreviewWarning("huge_article", {"title": big.title, "percent": round(share * 100), "chars": big.chars})
    return None


def build_preview(session: Session, doc: RawDocument, parsed: ParsedBulletin, *, name: str,
                  given_date: date | None = None, given_name: str | None = None) -> Preview:
    """What storing this parse would add (articles by section with dates, figures) and what looks wrong."""
    articles: list[PreviewArticle] = []
    figures = unresolved = 0
    for art, item in zip(parsed.articles, article_inputs(parsed), strict=True):
        values = article_figures(item)  # as the extract stage will store them (title and home region included)
        figures += len(values)
        unresolved += sum(1 for f in values if f.get("period_label") and f.get("period_end") is None
                          and f.get("period_start") is None)
        articles.append(PreviewArticle(art.title, art.section, art.published, len(values), len(art.body),
                                       getattr(art, "outlet", "") or ""))
    dup = stored_copy(session, parsed)
    warnings: list[PreviewWarning] = []
    if not parsed.publication:
        warnings.append(PreviewWarning("no_name"))
    if parsed.published is None:
        warnings.append(PreviewWarning("no_date"))
    huge = _huge(articles)
    if huge is not None:
        warnings.append(huge)
    undated = sum(1 for a in articles if a.published is None)
    if undated:
        warnings.append(PreviewWarning("undated", {"count": undated, "total": len(articles)}))
    if unresolved:
        warnings.append(PreviewWarning("unresolved", {"count": unresolved}))
    if dup is not None:
        warnings.append(PreviewWarning("duplicate", {"id": dup}))
    return Preview(
        file_name=name, fmt=doc.fmt, size_bytes=doc.size_bytes, layout=parsed.layout,
        publication=parsed.publication,
        publication_from=("admin" if given_name else "file") if parsed.publication else "",
        issue_no=parsed.issue_no, published=parsed.published,
        published_from=("admin" if given_date else "file") if parsed.published else "",
        articles=articles, figures=figures, unresolved=unresolved, duplicate_of=dup, warnings=warnings,
    )


def preview_file(session: Session, path: Path, *, published: date | None = None, publication: str | None = None,
                 max_bytes: int | None = None) -> Preview:
    """The preview of a file on disk (`python -m bot ingest --dry-run`); nothing is stored."""
    path = Path(path)
    doc, parsed = read_upload(path, name=path.name, published=published, publication=publication,
                              max_bytes=max_bytes)
    return build_preview(session, doc, parsed, name=path.name, given_date=published, given_name=publication)


def preview_upload(engine: Engine, store: PendingStore, pending: PendingUpload, *,
                   max_bytes: int | None = None) -> Preview:
    """Parse the pending upload's file and record what was shown (its signature). Raises `IngestError` for a bad
    file or one that is not a bulletin: the caller then discards the upload."""
    doc, parsed = read_upload(pending.file_path, name=pending.file_name, published=pending.published,
                              publication=pending.publication, max_bytes=max_bytes)
    with session_scope(engine) as session:
        preview = build_preview(session, doc, parsed, name=pending.file_name, given_date=pending.published,
                                given_name=pending.publication)
    pending.signature = signature(parsed)
    store.save(pending)
    preview.token, preview.version = pending.token, pending.version
    return preview


# ---------------------------------------------------------------------------------------------- decisions


@dataclass(slots=True)
class Outcome:
    """What a press did. status: stored | duplicate | already (confirmed before) | cancelled | expired | stale
    (an older preview's button, or the reader changed) | needs_name | busy (being stored right now) | waiting
    (a reply is expected) | invalid (the typed value was refused; `error` says why)."""

    status: str
    result: IngestResult | None = None
    bulletin_id: int | None = None
    pending: PendingUpload | None = None
    error: UserError | None = None


def _check(store: PendingStore, token: str, version: int | None) -> Outcome | PendingUpload:
    pending = store.get(token)
    if pending is None:
        return Outcome("expired")
    if pending.status == "confirmed":
        return Outcome("already", bulletin_id=pending.bulletin_id, pending=pending)
    if pending.status == "cancelled":
        return Outcome("cancelled", pending=pending)
    if version is not None and pending.version != version:
        return Outcome("stale", pending=pending)
    return pending


def _claim(store: PendingStore, token: str, version: int | None) -> Outcome | PendingUpload:
    """The upload, claimed (the caller releases it); or, without a claim, the Outcome that answers the press
    instead (as `_check`, or busy: another press holds it)."""
    checked = _check(store, token, version)
    if isinstance(checked, Outcome):
        return checked
    if not store.claim(token):
        return Outcome("busy", pending=checked)
    return checked


def confirm_upload(engine: Engine, store: PendingStore, token: str, version: int, *,
                   max_bytes: int | None = None) -> Outcome:
    """Store exactly what preview `version` showed; any later press answers with the same bulletin."""
    checked = _claim(store, token, version)
    if isinstance(checked, Outcome):
        return checked
    try:
        checked = _check(store, token, version)  # again, now that we hold it: another process may have finished
        if isinstance(checked, Outcome):
            return checked
        pending = checked
        doc, parsed = read_upload(pending.file_path, name=pending.file_name, published=pending.published,
                                  publication=pending.publication, max_bytes=max_bytes)
        if not parsed.publication:
            return Outcome("needs_name", pending=pending)
        if signature(parsed) != pending.signature:
            log.warning("upload %s: the parse differs from its preview; not stored", token)
            return Outcome("stale", pending=pending)
        with session_scope(engine) as session:
            result = store_parsed(session, doc, parsed, name=pending.file_name, loaded_by=pending.user_id)
        pending.status = "confirmed"
        pending.bulletin_id = result.bulletin_id
        pending.awaiting = None
        store.save(pending)
        store.drop_file(pending)
        log.info("upload %s confirmed: %s", token, result.summary())
        return Outcome("duplicate" if result.duplicate_of is not None else "stored", result=result,
                       bulletin_id=result.bulletin_id, pending=pending)
    finally:
        store.release(token)


def cancel_upload(store: PendingStore, token: str) -> Outcome:
    """Discard the upload (its file is deleted at once); a confirmed upload stays stored."""
    checked = _claim(store, token, None)
    if isinstance(checked, Outcome):
        return checked
    try:
        checked.status = "cancelled"
        checked.awaiting = None
        store.save(checked)
        store.drop_file(checked)
        return Outcome("cancelled", pending=checked)
    finally:
        store.release(token)


def ask_for(store: PendingStore, token: str, version: int, what: str) -> Outcome:
    """Wait for the admin's typed date or name for this upload (`what`: "date" | "name")."""
    checked = _check(store, token, version)
    if isinstance(checked, Outcome):
        return checked
    checked.awaiting = what if what in ("date", "name") else None
    checked.awaiting_since = utc_now()
    store.save(checked)
    return Outcome("waiting", pending=checked)


INVALID_DATE = N_("Not a date: send it as YYYY-MM-DD, e.g. 2024-03-01.")
DATE_OUT_OF_RANGE = N_("That date is out of range: send a date between 1990 and next year.")
INVALID_NAME = N_("Send the publication's name as it should appear in sources (2–60 characters, not a file name).")


def set_value(store: PendingStore, pending: PendingUpload, text: str, *, today: date | None = None) -> Outcome:
    """The admin's typed reply for the value the upload is waiting for; a new version of the preview follows."""
    what = pending.awaiting
    today = today or date.today()
    if what == "date":
        given = parse_date_text(text)
        if given is None:
            return Outcome("invalid", pending=pending, error=UserError(INVALID_DATE))
        if not date(1990, 1, 1) <= given <= date(today.year + 1, 12, 31):
            return Outcome("invalid", pending=pending, error=UserError(DATE_OUT_OF_RANGE))
        pending.published = given
    elif what == "name":
        name = clean_name(text)
        if len(name) < 2 or "\n" in text.strip() or _FILE_NAME_RE.search(name):
            return Outcome("invalid", pending=pending, error=UserError(INVALID_NAME))
        pending.publication = name
    else:
        return Outcome("expired", pending=pending)
    pending.awaiting = None
    pending.version += 1
    store.save(pending)
    return Outcome("waiting", pending=pending)
