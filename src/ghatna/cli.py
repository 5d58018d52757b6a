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

FORMATS = ("jsonl", "parquet", "plover", "gdelt", "gdelt-mentions")


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

    p = sub.add_parser("export", help="export a store as jsonl, parquet, plover, gdelt or gdelt-mentions")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--events", choices=("canonical", "raw"), default="canonical",
                   help="gdelt, gdelt-mentions: one record per canonical event (the same event in several "
                        "documents counted once; default) or per event of each document (raw)")
    p.add_argument("-o", "--output", type=Path,
                   help="output file (parquet: a directory); default stdout")

    p = sub.add_parser("feeds", help="follow RSS/Atom feeds and sitemaps: add, list, remove")
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
            n = export(store, args.format, args.output, events=args.events)
    except (ValueError, FileNotFoundError) as exc:
        print(f"ghatna export: {exc}", file=sys.stderr)
        return 2
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

    roles = report.get("roles")
    table = Table("metric", "value", *(["data role"] if roles else []), title=f"ghatna eval {args.suite}")
    for name, value in report["metrics"].items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value),
                      *([roles.get(name, "")] if roles else []))
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
