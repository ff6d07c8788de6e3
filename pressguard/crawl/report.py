"""The crawl's report files, rewritten atomically after every page:

    report.json   the whole document (see docs/scheduling.md); `"complete": false`
                  until the crawl has finished
    junit.xml     one testcase per page (a site that gave no page: one testcase for
                  the site); <failure> for a failing check or template drift, with
                  field / expected / found; <error> for a page that could not be fetched
    report.html   one self-contained page for people (html_report.py)
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pressguard.cassette_format import write_atomically

from .html_report import render_html
from .pages import summary_line


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


def render_junit(doc: dict) -> str:
    suites = ET.Element("testsuites", name="pressguard crawl")
    total = failures = errors = 0
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
