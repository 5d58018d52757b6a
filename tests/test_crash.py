"""Crash test: an ingest killed (SIGKILL) at seeded random points leaves a store that opens, holds
only whole documents, and a re-run completes it with the right counts."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from ghatna.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = 13
HINDI = ("{n} अक्टूबर को दिल्ली में विदेश मंत्रियों की बैठक हुई। मंत्री ने कहा कि दोनों देश व्यापार बढ़ाएंगे।\n\n"
         "बैठक में {n} देशों के प्रतिनिधि शामिल हुए और पुलिस ने {m} लोगों को गिरफ्तार किया।\n")


def make_corpus(folder: Path) -> tuple[int, int, int]:
    """(inputs, distinct analysed texts, errors): 250 articles, 10 of them copies of others, 1 empty file.
    Enough for several commits (one every 2 s) after the models are loaded."""
    folder.mkdir()
    texts = [HINDI.format(n=n, m=n * 7 + 3) * 3 for n in range(240)]  # Hindi only: no English model to load
    for n, text in enumerate(texts):
        (folder / f"a{n:03d}.txt").write_text(text, encoding="utf-8")
    for n in range(10):  # the same wire story from another outlet
        (folder / f"copy{n}.txt").write_text(texts[n * 7], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return 251, 240, 1


def start_ingest(corpus: Path, db: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "ghatna.cli", "ingest", str(corpus), "--db", str(db),
                             "--workers", "1", "--no-progress"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def committed_inputs(db: Path) -> int:
    """Rows of document_sources, read the way another process would (0 while the store is busy)."""
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM document_sources").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def check_whole(db: Path) -> dict[str, int]:
    """The store opens read-write, and every stored document has exactly the rows its contract lists."""
    with Store(db) as store:
        counts = store.counts()
        _, docs = store.query("SELECT doc_id, doc FROM documents")
        for doc_id, doc in docs:
            doc = json.loads(doc)
            expected = {"entities": len(doc["entities"]), "events": len(doc["events"]),
                        "quotes": len(doc["quotes"]), "quantities": len(doc["quantities"]),
                        "mentions": sum(len(e["mentions"]) for e in doc["entities"])}
            for table, n in expected.items():
                _, [(stored,)] = store.query(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id])
                assert stored == n, f"{doc_id}: {stored} rows in {table}, its record lists {n}"
        _, orphans = store.query("SELECT source FROM document_sources s WHERE doc_id NOT IN "
                                 "(SELECT doc_id FROM documents UNION ALL SELECT doc_id FROM errors)")
        assert orphans == []
        _, unsourced = store.query("SELECT doc_id FROM documents WHERE doc_id NOT IN "
                                   "(SELECT doc_id FROM document_sources)")
        assert unsourced == []
        for table in ("entities", "mentions", "events", "quotes", "quantities"):
            _, stray = store.query(f"SELECT doc_id FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            assert stray == [], f"rows of {table} without their document"
    return counts


def test_an_ingest_killed_at_random_points_resumes_to_the_right_counts(tmp_path):
    rng = random.Random(SEED)
    corpus = tmp_path / "corpus"
    inputs, distinct, errors = make_corpus(corpus)
    db = tmp_path / "news.duckdb"
    kills = []
    for attempt in range(3):
        ingest = start_ingest(corpus, db)
        if attempt == 0:  # early: while the store is created and the first documents committed
            while not db.exists() and ingest.poll() is None:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.3))
        else:  # after a random number of further inputs are committed, at a random moment
            target = min(inputs - 1, committed_inputs(db) + rng.randint(1, 60))
            deadline = time.monotonic() + 240
            while committed_inputs(db) < target and ingest.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.5))
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(timeout=30)
        kills.append(ingest.returncode)
        if db.exists():
            counts = check_whole(db)
            assert counts["document_sources"] <= inputs and counts["documents"] <= distinct
    assert any(code == -signal.SIGKILL for code in kills)

    stored_before = 0
    if db.exists():
        with Store(db, read_only=True) as store:
            _, [(stored_before,)] = store.query("SELECT count(*) FROM document_sources WHERE status <> 'error'")
    final = start_ingest(corpus, db)
    _, err = final.communicate(timeout=600)
    err = err.decode()
    assert final.returncode == 1, err  # the empty file is an error record; everything else is stored
    counts = check_whole(db)
    assert counts["document_sources"] == inputs
    assert counts["documents"] == distinct
    assert counts["errors"] == errors
    # the summary of the re-run counts every input, and skipped exactly what the killed runs had stored
    assert re.search(rf"read\s*│\s*{inputs}\b", err), err
    assert re.search(rf"failed\s*│\s*{errors}\b", err), err
    if stored_before:
        assert re.search(rf"already stored\s*│\s*{stored_before}\b", err), err
