#!/usr/bin/env python3
"""Opens an e-mail's HTML body in headless Chromium as a phone shows it and
says, as one JSON object, what a reader would meet: whether the page scrolls
sideways (document.scrollingElement.scrollWidth and innerWidth beyond WIDTH:
a phone widens its layout to what overflows), the smallest
text size, the smallest height of a button (class "bouton"), the pictures
without alt text and the text-carrying backgrounds drawn by pictures, and
axe-core's WCAG 2.1 A and AA violations — once in the light scheme and once
with `prefers-color-scheme: dark` emulated (Emulation.setEmulatedMedia), the
second with the body's computed colours. Saves a screenshot of each scheme in
OUTDIR.

Usage: mail_view_check.py OUTDIR PAGE WIDTH HEIGHT
Exit 0 once both schemes were checked (the caller judges), 2 when the check
could not run."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from axe_check import TAGS, as_url, axe_source  # noqa: E402
from chromium import fail, open_browser  # noqa: E402

MEASURE = """
var min = null, smallest = "";
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (var node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim()) { continue; }
  var size = parseFloat(getComputedStyle(node.parentElement).fontSize);
  if (min === null || size < min) { min = size; smallest = node.textContent.trim().slice(0, 60); }
}
var buttons = Array.from(document.querySelectorAll(".bouton")).map(function (b) {
  return {text: b.textContent.trim().slice(0, 60), height: b.getBoundingClientRect().height};
});
var unlabelled = Array.from(document.images).filter(function (i) { return !i.hasAttribute("alt"); }).map(function (i) { return i.src; });
var painted = Array.from(document.querySelectorAll("*")).filter(function (e) {
  return getComputedStyle(e).backgroundImage !== "none";
}).map(function (e) { return e.tagName; });
var body = getComputedStyle(document.body), page = document.querySelector(".page");
return {scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth,
        smallestText: min, smallestTextSample: smallest, buttons: buttons, imagesWithoutAlt: unlabelled,
        backgroundPictures: painted, bodyColor: body.color, bodyBackground: body.backgroundColor,
        pageColor: page ? getComputedStyle(page).color : "", pageBackground: page ? getComputedStyle(page).backgroundColor : "",
        prefersDark: window.matchMedia("(prefers-color-scheme: dark)").matches};
"""


def main():
    if len(sys.argv) != 5:
        fail(__doc__)
    outdir, page, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    source = axe_source()
    driver = open_browser(width, height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    result = {}
    try:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                   {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            driver.get(as_url(page))
            time.sleep(0.3)
            view = driver.execute_script(MEASURE)
            shot = os.path.join(outdir, f"lettre-{width}-{scheme}.png")
            driver.save_screenshot(shot)
            driver.execute_script(source)
            report = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                ".then(function (r) { done({violations: r.violations}); }, function (e) { done({error: String(e)}); });", TAGS)
            if "error" in report:
                fail(f"axe-core failed on {page}: {report['error']}")
            view["violations"] = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                                   "nodes": [n["html"] for n in v["nodes"]]} for v in report["violations"]]
            view["screenshot"] = shot
            result[scheme] = view
    finally:
        driver.quit()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
