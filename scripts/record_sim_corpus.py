"""Record the shipped cassette corpus from the publisher simulator.

    python scripts/record_sim_corpus.py [--cassettes cassettes] [--overwrite]

For every site: one article of each kind the simulator writes (news, guide
with a code list split by an ad slot, review, co-authored, staff byline, long,
non-ASCII, listicle), plus the seed article on We Got This Covered and
Destructoid pages in both of its layouts. Each page goes through the real
`pressguard record` command over the simulator's proxy, so every cassette is
labelled as simulated in its metadata. Real sites are recorded the same way,
without --proxy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from pressguard.sim import Simulator
from pressguard.sites import SITES

KINDS = ("news", "guide", "review", "coauthored", "staff", "long", "unicode", "listicle", "seed")
DESTRUCTOID_OLD_LAYOUT_KINDS = ("news", "review", "guide")


def record(sim: Simulator, urls: list[str], site: str, args, name: str | None = None) -> None:
    command = [sys.executable, "-m", "pressguard.cli", "record", *urls, "--site", site,
               "--proxy", sim.proxy_url, "--cassettes", args.cassettes]
    if name:
        command += ["--name", name]
    if args.overwrite:
        command.append("--overwrite")
    result = subprocess.run(command, capture_output=True, text=True)
    sys.stdout.write(result.stdout)
    if result.returncode != 0:
        sys.exit(f"record_sim_corpus: recording {site} failed: {result.stderr.strip()}")


def pick(sim: Simulator, site: str, kinds) -> list[str]:
    """The newest article of each kind."""
    chosen: dict[str, str] = {}
    for url in sim.article_urls(site):
        chosen.setdefault(sim.article(url).kind, url)
    return [chosen[k] for k in kinds if k in chosen]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cassettes", default="cassettes")
    parser.add_argument("--overwrite", action="store_true")
    args = parser.parse_args()
    with Simulator() as sim:
        for site in SITES:
            record(sim, pick(sim, site, KINDS), site, args)
        # Destructoid before its 2025 move: the same articles in the shared blocks.
        sim.set_template("destructoid", "gamurs-blocks")
        for url in pick(sim, "destructoid", DESTRUCTOID_OLD_LAYOUT_KINDS):
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            record(sim, [url], "destructoid", args, name=f"{slug}--gamurs-blocks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
