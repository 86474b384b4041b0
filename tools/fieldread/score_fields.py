#!/usr/bin/env python3
"""Per set, from `eval` TSVs: fields the arbiter read right (its value is the truth), wrong ones, and wrong ones at a
value confidence >= 0.99 (the arbiter's value before arithmetic and decision). Compares digit models on DEV crops.
Usage: score_fields.py EVAL.tsv...      (one line per set and file)"""
import collections, csv, sys

SURE = 0.99

for path in sys.argv[1:]:
    sets = collections.defaultdict(lambda: collections.Counter())
    for r in csv.DictReader(open(path), delimiter="\t"):
        tally = sets[r["set"]]
        tally["fields"] += 1
        if r["av"] == r["truth"]:
            tally["right"] += 1
            continue
        tally["wrong"] += 1
        if float(r["ac"]) >= SURE:
            tally["sure_wrong"] += 1
    for name, tally in sorted(sets.items()):
        print(f"{path}\t{name}\tright {tally['right']}/{tally['fields']}\twrong {tally['wrong']}"
              f"\twrong>={SURE} {tally['sure_wrong']}")
