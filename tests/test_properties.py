"""Property tests (issue #9 item 9): whatever the cassette or page, one result each.

Random and mutated cassettes (valid vcrpy YAML with odd URIs, methods,
statuses, headers and bodies; cut YAML; binary) go through the real
`pressguard replay` in a subprocess, many per run so it stays quick; random
and mutated HTML goes through extraction in-process (the CLI's own
extract_page) and a few `pressguard extract` subprocesses. Asserted only:
every input ends as an item or a one-line named failure, the summary adds
up, never a traceback, never a hang (subprocess timeouts).

derandomize=True: the same examples on every run, so CI never meets a new
one by chance; widen max_examples locally to hunt (`-p no:cacheprovider`
keeps no database either way).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cassette_factory import article_html

TESTS = Path(__file__).resolve().parent
OFFLINE = TESTS / "offline_cli.py"
TIMEOUT = 180  # a hang fails the test; a run of 40 cassettes takes a few seconds

def examples(n: int) -> settings:
    return settings(max_examples=n, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# -- cassettes ---------------------------------------------------------------------------

ODD_URIS = [
    "", "not-a-url", ":99999", "http://[::1", "https://", "//example.com/x", "file:///etc/passwd",
    "ftp://127.0.0.1:9/x", "data:text/html,<h1>hi</h1>", "s3://bucket/key", "gopher://example.com/",
    "HTTPS://EXAMPLE.COM/News/", "https://example.com/é/?q=1&token=SECRET#frag", "https://example.com:99999/",
    "https://example.com/news/a/", "https://wegotthiscovered.com/gaming/a/", "http://127.0.0.1:9/x",
]
uris = st.one_of(st.sampled_from(ODD_URIS), st.text(max_size=40), st.integers(), st.none())
statuses = st.one_of(st.sampled_from([200, 200, 200, 301, 302, 304, 404, 500, 0, -1, 99, 999]),
                     st.integers(-1000, 1000), st.text(max_size=5))
header_names = st.sampled_from(["Content-Type", "Location", "Content-Length", "Content-Encoding",
                                "Set-Cookie", "Refresh", "X-Odd", ""])
header_values = st.one_of(
    st.sampled_from(["text/html; charset=utf-8", "text/html; charset=bogus", "application/pdf", "gzip", "br",
                     "-1", "abc", "99999999", "/elsewhere/", "file:///etc/passwd", "0; url=/x"]),
    st.text(max_size=30),
)
headers = st.dictionaries(
    header_names, st.one_of(st.lists(header_values, max_size=3), header_values, st.integers()), max_size=5
)
bodies = st.one_of(
    st.just(article_html()),
    st.builds(lambda html, cut: html[:cut], st.just(article_html()), st.integers(0, 2000)),
    st.text(max_size=300),
    st.binary(max_size=300),
    st.none(),
)


@st.composite
def interactions(draw):
    return {
        "request": {
            "method": draw(st.one_of(st.sampled_from(["GET", "POST", "get", ""]), st.text(max_size=5))),
            "uri": draw(uris),
            "body": None,
            "headers": {},
        },
        "response": {
            "status": {"code": draw(statuses), "message": draw(st.text(max_size=10))},
            "headers": draw(headers),
            "body": {"string": draw(bodies)},
        },
    }


@st.composite
def cassette_files(draw) -> bytes:
    """The bytes of one cassette file: mostly valid vcrpy YAML, sometimes mutated or not YAML at all."""
    data = {"version": draw(st.sampled_from([1, 1, 1, 2, "1"])),
            "interactions": draw(st.lists(interactions(), max_size=3))}
    text = yaml.safe_dump(data, allow_unicode=True)
    kind = draw(st.sampled_from(["valid"] * 6 + ["cut", "drop-key", "flip-byte", "binary", "empty", "scalar"]))
    if kind == "cut":
        return text[: draw(st.integers(0, len(text)))].encode()
    if kind == "drop-key":
        return text.replace(draw(st.sampled_from(["request:", "response:", "status:", "uri:", "version:"])), "x:", 1).encode()
    if kind == "flip-byte":
        raw = bytearray(text.encode())
        at = draw(st.integers(0, len(raw) - 1))
        raw[at] = draw(st.integers(0, 255))
        return bytes(raw)
    if kind == "binary":
        return draw(st.binary(min_size=1, max_size=500))
    if kind == "empty":
        return b""
    if kind == "scalar":
        return yaml.safe_dump(draw(st.one_of(st.text(max_size=20), st.integers(), st.lists(st.integers())))).encode()
    return text.encode()


def _replay(folder: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy")}
    return subprocess.run(  # every connection refused, loopback too
        [sys.executable, str(OFFLINE), "replay", str(folder), "--report", "report.json"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT,
    )


@examples(3)
@given(st.lists(cassette_files(), min_size=20, max_size=40),
       st.lists(st.sampled_from(["generic", "wegotthiscovered", "dotesports", "nosuchsite"]), min_size=1))
def test_every_cassette_ends_as_one_item_or_one_named_failure(files, sites):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        names = []
        for index, content in enumerate(files):
            path = root / "c" / sites[index % len(sites)] / f"c{index:03d}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            names.append(str(path.relative_to(root)))
        result = _replay(Path("c"), root)
        said = result.stdout + result.stderr
        assert "Traceback" not in said, said[-4000:]
        assert result.returncode in (0, 1, 2), said[-4000:]
        lines = result.stdout.splitlines()
        *results, summary = lines
        assert summary.startswith(f"replayed {len(files)} cassettes: "), said[-4000:]
        assert f"; {len(files)} results (" in summary, summary
        # one line per cassette, each naming its cassette file first
        named = sorted(line.split(" ", 1)[1].lstrip().split(":")[0].split("  ")[0] for line in results)
        assert named == sorted(names), said[-4000:]
        errors = sum(line.startswith("FAIL ") for line in results)
        assert (result.returncode == 0) == (errors == 0), said[-4000:]
        report = json.loads((root / "report.json").read_text())  # a new file: written whatever the exit code
        assert sorted(r["cassette"] for r in report) == sorted(names)


# -- pages -----------------------------------------------------------------------------

TAGS = ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<article>", "</article>", "<script>", "</script>",
        '<script type="application/ld+json">', '{"@type": "NewsArticle", "author": [', "]}", "<!--", "-->",
        "<![CDATA[", "<br>", "<meta charset=\"bogus\">", "<meta property=\"article:published_time\" content=\"x\">",
        "<a rel=\"author\" href=\"/a/\">", "</a>", "\x00", "\ufeff", "&amp;", "&#0;", "&#x110000;", "<", ">"]


@st.composite
def pages(draw) -> bytes:
    """Random markup, or the test article mutated: cut, spliced, tags inserted."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "random", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2000))
    if kind == "random":
        return "".join(draw(st.lists(st.one_of(st.sampled_from(TAGS), st.text(max_size=20)), max_size=60))).encode()
    html = article_html()
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(html)))
        action = draw(st.sampled_from(["insert", "cut", "repeat"]))
        if action == "insert":
            html = html[:at] + draw(st.one_of(st.sampled_from(TAGS), st.text(max_size=30))) + html[at:]
        elif action == "cut":
            html = html[:at] + html[at + draw(st.integers(0, 200)):]
        else:
            html = html[:at] + html[at:at + 200] * draw(st.integers(2, 5)) + html[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "latin-1", "utf-16"]))
    return html.encode(encoding, "replace")


@examples(300)
@given(pages(), st.sampled_from(["https://example.com/news/a/", "https://wegotthiscovered.com/gaming/a/",
                                 "https://www.dotesports.com/x/news/a"]))
def test_extraction_gives_an_item_or_a_one_line_named_failure(html, url):
    from pressguard.cli import UsageProblem, extract_page

    try:
        item = extract_page(html, url, name="page.html")
    except UsageProblem as exc:
        message = str(exc)
        assert message.startswith("page.html: ") and "\n" not in message, message
        return
    assert isinstance(item, dict)
    assert item["url"] and isinstance(item["body"], list) and isinstance(item["authors"], list)
    json.dumps(item, ensure_ascii=False)  # what the CLI prints


@examples(3)
@given(pages())
def test_pressguard_extract_prints_an_item_or_one_line(html):
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "page.html").write_bytes(html)
        result = subprocess.run(
            [sys.executable, str(OFFLINE), "extract", "page.html", "--url", "https://example.com/news/a/"],
            cwd=tmp, capture_output=True, text=True, timeout=TIMEOUT,
        )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode == 0:
        assert isinstance(json.loads(result.stdout), dict)
    else:
        assert result.returncode == 2, result.stderr[-3000:]
        (line,) = result.stderr.splitlines()
        assert line.startswith("pressguard extract: page.html: "), line
