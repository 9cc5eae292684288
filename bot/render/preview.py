"""Upload previews and their outcomes → Telegram HTML for an admin's language (data from
`bot.services.ingest.preview`; every piece of file text escaped)."""

from __future__ import annotations

from bot.i18n import Translator
from bot.render.common import esc
from bot.services.ingest import IngestResult
from bot.services.ingest.preview import Preview, PreviewWarning

#: articles listed in a preview (the rest are counted); titles cut to this many characters
MAX_LISTED = 60
TITLE_CHARS = 60


def _title(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def render_warning(t: Translator, w: PreviewWarning) -> str:
    p = w.params
    if w.code == "no_name":
        return t._("No publication name found in the file: press “Set name” (a file name is never used).")
    if w.code == "no_date":
        return t._("The bulletin has no date: press “Set date”, or its relative periods stay undated.")
    if w.code == "huge_article":
        return t._("One article holds {share} of the text ({chars} characters): “{title}”. The file may not "
                   "have been split into articles.").format(share=f"{p['percent']}%", chars=t.number(p["chars"]),
                                                            title=esc(_title(p["title"])))
    if w.code == "undated":
        return t._("Articles without a date: {count} of {total}.").format(count=t.number(p["count"]),
                                                                      total=t.number(p["total"]))
    if w.code == "unresolved":
        return t._("Figures whose period could not be dated: {count}.").format(count=t.number(p["count"]))
    if w.code == "duplicate":
        return t._("Already stored as bulletin {id}: confirming adds nothing.").format(id=p["id"])
    return esc(w.code)


def render_preview(t: Translator, preview: Preview) -> list[str]:
    """The preview as HTML blocks: header (name, date, counts), articles by section, warnings, what to do."""
    if preview.publication:
        name = esc(" ".join(x for x in (preview.publication, preview.issue_no or "") if x))
        if preview.publication_from == "admin":
            name = t._("{name} (set by you)").format(name=name)
    else:
        name = t._("not found")
    if preview.published:
        when = esc(t.date(preview.published))
        if preview.published_from == "admin":
            when = t._("{date} (set by you)").format(date=when)
    else:
        when = t._("unknown")
    head = [
        t._("<b>Preview of “{file}”</b> (nothing is stored until you confirm)").format(file=esc(preview.file_name)),
        t._("Name: {name}").format(name=name),
        t._("Date: {date}").format(date=when),
        t._("Articles: {articles}, figures: {figures}.").format(articles=t.number(len(preview.articles)),
                                                               figures=t.number(preview.figures)),
    ]
    blocks = ["\n".join(head)]
    listed = 0
    for section, articles in preview.sections():
        if listed >= MAX_LISTED:
            break
        heading = section or t._("Articles")
        lines = [f"<b>{esc(heading)}</b>"]
        for art in articles:
            if listed >= MAX_LISTED:
                break
            listed += 1
            bits = [t.date(art.published) if art.published else t._("no date")]
            if art.figures:
                bits.append(t._("figures: {count}").format(count=t.number(art.figures)))
            lines.append(f"{listed}. {esc(_title(art.title))} · " + " · ".join(esc(b) for b in bits))
        blocks.append("\n".join(lines))
    if len(preview.articles) > listed:
        blocks.append(t._("… further articles not listed: {count}.").format(count=t.number(len(preview.articles) - listed)))
    if preview.warnings:
        heading = t._("Check before confirming")
        lines = [f"<b>{esc(heading)}</b>"]
        lines += ["⚠️ " + render_warning(t, w) for w in preview.warnings]
        blocks.append("\n".join(lines))
    if preview.needs_name:
        blocks.append(t._("Give the bulletin a name (“Set name”) to confirm it."))
    return blocks


def render_stored(t: Translator, file_name: str, result: IngestResult) -> str:
    """The reply to a confirm that stored the bulletin."""
    return "\n".join([
        t._("Added “{file}” as bulletin {id}.").format(file=esc(file_name), id=result.bulletin_id),
        t._("Articles: {articles}, figures: {figures}, duplicate articles skipped: {duplicates}.").format(
            articles=t.number(result.articles_added), figures=t.number(result.figures_added),
            duplicates=t.number(result.duplicates_skipped)),
        t._("Took {seconds} s.").format(seconds=t.number(result.seconds, digits=1)),
    ])
