"""Scale-out benchmark: documents/s of a sharded job on the local engine and on Ray (1 and 2 actors).

    python bench/scale_out.py [--data ../shared/data] [--shards 12] [--json FILE]

Corpus: the throughput benchmark's real Hindi news (bench/throughput.py: ../shared/data/bbc-hindi
and ednil-hi/unannotated, 539 documents), written as `--shards` JSON Lines files; without the
reference data, the bundled samples repeated (`--repeat`).  Each configuration runs in a fresh
process into an empty parts folder, so each pays its own start: for Ray that is starting a local Ray
(`ray_start_s`, reported apart) and its actors, each loading its own models.  `docs_per_s` is
documents / job time (from the job's start to its last part); `end_to_end_docs_per_s` adds Ray's
start.  `in_shards_s` sums the time spent inside shards (reading, the pipeline including each
worker's first model load, writing the part); job_s x workers minus that is the engine's overhead.
`cpu_ms_per_doc` is the CPU time (user + system) of the whole process tree (Ray's own processes and
actors included; from the job's start, sampled every 0.5 s, the sampler's own CPU taken out)
per document, starting Ray aside: on a shared machine, the
cost that contention does not inflate the way it inflates wall time.  Peak RSS is the whole tree too.
This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

# "pipeline-1" is the baseline: `Pipeline.map` over the same documents, one process, no parts.
CONFIGS = {"pipeline-1": ("pipeline", 1), "local-1": ("local", 1), "local-2": ("local", 2), "ray-1": ("ray", 1),
           "ray-2": ("ray", 2)}


def write_shards(data: Path, shards: int, repeat: int, out: Path) -> int:
    """The corpus as `shards` JSON Lines files of about equal size; returns the document count."""
    from ghatna.read.sources import sample_paths

    if (data / "bbc-hindi" / "articles.csv").is_file():
        from throughput import load_corpus

        texts = [raw.content for raw in load_corpus(data)]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sample_paths()] * repeat
    out.mkdir(parents=True, exist_ok=True)
    for n in range(shards):
        with open(out / f"shard-{n:03d}.jsonl", "w", encoding="utf-8") as f:
            for text in texts[n::shards]:
                f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return len(texts)


def run_config(inputs: Path, parts: Path, engine: str, n: int) -> dict:
    """One measurement, in this (fresh) process."""
    from throughput import _tree_rss_kib

    from ghatna.engines import run

    peak = 0
    cpu: dict[int, float] = {}  # seconds of CPU per process of the tree, last seen
    names: dict[int, str] = {}
    done = threading.Event()

    sampler_cpu = 0.0  # the sampler's own CPU (walking /proc), taken out of the driver's

    def sample() -> None:
        nonlocal peak, sampler_cpu
        while not done.is_set():
            before = time.thread_time()
            peak = max(peak, _tree_rss_kib(os.getpid()))
            cpu.update(_tree_cpu_s(os.getpid(), names))
            sampler_cpu += time.thread_time() - before
            time.sleep(0.5)

    threading.Thread(target=sample, daemon=True).start()
    ray_start = 0.0
    if engine == "ray":
        from ghatna.engines.ray_engine import connect

        started = time.perf_counter()
        connect(num_cpus=os.cpu_count())
        ray_start = time.perf_counter() - started
    at_start = _tree_cpu_s(os.getpid())  # what the driver and Ray's processes had used before the job
    cpu.update(at_start)
    sampler_at_start = sampler_cpu
    started = time.perf_counter()
    if engine == "ray":
        summary = run([str(inputs)], parts, "ray", actors=n)
    elif engine == "local":
        summary = run([str(inputs)], parts, "local", workers=n)
    else:
        summary = _pipeline_only(inputs, n)
    seconds = time.perf_counter() - started
    cpu.update(_tree_cpu_s(os.getpid(), names))
    done.set()
    by_process: dict[str, float] = {}
    for pid, used in cpu.items():
        name = "driver" if pid == os.getpid() else names.get(pid) or "workers"
        by_process[name] = by_process.get(name, 0.0) + used - at_start.get(pid, 0.0)
    by_process["driver"] -= sampler_cpu - sampler_at_start
    job_cpu = sum(by_process.values())
    docs = summary.documents
    assert docs.read == docs.ok + docs.failed and not summary.failed_shards, summary
    from ghatna.engines.parts import read_result

    # Time spent inside shards (reading, pipeline incl. each worker's first model load, writing):
    # what is left of job_s x n is the engine's own overhead (starting workers, scheduling, idle tail).
    in_shards = sum(read_result(p).seconds for p in summary.parts)
    load_s = None
    if engine == "local" and n == 1:  # loading the parts into a store: one process, whatever the engine
        from ghatna.engines import load_parts
        from ghatna.store import Store

        load_started = time.perf_counter()
        with Store(parts / "loaded.duckdb") as store:
            load_parts(store, summary.parts)
        load_s = time.perf_counter() - load_started
    return {"engine": engine, "workers_or_actors": n, "documents": docs.read, "failed": docs.failed,
            "shards": summary.written, "ray_start_s": round(ray_start, 2), "job_s": round(seconds, 2),
            "docs_per_s": round(docs.read / seconds, 1),
            "end_to_end_docs_per_s": round(docs.read / (seconds + ray_start), 1),
            "in_shards_s": round(in_shards, 2), "cpu_s": round(job_cpu, 1),
            "part_bytes_per_doc": round(sum(p.stat().st_size for p in summary.parts) / docs.read),
            "load_docs_per_s": round(docs.read / load_s) if load_s else None,
            "cpu_ms_per_doc": round(1000 * job_cpu / docs.read, 1),
            "peak_rss_mb": round(peak / 1024, 1),
            "cpu_s_by_process": {k: round(v, 1) for k, v in sorted(by_process.items(), key=lambda kv: -kv[1])
                                 if v >= 0.5}}


def _pipeline_only(inputs: Path, workers: int):  # noqa: ANN202 - a JobSummary with no parts
    """The same documents through `Pipeline.map` alone: what the sharded job adds is measured against it."""
    from ghatna.engines import JobSummary, list_shards
    from ghatna.engines.shards import read_shard
    from ghatna.pipeline import Pipeline

    summary = JobSummary("pipeline", inputs)
    raws = (raw for shard in list_shards([str(inputs)]) for raw in read_shard(shard))
    for doc in Pipeline().map(raws, workers=workers):
        summary.documents.add(doc)
    return summary


def _tree_cpu_s(pid: int, names: dict[int, str] | None = None) -> dict[int, float]:
    """CPU seconds (user + system) of a process and each of its descendants, by pid (`names`: each
    process's name, e.g. `raylet` or Ray's `ray::MapWorker(...)` title, is recorded there)."""
    tick = os.sysconf("SC_CLK_TCK")
    found, stack = {}, [pid]
    while stack:
        p = stack.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            found[p] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            if names is not None:
                command = Path(f"/proc/{p}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace")
                names[p] = re.sub(r"[(\[].*", "", Path(command).name if command.startswith("/") else command)[:40]
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--shards", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=100, help="sample copies when the data is missing")
    parser.add_argument("--configs", nargs="+", choices=list(CONFIGS), default=list(CONFIGS))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)  # internal: inputs parts engine n
    args = parser.parse_args()
    if args.one:
        inputs, parts, engine, n = args.one
        print(json.dumps(run_config(Path(inputs), Path(parts), engine, int(n))))
        return
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                                     os.environ.get("PYTHONPATH")]))}
    work = Path(tempfile.mkdtemp(prefix="ghatna-scale-out-"))
    try:
        documents = write_shards(args.data, args.shards, args.repeat, work / "in")
        results = []
        for name in args.configs:
            engine, n = CONFIGS[name]
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, __file__, "--one", str(work / "in"), str(work / name), engine,
                                  str(n)], capture_output=True, text=True, env=env)
            if out.returncode:
                sys.exit(out.stderr[-4000:])
            result = json.loads(out.stdout.strip().splitlines()[-1])
            result["load_avg_before"] = round(load, 2)
            results.append(result)
            print(json.dumps(result), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    local_1 = next((r for r in results if r["engine"] == "local" and r["workers_or_actors"] == 1), None)
    report = {"documents": documents, "shards": args.shards, "cpus": os.cpu_count(), "runs": results}
    if local_1:
        # one core's cost of a million documents, from the one-worker local run's CPU time (model
        # loading included, which a long run amortises)
        report["core_hours_per_million_docs"] = round(local_1["cpu_ms_per_doc"] * 1e6 / 1000 / 3600, 1)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
