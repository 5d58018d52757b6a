"""The `ghatna` command line.  It parses arguments and calls the library; nothing more.

Exit codes: 0 when every input succeeded, 1 when any input became an error record (the
rest is still processed and written), 2 for a usage error (bad arguments, bad SQL), 3 for a
store, environment or internal problem (a missing, busy or broken store, an unwritable output
file).  Errors are one line on stderr; `--debug` adds the traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ghatna.eval import DEFAULT_DATA_DIR, SUITES

FORMATS = ("jsonl", "parquet", "plover", "gdelt", "gdelt-mentions")
EXIT_OK, EXIT_INPUTS_FAILED, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
# Seconds to wait for a store another process is using: a query or export, an ingest.
READ_WAIT_SECONDS = 30.0


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {value}")
    return number


def _add_debug(p: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    p.add_argument("--debug", action="store_true", default=default,
                   help="on an error, print the traceback as well as the one-line message")


def _add_wait(p: argparse.ArgumentParser, default: float) -> None:
    p.add_argument("--wait", type=_seconds, default=default, metavar="SECONDS",
                   help=f"how long to wait for a store another process is using (default: {default:g})")
ENGINES = ("local", "ray")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _add_batch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt, .html, .jsonl), directories (recursive) or - for stdin")
    p.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                   help="worker processes (default: all cores); output keeps input order")
    p.add_argument("--budget", type=_seconds, default=None, metavar="SECONDS",
                   help="time a document may take per 100,000 characters before it becomes an error "
                        "record (default: 5, and at least 10 s a document); 0: no limit")
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
    _add_debug(parser, default=False)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents to JSON Lines (stdout by default)")
    p.set_defaults(func=cmd_extract)
    _add_batch_args(p)
    p.add_argument("-o", "--output", type=Path, help="write JSON Lines to this file")

    p = sub.add_parser("ingest", help="extract documents (files, directories, WARC archives) into a DuckDB store")
    p.set_defaults(func=cmd_ingest)
    _add_batch_args(p)
    p.add_argument("--db", type=Path, required=True, help="DuckDB file (created if missing)")
    p.add_argument("--reprocess", action="store_true",
                   help="analyse every input again, even those an earlier run stored")
    _add_wait(p, 300.0)
    p.add_argument("--no-stories", action="store_true",
                   help="do not cluster documents into stories, link near-duplicates or canonical events")

    p = sub.add_parser("load", help="load per-shard Parquet parts (from --engine ray or --parts) into a store")
    p.set_defaults(func=cmd_load)
    p.add_argument("parts", nargs="+", type=Path, metavar="PARTS", help="part files or folders of them")
    p.add_argument("--db", type=Path, required=True, help="DuckDB file (created if missing)")

    p = sub.add_parser("query", help="run read-only SQL against a store and print the result")
    p.set_defaults(func=cmd_query)
    p.add_argument("sql")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--json", action="store_true", help="print rows as JSON Lines")
    _add_wait(p, READ_WAIT_SECONDS)

    p = sub.add_parser("export", help="export a store as jsonl, parquet, plover, gdelt or gdelt-mentions")
    p.set_defaults(func=cmd_export)
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--events", choices=("canonical", "raw"), default="canonical",
                   help="gdelt, gdelt-mentions: one record per canonical event (the same event in several "
                        "documents counted once; default) or per event of each document (raw)")
    p.add_argument("-o", "--output", type=Path,
                   help="output file (parquet: a directory); default stdout")
    _add_wait(p, READ_WAIT_SECONDS)

    p = sub.add_parser("feeds", help="follow RSS/Atom feeds and sitemaps: add, list, remove")
    p.set_defaults(func=cmd_feeds)
    feeds = p.add_subparsers(dest="feeds_command", required=True)
    q = feeds.add_parser("add", help="follow feeds (RSS 2.0, Atom, news or plain sitemaps)")
    q.add_argument("urls", nargs="+", metavar="URL")
    q.add_argument("--db", type=Path, required=True)
    q.add_argument("--interval", type=float, default=900.0, metavar="SECONDS",
                   help="first polling interval (then adapted per feed; default 900)")
    q = feeds.add_parser("list", help="the feeds followed, with their state")
    q.add_argument("--db", type=Path, required=True)
    q.add_argument("--json", action="store_true", help="print JSON Lines")
    q = feeds.add_parser("remove", help="stop following feeds (their stored articles stay)")
    q.add_argument("feeds", nargs="+", metavar="URL_OR_ID")
    q.add_argument("--db", type=Path, required=True)

    p = sub.add_parser("poll", help="fetch due feeds and their new articles into a store, until stopped")
    p.set_defaults(func=cmd_poll)
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--allow-private", action="store_true",
                   help="allow loopback and private addresses (refused by default)")
    p.add_argument("--host-delay", type=float, default=5.0, metavar="SECONDS",
                   help="at least this long between two requests to one host (default 5; robots.txt "
                        "Crawl-delay may ask for more)")
    p.add_argument("--min-interval", type=float, default=300.0, metavar="SECONDS",
                   help="shortest interval between two fetches of a feed (default 300)")
    p.add_argument("--max-interval", type=float, default=21600.0, metavar="SECONDS",
                   help="longest interval between two fetches of a feed (default 21600)")
    p.add_argument("--backoff", type=float, default=60.0, metavar="SECONDS",
                   help="first pause of a host after a 429/5xx that gives no Retry-After (doubles each time)")
    p.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS", help="per-request read timeout")
    p.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, metavar="N", help="largest page fetched")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="processes for extraction (default 1)")

    p = sub.add_parser("demo", help="run on the bundled sample articles and show the result")
    p.set_defaults(func=cmd_demo)
    p.add_argument("--db", type=Path, default=Path("ghatna-demo.duckdb"),
                   help="DuckDB file to write (default: ghatna-demo.duckdb)")

    p = sub.add_parser("serve", help="serve a store read-only: REST API, web app, API docs")
    p.set_defaults(func=cmd_serve)
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--sql", action="store_true",
                   help="also answer GET /api/sql?q=... through the same read-only path as `ghatna query`")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow cross-origin GETs from this origin (repeatable; default: none)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="HOST",
                   help="Host header to accept besides 127.0.0.1/localhost (repeatable; * for any)")

    p = sub.add_parser("eval", help="run an evaluation suite")
    p.set_defaults(func=cmd_eval)
    p.add_argument("suite", choices=SUITES)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                   help=f"reference data directory (default: {DEFAULT_DATA_DIR})")
    p.add_argument("--json", type=Path, metavar="FILE", help="write the metrics as JSON")

    p = sub.add_parser("train", help="train a shipped model from the reference data")
    p.set_defaults(func=cmd_train)
    p.add_argument("model", choices=["ner", "events"])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR)
    p.add_argument("--out", type=Path, default=None,
                   help="output directory (default: the package's model directory)")
    for subparser in sub.choices.values():
        _add_debug(subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `ghatna extract ... | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"ghatna {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every error ends as one line and an exit code
        code, message = _explain(exc)
        if args.debug:
            import traceback

            traceback.print_exc()
        elif code == EXIT_ENVIRONMENT and not _expected(exc):
            message += " (run with --debug for the traceback)"
        print(f"ghatna {args.command}: {message}", file=sys.stderr)
        return code


def _expected(exc: Exception) -> bool:
    from ghatna.store import StoreError

    return isinstance(exc, StoreError | OSError)


def _explain(exc: Exception) -> tuple[int, str]:
    """(exit code, one-line message) for an error that ends a command."""
    import duckdb

    from ghatna.store import QueryError, StoreError

    if isinstance(exc, QueryError):
        return EXIT_USAGE, f"bad query: {exc}"
    if isinstance(exc, StoreError):
        return EXIT_ENVIRONMENT, str(exc)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        return EXIT_ENVIRONMENT, f"{exc.strerror or exc}{where}"
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, duckdb.Error):
        return EXIT_ENVIRONMENT, f"store error: {first}"
    return EXIT_ENVIRONMENT, f"internal error: {type(exc).__name__}: {first}"


def _say(message: str) -> None:
    print(f"ghatna: {message}", file=sys.stderr)


def _version() -> str:
    from ghatna import __version__

    return f"ghatna {__version__}"


def _pipeline(args: argparse.Namespace):  # noqa: ANN202 - a Pipeline
    from ghatna.budget import TimeBudget
    from ghatna.options import Options
    from ghatna.pipeline import Pipeline

    budget = TimeBudget() if args.budget is None else TimeBudget(args.budget) if args.budget else None
    stories = getattr(args, "command", None) == "ingest" and not args.no_stories
    return Pipeline(options=Options(cameo_dictionary=args.cameo_dictionary, stories=stories), budget=budget)


def _progress(args: argparse.Namespace) -> bool | None:
    return False if args.no_progress else None


def _sharded(args: argparse.Namespace, parts: Path):  # noqa: ANN202 - JobSummary, or None: engine unavailable
    from ghatna.engines import print_job_summary, run
    from ghatna.engines.ray_engine import EngineUnavailable

    try:
        summary = run(args.paths, parts, engine=args.engine, workers=args.workers, address=args.address,
                      actors=args.actors, pipeline=_pipeline(args),
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
        return EXIT_USAGE
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
    from ghatna.batch import Summary, print_summary, process
    from ghatna.read.sources import iter_sources

    if args.engine != "local" or args.parts:
        return _extract_sharded(args)
    summary = Summary()
    docs = process(iter_sources(args.paths, stdin=sys.stdin, skipped=summary.skipped), summary, workers=args.workers,
                   pipeline=_pipeline(args), progress=_progress(args))
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
    from ghatna.batch import Summary, ingest, print_summary
    from ghatna.read.sources import iter_sources

    if args.engine != "local" or args.parts:
        problem = _sharded_usage(args)
        if problem:
            print(f"ghatna ingest: {problem}", file=sys.stderr)
            return EXIT_USAGE
        job = _sharded(args, args.parts or args.db.with_name(args.db.name + ".parts"))
        if job is None:
            return 2
        _load(job.parts, args.db)
        return job.exit_code
    summary = Summary()
    ingest(iter_sources(args.paths, stdin=sys.stdin, skipped=summary.skipped), args.db, summary, workers=args.workers,
           pipeline=_pipeline(args), progress=_progress(args), reprocess=args.reprocess,
           wait=args.wait, on_wait=_say, stories=not args.no_stories)
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

    with Store(args.db, sandbox=True, wait=args.wait, on_wait=_say) as store:
        columns, rows = store.user_query(args.sql)
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
        with Store(args.db, read_only=True, wait=args.wait, on_wait=_say) as store:
            n = export(store, args.format, args.output, events=args.events)
    except ValueError as exc:
        print(f"ghatna export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"exported {n} {args.format} records", file=sys.stderr)
    return 0


def cmd_feeds(args: argparse.Namespace) -> int:
    from ghatna.feeds.registry import add_feeds, list_feeds, remove_feeds
    from ghatna.store import Store

    if args.feeds_command == "list":
        if not args.db.exists():
            print(f"ghatna feeds: no store at {args.db}", file=sys.stderr)
            return 2
        with Store(args.db, read_only=True) as store:
            feeds = list_feeds(store)
        for feed in feeds:
            row = {"feed_id": feed.feed_id, "url": feed.url, "kind": feed.kind, "title": feed.title,
                   "next_fetch": feed.next_fetch, "last_fetch": feed.last_fetch, "last_status": feed.last_status,
                   "interval_s": feed.interval_s, "items_found": feed.items_found, "error_count": feed.error_count,
                   "last_error": feed.last_error}
            if args.json:
                print(json.dumps(row, ensure_ascii=False, default=str))
            else:
                state = f"error x{feed.error_count}: {feed.last_error}" if feed.error_count else (
                    f"HTTP {feed.last_status}" if feed.last_status else "not fetched yet")
                print(f"{feed.feed_id}  {feed.url}  [{feed.kind or '?'}] {feed.items_found} links, "
                      f"every {feed.interval_s:.0f} s, next {feed.next_fetch:%Y-%m-%d %H:%M:%S} UTC, {state}")
        return 0
    with Store(args.db) as store:
        if args.feeds_command == "add":
            outcomes = add_feeds(store, args.urls, interval_s=args.interval)
        else:
            outcomes = remove_feeds(store, args.feeds)
    for url, outcome in outcomes:
        print(f"{outcome}: {url}")
    return 0 if all(o in ("added", "already followed", "removed") for _, o in outcomes) else 1


def cmd_poll(args: argparse.Namespace) -> int:
    from ghatna.feeds.fetch import FetchPolicy
    from ghatna.feeds.poll import PollConfig, Poller
    from ghatna.store import Store

    policy = FetchPolicy(host_delay=args.host_delay, read_timeout=args.timeout, max_bytes=args.max_bytes,
                         allow_private=args.allow_private, backoff_base=args.backoff)
    config = PollConfig(once=args.once, min_interval=args.min_interval, max_interval=args.max_interval,
                        workers=args.workers)

    def show(report) -> None:  # noqa: ANN001
        print(f"feeds fetched {report.feeds_fetched} (unchanged {report.feeds_unchanged}, errors "
              f"{report.feed_errors}); links {report.links_found} (new {report.links_new}); pages fetched "
              f"{report.pages_fetched}, documents stored {report.documents_stored}, page errors "
              f"{report.page_errors}", file=sys.stderr)

    with Store(args.db) as store:
        report = Poller(store, config, policy).run(on_round=show)
    return 1 if report.feed_errors or report.page_errors else 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ghatna.demo import run_demo

    return run_demo(args.db)


def cmd_serve(args: argparse.Namespace) -> int:
    from ghatna.serve import ServeConfig, run

    hosts = ["127.0.0.1", "localhost", "[::1]", *args.allowed_host]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        hosts.append(args.host if args.host not in ("0.0.0.0", "::") else "*")
    config = ServeConfig(db=args.db, sql=args.sql, cors_origins=args.cors_origin, allowed_hosts=hosts)
    if not args.db.is_file():
        print(f"ghatna serve: no store at {args.db}", file=sys.stderr)
        return 2
    print(f"ghatna serve: http://{args.host}:{args.port}/  (API docs: /api/docs)", file=sys.stderr)
    run(config, host=args.host, port=args.port)
    return 0


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

    table = Table("metric", "value", "data role", title=f"ghatna eval {args.suite}")
    for name, value in report["metrics"].items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value), report["roles"][name])
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
