#!/usr/bin/env python3
"""Share of pairs (complex, simple version of the same content) ranked right by each score.

The pairs are in pairs.tsv (written for the project; `dev` pairs were used to set the
weights of crieur's simplicity index, `heldout` pairs never were). Each version goes
to the real `crieur check --format json` (release build) as a file of its own; a pair
is ranked right when the simple version scores easier:
- Kandel & Moles (`metrics.kandelMoles`, higher is easier),
- crieur's simplicity index (`metrics.simplicity`, higher is easier),
- textstat's French Flesch (`flesch_reading_ease` with `set_lang("fr")`, higher is easier),
- length (fewer words is easier: « the shorter one is simpler »).
A tie counts as wrong. Prints the shares for dev, heldout and all pairs side by side.

Usage (from anywhere): python3 benchmarks/readability/pair_ranking.py [--show]
Needs: textstat (`scripts/setup --tests` puts it in .venv-peers/, which this script uses)
"""
import argparse
import os
import tempfile

import crieur_cli

PAIRS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.tsv")


def load_pairs():
    pairs = []
    with open(PAIRS, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("split\t"):
                continue
            split, complex_text, simple_text = line.split("\t")
            pairs.append((split, complex_text, simple_text))
    return pairs


def main():
    crieur_cli.use_peers_python()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the pairs the new index ranks wrong")
    args = parser.parse_args()
    import textstat

    textstat.set_lang("fr")
    pairs = load_pairs()
    crieur = crieur_cli.build()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (_, complex_text, simple_text) in enumerate(pairs):
            for kind, text in (("complex", complex_text), ("simple", simple_text)):
                path = os.path.join(tmp, f"{i:03d}-{kind}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text + "\n")
                paths.append(path)
        reports = crieur_cli.check(crieur, paths)
    scores = {
        "Kandel & Moles": lambda r, t: r["metrics"]["kandelMoles"],
        "simplicity (new)": lambda r, t: r["metrics"]["simplicity"],
        "textstat Flesch": lambda r, t: textstat.flesch_reading_ease(t),
        "length (words)": lambda r, t: -r["metrics"]["words"],
    }
    right = {name: {"dev": 0, "heldout": 0} for name in scores}
    totals = {"dev": 0, "heldout": 0}
    for i, (split, complex_text, simple_text) in enumerate(pairs):
        complex_report, simple_report = reports[2 * i], reports[2 * i + 1]
        totals[split] += 1
        for name, score in scores.items():
            if score(simple_report, simple_text) > score(complex_report, complex_text):
                right[name][split] += 1
            elif args.show and name == "simplicity (new)":
                print(f"[{split}] wrong: {complex_text!r} ({score(complex_report, complex_text)}) vs "
                      f"{simple_text!r} ({score(simple_report, simple_text)})")
    n_all = totals["dev"] + totals["heldout"]
    print(f"{len(pairs)} pairs ({totals['dev']} dev, {totals['heldout']} held out), share ranked right:")
    print(f"{'score':<18} {'dev':>8} {'heldout':>8} {'all':>8}")
    for name in scores:
        d, h = right[name]["dev"], right[name]["heldout"]
        print(f"{name:<18} {100 * d / totals['dev']:7.1f}% {100 * h / totals['heldout']:7.1f}% {100 * (d + h) / n_all:7.1f}%")


if __name__ == "__main__":
    main()
