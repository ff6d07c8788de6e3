"""What `pressguard replay` pays for per cassette and per process.

Each cassette file is read once, even when the cassette cache cannot hold every site at
once: a site's first page reads all of its cassettes (the site profile, the template
baseline), so the sites are replayed one after another, each right behind that reading,
instead of side by side. With -j N the shards do not import Scrapy and the extractors
again: on Linux they are forked from the command's process, which has them loaded."""

import json
import os
import shutil
import sys

import pytest

from conftest import ROOT

SITES = ("destructoid", "gamepur", "wegotthiscovered")

# Counts every open of a cassette file (a parse: the cassette cache itself only stats
# files) and shrinks the cassette cache to about one site's cassettes, as a 1,000-cassette
# corpus has it with the default 16 MB.
COUNT_OPENS = """
import atexit, collections, json, os, sys

from pressguard.cassettes import store

store.CACHE = store.CassetteCache(max_bytes={budget})
opened = collections.Counter()

def _count(event, args):
    path = os.path.abspath(str(args[0])) if event == "open" else ""
    if path.endswith(".yaml") and "/cassettes/" in path:  # the spider's names are relative
        opened[path] += 1

sys.addaudithook(_count)
atexit.register(lambda: open({out!r}, "w").write(json.dumps(opened)))
"""


def test_each_cassette_is_read_once_when_the_cache_holds_one_site(cli, tmp_path):
    sizes = {}
    for site in SITES:
        shutil.copytree(ROOT / "cassettes" / site, tmp_path / "cassettes" / site)
        sizes[site] = sum(p.stat().st_size for p in (tmp_path / "cassettes" / site).glob("*.yaml"))
    budget = max(sizes.values()) + 50_000
    assert budget < sum(sorted(sizes.values())[:2])  # no two sites fit together
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    counts = tmp_path / "opened.json"
    (hooks / "sitecustomize.py").write_text(COUNT_OPENS.format(budget=budget, out=str(counts)))
    # a PYTHONPATH already set stays behind the hook (to run the test against another checkout)
    path = os.pathsep.join([str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])])
    result = cli("replay", "-j", "1", "-q", "cassettes", cwd=tmp_path, env={"PYTHONPATH": path})
    assert result.returncode == 0, result.stdout + result.stderr
    cassettes = sorted(str(p) for p in (tmp_path / "cassettes").rglob("*.yaml"))
    assert f"replayed {len(cassettes)} cassettes: {len(cassettes)} articles" in result.stdout
    opened = json.loads(counts.read_text())
    assert sorted(opened) == cassettes
    assert {path: n for path, n in opened.items() if n != 1} == {}


# Records which processes load a module (the audit event fires once per process that
# really imports it, not for an import already in sys.modules).
RECORD_IMPORTS = """
import os, sys

def _record(event, args):
    if event == "import" and args[0] in {modules!r}:
        with open({out!r}, "a") as log:
            log.write(f"{{os.getpid()}} {{args[0]}}\\n")

sys.addaudithook(_record)
"""


def test_shards_do_not_import_scrapy_and_the_extractors_again(cli, tmp_path):
    if not (hasattr(os, "fork") and sys.platform.startswith("linux")):
        pytest.skip("shards are spawned, not forked, off Linux")
    for site in SITES:
        shutil.copytree(ROOT / "cassettes" / site, tmp_path / "cassettes" / site)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    loads = tmp_path / "imports.log"
    modules = ("scrapy.crawler", "pressguard.verdict.checks", "pressguard.extract.generic")
    (hooks / "sitecustomize.py").write_text(RECORD_IMPORTS.format(modules=set(modules), out=str(loads)))
    path = os.pathsep.join([str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])])
    result = cli("replay", "-j", "2", "-q", "--report", "report.json", "cassettes", cwd=tmp_path,
                 env={"PYTHONPATH": path})
    assert result.returncode == 0, result.stdout + result.stderr
    cassettes = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "cassettes").rglob("*.yaml"))
    report = json.loads((tmp_path / "report.json").read_text())
    assert [r["cassette"] for r in report] == cassettes and all(r["item"] for r in report)
    by_module: dict[str, set] = {}
    for line in loads.read_text().splitlines():
        pid, module = line.split()
        by_module.setdefault(module, set()).add(pid)
    assert sorted(by_module) == sorted(modules)
    assert {module: len(pids) for module, pids in by_module.items()} == dict.fromkeys(modules, 1)


# Interrupts the replay (as Ctrl-C would) when the first site's second cassette is opened.
INTERRUPT_ON_OPEN = """
import os, signal, sys

fired = []

def _interrupt(event, args):
    if event == "open" and not fired and str(args[0]).endswith({name!r}):
        fired.append(True)
        os.kill(os.getpid(), signal.SIGINT)

sys.addaudithook(_interrupt)
"""


def test_an_interrupted_replay_starts_no_further_site_and_names_their_cassettes(cli, tmp_path):
    for site in SITES:
        shutil.copytree(ROOT / "cassettes" / site, tmp_path / "cassettes" / site)
    first = sorted((tmp_path / "cassettes" / SITES[0]).glob("*.yaml"))[1].name
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(INTERRUPT_ON_OPEN.format(name=f"/{SITES[0]}/{first}"))
    path = os.pathsep.join([str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])])
    result = cli("replay", "-j", "1", "--report", "report.json", "cassettes", cwd=tmp_path, env={"PYTHONPATH": path})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    cassettes = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "cassettes").rglob("*.yaml"))
    assert [r["cassette"] for r in report] == cassettes  # one result each, nothing lost
    for result in report:
        site = result["cassette"].split("/")[1]
        if site != SITES[0]:  # never started: named, not replayed
            assert result["item"] is None
            assert result["error"] == (f"{result['cassette']}: not replayed: the run was stopped before "
                                       f"spider {site}'s turn; run it again")
