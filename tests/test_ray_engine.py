"""The Ray engine on a local Ray (2 CPUs, 1 actor): the same documents as the local engine, retries,
re-runs, a worker killed mid-job, a document that hangs.  Ray starts once for the module."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import duckdb
import pytest

ray = pytest.importorskip("ray")

from ghatna.engines import list_parts, list_shards, run  # noqa: E402
from ghatna.engines.shards import shard_readers  # noqa: E402
from ghatna.pipeline import Pipeline, default_stages  # noqa: E402
from ghatna.read.sources import sample_paths  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from test_engines import ENGLISH, FlakyReader, light_pipeline, write_parquet  # noqa: E402

HINDI = "भारत और नेपाल के विदेश मंत्रियों ने सोमवार को काठमांडू में बाढ़ राहत पर चर्चा की।"


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    # Workers unpickle this module's stages and readers by value: they cannot import a test module.
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    ray.cloudpickle.register_pickle_by_value(sys.modules["test_engines"])
    ray.init(num_cpus=2, object_store_memory=100 << 20, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Four shards: JSON Lines (one bad line), Parquet, a folder of the two samples, and a Hindi JSON Lines."""
    root = tmp_path / "in"
    (root / "articles").mkdir(parents=True)
    lines = [json.dumps({"text": ENGLISH[0]}), "{broken", json.dumps({"text": ENGLISH[1]})]
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_parquet(root / "b.parquet", [{"text": ENGLISH[2], "title": "Rates"}])
    for sample in sample_paths():
        (root / "articles" / sample.name).write_bytes(sample.read_bytes())
    (root / "c.jsonl").write_text(json.dumps({"text": HINDI}, ensure_ascii=False) + "\n" +
                                  json.dumps({"text": ENGLISH[0] + " " + ENGLISH[1]}) + "\n", encoding="utf-8")
    return root


def part_docs(parts: Path) -> list[dict]:
    files = [str(p) for p in list_parts(parts)]
    return [json.loads(doc) for (doc,) in duckdb.sql(f"SELECT doc FROM read_parquet({files})").fetchall()]


def essence(docs: list[dict]) -> list[tuple]:
    """What must not change between engines: ids, status, entities and events, in any order."""
    return sorted((d["doc_id"], d["status"], d.get("error"), json.dumps(d["entities"], sort_keys=True),
                   json.dumps(d["events"], sort_keys=True)) for d in docs)


def test_same_documents_as_local_engine_and_rerun_does_nothing(corpus: Path, tmp_path: Path):
    pipeline = Pipeline(default_stages())
    local = run([str(corpus)], tmp_path / "local", "local", pipeline=pipeline, workers=1)
    remote = run([str(corpus)], tmp_path / "ray", "ray", pipeline=pipeline, actors=1)
    assert remote.failed_shards == [] and remote.written == 4
    assert (remote.documents.read, remote.documents.ok, remote.documents.failed) == (
        local.documents.read, local.documents.ok, local.documents.failed) == (8, 7, 1)
    expected, got = essence(part_docs(tmp_path / "local")), essence(part_docs(tmp_path / "ray"))
    assert got == expected
    assert any(json.loads(e) for _, status, _, e, _ in got if status == "ok")  # entities were found
    assert any(json.loads(e) for *_, e in got)  # and events
    assert sorted(p.name for p in (tmp_path / "ray").iterdir()) == sorted(p.name for p in (tmp_path / "local").iterdir())

    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path / "ray").iterdir()}
    again = run([str(corpus)], tmp_path / "ray", "ray", pipeline=pipeline, actors=1)
    assert (again.written, again.skipped, again.rounds, again.documents.read) == (0, 4, 0, 0)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "ray").iterdir()} == mtimes


def test_failed_shard_is_retried(corpus: Path, tmp_path: Path):
    marks = tmp_path / "marks"
    marks.mkdir()
    readers = {**shard_readers(), "parquet": FlakyReader(marks, kind="parquet")}
    summary = run([str(corpus)], tmp_path / "parts", "ray", pipeline=light_pipeline(), actors=1,
                  readers=readers)
    assert (marks / "b.parquet").exists()  # it did fail once
    assert summary.rounds == 2 and summary.failed_shards == [] and summary.written == 4
    assert summary.documents.read == summary.documents.ok + summary.documents.failed == 8
    assert len(part_docs(tmp_path / "parts")) == 8


class KillOnce:
    """Kills its worker process (SIGKILL) the first time it sees a document containing `needle`."""

    name = "kill_once"

    def __init__(self, marker: Path, needle: str) -> None:
        self.marker, self.needle = marker, needle

    def __call__(self, doc):
        if self.needle in doc.text:
            try:
                os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return doc
            os.kill(os.getpid(), signal.SIGKILL)
        return doc


class Hang:
    """Never finishes a document containing `needle`."""

    name = "hang"

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, doc):
        if self.needle in doc.text:
            time.sleep(3600)
        return doc


def test_worker_killed_mid_job_loses_and_duplicates_nothing(corpus: Path, tmp_path: Path):
    marker = tmp_path / "killed"
    # the third document of the first shard (a.jsonl) kills the only actor
    killing = Pipeline(light_pipeline().stages + [KillOnce(marker, ENGLISH[1].split(",")[0])])
    summary = run([str(corpus)], tmp_path / "parts", "ray", pipeline=killing, actors=1)
    assert marker.exists()
    assert summary.failed_shards == [] and summary.written == 4
    assert summary.documents.read == 8
    expected = run([str(corpus)], tmp_path / "local", "local", pipeline=light_pipeline(), workers=1)
    assert expected.documents.read == 8
    got = part_docs(tmp_path / "parts")
    assert len(got) == len({d["doc_id"] for d in got}) == 8
    assert essence(got) == essence(part_docs(tmp_path / "local"))
    assert not [p for p in (tmp_path / "parts").iterdir() if p.name.startswith(".")]


def test_hanging_document_becomes_an_error_record(corpus: Path, tmp_path: Path):
    hanging = Pipeline(light_pipeline().stages + [Hang("central bank")])
    summary = run([str(corpus)], tmp_path / "parts", "ray", pipeline=hanging, actors=1, doc_timeout_s=5)
    assert summary.failed_shards == [] and summary.written == 4
    assert (summary.documents.read, summary.documents.failed) == (8, 2)
    reasons = [reason for _, reason in summary.documents.errors]
    assert any(r.startswith("timed out: took over 5 s") for r in reasons)
    assert len(list_shards([str(corpus)])) == len(list_parts(tmp_path / "parts"))
