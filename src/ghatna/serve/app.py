"""The FastAPI application: the JSON API under /api, the web app at /, the API docs at /api/docs.

Read-only by construction: the store is ATTACHed read-only (`EventIndex`) and no route writes.
Every request parameter is checked (`ghatna.serve.filters`) before any query runs; an unknown
parameter, a repeated one, a bad value or an over-limit size is a 4xx with a one-line `error`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ghatna import __version__, ontology
from ghatna.serve import models
from ghatna.serve.filters import (
    FILTER_PARAMS,
    FORMATS,
    MODALITIES,
    SORTS,
    BadRequest,
    EventQuery,
    check_text,
    decode_cursor,
    event_types,
    parse_choice,
    parse_event_query,
    parse_int,
)
from ghatna.serve.index import EVENT_FIELDS, EventIndex

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("ghatna.serve")


@dataclass
class Limits:
    """Caps on what one request may ask for; over a cap is a 400 (or 413/414 for sizes)."""

    page: int = 1000  # rows per JSON page
    page_default: int = 100
    download: int = 50_000  # rows per CSV / JSON Lines / GeoJSON download
    download_default: int = 10_000
    map_points: int = 5000
    timeline_buckets: int = 2000
    network_edges: int = 200
    actors: int = 100
    sql_rows: int = 1000
    query_string: int = 4096  # bytes of the URL query string
    body: int = 16_384  # bytes of a request body (no route takes one)


@dataclass
class ServeConfig:
    db: Path
    sql: bool = False  # expose GET /api/sql (through the store's query path)
    cors_origins: list[str] = field(default_factory=list)  # none: no CORS headers at all
    allowed_hosts: list[str] = field(default_factory=lambda: ["127.0.0.1", "localhost", "[::1]"])
    limits: Limits = field(default_factory=Limits)


# -- middleware ------------------------------------------------------------------------------------

_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
_SECURITY_HEADERS = [
    (b"content-security-policy", _CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def _json_error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status)


class Guard:
    """Size caps on the request (URL query string, body) and security headers on every answer."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.limits.query_string:
            await _json_error(414, f"query string over {self.limits.query_string} bytes")(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.limits.body:
            await _json_error(413, f"request body over {self.limits.body} bytes")(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *_SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- helpers ---------------------------------------------------------------------------------------

def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)  # decimals, UUIDs, blobs from --sql: as text rather than a 500


def _dumps(value: Any) -> str:
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"))


def _json(value: Any) -> Response:
    return Response(_dumps(value), media_type="application/json")


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


def _fields(value: str | None) -> list[str]:
    if value is None:
        return list(EVENT_FIELDS)
    names = [f.strip() for f in check_text("fields", value).split(",") if f.strip()]
    unknown = [f for f in names if f not in EVENT_FIELDS]
    if unknown or not names:
        raise BadRequest(f"fields: unknown field '{(unknown or [''])[0]}' (known: {', '.join(EVENT_FIELDS)})")
    return list(dict.fromkeys(names))


def _actor_text(refs: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r['name']} [{r['id']}]" for r in refs)


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return _actor_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def _geojson_feature(row: Mapping[str, Any]) -> dict[str, Any]:
    lat, lon = row.get("lat"), row.get("lon")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": properties}


# -- the application -------------------------------------------------------------------------------

_FILTER_DOCS = {
    "start": "first event day (YYYY, YYYY-MM or YYYY-MM-DD)",
    "end": "last event day, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)",
    "type": "PLOVER types or CAMEO code prefixes, comma-separated (PROTEST,ASSAULT or 14)",
    "country": "ISO 3166-1 alpha-3 codes of the event place, comma-separated",
    "actor": "actor code (IND, INDGOV) or entity id (Q668) of a source actor",
    "recipient": "actor code or entity id of a target actor",
    "party": "actor code or entity id on either side",
    "place": "entity id of the event place (geonames:1261481)",
    "bbox": "west,south,east,north in degrees",
    "lang": "document language codes, comma-separated (hi,en)",
    "story": "story id (refused until the store has stories)",
    "q": "words that must all occur in the event's sentence",
    "min_confidence": "lowest confidence, 0..1",
    "modality": f"comma-separated: {', '.join(MODALITIES)}",
    "negated": "true or false",
    "canonical": "true: one row per canonical event (refused until the store has them); false: raw events",
}


def _filters_dependency(app_state: Callable[[], AppState]) -> Callable[..., EventQuery]:
    """A FastAPI dependency that documents every filter in OpenAPI and checks them into an EventQuery."""

    def event_filters(
        request: Request,
        start: str | None = Query(None, description=_FILTER_DOCS["start"]),
        end: str | None = Query(None, description=_FILTER_DOCS["end"]),
        type: str | None = Query(None, description=_FILTER_DOCS["type"]),  # noqa: A002 - the API's name
        country: str | None = Query(None, description=_FILTER_DOCS["country"]),
        actor: str | None = Query(None, description=_FILTER_DOCS["actor"]),
        recipient: str | None = Query(None, description=_FILTER_DOCS["recipient"]),
        party: str | None = Query(None, description=_FILTER_DOCS["party"]),
        place: str | None = Query(None, description=_FILTER_DOCS["place"]),
        bbox: str | None = Query(None, description=_FILTER_DOCS["bbox"]),
        lang: str | None = Query(None, description=_FILTER_DOCS["lang"]),
        story: str | None = Query(None, description=_FILTER_DOCS["story"]),
        q: str | None = Query(None, description=_FILTER_DOCS["q"]),
        min_confidence: str | None = Query(None, description=_FILTER_DOCS["min_confidence"]),
        modality: str | None = Query(None, description=_FILTER_DOCS["modality"]),
        negated: str | None = Query(None, description=_FILTER_DOCS["negated"]),
        canonical: str | None = Query(None, description=_FILTER_DOCS["canonical"]),
    ) -> EventQuery:
        state = app_state()
        return parse_event_query(_checked_params(request, None), state.index.known, state.boundary_countries)

    return event_filters


def _checked_params(request: Request, allowed: tuple[str, ...] | None = ()) -> dict[str, str]:
    """The query parameters, refusing names given twice and (unless `allowed` is None) names the route
    does not take."""
    params: dict[str, str] = {}
    for name, value in request.query_params.multi_items():
        if allowed is not None and name not in allowed:
            shown = check_text("parameter name", name, 60)
            raise BadRequest(f"unknown parameter '{shown}' (this endpoint takes: {', '.join(sorted(allowed))})")
        if name in params:
            raise BadRequest(f"parameter '{name}' given more than once (use a comma-separated list)")
        params[name] = value
    return params


@dataclass
class AppState:
    config: ServeConfig
    index: EventIndex
    boundary_countries: frozenset[str]
    sql_lock: threading.Lock = field(default_factory=threading.Lock)


@cache
def boundary_countries() -> frozenset[str]:
    """ISO alpha-3 codes of the shipped Natural Earth boundaries (also valid `country` values)."""
    data = json.loads((STATIC / "vendor" / "countries-110m.geojson").read_text(encoding="utf-8"))
    return frozenset(f["properties"]["iso3"] for f in data["features"] if f["properties"].get("iso3"))


def create_app(config: ServeConfig, index: EventIndex | None = None) -> FastAPI:
    """The application over one store (opened here, read-only, unless an index is passed)."""
    index = index or EventIndex(config.db)
    limits = config.limits
    state = AppState(config=config, index=index, boundary_countries=boundary_countries())
    app = FastAPI(
        title="ghatna", version=__version__,
        description="Events extracted from news by ghatna, read-only.  Every answer is JSON unless "
                    "`format` asks for CSV, JSON Lines or GeoJSON; errors are `{\"error\": \"...\"}`.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.ghatna = state
    filters = Depends(_filters_dependency(lambda: state))

    # -- errors: always one line of JSON, never a stack trace --------------------------------------

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        return _json_error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or "request"
        return _json_error(422, f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _json_error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _json_error(500, "internal error")

    # -- events ------------------------------------------------------------------------------------

    @app.get("/api/events", response_model=models.EventPage, tags=["events"],
             responses={400: {"model": models.Error}})
    def list_events(
        request: Request,
        query: EventQuery = filters,
        fields: str | None = Query(None, description="comma-separated event fields to return"),
        sort: str | None = Query(None, description=f"one of {', '.join(SORTS)} (default -date)"),
        limit: str | None = Query(None, description=f"rows per page (JSON: at most {limits.page}; "
                                                    f"downloads: at most {limits.download})"),
        cursor: str | None = Query(None, description="the `next` cursor of the previous page"),
        format: str | None = Query(None, description=f"one of {', '.join(FORMATS)}"),  # noqa: A002
    ) -> Response:
        _checked_params(request, (*FILTER_PARAMS, "fields", "sort", "limit", "cursor", "format"))
        if cursor is not None:
            query.after = decode_cursor(cursor, query.sort)
        fmt = parse_choice("format", format, FORMATS) if format is not None else "json"
        names = _fields(fields)
        if fmt == "json":
            n = parse_int("limit", limit, 1, limits.page) if limit is not None else limits.page_default
            rows = index.events(query, names, n)
            more = len(rows) > n
            rows = rows[:n]
            return _json({
                "total": index.count(query), "count": len(rows),
                "next": query.cursor_after(rows[-1]) if more else None,
                "events": [{k: row[k] for k in names} for row in rows],
            })
        n = parse_int("limit", limit, 1, limits.download) if limit is not None else limits.download_default
        return _download(index, query, names, n, fmt)

    @app.get("/api/events/{event_id}", response_model=models.EventDetail, tags=["events"],
             responses={404: {"model": models.Error}})
    def get_event(event_id: str, request: Request) -> Response:
        _checked_params(request)
        check_text("event id", event_id, 200)
        row = index.event(event_id)
        if row is None:
            return _json_error(404, f"no event '{event_id}'")
        return _json(_event_detail(index, row))

    @app.get("/api/documents/{doc_id}", response_model=models.DocumentView, tags=["documents"],
             responses={404: {"model": models.Error}})
    def get_document(doc_id: str, request: Request) -> Response:
        _checked_params(request)
        check_text("document id", doc_id, 200)
        doc = index.document(doc_id)
        if doc is None:
            return _json_error(404, f"no document '{doc_id}'")
        return _json(_document_view(index, doc))

    # -- aggregations ------------------------------------------------------------------------------

    @app.get("/api/agg/timeline", response_model=models.Timeline, tags=["aggregations"])
    def timeline(
        request: Request,
        query: EventQuery = filters,
        interval: str | None = Query(None, description="day, week or month (default month)"),
        by: str | None = Query(None, description="type or country (default type)"),
    ) -> Response:
        _checked_params(request, (*FILTER_PARAMS, "interval", "by"))
        step = parse_choice("interval", interval, ("day", "week", "month")) if interval is not None else "month"
        key = parse_choice("by", by, ("type", "country")) if by is not None else "type"
        buckets = index.bucket_count(query, step)
        if buckets > limits.timeline_buckets:
            raise BadRequest(f"interval: {buckets} {step} buckets, over the limit of {limits.timeline_buckets}; "
                             "choose a longer interval or a shorter start..end")
        rows, undated = index.timeline(query, step, key, limits.timeline_buckets)
        series: dict[dt.date, dict[str, int]] = {}
        totals: dict[str, int] = {}
        for row in rows:
            name = row["key"] or "unknown"
            series.setdefault(row["bucket"], {})[name] = row["n"]
            totals[name] = totals.get(name, 0) + row["n"]
        return _json({
            "interval": step, "by": key,
            "keys": sorted(totals, key=lambda k: (-totals[k], k)),
            "buckets": [{"start": start, "total": sum(c.values()), "counts": c} for start, c in series.items()],
            "undated": undated,
        })

    @app.get("/api/agg/map", response_model=models.MapAggregation, tags=["aggregations"])
    def map_aggregation(
        request: Request,
        query: EventQuery = filters,
        max_points: str | None = Query(None, description=f"most places to return (at most {limits.map_points})"),
    ) -> Response:
        _checked_params(request, (*FILTER_PARAMS, "max_points"))
        n = parse_int("max_points", max_points, 1, limits.map_points) if max_points is not None else 2000
        points, truncated = index.map_points(query, n)
        countries, admin1, unplaced = index.map_regions(query)
        return _json({"points": points, "truncated": truncated, "countries": countries,
                      "admin1": admin1, "unplaced": unplaced})

    @app.get("/api/network", response_model=models.Network, tags=["aggregations"])
    def network(
        request: Request,
        query: EventQuery = filters,
        max_edges: str | None = Query(None, description=f"most edges (at most {limits.network_edges})"),
    ) -> Response:
        _checked_params(request, (*FILTER_PARAMS, "max_edges"))
        n = parse_int("max_edges", max_edges, 1, limits.network_edges) if max_edges is not None else 50
        edges = index.network(query, n)
        nodes: dict[str, dict[str, Any]] = {}
        for edge in edges:
            for end in ("source", "target"):
                node = nodes.setdefault(edge[end], {"id": edge[end], "name": edge[f"{end}_name"], "n": 0})
                node["n"] += edge["n"]
        return _json({"nodes": sorted(nodes.values(), key=lambda x: (-x["n"], x["id"])),
                      "edges": [{"source": e["source"], "target": e["target"], "n": e["n"]} for e in edges]})

    @app.get("/api/actors", response_model=models.Actors, tags=["actors"])
    def actors(
        request: Request,
        prefix: str | None = Query(None, description="start of an actor's name, code or id (case-insensitive)"),
        key: str | None = Query(None, description="one actor by its exact key"),
        limit: str | None = Query(None, description=f"at most {limits.actors}"),
    ) -> Response:
        _checked_params(request, ("prefix", "key", "limit"))
        if key is not None:
            found = index.actor(check_text("key", key, 200))
            if found is None:
                return _json_error(404, f"no actor '{key}'")
            return _json({"actors": [found]})
        n = parse_int("limit", limit, 1, limits.actors) if limit is not None else 20
        return _json({"actors": index.actors(check_text("prefix", prefix or "", 100), n)})

    @app.get("/api/meta", response_model=models.Meta, tags=["meta"])
    def meta(request: Request) -> Response:
        _checked_params(request)
        return _json(_meta(state))

    if config.sql:
        @app.get("/api/sql", response_model=models.SqlResult, tags=["sql"],
                 responses={400: {"model": models.Error}})
        def sql(
            request: Request,
            q: str = Query(..., description="one SQL statement, run read-only as `ghatna query` runs it"),
            limit: str | None = Query(None, description=f"rows to return (at most {limits.sql_rows})"),
        ) -> Response:
            _checked_params(request, ("q", "limit"))
            n = parse_int("limit", limit, 1, limits.sql_rows) if limit is not None else limits.sql_rows
            return _json(_run_sql(state, check_text("q", q, 4000), n))

    # -- the web app and the docs page -------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> Response:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=config.cors_origins, allow_methods=["GET"],
                           allow_headers=[], allow_credentials=False)
    if config.allowed_hosts and "*" not in config.allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=config.allowed_hosts)
    app.add_middleware(Guard, limits=limits)
    return app


# -- answers ---------------------------------------------------------------------------------------

def _download(index: EventIndex, query: EventQuery, names: list[str], limit: int, fmt: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="ghatna-events.{"json" if fmt == "geojson" else fmt}"',
               "X-Total-Count": str(index.count(query))}
    ids = index.page_ids(query, limit + 1)
    if len(ids) > limit:  # more follow: the cursor after this download's last row
        headers["X-Next-Cursor"] = query.cursor_after(index.rows_by_id([ids[limit - 1]], ["id"])[0])
    rows = (row for i in range(0, min(limit, len(ids)), 2000)
            for row in index.rows_by_id(ids[i:min(i + 2000, limit)], names))

    def csv_lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(row[k]) for k in names])
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    def jsonl_lines() -> Iterator[str]:
        for row in rows:
            yield _dumps({k: row[k] for k in names}) + "\n"

    def geojson_parts() -> Iterator[str]:
        yield '{"type":"FeatureCollection","features":['
        for i, row in enumerate(rows):
            yield ("," if i else "") + _dumps(_geojson_feature({k: row[k] for k in {*names, "lat", "lon", "id"}}))
        yield "]}"

    if fmt == "csv":
        return StreamingResponse(csv_lines(), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "jsonl":
        return StreamingResponse(jsonl_lines(), media_type="application/x-ndjson", headers=headers)
    return StreamingResponse(geojson_parts(), media_type="application/geo+json", headers=headers)


def _event_detail(index: EventIndex, row: dict[str, Any]) -> dict[str, Any]:
    doc_id = row["doc_id"]
    raw = index.rows("SELECT actors, recipients, place FROM store.events WHERE event_id = ?", [row["id"]])[0]
    roles = {**{e: "recipient" for e in raw["recipients"]}, **{e: "actor" for e in raw["actors"]}}
    if raw["place"]:
        roles.setdefault(raw["place"], "place")
    mentions = index.rows(
        'SELECT entity_id, "start", "end", text FROM store.mentions WHERE doc_id = ? '
        'AND list_contains(?::VARCHAR[], entity_id) ORDER BY "start"', [doc_id, list(roles)])
    doc = index.rows("SELECT title, source, url, text FROM store.documents WHERE doc_id = ?", [doc_id])[0]
    start, end = row.pop("sentence_start"), row.pop("sentence_end")
    quantities = index.rows(
        'SELECT quantity_index, value, approx, unit, unit_en, text, "start", "end" FROM store.quantities '
        "WHERE doc_id = ? AND event = ? ORDER BY quantity_index", [doc_id, row["id"]]) \
        if "quantities" in index.store_tables else []
    return {
        "event": row,
        "provenance": {
            "doc_id": doc_id, "title": doc["title"], "source": doc["source"], "url": doc["url"],
            "sentence": row["sentence"],
            "sentence_span": {"start": start, "end": end, "text": doc["text"][start:end]},
            "trigger": {"start": row["trigger_start"], "end": row["trigger_end"], "text": row["trigger_text"]},
        },
        "mentions": [{**m, "role": roles[m["entity_id"]]} for m in mentions],
        "quantities": quantities,
    }


MAX_HIGHLIGHTS = 20_000


def _document_view(index: EventIndex, doc: dict[str, Any]) -> dict[str, Any]:
    doc_id = doc["doc_id"]
    parts = index.document_parts(doc_id)
    events = index.document_events(doc_id)
    entities = {e["entity_id"]: e for e in parts["entities"]}
    sentences = json.loads(doc["sentences"]) if isinstance(doc["sentences"], str) else doc["sentences"]
    highlights: list[dict[str, Any]] = []
    for m in parts["mentions"]:
        entity = entities.get(m["entity_id"], {})
        kind = "place" if entity.get("lat") is not None else "entity"
        label = f"{entity.get('name', m['text'])} ({entity.get('type') or m['type'] or '?'})"
        highlights.append({"start": m["start"], "end": m["end"], "kind": kind, "label": label,
                           "ref": m["entity_id"]})
    raw_roles = index.rows("SELECT event_id, actors, recipients FROM store.events WHERE doc_id = ?", [doc_id])
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for m in parts["mentions"]:
        for i, s in enumerate(sentences):
            if s["start"] <= m["start"] < s["end"]:
                by_sentence.setdefault(i, []).append(m)
                break
    roles = {r["event_id"]: r for r in raw_roles}
    for event in events:
        highlights.append({"start": event["trigger_start"], "end": event["trigger_end"], "kind": "trigger",
                           "label": f"{event['type']} {event['cameo'] or ''}".strip(), "ref": event["id"]})
        raw = roles.get(event["id"], {"actors": [], "recipients": []})
        for role in ("actors", "recipients"):
            for m in by_sentence.get(event["sentence"], []):
                if m["entity_id"] in raw[role]:
                    highlights.append({"start": m["start"], "end": m["end"], "kind": role[:-1],
                                       "label": f"{role[:-1]} of {event['type']}", "ref": event["id"]})
    for quote in parts["quotes"]:
        highlights.append({"start": quote["start"], "end": quote["end"], "kind": "quote",
                           "label": f"quote{' by ' + quote['speaker_text'] if quote['speaker_text'] else ''}",
                           "ref": str(quote["quote_index"])})
    for quantity in parts["quantities"]:
        highlights.append({"start": quantity["start"], "end": quantity["end"], "kind": "quantity",
                           "label": f"{quantity['value']:g} {quantity['unit_en'] or quantity['unit'] or ''}".strip(),
                           "ref": str(quantity["quantity_index"])})
    highlights.sort(key=lambda h: (h["start"], -h["end"], h["kind"]))
    return {
        "doc_id": doc_id, "source": doc["source"], "url": doc["url"], "lang": doc["lang"],
        "title": doc["title"], "published": doc["published"], "authors": doc["authors"] or [],
        "text": doc["text"], "sentences": sentences, "highlights": highlights[:MAX_HIGHLIGHTS],
        "entities": parts["entities"], "events": events, "quotes": parts["quotes"],
        "quantities": parts["quantities"],
    }


def _meta(state: AppState) -> dict[str, Any]:
    from ghatna.lang import PACK_CODES

    types = []
    for name in event_types():
        types.append({"type": name, "quad_class": ontology.quad_class(name),
                      "cameo": ontology.cameo_code(name) if ontology.is_plover(name) else None,
                      "modes": ontology.modes(name)})
    limits = state.config.limits
    return {
        "version": __version__,
        "store": state.config.db.name,
        "counts": state.index.store_counts(),
        "summary": state.index.summary(),
        "codebooks": {"types": types, "quad_classes": {str(k): v for k, v in ontology.QUAD_NAMES.items()},
                      "modalities": list(MODALITIES), "langs": list(PACK_CODES), "sorts": list(SORTS),
                      "formats": list(FORMATS), "filters": list(FILTER_PARAMS),
                      "fields": list(EVENT_FIELDS)},
        "features": {"stories": state.index.has_stories, "canonical": state.index.has_canonical,
                     "sql": state.config.sql},
        "limits": {"page": limits.page, "download": limits.download, "map_points": limits.map_points,
                   "timeline_buckets": limits.timeline_buckets, "network_edges": limits.network_edges,
                   "actors": limits.actors},
    }


def _run_sql(state: AppState, sql: str, limit: int) -> dict[str, Any]:
    """SQL through the store's own query path (`Store.query`, as `ghatna query`), on a read-only store."""
    import duckdb

    from ghatna.store import Store

    with state.sql_lock:
        try:
            with Store(state.config.db, read_only=True) as store:
                columns, rows = store.query(sql)
        except (duckdb.Error, PermissionError, ValueError) as exc:
            raise BadRequest(f"q: {_one_line(exc)}") from None
    return {"columns": columns, "rows": [list(r) for r in rows[:limit]], "truncated": len(rows) > limit}
