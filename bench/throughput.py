"""Throughput benchmark: the full pipeline over real Hindi news, with 1 and 2 worker processes.

    python bench/throughput.py [--data ../shared/data] [--workers 1 2] [--json FILE]

Corpus: ../shared/data/bbc-hindi/articles.csv (345 articles) and
../shared/data/ednil-hi/unannotated/ (194 documents).  Each configuration runs in a fresh
process, so each pays its own model loading.  Reports documents/s, characters/s, peak RSS of
the whole process tree (sampled from /proc), and cold start (a new process importing ghatna
and extracting one document).  This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PARAGRAPH = re.compile(r"<P>(.*?)</P>", re.S)


def load_corpus(data: Path) -> list:
    from ghatna.read.raw import RawDocument

    raws = []
    csv.field_size_limit(10**8)
    with open(data / "bbc-hindi" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        next(rows)  # header
        for i, row in enumerate(rows):
            raws.append(RawDocument(source=f"bbc-hindi:{i}", content=row[1], format="record"))
    for path in sorted((data / "ednil-hi" / "unannotated").iterdir()):
        xml = path.read_text(encoding="utf-8")
        text = "\n\n".join(html.unescape(p).strip() for p in _PARAGRAPH.findall(xml))
        raws.append(RawDocument(source=f"ednil:{path.name}", content=text, format="record"))
    return raws


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, AttributeError):
            continue
    return total


class PeakRss:
    """`with PeakRss() as rss: ...`, then `rss.mb`: the peak RSS of this process tree meanwhile,
    sampled from /proc every 50 ms by a thread."""

    def __enter__(self) -> PeakRss:
        self.peak_kib = 0
        self._done = threading.Event()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    def _sample(self) -> None:
        while not self._done.is_set():
            self.peak_kib = max(self.peak_kib, _tree_rss_kib(os.getpid()))
            time.sleep(0.05)

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._sampler.join()

    @property
    def mb(self) -> float:
        return round(self.peak_kib / 1024, 1)


def run_config(data: Path, workers: int) -> dict:
    """One measurement, in this process (called in a fresh subprocess)."""
    from ghatna.pipeline import Pipeline

    raws = load_corpus(data)
    with PeakRss() as rss:
        started = time.perf_counter()
        docs = list(Pipeline().map(raws, workers=workers))
        seconds = time.perf_counter() - started
    peak = rss.peak_kib
    chars = sum(len(r.content) for r in raws)
    failed = sum(d.status == "error" for d in docs)
    return {"workers": workers, "documents": len(docs), "failed": failed, "seconds": round(seconds, 2),
            "docs_per_s": round(len(docs) / seconds, 1), "chars_per_s": round(chars / seconds),
            "peak_rss_mb": round(peak / 1024, 1)}


def cold_start() -> float:
    """Seconds for a new process to import ghatna and extract one Hindi document."""
    code = ("import time; t=time.perf_counter(); import ghatna; "
            "ghatna.extract('रूस के राष्ट्रपति ने सोमवार को मास्को में बैठक की। उन्होंने कहा कि स्थिति स्थिर है।'); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return round(float(out.stdout.strip().splitlines()[-1]), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one config
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_config(args.data, args.one)))
        return
    results = []
    for workers in args.workers:
        out = subprocess.run([sys.executable, __file__, "--data", str(args.data), "--one", str(workers)],
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        if out.returncode:
            sys.exit(out.stderr)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    report = {"cold_start_s": cold_start(), "runs": results, "cpus": os.cpu_count()}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
