"""Hostile or broken cassette files end as one named CassetteError, and files land with the umask.

Real files throughout, read through open_cassette (vcrpy's Cassette with this
project's serializer) and written through write_atomically.
"""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from vcr.request import Request
from vcr.serialize import serialize
from vcr.serializers import yamlserializer

from pressguard.cassettes.format import write_atomically
from pressguard.cassettes.store import CassetteError, find_cassettes, open_cassette

HTML = "<!DOCTYPE html>\n<html><body><h1>Title</h1>\n<p>Text.</p></body></html>\n"


def _response(**headers):
    return {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Content-Type": ["text/html; charset=utf-8"], **headers},
        "body": {"string": HTML},
    }


def _cassette_text(headers_yaml: str) -> str:
    """A one-page cassette whose response headers are the given YAML lines."""
    return (
        "version: 1\ninteractions:\n- request:\n    method: GET\n    uri: https://example.com/a/\n"
        "    body: null\n    headers: {}\n  response:\n    status: {code: 200, message: OK}\n"
        f"    headers:\n{headers_yaml}"
        "      Content-Type: [text/html]\n"
        f"    body:\n      string: {HTML!r}\n".replace("'", '"')
    )


def _alias_bomb(levels: int = 9) -> str:
    """Billion laughs: each header is nine aliases of the one before (9**levels strings)."""
    lines = ['      X-L0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    for n in range(1, levels):
        lines.append(f"      X-L{n}: &l{n} [{','.join([f'*l{n - 1}'] * 9)}]\n")
    return _cassette_text("".join(lines))


def test_the_helper_cassette_itself_loads(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text(_cassette_text("      X-Plain: [one]\n"))
    assert open_cassette(path).responses[0]["headers"]["X-Plain"] == ["one"]


def test_a_yaml_alias_bomb_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb())
    assert path.stat().st_size < 1500  # 1.3 KB that would expand to 387 million strings
    with pytest.raises(CassetteError) as caught:
        open_cassette(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "YAML aliases" in message and "record it again" in message
    assert "\n" not in message


def test_a_yaml_alias_bomb_is_refused_from_the_parse_cache_too(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "bomb.yaml"
    path.write_text(_alias_bomb())
    for _ in range(2):
        with pytest.raises(CassetteError, match="YAML aliases"):
            open_cassette(path)


def test_recursive_aliases_are_refused_naming_the_file(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text(_cassette_text("      X-Loop: &loop [a, *loop]\n"))
    with pytest.raises(CassetteError, match=rf"^{path}: uses recursive YAML aliases; record it again$"):
        open_cassette(path)


@pytest.mark.parametrize("parse_cache", ["off", "on"])
def test_vcrpys_own_anchors_still_load(tmp_path, monkeypatch, parse_cache):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache") if parse_cache == "on" else "off")
    # vcrpy's dumper writes `&id001` / `*id001` when one object is referenced twice:
    # here the same response dict answers two requests.
    shared = _response(**{f"X-Header-{n}": [f"value {n}"] for n in range(40)})
    requests = [Request("GET", f"https://example.com/page/{n}/", None, {}) for n in range(50)]
    text = serialize({"requests": requests, "responses": [shared] * 50}, yamlserializer)
    assert "&id001" in text and "*id001" in text
    path = tmp_path / "anchored.yaml"
    path.write_text(text)
    for _ in range(2):  # with the cache on, the second load is a cache hit
        cassette = open_cassette(path)
        assert len(cassette) == 50
        assert cassette.responses[49]["headers"]["X-Header-39"] == ["value 39"]


def test_deep_nesting_is_a_named_error_not_a_recursion_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(_cassette_text("      X-Deep: " + "[" * 990 + "]" * 990 + "\n"))
    with pytest.raises(CassetteError) as caught:
        open_cassette(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "nested" in message and "record it again" in message


def test_nesting_beyond_libyamls_own_limit_is_a_named_error(tmp_path):
    path = tmp_path / "deeper.yaml"
    path.write_text(_cassette_text("      X-Deep: " + "[" * 5000 + "]" * 5000 + "\n"))
    with pytest.raises(CassetteError, match=rf"^{path}: .*nested"):
        open_cassette(path)


def test_replay_refuses_an_alias_bomb_at_once_as_bad_input(cli, tmp_path):
    (tmp_path / "bomb.yaml").write_text(_alias_bomb())
    result = cli("replay", "bomb.yaml")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "FAIL bomb.yaml: " in result.stdout and "YAML aliases" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


# --- files that exist but cannot be read -----------------------------------------------------
# Running as root, chmod 000 does not stop a read. Two ways that really fail for anyone:
# a cassette that is a symlink to /proc/self/mem (a regular file whose read fails with EIO),
# and a chmod-000 file opened by an unprivileged user (uid 65534 when the suite runs as root).


@pytest.mark.skipif(not Path("/proc/self/mem").is_file(), reason="needs Linux /proc")
def test_a_cassette_that_fails_to_read_is_a_named_error(tmp_path):
    path = tmp_path / "page.yaml"
    path.symlink_to("/proc/self/mem")
    with pytest.raises(CassetteError) as caught:
        open_cassette(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot be read") and "\n" not in message


def _open_unprivileged(path: Path, action=open_cassette) -> str:
    """action(path) (open_cassette) in a forked child that runs as uid 65534 when we are root."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root (modules are already imported), report, exit
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            try:
                outcome = f"returned {action(path)!r}"
            except CassetteError as exc:
                outcome = f"CassetteError: {exc}"
            except BaseException as exc:  # what the test must not see
                outcome = f"{type(exc).__name__}: {exc}"
            os.write(write_end, outcome.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        outcome = pipe.read().decode()
    os.waitpid(pid, 0)
    return outcome


@pytest.fixture
def world_folder():
    """A folder an unprivileged user can reach (pytest's own tmp folders sit in a 0700 one)."""
    folder = Path(tempfile.mkdtemp(prefix="pressguard-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.parametrize("how", ["chmod 000 file", "folder without permission"])
def test_an_unreadable_cassette_is_a_named_error_never_an_oserror(world_folder, how):
    folder = world_folder / "locked"
    folder.mkdir()
    path = folder / "page.yaml"
    path.write_text(_cassette_text("      X-Plain: [one]\n"))
    if how == "chmod 000 file":
        path.chmod(0)
    else:
        folder.chmod(0)
    try:
        result = _open_unprivileged(path)
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert result.startswith(f"CassetteError: {path}: cannot be read"), result
    assert "\n" not in result


def test_a_folder_of_cassettes_that_cannot_be_listed_is_a_named_error(world_folder):
    (world_folder / "site").mkdir()
    (world_folder / "site" / "a.yaml").write_text(_cassette_text("      X-Plain: [one]\n"))
    locked = world_folder / "locked"
    locked.mkdir()
    (locked / "b.yaml").write_text(_cassette_text("      X-Plain: [one]\n"))
    locked.chmod(0)
    try:
        result = _open_unprivileged(world_folder, lambda folder: find_cassettes([folder]))
    finally:
        locked.chmod(0o755)
    assert result == f"CassetteError: {locked}: cannot be read (Permission denied); check its permissions", result


def test_finding_cassettes_keeps_its_order_and_skips_underscore_folders(tmp_path):
    for name in ["b/z.yaml", "a-b/c.yaml", "a/b.yaml", "a/_captured/x.yaml", "a/.hidden/y.yaml", "a/notes.txt",
                 "_top/t.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in find_cassettes([tmp_path])]
    assert found == ["a/b.yaml", "a-b/c.yaml", "b/z.yaml"]
    assert [p.name for p in find_cassettes([tmp_path / "a" / "_captured"])] == ["x.yaml"]


# --- permissions of written files ------------------------------------------------------------

UMASK_WRITE = """
import os, sys
from pathlib import Path
os.umask(int(sys.argv[2], 8))
from pressguard.cassettes.format import write_atomically
write_atomically(Path(sys.argv[1]), "text\\n")
"""


@pytest.mark.parametrize("umask, mode", [("022", 0o644), ("077", 0o600), ("002", 0o664)])
def test_files_are_written_with_the_users_umask(tmp_path, umask, mode):
    path = tmp_path / "out" / "page.yaml"
    result = subprocess.run([sys.executable, "-c", UMASK_WRITE, str(path), umask], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert path.read_text() == "text\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert [p.name for p in path.parent.iterdir()] == ["page.yaml"]  # no temporary file left


def test_rewriting_a_file_is_still_atomic_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "report.json"
    write_atomically(path, "old")
    write_atomically(path, "new")
    assert path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_recorded_cassettes_follow_the_umask(pages, cli, tmp_path):
    url = pages.article("/news/engines/")
    umask_then_record = (
        "import os, sys; os.umask(0o022); from pressguard.cli import main; sys.exit(main())"
    )
    result = subprocess.run(
        [sys.executable, "-c", umask_then_record, "record", url, "--site", "generic"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (cassette,) = (tmp_path / "cassettes" / "generic").glob("*.yaml")
    assert stat.S_IMODE(cassette.stat().st_mode) == 0o644
