"""CLI habits: --version, every command in the help, each command's own usage on a
usage error, and the live count on stderr (never on stdout) for replay and crawl."""

import io
import os
import re
import subprocess
import sys

import pytest

from cassette_factory import article_html, interaction, write_cassette
from conftest import ROOT

import pressguard
from pressguard import progress as progress_module
from pressguard.progress import Progress

COMMANDS = ("replay", "record", "extract", "crawl", "sim")
FINAL_REPLAY_LINE = re.compile(r"^replay: 100%\s*3/3 \[[0-9:]+<[0-9:]+, .*(cassette/s|s/cassette)\]$")


def _three_cassettes(folder):
    for name in ("a", "b", "c"):
        url = f"https://example.com/news/{name}/"
        write_cassette(folder / "c" / "generic" / f"{name}.yaml",
                       interaction(url, body=article_html(f"Story {name}", canonical=url)))


def _expected_replay_stdout():
    """What replay printed before the count existed: one ok line per cassette, the summary."""
    lines = [f"ok   c/generic/{n}.yaml  generic  1 author(s), 4 paragraphs  'Story {n}'" for n in "abc"]
    lines.append("replayed 3 cassettes: 3 articles, 0 failing, 0 drifted; 3 results (3 articles, 0 named failures)")
    return "\n".join(lines) + "\n"


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"pressguard {pressguard.__version__}\n"


def test_help_lists_every_command_with_one_line(cli):
    result = cli("--help")
    assert result.returncode == 0, result.stderr
    listed = dict(re.findall(r"^    (\w+)\s+(\S.*)$", result.stdout, re.M))
    assert set(COMMANDS) <= set(listed), result.stdout


# each with what it requires, so the unknown option is the only thing wrong
REQUIRED = {"record": ["https://example.com/a/"], "extract": ["page.html", "--url", "https://example.com/a/"]}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_usage_error_shows_the_commands_own_usage(cli, command):
    result = cli(command, "--bogus", *REQUIRED.get(command, []))
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"usage: pressguard {command} " in result.stderr, result.stderr
    assert "unrecognized arguments: --bogus" in result.stderr
    assert "Traceback" not in result.stderr


def test_replay_prints_its_final_count_on_stderr_and_leaves_stdout_as_it_was(cli, tmp_path):
    _three_cassettes(tmp_path)
    result = cli("replay", "c")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == _expected_replay_stdout()
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and FINAL_REPLAY_LINE.match(lines[-1]), result.stderr
    assert "\r" not in result.stderr  # a log, not a terminal: plain lines


def test_replay_quiet_prints_no_count(cli, tmp_path):
    _three_cassettes(tmp_path)
    result = cli("replay", "-q", "c")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert result.stdout == _expected_replay_stdout().splitlines(keepends=True)[-1]


@pytest.mark.parametrize("rows_cols", [(24, 80), (0, 0)], ids=["terminal", "terminal-without-size"])
def test_replay_on_a_terminal_draws_a_bar_on_stderr_only(tmp_path, rows_cols):
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    _three_cassettes(tmp_path)
    leader, follower = pty.openpty()
    # a fresh pty reports 0x0, where tqdm hides every bar: a real terminal has a size
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", *rows_cols, 0, 0))
    try:
        process = subprocess.Popen([sys.executable, "-m", "pressguard.cli", "replay", "c"], cwd=tmp_path,
                                   stdout=subprocess.PIPE, stderr=follower, text=True)
        os.close(follower)
        out, _ = process.communicate(timeout=120)
        seen = b""
        while True:  # all the terminal got; EIO once the last writer is gone
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0, seen
    assert out == _expected_replay_stdout()
    terminal = seen.decode("utf-8", "replace")
    assert "\r" in terminal and "3/3" in terminal and "cassette/s" in terminal, terminal
    assert "100%|" in terminal and "\u2588" in terminal  # tqdm's bar, full blocks drawn


def test_crawl_counts_pages_assessed_on_stderr_and_not_with_quiet(sim, tmp_path):
    (tmp_path / "cassettes").mkdir()
    argv = [sys.executable, "-m", "pressguard.cli", "crawl", "--site", "primagames", "--limit", "2",
            "--proxy", sim.proxy_url, "-s", "AUTOTHROTTLE_START_DELAY=0.05"]
    loud = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert loud.returncode == 0, loud.stdout + loud.stderr
    lines = [line for line in loud.stderr.splitlines() if line.strip()]
    assert lines and re.match(r"^crawl: 100%\s*2/2 \[.*(page/s|s/page)\]$", lines[-1]), loud.stderr
    assert "/page" not in loud.stdout and "page/s" not in loud.stdout and loud.stdout.splitlines()[-1].startswith("crawled 2 pages")
    quiet = subprocess.run(argv + ["-q", "--out", "reports-q"], cwd=tmp_path, capture_output=True, text=True,
                           timeout=600)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert quiet.stderr == ""


# -- the throttle, on a clock the test moves -------------------------------------------


class _Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_off_a_terminal_one_line_every_few_seconds_and_a_last_one(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", clock)
    stream = io.StringIO()
    count = Progress("crawl", total=0, unit="page", stream=stream)
    count.update(1, 4)
    clock.now += progress_module.EVERY / 2
    count.update(2, 5)
    assert stream.getvalue() == ""  # too soon for a line
    clock.now += progress_module.EVERY
    count.update(3, 6)
    clock.now += 1
    count.update(4, 6)
    count.close()
    lines = stream.getvalue().splitlines()
    print(lines)
    assert len(lines) == 2, lines  # one when 5 s had passed, one at the end
    assert re.fullmatch(r"crawl:  50% 3/6 \[00:07<00:07,  2\.50s/page\]", lines[0]), lines
    assert re.fullmatch(r"crawl:  67% 4/6 \[00:08<00:04,  2\.12s/page\]", lines[1]), lines


def test_quiet_and_nothing_counted_print_nothing(monkeypatch):
    clock = _Clock()
    monkeypatch.setattr(progress_module.time, "monotonic", clock)
    stream = io.StringIO()
    quiet = Progress("replay", total=3, stream=stream, quiet=True)
    quiet.update(3)
    quiet.close()
    empty = Progress("crawl", stream=stream)  # nothing assessed: the failure's line says why
    clock.now += 60
    empty.update(0, 0)
    empty.close()
    assert stream.getvalue() == ""


def test_replay_jobs_must_be_one_or_more(cli, tmp_path):
    _three_cassettes(tmp_path)
    result = cli("replay", "-j", "0", "c")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == ("pressguard replay: -j 0: the number of processes is 1 or more; "
                             "pass -j 1 to replay in this process\n")
    assert result.stdout == ""
