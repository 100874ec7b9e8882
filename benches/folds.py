#!/usr/bin/env python3
"""Extraction scores by publisher fold: the leave-publishers-out figures of the README.

The development corpus (`../shared/corpus`) holds two groups of publishers: `00`-`66` (Japan's
foreign ministry and the other releases involving Japan, then Asia-Pacific governments) and
`70`-`87` (Europe, the Americas, Africa, the Middle East, NATO and the EU). The extractor's rules
are written while one group is held out and scored on it, then the other way round; this script
scores each group on its own with the corpus scorer, plus any further directory of releases given
with `--extra` (a set nobody developed on), and prints one table row per set.

    python3 benches/folds.py [--binary target/release/pactgraph] [--extra DIR ...]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
FOLDS = {"A (00-66, Japan and Asia-Pacific)": range(0, 70),
         "B (70-87, Europe, Americas, Africa, Middle East)": range(70, 100)}


def score(scorer, corpus, binary):
    run = subprocess.run(
        [sys.executable, scorer, "--corpus", corpus, "--json",
         "--extract", f"{binary} extract {{}} --format json"],
        capture_output=True, text=True, check=True)
    report = json.loads(run.stdout)
    worst = min(report["rows"], key=lambda r: r["f1"]) if report["rows"] else None
    return report, worst


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "pactgraph"))
    ap.add_argument("--extra", action="append", default=[])
    args = ap.parse_args()
    corpus = os.path.join(SHARED, "corpus")
    scorer = os.path.join(SHARED, "eval", "score.py")
    if not (os.path.isdir(corpus) and os.path.isfile(scorer)):
        sys.exit(f"folds.py: {corpus} or {scorer} is missing (the corpus sits beside the checkout)")
    sets = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, numbers in FOLDS.items():
            fold = os.path.join(tmp, str(len(sets)))
            os.mkdir(fold)
            for f in sorted(os.listdir(corpus)):
                head = f.split("-", 1)[0]
                if head.isdigit() and int(head) in numbers and f.endswith((".txt", ".facts.json")):
                    os.symlink(os.path.join(corpus, f), os.path.join(fold, f))
            sets.append((name, fold))
        sets.append(("whole development corpus", corpus))
        for extra in args.extra:
            sets.append((os.path.basename(os.path.normpath(extra)), extra))
        print(f"| {'set':<50} | releases | precision | recall |   F1  | lowest release F1 |")
        print(f"|{'-' * 52}|---------:|----------:|-------:|------:|------------------:|")
        for name, path in sets:
            report, worst = score(scorer, path, args.binary)
            low = f"{worst['f1']:.2f} ({worst['release'][:2]})" if worst else "-"
            print(f"| {name:<50} | {report['releases']:>8} | {report['precision']:>9.3f} "
                  f"| {report['recall']:>6.3f} | {report['f1']:.3f} | {low:>17} |")
    shutil.rmtree(os.path.join(tmp), ignore_errors=True)


if __name__ == "__main__":
    main()
