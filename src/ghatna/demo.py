"""`ghatna demo`: the bundled sample articles through the full pipeline, shown as tables."""

from __future__ import annotations

from pathlib import Path

from ghatna.document import Document


def run_demo(db_path: Path) -> int:
    from rich.console import Console

    from ghatna.batch import Summary, print_summary, process
    from ghatna.read.sources import iter_sources, sample_paths
    from ghatna.store import Store

    console = Console()
    summary = Summary()
    docs = list(process(iter_sources([str(p) for p in sample_paths()]), summary, workers=1,
                        progress=False))
    for doc in docs:
        show_document(doc, console)
    with Store(db_path) as store:
        store.write(docs)
    print_summary(summary)
    console.print(f"wrote {len(docs)} documents to {db_path}; try:\n"
                  f"  ghatna query \"SELECT type, name, country FROM entities\" --db {db_path}")
    return summary.exit_code


def show_document(doc: Document, console) -> None:  # noqa: ANN001 - rich Console
    """Print what was extracted from one document as readable tables."""
    from rich.markup import escape
    from rich.table import Table

    head = Table(show_header=False, title=f"{escape(doc.source)}", title_justify="left")
    for label, value in [
        ("doc_id", doc.doc_id), ("status", doc.status), ("lang", doc.lang), ("title", doc.title),
        ("published", doc.published), ("authors", ", ".join(doc.authors)),
        ("captions", " | ".join(f"{c.text} [{c.credit}, {c.lang}]" for c in doc.captions)),
        ("sentences", str(len(doc.sentences))),
    ]:
        head.add_row(label, escape(str(value or "")))
    console.print(head)
    sections = [
        ("entities", ("name", "type", "country", "actor", "mentions"),
         [(e.name, e.type, e.country, e.actor_code, ", ".join(m.text for m in e.mentions))
          for e in doc.entities]),
        ("events", ("type", "mode", "cameo", "actors", "recipients", "date", "trigger"),
         [(e.type, e.mode, e.cameo, ", ".join(e.actors), ", ".join(e.recipients), e.date,
           e.trigger.text) for e in doc.events]),
        ("quotes", ("speaker", "cue", "direct", "text"),
         [(q.speaker_text, q.cue, q.direct, q.text) for q in doc.quotes]),
        ("quantities", ("value", "approx", "unit", "unit_en", "text"),
         [(q.value, q.approx, q.unit, q.unit_en, q.text) for q in doc.quantities]),
    ]
    for title, columns, rows in sections:
        if not rows:
            continue
        table = Table(*columns, title=f"{title} ({len(rows)})", title_justify="left")
        for row in rows:
            table.add_row(*(escape("" if v is None else str(v)) for v in row))
        console.print(table)
