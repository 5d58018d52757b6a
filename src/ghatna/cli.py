"""The `ghatna` command line.  It parses arguments and calls the library; nothing more.

Exit codes: 0 when every input succeeded, 1 when any input became an error record (the
rest is still processed and written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ghatna.eval import DEFAULT_DATA_DIR

FORMATS = ("jsonl", "parquet", "plover", "gdelt")


def _add_batch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt, .html, .jsonl), directories (recursive) or - for stdin")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores); output keeps input order")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    p.add_argument("--cameo-dictionary", action="store_true",
                   help="English: code verbs the event lexicon lacks with PETRARCH2's CAMEO verb dictionary "
                        "(more events; off by default, as Hindi has no counterpart)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ghatna", description=(
        "Structured event data from Hindi and English news, offline."))
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents to JSON Lines (stdout by default)")
    _add_batch_args(p)
    p.add_argument("-o", "--output", type=Path, help="write JSON Lines to this file")

    p = sub.add_parser("ingest", help="extract documents (files, directories, WARC archives) into a DuckDB store")
    _add_batch_args(p)
    p.add_argument("--db", type=Path, required=True, help="DuckDB file (created if missing)")
    p.add_argument("--no-stories", action="store_true",
                   help="do not cluster documents into stories, link near-duplicates or canonical events")

    p = sub.add_parser("query", help="run SQL against a store and print the result")
    p.add_argument("sql")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="print rows as JSON Lines")

    p = sub.add_parser("export", help="export a store as jsonl, parquet, plover or gdelt")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", type=Path,
                   help="output file (parquet: a directory); default stdout")

    p = sub.add_parser("demo", help="run on the bundled sample articles and show the result")
    p.add_argument("--db", type=Path, default=Path("ghatna-demo.duckdb"),
                   help="DuckDB file to write (default: ghatna-demo.duckdb)")

    p = sub.add_parser("eval", help="run an evaluation suite")
    p.add_argument("suite")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                   help=f"reference data directory (default: {DEFAULT_DATA_DIR})")
    p.add_argument("--json", type=Path, metavar="FILE", help="write the metrics as JSON")

    p = sub.add_parser("train", help="train a shipped model from the reference data")
    p.add_argument("model", choices=["ner", "events"])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    p.add_argument("--out", type=Path, default=None,
                   help="output directory (default: the package's model directory)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = globals()[f"cmd_{args.command}"]
    try:
        return handler(args)
    except BrokenPipeError:  # `ghatna extract ... | head`
        sys.stderr.close()
        return 0


def _version() -> str:
    from ghatna import __version__

    return f"ghatna {__version__}"


def _batch(args: argparse.Namespace, stories: bool = False):  # noqa: ANN202 - (summary, document iterator)
    from ghatna.batch import Summary, process
    from ghatna.pipeline import Pipeline, default_stages
    from ghatna.read.sources import iter_sources

    summary = Summary()
    docs = process(iter_sources(args.paths, stdin=sys.stdin, skipped=summary.skipped), summary,
                   workers=args.workers,
                   pipeline=Pipeline(default_stages(cameo_dictionary=args.cameo_dictionary, stories=stories)),
                   progress=False if args.no_progress else None)
    return summary, docs


def cmd_extract(args: argparse.Namespace) -> int:
    from ghatna.batch import print_summary

    summary, docs = _batch(args)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    try:
        for doc in docs:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    print_summary(summary)
    return summary.exit_code


def cmd_ingest(args: argparse.Namespace) -> int:
    from ghatna.batch import print_summary
    from ghatna.store import Store

    from ghatna.stories import write_with_stories

    summary, docs = _batch(args, stories=not args.no_stories)
    with Store(args.db) as store:
        if args.no_stories:
            store.write(docs)
        else:
            write_with_stories(store, docs)
    print_summary(summary)
    return summary.exit_code


def cmd_query(args: argparse.Namespace) -> int:
    from ghatna.store import Store

    with Store(args.db, read_only=True) as store:
        columns, rows = store.query(args.sql)
    if args.json:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ghatna.export import export
    from ghatna.store import Store

    try:
        with Store(args.db, read_only=True) as store:
            n = export(store, args.format, args.output)
    except (ValueError, FileNotFoundError) as exc:
        print(f"ghatna export: {exc}", file=sys.stderr)
        return 2
    print(f"exported {n} {args.format} records", file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ghatna.demo import run_demo

    return run_demo(args.db)


def cmd_eval(args: argparse.Namespace) -> int:
    from ghatna.eval import DataMissing, run_suite, write_report

    try:
        report = run_suite(args.suite, args.data)
    except KeyError as exc:
        print(f"ghatna eval: {exc.args[0]}", file=sys.stderr)
        return 2
    except DataMissing as exc:
        print(f"ghatna eval: reference data missing: {exc}", file=sys.stderr)
        return 2
    from rich.console import Console
    from rich.table import Table

    table = Table("metric", "value", title=f"ghatna eval {args.suite}")
    for name, value in report["metrics"].items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)
    if args.json:
        write_report(report, args.json)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    import importlib

    train = importlib.import_module(f"ghatna.train.{args.model}").train
    result = train(args.data, args.out)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
