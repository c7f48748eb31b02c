#!/usr/bin/env python3
"""CPU time (user + system) of `crieur check --format json` on the bench's 1 MB of prose.

Compares builds of crieur (copies of the binary, e.g. before and after a change)
run in turn, so that a noisy shared machine weighs on each alike; prints the best
and median CPU time of each. CPU time rather than wall time: on a machine whose
cores are shared it moves less. Start-up included, output discarded.

Usage: benchmarks/readability/cpu_time.py [--runs 15] [--text FILE] CRIEUR...
Without --text, the text is the one `bench` assembles (same seed).
"""
import argparse
import importlib.machinery
import os
import statistics
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def cpu_seconds(binary, text):
    """User + system CPU seconds of one run of `binary check --format json text`."""
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execv(binary, [binary, "check", "--format", "json", text])
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{binary} exited with {os.waitstatus_to_exitcode(status)}")
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--text")
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = args.text
        if not text:
            sys.path.insert(0, here)
            bench = importlib.machinery.SourceFileLoader("bench", os.path.join(here, "bench")).load_module()
            text = os.path.join(tmp, "prose.txt")
            bench.assemble(text)
        times = {binary: [] for binary in args.binaries}
        for _ in range(args.runs):
            for binary in args.binaries:
                times[binary].append(cpu_seconds(binary, text))
    for binary, seconds in times.items():
        print(f"{binary}: CPU best {min(seconds):.3f} s, median {statistics.median(seconds):.3f} s ({len(seconds)} runs)")


if __name__ == "__main__":
    main()
