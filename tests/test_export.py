"""Exports of a store: jsonl, parquet, PLOVER and GDELT, checked against the documents written and,
where ../shared/data is present, against the PLOVER manual and the GDELT codebook themselves."""

from __future__ import annotations

import json
import logging
import re
from importlib import resources

import duckdb
import pytest
from test_events import hindi_doc
from test_store import build_documents

from ghatna.export import GDELT_COLUMNS, export, run_export
from ghatna.export.plover import NON_PLOVER_TYPES, REQUIRED_FIELDS
from ghatna.store import TABLES, Store


@pytest.fixture
def docs():
    return build_documents()


@pytest.fixture
def store(tmp_path, docs):
    path = tmp_path / "g.duckdb"
    with Store(path) as writable:
        writable.write(docs)
    with Store(path, read_only=True) as read_only:
        yield read_only


def _shipped(name: str) -> dict:
    return json.loads(resources.files("ghatna").joinpath("data", "cameo", f"{name}.json").read_text("utf-8"))


def _gdelt_lines(store, tmp_path) -> list[dict[str, str]]:
    out = tmp_path / "events.tsv"
    n = export(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == n
    rows = []
    for line in lines:
        fields = line.split("\t")
        assert len(fields) == len(GDELT_COLUMNS)
        rows.append(dict(zip(GDELT_COLUMNS, fields, strict=True)))
    return rows


def _plover_records(store, tmp_path) -> list[dict]:
    out = tmp_path / "plover.jsonl"
    n = export(store, "plover", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == n
    return records


# -- jsonl and parquet -----------------------------------------------------------------------------


def test_jsonl_round_trips_the_contract_objects(store, docs, tmp_path):
    out = tmp_path / "docs.jsonl"
    assert export(store, "jsonl", out) == len(docs)
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert exported == [d.to_dict() for d in docs]


def test_jsonl_goes_to_stdout_without_output(store, docs, capsys):
    assert export(store, "jsonl", None) == len(docs)
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == [d.doc_id for d in docs]


def test_parquet_writes_one_readable_file_per_table(store, docs, tmp_path):
    out = tmp_path / "parquet"
    assert export(store, "parquet", out) == len(docs)
    counts = store.counts()
    con = duckdb.connect()
    for table in TABLES:
        path = out / f"{table}.parquet"
        assert path.is_file()
        assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0] == counts[table]
    columns = [d[0] for d in con.execute("SELECT * FROM read_parquet(?) LIMIT 0",
                                         [str(out / "events.parquet")]).description]
    assert columns == [name for name, _ in TABLES["events"]]


def test_parquet_needs_a_directory(store):
    with pytest.raises(ValueError, match="output directory"):
        export(store, "parquet", None)


def test_unknown_format(store):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "csv", None)


# -- PLOVER ----------------------------------------------------------------------------------------


def test_plover_records(store, docs, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="ghatna.export"):
        records = _plover_records(store, tmp_path)
    events = [(d, e) for d in docs for e in d.events]
    assert {r["event"][0] for r in records}.isdisjoint(NON_PLOVER_TYPES)
    # Every event but the DISASTER one is exported, the English one with no date anywhere too.
    assert len(records) == len(events) - 1
    assert "1 not a PLOVER type" in caplog.text and "no date" not in caplog.text
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        for name in REQUIRED_FIELDS:
            assert record[name] is not None, name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert isinstance(record["actor"], list) and record["event"]

    hi = docs[0]
    by_event = {r["event_id"]: r for r in records if r["doc_id"] == hi.doc_id}
    mobilize = by_event["ev1"]
    assert mobilize["date"] == "2022-01-10" and mobilize["date_precision"] == "day"
    assert mobilize["actor"][0]["code"] == "RUS" and mobilize["actor"][0]["sector"] == "GOV"
    assert mobilize["actor"][0]["identifier_text"] == "Vladimir Putin"
    # The actor's mention nearest the trigger, not just any mention.
    assert mobilize["actor"][0]["entity_text"] == "पुतिन"
    assert mobilize["recipient"][0]["code"] == "KAZ"
    assert mobilize["event_loc"]["geonameid"] == 1526384 and mobilize["event_loc"]["resolution"] == 4
    assert mobilize["mode"] == ["troops"] and mobilize["quad_code"] == 4 and mobilize["event_scale"] == -6.5
    start, end = mobilize["text_info"]["start"], mobilize["text_info"]["end"]
    assert mobilize["text"] == hi.text[start:end] and "सेना भेजी" in mobilize["text"]
    assert mobilize["trigger"]["text"] == hi.text[mobilize["trigger"]["start"]:mobilize["trigger"]["end"]]
    assert mobilize["cite_info"]["url"] == "https://example.org/putin"

    consult = by_event["ev2"]
    assert consult["date"] == hi.published and consult["date_precision"] == "published"
    assert consult["context"] == ["future"]
    assert consult["actor"][0]["code"] == "IGO"

    accuse = by_event["ev4"]
    assert "negation" in accuse["context"] and accuse["negated"] is True

    # A document with no publication date: its undated event takes the day it was stored.
    en = docs[1]
    arrest = next(r for r in records if r["doc_id"] == en.doc_id)
    assert arrest["date_precision"] == "ingested" and arrest["date"] == arrest["coded_date"]


def test_plover_required_fields_are_the_manuals(shared_data):
    manual = (shared_data / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    table = manual.split(r"\caption{PLOVER JSON }")[1].split(r"\end{tabular}")[0]
    required = set()
    for row in table.split(r"\\"):
        cells = [c.strip() for c in row.split("&")]
        if len(cells) == 4 and cells[3] == "Y":
            required.add(cells[0].replace("\\_", "_").split("\n")[-1].strip())
    assert required == set(REQUIRED_FIELDS)


# -- GDELT -----------------------------------------------------------------------------------------


def test_gdelt_known_event(store, docs, tmp_path):
    rows = _gdelt_lines(store, tmp_path)
    # ev1 (190), ev2 (040) and the English ev1 (173, dated by the day it was stored) have CAMEO
    # codes; ev4 is negated.
    assert len(rows) == 3
    goldstein = _shipped("goldstein")
    mobilize = next(r for r in rows if r["EventCode"] == "190")
    assert mobilize["SQLDATE"] == "20220110" and mobilize["MonthYear"] == "202201"
    assert mobilize["Year"] == "2022" and mobilize["FractionDate"] == f"{2022 + (30 + 10) / 365:.4f}"
    assert (mobilize["EventBaseCode"], mobilize["EventRootCode"]) == ("190", "19")
    assert mobilize["QuadClass"] == "4"
    assert float(mobilize["GoldsteinScale"]) == goldstein["190"]
    assert (mobilize["Actor1Code"], mobilize["Actor1CountryCode"], mobilize["Actor1Type1Code"]) == (
        "RUSGOV", "RUS", "GOV")
    assert mobilize["Actor1Name"] == "VLADIMIR PUTIN"
    assert (mobilize["Actor2Code"], mobilize["Actor2Geo_Type"], mobilize["Actor2Geo_CountryCode"]) == (
        "KAZ", "1", "KZ")
    assert mobilize["Actor1Geo_Type"] == "0"  # a person has no coordinates of its own
    assert mobilize["ActionGeo_Type"] == "4" and mobilize["ActionGeo_FeatureID"] == "1526384"
    assert mobilize["ActionGeo_ADM1Code"] == "KZ02"
    assert (float(mobilize["ActionGeo_Lat"]), float(mobilize["ActionGeo_Long"])) == (43.25, 76.9167)
    assert mobilize["IsRootEvent"] == "1" and mobilize["AvgTone"] == "0"
    assert mobilize["SOURCEURL"] == "https://example.org/putin"
    assert re.fullmatch(r"\d{14}", mobilize["DATEADDED"])

    consult = next(r for r in rows if r["EventCode"] == "040")
    # No quad class on the event: derived from the CAMEO root code (04 consult: verbal cooperation).
    assert consult["QuadClass"] == "1" and float(consult["GoldsteinScale"]) == goldstein["040"]
    assert consult["SQLDATE"] == "20220112"  # falls back on the publication date
    assert consult["Actor1Type1Code"] == "IGO" and consult["Actor1CountryCode"] == ""
    assert consult["Actor2Code"] == ""


def test_gdelt_ids_are_stable_and_skips_are_counted(store, tmp_path):
    first = {r["GLOBALEVENTID"] for r in _gdelt_lines(store, tmp_path)}
    second = {r["GLOBALEVENTID"] for r in _gdelt_lines(store, tmp_path)}
    assert first == second and all(i.isdigit() for i in first)
    result = run_export(store, "gdelt", tmp_path / "again.tsv")
    assert result.written == 3
    assert dict(result.skipped) == {"no CAMEO code": 1, "negated": 1}


def test_dated_in_text_only_leaves_out_and_counts_the_rest(store, tmp_path):
    # ev2 (040) states no date (publication date); the English ev1 has none at all (ingest date).
    gdelt = run_export(store, "gdelt", tmp_path / "g.tsv", dated_in_text_only=True)
    assert gdelt.written == 1
    assert dict(gdelt.skipped) == {"no CAMEO code": 1, "negated": 1, "no date in the text": 2}
    plover = run_export(store, "plover", tmp_path / "p.jsonl", dated_in_text_only=True)
    assert plover.written == 1  # ev1, dated by its text; ev4 (negated, which PLOVER keeps) is not
    assert dict(plover.skipped) == {"not a PLOVER type": 1, "no date in the text": 3}


def test_every_stored_event_reaches_both_exports(tmp_path):
    """Events coded by the events stage, in documents with and without a publication date and
    with and without dates in their text: each is in the GDELT and PLOVER exports, or counted as
    left out for a reason the format gives (never for want of a date)."""
    dated = hindi_doc("रूस ने सोमवार को कज़ाख़स्तान में सेना तैनात की। प्रधानमंत्री ने इस्तीफा दे दिया। "
                      "विपक्ष ने सरकार पर भ्रष्टाचार का आरोप लगाया।")
    undated = hindi_doc("पुलिस ने दस लोगों को गिरफ्तार किया। मंत्री ने विपक्ष के प्रस्ताव का समर्थन किया।",
                        published=None)
    docs = [dated, undated]
    events = {e.id: e for d in docs for e in d.events}
    assert len(events) >= 5 and any(e.date_precision == "published" for e in events.values())
    path = tmp_path / "e.duckdb"
    with Store(path) as writable:
        writable.write(docs)
    with Store(path, read_only=True) as store:
        gdelt = run_export(store, "gdelt", tmp_path / "e.tsv")
        plover = run_export(store, "plover", tmp_path / "e.jsonl")
        records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text("utf-8").splitlines()]
    assert {r["event_id"] for r in records} == set(events)
    assert plover.written == len(events) and not plover.skipped
    assert gdelt.written == len(events) and not gdelt.skipped
    precisions = {r["event_id"]: r["date_precision"] for r in records}
    assert {precisions[e.id] for e in undated.events} == {"ingested"}
    assert "published" in {precisions[e.id] for e in dated.events}


def _codebook_event_columns(cookbook: str) -> list[str]:
    """The event-table columns as the codebook lists them, with its 'repeated for' expansions."""
    event_part = cookbook.split("## MENTIONS TABLE")[0]
    assert "repeated for Actor2" in event_part and "repeated for Actor2 and Action" in event_part
    listed = [m.group(1).replace("\\", "") for m in
              re.finditer(r"^-\s*[^\w\s]?\s*([A-Za-z][A-Za-z0-9\\_]*)\s*\.\s*\(", event_part, re.MULTILINE)]
    columns: list[str] = []
    actor = [c for c in listed if c.startswith("Actor1") and "Geo_" not in c]
    geo = [c for c in listed if c.startswith("Actor1Geo_")]
    for name in listed:
        if name in actor:
            if name == actor[-1]:
                columns += actor + [c.replace("Actor1", "Actor2") for c in actor]
        elif name in geo:
            if name == geo[-1]:
                columns += [c.replace("Actor1", who) for who in ("Actor1", "Actor2", "Action") for c in geo]
        else:
            columns.append(name)
    return columns


def test_gdelt_columns_are_the_codebooks(shared_data, store, tmp_path):
    cookbook = (shared_data / "gdelt-cameo" / "gdelt_event_cookbook.md").read_text(encoding="utf-8")
    codebook = _codebook_event_columns(cookbook)
    assert len(GDELT_COLUMNS) == len(codebook)
    # Same names in the same order; the codebook calls SQLDATE 'Day'.
    aliases = {"day": "sqldate"}
    assert [aliases.get(c.lower(), c.lower()) for c in codebook] == [c.lower() for c in GDELT_COLUMNS]
    for row in _gdelt_lines(store, tmp_path):
        assert len(row) == len(codebook)


def test_shipped_cameo_tables_match_the_reference_data(shared_data, tmp_path):
    from ghatna.build.cameo import main

    main(["--data", str(shared_data), "--out", str(tmp_path)])
    for name in ("goldstein", "countries", "actor_codes"):
        assert json.loads((tmp_path / f"{name}.json").read_text("utf-8")) == _shipped(name)
    source = json.loads((shared_data / "gdelt-cameo" / "cameo_goldstein.json").read_text("utf-8"))
    assert _shipped("goldstein")["190"] == source["190"]["value"]
