"""Long single-line inputs (issue 13): segmentation time, and a 5 MB one-line file end to end.

    python bench/long_inputs.py [--megabytes 5] [--skip-file]

1. `sentence_spans` on 1 MB of one-line English text (target: under 2 s).
2. `ghatna extract` on a 5 MB one-line file with the default time budget, in a fresh process
   (target: a result or an error record within the budget, 5 CPU-seconds per 100,000
   characters = 250 s for 5 MB).  Reports wall and CPU seconds and the record's status.
This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = ("The minister met Dr. Rao in the U.S. capital on Monday and said 12 people were killed in "
            "Delhi. Officials said talks with Pakistan went well! ")


def one_line(characters: int) -> str:
    return (SENTENCE * (characters // len(SENTENCE) + 1))[:characters]


def segmentation(characters: int = 1_000_000) -> dict:
    from ghatna.text.segment import sentence_spans

    text = one_line(characters)
    wall, cpu = time.perf_counter(), time.process_time()
    spans = sentence_spans(text)
    return {"characters": characters, "sentences": len(spans), "wall_s": round(time.perf_counter() - wall, 3),
            "cpu_s": round(time.process_time() - cpu, 3)}


def whole_file(megabytes: float) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one_line.txt"
        path.write_text(one_line(int(megabytes * 1_000_000)), encoding="utf-8")
        out = Path(folder) / "out.jsonl"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "ghatna.cli", "extract", str(path), "--workers", "1",
                               "--no-progress", "-o", str(out)], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - wall
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {"megabytes": megabytes, "exit_code": done.returncode, "wall_s": round(wall, 1),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "status": record["status"], "error": record["error"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--skip-file", action="store_true")
    args = parser.parse_args()
    print(json.dumps({"segmentation_1mb": segmentation()}))
    if not args.skip_file:
        print(json.dumps({"one_line_file": whole_file(args.megabytes)}))


if __name__ == "__main__":
    main()
