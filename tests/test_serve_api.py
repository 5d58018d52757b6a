"""The REST API of `ghatna serve`, through FastAPI's test client, on stores built by the real pipeline.

Expected answers are computed independently from the stored contract objects (`Store.documents`),
not from the server's own tables.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from ghatna.serve import Limits, ServeConfig, create_app  # noqa: E402
from ghatna.store import Store  # noqa: E402

BASE = "http://127.0.0.1"


def _key(doc_id: str, entity_id: str) -> str:
    return entity_id if ":" in entity_id or re.fullmatch(r"Q\d+", entity_id) else f"{doc_id}/{entity_id}"


def _day(event: dict, doc: dict) -> dt.date | None:
    date = event["date"]
    if date:
        parts = [int(p) for p in date.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return dt.date.fromisoformat(doc["published"][:10]) if doc["published"] else None


def expected_events(db) -> list[dict]:
    """Every stored event, flattened from the contract objects, as the API should describe it."""
    out = []
    with Store(db, read_only=True) as store:
        for doc in store.documents(include_errors=False):
            entities = {e["id"]: e for e in doc["entities"]}
            for ev in doc["events"]:
                place = entities.get(ev["place"]) if ev["place"] else None
                sentence = doc["sentences"][ev["sentence"]]

                def keys(ids: list[str], doc: dict = doc, entities: dict = entities) -> set[str]:
                    found = {_key(doc["doc_id"], i) for i in ids}
                    found |= {entities[i]["actor_code"] for i in ids if i in entities and entities[i]["actor_code"]}
                    return found

                out.append({
                    "id": ev["id"], "doc_id": doc["doc_id"], "type": ev["type"], "cameo": ev["cameo"],
                    "country": place["country"] if place else None,
                    "lat": place["geo"]["lat"] if place and place["geo"] else None,
                    "lon": place["geo"]["lon"] if place and place["geo"] else None,
                    "place_id": _key(doc["doc_id"], ev["place"]) if ev["place"] else None,
                    "actor_keys": keys(ev["actors"]), "recipient_keys": keys(ev["recipients"]),
                    "lang": doc["lang"], "day": _day(ev, doc), "confidence": ev["confidence"],
                    "modality": ev["modality"], "negated": ev["negated"],
                    "sentence_text": doc["text"][sentence["start"]:sentence["end"]],
                    "trigger_text": ev["trigger"]["text"],
                })
    return out


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def store_digest(sample_store):
    return _sha(sample_store)


@pytest.fixture(scope="module")
def client(sample_store, store_digest):
    app = create_app(ServeConfig(db=sample_store))
    with TestClient(app, base_url=BASE) as c:
        yield c
    app.state.ghatna.index.close()
    # nothing the API did changed the store file
    assert _sha(sample_store) == store_digest


@pytest.fixture(scope="module")
def expected(sample_store):
    events = expected_events(sample_store)
    assert len(events) >= 20, "the sample articles should give a few dozen events"
    return events


def all_ids(client, query: str = "") -> list[str]:
    """Every id the API returns for a filter, following cursors."""
    ids, cursor = [], None
    for _ in range(200):  # bounded
        url = f"/api/events?limit=7&fields=id{'&' + query if query else ''}"
        if cursor:
            url += f"&cursor={cursor}"
        page = client.get(url)
        assert page.status_code == 200, page.text
        body = page.json()
        ids += [e["id"] for e in body["events"]]
        cursor = body["next"]
        if not cursor:
            return ids
    raise AssertionError("pagination did not end")


# -- events ----------------------------------------------------------------------------------------

def test_events_page_has_ids_names_and_coordinates(client, expected):
    body = client.get("/api/events?limit=1000").json()
    assert body["total"] == len(expected) == body["count"]
    assert body["next"] is None
    by_id = {e["id"]: e for e in expected}
    assert {e["id"] for e in body["events"]} == set(by_id)
    for row in body["events"]:
        want = by_id[row["id"]]
        assert row["doc_id"] == want["doc_id"] and row["type"] == want["type"]
        assert (row["lat"], row["lon"]) == (want["lat"], want["lon"])
        assert row["place_id"] == want["place_id"]
        for ref in row["actors"] + row["recipients"]:
            assert ref["id"] and ref["name"]
        assert {r["id"] for r in row["actors"]} <= want["actor_keys"]
        assert row["sentence_text"] == want["sentence_text"]
        assert want["trigger_text"] in row["sentence_text"]
    placed = [e for e in body["events"] if e["lat"] is not None]
    assert placed and all(e["place_name"] and e["country"] for e in placed)
    named = [r for e in body["events"] for r in e["actors"]]
    assert named, "some sample events have actors"


def test_default_order_is_newest_first_and_pages_cover_everything_once(client, expected):
    ids = all_ids(client)
    assert len(ids) == len(set(ids)) == len(expected)
    rows = client.get("/api/events?limit=1000&fields=id,day").json()["events"]
    days = [r["day"] or "0001-01-01" for r in rows]
    assert days == sorted(days, reverse=True)
    assert [r["id"] for r in rows] == ids
    ascending = all_ids(client, "sort=confidence")
    assert sorted(ascending) == sorted(ids)
    conf = {e["id"]: e["confidence"] for e in expected}
    assert [conf[i] for i in ascending] == sorted(conf[i] for i in ascending)


def _pick(values):
    values = [v for v in values if v]
    assert values, "the sample store lacks a value this test needs"
    return max(set(values), key=lambda v: (values.count(v), str(v)))


@pytest.mark.parametrize("name", ["type", "cameo", "country", "actor", "recipient", "party", "place", "lang",
                                  "q", "min_confidence", "modality", "negated", "dates", "bbox"])
def test_each_filter_matches_an_independent_computation(client, expected, name):
    if name == "type":
        value = _pick([e["type"] for e in expected])
        query, want = f"type={value}", {e["id"] for e in expected if e["type"] == value}
    elif name == "cameo":
        prefix = _pick([e["cameo"][:2] for e in expected if e["cameo"]])
        query, want = f"type={prefix}", {e["id"] for e in expected if (e["cameo"] or "").startswith(prefix)}
    elif name == "country":
        value = _pick([e["country"] for e in expected])
        query, want = f"country={value.lower()}", {e["id"] for e in expected if e["country"] == value}
    elif name in ("actor", "recipient", "party"):
        field = {"actor": ["actor_keys"], "recipient": ["recipient_keys"],
                 "party": ["actor_keys", "recipient_keys"]}[name]
        value = _pick([k for e in expected for f in field for k in e[f]])
        query = f"{name}={value}"
        want = {e["id"] for e in expected if any(value in e[f] for f in field)}
    elif name == "place":
        value = _pick([e["place_id"] for e in expected])
        query, want = f"place={value}", {e["id"] for e in expected if e["place_id"] == value}
    elif name == "lang":
        value = _pick([e["lang"] for e in expected])
        query, want = f"lang={value}", {e["id"] for e in expected if e["lang"] == value}
    elif name == "q":
        word = _pick([e["trigger_text"].split()[0] for e in expected])
        query = f"q={word.upper() if word.isascii() else word}"
        want = {e["id"] for e in expected if word.lower() in e["sentence_text"].lower()}
    elif name == "min_confidence":
        query, want = "min_confidence=0.75", {e["id"] for e in expected if e["confidence"] >= 0.75}
    elif name == "modality":
        query, want = "modality=asserted", {e["id"] for e in expected if e["modality"] == "asserted"}
    elif name == "negated":
        query, want = "negated=false", {e["id"] for e in expected if not e["negated"]}
    elif name == "dates":
        day = _pick([e["day"] for e in expected])
        query = f"start={day.isoformat()}&end={day.isoformat()}"
        want = {e["id"] for e in expected if e["day"] == day}
    else:  # bbox around the most common place
        lat, lon = _pick([(e["lat"], e["lon"]) for e in expected if e["lat"] is not None])
        query = f"bbox={lon - 0.5},{lat - 0.5},{lon + 0.5},{lat + 0.5}"
        want = {e["id"] for e in expected if e["lat"] is not None
                and abs(e["lat"] - lat) <= 0.5 and abs(e["lon"] - lon) <= 0.5}
    assert want and want != {e["id"] for e in expected} or name in ("negated", "modality"), name
    got = all_ids(client, query)
    assert set(got) == want and len(got) == len(want), query
    assert client.get(f"/api/events?{query}&limit=1").json()["total"] == len(want)


def test_downloads_give_the_filtered_rows(client, expected):
    kind = _pick([e["type"] for e in expected])
    want = {e["id"] for e in expected if e["type"] == kind}
    r = client.get(f"/api/events?type={kind}&format=csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == want and len(rows) == len(want)
    assert {row["type"] for row in rows} == {kind}
    assert r.headers["x-total-count"] == str(len(want)) and "x-next-cursor" not in r.headers

    lines = client.get(f"/api/events?type={kind}&format=jsonl&fields=id,type").text.splitlines()
    assert {json.loads(x)["id"] for x in lines} == want

    geo = client.get(f"/api/events?type={kind}&format=geojson").json()
    assert geo["type"] == "FeatureCollection" and {f["id"] for f in geo["features"]} == want
    for f in geo["features"]:
        e = next(x for x in expected if x["id"] == f["id"])
        assert f["geometry"] == (None if e["lat"] is None else {"type": "Point", "coordinates": [e["lon"], e["lat"]]})

    # a download over its limit says where to go on
    r = client.get(f"/api/events?type={kind}&format=csv&limit=1")
    assert len(list(csv.DictReader(io.StringIO(r.text)))) == 1
    if len(want) > 1:
        rest = client.get(f"/api/events?type={kind}&format=csv&limit=1000&cursor={r.headers['x-next-cursor']}")
        assert len(list(csv.DictReader(io.StringIO(rest.text)))) == len(want) - 1


def test_event_detail_carries_mentions_and_provenance(client, expected, sample_store):
    with Store(sample_store, read_only=True) as store:
        texts = {d["doc_id"]: d["text"] for d in store.documents(include_errors=False)}
    with_actor = next(e for e in expected if e["actor_keys"])
    body = client.get(f"/api/events/{with_actor['id']}").json()
    prov = body["provenance"]
    text = texts[with_actor["doc_id"]]
    assert text[prov["trigger"]["start"]:prov["trigger"]["end"]] == prov["trigger"]["text"]
    span = prov["sentence_span"]
    assert text[span["start"]:span["end"]] == span["text"] == body["event"]["sentence_text"]
    assert body["mentions"] and {m["role"] for m in body["mentions"]} <= {"actor", "recipient", "place"}
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert client.get("/api/events/no-such-event").status_code == 404


def test_document_view_highlights_every_kind_on_the_right_text(client, expected, sample_store):
    with Store(sample_store, read_only=True) as store:
        docs = {d["doc_id"]: d for d in store.documents(include_errors=False)}
    kinds = set()
    for doc_id, doc in docs.items():
        body = client.get(f"/api/documents/{doc_id}").json()
        assert body["text"] == doc["text"] and len(body["events"]) == len(doc["events"])
        for h in body["highlights"]:
            assert 0 <= h["start"] < h["end"] <= len(doc["text"])
            kinds.add(h["kind"])
        triggers = {(h["start"], h["end"]) for h in body["highlights"] if h["kind"] == "trigger"}
        assert triggers == {(e["trigger"]["start"], e["trigger"]["end"]) for e in doc["events"]}
        quotes = [h for h in body["highlights"] if h["kind"] == "quote"]
        assert len(quotes) == len(doc["quotes"])
    assert {"trigger", "actor", "quote", "quantity", "place", "entity"} <= kinds
    assert client.get("/api/documents/0000000000000000").status_code == 404


# -- aggregations ----------------------------------------------------------------------------------

def test_timeline_counts_add_up(client, expected):
    body = client.get("/api/agg/timeline?interval=day").json()
    assert sum(b["total"] for b in body["buckets"]) + body["undated"] == len(expected)
    days = {}
    for e in expected:
        if e["day"]:
            days.setdefault(e["day"].isoformat(), {}).setdefault(e["type"], 0)
            days[e["day"].isoformat()][e["type"]] += 1
    assert {b["start"]: b["counts"] for b in body["buckets"]} == days
    by_country = client.get("/api/agg/timeline?interval=month&by=country").json()
    assert sum(b["total"] for b in by_country["buckets"]) == sum(b["total"] for b in body["buckets"])
    week = client.get("/api/agg/timeline?interval=week").json()
    assert all(dt.date.fromisoformat(b["start"]).weekday() == 0 for b in week["buckets"])


def test_map_aggregation_counts_add_up(client, expected):
    body = client.get("/api/agg/map").json()
    placed = [e for e in expected if e["lat"] is not None]
    assert sum(p["n"] for p in body["points"]) == len(placed)
    assert body["unplaced"] == len(expected) - len(placed)
    for p in body["points"]:
        assert sum(p["types"].values()) == p["n"] and p["top_type"] in p["types"]
    countries = {}
    for e in expected:
        if e["country"]:
            countries[e["country"]] = countries.get(e["country"], 0) + 1
    assert {c["country"]: c["n"] for c in body["countries"]} == countries
    one = client.get("/api/agg/map?max_points=1").json()
    assert len(one["points"]) == 1 and one["truncated"] == (len(body["points"]) > 1)


def test_actors_autocomplete_and_network(client, expected):
    code = _pick([k for e in expected for k in e["actor_keys"] if re.fullmatch(r"[A-Z]{3,}", k)])
    found = client.get(f"/api/actors?prefix={code[:2].lower()}").json()["actors"]
    assert code in {a["key"] for a in found}
    entry = next(a for a in found if a["key"] == code)
    assert entry["as_actor"] == sum(code in e["actor_keys"] for e in expected)
    net = client.get("/api/network").json()
    pairs = sum(1 for e in expected for _a in e["actor_keys"] for _r in e["recipient_keys"])
    assert net["edges"] and pairs
    ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in net["edges"])
    # every network node is a valid actor filter value
    for node in net["nodes"][:5]:
        assert client.get(f"/api/events?party={node['id']}&limit=1").json()["total"] >= 1


def test_meta_reports_store_counts_and_codebooks(client, sample_store, expected):
    body = client.get("/api/meta").json()
    with Store(sample_store, read_only=True) as store:
        core = store.counts()
    assert {k: body["counts"][k] for k in core} == core  # and the stories' tables beside them
    assert body["summary"]["events"] == len(expected)
    assert {t["type"] for t in body["codebooks"]["types"]} >= {"PROTEST", "ASSAULT", "DISASTER"}
    assert body["features"] == {"stories": True, "canonical": True, "sql": False}
    assert body["store"] == sample_store.name  # the file name only, not the server's paths


def test_openapi_schema_and_local_docs_page(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/agg/timeline",
            "/api/agg/map", "/api/actors", "/api/network", "/api/meta"} <= set(schema["paths"])
    assert "/api/sql" not in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"start", "end", "type", "country", "actor", "bbox", "cursor", "format", "story", "canonical"} <= names
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "http" not in page.split("<body>")[1]
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# -- bad requests: 4xx with one clear line, never a 500 --------------------------------------------

def _cursor(payload) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


BAD = [
    ("/api/events?type=FIGHTING", 400, "unknown event type"),
    ("/api/events?type=99", 400, "no CAMEO code"),
    ("/api/events?country=ZZZ", 400, "unknown country"),
    ("/api/events?country=India", 400, "alpha-3"),
    ("/api/events?actor=NOBODY", 400, "no actor"),
    ("/api/events?recipient=Q0", 400, "no actor"),
    ("/api/events?place=geonames:0", 400, "no event place"),
    ("/api/events?lang=xx", 400, "unknown language"),
    ("/api/events?modality=certain", 400, "modality"),
    ("/api/events?negated=maybe", 400, "true or false"),
    ("/api/events?min_confidence=2", 400, "outside"),
    ("/api/events?min_confidence=nan", 400, "outside"),
    ("/api/events?start=2023-02-30", 400, "not a valid date"),
    ("/api/events?start=yesterday", 400, "not a date"),
    ("/api/events?start=2024&end=2023", 400, "after end"),
    ("/api/events?bbox=1,2,3", 400, "west,south,east,north"),
    ("/api/events?bbox=0,50,10,40", 400, "south is above north"),
    ("/api/events?bbox=0,0,200,10", 400, "outside"),
    ("/api/events?limit=1001", 400, "outside 1..1000"),
    ("/api/events?limit=99999999999999999999", 400, "outside"),
    ("/api/events?limit=-1", 400, "outside"),
    ("/api/events?limit=ten", 400, "whole number"),
    ("/api/events?format=csv&limit=50001", 400, "outside 1..50000"),
    ("/api/events?format=xml", 400, "format"),
    ("/api/events?sort=place", 400, "sort"),
    ("/api/events?fields=id,password", 400, "unknown field"),
    ("/api/events?cursor=%%%", 400, "cursor"),
    ("/api/events?cursor=bm90IGpzb24", 400, "cursor"),
    (f"/api/events?cursor={_cursor(['-date', 'x', 'id'])}", 400, "bad date"),
    (f"/api/events?cursor={_cursor(['-date', '2020-01-01'])}", 400, "cursor"),
    (f"/api/events?cursor={_cursor(['date', '2020-01-01', 'a'])}", 400, "sort"),
    (f"/api/events?sort=confidence&cursor={_cursor(['confidence', 'high', 'a'])}", 400, "confidence"),
    ("/api/events?story=s1", 400, "unknown story"),
    ("/api/events?colour=red", 400, "unknown parameter"),
    ("/api/events?type=PROTEST&type=ASSAULT", 400, "more than once"),
    ("/api/events?q=" + "x" * 201, 400, "over the limit"),
    ("/api/events?q=" + "+".join(["w"] * 11), 400, "words"),
    ("/api/events?type=" + ",".join(["PROTEST"] * 51), 400, "over the limit"),
    ("/api/events?type=PROTEST%00", 400, "control characters"),
    ("/api/agg/timeline?interval=hour", 400, "interval"),
    ("/api/agg/timeline?by=actor", 400, "by"),
    ("/api/agg/timeline?sort=id", 400, "unknown parameter"),
    ("/api/agg/map?max_points=100000", 400, "outside"),
    ("/api/network?max_edges=0", 400, "outside"),
    ("/api/actors?limit=1000", 400, "outside"),
    ("/api/actors?prefix=" + "a" * 101, 400, "over the limit"),
    ("/api/actors?key=nobody", 404, "no actor"),
    ("/api/meta?x=1", 400, "unknown parameter"),
    ("/api/sql?q=select+1", 404, "Not Found"),
    ("/api/events?" + "a=1&" * 1200, 414, "query string"),
]


@pytest.mark.parametrize(("url", "status", "message"), BAD, ids=[b[0][:60] for b in BAD])
def test_bad_requests_are_4xx_with_a_clear_message(client, url, status, message):
    r = client.get(url)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert message.lower() in error.lower() and "\n" not in error and "Traceback" not in error


INJECTIONS = ["' OR 1=1 --", "x'; DROP TABLE events; --", "1) UNION SELECT * FROM documents --",
              "\"; ATTACH '/tmp/x.db' AS x; --", "../../etc/passwd", "<script>alert(1)</script>", "%", "_"]
PARAMS = ["start", "end", "type", "country", "actor", "recipient", "party", "place", "bbox", "lang", "story",
          "min_confidence", "modality", "negated", "canonical", "fields", "sort", "limit", "cursor", "format"]


@pytest.mark.parametrize("param", PARAMS)
def test_injection_attempts_in_every_parameter_are_refused(client, param, expected):
    for payload in INJECTIONS:
        for path in ("/api/events", "/api/agg/map", "/api/agg/timeline", "/api/network"):
            r = client.get(path, params={param: payload})
            assert 400 <= r.status_code < 500, (path, param, payload, r.text)
            assert r.json()["error"]
    # the store still answers with every event
    assert client.get("/api/events?limit=1").json()["total"] == len(expected)


def test_words_search_takes_injection_text_literally(client, expected):
    for payload in INJECTIONS:
        r = client.get("/api/events", params={"q": payload})
        assert r.status_code == 200, r.text
        want = {e["id"] for e in expected if all(w.lower() in e["sentence_text"].lower() for w in payload.split())}
        assert {e["id"] for e in r.json()["events"]} == want
    for path in ("/api/events/", "/api/documents/"):
        for payload in INJECTIONS[:4]:
            assert client.get(path + payload).status_code == 404
    r = client.get("/api/actors", params={"prefix": "' OR 1=1 --"})
    assert r.status_code == 200 and r.json()["actors"] == []


# -- the server's own guards -----------------------------------------------------------------------

def test_security_headers_cors_off_and_host_check(client):
    r = client.get("/api/meta", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    # a page served to another Host name (DNS rebinding) is refused
    assert client.get("/api/meta", headers={"Host": "evil.example"}).status_code == 400
    assert client.post("/api/events").status_code == 405
    assert client.get("/api/events", headers={"Content-Length": "999999"}).status_code == 413


def test_cors_only_for_configured_origins_and_sql_only_with_flag(sample_store):
    app = create_app(ServeConfig(db=sample_store, sql=True, cors_origins=["http://good.example"],
                                 limits=Limits(page=10)))
    with TestClient(app, base_url=BASE) as c:
        ok = c.get("/api/meta", headers={"Origin": "http://good.example"})
        assert ok.headers["access-control-allow-origin"] == "http://good.example"
        assert "access-control-allow-origin" not in c.get("/api/meta", headers={"Origin": "http://evil.example"}).headers
        assert c.get("/api/events?limit=11").status_code == 400
        r = c.get("/api/sql", params={"q": "SELECT count(*) AS n FROM events"})
        assert r.status_code == 200 and r.json()["columns"] == ["n"] and r.json()["rows"][0][0] > 0
        for statement in ("DELETE FROM events", "DROP TABLE events", "CREATE TABLE x (a INT)",
                          "INSERT INTO errors (doc_id) VALUES ('x')", "SELEC nonsense"):
            r = c.get("/api/sql", params={"q": statement})
            assert r.status_code == 400 and r.json()["error"].startswith("q: "), statement
        r = c.get("/api/sql", params={"q": "SELECT * FROM range(5000)", "limit": "3"})
        assert r.json()["rows"] == [[0], [1], [2]] and r.json()["truncated"]
        assert c.get("/api/meta").json()["features"]["sql"] is True
    app.state.ghatna.index.close()


def test_a_missing_or_foreign_file_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(ServeConfig(db=tmp_path / "none.duckdb"))
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (a INT)").close()
    with pytest.raises(ValueError, match="not a ghatna store"):
        create_app(ServeConfig(db=other))


def test_cli_serve_refuses_a_missing_store(tmp_path, capsys):
    from ghatna.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no store" in capsys.readouterr().err


# -- real documents ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_store(shared_data, tmp_path_factory):
    """A few hundred BBC Hindi articles through the real pipeline."""
    from ghatna.cli import main

    folder = tmp_path_factory.mktemp("bbc")
    with open(shared_data / "bbc-hindi" / "articles.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:201]
    (folder / "bbc.jsonl").write_text("".join(json.dumps({"text": r[1]}, ensure_ascii=False) + "\n" for r in rows),
                                      encoding="utf-8")
    db = folder / "bbc.duckdb"
    main(["ingest", str(folder / "bbc.jsonl"), "--db", str(db), "--no-progress"])
    return db


def test_real_hindi_documents(real_store):
    expected = expected_events(real_store)
    assert len(expected) > 300
    app = create_app(ServeConfig(db=real_store))
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/api/events?limit=1").json()["total"] == len(expected)
        assert len(all_ids(c, "lang=hi")) == sum(e["lang"] == "hi" for e in expected)
        for kind in sorted({e["type"] for e in expected})[:6]:
            assert c.get(f"/api/events?type={kind}&limit=1").json()["total"] == sum(e["type"] == kind for e in expected)
        country = _pick([e["country"] for e in expected])
        assert c.get(f"/api/events?country={country}&limit=1").json()["total"] == \
            sum(e["country"] == country for e in expected)
        agg = c.get("/api/agg/map").json()
        assert sum(p["n"] for p in agg["points"]) + agg["unplaced"] == len(expected)
        for doc_id in sorted({e["doc_id"] for e in expected})[:10]:
            body = c.get(f"/api/documents/{doc_id}").json()
            assert all(0 <= h["start"] < h["end"] <= len(body["text"]) for h in body["highlights"])
            assert any(h["kind"] == "trigger" for h in body["highlights"])
    app.state.ghatna.index.close()


def test_story_and_canonical_filters(client, sample_store):
    with Store(sample_store, read_only=True) as store:
        _, rows = store.query("SELECT story_id FROM documents WHERE story_id IS NOT NULL "
                              "GROUP BY story_id ORDER BY count(*) DESC, story_id LIMIT 1")
        story = rows[0][0]
        _, docs = store.query("SELECT doc_id FROM documents WHERE story_id = ?", [story])
        _, firsts = store.query("SELECT first_doc_id, first_event_id FROM canonical_events")
        _, raw = store.query("SELECT count(*) FROM events")
    in_story = client.get(f"/api/events?story={story}&limit=1000").json()["events"]
    assert in_story and {e["doc_id"] for e in in_story} <= {d for (d,) in docs}
    canonical = client.get("/api/events?canonical=true&limit=1000").json()["events"]
    assert {(e["doc_id"], e["id"]) for e in canonical} == set(firsts)
    assert len(canonical) <= raw[0][0]
