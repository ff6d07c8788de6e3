"""Suite and replay speed and memory against corpus size, with the floor and Scrapy's own cache.

    .venv/bin/python benchmarks/suite_speed.py [--sizes 84,1000,5000] [--work /tmp/pressguard-speed]
                                               [--rows floor,replay-j1,...] [--out FILE.json]

For each size N, a scratch project in WORK/suite-N/ (built once, reused while its stamp
matches) holds N distinct cassettes: copy K of each shipped cassette, its slug changed to
<slug>-cK in the file name and everywhere in the cassette (request URL, canonical, og:url,
JSON-LD), so no cache can serve one copy's work to another. Its snapshots are accepted once
(untimed). Then each row runs once, in a fresh process tree, timed by wall clock, with its
peak memory: the largest sum of the tree's resident set sizes, sampled every 20 ms.

  floor       one process, in-process loop: read the file, parse it with libyaml
              (yaml.CSafeLoader), take the final page, one lexbor parse + the layout
              extraction (pressguard.extract.extract_article)
  replay-j1   pressguard replay -q -j 1 cassettes
  replay-j2   pressguard replay -q -j 2 cassettes
  suite       pytest -q -p no:cacheprovider (tests/test_snapshots.py; the plugin's default jobs),
              the recorded side read from the project's .pressguard-cache/ as the plugin
              keeps it (filled by the untimed acceptance run; PRESSGUARD_PARSE_CACHE=off
              in the environment measures it made on every run)
  suite-n2    the same with pytest-xdist -n 2
  httpcache   a real Scrapy project (WORK/suite-N/cacheproject: scrapy.cfg, settings,
              one spider) with HTTPCACHE_ENABLED (FilesystemCacheStorage, DummyPolicy, no
              expiry), filled beforehand by one crawl of the same pages; its download
              handlers refuse every request, so every page is a cache hit. The spider's
              callback does what pressguard's spiders do: pressguard.verdict.assess.assess with the
              site's template baseline, one item per page
  memory      the same project, HTTP cache off, a download handler answering from a dict
              of the same pages (status, headers, body) loaded from a marshal file before
              the crawl

Pages/s is N / wall time of the whole command (start-up included: what a user waits for).
CPU s is the user+system time of every process of the row (the machine is shared: when
others are busy, CPU time is the steadier figure, and wall time the one a user sees).
Results go to --out (JSON) and are printed as a table; README-speed.md has the last run.
"""

from __future__ import annotations

import argparse
import json
import marshal
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
BUILD_VERSION = 1
ROWS = ("floor", "replay-j1", "replay-j2", "suite", "suite-n2", "httpcache", "memory")

PYTEST_INI = """\
[pytest]
testpaths = tests
"""

SCRAPY_CFG = """\
[settings]
default = cacheproject.settings
"""

PROJECT_SETTINGS = """\
# A plain Scrapy project over the benchmark's pages: the HTTP cache, or pages from memory.
import os

BOT_NAME = "cacheproject"
SPIDER_MODULES = ["cacheproject.spiders"]
ROBOTSTXT_OBEY = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"
CONCURRENT_REQUESTS_PER_DOMAIN = 4  # as pressguard's settings
PRESSGUARD_CASSETTES_DIR = os.environ["BENCH_CASSETTES"]  # the template baselines' folders
HTTPCACHE_ENABLED = os.environ.get("BENCH_MODE") in ("fill", "httpcache")
HTTPCACHE_DIR = os.environ["BENCH_HTTPCACHE"]
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.DummyPolicy"
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_IGNORE_MISSING = False
_HANDLER = ("cacheproject.handlers.Refuse" if os.environ.get("BENCH_MODE") == "httpcache"
            else "cacheproject.handlers.FromMemory")
DOWNLOAD_HANDLERS = {"http": _HANDLER, "https": _HANDLER}
"""

PROJECT_HANDLERS = """\
import marshal
import os

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes


class Refuse(BaseDownloadHandler):
    \"\"\"Every page must come from the HTTP cache: a download is an error.\"\"\"

    async def download_request(self, request):
        raise RuntimeError(f"{request.url}: not in the HTTP cache")


class FromMemory(BaseDownloadHandler):
    \"\"\"Every recorded answer, by URL, from a dict loaded once.\"\"\"

    pages = None

    async def download_request(self, request):
        if FromMemory.pages is None:
            with open(os.environ["BENCH_MEMORY"], "rb") as handle:
                FromMemory.pages = marshal.load(handle)
        status, headers, body = FromMemory.pages[request.url]
        headers = Headers(headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return cls(url=request.url, status=status, headers=headers, body=body, request=request)
"""

PROJECT_SPIDER = """\
import json
import os

import scrapy

from pressguard.verdict.assess import assess, template_baseline


class PagesSpider(scrapy.Spider):
    \"\"\"The benchmark's pages by URL; each assessed as pressguard's spiders assess theirs.\"\"\"

    name = "pages"

    async def start(self):
        with open(os.environ["BENCH_PAGES"], encoding="utf-8") as handle:
            for page in json.load(handle):
                yield scrapy.Request(page["url"], callback=self.parse_page, dont_filter=True,
                                     meta={"site": page["site"]})

    def parse_page(self, response):
        site = response.meta["site"]
        baseline = template_baseline(self.settings.get("PRESSGUARD_CASSETTES_DIR"), site)
        item, _ = assess(response.body, response.url, site=site, baseline=baseline,
                         content_type=response.headers.get("Content-Type"))
        yield item
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the corpus -----------------------------------------------------------------------


def build(size: int, work: Path, rows: list[str]) -> Path:
    """WORK/suite-N: N distinct cassettes, the suite, its snapshots, the Scrapy project."""
    from pressguard.cassettes.store import find_cassettes, open_cassette

    sources = find_cassettes([ROOT / "cassettes"])
    project = work / f"suite-{size}"
    stamp = project / ".built"
    want = json.dumps({"size": size, "version": BUILD_VERSION,
                       "suite": (ROOT / "tests" / "test_snapshots.py").read_text(),
                       "sources": [str(p) for p in sources]})
    if stamp.exists() and stamp.read_text() == want:
        _prepare(project, rows)
        return project
    log(f"building {project}")
    shutil.rmtree(project, ignore_errors=True)  # its snapshots and HTTP cache too
    (project / "tests").mkdir(parents=True)
    pages, memory = [], {}
    url_slugs = {}  # the last segment of each source's page URL
    for source in sources:
        url_slugs[source] = [s for s in urlsplit(open_cassette(source).requests[0].uri).path.split("/") if s][-1]
    for n in range(size):
        source = sources[n % len(sources)]
        copy = n // len(sources)
        slug = f"{url_slugs[source]}-c{copy}"
        text = source.read_text(encoding="utf-8").replace(url_slugs[source], slug)
        dest = project / "cassettes" / source.parent.name / f"{source.stem}-c{copy}.yaml"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8")
        cassette = open_cassette(dest)
        url = cassette.requests[0].uri
        assert slug in url, f"{dest}: its URL {url} does not carry the copy's slug"
        pages.append({"url": url, "site": source.parent.name})
        for request, response in cassette.data:
            body = (response.get("body") or {}).get("string") or b""
            memory[request.uri] = (int(response["status"]["code"]), dict(response.get("headers") or {}),
                                   body if isinstance(body, bytes) else body.encode("utf-8"))
    (project / "pages.json").write_text(json.dumps(pages))
    (project / "memory.marshal").write_bytes(marshal.dumps(memory))
    shutil.copy2(ROOT / "tests" / "test_snapshots.py", project / "tests" / "test_snapshots.py")
    (project / "pytest.ini").write_text(PYTEST_INI)
    scrapy_project = project / "cacheproject"
    (scrapy_project / "cacheproject" / "spiders").mkdir(parents=True)
    (scrapy_project / "scrapy.cfg").write_text(SCRAPY_CFG)
    (scrapy_project / "cacheproject" / "__init__.py").write_text("")
    (scrapy_project / "cacheproject" / "settings.py").write_text(PROJECT_SETTINGS)
    (scrapy_project / "cacheproject" / "handlers.py").write_text(PROJECT_HANDLERS)
    (scrapy_project / "cacheproject" / "spiders" / "__init__.py").write_text("")
    (scrapy_project / "cacheproject" / "spiders" / "pages.py").write_text(PROJECT_SPIDER)
    stamp.write_text(want)
    _prepare(project, rows)
    return project


def _prepare(project: Path, rows: list[str]) -> None:
    """What the rows asked for need, once per corpus (untimed): the snapshots, the HTTP cache."""
    if any(row.startswith("suite") for row in rows) and not (project / ".snapshots-accepted").exists():
        log("accepting the snapshots (untimed)")
        accepted = subprocess.run([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--snapshot-update"],
                                  cwd=project, capture_output=True, text=True)
        if accepted.returncode != 0:
            raise SystemExit(f"accepting the snapshots failed:\n{accepted.stdout[-3000:]}")
        (project / ".snapshots-accepted").write_text("")
    if "httpcache" in rows and not (project / ".httpcache-filled").exists():
        log("filling the HTTP cache with one crawl (untimed)")
        fill = _crawl_project(project, "fill")
        if fill.returncode != 0:
            raise SystemExit(f"filling the HTTP cache failed:\n{fill.stderr[-3000:]}")
        (project / ".httpcache-filled").write_text("")


def _project_env(project: Path, mode: str) -> dict:
    return dict(os.environ, BENCH_MODE=mode, BENCH_CASSETTES=str(project / "cassettes"),
                BENCH_HTTPCACHE=str(project / "httpcache"), BENCH_MEMORY=str(project / "memory.marshal"),
                BENCH_PAGES=str(project / "pages.json"),
                PYTHONPATH=str(project / "cacheproject"))


def _crawl_project(project: Path, mode: str, out: Path | None = None) -> subprocess.CompletedProcess:
    out = out or project / f"{mode}.jsonl"
    return subprocess.run([PYTHON, "-m", "scrapy", "crawl", "pages", "-O", str(out)],
                          cwd=project / "cacheproject", env=_project_env(project, mode),
                          capture_output=True, text=True)


# -- measuring ------------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of pid and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            rss[int(entry)] = int(Path(f"/proc/{entry}/statm").read_text().split()[1]) * page
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def measure(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run command once: wall seconds, peak RSS of its process tree, exit code, output tails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "peak_rss_mb": round(peak[0] / 2**20, 1),
            "exit": process.returncode,
            "stdout_tail": out[-400:], "stderr_tail": err[-800:]}


def row_command(row: str, project: Path) -> tuple[list[str], Path, dict | None]:
    pytest = [PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    return {
        "floor": ([PYTHON, str(Path(__file__).resolve()), "--floor", str(project / "cassettes")], project, None),
        "replay-j1": ([PYTHON, "-m", "pressguard.cli", "replay", "-q", "-j", "1", "cassettes"], project, None),
        "replay-j2": ([PYTHON, "-m", "pressguard.cli", "replay", "-q", "-j", "2", "cassettes"], project, None),
        "suite": (pytest, project, None),
        "suite-n2": (pytest + ["-n", "2"], project, None),
        "httpcache": ([PYTHON, "-m", "scrapy", "crawl", "pages", "-O", str(project / "httpcache.jsonl")],
                      project / "cacheproject", _project_env(project, "httpcache")),
        "memory": ([PYTHON, "-m", "scrapy", "crawl", "pages", "-O", str(project / "memory.jsonl")],
                   project / "cacheproject", _project_env(project, "memory")),
    }[row]


def check(row: str, project: Path, size: int, result: dict) -> None:
    """A row that did not do the whole job is not a measurement."""
    problems = []
    if result["exit"] != 0:
        problems.append(f"exit code {result['exit']}")
    if row in ("httpcache", "memory"):
        items = (project / f"{row}.jsonl").read_text().count("\n")
        if items != size:
            problems.append(f"{items} items, not {size}")
    if row == "floor" and f"extracted {size} pages" not in result["stdout_tail"]:
        problems.append("not every page extracted")
    if problems:
        raise SystemExit(f"{row} at {size}: {'; '.join(problems)}\n{result['stdout_tail']}\n{result['stderr_tail']}")


def floor(folder: Path) -> int:
    """The in-process floor: read, libyaml, the final page, one lexbor parse + layout extraction."""
    import yaml

    from pressguard.cassettes.store import find_cassettes
    from pressguard.extract import extract_article

    count = 0
    for path in find_cassettes([folder]):
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        final = None
        for interaction in data["interactions"]:
            if 200 <= int(interaction["response"]["status"]["code"]) < 300:
                final = interaction
        body = final["response"]["body"]["string"]
        extract_article(body, final["request"]["uri"], site=path.parent.name)
        count += 1
    print(f"extracted {count} pages")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="84,1000,5000", help="corpus sizes (default: 84,1000,5000)")
    parser.add_argument("--work", default="/tmp/pressguard-speed", help="scratch folder for the corpora")
    parser.add_argument("--rows", default=",".join(ROWS), help=f"which rows (default: all of {','.join(ROWS)})")
    parser.add_argument("--out", default=None, help="results JSON (default: WORK/results.json)")
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        return floor(Path(args.floor))
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = [r for r in args.rows.split(",") if r]
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                           "load_at_start": os.getloadavg()}, "sizes": {}}
    for size in (int(s) for s in args.sizes.split(",")):
        project = build(size, work, rows)
        results["sizes"][size] = {}
        for row in rows:
            command, cwd, env = row_command(row, project)
            log(f"{size} {row}: {' '.join(command[2:])}")
            result = measure(command, cwd, env)
            check(row, project, size, result)
            result["pages_per_s"] = round(size / result["wall_s"], 1)
            result["load_after"] = round(os.getloadavg()[0], 2)
            results["sizes"][size][row] = result
            log(f"{size} {row}: {result['wall_s']} s (CPU {result['cpu_s']} s), {result['pages_per_s']} pages/s, "
                f"peak {result['peak_rss_mb']} MB")
            out = Path(args.out) if args.out else work / "results.json"
            out.write_text(json.dumps(results, indent=1))  # after each row: a long run keeps what it measured
    print(table(results))
    return 0


def table(results: dict) -> str:
    lines = ["| size | row | wall s | CPU s (all processes) | pages/s | peak RSS MB (tree) | load after |",
             "|---|---|---|---|---|---|---|"]
    for size, rows in results["sizes"].items():
        for row, r in rows.items():
            lines.append(f"| {size} | {row} | {r['wall_s']} | {r['cpu_s']} | {r['pages_per_s']} | "
                         f"{r['peak_rss_mb']} | {r['load_after']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
