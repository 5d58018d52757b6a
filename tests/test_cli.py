"""The command line end to end: extract, ingest, query, export, demo, eval."""

import json

import pytest

from ghatna.cli import main

GOOD_HI = """भारत और नेपाल के विदेश मंत्रियों ने सीमा व्यापार पर बातचीत की

दोनों देशों के अधिकारियों ने बुधवार को काठमांडू में मुलाकात की और व्यापार बढ़ाने पर सहमति जताई।

उन्होंने कहा कि अगले महीने एक और बैठक होगी।
"""
GOOD_EN = "The two ministers met in Kathmandu on Wednesday and agreed to expand border trade.\n"


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def mixed_dir(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a_good.txt").write_text(GOOD_HI, encoding="utf-8")
    (d / "sub" / "b_good_en.txt").write_text(GOOD_EN, encoding="utf-8")
    (d / "c_empty.txt").write_bytes(b"")
    (d / "d_junk.bin").write_bytes(bytes(range(256)) * 20)
    (d / "e_latin1.txt").write_bytes("Café in São Paulo, naïve façade.".encode("latin-1"))
    (d / "f_feed.jsonl").write_text(
        json.dumps({"text": GOOD_EN, "title": "Trade talks", "published": "2024-03-06", "lang": "en"})
        + "\n{not json\n" + json.dumps({"text": GOOD_HI}, ensure_ascii=False) + "\n", encoding="utf-8")
    return d


def test_extract_directory_reports_every_bad_input_and_keeps_the_good(mixed_dir, tmp_path, capsys, validate):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(mixed_dir), "-o", str(out), "--workers", "2"]) == 1
    records = read_jsonl(out)
    for record in records:
        validate(record)
    by_status = {}
    for r in records:
        by_status.setdefault(r["status"], []).append(r["source"])
    assert len(records) == 8  # 5 files + 3 JSON Lines lines: nothing dropped
    failed = by_status["error"]
    assert len(failed) == 4
    assert any(s.endswith("c_empty.txt") for s in failed)
    assert any(s.endswith("d_junk.bin") for s in failed)
    assert any(s.endswith("e_latin1.txt") for s in failed)
    assert any(s.endswith("f_feed.jsonl:2") for s in failed)
    assert len(by_status["ok"]) == 4
    jsonl_record = next(r for r in records if r["source"].endswith("f_feed.jsonl:1"))
    assert jsonl_record["title"] == "Trade talks" and jsonl_record["published"] == "2024-03-06"
    summary = capsys.readouterr().err
    assert "read" in summary and "8" in summary and "failed" in summary


def test_extract_seed_matches_the_spine_contract(seed_path, tmp_path, validate):
    out = tmp_path / "seed.jsonl"
    assert main(["extract", str(seed_path), "-o", str(out), "--workers", "1"]) == 0
    [doc] = read_jsonl(out)
    validate(doc)
    assert doc["title"] == "पुतिन ने सीएसटीओ बैठक में कज़ाख़स्तान में क्रांति को समाप्त करने का संकल्प लिया"
    assert doc["published"] == "2022-01-12" and doc["lang"] == "hi" and doc["status"] == "ok"
    assert doc["authors"] == ["Statecraft Staff"]
    [caption] = doc["captions"]
    assert caption["credit"] == "KREMLIN" and caption["lang"] == "en"
    for boilerplate in ("IMAGE SOURCE", "Russian President Vladimir Putin (L)", "Statecraft Staff",
                        "Editorial Team", "लेखक", "जनवरी 12, 2022"):
        assert boilerplate not in doc["text"]
    assert doc["title"] not in doc["text"]
    assert all(s["lang"] == "hi" for s in doc["sentences"])


def test_ingest_is_idempotent_and_query_and_export_read_the_store(mixed_dir, tmp_path, capsys, validate):
    db = tmp_path / "news.duckdb"
    assert main(["ingest", str(mixed_dir), "--db", str(db), "--workers", "1"]) == 1
    assert main(["ingest", str(mixed_dir), "--db", str(db), "--workers", "1"]) == 1
    capsys.readouterr()
    assert main(["query", "SELECT count(*) AS n FROM documents", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 4}
    assert main(["query", "SELECT count(*) AS n FROM errors", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 4}
    out = tmp_path / "export.jsonl"
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(out)]) == 0
    exported = read_jsonl(out)
    assert len(exported) == 8  # error records are exported too: nothing is dropped
    assert sum(r["status"] == "error" for r in exported) == 4
    for record in exported:
        validate(record)
    for fmt in ("plover", "gdelt"):
        assert main(["export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / fmt)]) == 0
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    assert list((tmp_path / "pq").glob("*.parquet"))


def test_demo_runs_on_the_bundled_samples(tmp_path, capsys):
    db = tmp_path / "demo.duckdb"
    assert main(["demo", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "hi" in shown and "en" in shown
    assert db.exists()


def test_eval_structure_writes_the_report(seed_path, tmp_path):
    out = tmp_path / "structure.json"
    assert main(["eval", "structure", "--data", str(seed_path.parents[1] / "data"), "--json", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["suite"] == "structure"
    assert report["metrics"]["seed.fields_correct"] == 1.0


def test_unknown_suite_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["eval", "no-such-suite"])
    assert exit_.value.code == 2 and "invalid choice: 'no-such-suite'" in capsys.readouterr().err
