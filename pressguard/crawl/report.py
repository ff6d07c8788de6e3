"""The crawl's report files, rewritten atomically after every page:

    report.json   the whole document (see docs/scheduling.md); `"complete": false`
                  until the crawl has finished
    junit.xml     one testcase per page (a site that gave no page: one testcase for
                  the site); <failure> for a broken page (and a drifted one under
                  --fail-on drift), with field / expected / found; a drifted page that
                  does not fail passes, with what changed around which field in its
                  <system-out>; <error> for a page that could not be fetched. Until the
                  crawl has finished, a testcase "crawl (unfinished)" is an <error>, so a
                  crawl killed with -9 never leaves an all-green file behind.
    report.html   one self-contained page for people (html_report.py)

All three carry the crawl's run_id, and `report_lock` keeps a second crawl out of the
folder while one is writing there, so the three files always come from one crawl.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pressguard.cassettes.format import write_atomically

from .html_report import render_html
from .pages import summary_line


LOCK_FILE = ".pressguard-crawl.lock"


class FolderBusy(Exception):
    pass


@contextlib.contextmanager
def report_lock(out: Path | str):
    """Hold --out for one crawl. The lock is the kernel's (flock), so a crawl killed with -9
    leaves nothing to clean up; the file holds the owner's pid for the refusal."""
    path = Path(out) / LOCK_FILE
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "unknown"
            raise FolderBusy(f"--out {out}: another crawl (pid {owner}) is writing its report there; "
                             "wait for it to finish or pass another --out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield path
    finally:
        handle.close()  # releases the lock


class ReportWriter:
    def __init__(self, out: Path | str):
        self.out = Path(out)
        self.paths = {
            "json": self.out / "report.json",
            "junit": self.out / "junit.xml",
            "html": self.out / "report.html",
        }

    def write(self, doc: dict) -> None:
        write_atomically(self.paths["json"], json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        write_atomically(self.paths["junit"], render_junit(doc))
        write_atomically(self.paths["html"], render_html(doc))


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str | None) -> str:
    """Text JUnit XML can carry (XML 1.0 has no control characters)."""
    return _XML_UNSAFE.sub("\ufffd", text or "")


def _failure_text(page: dict) -> str:
    lines = []
    for failure in page["failures"]:
        fields = ", ".join(failure["fields"])
        lines.append(f"[{failure['check']}] field: {fields}")
        if failure["expected"]:
            lines.append(f"  expected: {failure['expected']}")
        if failure["check"] == "template" and page["template_changes"]:
            lines.extend(f"  found:    {change['summary']}" for change in page["template_changes"])
        else:
            lines.append(f"  found:    {failure['found']}")
    if page.get("cassette"):
        lines.append(f"captured: {page['cassette']}")
        lines.append(f"reproduce: pressguard replay {page['cassette']}")
    return "\n".join(lines)


def _fails(page: dict, doc: dict) -> bool:
    fail_on = (doc.get("options") or {}).get("fail_on", "broken")
    return page["status"] != "drifted" or fail_on == "drift"


def _drift_text(page: dict) -> str:
    lines = [f"template drift (fields still pass their checks): {page['url']}"]
    lines.extend(f"  {change['summary']}" for change in page["template_changes"])
    if page.get("cassette"):
        lines.append(f"captured: {page['cassette']}")
    return "\n".join(lines)


def _unfinished(doc: dict) -> tuple[str, str]:
    """(type, message) of the testcase that stands for a crawl that has not finished."""
    if doc.get("finished_at") is None:
        when = doc.get("updated_at")
        return "unfinished", (f"the crawl started {doc['started_at']} has not finished (last update {when}): "
                              "still running, or killed; this report covers only the pages assessed so far")
    if doc.get("interrupted"):
        return "interrupted", (f"the crawl was interrupted ({doc['interrupted']}); this report covers only the "
                               "pages assessed before the stop")
    return "unfinished", f"the crawl did not finish: {doc.get('error') or 'stopped'}"


def render_junit(doc: dict) -> str:
    suites = ET.Element("testsuites", name="pressguard crawl")
    ET.SubElement(ET.SubElement(suites, "properties"), "property", name="run_id", value=_x(doc.get("run_id")))
    total = failures = errors = 0
    if not doc["complete"]:
        suite = ET.SubElement(suites, "testsuite", name="crawl", tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", classname="crawl", name="crawl (unfinished)")
        kind, message = _unfinished(doc)
        ET.SubElement(case, "error", message=_x(message), type=kind).text = _x(message)
        total += 1
        errors += 1
    for site, info in doc["sites"].items():
        pages = [p for p in doc["pages"] if p["site"] == site]
        suite = ET.SubElement(suites, "testsuite", name=f"crawl.{site}")
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="status", value=info["status"])
        ET.SubElement(props, "property", name="complete", value=str(doc["complete"]).lower())
        n_fail = n_err = 0
        if not pages:
            case = ET.SubElement(suite, "testcase", classname=f"crawl.{site}", name=f"{site} (discovery)")
            reason = info["problems"][0] if info["problems"] else "nothing crawled"
            error = ET.SubElement(case, "error", message=_x(reason), type=f"nothing crawled: {info.get('cause')}")
            error.text = _x("\n".join(info["problems"]))
            n_err += 1
        for page in pages:
            case = ET.SubElement(suite, "testcase", classname=f"crawl.{site}", name=_x(page["url"]))
            if page["status"] == "healthy":
                continue
            if not _fails(page, doc):
                ET.SubElement(case, "system-out").text = _x(_drift_text(page))
                continue
            if page["status"] == "fetch-failed":
                tag, kind = "error", f"fetch: {page['fetch_error']['kind']}"
                n_err += 1
            else:
                tag, kind = "failure", ",".join(sorted({f["check"] for f in page["failures"]})) or "template"
                n_fail += 1
            element = ET.SubElement(case, tag, message=_x(summary_line(page)), type=kind)
            element.text = _x(_failure_text(page))
        tests = max(len(pages), 1 if not pages else 0)
        suite.set("tests", str(tests))
        suite.set("failures", str(n_fail))
        suite.set("errors", str(n_err))
        suite.set("skipped", "0")
        total += tests
        failures += n_fail
        errors += n_err
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
