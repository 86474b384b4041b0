#!/usr/bin/env python3
"""Accuracy per EngineArbiter case and score bin, from `eval` TSVs: the numbers in
src/ProtocolOcr.Recognition/Arbitration/field-calibration.json.
Usage: fit_calibration.py [--json SOURCE_NOTE] EVAL.tsv...   (--json prints the file itself, its "source" the note)"""
import collections, csv, json, sys

PRINTED_SURE, SUPPORTED_FROM, SUPPORTING, CONFIRMING, DIGITS_ALONE = 0.99, 0.95, 0.3, 0.1, 0.99
BINS = {
    "agreed": [0.5, 0.6, 0.7, 2],
    "printed_confirmed": [2],
    "printed_right": [0.5, 0.7, 2],
    "printed_recounted": [0.7, 2],
    "printed_supported": [2],
    "handwritten_right": [0.5, 0.7, 0.9, 0.98, 0.99, 0.995, 2],
}


def alternatives(text):
    return {a.split(":")[0]: float(a.split(":")[1]) for a in text.split()}


def case(r):
    """(case, score, value) as EngineArbiter decides; None when it sends the field to review or it is empty."""
    tv, hv, tc, hc = r["tv"], r["hv"], float(r["tc"]), float(r["hc"])
    if not hv:
        return None
    if hc >= DIGITS_ALONE and r["sum"] == "1":  # a field a sum checks: Tesseract is not asked
        return "handwritten_right", hc, hv
    if tv == hv:
        return "agreed", 1.0 if tc >= PRINTED_SURE else hc, hv
    if not tv:
        return "handwritten_right", hc, hv
    support = alternatives(r["ha"]).get(tv, 0)
    if tc >= PRINTED_SURE and hc >= PRINTED_SURE and len(hv) > len(tv):
        return "handwritten_right", hc, hv  # lighter digits Tesseract dropped
    if tc >= PRINTED_SURE:
        if support >= CONFIRMING:
            return "printed_confirmed", hc, tv
        name = "printed_recounted" if len(tv) != len(hv) else "printed_right"
        return name, hc, tv  # kept while the fitted accuracy is >= 0.5, else handwritten_right
    if tc >= SUPPORTED_FROM and support >= SUPPORTING:
        return "printed_supported", hc, tv
    return "handwritten_right", hc, hv


args = sys.argv[1:]
source = None
if args[:1] == ["--json"]:
    source, args = args[1], args[2:]

bins = collections.defaultdict(lambda: [0, 0])
for path in args:
    for r in csv.DictReader(open(path), delimiter="\t"):
        decided = case(r)
        if decided is None:
            continue
        name, score, value = decided
        below = next(b for b in BINS[name] if score < b)
        cell = bins[(name, below)]
        cell[0] += 1
        cell[1] += value == r["truth"]

def laplace(name, below):
    n, right = bins[(name, below)]
    return round((right + 1) / (n + 2), 3)


if source is not None:
    cases = [
        f'  "{name}": [\n' + ",\n".join(f'    {{ "below": {b}, "accuracy": {laplace(name, b)} }}' for b in edges) + "\n  ]"
        for name, edges in BINS.items()]
    print("{\n" + f'  "source": {json.dumps(source)},\n' + ",\n".join(cases) + "\n}")
    sys.exit(0)

for name, edges in BINS.items():
    print(name)
    for below in edges:
        n, right = bins[(name, below)]
        print(f"  below {below}: n={n} accuracy={(right + 1) / (n + 2):.3f} (raw {right}/{n}, Laplace)")
