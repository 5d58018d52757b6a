"""Load benchmark of `ghatna serve`: filtered GET /api/events and the map aggregation over 100,000 events.

    python bench/serve_load.py [--source STORE] [--events 100000] [--requests 400] [--concurrency 1,4]

The 100,000-event store is synthesised from real pipeline output: a source store (by default the
bundled samples plus ../shared/data/bbc-hindi, ingested here by `ghatna ingest`) is replicated
until it holds the target number of events.  Each replica gets new document, event and entity ids,
a new publication date (2015-2024), event dates moved with it, and its places moved to other
gazetteer cities (with their coordinates, country and admin-1), so filters and aggregations see
realistic spread.  Texts, sentences, mentions, actors, quotes and quantities are the pipeline's.

The server runs as its own process (`ghatna serve`) on 127.0.0.1 and a free port; requests are
bounded in number, sent over keep-alive connections by 1 or more client threads, and timed from
send to last byte.  Server memory is read from /proc (VmRSS now, VmHWM peak).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ghatna.store import Store  # noqa: E402

SHARED = Path(os.environ.get("GHATNA_SHARED", ROOT.parent / "shared"))


def build_source(work: Path) -> Path:
    """Samples + BBC Hindi through the real pipeline."""
    db = work / "source.duckdb"
    if db.exists():
        return db
    inputs = [str(ROOT / "src" / "ghatna" / "data" / "samples")]
    articles = SHARED / "data" / "bbc-hindi" / "articles.csv"
    if articles.is_file():
        with open(articles, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))[1:]
        jsonl = work / "bbc-hindi.jsonl"
        jsonl.write_text("".join(json.dumps({"text": r[1]}, ensure_ascii=False) + "\n" for r in rows),
                         encoding="utf-8")
        inputs.append(str(jsonl))
    print(f"ingesting {inputs} (real pipeline) ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "ghatna.cli", "ingest", *inputs, "--db", str(db), "--no-progress"],
                   check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return db


def gazetteer_cities(min_population: int = 100_000) -> list[tuple]:
    path = ROOT / "src" / "ghatna" / "data" / "gazetteer" / "gazetteer.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        n = int(f.readline().split("\t")[1])
        out = []
        for _ in range(n):
            pid, kind, name, country, admin1, lat, lon, pop = f.readline().rstrip("\n").split("\t")
            if kind == "P" and pid.startswith("geonames:") and int(pop or 0) >= min_population:
                out.append((pid, name, country, admin1 or None, float(lat), float(lon), int(pid.split(":")[1])))
    return out


def synthesise(source: Path, target: Path, events: int) -> dict:
    """Replicate `source` into `target` until it has `events` events (see the module docstring)."""
    import duckdb

    if target.exists():
        target.unlink()
    Store(target).close()  # the real schema
    con = duckdb.connect(str(target))
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    per_copy = con.execute("SELECT count(*) FROM src.events").fetchone()[0]
    copies = -(-events // per_copy)
    cities = gazetteer_cities()
    con.execute("CREATE TEMP TABLE city (i INTEGER, id VARCHAR, name VARCHAR, country VARCHAR, admin1 VARCHAR, "
                "lat DOUBLE, lon DOUBLE, gid BIGINT)")
    con.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(cities)])
    ncity = len(cities)
    t0 = time.perf_counter()
    for k in range(copies):
        suffix = f"r{k}"
        # per document of this copy: a publication day; per place entity: another city
        con.execute("CREATE OR REPLACE TEMP TABLE docmap AS SELECT doc_id, doc_id || '-' || ? AS new_id, "
                    "DATE '2015-01-01' + (hash(doc_id || ?) % 3650)::INTEGER AS published FROM src.documents",
                    [suffix, suffix])
        con.execute(f"""CREATE OR REPLACE TEMP TABLE placemap AS
            SELECT e.doc_id, e.entity_id, c.* FROM src.entities e
            JOIN city c ON c.i = (hash(e.doc_id || e.entity_id || ?) % {ncity})::INTEGER
            WHERE e.lat IS NOT NULL""", [suffix])
        con.execute("""INSERT INTO documents SELECT m.new_id, d.source, d.url, d.lang, d.status, d.title,
            m.published, d.authors, d.captions, d.text, d.sentences, d.ingested_at, d.position, NULL
            FROM src.documents d JOIN docmap m USING (doc_id)""")
        con.execute("""INSERT INTO entities SELECT m.new_id, coalesce(p.id, e.entity_id),
            coalesce(p.name, e.name), e.type, coalesce(p.country, e.country), e.actor_code,
            coalesce(p.lat, e.lat), coalesce(p.lon, e.lon), coalesce(p.gid, e.geonames_id),
            coalesce(p.admin1, e.admin1), CASE WHEN p.id IS NOT NULL THEN 'city' ELSE e.geo_precision END
            FROM src.entities e JOIN docmap m USING (doc_id)
            LEFT JOIN placemap p ON p.doc_id = e.doc_id AND p.entity_id = e.entity_id""")
        con.execute("""INSERT INTO mentions SELECT m.new_id, coalesce(p.id, x.entity_id), x."start", x."end",
            x.text, x.type FROM src.mentions x JOIN docmap m USING (doc_id)
            LEFT JOIN placemap p ON p.doc_id = x.doc_id AND p.entity_id = x.entity_id""")
        # entity ids inside events follow the renamed places
        con.execute("""CREATE OR REPLACE TEMP TABLE idmap AS SELECT doc_id,
            map_from_entries(list((entity_id, id))) AS m FROM placemap GROUP BY doc_id""")
        con.execute("""INSERT INTO events SELECT d.new_id, d.new_id || '-' || split_part(e.event_id, '-', -1),
            e.type, e.mode, e.cameo, e.quad_class, e.intensity,
            [coalesce(i.m[a], a) FOR a IN e.actors], [coalesce(i.m[r], r) FOR r IN e.recipients],
            CASE WHEN e.place IS NULL THEN NULL ELSE coalesce(i.m[e.place], e.place) END,
            CASE WHEN e.date IS NULL THEN NULL
                 ELSE strftime(d.published - (hash(e.event_id) % 7)::INTEGER, '%Y-%m-%d') END,
            CASE WHEN e.date IS NULL THEN NULL ELSE 'day' END,
            e.negated, e.modality, e.trigger_start, e.trigger_end, e.trigger_text, e.sentence, e.confidence,
            e.duration
            FROM src.events e JOIN docmap d USING (doc_id) LEFT JOIN idmap i USING (doc_id)""")
        con.execute("""INSERT INTO quotes SELECT m.new_id, q.quote_index, q.speaker, q.speaker_text, q.text,
            q."start", q."end", q.direct, q.cue FROM src.quotes q JOIN docmap m USING (doc_id)""")
        con.execute("""INSERT INTO quantities SELECT m.new_id, q.quantity_index, q.value, q.approx, q.unit,
            q.unit_en, q.text, q."start", q."end",
            CASE WHEN q.event IS NULL THEN NULL ELSE m.new_id || '-' || split_part(q.event, '-', -1) END
            FROM src.quantities q JOIN docmap m USING (doc_id)""")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "entities")}
    con.close()
    counts.update(copies=copies, source_events=per_copy, seconds=round(time.perf_counter() - t0, 1),
                  megabytes=round(target.stat().st_size / 2**20, 1))
    return counts


# -- the load ------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _memory(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            name, value = line.split(":")
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return fields


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, float, int]:
    t = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return r.status, (time.perf_counter() - t) * 1000, len(body)


def run_load(port: int, paths: list[str], concurrency: int) -> dict:
    """Each path once, spread over `concurrency` keep-alive connections; latencies in ms."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    sizes: list[int] = []
    lock = threading.Lock()
    queue = list(enumerate(paths))

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                _, path = queue.pop()
            status, ms, size = _get(conn, path)
            with lock:
                latencies.append(ms)
                statuses[status] = statuses.get(status, 0) + 1
                sizes.append(size)
        conn.close()

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))], 1)

    return {"requests": len(latencies), "concurrency": concurrency, "statuses": statuses,
            "p50_ms": pct(50), "p90_ms": pct(90), "p99_ms": pct(99), "max_ms": round(latencies[-1], 1),
            "mean_ms": round(statistics.fmean(latencies), 1), "rps": round(len(latencies) / wall, 1),
            "mean_kb": round(statistics.fmean(sizes) / 1024, 1)}


def filter_mix(meta: dict, actors: list[str], rng: random.Random) -> list[str]:
    """Filter query strings an analyst would send: single filters and combinations."""
    types = list(meta["summary"]["types"])
    countries = list(meta["summary"]["countries"])[:40]
    queries = []
    for _ in range(60):
        year = rng.randint(2015, 2024)
        month = rng.randint(1, 12)
        choice = [
            f"type={rng.choice(types)}",
            f"country={rng.choice(countries)}",
            f"start={year}-{month:02d}-01&end={year}-{month:02d}-28",
            f"actor={rng.choice(actors)}",
            f"party={rng.choice(actors)}&start={year}",
            f"type={rng.choice(types)},{rng.choice(types)}&country={rng.choice(countries)}",
            f"type={rng.choice(types)}&start={year}&end={year}&min_confidence=0.7",
            f"lang=hi&modality=asserted&start={year}-{month:02d}",
            f"bbox=60,5,100,40&start={year}",
            f"type={rng.randint(1, 20):02d}&sort=-confidence",
        ]
        queries += choice
    rng.shuffle(queries)
    return queries


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="store to replicate (default: samples + bbc-hindi, ingested)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint and concurrency level")
    ap.add_argument("--concurrency", default="1,4", help="client threads, comma-separated levels")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ghatna-serve-bench")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--reuse", action="store_true", help="reuse a synthesised store left in --work")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    source = args.source or build_source(args.work)
    store = args.work / f"events-{args.events}.duckdb"
    if args.reuse and store.exists():
        built = {"reused": str(store)}
    else:
        built = synthesise(source, store, args.events)
    print(f"store: {built}", file=sys.stderr)

    port = _free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "ghatna.cli", "serve", "--db", str(store), "--port", str(port)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                status, _, _ = _get(conn, "/api/meta")
                conn.close()
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("server did not start")
            time.sleep(0.2)
        startup = round(time.perf_counter() - t0, 1)
        idle = _memory(server.pid)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/api/meta")
        meta = json.loads(conn.getresponse().read())
        conn.request("GET", "/api/network?max_edges=200")
        network = json.loads(conn.getresponse().read())
        conn.close()
        actors = [n["id"] for n in network["nodes"] if not n["id"].count("/")][:50]
        rng = random.Random(15)
        results = {"store": built, "startup_s": startup, "memory_idle_mb": idle, "runs": []}
        for level in (int(c) for c in args.concurrency.split(",")):
            mix = filter_mix(meta, actors, rng)
            events_paths = [f"/api/events?{mix[i % len(mix)]}&limit=100" for i in range(args.requests)]
            # the map takes the filters, not the list's sort order
            map_paths = [f"/api/agg/map?{mix[i % len(mix)].replace('&sort=-confidence', '')}" if i % 4
                         else "/api/agg/map" for i in range(args.requests)]
            for name, paths in (("events", events_paths), ("map", map_paths)):
                run = run_load(port, paths, level)
                run["endpoint"] = name
                results["runs"].append(run)
                print(json.dumps(run), file=sys.stderr)
        results["memory_after_mb"] = _memory(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    failed = sum(n for run in results["runs"] for s, n in run["statuses"].items() if s != 200)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
