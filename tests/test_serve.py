"""The SPARQL endpoint, queried by a real client (SPARQLWrapper) on an ephemeral port."""

from __future__ import annotations

import contextlib
import http.client
import http.server
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from instrumap.builder import build
from instrumap.cli import main
from instrumap.graph.guard import calls_out
from instrumap.graph.local_endpoint import local_endpoint
from instrumap.graph.sparql import saved_queries

from conftest import SEED

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serve") / "out"
    build([SEED], out)
    return out


@pytest.fixture(scope="module")
def endpoint(served):
    with local_endpoint(served, "--timeout", "3", "--workers", "2") as url:
        yield url


def client(url: str, query: str, fmt: str):  # type: ignore[no-untyped-def]
    wrapper = SPARQLWrapper.SPARQLWrapper(url)
    wrapper.setQuery(query)
    wrapper.setMethod(SPARQLWrapper.POST)
    wrapper.setReturnFormat(fmt)
    return wrapper.query()


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_select_in_each_results_format(endpoint, fmt: str) -> None:
    result = client(endpoint, "SELECT ?symbol WHERE { ?d a im:Resolution ; im:symbol ?symbol } ORDER BY ?symbol", fmt)
    converted = result.convert()
    if fmt == "json":
        symbols = [b["symbol"]["value"] for b in converted["results"]["bindings"]]
    elif fmt == "xml":
        symbols = [n.firstChild.nodeValue for n in converted.getElementsByTagName("literal")]
    else:
        symbols = [line.strip('"') for line in converted.decode().splitlines()[1:]]
    assert "A/RES/58/140" in symbols and "E/RES/2003/24" in symbols


def test_construct_and_a_saved_query(endpoint) -> None:
    graph = client(
        endpoint, "CONSTRUCT { ?d im:symbol ?s } WHERE { ?d a im:Resolution ; im:symbol ?s }", "turtle"
    ).convert()
    assert b"A/RES/55/25" in graph
    rows = client(endpoint, saved_queries()["most-cited"].text, "json").convert()["results"]["bindings"]
    assert rows[0]["target"]["value"].endswith("/untoc")


def test_malformed_query_is_400_and_update_is_403(endpoint) -> None:
    with pytest.raises(SPARQLWrapper.SPARQLExceptions.QueryBadFormed):
        client(endpoint, "SELECT ?x WHERE { ?x }", "json")
    request = urllib.request.Request(endpoint, data=b"update=INSERT+DATA+%7B+%3Ca%3Ab%3E+%3Ca%3Ac%3E+%3Ca%3Ad%3E+%7D",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as refused:
        client(endpoint, "INSERT DATA { <a:b> <a:c> <a:d> }", "json")
    assert refused.value.code == 403


def test_a_runaway_query_is_stopped_while_another_client_is_answered(endpoint) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.perf_counter()
        try:
            client(endpoint, FOREVER, "json")
            outcome["runaway"] = "answered"
        except Exception as exc:  # SPARQLWrapper raises EndPointInternalError/URLError for 503
            outcome["runaway"] = str(exc)
        outcome["runaway_s"] = time.perf_counter() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.perf_counter()
    quick = client(endpoint, "ASK { ?s ?p ?o }", "json").convert()
    assert quick["boolean"] is True and time.perf_counter() - started < 2.5  # answered before the 3 s timeout
    thread.join(30)
    assert "stopped after 3 s" in str(outcome["runaway"]) or "503" in str(outcome["runaway"])
    assert float(outcome["runaway_s"]) < 10  # type: ignore[arg-type]
    assert client(endpoint, "ASK { ?s ?p ?o }", "json").convert()["boolean"] is True  # the server lives on


def test_request_bodies_are_capped(endpoint) -> None:
    body = b"query=" + b"%20" * 300_000 + b"ASK+%7B+%7D"
    request = urllib.request.Request(endpoint, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)  # read and discarded by the server, so the client gets the 413, not a reset
    assert refused.value.code == 413
    assert client(endpoint, "ASK { ?s ?p ?o }", "json").convert()["boolean"] is True


def test_a_huge_declared_body_is_refused_before_it_is_sent(endpoint) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.putrequest("POST", parts.path)
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(2_000_000_000))
    connection.endheaders()  # headers only: a server that waited for 2 GB would hang here
    assert connection.getresponse().status == 413
    connection.close()


class _Listener(http.server.BaseHTTPRequestHandler):
    """A web server that records every request it receives (what a SERVICE clause would call)."""

    seen: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.seen.append(self.path)
        self.send_response(500)
        self.end_headers()

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def listener():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    _Listener.seen = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/x", _Listener.seen
    server.shutdown()


def test_service_queries_are_refused(endpoint, served, listener) -> None:
    target, seen = listener
    query = f"SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": query}).encode()))
    assert refused.value.code == 400 and b"SERVICE" in refused.value.read()
    runner = CliRunner()
    result = runner.invoke(main, ["query", query, "-s", str(served)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "federated queries (SERVICE)" in result.stderr
    time.sleep(0.3)
    assert seen == []  # neither the endpoint nor the command called out
    result = runner.invoke(main, ["query", query, "-s", str(served), "--allow-service"])
    assert result.exit_code == 0 and seen == ["/x"]  # the listener hears one call when it is allowed


@pytest.mark.parametrize(
    ("query", "calls"),
    [
        ("SELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } }", True),
        ("select * where { sErViCe silent ?endpoint { ?s ?p ?o } }", True),
        ("PREFIX x: <http://a/>\nSELECT * WHERE { OPTIONAL { { SELECT * WHERE { SERVICE x:e { ?s ?p ?o } } } } }", True),
        ("SELECT * WHERE { ?s ?p ?o FILTER(?o < '>') SERVICE <http://a/> { ?s ?p ?o } FILTER(?o != 'x') }", True),
        ("SELECT * WHERE { SERVICE <http://a/> { ?s ?p ?o } ", True),  # unparseable but mentions it: refused
        ("SELECT ?service WHERE { ?service ?p 'SERVICE <http://a/> {}' } # SERVICE <http://a/>", False),
        ("SELECT * WHERE { ?s <http://a/SERVICE> ?o }", False),
        ("ASK { ?s ?p ?o }", False),
    ],
)
def test_service_is_found_in_any_spelling_and_only_there(query: str, calls: bool) -> None:
    assert calls_out(query) is calls


def test_host_header_must_name_the_bound_address(endpoint) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    for host, status in ((f"127.0.0.1:{parts.port}", 200), (f"localhost:{parts.port}", 200),
                         (f"evil.example:{parts.port}", 421), ("127.0.0.1.evil.example", 421)):  # fmt: skip
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        connection.request("GET", f"{parts.path}?query=ASK%7B%7D", headers={"Host": host})
        assert connection.getresponse().status == status, host
        connection.close()


def test_a_quick_query_is_answered_while_two_slow_ones_run(served) -> None:
    def slow(url: str) -> None:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": FOREVER}), timeout=60).read()

    with local_endpoint(served, "--timeout", "20", "--workers", "2") as url:
        for _ in range(2):
            threading.Thread(target=slow, args=(url,), daemon=True).start()
        time.sleep(1.0)  # both general workers are busy now
        started = time.perf_counter()
        assert client(url, "ASK { ?s ?p ?o }", "json").convert()["boolean"] is True
        assert time.perf_counter() - started < 2.0  # it used to wait for the 20 s timeout


def test_serve_on_a_busy_port_says_so_in_one_line(endpoint, served) -> None:
    port = urllib.parse.urlsplit(endpoint).port
    result = CliRunner().invoke(main, ["serve", "--port", str(port), "-s", str(served)])
    assert result.exit_code == 1
    assert result.stderr.startswith("instrumap: ") and result.stderr.count("\n") == 1
    assert "busy" in result.stderr and "SPARQL endpoint on" not in result.output
