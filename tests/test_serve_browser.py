"""The web app of `ghatna serve` in a real browser: Debian's Chromium driven by Playwright.

The server runs in this process on 127.0.0.1 and a free port, over a store the real pipeline built
from the bundled samples, and is shut down at the end.  Every check compares what the page shows
with what the API answers for the same filter.  Without Chromium (or Playwright) the tests skip and
say why; `make test` installs Chromium with apt where it can.

Screenshots go to $GHATNA_SCREENSHOTS (default: a temporary directory); docs/serve.png is
serve-home.png from a run with GHATNA_SERVE_DB set to a store of the samples and the BBC Hindi
articles.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def _chromium() -> str | None:
    for path in (os.environ.get("GHATNA_CHROMIUM"), *CHROMIUM_PATHS, shutil.which("chromium")):
        if path and Path(path).is_file() and os.access(path, os.X_OK):
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set GHATNA_CHROMIUM); `make test` "
                    "installs it when run as root with apt")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        except Exception as exc:  # a Chromium that cannot start here is a skip, with the reason
            pytest.skip(f"Chromium at {path} does not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(sample_store):
    import uvicorn

    from ghatna.serve import ServeConfig, create_app

    # GHATNA_SERVE_DB serves another store (the README screenshot is taken over a bigger one)
    app = create_app(ServeConfig(db=Path(os.environ.get("GHATNA_SERVE_DB") or sample_store)))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    assert not thread.is_alive(), "server did not shut down"
    app.state.ghatna.index.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("GHATNA_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


class Page:
    """A page with its console errors and every URL it asked for."""

    def __init__(self, browser, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 860}, accept_downloads=True)
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready=true][data-loading=false]", timeout=20_000)

    def api(self, path: str) -> dict:
        r = self.context.request.get(self.base + path)
        assert r.ok, r.text()
        return r.json()

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base) and not u.startswith("data:")]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(browser, server):
    p = Page(browser, server)
    yield p
    p.close()


def _wait_for_filters(page: Page, fragment: str) -> None:
    page.page.wait_for_selector(f'body[data-loading=false][data-filters*="{fragment}"]', timeout=20_000)


def test_page_loads_with_no_console_errors_and_nothing_from_outside(page, shots):
    page.open()
    meta = page.api("/api/meta")
    assert page.page.locator("#events").get_attribute("data-total") == str(meta["summary"]["events"])
    assert page.errors == []
    assert page.outside_requests() == []
    page.page.screenshot(path=str(shots / "serve-home.png"))


def test_map_draws_base_map_and_event_points(page):
    page.open()
    countries = page.page.locator(".leaflet-overlay-pane path")
    assert countries.count() >= 170  # Natural Earth 110m: 177 countries, drawn as SVG paths
    agg = page.api("/api/agg/map")
    assert agg["points"], "the sample store has placed events"
    icons = page.page.locator(".leaflet-marker-pane .marker-pin, .leaflet-marker-pane .cluster-pin")
    assert icons.count() >= 1
    shown = sum(int(t) for t in icons.all_inner_texts())
    assert shown == sum(p["n"] for p in agg["points"]) == int(page.page.locator("#map").get_attribute("data-events"))
    # the countries with events are shaded
    assert page.page.locator(".leaflet-overlay-pane path[fill='#c0392b']").count() == len(agg["countries"])


def test_filter_change_updates_map_timeline_and_table(page):
    page.open()
    everything = page.api("/api/events?limit=1")["total"]
    types = page.api("/api/meta")["summary"]["types"]
    kind = next(t for t, n in types.items() if 0 < n < everything and page.api(f"/api/agg/map?type={t}")["points"])
    page.page.select_option("#f-type", kind)
    _wait_for_filters(page, f"type={kind}")
    assert f"type={kind}" in page.page.url
    total = page.api(f"/api/events?type={kind}&limit=1")["total"]
    assert page.page.locator("#events").get_attribute("data-total") == str(total) == str(types[kind])
    row_types = page.page.locator("#events tbody tr").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert row_types and set(row_types) == {kind}
    agg = page.api(f"/api/agg/map?type={kind}")
    assert page.page.locator("#map").get_attribute("data-events") == str(sum(p["n"] for p in agg["points"]))
    tl = page.api(f"/api/agg/timeline?type={kind}&interval=day")
    assert page.page.locator("#timeline").get_attribute("data-total") == str(sum(b["total"] for b in tl["buckets"]))
    assert page.errors == []
    # the filter lives in the URL: a reload shows the same
    page.page.reload()
    page.page.wait_for_selector("body[data-ready=true][data-loading=false]")
    assert page.page.locator("#f-type").input_value() == kind
    assert page.page.locator("#events").get_attribute("data-total") == str(total)


def test_timeline_brush_sets_the_date_range(page):
    page.open()
    box = page.page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.page.mouse.move(box["x"] + 40, y)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    page.page.mouse.up()
    _wait_for_filters(page, "start=")
    url = page.page.url
    start = url.split("start=")[1][:10]
    end = url.split("end=")[1][:10]
    assert start <= end
    total = page.api(f"/api/events?start={start}&end={end}&limit=1")["total"]
    assert page.page.locator("#events").get_attribute("data-total") == str(total)
    assert page.page.locator("#f-start").input_value() == start


def test_clicking_an_event_opens_its_article_with_highlights(page, shots):
    page.open()
    row = page.page.locator("#events tbody tr").first
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.page.wait_for_selector("#article:not([hidden]) .hl-trigger.current", timeout=20_000)
    detail = page.api(f"/api/events/{event_id}")
    assert page.page.locator(".article-text .hl-trigger.current").first.inner_text() == detail["event"]["trigger_text"]
    kinds = set(page.page.locator(".article-text .hl").evaluate_all(
        "spans => spans.flatMap(s => s.dataset.kinds.split(' '))"))
    assert {"trigger", "place", "quote", "quantity"} <= kinds
    assert page.page.locator("#event-fields").inner_text().count(event_id) == 1
    assert f"event={event_id}" in page.page.url
    page.page.screenshot(path=str(shots / "serve-article.png"))
    # another event of the same article, from the side list
    other = page.page.locator("#article-events li:not(.current)").first
    other_id = other.get_attribute("data-event-id")
    other.click()
    page.page.wait_for_selector(f'#article[data-event="{other_id}"]')
    # a map point's popup lists its events, and one opens the same view
    page.page.locator("#article [data-close]").click()
    pins = page.page.locator(".leaflet-marker-pane .marker-pin")
    for _ in range(8):  # a cluster zooms in when clicked, until single places show
        if pins.count():
            break
        page.page.locator(".leaflet-marker-pane .cluster-pin").first.click()
        page.page.wait_for_timeout(500)
    pins.first.click()
    link = page.page.locator(".popup-events a").first
    link.wait_for(timeout=20_000)
    link_id = link.get_attribute("data-event-id")
    link.click()
    page.page.wait_for_selector(f'#article:not([hidden])[data-event="{link_id}"]')
    assert page.errors == []


def test_download_gives_the_filtered_rows(page):
    page.open()
    types = page.api("/api/meta")["summary"]["types"]
    kind = max(types, key=lambda t: (types[t], t))
    page.page.select_option("#f-type", kind)
    _wait_for_filters(page, f"type={kind}")
    with page.page.expect_download() as info:
        page.page.locator("#download-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == types[kind] and {r["type"] for r in rows} == {kind}
    want = {e["id"] for e in page.api(f"/api/events?type={kind}&limit=1000&fields=id")["events"]}
    assert {r["id"] for r in rows} == want


def test_actor_view_shows_timelines_and_network(page, shots):
    page.open()
    link = page.page.locator("#events a.actor-link").first
    link.click()
    page.page.wait_for_selector("#actor:not([hidden])[data-key]", timeout=20_000)
    key = page.page.locator("#actor").get_attribute("data-key")
    by = page.api(f"/api/agg/timeline?actor={key}&interval=month")
    assert page.page.locator("#actor-by").get_attribute("data-total") == str(sum(b["total"] for b in by["buckets"]))
    net = page.api(f"/api/network?party={key}&max_edges=30")
    assert page.page.locator("#network").get_attribute("data-edges") == str(len(net["edges"]))
    assert page.errors == []
    page.page.screenshot(path=str(shots / "serve-actor.png"))


def test_hindi_article_renders_in_devanagari(page):
    page.open()
    hindi = page.api("/api/events?lang=hi&limit=1")["events"]
    if not hindi:
        pytest.skip("no Hindi events in the store")
    page.page.goto(page.base + f"/?view=article&event={hindi[0]['id']}")
    page.page.wait_for_selector("#article:not([hidden]) .hl-trigger.current", timeout=20_000)
    text = page.page.locator("#article-text")
    assert text.get_attribute("lang") == "hi"
    assert hindi[0]["trigger_text"] in text.inner_text()
    # With no Devanagari font every letter is the same missing-glyph box; a real font gives letters of
    # different widths (KA, MA, TTA, LA), and KA with the vowel sign I is wider than KA alone
    widths = page.page.evaluate("""() => {
        const span = document.createElement('span'); document.getElementById('article-text').append(span);
        const width = (t) => { span.textContent = t; return span.getBoundingClientRect().width; };
        const out = ['\u0915', '\u092e', '\u091f', '\u0932', '\u0915\u093f'].map(width);
        span.remove(); return out; }""")
    assert all(w > 0 for w in widths) and len(set(widths[:4])) >= 2 and widths[4] > widths[0], widths


def test_api_docs_page_works_offline(page):
    page.page.goto(page.base + "/api/docs")
    page.page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.page.locator(".swagger-ui .opblock").count() >= 8
    assert page.errors == []
    assert page.outside_requests() == []
