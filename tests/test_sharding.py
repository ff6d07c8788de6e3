"""`pressguard replay -j N`: cassettes sharded by site over processes, results merged in
cassette order, identical to one process; a shard that dies names its cassettes; the
cassette cache stays bounded in bytes."""

import json
import re
import shutil
from pathlib import Path

from cassette_factory import article_html, interaction, write_cassette
from conftest import ROOT

from pressguard.cassettes.store import CassetteCache
from pressguard.scrapy.shards import InOrder, plan, short_last_runs

FINAL_COUNT = re.compile(r"^replay: 100%\s*(\d+)/(\d+) ")


# -- the plan --------------------------------------------------------------------


def _groups(**sizes):
    return {site: [f"c/{site}/{i:03}.yaml" for i in range(n)] for site, n in sizes.items()}


def test_plan_keeps_each_site_in_one_shard_and_balances_them():
    shards = plan(_groups(a=30, b=25, c=20, d=10), 2)
    assert len(shards) == 2
    sites = [[site for site, _ in shard] for shard in shards]
    assert sorted(s for shard in sites for s in shard) == ["a", "b", "c", "d"]  # each site once: whole
    loads = sorted(sum(len(paths) for _, paths in shard) for shard in shards)
    assert loads == [40, 45]
    assert all(names == sorted(names) for names in sites)  # a shard runs its sites in order


def test_plan_splits_a_site_larger_than_an_even_share_into_contiguous_pieces():
    groups = _groups(big=90, small=10)
    shards = plan(groups, 2)
    pieces = [paths for shard in shards for site, paths in shard if site == "big"]
    assert len(pieces) == 2 and all(len(p) <= 50 for p in pieces)
    assert sorted(p for piece in pieces for p in piece) == groups["big"]  # every cassette exactly once
    assert all(piece == sorted(piece) for piece in pieces)
    assert sorted(sum(len(p) for _, p in shard) for shard in shards) == [50, 50]


def test_plan_never_makes_more_shards_than_cassettes_and_one_job_is_one_shard():
    assert len(plan(_groups(a=1, b=1), 8)) == 2
    one = plan(_groups(b=3, a=2), 1)
    assert one == [[("a", ["c/a/000.yaml", "c/a/001.yaml"]), ("b", ["c/b/000.yaml", "c/b/001.yaml", "c/b/002.yaml"])]]
    assert plan({}, 4) == []


def test_short_last_runs_cuts_only_each_shards_last_run_keeping_every_cassette_in_order():
    shards = plan(_groups(a=30, b=25, c=20, d=10), 2)
    short = short_last_runs(shards, 8)
    for before, after in zip(shards, short, strict=True):
        assert after[:len(before) - 1] == before[:-1]  # the other runs untouched
        site, paths = before[-1]
        pieces = after[len(before) - 1:]
        assert {s for s, _ in pieces} == {site} and all(len(p) <= 8 for _, p in pieces)
        assert [p for _, piece in pieces for p in piece] == paths  # every cassette once, in order
        assert len(pieces) == -(-len(paths) // 8)
    assert short_last_runs([[("a", ["x"])]], 8) == [[("a", ["x"])]]


# -- merging in cassette order ---------------------------------------------------------


def _result(path, error=None):
    return {"cassette": path, "url": f"https://x/{path}", "item": None if error else {"p": path}, "error": error}


def test_results_come_out_in_cassette_order_once_their_run_is_over():
    cassettes = ["a/1", "a/2", "b/1", "b/2"]
    out = []
    merger = InOrder(cassettes, [("a", ["a/1", "a/2"]), ("b", ["b/1", "b/2"])], out.append)
    merger.add(1, _result("b/2"))
    merger.add(1, _result("b/1"))
    merger.run_done(1)
    assert out == []  # b is over, but a/1 comes first
    merger.add(0, _result("a/1"))
    assert out == []  # a run may still send an error for a/1
    merger.run_done(0, "{path}: shard crashed")
    assert [r["cassette"] for r in out] == cassettes
    assert out[1] == {"cassette": "a/2", "url": "a/2", "kind": "failure", "item": None, "error": "a/2: shard crashed"}
    merger.finish()
    assert len(out) == 4


def test_a_cassette_with_an_item_and_an_error_is_one_failure_and_strays_come_last():
    out = []
    merger = InOrder(["a/1", "a/2"], [("a", ["a/1", "a/2"])], out.append)
    merger.add(0, _result("a/1"))
    merger.add(0, _result("a/1", error="a/1: spider error"))
    merger.add(0, {"cassette": None, "url": "spider a start", "item": None, "error": "start raised"})
    merger.finish()  # the run never said it was over: its silent cassettes are named
    assert [r["cassette"] for r in out] == ["a/1", "a/2", None]
    assert out[0]["item"] == {"p": "a/1"} and out[0]["error"] == "a/1: spider error"
    assert out[1]["error"] == "a/2: replay gave no result; run with -v to see why"


def test_the_parent_spills_each_shards_result_as_the_shard_encoded_it(monkeypatch):
    """A shard's result line reaches the merger's spill as its bytes: the parent decodes a
    small header, not the item, and encodes nothing again; each result is decoded once, when
    it is emitted, equal to what the shard sent, in cassette order."""
    import io

    from pressguard.scrapy import shards

    runs = [("a", ["a/1", "a/2"]), ("b", ["b/1"])]
    sent = [_result("a/2"), _result("a/1"), _result("b/1", error="b/1: HTTP 500")]
    sent[0]["item"] = {"headline": "Tab\there, «quotes», line\nbreak", "body": ["é", "\u2028"]}

    class Shard:  # as much of a shard process as collect() reads: its protocol stream
        def __init__(self, lines: list[str]):
            self.stdout = io.BytesIO("".join(lines).encode("utf-8"))

        def wait(self):
            return 0

        def poll(self):
            return 0

    shard_a = Shard([shards._result_line(0, sent[0]), shards._result_line(0, sent[1]),
                     json.dumps({"run": 0, "done": True}) + "\n", json.dumps({"exit": 0}) + "\n"])
    shard_b = Shard([shards._result_line(0, sent[2]), json.dumps({"run": 0, "done": True}) + "\n",
                     json.dumps({"exit": 1}) + "\n"])
    encoded, decoded = [], []
    real_dumps, real_loads = json.dumps, json.loads

    class CountingJson:
        @staticmethod
        def dumps(value, **kwargs):
            encoded.append(value)
            return real_dumps(value, **kwargs)

        @staticmethod
        def loads(text, **kwargs):
            decoded.append(text)
            return real_loads(text, **kwargs)

    monkeypatch.setattr(shards, "json", CountingJson)
    out = []
    merger = InOrder(["a/1", "a/2", "b/1"], runs, out.append)
    code = shards.collect([[runs[0]], [runs[1]]], [shard_a, shard_b], merger)
    merger.finish()
    assert code == 1
    assert out == [sent[1], sent[0], sent[2]]
    assert encoded == []  # nothing encoded again
    results = [t for t in decoded if '"item"' in (t.decode("utf-8") if isinstance(t, bytes) else t)]
    assert len(results) == 3  # each result decoded once: by the merger, as it is emitted


# -- the cassette cache ------------------------------------------------------------------


def test_the_cassette_cache_is_bounded_in_bytes_as_well_as_entries(tmp_path):
    paths = []
    for i in range(6):
        url = f"https://example.com/news/{i}/"
        path = tmp_path / f"{i}.yaml"
        write_cassette(path, interaction(url, body=article_html(f"Story {i}", canonical=url) + "<!-- pad -->" * 500 * i))
        paths.append(path)
    sizes = [path.stat().st_size for path in paths]
    assert sizes == sorted(sizes) and sizes[-1] > 2 * sizes[0]  # the later, the larger
    cache = CassetteCache(size=100, max_bytes=sizes[-1] + sizes[-2])
    for path in paths:
        cache.get(path)
    assert len(cache) == 2 and cache.bytes == sizes[-1] + sizes[-2]  # by bytes: 6 entries were allowed
    assert cache.get(paths[-1]) is cache.get(paths[-1])  # the newest are the ones kept
    alone = CassetteCache(size=100, max_bytes=1)
    assert alone.get(paths[0]) is alone.get(paths[0]) and len(alone) == 1  # over budget alone: still played


# -- the CLI, end to end -----------------------------------------------------------------


def _corpus(folder: Path) -> list[str]:
    """The shipped cassettes of three sites, plus a truncated one and a page of another
    publisher (generic), so failures and the generic spider are in the comparison."""
    for site in ("destructoid", "gamepur", "wegotthiscovered"):
        shutil.copytree(ROOT / "cassettes" / site, folder / "cassettes" / site)
    broken = folder / "cassettes" / "gamepur" / "truncated.yaml"
    broken.write_text((ROOT / "cassettes" / "gamepur").glob("*.yaml").__next__().read_text()[:4000])
    url = "https://news.example.org/2025/story/"
    write_cassette(folder / "cassettes" / "elsewhere" / "story.yaml",
                   interaction(url, body=article_html("A story elsewhere", canonical=url)))
    return sorted(str(p.relative_to(folder)) for p in (folder / "cassettes").rglob("*.yaml"))


def _replay(cli, folder, *args):
    result = cli("replay", "cassettes", "--report", "report.json", "-o", "items.jsonl", *args, cwd=folder)
    report = (folder / "report.json").read_bytes()
    items = (folder / "items.jsonl").read_bytes()
    return result, report, items


def test_sharded_replay_gives_byte_for_byte_what_one_process_gives(cli, tmp_path):
    cassettes = _corpus(tmp_path)
    one, report_one, items_one = _replay(cli, tmp_path, "-j", "1")
    assert one.returncode == 1, one.stderr  # the truncated cassette fails
    for jobs in ("2", "3"):
        many, report_many, items_many = _replay(cli, tmp_path, "-j", jobs)
        assert many.returncode == one.returncode, many.stderr
        assert many.stdout == one.stdout
        assert report_many == report_one
        assert items_many == items_one
        count = FINAL_COUNT.match(many.stderr.splitlines()[-1])  # counted across the shards
        assert count and count.groups() == (str(len(cassettes)), str(len(cassettes))), many.stderr
    results = json.loads(report_one)
    assert [r["cassette"] for r in results] == cassettes  # one result per cassette, in order
    failing = [r["cassette"] for r in results if r["error"]]
    assert failing == ["cassettes/gamepur/truncated.yaml"]
    assert sum(1 for r in results if r["item"] and r["item"]["verdict"] != "broken") == len(cassettes) - 1
    assert "FAIL cassettes/gamepur/truncated.yaml: " in one.stdout


def test_shipped_cassettes_replay_the_same_with_one_and_two_processes(cli, tmp_path):
    runs = {}
    for jobs in ("1", "2"):
        result = cli("replay", "-j", jobs, "--report", tmp_path / f"report-{jobs}.json",
                     "-o", tmp_path / f"items-{jobs}.jsonl", "cassettes", cwd=ROOT)
        runs[jobs] = (result.returncode, result.stdout, (tmp_path / f"report-{jobs}.json").read_bytes(),
                      (tmp_path / f"items-{jobs}.jsonl").read_bytes())
    assert runs["1"][0] == 0, runs["1"][1]
    assert runs["2"] == runs["1"]
    assert len(json.loads(runs["1"][2])) == len(list((ROOT / "cassettes").rglob("*.yaml")))


CRASH_ON_OPEN = """
import os, sys

def _crash(event, args):
    if event == "open" and str(args[0]).endswith("{name}"):
        os._exit(70)

sys.addaudithook(_crash)
"""


def test_a_shard_that_dies_names_each_cassette_it_had_not_answered(cli, tmp_path):
    """A shard process dies (exit 70) when it opens one cassette: every cassette of its shard
    without a result becomes a named failure, the other shard's pages are all there, and the
    report and -o file hold every result."""
    cassettes = _corpus(tmp_path)
    victim = "cassettes/wegotthiscovered/" + sorted((tmp_path / "cassettes" / "wegotthiscovered").iterdir())[-1].name
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(CRASH_ON_OPEN.replace("{name}", victim))
    result = cli("replay", "cassettes", "-j", "2", "--report", "report.json", "-o", "items.jsonl",
                 cwd=tmp_path, env={"PYTHONPATH": str(hooks)})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    results = json.loads((tmp_path / "report.json").read_text())
    assert [r["cassette"] for r in results] == cassettes  # nothing lost, nothing twice
    crashed = [r for r in results if r["error"] and "ended with exit code 70" in r["error"]]
    assert victim in [r["cassette"] for r in crashed]
    for page in crashed:
        assert page["error"].startswith(f"{page['cassette']}: its replay process (shard ")
        assert "run with -j 1 -v to see why" in page["error"]
        assert f"FAIL {page['error']}" in result.stdout
    survivors = [r for r in results if r["item"]]
    assert survivors and all(not r["error"] for r in survivors)
    assert len(survivors) + sum(1 for r in results if r["error"]) == len(cassettes)
    # the shard without the victim (destructoid, the larger site, and the generic page) gave all it had
    assert all(r["item"] for r in results if r["cassette"].startswith(("cassettes/destructoid/", "cassettes/elsewhere/")))
    assert len((tmp_path / "items.jsonl").read_text().splitlines()) == len(survivors)


# -- a forked shard, waited for from several threads ----------------------------------------


def test_a_forked_shard_waited_for_by_several_threads_gives_each_its_exit_code():
    """The pytest plugin's reader and the session's end may wait for one shard at once: every
    waiter gets its exit code (only one of them can reap it); one reaped by someone else
    entirely (a test's os.wait()) ends the wait too, its code unknown (-1), instead of hanging."""
    import os
    import threading

    from pressguard.scrapy.shards import _Forked

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # ends when told, once the waiters have started
        os.read(read_end, 1)
        os._exit(5)
    shard, codes, errors = _Forked(pid, None), [], []

    def wait():
        try:
            codes.append(shard.wait())
        except Exception as exc:  # noqa: BLE001 - the assertion below names it
            errors.append(exc)

    waiters = [threading.Thread(target=wait) for _ in range(3)]
    for waiter in waiters:
        waiter.start()
    os.write(write_end, b"x")
    for waiter in waiters:
        waiter.join(60)
    assert errors == [] and codes == [5, 5, 5]

    pid = os.fork()
    if pid == 0:
        os._exit(4)
    os.waitpid(pid, 0)
    assert _Forked(pid, None).wait() == -1
