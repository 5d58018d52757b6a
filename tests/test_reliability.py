"""Issue 13, defect by defect: no hang, language tags, the query sandbox, one-line CLI errors with
distinct exit codes, duplicates, crash cost and concurrency, charsets and the smaller ones."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from ghatna.cli import main
from ghatna.document import Document
from ghatna.pipeline import Pipeline
from ghatna.read.raw import RawDocument
from ghatna.text.segment import sentence_spans

ROOT = Path(__file__).resolve().parents[1]
GOOD_EN = "The two ministers met in Kathmandu on Wednesday and agreed to expand border trade.\n"
GOOD_HI = "दोनों देशों के अधिकारियों ने बुधवार को काठमांडू में मुलाकात की और व्यापार बढ़ाने पर सहमति जताई।\n"


@contextmanager
def within(seconds: float):
    """Fail the test (TimeoutError) if the block runs longer than `seconds` (SIGALRM)."""
    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cli(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "ghatna.cli", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=env, cwd=ROOT)


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# -- 1. hang: linear-time segmentation and a time budget per document ------------------------------

def test_segmentation_of_one_long_line_is_linear():
    sentence = "Dr. Rao met U.S. officials at 3.5 p.m. on Monday. J. Smith said so! Did he? "
    text = sentence * (100_000 // len(sentence))  # quadratic before: about 30 s
    with within(20):  # about 0.05 s now
        spans = sentence_spans(text)
    one = sentence_spans(sentence)
    assert one == [(0, 49), (50, 67), (68, 75)]
    assert spans == [(s + k * len(sentence), e + k * len(sentence))
                     for k in range(len(text) // len(sentence)) for s, e in one]


def test_segmentation_of_a_run_of_full_stops_is_linear():
    with within(20):  # 25 s for 20,000 stops before (the end pattern backtracked over the run)
        assert sentence_spans("." * 20_000 + "x") == [(0, 20_001)]
        assert sentence_spans("!" * 20_000 + "x") == [(0, 20_001)]


def spin(seconds: float) -> None:
    """Use CPU for `seconds` (the soft budget counts CPU time)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


class Spins:
    """A stage that takes far too long on a marked document (in Python: the soft budget stops it)."""

    name = "spins"

    def __call__(self, doc):
        if "SLOW" in doc.text:
            spin(60)
        return doc


class Stuck:
    """A stage stuck where no signal reaches Python (SIGPROF blocked, as in a long C call)."""

    name = "stuck"

    def __call__(self, doc):
        if "STUCK" in doc.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
            time.sleep(60)
        return doc


def _raws(*texts: str) -> list[RawDocument]:
    return [RawDocument(f"r{i}", text, "record") for i, text in enumerate(texts)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_budget_is_an_error_record_and_the_batch_goes_on(workers, validate):
    from ghatna.budget import TimeBudget

    pipeline = Pipeline([*Pipeline().stages[:3], Spins()], budget=TimeBudget(1.0, minimum=1.0, grace=5))
    started = time.monotonic()
    with within(40):
        docs = list(pipeline.map(_raws("First sentence here.", "A SLOW one.", "Third one."), workers=workers))
    assert time.monotonic() - started < 30
    assert [d.status for d in docs] == ["ok", "error", "ok"]
    assert docs[1].error.startswith("spins: over the time budget of 1 s")
    for doc in docs:
        validate(doc.to_dict())


def test_a_worker_stuck_past_the_hard_limit_is_replaced():
    from ghatna.budget import TimeBudget

    pipeline = Pipeline([*Pipeline().stages[:3], Stuck()], budget=TimeBudget(1.0, minimum=0.5, grace=2))
    with within(60):
        docs = list(pipeline.map(_raws("One.", "STUCK here.", "Three.", "Four.", "Five."), workers=2))
    assert [d.status for d in docs] == ["ok", "error", "ok", "ok", "ok"]
    assert "hard time limit" in docs[1].error and docs[1].source == "r1"


def test_a_five_megabyte_line_ends_within_its_budget(tmp_path):
    sentence = "The minister met Dr. Rao in the U.S. capital on Monday and said 12 people were killed. "
    big = tmp_path / "one_line.txt"
    big.write_text((sentence * (5_000_000 // len(sentence) + 1))[:5_000_000], encoding="utf-8")
    started = time.monotonic()
    # 0.1 CPU-s per 100,000 characters, 5 s, raised to the 10 s floor; it ran for more than 7 minutes before
    done = run_cli("extract", str(big), "--workers", "1", "--no-progress", "--budget", "0.1",
                   "-o", str(tmp_path / "out.jsonl"), timeout=240)
    assert time.monotonic() - started < 180
    assert done.returncode in (0, 1), done.stderr.decode()
    [record] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert record["status"] == "ok" or "over the time budget" in record["error"]


# -- 2. language tags -----------------------------------------------------------------------------

@pytest.mark.parametrize("tag,code", [("hi-IN", "hi"), ("HI", "hi"), ("hin", "hi"), ("Hindi", "hi"),
                                      ("en-US", "en"), ("eng", "en"), ("English", "en"), ("hi_IN.UTF-8", "hi"),
                                      ("npi", "ne"), ("fre", "fr"), ("pa-Guru-IN", "pa")])
def test_language_tags_are_normalised(tag, code):
    from ghatna.lang.tags import normalise_tag

    assert normalise_tag(tag) == code


def test_json_lines_language_tags_are_read_and_a_meaningless_one_is_an_error(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "feed.jsonl", [
        {"text": GOOD_HI, "lang": "hi-IN"}, {"text": GOOD_HI, "lang": "HIN", "title": "b"},
        {"text": GOOD_HI, "lang": "Hindi", "title": "c"}, {"text": GOOD_EN, "lang": "en-US"},
        {"text": GOOD_EN, "lang": "und", "title": "e"}, {"text": GOOD_EN, "lang": "xx-klingonese"},
    ])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(feed), "-o", str(out), "--workers", "1", "--no-progress"]) == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["lang"], r["status"]) for r in records[:5]] == [
        ("hi", "ok"), ("hi", "ok"), ("hi", "ok"), ("en", "ok"), ("en", "ok")]
    assert records[0]["entities"] and records[3]["events"]
    assert records[5]["status"] == "error" and "unknown language tag 'xx-klingonese'" in records[5]["error"]


# -- 3. the query sandbox -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    feed = write_jsonl(folder / "feed.jsonl", [{"text": GOOD_EN, "url": "https://a.example/1"},
                                               {"text": GOOD_HI}])
    db = folder / "news.duckdb"
    assert main(["ingest", str(feed), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    other = folder / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    return db, other


@pytest.mark.parametrize("sql", [
    "COPY documents TO '{dir}/out.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    "ATTACH '{other}' AS o (READ_WRITE); INSERT INTO o.t VALUES (1)",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "EXPORT DATABASE '{dir}/dump'",
    "DELETE FROM documents",
    "SELECT 1; DROP TABLE documents",
])
def test_query_cannot_leave_the_sandbox(small_store, sql, capsys):
    db, other = small_store
    sql = sql.format(dir=db.parent, other=other)
    assert main(["query", sql, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ghatna query: bad query:") and err.count("\n") == 1, err
    assert not (db.parent / "out.csv").exists() and not (db.parent / "dump").exists()
    con = duckdb.connect(str(other), read_only=True)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    con.close()
    capsys.readouterr()
    assert main(["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 2}


def test_query_reads_tables_and_json_in_the_sandbox(small_store, capsys):
    db, _ = small_store
    assert main(["query", "SELECT url, json_array_length(sentences) > 0 AS has FROM documents "
                 "WHERE url IS NOT NULL", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"url": "https://a.example/1", "has": True}


# -- 4. one-line errors and exit codes ------------------------------------------------------------

def _one_line_error(capsys, prefix: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith(prefix) and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_a_sql_error_is_a_usage_error(small_store, capsys):
    db, _ = small_store
    assert main(["query", "SELEC nonsense", "--db", str(db)]) == 2
    _one_line_error(capsys, "ghatna query: bad query: Parser Error")
    assert main(["query", "SELECT no_such_column FROM documents", "--db", str(db)]) == 2
    _one_line_error(capsys, "ghatna query: bad query: Binder Error")


def test_store_problems_exit_3_with_one_line(tmp_path, capsys):
    assert main(["query", "SELECT 1", "--db", str(tmp_path / "missing.duckdb")]) == 3
    assert "no store at" in _one_line_error(capsys, "ghatna query: ")
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("hello, not a database\n")
    assert main(["query", "SELECT 1", "--db", str(not_a_store)]) == 3
    assert "is not a DuckDB store" in _one_line_error(capsys, "ghatna query: ")
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": GOOD_EN}])
    assert main(["ingest", str(feed), "--db", str(not_a_store), "--no-progress"]) == 3
    assert "is not a DuckDB store" in _one_line_error(capsys, "ghatna ingest: ")
    assert main(["export", "--db", str(tmp_path / "missing.duckdb"), "--format", "jsonl"]) == 3
    _one_line_error(capsys, "ghatna export: no store at")


def test_a_bad_output_path_exits_3(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": GOOD_EN}])
    assert main(["extract", str(feed), "-o", str(tmp_path / "no" / "such" / "out.jsonl"), "--no-progress"]) == 3
    assert "No such file or directory" in _one_line_error(capsys, "ghatna extract: ")


def test_a_locked_store_exits_3_after_waiting_and_debug_adds_the_traceback(tmp_path, capsys):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(db)!r}); con.execute('CREATE TABLE x (a INT)')\n"
        "print('ready', flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        assert main(["query", "SELECT 1", "--db", str(db), "--wait", "0.3"]) == 3
        assert "in use by another process (PID" in _one_line_error(capsys, "ghatna query: store")
        assert main(["--debug", "query", "SELECT 1", "--db", str(db), "--wait", "0"]) == 3
        err = capsys.readouterr().err
        assert "Traceback" in err and err.rstrip().splitlines()[-1].startswith("ghatna query: store")
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(workers, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path), "--workers", workers])
    assert exit_.value.code == 2
    assert "--workers" in capsys.readouterr().err


# -- 5. duplicates --------------------------------------------------------------------------------

def test_identical_texts_are_stored_once_and_each_input_keeps_its_record(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "wire.jsonl", [
        {"text": GOOD_EN, "url": "https://outlet-a.example/story", "published": "2024-03-06"},
        {"text": GOOD_EN, "url": "https://outlet-b.example/story", "published": "2024-03-07"},
        {"text": GOOD_HI, "url": "https://outlet-c.example/hindi"},
    ])
    db = tmp_path / "news.duckdb"
    for _ in range(2):  # the second run changes nothing
        assert main(["ingest", str(feed), "--db", str(db), "--workers", "1", "--no-progress",
                     "--reprocess"]) == 0
        assert re.search(r"duplicates\s*│\s*1\b", capsys.readouterr().err)
    import ghatna.store as store_module

    with store_module.Store(db, read_only=True) as store:
        counts = store.counts()
        assert counts["documents"] == 2 and counts["document_sources"] == 3
        _, rows = store.query("SELECT s.source, s.url, s.published, d.doc_id = s.doc_id FROM document_sources s "
                              "JOIN documents d USING (doc_id) ORDER BY s.source")
    assert [(r[0].rsplit("/", 1)[-1], r[1], str(r[2]), r[3]) for r in rows] == [
        ("wire.jsonl:1", "https://outlet-a.example/story", "2024-03-06", True),
        ("wire.jsonl:2", "https://outlet-b.example/story", "2024-03-07", True),
        ("wire.jsonl:3", "https://outlet-c.example/hindi", "None", True),
    ]


# -- 6. crash cost and concurrency ----------------------------------------------------------------

def test_batches_are_committed_within_seconds(tmp_path):
    from ghatna.store import Store

    db = tmp_path / "g.duckdb"
    seen_committed = []

    def docs():
        for i in range(4):
            if i:
                time.sleep(0.15)
                with Store(db, read_only=True) as reader:  # another reader, while the write goes on
                    seen_committed.append(reader.counts()["documents"])
            text = f"Document number {i} says something."
            yield Document(text=text, source=f"d{i}", doc_id=f"id{i}", lang="en", input_hash=f"h{i}")

    with Store(db) as store:
        store.close()
        counts = store.write(docs(), flush_seconds=0.1, release=True)
    assert counts.ok == 4
    assert seen_committed == [1, 2, 3]  # nothing waits for a batch of 500


def test_a_rerun_skips_what_is_stored_and_retries_errors(tmp_path, capsys):
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"text": GOOD_EN}, {"text": GOOD_HI}, {"text": ""}])
    db = tmp_path / "news.duckdb"
    assert main(["ingest", str(feed), "--db", str(db), "--workers", "1", "--no-progress"]) == 1
    capsys.readouterr()
    assert main(["ingest", str(feed), "--db", str(db), "--workers", "1", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "already stored" in err and "2  (skipped" in err
    assert main(["query", "SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM errors) AS e, "
                 "(SELECT count(*) FROM document_sources) AS s", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"d": 2, "e": 1, "s": 3}


def test_query_and_a_second_ingest_work_while_an_ingest_runs(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"{i:03d}.txt").write_text(f"Document {i}.\n\n{GOOD_EN}\nIt was item {i} of the day.\n")
    db = tmp_path / "news.duckdb"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    writer = subprocess.Popen([sys.executable, "-m", "ghatna.cli", "ingest", str(corpus), "--db", str(db),
                               "--workers", "1", "--no-progress"], env=env, stderr=subprocess.PIPE)
    try:
        while not db.exists() and writer.poll() is None:
            time.sleep(0.05)
        answers = []
        while writer.poll() is None:
            code = main(["query", "SELECT count(*) AS n FROM document_sources", "--db", str(db), "--json",
                         "--wait", "60"])
            assert code == 0, capsys.readouterr().err
            answers.append(json.loads(capsys.readouterr().out)["n"])
            time.sleep(0.2)
        second = write_jsonl(tmp_path / "more.jsonl", [{"text": GOOD_HI}])
        assert main(["ingest", str(second), "--db", str(db), "--workers", "1", "--no-progress"]) == 0
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0, writer.stderr.read().decode()
    assert answers and answers == sorted(answers)
    capsys.readouterr()
    assert main(["query", "SELECT count(*) AS n FROM document_sources", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 41}


# -- 7. smaller ones ------------------------------------------------------------------------------

PAGE = ("<html><head>{meta}<title>{title}</title></head><body><article><p>{body}</p>"
        "<p>{body}</p></article></body></html>")


@pytest.mark.parametrize("charset,meta,body", [
    ("iso-8859-1", '<meta charset="ISO-8859-1">', "Le café de São Paulo a rouvert ses portes, déclarent les élus."),
    ("windows-1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
     "The minister’s “final” offer was rejected — officials said on Monday in Zürich."),
    ("windows-1250", '<meta charset="windows-1250">', "Premiér Petr Fiala řekl, že vláda schválila "
                                                          "nový zákon o státním rozpočtu v Praze."),
    ("windows-1252", "", "Le café de São Paulo a rouvert ses portes, déclarent les élus de la ville. À Montréal, "
                         "la fête a réuni des milliers de personnes près du théâtre; les écoles étaient fermées."),
])
def test_html_in_its_declared_or_detected_charset(tmp_path, charset, meta, body):
    from ghatna.read.sources import read_path

    page = tmp_path / "page.html"
    page.write_bytes(PAGE.format(meta=meta, title="Une nouvelle", body=body).encode(charset))
    [raw] = list(read_path(page))
    assert raw.error is None, raw.error
    assert body in raw.content
    doc = Pipeline()(raw)
    assert doc.status != "error", doc.error
    assert body.split(",")[0] in doc.text


def test_stdin_over_the_limit_reports_its_size():
    from ghatna.read.sources import MAX_INPUT_BYTES

    size = MAX_INPUT_BYTES + 3 * 1024 * 1024
    done = run_cli("extract", "-", "--no-progress", "--workers", "1", stdin=b"a" * size, timeout=120)
    assert done.returncode == 1
    assert f"input is {size:,} bytes, over the limit" in done.stdout.decode()


def test_stdin_json_lines_past_the_limit_are_all_read():
    from ghatna.read.sources import MAX_INPUT_BYTES, iter_sources

    line = json.dumps({"text": "x" * 1_000_000}).encode() + b"\n"
    data = line * (MAX_INPUT_BYTES // len(line) + 3)

    class Stdin:
        buffer = __import__("io").BytesIO(data)

    raws = list(iter_sources(["-"], stdin=Stdin()))
    assert len(raws) == data.count(b"\n") and not any(r.error for r in raws)


def test_an_empty_directory_is_reported(tmp_path, capsys):
    empty = tmp_path / "nothing_here"
    empty.mkdir()
    (empty / ".hidden").write_text("skipped")
    assert main(["extract", str(empty), "--no-progress", "-o", str(tmp_path / "out.jsonl")]) == 1
    [record] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert record["status"] == "error" and record["error"].startswith("empty directory")
    assert "empty directory" in capsys.readouterr().err
