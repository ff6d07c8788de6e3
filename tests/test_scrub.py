"""No secret reaches a cassette file: one rule for header names and query parameters alike.

The end-to-end test records, with the real `pressguard record`, a page from the
scripted loopback server whose redirect and answer carry every kind of credential,
then reads the cassette file's bytes.
"""

import pytest
from vcr.cassette import Cassette
from vcr.request import Request

from pressguard.cassettes.format import is_secret_name, scrub_request, scrub_response, scrub_url
from pressguard.cassettes.store import cassette_options, open_cassette

SECRET_HEADERS = {
    "Authorization": "Bearer SECRET-H-AUTHORIZATION",
    "Proxy-Authorization": "Basic SECRET-H-PROXY",
    "X-Api-Key": "SECRET-H-APIKEY",
    "X-Amz-Security-Token": "SECRET-H-AMZ",
    "X-Auth-Token": "SECRET-H-AUTHTOKEN",
    "X-Csrf-Token": "SECRET-H-CSRF",
    "Set-Cookie": "sid=SECRET-H-COOKIE; Path=/",
}
SECRET_PARAMS = {
    "accessToken": "SECRET-Q-ACCESS",
    "authToken": "SECRET-Q-AUTH",
    "idToken": "SECRET-Q-ID",
    "refreshToken": "SECRET-Q-REFRESH",
    "code": "SECRET-Q-CODE",
    "Signature": "SECRET-Q-SIGNATURE",
    "Key-Pair-Id": "SECRET-Q-KEYPAIR",
    "Policy": "SECRET-Q-POLICY",
    "X-Amz-Credential": "SECRET-Q-AMZCRED",
    "X-Amz-Signature": "SECRET-Q-AMZSIG",
    "X-Goog-Signature": "SECRET-Q-GOOGSIG",
    "api_key": "SECRET-Q-APIKEY",
    "access%5Ftoken": "SECRET-Q-ENCODED",  # a percent-encoded name is still access_token
}
ORDINARY_PARAMS = ["page", "q", "utm_source", "utm_campaign", "id", "keyword", "author", "tag", "sort", "p", "s",
                   "lang", "ref", "format", "amp", "output", "category"]


@pytest.mark.parametrize("name", [*SECRET_HEADERS, *SECRET_PARAMS, "Cookie", "access_token", "ACCESS_TOKEN",
                                  "PHPSESSID", "JSESSIONID", "csrfmiddlewaretoken", "X-XSRF-TOKEN", "sessionId",
                                  "oauth_token", "x-goog-credential", "X-Amz-Date", "sig", "client_secret"])
def test_credential_names_are_secret(name):
    assert is_secret_name(name.replace("%5F", "_"))


@pytest.mark.parametrize("name", [*ORDINARY_PARAMS, "Content-Type", "Content-Security-Policy", "Keep-Alive",
                                  "Access-Control-Allow-Credentials", "WWW-Authenticate", "Vary", "Link",
                                  "Location", "Referer", "Refresh", "Cache-Control", "X-Frame-Options",
                                  "Accept-Encoding", "User-Agent", "Accept-Language", "ETag", "zip_code"])
def test_ordinary_names_are_not(name):
    assert not is_secret_name(name)


def test_scrub_url_keeps_the_rest_byte_identical():
    url = "https://e.com/a%20b/?q=a%20b+c&accessToken=T1&page=2&utm_source=x&Signature=T2&page=3&e=&flag#top"
    assert scrub_url(url) == "https://e.com/a%20b/?q=a%20b+c&page=2&utm_source=x&page=3&e=&flag#top"


@pytest.mark.parametrize("url", [
    "https://e.com/", "https://e.com/a?", "https://e.com/a?page=2&q=%E2%9C%93", "https://e.com/a#x=1",
    "not a url", "", "/relative/?id=7&keyword=x+y",
])
def test_scrub_url_leaves_urls_without_secrets_alone(url):
    assert scrub_url(url) == url


def test_scrub_url_drops_credentials_in_the_fragment_and_userinfo():
    assert scrub_url("https://e.com/cb#access_token=T1&state=ok") == "https://e.com/cb#state=ok"
    assert scrub_url("https://user:T1@e.com/a?page=2") == "https://e.com/a?page=2"
    assert scrub_url("https://e.com/a?accessToken=T1") == "https://e.com/a"


def test_request_and_response_share_the_rule():
    headers = {name: value for name, value in SECRET_HEADERS.items() if name != "Set-Cookie"}
    request = Request(
        "GET", "https://e.com/a/?page=2&idToken=T1&q=a%20b", None,
        {**headers, "Cookie": "sid=T2", "Accept": "text/html",
         "Referer": "https://e.com/?refreshToken=T3&page=1"},
    )
    scrubbed = scrub_request(request)
    assert scrubbed.uri == "https://e.com/a/?page=2&q=a%20b"
    assert dict(scrubbed.headers) == {"Accept": "text/html", "Referer": "https://e.com/?page=1"}
    assert request.uri.endswith("idToken=T1&q=a%20b")  # the caller's request is left as it was

    response = {
        "status": {"code": 302, "message": "Found"},
        "headers": {**{n: [v] for n, v in SECRET_HEADERS.items()},
                    "Content-Security-Policy": ["default-src 'self'"],
                    "Location": ["/b/?code=T4&page=2"],
                    "Content-Location": ["https://e.com/b/?X-Goog-Signature=T5"],
                    "Link": ['<https://cdn.e.com/x.js?authToken=T6&v=3>; rel=preload, <https://e.com/wp-json/>; rel="api"'],
                    "Refresh": ["5; url=https://e.com/c/?accessToken=T7&p=1"]},
        "body": {"string": b""},
    }
    out = scrub_response(response)["headers"]
    assert out == {
        "Content-Security-Policy": ["default-src 'self'"],
        "Location": ["/b/?page=2"],
        "Content-Location": ["https://e.com/b/"],
        "Link": ['<https://cdn.e.com/x.js?v=3>; rel=preload, <https://e.com/wp-json/>; rel="api"'],
        "Refresh": ["5; url=https://e.com/c/?p=1"],
        "Content-Length": ["0"],
    }


def test_a_live_url_with_a_fresh_token_still_matches_the_recorded_page(tmp_path):
    path = tmp_path / "page.yaml"
    recorder = Cassette(**cassette_options(path))
    recorded = Request("GET", "https://e.com/a/?page=2&accessToken=OLD&q=a%20b", None, {"Accept": "text/html"})
    recorder.append(recorded, {"status": {"code": 200, "message": "OK"}, "headers": {}, "body": {"string": b"hi"}})
    recorder._save(force=True)
    assert "OLD" not in path.read_text()

    cassette = open_cassette(path)
    fresh = Request("GET", "https://e.com/a/?accessToken=NEW&page=2&q=a%20b&X-Amz-Signature=S", None, {})
    assert cassette.play_response(fresh)["body"]["string"] == b"hi"
    other_page = Request("GET", "https://e.com/a/?page=3&q=a%20b", None, {})
    assert not cassette.can_play_response_for(other_page)


def test_record_writes_no_secret_and_keeps_urls_byte_identical(pages, cli, tmp_path):
    secret_query = "&".join(f"{name}={value}" for name, value in SECRET_PARAMS.items())
    link = f"<{pages.base}/static/app.js?idToken=SECRET-LINK&v=3>; rel=preload"
    refresh = f"30; url={pages.base}/news/engines/?refreshToken=SECRET-REFRESH&page=1"
    target = f"/news/engines/?utm_source=feed&{secret_query}&id=7&keyword=engines"
    pages.add("/go/", (302, {"Location": target, "Link": link, "Refresh": refresh, **SECRET_HEADERS}, b""))
    pages.article("/news/engines/", Link=link, Refresh=refresh, **SECRET_HEADERS)
    start = f"{pages.base}/go/?page=2&q=a%20b+c&{secret_query}"

    result = cli("record", start, "--site", "generic")
    assert result.returncode == 0, result.stdout + result.stderr
    (path,) = (tmp_path / "cassettes" / "generic").glob("*.yaml")
    text = path.read_text()
    assert "SECRET" not in text, [line for line in text.splitlines() if "SECRET" in line]

    cassette = open_cassette(path)
    assert [r.uri for r in cassette.requests] == [
        f"{pages.base}/go/?page=2&q=a%20b+c",
        f"{pages.base}/news/engines/?utm_source=feed&id=7&keyword=engines",
    ]
    redirect = cassette.responses[0]["headers"]
    assert redirect["Location"] == ["/news/engines/?utm_source=feed&id=7&keyword=engines"]
    assert redirect["Link"] == [f"<{pages.base}/static/app.js?v=3>; rel=preload"]
    assert redirect["Refresh"] == [f"30; url={pages.base}/news/engines/?page=1"]

    pages.httpd.shutdown()  # the recording replays on its own, scrubbed URLs and all
    replayed = cli("replay", path.relative_to(tmp_path), offline=True)
    assert replayed.returncode == 0, replayed.stdout + replayed.stderr
