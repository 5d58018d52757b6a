"""Sharded jobs without Ray: shards, the Parquet reader, parts, the local engine, `ghatna load`."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import duckdb
import pytest

from ghatna.cli import main
from ghatna.engines import list_parts, list_shards, load_parts, run
from ghatna.engines.parts import iter_part_documents, read_result
from ghatna.engines.shards import FILES_READER, read_shard, shard_readers
from ghatna.pipeline import Pipeline
from ghatna.read.parquet import read_parquet
from ghatna.read.sources import sample_paths
from ghatna.store import Store
from ghatna.text.langid import LangIdStage
from ghatna.text.normalise import NormaliseStage
from ghatna.text.segment import SegmentStage

ENGLISH = [
    "The foreign ministers of India and Nepal met in Kathmandu on Monday to discuss flood relief.",
    "Police detained about 300 protesters in Mombasa on Wednesday, officials said.",
    "The central bank raised its policy rate by a quarter point on Thursday.",
]


def light_pipeline() -> Pipeline:
    """Structure, normalise, language and sentences: the job machinery without the model loading."""
    return Pipeline([NormaliseStage(), LangIdStage(), SegmentStage()])


def write_parquet(path: Path, rows: list[dict]) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (text VARCHAR, title VARCHAR, published DATE)")
    for row in rows:
        con.execute("INSERT INTO t VALUES (?, ?, ?)", [row.get("text"), row.get("title"), row.get("published")])
    con.execute(f"COPY t TO '{path}' (FORMAT PARQUET)")
    con.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three kinds of shard: JSON Lines (with two bad lines), Parquet (with a null text), a folder of .txt."""
    root = tmp_path / "in"
    (root / "articles").mkdir(parents=True)
    lines = [json.dumps({"text": ENGLISH[0], "title": "Ministers meet"}), "not json", json.dumps({"text": ""}),
             json.dumps({"text": ENGLISH[1]})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_parquet(root / "table.parquet", [{"text": ENGLISH[2], "title": "Rates", "published": "2024-02-01"},
                                           {"text": None}])
    for sample in sample_paths():
        (root / "articles" / sample.name).write_bytes(sample.read_bytes())
    return root


def test_shards_kinds_order_and_keys(corpus: Path, tmp_path: Path):
    shards = list_shards([str(corpus)])
    assert [(s.reader, len(s.paths)) for s in shards] == [(FILES_READER, 2), ("jsonl", 1), ("parquet", 1)]
    assert shards == list_shards([str(corpus)])  # same input, same shards and keys
    assert len({s.key for s in shards}) == 3
    assert all(s.part_name.endswith(f"-{s.key}.parquet") for s in shards)
    assert shards[0].part_name.startswith("articles-")
    # single-article files are grouped per folder, at most dir_shard_files each
    small = list_shards([str(corpus)], dir_shard_files=1)
    assert [len(s.paths) for s in small if s.reader == FILES_READER] == [1, 1]
    # a path given twice is one shard; a missing path is a shard whose reading gives its error record
    missing = tmp_path / "nope.jsonl"
    twice = list_shards([str(missing), str(missing)])
    assert len(twice) == 1
    (raw,) = read_shard(twice[0])
    assert raw.error == "no such file or directory"
    with pytest.raises(ValueError, match="stdin"):
        list_shards(["-"])
    # a WARC file is a shard of its own, read by the read package's WARC support or named as missing
    (tmp_path / "crawl.warc.gz").write_bytes(b"\x1f\x8b not really")
    (warc,) = list_shards([str(tmp_path / "crawl.warc.gz")])
    assert warc.reader == "warc"
    if importlib.util.find_spec("ghatna.read.warc") is None:
        assert [r.error for r in read_shard(warc)] == [
            "WARC input needs ghatna.read.warc, absent from this version"]


def test_parquet_reader_rows_and_errors(corpus: Path, tmp_path: Path):
    raws = list(read_parquet(corpus / "table.parquet"))
    assert [r.error for r in raws] == [None, "record has no `text` field"]
    assert raws[0].meta == {"title": "Rates", "published": "2024-02-01"}
    assert raws[0].source.endswith("table.parquet:1") and raws[1].source.endswith("table.parquet:2")
    no_text = tmp_path / "no_text.parquet"
    duckdb.sql(f"COPY (SELECT 'x' AS body) TO '{no_text}' (FORMAT PARQUET)")
    assert [r.error for r in read_parquet(no_text)] == ["Parquet file has no `text` column"]
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"this is not parquet at all")
    (bad,) = read_parquet(junk)
    assert bad.error.startswith("cannot read Parquet")


def test_local_job_parts_counts_rerun_and_load(corpus: Path, tmp_path: Path):
    parts = tmp_path / "parts"
    summary = run([str(corpus)], parts, "local", pipeline=light_pipeline(), workers=1)
    docs = summary.documents
    # 4 JSON Lines records (2 bad), 2 Parquet rows (1 bad), 2 articles
    assert (docs.read, docs.ok, docs.failed) == (8, 5, 3)
    assert docs.read == docs.ok + docs.failed
    assert (summary.shards, summary.written, summary.skipped, summary.failed_shards) == (3, 3, 0, [])
    assert summary.exit_code == 1  # error records were written
    files = list_parts(parts)
    assert files == summary.parts and len(files) == 3
    assert not [p for p in parts.iterdir() if p.name.startswith(".")]  # no temporaries left
    assert sum(read_result(p).read for p in files) == 8
    rows = duckdb.sql(f"SELECT status, reason FROM read_parquet({[str(p) for p in files]})").fetchall()
    assert sorted(r[0] for r in rows).count("error") == 3
    assert {r[1] for r in rows if r[0] == "error"} >= {"record `text` is empty", "record has no `text` field"}

    mtimes = {p: p.stat().st_mtime_ns for p in files}
    again = run([str(corpus)], parts, "local", pipeline=light_pipeline(), workers=1)
    assert (again.written, again.skipped, again.rounds, again.documents.read) == (0, 3, 0, 0)
    assert {p: p.stat().st_mtime_ns for p in files} == mtimes

    with Store(tmp_path / "parts.duckdb") as store:
        counts = load_parts(store, files)
        assert (counts.parts, counts.documents, counts.errors) == (3, 5, 3)
        first = store.counts()
        load_parts(store, files)  # loading twice replaces, never duplicates
        assert store.counts() == first
        loaded = {d["doc_id"]: d for d in store.documents()}
    # the store holds what one process writing the same documents holds
    direct = tmp_path / "direct.duckdb"
    with Store(direct) as store:
        store.write(light_pipeline()(raw) for shard in list_shards([str(corpus)]) for raw in read_shard(shard))
        assert {d["doc_id"]: d for d in store.documents()} == loaded
        assert store.counts() == first
    # the contract objects in the parts, in input order
    assert [d["doc_id"] for d in iter_part_documents(files)] == [
        d.doc_id for d in light_pipeline().map(
            (raw for shard in list_shards([str(corpus)]) for raw in read_shard(shard)), workers=1)]


class FlakyReader:
    """Raises on its first call for each path (remembered in a folder, so across processes too)."""

    def __init__(self, marks: Path, always: bool = False, kind: str = "jsonl") -> None:
        self.marks, self.always, self.kind = marks, always, kind

    def __call__(self, path: str):
        mark = self.marks / Path(path).name
        if self.always or not mark.exists():
            mark.touch()
            raise OSError(f"transient failure reading {Path(path).name}")
        yield from shard_readers()[self.kind](path)


def test_local_failed_shard_is_retried_alone(corpus: Path, tmp_path: Path):
    marks = tmp_path / "marks"
    marks.mkdir()
    readers = {**shard_readers(), "jsonl": FlakyReader(marks)}
    parts = tmp_path / "parts"
    summary = run([str(corpus)], parts, "local", pipeline=light_pipeline(), workers=2, readers=readers)
    assert summary.rounds == 2 and summary.failed_shards == [] and summary.written == 3
    assert summary.documents.read == 8

    # a shard that fails every time is reported, and its part is missing; the others are written
    broken = tmp_path / "broken"
    readers = {**shard_readers(), "jsonl": FlakyReader(marks, always=True)}
    summary = run([str(corpus)], broken, "local", pipeline=light_pipeline(), workers=1, readers=readers,
                  attempts=2)
    assert summary.exit_code == 1 and summary.written == 2
    ((shard, reason),) = summary.failed_shards
    assert shard.endswith("feed.jsonl") and "transient failure reading feed.jsonl" in reason
    mtimes = {p.name: p.stat().st_mtime_ns for p in broken.iterdir()}
    # a re-run processes that shard alone
    summary = run([str(corpus)], broken, "local", pipeline=light_pipeline(), workers=1)
    assert (summary.written, summary.skipped, summary.failed_shards) == (1, 2, [])
    assert summary.documents.read == 4
    assert all(p.stat().st_mtime_ns == mtimes[p.name] for p in broken.iterdir() if p.name in mtimes)


def test_cli_sharded_ingest_extract_and_load(corpus: Path, tmp_path: Path, capsys, monkeypatch):
    # the CLI's plumbing, with the light stages (the full pipeline's parity: tests/test_ray_engine.py)
    monkeypatch.setattr("ghatna.pipeline.default_stages", lambda cameo_dictionary=False: light_pipeline().stages)
    db = tmp_path / "news.duckdb"
    assert main(["ingest", str(corpus), "--db", str(db), "--parts", str(tmp_path / "p"), "--workers", "1",
                 "--no-progress"]) == 1  # error records among the inputs
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert (counts["documents"], counts["errors"]) == (5, 3)
    assert "loaded 3 parts" in capsys.readouterr().err

    out = tmp_path / "out.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "--parts", str(tmp_path / "p")]) == 0  # all done
    assert len(out.read_text(encoding="utf-8").splitlines()) == 8

    other = tmp_path / "other.duckdb"
    assert main(["load", str(tmp_path / "p"), "--db", str(other)]) == 0
    with Store(other, read_only=True) as store:
        assert store.counts() == counts
    assert main(["load", str(tmp_path / "missing.parquet"), "--db", str(other)]) == 2
    assert main(["load", str(corpus / "table.parquet"), "--db", str(other)]) == 2  # an input, not a part
    assert "not a ghatna part" in capsys.readouterr().err
    (tmp_path / "p" / "stranger.parquet").write_bytes((corpus / "table.parquet").read_bytes())
    assert len(list_parts(tmp_path / "p")) == 3  # other Parquet files in a parts folder are left out
    assert main(["extract", str(corpus), "--engine", "ray"]) == 2  # nowhere to put the parts
    assert "give -o DIR" in capsys.readouterr().err
    assert main(["ingest", "-", "--db", str(db), "--parts", str(tmp_path / "p")]) == 2


def test_part_is_written_whole_or_not_at_all(corpus: Path, tmp_path: Path):
    class Boom(Exception):
        pass

    def documents():
        yield light_pipeline()(next(iter(read_shard(list_shards([str(corpus)])[1]))))
        raise Boom

    from ghatna.engines.parts import write_part

    shard = list_shards([str(corpus)])[1]
    with pytest.raises(Boom):
        write_part(tmp_path / "parts", shard, documents())
    assert os.listdir(tmp_path / "parts") == []


def test_load_keeps_the_last_copy_of_a_document_found_in_two_shards(tmp_path: Path):
    for name in ("x1.jsonl", "x2.jsonl"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(json.dumps({"text": ENGLISH[0]}) + "\n", encoding="utf-8")
    summary = run([str(tmp_path / "in")], tmp_path / "parts", "local", pipeline=light_pipeline(), workers=1)
    assert summary.documents.read == 2
    with Store(tmp_path / "s.duckdb") as store:
        counts = load_parts(store, list_parts(tmp_path / "parts"))
        assert (counts.documents, store.counts()["documents"]) == (1, 1)
        (source,) = store.query("SELECT source FROM documents")[1][0]
    assert source.endswith("x2.jsonl:1")
