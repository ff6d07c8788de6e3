"""Replay spread over processes: cassettes split into shards by site, results merged in cassette order.

Twisted's reactor runs once per process, so using N cores means N processes.
`plan()` splits the cassettes into at most N shards, a site's cassettes kept
together (its template baseline and profile are then built once); a site larger
than an even share (total / N) is cut into contiguous pieces of at most that
share, since the baseline reads the site's folder whatever the run holds, the
pieces give the same items, each piece paying for the baseline once. Each shard
runs in its own process (`run_shards`), which sends every page's result on a pipe as
one JSON line as soon as it has it. On Linux a shard is forked from the command's
process once Scrapy and the extractors are imported there, so it starts with them
loaded instead of importing them again (most of a shard's start-up); elsewhere it is a
fresh `python -m pressguard.scrapy.shards`.

`InOrder` turns results arriving in any order into results in cassette order,
exactly one per cassette: a result waits in a temporary file (not memory) until
its cassette's run is over and every earlier cassette is out, so memory stays
flat whatever the corpus size. A shard that dies names each cassette it had not
answered as a failure; nothing is lost.
"""

from __future__ import annotations

import gc
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from math import ceil
from pathlib import Path

from ..cassettes.store import CACHE, first_url, site_of_cassette
from ..sites import site_for_url

# Below about this many cassettes per process, a process's start (importing
# Scrapy and the extractors, building its sites' baselines: about a second on
# the 2-core machine of benchmarks/README-speed.md) costs more than the core it
# adds; the default number of processes keeps each shard at least this big.
MIN_SHARD = 150

Run = tuple[str, list[str]]  # (spider name, cassette paths)


def default_jobs(cassettes: int) -> int:
    """The number of CPUs, fewer when the run is too small for each to pay off."""
    return max(1, min(os.cpu_count() or 1, cassettes // MIN_SHARD))


def group_by_site(cassettes: list[Path], spiders: set[str]) -> dict[str, list[Path]]:
    """The cassettes by the spider that replays them (plan's groups): each goes to its
    folder's spider, else its URL's site, else generic."""
    groups: dict[str, list[Path]] = {}
    for path in cassettes:
        site = site_of_cassette(path)
        if site not in spiders:
            try:
                known = site_for_url(first_url(CACHE.get(path)))
            except Exception:  # noqa: BLE001 - the spider reports the cassette's problem
                known = None
            site = known.name if known and known.name in spiders else "generic"
        groups.setdefault(site, []).append(path)
    return groups


def plan(groups: dict[str, list[Path | str]], jobs: int) -> list[list[Run]]:
    """Shards of (site, cassettes) runs: sites whole unless larger than total/jobs,
    balanced by cassette count (largest first onto the lightest shard)."""
    total = sum(len(paths) for paths in groups.values())
    jobs = max(1, min(jobs, total))
    if jobs == 1:
        return [[(site, [str(p) for p in paths]) for site, paths in sorted(groups.items())]] if total else []
    share = ceil(total / jobs)
    pieces = []  # (site, cassettes)
    for site, paths in sorted(groups.items()):
        paths = [str(p) for p in paths]
        pieces.extend((site, paths[i:i + share]) for i in range(0, len(paths), share))  # a share each, the rest
    shards: list[dict[str, list[str]]] = [{} for _ in range(jobs)]
    loads = [0] * jobs
    for site, paths in sorted(pieces, key=lambda piece: -len(piece[1])):  # stable: site order on ties
        lightest = loads.index(min(loads))
        shards[lightest].setdefault(site, []).extend(paths)  # two pieces in one shard: one run
        loads[lightest] += len(paths)
    # each shard's runs in site order, its cassettes in the order given, as one process runs them
    order = {path: i for i, path in enumerate(p for _, ps in sorted(pieces) for p in ps)}
    return [
        [(site, sorted(paths, key=order.__getitem__)) for site, paths in sorted(shard.items())]
        for shard in shards if shard
    ]


def short_last_runs(shards: list[list[Run]], size: int) -> list[list[Run]]:
    """The shards with each one's last run cut into runs of at most size cassettes, in order.
    A run's results are final only once it is over (InOrder), so whoever takes them in
    cassette order (the pytest plugin's tests) gets each shard's last run whole, at the end:
    at 1,000 cassettes, a site of about 100 cassettes per shard, all of whose tests ran after
    the replay. Cut, the last pieces' tests are all that is left then. A piece costs one more
    crawl (the site's baseline and profile are built once a process: about 20 ms); its items
    are the same (as plan's pieces of a large site)."""
    short = []
    for shard in shards:
        *runs, (site, paths) = shard
        short.append(runs + [(site, paths[i:i + size]) for i in range(0, len(paths), size)])
    return short


class InOrder:
    """Page results in, exactly one result per cassette out, in cassette order.

    add(run, result) as results arrive (dicts: cassette, url, item, error);
    run_done(run) once a run has given all it will; emit(result) is called for
    each cassette's result as soon as it and every earlier one are final, then
    finish() emits what is left: cassettes whose run never finished, and results
    tied to no cassette given (a spider that failed as a whole).
    """

    def __init__(self, cassettes: list[str], runs: list[Run], emit: Callable[[dict], None]):
        self.cassettes = cassettes
        self.emit = emit
        self.run_of = {path: index for index, (_, paths) in enumerate(runs) for path in paths}
        self.runs = runs
        self.done: dict[int, str | None] = {}  # run -> the error for its cassettes that gave nothing
        self.found: dict[str, list[tuple[int, int]]] = {}  # cassette -> (offset, length) in the spill
        self.stray: list[tuple[tuple, int, int]] = []  # (order key, offset, length)
        self.spill = tempfile.TemporaryFile()
        self.next = 0
        self.given = 0  # results received, for the live count

    def add(self, run: int, result: dict) -> None:
        self.add_encoded(run, result.get("cassette"), json.dumps(result, ensure_ascii=False).encode("utf-8"))

    def add_encoded(self, run: int, cassette, line: bytes) -> None:
        """add() for a result already encoded as JSON (UTF-8, a shard's line): spilled as
        it came, decoded once, when it is emitted."""
        self.given += 1
        self.spill.seek(0, os.SEEK_END)
        where = (self.spill.tell(), len(line))
        self.spill.write(line)
        cassette = str(cassette)
        if self.run_of.get(cassette) == run and run not in self.done:
            self.found.setdefault(cassette, []).append(where)
        else:  # ordered by run (site, first cassette), then arrival: the same with any sharding
            site, paths = self.runs[run]
            self.stray.append(((site, self._position(paths[0]) if paths else -1, len(self.stray)), *where))

    def run_done(self, run: int, missing: str | None = None) -> None:
        """Run `run` is over; its cassettes that gave nothing fail with `missing` (which
        names the file itself), or with "replay gave no result"."""
        self.done.setdefault(run, missing)
        self._flush()

    def finish(self, missing: str | None = None) -> None:
        for run in range(len(self.runs)):
            self.done.setdefault(run, missing)
        self._flush()
        for _, offset, length in sorted(self.stray):
            self.emit(self._read(offset, length))
        self.spill.close()

    def _position(self, path: str) -> int:
        if not hasattr(self, "_positions"):
            self._positions = {p: i for i, p in enumerate(self.cassettes)}
        return self._positions.get(path, -1)

    def _read(self, offset: int, length: int) -> dict:
        self.spill.seek(offset)
        return json.loads(self.spill.read(length).decode("utf-8"))

    def _flush(self) -> None:
        while self.next < len(self.cassettes):
            path = self.cassettes[self.next]
            run = self.run_of.get(path)
            if run is not None and run not in self.done:
                return
            found = [self._read(*where) for where in self.found.pop(path, [])]
            self.emit(self._one(path, found, self.done.get(run)))
            self.next += 1

    @staticmethod
    def _one(path: str, found: list[dict], missing: str | None) -> dict:
        """A cassette that gave nothing is a named failure; one that gave several
        (an item and an error) is one failure carrying both."""
        if not found:
            error = missing.format(path=path) if missing else f"{path}: replay gave no result; run with -v to see why"
            return {"cassette": path, "url": path, "kind": "failure", "item": None, "error": error}
        if len(found) == 1:
            return found[0]
        item = next((r["item"] for r in found if r["item"]), None)
        error = "; ".join(r["error"] for r in found if r["error"]) or f"{path}: replay gave {len(found)} results"
        return {"cassette": path, "url": found[0]["url"], "kind": "failure", "item": item, "error": error}


def result_dict(page) -> dict:
    """A runner.PageResult as the report holds it (docs/architecture.md)."""
    result = {"cassette": page.cassette, "url": page.url, "kind": page.kind, "item": page.item, "error": page.error}
    if page.kind == "listing":
        result["led_to"] = page.led_to
    return result


def run_in_process(runs: list[Run], overrides: dict, merger: InOrder,
                   on_count: Callable[[int], None] | None = None) -> int:
    """The runs in this process (Twisted's reactor: once per process); the exit code."""
    from .runner import run_spiders

    def on_result(run: int, page) -> None:
        if page is None:
            merger.run_done(run)
        else:
            merger.add(run, result_dict(page))
        if on_count is not None:
            on_count(merger.given)

    # a list, not "a,b": a cassette's file name may hold a comma
    outcome = run_spiders([(site, {"cassette": paths}) for site, paths in runs], overrides, on_result=on_result)
    return outcome.exit_code


def run_shards(shards: list[list[Run]], overrides: dict, merger: InOrder, block_network: bool = False,
               on_count: Callable[[int], None] | None = None) -> int:
    """Each shard in its own process, their results merged as they come; the highest exit code."""
    return collect(shards, start_shards(shards, overrides, block_network), merger, on_count)


def start_shards(shards: list[list[Run]], overrides: dict, block_network: bool = False,
                 cwd: str | None = None, log: str | None = None, derived_cache: str | None = None) -> list:
    """One process per shard, started now (call from the main thread, before any thread of
    this process reads their output: a fork copies no thread). With cwd, a shard runs in that
    folder (its Scrapy project) as `python -m` would there; with log, its stdout and stderr
    (Scrapy's log, a traceback) go to that file instead of this process's; with derived_cache,
    a shard keeps what it derives from the recorded cassettes there
    (cassettes.parse_cache.keep_derived_in)."""
    processes = []
    forking = _can_fork()
    if forking:
        # what this process holds (pytest's whole session, in the plugin) left out of the shards'
        # garbage collections: they neither walk it nor copy its pages on writing to it
        gc.freeze()
    try:
        for shard in shards:
            spec = {"runs": shard, "overrides": overrides, "block_network": block_network, "cwd": cwd, "log": log,
                    "derived_cache": derived_cache}
            processes.append(_fork(spec) if forking else _spawn(spec))
    except BaseException:
        stop(processes)
        raise
    finally:
        if forking:
            gc.unfreeze()
    return processes


def collect(shards: list[list[Run]], processes: list, merger: InOrder,
            on_count: Callable[[int], None] | None = None) -> int:
    """The started shards' results into merger as they come, until every shard's output has
    ended; the highest exit code. Any thread may call it; the shards are ended on the way out."""
    firsts = [sum(len(s) for s in shards[:i]) for i in range(len(shards))]  # shard -> its first global run
    messages: queue.Queue = queue.Queue()
    code = 0
    try:
        for index, process in enumerate(processes):
            threading.Thread(target=_read_lines, args=(index, process.stdout, messages), daemon=True).start()
        running, finished = len(shards), set()
        while running:
            index, message = messages.get()
            if message is None:  # the shard's output ended: it exited, normally or not
                running -= 1
                returncode = processes[index].wait()
                if index not in finished:
                    missing = (f"{{path}}: its replay process (shard {index + 1} of {len(shards)}) ended with exit "
                               f"code {returncode} before answering for it; run with -j 1 -v to see why")
                    for run in range(len(shards[index])):
                        merger.run_done(firsts[index] + run, missing)
                    code = max(code, 1)
            elif "result" in message:  # the result's JSON as the shard wrote it (_result_line)
                merger.add_encoded(firsts[index] + message["run"], message["cassette"], message["result"])
                if on_count is not None:
                    on_count(merger.given)
            elif "done" in message:
                merger.run_done(firsts[index] + message["run"])
            elif "exit" in message:
                finished.add(index)
                code = max(code, message["exit"])
    finally:
        stop(processes)
    return code


def stop(processes: list) -> None:
    """End the shards still running (a run cut short); their output then ends."""
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


# What a shard needs loaded, imported before forking so that no shard imports it again.
_SHARD_MODULES = ("pressguard.scrapy.runner", "pressguard.verdict.assess", "pressguard.verdict.pipeline",
                  "pressguard.cassettes.handler", "pressguard.cassettes.routing", "scrapy.crawler")


def _can_fork() -> bool:
    """Fork on Linux (macOS's system libraries are not fork-safe, Windows has no fork), and
    only before a Twisted reactor exists: each shard installs its own."""
    if not (hasattr(os, "fork") and sys.platform.startswith("linux")):
        return False
    import importlib

    for name in _SHARD_MODULES:
        importlib.import_module(name)
    return "twisted.internet.reactor" not in sys.modules


class _Forked:
    """A forked shard, as much of subprocess.Popen as run_shards uses. Two threads may wait for
    it at once (the pytest plugin's reader, and the session's end stopping it): the one whose
    waitpid reaps it sets returncode, the other waits for that."""

    def __init__(self, pid: int, stdout):
        self.pid, self.stdout, self.returncode = pid, stdout, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # being reaped by the other thread
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        for _ in range(500):
            if self.returncode is not None:
                break
            try:
                status = os.waitpid(self.pid, 0)[1]
            except ChildProcessError:  # reaped by the other thread, which sets returncode
                time.sleep(0.01)
                continue
            self.returncode = os.waitstatus_to_exitcode(status)
        else:  # reaped by someone else (a test's os.wait()): its status is lost, not the run
            self.returncode = -1
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:  # it has just ended
                pass


def _fork(spec: dict) -> _Forked:
    read_end, write_end = os.pipe()
    sys.stdout.flush()  # else the shard would write the parent's pending output a second time
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the shard
        code = 70
        try:
            os.close(read_end)
            if spec.get("log"):  # stdout and stderr to the log, with streams of their own
                log = os.open(spec["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
                os.dup2(log, 2)
                os.dup2(log, 1)
                os.close(log)
                sys.stdout = sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace",
                                               buffering=1, closefd=False)
            else:
                os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything printed goes to stderr
            if spec.get("cwd"):  # the project's folder, importable, as `python -m` run there has it
                os.chdir(spec["cwd"])
                sys.path.insert(0, spec["cwd"])
            code = _serve(spec, os.fdopen(write_end, "w", encoding="utf-8"))
        except BaseException:  # noqa: BLE001 - said on stderr; the parent names the shard's cassettes
            traceback.print_exc()
        finally:
            sys.stderr.flush()
            # never the interpreter's exit: it would flush the parent's open files (the
            # report being written) a second time and run the parent's atexit hooks
            os._exit(code)
    os.close(write_end)
    return _Forked(pid, os.fdopen(read_end, "rb"))


def _spawn(spec: dict) -> subprocess.Popen:
    log = open(spec["log"], "ab") if spec.get("log") else None
    try:
        process = subprocess.Popen([sys.executable, "-m", "pressguard.scrapy.shards"], cwd=spec.get("cwd"),
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    finally:
        if log is not None:
            log.close()
    process.stdin.write(json.dumps(spec).encode("utf-8"))
    process.stdin.close()
    return process


def _read_lines(index: int, stream, messages: queue.Queue) -> None:
    try:
        for line in stream:
            head, tab, result = line.partition(b"\t")
            try:
                message = json.loads(head)
            except ValueError:  # not ours: a stray write to the protocol stream ends the shard as crashed
                break
            if tab:  # a result: its JSON kept as bytes, for the merger's spill
                message["result"] = result.rstrip(b"\n")
            messages.put((index, message))
    finally:
        messages.put((index, None))


def _result_line(run: int, result: dict) -> str:
    """A shard's line for one page's result: a small JSON header (run, cassette), a tab, the
    result's JSON. The parent reads the header and spills the result's bytes as they are,
    instead of decoding a whole item and encoding it again (JSON never holds a raw tab)."""
    head = json.dumps({"run": run, "cassette": result.get("cassette")}, ensure_ascii=False)
    return f"{head}\t{json.dumps(result, ensure_ascii=False)}\n"


def _worker() -> int:
    """A spawned shard: the spec (runs, settings) on stdin, one JSON line per result on stdout."""
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything else printed goes to stderr
    _serve(json.loads(sys.stdin.read()), protocol)
    return 0


def _serve(spec: dict, protocol) -> int:
    """Run one shard's runs, sending each result, each run's end and the exit code on protocol."""
    if spec.get("block_network"):
        from ..cassettes.network_block import block_network

        block_network()
    if spec.get("derived_cache"):
        from ..cassettes.parse_cache import keep_derived_in

        keep_derived_in(Path(spec["derived_cache"]))
    from .runner import run_spiders

    def send(line: str) -> None:
        protocol.write(line)
        protocol.flush()

    def on_result(run: int, page) -> None:
        send(json.dumps({"run": run, "done": True}) + "\n" if page is None else _result_line(run, result_dict(page)))

    runs = [(site, {"cassette": paths}) for site, paths in spec["runs"]]
    outcome = run_spiders(runs, spec["overrides"], on_result=on_result)
    send(json.dumps({"exit": outcome.exit_code}) + "\n")
    protocol.close()
    return 0


if __name__ == "__main__":
    sys.exit(_worker())
