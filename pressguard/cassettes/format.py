"""How a cassette sits on disk: vcrpy's own format, made reviewable and safe.

vcrpy decides the structure (`version: 1`, `interactions`, `metadata`); this
module only decides three things vcrpy leaves open:

- the serializer: loading is vcrpy's own YAML loader, so any vcrpy cassette
  reads here; dumping writes every multi-line string (page bodies) as a
  literal block, so a template change is a line diff in review;
- the persister: writes go to a temporary file renamed over the target, so a
  crash never leaves half a cassette, created with the user's umask as any
  new file is;
- what a cassette may cost: YAML aliases may not expand the data much beyond
  what the file holds, nor may it nest deeply (check_shape), so a 1 KB
  "billion laughs" file is refused at once instead of hanging whatever walks it;
- scrubbing: one rule (is_secret_name) drops credential headers and query
  parameters from requests and responses, also inside URL-bearing headers,
  before an interaction is kept; compressed bodies are stored decoded.
"""

from __future__ import annotations

import copy
import os
import re
import secrets
from pathlib import Path
from urllib.parse import unquote_plus

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
        try:
            data = parse_cache.load(raw, yamlserializer.deserialize)
        except yaml.YAMLError as exc:
            if "nesting depth" in str(exc):  # libyaml's own limit, far above ours
                raise UnsafeCassette(f"YAML nested deeper than {MAX_DEPTH} levels; record it again") from None
            raise
        check_shape(data)  # also on a cached parse: the cache folder is only a folder
        return data

    @staticmethod
    def serialize(cassette_dict) -> str:
        return yaml.dump(
            cassette_dict,
            Dumper=_LiteralBlockDumper,
            allow_unicode=True,
            sort_keys=False,
            width=1_000_000,  # never fold long lines: they would not diff cleanly
        )


class UnsafeCassette(ValueError):
    """YAML whose use would cost far more than its size; str() is the reason (no file name)."""


# How many nodes aliases may add to a cassette beyond those written out. vcrpy's
# dumper anchors an object referenced twice (a shared headers dict: tens of
# nodes per use); a billion-laughs file adds hundreds of millions.
MAX_ALIAS_EXPANSION = 100_000
# A cassette nests about six levels (interactions, response, headers, values);
# deeper data only serves to overflow the recursion of whatever walks it.
MAX_DEPTH = 100
_CONTAINERS = (dict, list, tuple)


def check_shape(data) -> None:
    """Raise UnsafeCassette if aliases expand data too far, loop, or it nests too deep.

    Each distinct container is measured once (aliases make them shared), so the
    check costs what the file holds, not what it would expand to; recursion is
    safe because it stops at MAX_DEPTH.
    """
    if not isinstance(data, _CONTAINERS):
        return
    measured: dict[int, tuple[int, int]] = {}  # id -> (nodes with aliases written out, height)
    on_path: set[int] = set()
    written = 0  # nodes as the file holds them, each shared container once

    def measure(node, depth: int) -> tuple[int, int]:
        nonlocal written
        key = id(node)
        known = measured.get(key)
        if known is None:
            if key in on_path:
                raise UnsafeCassette("uses recursive YAML aliases; record it again")
            if depth > MAX_DEPTH:
                raise UnsafeCassette(f"YAML nested deeper than {MAX_DEPTH} levels; record it again")
            on_path.add(key)
            size, height = 1, 0
            for child in (part for pair in node.items() for part in pair) if isinstance(node, dict) else node:
                if isinstance(child, _CONTAINERS):
                    child_size, child_height = measure(child, depth + 1)
                    size += child_size
                    height = max(height, child_height)
                else:
                    size += 1
                    written += 1
            on_path.discard(key)
            written += 1
            known = measured[key] = (size, height + 1)
        elif depth + known[1] > MAX_DEPTH + 1:  # a shared container met again, deeper
            raise UnsafeCassette(f"YAML nested deeper than {MAX_DEPTH} levels; record it again")
        return known

    size, _height = measure(data, 1)
    if size - written > MAX_ALIAS_EXPANSION:
        raise UnsafeCassette(f"uses YAML aliases beyond {MAX_ALIAS_EXPANSION} nodes; record it again")


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


def write_atomically(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write data (text as UTF-8) to path so readers see the old file or the new one, never a mix.

    durable=False skips the fsync, for files that are only a cache.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    # Mode "x" creates the file new (O_EXCL) with 0666 less the umask, as any tool
    # would; mkstemp's 0600 made every cassette and report private to its writer.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    handle = open(tmp, "xb")  # outside the try: a name clash must not delete the other file
    try:
        with handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# One rule decides which names carry credentials: request and response header
# names and query (or fragment) parameter names alike, case-insensitively.
# Whatever it names is dropped whole, never masked: a cassette has nothing to
# replay it with, and vcrpy applies the same scrub to each request it matches,
# so a live URL carrying a fresh token still finds the page recorded without it.
#
# A name is split into words (camelCase, "-", "_", "."), so accessToken,
# X-Auth-Token and api_key are secret while keyword, author and utm_source are not.
_SECRET_WORDS = frozenset({
    "token", "tokens", "secret", "password", "passwd", "pwd", "auth", "authorization", "cookie",
    "session", "sessionid", "sessid", "sid", "sig", "signature", "key", "apikey", "credential",
    "csrf", "xsrf", "nonce", "otp", "jwt", "ticket", "verifier",
})
# One-word compounds that end in a secret word: csrfmiddlewaretoken, PHPSESSID, JSESSIONID.
_SECRET_WORD_ENDINGS = ("token", "secret", "password", "sessid", "sessionid")
# Whole names only: an OAuth authorization code, a CloudFront signed-URL policy
# (zip_code and Content-Security-Policy are not secrets).
_SECRET_NAMES = frozenset({"code", "policy"})
# Signed-URL parameters of S3 and GCS, whatever follows (X-Amz-Signature,
# X-Goog-Credential); as headers these only describe the storage request.
_SECRET_PREFIXES = ("x-amz-", "x-goog-")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

# Hop-by-hop framing of the original connection; the stored body is whole.
_FRAMING_HEADERS = ("transfer-encoding", "content-length")
# Headers whose value is a URL, which may carry a token in its query.
_URL_HEADERS = ("referer", "location", "content-location")
# Link: <url>; rel=..., <url>; ...    Refresh: 5; url=...
_LINK_URL = re.compile(r"<([^>]*)>")
_REFRESH_URL = re.compile(r"(url\s*=\s*['\"]?)([^'\"\s]+)", re.IGNORECASE)


def is_secret_name(name: str) -> bool:
    """True for a header or parameter name whose value is a credential in practice."""
    lowered = name.lower()
    if lowered in _SECRET_NAMES or lowered.startswith(_SECRET_PREFIXES):
        return True
    words = [word.lower() for word in _WORD.findall(name)]
    return any(word in _SECRET_WORDS or word.endswith(_SECRET_WORD_ENDINGS) for word in words)


def _scrub_parameters(text: str) -> str:
    """a=1&token=x&b=2 -> a=1&b=2, every kept byte as it was (no re-encoding)."""
    kept = [part for part in text.split("&") if not is_secret_name(unquote_plus(part.partition("=")[0]))]
    return "&".join(kept)


def scrub_url(url: str) -> str:
    """url without its credentials: secret query and fragment parameters, user:password@.

    Split by hand rather than parsed and re-encoded, so what stays is
    byte-identical (%20 stays %20, + stays +, parameter order is kept).
    """
    rest, hash_mark, fragment = url.partition("#")
    base, question_mark, query = rest.partition("?")
    if query:
        query = _scrub_parameters(query)
        question_mark = question_mark if query else ""
    if "=" in fragment:
        fragment = _scrub_parameters(fragment)
        hash_mark = hash_mark if fragment else ""
    scheme, slashes, after = base.partition("://")
    authority, slash, path = after.partition("/")
    if slashes and "@" in authority:  # user:password@host
        base = f"{scheme}://{authority.rpartition('@')[2]}{slash}{path}"
    return f"{base}{question_mark}{query}{hash_mark}{fragment}"


def _scrub_header(name: str, value: str) -> str:
    """A kept header's value with the credentials dropped from any URL it carries."""
    lowered = name.lower()
    if lowered in _URL_HEADERS:
        return scrub_url(value)
    if lowered == "link":
        return _LINK_URL.sub(lambda m: f"<{scrub_url(m.group(1))}>", value)
    if lowered == "refresh":
        return _REFRESH_URL.sub(lambda m: m.group(1) + scrub_url(m.group(2)), value)
    return value


def scrub_request(request):
    """before_record_request hook: a copy of a vcrpy Request without credentials.

    vcrpy also runs this on each request it is asked to match, so a live URL
    carrying a fresh token still finds the page recorded without one.
    """
    request = copy.copy(request)
    request.uri = scrub_url(request.uri)
    request.headers = {
        name: _scrub_header(name, value) for name, value in request.headers.items() if not is_secret_name(name)
    }
    return request


def scrub_response(response: dict) -> dict:
    """before_record_response hook: no credentials on disk, bodies decoded to text."""
    response = filters.decode_response(response)
    headers = {
        name: [_scrub_header(name, value) for value in values]
        for name, values in response["headers"].items()
        if not is_secret_name(name) and name.lower() not in _FRAMING_HEADERS
    }
    body = response["body"]["string"]
    if body is not None:
        # decode_response fixed it if it decoded; else keep it, so replay can tell a cut body
        declared = [v for n, v in response["headers"].items() if n.lower() == "content-length"]
        headers["Content-Length"] = declared[0] if declared else [str(len(body))]
    response["headers"] = headers
    return response
