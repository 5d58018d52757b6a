"""A polite HTTP client for feeds and article pages (standard library only).

- Every address a host name resolves to is checked before connecting, and the connection goes to
  that checked address (no second lookup that could answer differently): loopback, private,
  link-local, reserved and multicast addresses are refused unless `allow_private`.
- One request at a time per host, at least `host_delay` seconds apart (or the host's robots.txt
  Crawl-delay, if longer, up to `MAX_CRAWL_DELAY`); robots.txt is obeyed.
- 429 and 5xx pause the whole host: for its Retry-After, else an exponential backoff.
- A User-Agent that names ghatna; connect/read timeouts and a total deadline per response (a
  server that trickles bytes is cut off); a size cap, enforced while reading; at most
  `max_redirects` redirects, loops detected; only the content types the caller accepts.

Failures raise `FetchError` with a one-line reason; nothing here retries on its own.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from ghatna import __version__

USER_AGENT = f"ghatna/{__version__} (news event extraction; polite feed reader; +https://pypi.org/project/ghatna/)"
ROBOTS_AGENT = "ghatna"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 60.0
MAX_PAUSE = 6 * 3600.0
CHUNK = 64 * 1024

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/x-rss+xml", "application/x-atom+xml", "text/plain",  # text/plain: a plain-text sitemap
})


class FetchError(Exception):
    """A fetch that failed; `reason` is one line.  `retry_after` (seconds) when the server said."""

    def __init__(self, reason: str, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class FetchPolicy:
    host_delay: float = 5.0  # seconds between two requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # silence on the socket
    total_timeout: float = 60.0  # one whole response, however it trickles
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    backoff_base: float = 60.0  # first pause of a host after a 429/5xx without Retry-After
    backoff_max: float = 3600.0
    user_agent: str = USER_AGENT
    obey_robots: bool = True


@dataclass
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip('"') or None
        return None


# -- addresses ------------------------------------------------------------------------------------

def check_address(address: str, allow_private: bool) -> None:
    ip = ipaddress.ip_address(address.split("%")[0])
    if allow_private:
        return
    if not ip.is_global or ip.is_multicast:
        kind = ("loopback" if ip.is_loopback else "private" if ip.is_private else
                "link-local" if ip.is_link_local else "non-public")
        raise FetchError(f"refused: {address} is a {kind} address (use --allow-private to fetch from it)")


def resolve(host: str, port: int, allow_private: bool) -> str:
    """The address to connect to, after checking every address the name resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host}: {exc}") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(f"cannot resolve host {host}")
    for address in addresses:
        check_address(address, allow_private)
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


# -- one request ----------------------------------------------------------------------------------

def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def request_once(url: str, policy: FetchPolicy, headers: dict[str, str] | None = None) -> Response:
    """One GET, no redirects followed; the body is read up to the size cap and the deadline."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"bad port in URL {url}") from exc
    address = resolve(parts.hostname, port, policy.allow_private)
    connection_type = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    conn = connection_type(parts.hostname, port, address, policy.connect_timeout)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    sent = {"User-Agent": policy.user_agent, "Accept-Encoding": "identity", **(headers or {})}
    deadline = time.monotonic() + policy.total_timeout
    try:
        conn.request("GET", path, headers=sent)
        conn.sock.settimeout(policy.read_timeout)
        response = conn.getresponse()
        received = {k.lower(): v for k, v in response.getheaders()}
        length = received.get("content-length", "")
        if length.isdigit() and int(length) > policy.max_bytes:
            raise FetchError(f"too large: {int(length)} bytes (limit {policy.max_bytes})", response.status)
        chunks, size = [], 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError(f"timed out: response not complete within {policy.total_timeout:g} s",
                                 response.status)
            chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"too large: more than {policy.max_bytes} bytes", response.status)
            chunks.append(chunk)
        return Response(url, response.status, received, b"".join(chunks))
    except FetchError:
        raise
    except TimeoutError as exc:
        raise FetchError(f"timed out: {exc or 'no answer'}") from exc
    except (OSError, http.client.HTTPException, ssl.SSLError) as exc:
        raise FetchError(f"connection failed: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


# -- hosts ----------------------------------------------------------------------------------------

@dataclass
class HostState:
    """What politeness remembers of one host (pause and backoff survive a restart via the store)."""

    host: str
    next_request: float = 0.0  # time.monotonic() before which no request goes out
    paused_until: float = 0.0  # time.time() of the end of a 429/5xx pause
    backoff: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    crawl_delay: float | None = None


@dataclass
class Fetcher:
    """Fetches URLs politely; see the module docstring.  `sleep` and `clock` are injectable for tests."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    hosts: dict[str, HostState] = field(default_factory=dict)
    sleep: Callable[[float], None] = time.sleep
    requests_made: int = 0

    def host(self, url: str) -> HostState:
        host = urlsplit(url).netloc.lower()
        if host not in self.hosts:
            self.hosts[host] = HostState(host)
        return self.hosts[host]

    def delay_for(self, state: HostState) -> float:
        return max(self.policy.host_delay, min(state.crawl_delay or 0.0, MAX_CRAWL_DELAY))

    def wait_seconds(self, url: str) -> float:
        """How long until a request to this URL's host may go out (0: now)."""
        state = self.host(url)
        return max(0.0, state.next_request - time.monotonic(), state.paused_until - time.time())

    def _gate(self, state: HostState) -> None:
        wait = max(0.0, state.next_request - time.monotonic(), state.paused_until - time.time())
        if wait > 0:
            self.sleep(wait)

    def _send(self, url: str, headers: dict[str, str] | None) -> Response:
        state = self.host(url)
        self._gate(state)
        try:
            self.requests_made += 1
            response = request_once(url, self.policy, headers)
        except FetchError as exc:
            if exc.reason.startswith("refused") or exc.reason.startswith("not an http"):
                raise  # no request went out: no delay owed
            state.next_request = time.monotonic() + self.delay_for(state)
            raise
        state.next_request = time.monotonic() + self.delay_for(state)
        if response.status == 429 or 500 <= response.status < 600:
            after = retry_after_seconds(response.headers.get("retry-after"))
            if after is None:
                state.backoff = min(self.policy.backoff_max, state.backoff * 2 or self.policy.backoff_base)
                after = state.backoff
            state.paused_until = time.time() + min(after, MAX_PAUSE)
            raise FetchError(f"HTTP {response.status} from {state.host}; host paused {after:g} s",
                             response.status, after)
        state.backoff = 0.0
        return response

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host (fetched once per host, politely) allows the URL."""
        if not self.policy.obey_robots:
            return True
        state = self.host(url)
        if state.robots is None:
            parts = urlsplit(url)
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            parser = urllib.robotparser.RobotFileParser(robots_url)
            try:
                response = self._send(robots_url, None)
                if response.status >= 400:
                    parser.allow_all = True  # no robots.txt: everything allowed (RFC 9309, 2.3.1.3)
                else:
                    parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
            except FetchError as exc:
                if exc.status is not None and 400 <= exc.status < 500:
                    parser.allow_all = True
                else:
                    raise FetchError(f"robots.txt of {state.host} unreachable ({exc.reason})", exc.status,
                                     exc.retry_after) from exc
            state.robots = parser
            delay = parser.crawl_delay(ROBOTS_AGENT)
            state.crawl_delay = float(delay) if delay is not None else None
        return state.robots.can_fetch(ROBOTS_AGENT, url)

    def fetch(self, url: str, accept: frozenset[str], headers: dict[str, str] | None = None) -> Response:
        """GET with redirects followed (each hop polite and checked); 304 is returned as is."""
        seen = {url}
        for _ in range(self.policy.max_redirects + 1):
            if not self.allowed(url):
                raise FetchError(f"disallowed by robots.txt: {url}")
            response = self._send(url, headers)
            if response.status in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location", response.status)
                url = urljoin(url, location)
                if url in seen:
                    raise FetchError(f"redirect loop at {url}", response.status)
                seen.add(url)
                continue
            if response.status == 304:
                return response
            if response.status != 200:
                raise FetchError(f"HTTP {response.status}", response.status)
            if response.content_type not in accept:
                raise FetchError(f"unwanted content type {response.content_type or '(none)'}", response.status)
            return response
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")
