"""Feeds and `poll` against a real HTTP server on 127.0.0.1 serving fixtures written for ghatna:
an RSS feed, an Atom feed and a news sitemap; article pages; a 304 on conditional requests; a 429
with Retry-After; a 500 once; a slow page; a redirect loop; an oversized page; a PDF; a page that
robots.txt disallows; a 404."""

from __future__ import annotations

import datetime as dt
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ghatna.cli import main
from ghatna.feeds.fetch import FetchError, FetchPolicy, check_address, retry_after_seconds
from ghatna.feeds.parse import FeedError, parse_feed
from ghatna.read.urls import canonical_url
from ghatna.store import Store

HOST_DELAY = 0.25
ARTICLES = {
    "/news/harbour-strike.html": (
        "Dock workers strike at Port Blair harbour",
        "Dock workers at Port Blair harbour stopped work on Monday to demand higher wages, the port "
        "authority said. About 400 workers joined the strike, which halted the unloading of three cargo "
        "ships. The workers' union said talks with the port authority had failed last week. The Andaman "
        "and Nicobar administration appealed to both sides to resume negotiations and said essential "
        "supplies to the islands would not be affected for now."),
    "/news/flood-relief.html": (
        "Army sends boats to flooded villages in Assam",
        "The Indian Army sent 40 boats to flooded villages in Assam's Dhemaji district on Tuesday after "
        "the Brahmaputra rose above the danger mark. Officials said 12,000 people had moved to relief "
        "camps. The state government asked the Centre for more funds, and the chief minister visited "
        "two camps near the river. Rain is expected to continue for three more days, the weather office said."),
    "/news/bridge-opened.html": (
        "New bridge over the Gandak opens to traffic",
        "A new bridge over the Gandak river near Bettiah opened to traffic on Wednesday, cutting the journey "
        "to Gorakhpur by two hours. The bridge is 1.8 kilometres long and cost 520 crore rupees, the state "
        "road corporation said. Traders in the town welcomed the bridge and said it would bring more "
        "business from Uttar Pradesh. The opening was delayed by a year because of floods."),
    "/news/limited.html": (
        "Ministers meet in Kathmandu on power trade",
        "Energy ministers of Nepal and India met in Kathmandu on Thursday to discuss the sale of electricity "
        "across the border. Nepal wants to sell more hydropower during the monsoon, when its rivers run high. "
        "The two sides agreed to set up a working group, officials said, and to meet again in three months "
        "in New Delhi. Traders expect exports to grow next year."),
    "/news/flaky.html": (
        "School reopens in Kishtwar after landslide",
        "A government school in Kishtwar reopened on Friday, ten days after a landslide blocked the only road "
        "to the village. Teachers said 230 students returned on the first day. Workers of the Border Roads "
        "Organisation cleared the road on Wednesday, and buses resumed on Thursday. Parents thanked the "
        "district administration for keeping the children's exams on schedule."),
    "/news/hindi.html": (
        "दिल्ली में बस किराया बढ़ा",
        "दिल्ली परिवहन निगम ने सोमवार को बस किराए में दो रुपये की बढ़ोतरी की घोषणा की। निगम ने कहा कि "
        "डीज़ल के दाम बढ़ने के कारण यह फ़ैसला लिया गया है। यात्रियों ने इस बढ़ोतरी का विरोध किया और "
        "कहा कि महँगाई पहले से ही बहुत ज़्यादा है। नया किराया अगले सप्ताह से लागू होगा।"),
}
FAILING = ["/news/slow.html", "/news/big.html", "/news/report.pdf", "/news/loop-a.html", "/private/leak.html",
           "/news/missing.html"]


def _page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{title}</h1>{paragraphs}"
            f"</article><footer>Test Gazette, written for ghatna's tests</footer></body></html>").encode()


def _rss(base: str) -> bytes:
    items = "".join(f"<item><title>{ARTICLES[p][0]}</title><link>{base}{p}?utm_source=rss</link>"
                    f"<pubDate>Mon, 06 Jan 2025 08:00:00 GMT</pubDate></item>"
                    for p in ("/news/harbour-strike.html", "/news/flood-relief.html", "/news/limited.html",
                              "/news/flaky.html"))
    items += "".join(f"<item><title>failing</title><link>{base}{p}</link></item>" for p in FAILING)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title><link>{base}/</link>'
            f"<description>fixtures</description>{items}</channel></rss>").encode()


def _atom(base: str) -> bytes:
    entries = "".join(f'<entry><title>{ARTICLES[p][0]}</title><link href="{base}{p}"/><id>{p}</id>'
                      f"<updated>2025-01-07T09:00:00Z</updated></entry>"
                      for p in ("/news/bridge-opened.html", "/news/harbour-strike.html"))
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Test Gazette Atom</title><id>urn:test</id><updated>2025-01-07T09:00:00Z</updated>"
            f"{entries}</feed>").encode()


def _sitemap(base: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{base}/news/hindi.html</loc>'
            f"<news:news><news:publication_date>2025-01-06</news:publication_date><news:title>bus</news:title>"
            f"</news:news></url></urlset>").encode()


class Fixtures:
    """The server's state: a log of requests and how often each path was asked for."""

    def __init__(self) -> None:
        self.log: list[tuple[float, str, dict[str, str]]] = []
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        self.modified = format_datetime(dt.datetime(2025, 1, 7, 9, 0, tzinfo=dt.UTC), usegmt=True)


def make_handler(fx: Fixtures) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            with fx.lock:
                fx.log.append((time.monotonic(), path, {k.lower(): v for k, v in self.headers.items()}))
                fx.hits[path] = fx.hits.get(path, 0) + 1
                hits = fx.hits[path]
            base = f"http://{self.headers['Host']}"
            if path == "/robots.txt":
                return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            if path == "/feed.xml":
                if self.headers.get("If-None-Match") == '"rss-v1"':
                    return self._send(304, headers={"ETag": '"rss-v1"'})
                return self._send(200, _rss(base), "application/rss+xml", {"ETag": '"rss-v1"'})
            if path == "/atom.xml":
                if self.headers.get("If-Modified-Since") == fx.modified:
                    return self._send(304)
                return self._send(200, _atom(base), "application/atom+xml", {"Last-Modified": fx.modified})
            if path == "/sitemap.xml":
                if self.headers.get("If-None-Match") == '"sm-1"':
                    return self._send(304, headers={"ETag": '"sm-1"'})
                return self._send(200, _sitemap(base), "application/xml", {"ETag": '"sm-1"'})
            if path == "/news/limited.html" and hits == 1:
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
            if path == "/news/flaky.html" and hits == 1:
                return self._send(500, b"oops", "text/plain")
            if path in ARTICLES:
                return self._send(200, _page(*ARTICLES[path]))
            if path == "/news/slow.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body><p>")
                self.wfile.flush()
                time.sleep(1.5)  # longer than the client's read timeout
                return None
            if path == "/news/big.html":
                return self._send(200, b"<html><body>" + b"<p>padding words</p>" * 20000 + b"</body></html>")
            if path == "/news/report.pdf":
                return self._send(200, b"%PDF-1.4 not an article", "application/pdf")
            if path == "/news/loop-a.html":
                return self._send(302, headers={"Location": "/news/loop-b.html"})
            if path == "/news/loop-b.html":
                return self._send(302, headers={"Location": "/news/loop-a.html"})
            if path == "/private/leak.html":
                return self._send(200, _page("secret", "should never be fetched " * 10))
            return self._send(404, b"not found", "text/plain")

    return Handler


@pytest.fixture()
def server():
    fx = Fixtures()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(fx))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", fx
    finally:
        httpd.shutdown()
        httpd.server_close()


def _poll(db, *extra: str) -> int:
    return main(["poll", "--db", str(db), "--once", "--host-delay", str(HOST_DELAY), "--min-interval", "0",
                 "--max-interval", "0", "--timeout", "0.5", "--max-bytes", "200000", "--backoff", "0.3", *extra])


def test_poll_twice_stores_each_article_once_politely(server, tmp_path):
    base, fx = server
    db = tmp_path / "news.duckdb"
    assert main(["feeds", "add", f"{base}/feed.xml", f"{base}/atom.xml", f"{base}/sitemap.xml", "--db", str(db)]) == 0
    assert main(["feeds", "add", f"{base}/feed.xml", "--db", str(db)]) == 0  # already followed

    assert _poll(db, "--allow-private") == 1  # some pages failed, as they should
    first_run = len(fx.log)
    with Store(db, read_only=True) as store:
        urls = [r[0] for r in store.query("SELECT url FROM documents ORDER BY url")[1]]
        errors = store.query("SELECT source, reason FROM errors")[1]
        items = dict(store.query("SELECT url, status FROM feed_items")[1])
        stories = store.query("SELECT count(*) FROM stories")[1][0][0]
    stored_paths = sorted(canonical_url(u).removeprefix(base) for u in urls)
    assert stored_paths == sorted(ARTICLES)  # every article once; the utm_ copy and Atom's repeat are one
    assert stories >= 1
    # each failure is in the store's errors, with a one-line reason
    reasons = {canonical_url(src).removeprefix(base): reason for src, reason in errors}
    assert "timed out" in reasons["/news/slow.html"]
    assert "too large" in reasons["/news/big.html"]
    assert "content type application/pdf" in reasons["/news/report.pdf"]
    assert "redirect loop" in reasons["/news/loop-a.html"]
    assert "robots.txt" in reasons["/private/leak.html"]
    assert "HTTP 404" in reasons["/news/missing.html"]
    assert "HTTP 429" in reasons["/news/limited.html"] and "HTTP 500" in reasons["/news/flaky.html"]
    assert all("\n" not in r for r in reasons.values())
    assert items[f"{base}/private/leak.html"] == "skipped"
    assert fx.hits.get("/private/leak.html") is None  # robots.txt obeyed
    assert fx.hits["/news/slow.html"] == 3  # retried up to the attempt limit, then given up
    assert fx.hits["/news/report.pdf"] == 1 and fx.hits["/news/loop-a.html"] == 1  # permanent: no retry

    # one request at a time per host, HOST_DELAY apart (server-side arrival times, small jitter allowed)
    times = [t for t, _, _ in fx.log]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= HOST_DELAY - 0.05
    # the 429's Retry-After (1 s) paused the whole host
    after_429 = next(i for i, (_, p, _) in enumerate(fx.log) if p == "/news/limited.html")
    assert fx.log[after_429 + 1][0] - fx.log[after_429][0] >= 0.95
    # every request names ghatna
    assert all(h.get("user-agent", "").startswith("ghatna/") for _, _, h in fx.log)

    assert _poll(db, "--allow-private") == 0  # second run: nothing new, nothing failing
    second = fx.log[first_run:]
    feed_requests = {p: h for _, p, h in second if p in ("/feed.xml", "/atom.xml", "/sitemap.xml")}
    assert feed_requests["/feed.xml"].get("if-none-match") == '"rss-v1"'
    assert feed_requests["/atom.xml"].get("if-modified-since") == fx.modified
    assert feed_requests["/sitemap.xml"].get("if-none-match") == '"sm-1"'
    assert not [p for _, p, _ in second if p.startswith("/news/")]  # no page fetched again
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents")[1][0][0] == len(ARTICLES)
        state = store.query("SELECT url, last_status, error_count, interval_s FROM feeds ORDER BY url")[1]
    assert [s[1] for s in state] == [304, 304, 304] and all(s[2] == 0 for s in state)


def test_poll_refuses_loopback_without_allow_private(server, tmp_path):
    base, fx = server
    db = tmp_path / "news.duckdb"
    main(["feeds", "add", f"{base}/feed.xml", "--db", str(db)])
    assert _poll(db) == 1
    assert fx.log == []  # nothing reached the server
    with Store(db, read_only=True) as store:
        reasons = [r[0] for r in store.query("SELECT reason FROM errors")[1]]
        feed = store.query("SELECT error_count, last_error FROM feeds")[1][0]
    assert any("refused: 127.0.0.1 is a loopback address" in r for r in reasons)
    assert feed[0] == 1 and "refused" in feed[1]


def test_feeds_list_and_remove(tmp_path, capsys):
    db = tmp_path / "news.duckdb"
    assert main(["feeds", "add", "https://example.org/rss?utm_source=x", "ftp://example.org/x", "--db", str(db)]) == 1
    capsys.readouterr()
    assert main(["feeds", "list", "--db", str(db), "--json"]) == 0
    listed = capsys.readouterr().out.strip().splitlines()
    assert len(listed) == 1 and '"url": "https://example.org/rss"' in listed[0]
    assert main(["feeds", "remove", "https://example.org/rss", "--db", str(db)]) == 0
    capsys.readouterr()
    main(["feeds", "list", "--db", str(db)])
    assert capsys.readouterr().out == ""


def test_address_checks_and_retry_after():
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.1.1", "::1", "fc00::1"):
        with pytest.raises(FetchError, match="refused"):
            check_address(address, allow_private=False)
    check_address("93.184.216.34", allow_private=False)
    check_address("127.0.0.1", allow_private=True)
    assert retry_after_seconds("120") == 120.0
    when = format_datetime(dt.datetime(2030, 1, 1, tzinfo=dt.UTC), usegmt=True)
    assert retry_after_seconds(when, now=dt.datetime(2029, 12, 31, 23, 59, tzinfo=dt.UTC).timestamp()) == 60.0
    assert FetchPolicy().user_agent.startswith("ghatna/")


def test_parse_feeds_and_sitemaps():
    base = "http://news.example"
    rss = parse_feed(_rss(base), "application/rss+xml")
    assert rss.kind == "rss" and rss.title == "Test Gazette" and len(rss.items) == 4 + len(FAILING)
    assert rss.items[0].published == "2025-01-06"
    atom = parse_feed(_atom(base), "application/atom+xml")
    assert atom.kind == "atom" and atom.items[0].url == f"{base}/news/bridge-opened.html"
    sitemap = parse_feed(_sitemap(base), "application/xml")
    assert sitemap.kind == "sitemap" and sitemap.items[0].published == "2025-01-06"
    index = parse_feed(b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                       b"<sitemap><loc>http://news.example/s1.xml</loc></sitemap></sitemapindex>")
    assert index.sitemaps == ["http://news.example/s1.xml"]
    plain = parse_feed(b"http://news.example/a\nhttp://news.example/b\n", "text/plain")
    assert [i.url for i in plain.items] == ["http://news.example/a", "http://news.example/b"]
    with pytest.raises(FeedError):
        parse_feed(b"<html><body>not a feed</body></html>", "text/html")
