#!/usr/bin/env python3
"""Runs axe-core's WCAG 2.0 and 2.1 A and AA rules on HTML pages in headless
Chromium (through Selenium and Debian's chromedriver) and prints, as one JSON
object, the violations of each page: {"axe": VERSION, "pages": {PAGE: [...]}}
with, per violation, its rule id, impact, help text and offending nodes.

Usage: axe_check.py [--width W] [--height H] [--wait MS] PAGE...
A PAGE is a file path or a URL (a query string such as ?maintenant=… is kept).
Exit 0 once every page was checked, violations or not (the caller judges them);
2 when the check itself could not run (no browser, no axe-core).

axe-core is the axe.min.js shipped in the PyPI package axe-playwright-python
(installed without its dependencies: only that file is read)."""
import argparse
import importlib.metadata
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import fail, open_browser  # noqa: E402

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_source():
    try:
        files = importlib.metadata.files("axe-playwright-python") or []
    except importlib.metadata.PackageNotFoundError:
        fail("axe-core is missing: install axe-playwright-python (scripts/setup --tests)")
    for file in files:
        if file.name == "axe.min.js":
            return file.locate().read_text(encoding="utf-8")
    fail("axe-playwright-python ships no axe.min.js")


def as_url(page):
    if "://" in page:
        return page
    path, _, query = page.partition("?")
    return "file://" + urllib.parse.quote(os.path.abspath(path)) + ("?" + query if query else "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--wait", type=int, default=500, help="milliseconds for the page's scripts after load")
    parser.add_argument("pages", nargs="+")
    arguments = parser.parse_args()
    source = axe_source()
    driver = open_browser(arguments.width, arguments.height)
    result = {"pages": {}}
    try:
        for page in arguments.pages:
            driver.get(as_url(page))
            time.sleep(arguments.wait / 1000)
            driver.execute_script(source)
            report = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                ".then(function (r) { done({version: axe.version, violations: r.violations}); },"
                " function (e) { done({error: String(e)}); });", TAGS)
            if "error" in report:
                fail(f"axe-core failed on {page}: {report['error']}")
            result["axe"] = report["version"]
            result["pages"][page] = [{
                "id": v["id"], "impact": v["impact"], "help": v["help"],
                "nodes": [{"target": n["target"], "html": n["html"], "summary": n.get("failureSummary", "")}
                          for n in v["nodes"]],
            } for v in report["violations"]]
    finally:
        driver.quit()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
