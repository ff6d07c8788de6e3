"""Snapshot-suite speed against corpus size: pytest wall time vs the engine's own replay.

    .venv/bin/python benchmarks/suite_speed.py [--sizes 84,1000,5000] [--xdist] [--runs 2]
                                               [--no-profile] [--out FILE.json]

For each size N a scratch project is built in benchmarks/_work/suite-N/ (git-ignored):

  cassettes/<site>/<slug>-copyK.yaml   the shipped cassettes (cassettes/, 84 files), copy
                                       0, 1, 2 ... of each in turn until there are N; real
                                       copies, not hard links: pressguard's in-memory cassette
                                       cache is keyed by (device, inode, mtime, size), so hard
                                       links would share one parsed cassette and hide the YAML
                                       cost
  tests/test_snapshots.py              copied from the repo, unchanged
  pytest.ini                           makes the folder the rootdir, so the pressguard
                                       plugin (entry point) keeps snapshots in ./snapshots

Its snapshots are written once with `pytest --snapshot-update` (not timed; also warms the
page cache). Then, each best of --runs by wall time, in that folder:

  suite       pytest -q -p no:cacheprovider tests/test_snapshots.py
  suite -n 2  the same with pytest-xdist (--xdist), plus a run that records what each
              worker's session fixture replays
  replay      pressguard replay cassettes -q                      (the engine's own replay)
  no-checks   the same replay with the checks and their inputs stubbed out (no generic
              second opinion, no fingerprint, no template baseline, no run_checks): the
              cost of the engine plus the layout extraction
  engine      the same replay with assess() stubbed out: Scrapy engine + cassette parsing

then one instrumented replay (exclusive wall time per component: YAML parse, layout
extraction, generic second opinion, fingerprint, baseline, closest/compare, checks, the
rest = Scrapy engine + CLI) and one instrumented suite run (startup, collection, the
replay subprocess, test calls = syrupy + comparisons, session finish). Stubs and
instrumentation are monkeypatches in a child process; no project file is touched.

CPU time (user+sys of the child processes) is recorded next to each wall time: this
machine is shared, and CPU time is the steadier number when others are busy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work"
SOURCE_CASSETTES = ROOT / "cassettes"
SOURCE_TEST = ROOT / "tests" / "test_snapshots.py"
PYTHON = sys.executable
BUILD_VERSION = 2

PYTEST_INI = """\
[pytest]
testpaths = tests
filterwarnings =
    ignore:\\s*Can not relate snapshot:UserWarning
"""

# Loaded with `-p suite_timing_plugin` (PYTHONPATH=benchmarks/_work) in the instrumented
# suite runs only: where a pytest run's wall time goes, per process (xdist: per worker).
TIMING_PLUGIN = r'''
import json, os, subprocess, time
import pytest

T_IMPORT = time.time()
_state = {"replays": [], "calls": 0.0, "setup": 0.0, "teardown": 0.0, "tests": 0, "first_setup": None}
_real_run = subprocess.run


def _timed_run(cmd, *args, **kwargs):
    t = time.time()
    done = _real_run(cmd, *args, **kwargs)
    if isinstance(cmd, (list, tuple)) and "replay" in cmd:
        yamls = [c for c in cmd if str(c).endswith((".yaml", ".yml"))]
        _state["replays"].append({"seconds": time.time() - t, "cassettes": len(yamls)})
    return done


subprocess.run = _timed_run


def pytest_collection_finish(session):
    _state["collected"] = time.time()
    _state["items"] = len(session.items)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    t = time.time(); yield; d = time.time() - t
    if _state["first_setup"] is None:
        _state["first_setup"] = d
    else:
        _state["setup"] += d


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    t = time.time(); yield; _state["calls"] += time.time() - t; _state["tests"] += 1


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    t = time.time(); yield; _state["teardown"] += time.time() - t


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_sessionfinish(session):
    t = time.time(); yield; _state["sessionfinish"] = time.time() - t


def pytest_unconfigure(config):
    out = os.environ.get("SUITE_TIMING_OUT")
    if not out:
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    t0 = float(os.environ.get("SUITE_T0", T_IMPORT))
    _state.update(worker=worker, t0=t0, t_import=T_IMPORT, t_end=time.time())
    with open(f"{out}.{worker}.json", "w") as fh:
        json.dump(_state, fh)
'''


# A copy of pressguard's pytest plugin whose `pressguard_replay` splits the replay (the
# experiment behind the README's recommendations; the project's plugin is untouched).
# Loaded with `-p no:pressguard -p pg_fast_plugin` (PYTHONPATH=benchmarks/_work).
#   no xdist: PG_JOBS (default: the CPU count) replay subprocesses at once, each given
#             whole site folders (so each site's template baseline is built once), fed
#             largest first to the emptiest shard; a site larger than N/jobs is split.
#   xdist:    the same shards, one per worker; a worker claims its own shard first
#             (O_EXCL claim file in the run's shared temp folder), then any unclaimed one,
#             then waits for the others' reports: each cassette is replayed once in all.
# PG_REPLAY_PREFIX (JSON list) replaces `python -m pressguard.cli` (the fixes child).
FAST_PLUGIN = r"""
import json, os, subprocess, sys, time
from pathlib import Path

import pytest

import pressguard.pytest_plugin as _orig

for _name in dir(_orig):
    if _name != "pressguard_replay" and not _name.startswith("__"):
        globals()[_name] = getattr(_orig, _name)


def _shards(cassettes, n):
    by_site = {}
    for c in cassettes:
        by_site.setdefault(Path(c).parent.name, []).append(c)
    limit = -(-len(cassettes) // n)
    pieces = []
    for site, paths in by_site.items():
        pieces += [paths[i:i + limit] for i in range(0, len(paths), limit)]
    shards = [[] for _ in range(n)]
    for piece in sorted(pieces, key=len, reverse=True):
        min(shards, key=len).extend(piece)
    return [s for s in shards if s]


def _command(report, cassettes, mode):
    prefix = json.loads(os.environ.get("PG_REPLAY_PREFIX") or "null") or [sys.executable, "-m", "pressguard.cli"]
    command = [*prefix, "replay", "-q", "--report", str(report), *cassettes]
    if mode == "none":
        command.append("--block-network")
    return command


def _start(report, cassettes, mode, rootdir):
    return subprocess.Popen(_command(report, cassettes, mode), cwd=rootdir, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _collect(results, report, done_out, done_err):
    if not report.exists():
        pytest.fail(f"pressguard replay did not run: {done_err.strip() or done_out.strip()}", pytrace=False)
    for page in json.loads(report.read_text(encoding="utf-8")):
        results[page["cassette"]] = page


@pytest.fixture(scope="session")
def pressguard_replay(request, tmp_path_factory):
    cassettes = selected_cassettes(request.session)
    if not cassettes:
        return {}
    rootdir = Path(request.config.rootpath)
    mode = request.config.getoption("--record-mode") or "none"  # pytest-recording's option: unset means none
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1)
    results = {}
    if worker and workers > 1:
        shared = tmp_path_factory.getbasetemp().parent / "pressguard-replay"
        shared.mkdir(exist_ok=True)
        shards = _shards(cassettes, workers)
        me = int(worker.lstrip("gw") or 0) % len(shards)
        for k in [*range(me, len(shards)), *range(0, me)]:
            try:
                os.close(os.open(shared / f"shard-{k}.claim", os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                continue
            if mode != "none":
                _record(shards[k], mode, rootdir)
            done = subprocess.run(_command(shared / f"shard-{k}.json", shards[k], mode), cwd=rootdir,
                                  capture_output=True, text=True)
            if not (shared / f"shard-{k}.json").exists():
                (shared / f"shard-{k}.failed").write_text(done.stderr or done.stdout)
        deadline = time.monotonic() + 3600
        for k in range(len(shards)):
            report, failed = shared / f"shard-{k}.json", shared / f"shard-{k}.failed"
            while not report.exists() and not failed.exists():
                if time.monotonic() > deadline:
                    pytest.fail(f"shard {k} of the replay never finished", pytrace=False)
                time.sleep(0.05)
            _collect(results, report, "", failed.read_text() if failed.exists() else "")
        return results
    if mode != "none":
        _record(cassettes, mode, rootdir)
    jobs = int(os.environ.get("PG_JOBS") or 0) or os.cpu_count() or 1
    folder = tmp_path_factory.mktemp("replay")
    running = [(folder / f"report-{k}.json", _start(folder / f"report-{k}.json", shard, mode, rootdir))
               for k, shard in enumerate(_shards(cassettes, jobs))]
    for report, proc in running:
        out, err = proc.communicate()
        _collect(results, report, out, err)
    return results
"""


# --------------------------------------------------------------------------
# building the scratch projects
# --------------------------------------------------------------------------


def source_cassettes() -> list[Path]:
    from pressguard.cassettes import find_cassettes

    return find_cassettes([SOURCE_CASSETTES])


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256(f"v{BUILD_VERSION}".encode())
    for p in paths:
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def build(size: int, rebuild: bool = False) -> Path:
    """benchmarks/_work/suite-N/ with N cassette copies, the suite, a pytest.ini."""
    sources = source_cassettes()
    project = WORK / f"suite-{size}"
    stamp = project / ".built"
    want = f"{size} {_digest(sources + [SOURCE_TEST])}"
    if not rebuild and stamp.exists() and stamp.read_text() == want:
        return project
    if project.exists():
        shutil.rmtree(project)
    (project / "tests").mkdir(parents=True)
    made = 0
    copy = 0
    while made < size:
        for src in sources:
            if made == size:
                break
            dest = project / "cassettes" / src.parent.name / f"{src.stem}-copy{copy}{src.suffix}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
            made += 1
        copy += 1
    shutil.copy2(SOURCE_TEST, project / "tests" / "test_snapshots.py")
    (project / "pytest.ini").write_text(PYTEST_INI)
    stamp.write_text(want)
    return project


# --------------------------------------------------------------------------
# running and timing
# --------------------------------------------------------------------------


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


#: a frozen copy of the code under test (see --code), put first on PYTHONPATH
CODE_PATH: str | None = None


def freeze_code(ref: str) -> tuple[str | None, str]:
    """`git archive REF pressguard spiders` into benchmarks/_work/code-<sha>/ (others may be
    editing the work tree while this runs); "worktree" measures the files as they are."""
    if ref == "worktree":
        return None, "worktree"
    sha = subprocess.run(["git", "rev-parse", "--short", ref], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    folder = WORK / f"code-{sha}"
    if not (folder / "pressguard" / "__init__.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha, "pressguard", "spiders"], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return str(folder), sha


def run(cmd: list[str], cwd: Path, env: dict | None = None, check: bool = True) -> dict:
    full_env = {**os.environ, **(env or {})}
    if CODE_PATH:
        full_env["PYTHONPATH"] = os.pathsep.join(p for p in (full_env.get("PYTHONPATH"), CODE_PATH) if p)
    full_env["SUITE_T0"] = repr(time.time())
    load = os.getloadavg()[0]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    # pytest's 1 (some tests failed) and replay's 1 (a check failed) still timed the whole
    # job: the project's code is what it is; the failures are reported in "tail"
    if check and done.returncode not in (0, 1):
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd[:8])} ... in {cwd}")
    # load: the 1-minute load average when the run started (this machine is shared)
    return {"wall": wall, "cpu": cpu, "rc": done.returncode, "tail": tail, "load": round(load, 1)}


def best_of(runs: int, cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    results = [run(cmd, cwd, env) for _ in range(runs)]
    best = min(results, key=lambda r: r["wall"])
    return {**best, "walls": [round(r["wall"], 2) for r in results], "cpus": [round(r["cpu"], 2) for r in results],
            "loads": [r["load"] for r in results]}


def pressguard_cmd() -> list[str]:
    script = Path(PYTHON).parent / "pressguard"
    return [str(script)] if script.exists() else [PYTHON, "-m", "pressguard.cli"]


PYTEST = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_snapshots.py"]


def suite_timing(project: Path, extra: list[str], tag: str) -> dict:
    """One instrumented pytest run: per-process breakdown from suite_timing_plugin."""
    (WORK / "suite_timing_plugin.py").write_text(TIMING_PLUGIN)
    out = WORK / f"timing-{project.name}-{tag}"
    for old in WORK.glob(f"{out.name}.*.json"):
        old.unlink()
    env = {"PYTHONPATH": str(WORK), "SUITE_TIMING_OUT": str(out)}
    outer = run(PYTEST + ["-p", "suite_timing_plugin", *extra], project, env)
    procs = {}
    for path in sorted(WORK.glob(f"{out.name}.*.json")):
        s = json.loads(path.read_text())
        replay = sum(r["seconds"] for r in s["replays"])
        procs[s["worker"]] = {
            "startup_to_plugin": round(s["t_import"] - s["t0"], 2),
            "collection": round(s.get("collected", s["t_import"]) - s["t_import"], 2),
            "replay_subprocess": round(replay, 2),
            "replayed_cassettes": [r["cassettes"] for r in s["replays"]],
            # every test's setup, less the replay subprocess (run in whichever test's
            # setup first asked for pressguard_replay)
            "setups": round(s["setup"] + (s["first_setup"] or 0) - replay, 2),
            "test_calls": round(s["calls"], 2),
            "teardowns": round(s["teardown"], 2),
            "tests_run": s["tests"],
            "items_collected": s.get("items", 0),
            "sessionfinish": round(s.get("sessionfinish", 0.0), 2),
            "process_wall": round(s["t_end"] - s["t0"], 2),
        }
    return {"wall": round(outer["wall"], 2), "cpu": round(outer["cpu"], 2), "processes": procs}


# --------------------------------------------------------------------------
# the instrumented / stubbed replay (a child process, runs in the project folder)
# --------------------------------------------------------------------------


class Prof:
    """Exclusive CPU time per wrapped function (process_time: steadier than wall on a
    shared machine; the replay is single-threaded); calls inside the template baseline
    are labelled apart."""

    def __init__(self):
        self.excl: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.stack: list[float] = []
        self.in_baseline = 0

    def wrap(self, name: str, fn):
        def wrapper(*args, **kwargs):
            label = f"baseline.{name}" if self.in_baseline and name != "template_baseline" else name
            self.stack.append(0.0)
            if name == "template_baseline":
                self.in_baseline += 1
            t = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.process_time() - t
                if name == "template_baseline":
                    self.in_baseline -= 1
                inner = self.stack.pop()
                self.excl[label] = self.excl.get(label, 0.0) + elapsed - inner
                self.calls[label] = self.calls.get(label, 0) + 1
                if self.stack:
                    self.stack[-1] += elapsed

        return wrapper


# -- candidate fixes, applied as monkeypatches (SUITE_FIXES=closest,boilerplate,baseline,parse) --


def fix_closest(A) -> None:
    """closest(): stop at the first recorded fingerprint that compares equal, and compare
    each fingerprint once. Same answer as min() (the first of the minimal ones); most
    pages match one of the first few."""
    if hasattr(A, "TemplateBaseline"):  # lazy baseline (41d5b30 on)

        def lazy_closest(self, current):
            best, best_n = None, None
            for fp in self.fingerprints:
                n = len(A.compare(fp, current))
                if best_n is None or n < best_n:
                    best, best_n = fp, n
                    if n == 0:
                        return best
            while (best is None or best_n) and self._pending:
                recorded = self._fingerprint(self._pending.pop(0))
                if recorded is None:
                    continue
                self.fingerprints.append(recorded)
                n = len(A.compare(recorded, current))
                if best is None or n < best_n:
                    best, best_n = recorded, n
            return best

        A.TemplateBaseline.closest = lazy_closest
        return

    def closest(recorded, current):
        best, best_n = None, None
        for fp in recorded or ():
            n = len(A.compare(fp, current))
            if best_n is None or n < best_n:
                best, best_n = fp, n
                if n == 0:
                    break
        return best

    A.closest = closest


def fix_boilerplate(checks) -> None:
    """check_boilerplate: search the lower-cased paragraph with case-sensitive copies of
    the patterns first (re.I defeats sre's literal fast paths), and run the original
    pattern only on a paragraph that matched. Same verdicts and excerpts."""
    import re

    lowered = [re.compile(p.replace("[A-Z]", "[a-z]"), re.M) for _, p in checks.BOILERPLATE]
    original = checks._RUN["boilerplate"]

    def check_boilerplate(c):
        if _bio_possible(c) or any(pat.search(low) for low in (p.lower() for p in c.body) for pat in lowered):
            return original(c)
        return "ok"

    def _bio_possible(c):  # the author-bio rule needs no pattern hit: keep its exact test
        first_names = {a.split()[0] for a in c.item.get("authors") or [] if isinstance(a, str) and a.split()}
        return any(para.split(" ", 1)[0] in first_names for para in c.body)

    checks._RUN["boilerplate"] = check_boilerplate


def fix_baseline(A, paths: list[str]) -> None:
    """The template baseline served from a cache (what a persistent fingerprint cache, or
    fingerprints stored in the cassettes at record time, would give): computed here before
    the timed replay."""
    from pressguard.cassettes import find_cassettes

    if hasattr(A, "TemplateBaseline"):
        return  # lazy baseline: nothing fixed to precompute (its cost is in the profile)
    cassettes_dir = "cassettes"
    for site in sorted({p.parent.name for p in find_cassettes(paths)}):
        A.template_baseline(cassettes_dir, site)


def fix_parse() -> None:
    """One lexbor parse shared by the steps that parse the same page in a row (layout
    extraction and generic second opinion parse the body bytes; fingerprint and the checks'
    PageHints parse the decoded text): a one-entry memo per call site, so 2 parses per page
    instead of 4. The trees are only read (nothing in extract/, fingerprint or checks
    mutates them). A real fix would parse once in assess() and pass the tree down
    (Page(tree=...), fingerprint(tree=...) exist already), saving 3 of 4."""
    import pressguard.extract.page as P
    import pressguard.fingerprint as F

    def memo(real):
        last: list = [None, None]

        def parser(data, *args, **kwargs):
            if args or kwargs:
                return real(data, *args, **kwargs)
            if last[0] is not None and type(last[0]) is type(data) and last[0] == data:
                return last[1]
            tree = real(data)
            last[0], last[1] = data, tree
            return tree

        return parser

    P.LexborHTMLParser = memo(P.LexborHTMLParser)
    F.LexborHTMLParser = memo(F.LexborHTMLParser)


def child(variant: str, out: str, argv: list[str]) -> int:
    cpu_start = time.process_time()  # interpreter start-up and this script's own imports
    t0 = time.perf_counter()
    import pressguard.assess as A
    import pressguard.cassettes as C
    import pressguard.checks as checks
    import pressguard.cli as cli
    import pressguard.handler as H
    import pressguard.runner as runner

    t_import = time.perf_counter() - t0
    import_cpu = time.process_time() - cpu_start
    argv = argv or ["replay", "-q", "cassettes"]
    fixes = [f for f in os.environ.get("SUITE_FIXES", "").split(",") if f]
    if "closest" in fixes:
        fix_closest(A)
    if "boilerplate" in fixes:
        fix_boilerplate(checks)
    if "parse" in fixes:
        fix_parse()
    precompute = time.process_time()
    if "baseline" in fixes:
        fix_baseline(A, [a for a in argv[1:] if not a.startswith("-") and not a.endswith(".json")])
    precompute = time.process_time() - precompute
    reactor = os.environ.get("SUITE_REACTOR")
    if reactor:
        settings = runner.project_settings

        def project_settings(overrides=None):
            return settings({**(overrides or {}), "TWISTED_REACTOR": reactor})

        runner.project_settings = project_settings
    prof = Prof()
    lazy = hasattr(A, "TemplateBaseline")
    if variant == "profile":
        for name in ("extract_article", "extract_generic", "fingerprint", "run_checks", "compare"):
            setattr(A, name, prof.wrap(name, getattr(A, name)))
        A.assess = prof.wrap("assess", A.assess)
        if lazy:  # fingerprinting a recorded page = "baseline"; closest() = compare loop
            A.TemplateBaseline._fingerprint = prof.wrap("template_baseline", A.TemplateBaseline._fingerprint)
            A.TemplateBaseline.closest = prof.wrap("closest", A.TemplateBaseline.closest)
        else:
            A.closest = prof.wrap("closest", A.closest)
            A.template_baseline = prof.wrap("template_baseline", A.template_baseline)
        C.open_cassette = prof.wrap("yaml_parse", C.open_cassette)
        H.CassetteDownloadHandler._replay = prof.wrap("handler_play", H.CassetteDownloadHandler._replay)
        cli._replay = prof.wrap("cli_replay", cli._replay)
    elif variant == "no-checks":
        A.extract_generic = lambda *a, **k: None
        A.fingerprint = lambda *a, **k: {}
        A.template_baseline = (lambda *a, **k: None) if lazy else (lambda *a, **k: ())
        A.run_checks = lambda *a, **k: {}
    elif variant == "engine":
        A.assess = lambda html, url, **k: ({"url": url, "checks": {}}, {})
    elif variant != "full":
        raise SystemExit(f"unknown variant {variant}")
    t1, c1 = time.perf_counter(), time.process_time()
    code = cli.main(argv)
    report = {
        "variant": variant,
        "fixes": fixes,
        "code": code,
        "import": t_import,
        "cpu_start": cpu_start,
        "import_cpu": import_cpu,
        "precompute_cpu": precompute,
        "main": time.perf_counter() - t1,
        "main_cpu": time.process_time() - c1,
        "excl": prof.excl,
        "calls": prof.calls,
    }
    if out:
        Path(out).write_text(json.dumps(report))
    return code


def child_run(variant: str, out: Path, project: Path, env: dict | None = None) -> tuple[dict, dict]:
    """Run the child; its report, fresh (a crashed child must not leave an old one)."""
    if out.exists():
        out.unlink()
    outer = run(child_cmd(variant, out), project, env)
    if not out.exists():
        raise SystemExit(f"the {variant} child wrote no report ({outer['tail']})")
    return outer, json.loads(out.read_text())


def child_cmd(variant: str, out: Path, replay_args: list[str] | None = None) -> list[str]:
    return [PYTHON, str(Path(__file__).resolve()), "--child", variant, "--child-out", str(out), "--",
            *(replay_args or ["replay", "-q", "cassettes"])]


def replay_profile(project: Path, size: int, fixes: str = "") -> dict:
    """Where the replay's CPU time goes, per component (exclusive CPU seconds)."""
    out = WORK / f"profile-{project.name}.json"
    outer, p = child_run("profile", out, project, {"SUITE_FIXES": fixes})
    excl = dict(p["excl"])
    in_replay = excl.pop("cli_replay", 0.0)  # cli._replay's own share: Scrapy engine, CLI
    measured = sum(excl.values())
    parts = {
        "YAML parse, vcrpy Cassette.load (replay)": excl.get("yaml_parse", 0.0),
        "YAML parse (template baseline)": excl.get("baseline.yaml_parse", 0.0),
        "handler: vcrpy match + Response": excl.get("handler_play", 0.0),
        "layout extraction (extract_article)": excl.get("extract_article", 0.0),
        "generic second opinion (extract_generic)": excl.get("extract_generic", 0.0),
        "fingerprint": excl.get("fingerprint", 0.0),
        "template baseline: extract + fingerprint of recorded pages": sum(
            v for k, v in excl.items() if k.startswith("baseline.") and k != "baseline.yaml_parse"
        ) + excl.get("template_baseline", 0.0),
        "closest(): compare() with each baseline fingerprint": excl.get("closest", 0.0) + excl.get("compare", 0.0),
        "checks (run_checks)": excl.get("run_checks", 0.0),
        "assess() glue": excl.get("assess", 0.0),
        # cli.main minus everything above: Scrapy (crawlers, engine, middlewares,
        # scheduler, signals), the CLI's grouping and summary
        "Scrapy engine + CLI (the rest of cli.main)": p["main_cpu"] - measured,
        "imports (pressguard, scrapy, spiders)": p["import_cpu"],
        "interpreter start-up + exit": max(0.0, outer["cpu"] - p["main_cpu"] - p["import_cpu"]
                                           - p.get("precompute_cpu", 0.0)),
    }
    return {
        "wall": round(outer["wall"], 2),
        "cpu": round(outer["cpu"], 2),
        "unit": "CPU seconds (process_time); per_cassette_ms = CPU ms per cassette",
        "parts_s": {k: round(v, 3) for k, v in parts.items()},
        "per_cassette_ms": {k: round(1000 * v / size, 2) for k, v in parts.items()},
        "calls": p["calls"],
    }


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def machine() -> dict:
    def version(pkg):
        from importlib.metadata import PackageNotFoundError, version as v

        try:
            return v(pkg)
        except PackageNotFoundError:
            return None

    git = lambda *a: subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout.strip()  # noqa: E731
    return {
        "nproc": os.cpu_count(),
        "cpu": next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name")), platform.processor()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_start": os.getloadavg(),
        "versions": {p: version(p) for p in ("pytest", "syrupy", "scrapy", "twisted", "vcrpy", "pyyaml",
                                             "selectolax", "pytest-xdist")},
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty_files": len(git("status", "--porcelain").splitlines()),
    }


def measure(size: int, args) -> dict:
    t_start = time.perf_counter()
    project = build(size, args.rebuild)
    log(f"[{size}] project {project.relative_to(ROOT)}; writing snapshots (untimed)")
    run([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--snapshot-update", "tests/test_snapshots.py"],
        project, check=False)
    r: dict = {"size": size}
    log(f"[{size}] suite x{args.runs}")
    r["suite"] = best_of(args.runs, PYTEST, project)
    log(f"[{size}]   {r['suite']['walls']} s  ({r['suite']['tail']})")
    r["replay"] = best_of(args.runs, pressguard_cmd() + ["replay", "cassettes", "-q"], project)
    log(f"[{size}] replay {r['replay']['walls']} s  ({r['replay']['tail']})")
    sec_runs = 1 if args.light else args.runs
    for variant in ("no-checks", "engine"):
        r[variant] = best_of(sec_runs, child_cmd(variant, WORK / f"variant-{size}.json"), project)
        log(f"[{size}] {variant} {r[variant]['walls']} s")
    if args.xdist and not args.light:  # the plugin as it is: every worker replays all
        r["suite_xdist"] = best_of(args.runs, PYTEST + ["-n", "2"], project)
        log(f"[{size}] suite -n 2 {r['suite_xdist']['walls']} s  ({r['suite_xdist']['tail']})")
    if not args.no_profile:
        r["replay_profile"] = replay_profile(project, size)
        log(f"[{size}] replay profile {r['replay_profile']['wall']:.1f} s")
        if args.experiments:
            r["replay_profile_fixed"] = replay_profile(project, size, ALL_FIXES)
            log(f"[{size}] replay profile, fixes {r['replay_profile_fixed']['wall']:.1f} s")
        r["suite_timing"] = suite_timing(project, [], "serial")
        log(f"[{size}] suite timing {r['suite_timing']['wall']:.1f} s")
        if args.xdist and not args.light:
            r["suite_timing_xdist"] = suite_timing(project, ["-n", "2"], "xdist")
            log(f"[{size}] suite -n 2 timing {r['suite_timing_xdist']['wall']:.1f} s")
    if args.experiments:
        r["experiments"] = experiments(project, size, args)
    r["per_cassette_ms"] = {
        k: round(1000 * r[k]["wall"] / size, 1)
        for k in ("suite", "suite_xdist", "replay", "no-checks", "engine") if k in r
    }
    r["per_cassette_cpu_ms"] = {
        k: round(1000 * r[k]["cpu"] / size, 1)
        for k in ("suite", "suite_xdist", "replay", "no-checks", "engine") if k in r
    }
    r["benchmark_seconds"] = round(time.perf_counter() - t_start, 1)
    return r


ALL_FIXES = "closest,boilerplate,baseline,parse"


def experiments(project: Path, size: int, args) -> dict:
    """The recommendations, measured: the fixes as monkeypatches in the replay child, the
    split replay as a copy of the plugin (FAST_PLUGIN); nothing in the project changes."""
    fast = ["-p", "no:pressguard", "-p", "pg_fast_plugin"]
    fixes_prefix = json.dumps([PYTHON, str(Path(__file__).resolve()), "--child", "full", "--child-out", "", "--"])
    base_env = {"PYTHONPATH": str(WORK)}
    with_fixes = {**base_env, "PG_REPLAY_PREFIX": fixes_prefix, "SUITE_FIXES": ALL_FIXES}
    plan = [
        # name, command, env
        ("replay, fixes", child_cmd("full", WORK / "x.json"), {"SUITE_FIXES": ALL_FIXES}),
        ("suite, fixes", PYTEST + fast, {**with_fixes, "PG_JOBS": "1"}),
        ("suite, split replay x2", PYTEST + fast, {**base_env, "PG_JOBS": "2"}),
        ("suite, split replay x2, fixes", PYTEST + fast, {**with_fixes, "PG_JOBS": "2"}),
    ]
    if args.xdist:
        plan += [
            ("suite -n 2, shared shards", PYTEST + fast + ["-n", "2"], base_env),
            ("suite -n 2, shared shards, fixes", PYTEST + fast + ["-n", "2"], with_fixes),
        ]
    if args.light:  # the serial and fix-free variants are measured at the smaller sizes
        plan = [step for step in plan if step[0] in (
            "suite, split replay x2", "suite, split replay x2, fixes", "suite -n 2, shared shards, fixes")]
    out = {}
    sec_runs = 1 if args.light else args.runs
    for name, cmd, env in plan:
        res = best_of(sec_runs, cmd, project, env)
        res["per_cassette_ms"] = round(1000 * res["wall"] / size, 1)
        res["per_cassette_cpu_ms"] = round(1000 * res["cpu"] / size, 1)
        out[name] = res
        log(f"[{size}] {name}: {res['walls']} s wall, {res['cpus']} s cpu  ({res['tail']})")
    # in-process replay CPU per fix (cli.main only, no interpreter/imports)
    single = {}
    for fixes in () if args.light else ("", ALL_FIXES):  # per fix: replay_profile_fixed, per component
        runs = []
        for _ in range(sec_runs):
            runs.append(child_run("full", WORK / "fix.json", project, {"SUITE_FIXES": fixes})[1])
        best = min(runs, key=lambda d: d["main_cpu"])
        single[fixes or "none"] = {"main_cpu": round(best["main_cpu"], 2), "main_wall": round(best["main"], 2),
                                   "per_cassette_cpu_ms": round(1000 * best["main_cpu"] / size, 1)}
    out["in-process replay CPU by fix"] = single
    if single:
        log(f"[{size}] fixes in-process: {single}")
    if args.xdist and not args.no_profile:
        (WORK / "pg_fast_plugin.py").write_text(FAST_PLUGIN)
        out["suite -n 2, shared shards: timing"] = suite_timing(project, fast + ["-n", "2"], "xdist-shared")
    return out


def tables(results: list[dict]) -> str:
    """Markdown tables for README-suite.md from one or more result files."""
    rows = sorted((r for res in results for r in res["sizes"]), key=lambda r: r["size"])
    out = ["| cassettes | suite wall (s) | suite CPU (s) | suite -n 2 wall (s) | suite -n 2 CPU (s) "
           "| replay wall (s) | no-checks replay (s) | engine-only replay (s) | suite ms/cassette "
           "| replay ms/cassette | suite -n 2 ms/cassette |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def cell(r, k, key="wall"):
        return f"{r[k][key]:.1f}" if k in r else "–"

    for r in rows:
        n = r["size"]
        per = lambda k: f"{1000 * r[k]['wall'] / n:.1f}" if k in r else "–"  # noqa: E731
        out.append(f"| {n} | {cell(r, 'suite')} | {cell(r, 'suite', 'cpu')} | {cell(r, 'suite_xdist')} "
                   f"| {cell(r, 'suite_xdist', 'cpu')} | {cell(r, 'replay')} | {cell(r, 'no-checks')} "
                   f"| {cell(r, 'engine')} | {per('suite')} | {per('replay')} | {per('suite_xdist')} |")
    prof = [(r, key) for r in rows for key in ("replay_profile", "replay_profile_fixed") if key in r]
    if prof:
        heads = [f"{r['size']}" + (", fixes" if key.endswith("fixed") else "") for r, key in prof]
        out += ["", "| replay component, CPU ms per cassette | " + " | ".join(heads) + " |",
                "|---|" + "---:|" * len(prof)]
        for part in prof[0][0]["replay_profile"]["per_cassette_ms"]:
            out.append(f"| {part} | " + " | ".join(f"{r[key]['per_cassette_ms'].get(part, 0):.2f}"
                                               for r, key in prof) + " |")
        out.append("| **sum (= replay process CPU)** | " + " | ".join(
            f"{sum(r[key]['per_cassette_ms'].values()):.1f}" for r, key in prof) + " |")
    timed = [r for r in rows if "suite_timing" in r]
    if timed:
        keys = ["startup_to_plugin", "collection", "replay_subprocess", "setups", "test_calls", "teardowns",
                "sessionfinish", "process_wall"]
        for r in timed:  # older result files: setups without the first one, which held the replay
            main = r["suite_timing"]["processes"]["main"]
            if "first_setup_other" in main:
                main["setups"] = round(main["setups"] + main.pop("first_setup_other"), 2)
        out += ["", "| pytest process, wall s | " + " | ".join(str(r["size"]) for r in timed) + " |",
                "|---|" + "---:|" * len(timed)]
        for k in keys:
            out.append(f"| {k} | " + " | ".join(f"{r['suite_timing']['processes']['main'][k]:.2f}"
                                             for r in timed) + " |")
    exp = [r for r in rows if "experiments" in r]
    if exp:
        names = [k for k in exp[0]["experiments"] if isinstance(exp[0]["experiments"][k], dict)
                 and "wall" in exp[0]["experiments"][k] and "processes" not in exp[0]["experiments"][k]]
        out += ["", "| experiment: wall s (CPU s) | " + " | ".join(str(r["size"]) for r in exp) + " |",
                "|---|" + "---:|" * len(exp)]
        out.append("| suite as it is | " + " | ".join(f"{r['suite']['wall']:.1f} ({r['suite']['cpu']:.1f})"
                                                    for r in exp) + " |")
        for k in names:
            out.append(f"| {k} | " + " | ".join(
                f"{r['experiments'][k]['wall']:.1f} ({r['experiments'][k]['cpu']:.1f})" if k in r["experiments"]
                else "–" for r in exp) + " |")
        out += ["", "| in-process replay CPU, ms/cassette, by fix | " + " | ".join(str(r["size"]) for r in exp)
                + " |", "|---|" + "---:|" * len(exp)]
        fixes = list(exp[0]["experiments"]["in-process replay CPU by fix"])
        for k in fixes:
            out.append(f"| {k} | " + " | ".join(
                f"{r['experiments']['in-process replay CPU by fix'][k]['per_cassette_cpu_ms']:.1f}"
                if k in r["experiments"]["in-process replay CPU by fix"] else "–" for r in exp) + " |")
    return "\n".join(out)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="84,1000,5000", help="corpus sizes (default: 84,1000,5000)")
    parser.add_argument("--xdist", action="store_true", help="also time pytest -n 2 (needs pytest-xdist)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs per command, best kept (default: 2)")
    parser.add_argument("--no-profile", action="store_true", help="skip the instrumented runs")
    parser.add_argument("--experiments", action="store_true",
                        help="also measure the recommended fixes (monkeypatched copies; see README-suite.md)")
    parser.add_argument("--light", action="store_true",
                        help="for big sizes: one run of everything but the suite and the replay, no "
                             "plain -n 2 (it replays everything per worker), fixes only all-or-none")
    parser.add_argument("--table", nargs="+", metavar="RESULTS.json",
                        help="print the README tables from result files and exit")
    parser.add_argument("--profile-only", action="store_true",
                        help="only the instrumented runs; merged into --out if it holds that size")
    parser.add_argument("--code", default="HEAD",
                        help="git ref whose pressguard/ and spiders/ are measured, frozen in _work "
                             "(default: HEAD); 'worktree' for the files as they are now")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the scratch projects")
    parser.add_argument("--out", default=str(WORK / "suite_speed.json"), help="results JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-out", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.child_out, args.paths)
    if args.table:
        print(tables([json.loads(Path(p).read_text()) for p in args.table]))
        return 0
    if args.xdist:
        try:
            import xdist  # noqa: F401
        except ImportError:
            raise SystemExit("--xdist needs pytest-xdist: .venv/bin/pip install pytest-xdist") from None
    WORK.mkdir(exist_ok=True)
    global CODE_PATH
    CODE_PATH, code = freeze_code(args.code)
    (WORK / "suite_timing_plugin.py").write_text(TIMING_PLUGIN)
    (WORK / "pg_fast_plugin.py").write_text(FAST_PLUGIN)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {"machine": machine(), "code": code, "runs": args.runs, "sizes": []}
    if args.profile_only and Path(args.out).exists():
        results = json.loads(Path(args.out).read_text())
    for size in sizes:
        if args.profile_only:
            project = build(size, args.rebuild)
            entry = next((r for r in results["sizes"] if r["size"] == size), None)
            if entry is None:
                entry = {"size": size}
                results["sizes"].append(entry)
            entry["replay_profile"] = replay_profile(project, size)
            entry["replay_profile_fixed"] = replay_profile(project, size, ALL_FIXES)
            entry["suite_timing"] = suite_timing(project, [], "serial")
            log(f"[{size}] profile {entry['replay_profile']['cpu']} s cpu")
            Path(args.out).write_text(json.dumps(results, indent=1))
            continue
        results["sizes"].append(measure(size, args))
        Path(args.out).write_text(json.dumps(results, indent=1))
    print(json.dumps([{"size": r["size"], **r.get("per_cassette_ms", {})} for r in results["sizes"]], indent=1))
    log(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
