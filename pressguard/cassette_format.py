"""How a cassette sits on disk: vcrpy's own format, made reviewable and safe.

vcrpy decides the structure (`version: 1`, `interactions`, `metadata`); this
module only decides three things vcrpy leaves open:

- the serializer: loading is vcrpy's own YAML loader, so any vcrpy cassette
  reads here; dumping writes every multi-line string (page bodies) as a
  literal block, so a template change is a line diff in review;
- the persister: writes go to a temporary file renamed over the target, so a
  crash never leaves half a cassette;
- scrubbing: cookies, credentials and token-like query parameters are removed
  before an interaction is kept, and compressed bodies are stored decoded.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from vcr import filters, matchers
from vcr.persisters.filesystem import CassetteNotFoundError
from vcr.serialize import deserialize, serialize
from vcr.serializers import yamlserializer

from . import parse_cache

# Matching on the URL's parts (vcrpy's default set): the query matcher compares
# parsed parameters, so their order does not matter.
MATCH_ON = (matchers.method, matchers.scheme, matchers.host, matchers.port, matchers.path, matchers.query)


class _LiteralBlockDumper(yaml.SafeDumper):
    """SafeDumper that prefers `|` literal blocks for multi-line strings.

    PyYAML refuses block style for text with trailing spaces on a line, which
    is common in HTML; YAML's literal blocks keep such spaces exactly, so the
    refusal is relaxed here. Control characters still force a quoted string.
    """

    def analyze_scalar(self, scalar):
        analysis = super().analyze_scalar(scalar)
        if analysis.multiline:
            analysis.allow_block = not (_NEEDS_QUOTING.search(scalar) or _TAB_INDENT.match(scalar))
        return analysis


# Characters that a literal block cannot carry verbatim: control characters
# other than tab and newline (\r would be folded into \n on load), the
# YAML-special line breaks, BOM, and surrogates.
_NEEDS_QUOTING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


# A block whose first content line starts with a tab has no readable
# indentation; YAML parsers reject it, so such text stays quoted.
_TAB_INDENT = re.compile(r"[\n ]*\t")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if _NEEDS_QUOTING.search(data):
        style = '"'  # escapes them; PyYAML would even write a lone \x85 unquoted
    else:
        style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_LiteralBlockDumper.add_representer(str, _represent_str)


class LiteralBlockSerializer:
    """vcrpy serializer (module-like object with serialize/deserialize)."""

    @staticmethod
    def deserialize(cassette_string: str | bytes):
        # Bytes are what the persister passes: libyaml decodes UTF-8 itself.
        raw = cassette_string if isinstance(cassette_string, bytes) else cassette_string.encode("utf-8")
        return parse_cache.load(raw, yamlserializer.deserialize)

    @staticmethod
    def serialize(cassette_dict) -> str:
        return yaml.dump(
            cassette_dict,
            Dumper=_LiteralBlockDumper,
            allow_unicode=True,
            sort_keys=False,
            width=1_000_000,  # never fold long lines: they would not diff cleanly
        )


class AtomicFilesystemPersister:
    """vcrpy persister: same files as vcrpy's, written atomically."""

    @staticmethod
    def load_cassette(cassette_path, serializer):
        path = Path(cassette_path)
        if not path.is_file():
            raise CassetteNotFoundError()
        return deserialize(path.read_bytes(), serializer)

    @staticmethod
    def save_cassette(cassette_path, cassette_dict, serializer):
        write_atomically(Path(cassette_path), serialize(cassette_dict, serializer))


def write_atomically(path: Path, text: str) -> None:
    """Write text to path so readers see the old file or the new one, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# Query parameters whose values are credentials in practice (signed URLs,
# API keys, session ids, one-time tokens).
_SECRET_PARAM = re.compile(
    r"^(?:.*[_.-])?(?:token|secret|password|passwd|pwd|auth|session|sessionid|sessid|sid|sig|"
    r"signature|api[_-]?key|apikey|key|access[_-]?key|credentials?|nonce|otp|jwt|ticket)$"
    r"|^x-(?:amz|goog)-",
    re.IGNORECASE,
)
_SECRET_REQUEST_HEADERS = ("cookie", "authorization", "proxy-authorization")
_SECRET_RESPONSE_HEADERS = ("set-cookie", "set-cookie2")
# Hop-by-hop framing of the original connection; the stored body is whole.
_FRAMING_HEADERS = ("transfer-encoding", "content-length")


# Headers that carry a URL, which may carry a token in its query.
_URL_HEADERS = ("referer", "location", "content-location")


def scrub_url(url: str) -> str:
    """url without its token-like query parameters."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _SECRET_PARAM.search(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def scrub_request(request):
    """before_record_request hook: drop credentials from a vcrpy Request.

    vcrpy also runs this on each request it is asked to match, so a live URL
    carrying a fresh token still finds the page recorded without one.
    """
    request = filters.remove_headers(request, _SECRET_REQUEST_HEADERS)
    secret = [name for name, _ in request.query if _SECRET_PARAM.search(name)]
    if secret:
        request = filters.remove_query_parameters(request, secret)
    for name in _URL_HEADERS:
        if name in request.headers:
            request.headers[name] = scrub_url(request.headers[name])
    return request


def scrub_response(response: dict) -> dict:
    """before_record_response hook: no Set-Cookie on disk, bodies decoded to text."""
    response = filters.decode_response(response)
    headers = {
        name: [scrub_url(v) for v in values] if name.lower() in _URL_HEADERS else values
        for name, values in response["headers"].items()
        if name.lower() not in _SECRET_RESPONSE_HEADERS + _FRAMING_HEADERS
    }
    body = response["body"]["string"]
    if body is not None:
        # decode_response fixed it if it decoded; else keep it, so replay can tell a cut body
        declared = [v for n, v in response["headers"].items() if n.lower() == "content-length"]
        headers["Content-Length"] = declared[0] if declared else [str(len(body))]
    response["headers"] = headers
    return response
