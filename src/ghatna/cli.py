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
ENGINES = ("local", "ray")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _add_batch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt, .html, .jsonl), directories (recursive) or - for stdin")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores); output keeps input order")
    p.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    p.add_argument("--cameo-dictionary", action="store_true",
                   help="English: code verbs the event lexicon lacks with PETRARCH2's CAMEO verb dictionary "
                        "(more events; off by default, as Hindi has no counterpart)")
    g = p.add_argument_group("sharded runs (docs/scale-out.md)")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: this machine's processes (default); ray: a Ray Data actor pool, writing "
                        "one Parquet part per input shard (pip install 'ghatna[ray]')")
    g.add_argument("--parts", type=Path, metavar="DIR",
                   help="folder of per-shard Parquet parts; a re-run skips shards already there "
                        "(with --engine local too)")
    g.add_argument("--address", metavar="ADDR",
                   help="Ray cluster: auto, ray://host:port or host:port (default: start Ray here)")
    g.add_argument("--actors", type=int, metavar="N",
                   help="Ray actors, each one pipeline (default: one per CPU, less one per node)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ghatna", description=(
        "Structured event data from Hindi and English news, offline."))
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents to JSON Lines (stdout by default)")
    _add_batch_args(p)
    p.add_argument("-o", "--output", type=Path, help="write JSON Lines to this file")

    p = sub.add_parser("ingest", help="extract documents into a DuckDB store")
    _add_batch_args(p)
    p.add_argument("--db", type=Path, required=True, help="DuckDB file (created if missing)")

    p = sub.add_parser("load", help="load per-shard Parquet parts (from --engine ray or --parts) into a store")
    p.add_argument("parts", nargs="+", type=Path, metavar="PARTS", help="part files or folders of them")
    p.add_argument("--db", type=Path, required=True, help="DuckDB file (created if missing)")

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


def _batch(args: argparse.Namespace):  # noqa: ANN202 - (summary, document iterator)
    from ghatna.batch import Summary, process
    from ghatna.pipeline import Pipeline, default_stages
    from ghatna.read.sources import iter_sources

    summary = Summary()
    docs = process(iter_sources(args.paths, stdin=sys.stdin), summary, workers=args.workers,
                   pipeline=Pipeline(default_stages(cameo_dictionary=args.cameo_dictionary)),
                   progress=False if args.no_progress else None)
    return summary, docs


def _sharded(args: argparse.Namespace, parts: Path):  # noqa: ANN202 - JobSummary, or None: engine unavailable
    from ghatna.engines import print_job_summary, run
    from ghatna.engines.ray_engine import EngineUnavailable
    from ghatna.pipeline import Pipeline, default_stages

    try:
        summary = run(args.paths, parts, engine=args.engine, workers=args.workers, address=args.address,
                      actors=args.actors, pipeline=Pipeline(default_stages(cameo_dictionary=args.cameo_dictionary)),
                      progress=not args.no_progress and sys.stderr.isatty())
    except EngineUnavailable as exc:
        print(f"ghatna {args.command}: {exc}", file=sys.stderr)
        return None
    print_job_summary(summary)
    return summary


def _sharded_usage(args: argparse.Namespace) -> str | None:
    if "-" in args.paths:
        return "stdin cannot be sharded: give files or directories"
    return None


def _extract_sharded(args: argparse.Namespace) -> int:
    from ghatna.engines import iter_part_documents

    jsonl = args.output is not None and args.output.suffix.lower() in JSONL_SUFFIXES
    parts = args.parts or (args.output if args.output and not jsonl else None)
    if jsonl and parts is None:
        parts = args.output.with_name(args.output.name + ".parts")
    problem = _sharded_usage(args) or (None if parts else "a sharded extract writes Parquet parts: give "
                                       "-o DIR, or --parts DIR (JSON Lines then go to -o FILE.jsonl or stdout)")
    if problem:
        print(f"ghatna extract: {problem}", file=sys.stderr)
        return 2
    summary = _sharded(args, parts)
    if summary is None:
        return 2
    if args.output is None or jsonl:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
        try:
            for doc in iter_part_documents(summary.parts):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
        finally:
            if args.output:
                out.close()
    return summary.exit_code


def cmd_extract(args: argparse.Namespace) -> int:
    from ghatna.batch import print_summary

    if args.engine != "local" or args.parts:
        return _extract_sharded(args)
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

    if args.engine != "local" or args.parts:
        problem = _sharded_usage(args)
        if problem:
            print(f"ghatna ingest: {problem}", file=sys.stderr)
            return 2
        job = _sharded(args, args.parts or args.db.with_name(args.db.name + ".parts"))
        if job is None:
            return 2
        _load(job.parts, args.db)
        return job.exit_code
    summary, docs = _batch(args)
    with Store(args.db) as store:
        store.write(docs)
    print_summary(summary)
    return summary.exit_code


def _load(parts: list[Path], db: Path) -> None:
    from ghatna.engines import load_parts
    from ghatna.store import Store

    with Store(db) as store:
        counts = load_parts(store, parts)
    print(f"loaded {counts.parts} parts into {db}: {counts.documents} documents, {counts.errors} error records",
          file=sys.stderr)


def cmd_load(args: argparse.Namespace) -> int:
    from ghatna.engines import list_parts

    try:
        parts = [part for source in args.parts for part in list_parts(source)]
    except (FileNotFoundError, ValueError) as exc:
        print(f"ghatna load: {exc}", file=sys.stderr)
        return 2
    _load(parts, args.db)
    return 0


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
