"""A pytest plugin for benchmarks/README-speed.md: where a snapshot-suite run spends its CPU.

    cd WORK/suite-1000 && PYTHONPATH=<this folder> python -m pytest -q -p no:cacheprovider -p suite_phases

Prints, at the end, the pytest process's own CPU time and its children's (the replay's
processes, counted once they have exited) at start, configure, collection's end and the
end, with the wall time; and how many tests had finished when the replay was over (0 with
a plugin that replays everything before the first test).
"""

import os
import sys
import time

_marks: list[tuple[str, float, float, float]] = []
_state = {"tests": 0, "replay_over": False, "config": None}


def _mark(name: str) -> None:
    times = os.times()
    _marks.append((name, times.user + times.system, times.children_user + times.children_system, time.perf_counter()))


_mark("start")


def pytest_configure(config):
    _state["config"] = config
    _mark("configure")


def pytest_collection_finish(session):
    _mark("collected")


def _replay_over(config) -> bool:
    try:
        from pressguard.testing.pytest_plugin import REPLAYS
    except ImportError:  # a plugin that replays everything at the first test
        return True
    replays = config.stash.get(REPLAYS, None)
    return replays is not None and all(getattr(stream, "finished", True) for stream in replays.streams.values())


def pytest_runtest_logfinish(nodeid, location):
    _state["tests"] += 1
    if not _state["replay_over"] and "[" in nodeid and _replay_over(_state["config"]):
        _state["replay_over"] = True
        _mark(f"replay over, {_state['tests'] - 1} tests finished before")


def pytest_unconfigure(config):
    _mark("end")
    start = _marks[0][3]
    for name, own, children, wall in _marks:
        print(f"PHASE {name:38} own CPU {own:6.2f} s  children {children:6.2f} s  wall {wall - start:7.2f} s",
              file=sys.stderr)
