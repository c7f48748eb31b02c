#!/usr/bin/env python3
"""Opens one page in headless Chromium at several screen sizes and says, as
one JSON object per size, which visible text is cut: a line box outside the
screen, or outside an ancestor that clips its overflow (`overflow` other than
`visible`). Also lists the visible text, one entry per element, and saves a
screenshot per size in OUTDIR.

Usage: layout_check.py OUTDIR URL WIDTHxHEIGHT...
Exit 0 once every size was checked (the caller judges the result), 2 when the
browser could not run."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import open_browser  # noqa: E402

CHECK = """
var problems = [], texts = [];
var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
function visible(element) {
  for (var e = element; e; e = e.parentElement) {
    if (e.hidden || getComputedStyle(e).display === "none" || getComputedStyle(e).visibility === "hidden") { return false; }
  }
  return true;
}
function clippers(element) {
  var list = [];
  for (var e = element.parentElement; e; e = e.parentElement) {
    var style = getComputedStyle(e);
    if (style.overflowX !== "visible" || style.overflowY !== "visible") { list.push(e); }
  }
  return list;
}
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
var seen = new Map();
for (var node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim() || node.parentElement.closest("script, style")) { continue; }
  var element = node.parentElement;
  if (!visible(element)) { continue; }
  seen.set(element, (seen.get(element) || "") + node.textContent);
  var range = document.createRange();
  range.selectNodeContents(node);
  var boxes = range.getClientRects(), boxesOfClippers = clippers(element).map(function (c) {
    return [c, c === document.documentElement || c === document.body ? {left: 0, top: 0, right: vw, bottom: vh} : c.getBoundingClientRect()];
  });
  for (var i = 0; i < boxes.length; i++) {
    var b = boxes[i];
    if (b.width === 0 && b.height === 0) { continue; }
    var limits = [["écran", {left: 0, top: 0, right: vw, bottom: vh}]].concat(boxesOfClippers.map(function (p) {
      return [p[0].tagName.toLowerCase() + (p[0].id ? "#" + p[0].id : "") + (p[0].className ? "." + p[0].className : ""), p[1]];
    }));
    limits.forEach(function (limit) {
      var r = limit[1];
      if (b.left < r.left - 1 || b.top < r.top - 1 || b.right > r.right + 1 || b.bottom > r.bottom + 1) {
        problems.push({text: node.textContent.trim().slice(0, 60), outside: limit[0],
          box: [Math.round(b.left), Math.round(b.top), Math.round(b.right), Math.round(b.bottom)],
          limit: [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)]});
      }
    });
  }
}
seen.forEach(function (text, element) { texts.push({tag: element.tagName.toLowerCase(), id: element.id, text: text.trim()}); });
var shown = document.querySelector("#diapos .diapo:not([hidden])");
return {width: vw, height: vh, problems: problems, texts: texts,
        overflowing: Array.prototype.map.call(document.querySelectorAll("[data-deborde]"), function (e) { return e.querySelector("h1").textContent; }),
        size: shown ? shown.style.getPropertyValue("--taille") : null};
"""


def main():
    outdir, url, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
    results = {}
    for size in sizes:
        width, height = (int(n) for n in size.split("x"))
        driver = open_browser(width, height)
        try:
            driver.get(url)
            time.sleep(0.5)
            result = driver.execute_script(CHECK)
            result["screenshot"] = os.path.join(outdir, f"ecran-{size}.png")
            driver.save_screenshot(result["screenshot"])
            results[size] = result
        finally:
            driver.quit()
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
