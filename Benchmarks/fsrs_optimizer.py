#!/usr/bin/env python3
"""Compare `factdeck fsrs optimize` with fsrs-rs' compute_parameters on the same items.

Needs fsrs-rs-python 0.9.3 (and py-fsrs 6.3.2 for --truth-from) in the running Python.

Builds the training items exactly as factdeck does (and checks that the counts agree): reviews
grouped per card (cards in first-appearance order), each card's reviews in time order; a
review's study day is floor((t - day_start) / 24 h) with the day starting at
--day-start-hour UTC; delta_t is the difference of study days (0 for the first review); every
review with delta_t > 0 ends one item (the card's history up to and including it). Items are
ordered by the time of the review that ends them (ties: card, then position), the order
fsrs-rs' recency weights expect.

Then, alternating runs: the whole `factdeck fsrs optimize FILE --json` process (wall time) and
fsrs-rs compute_parameters(items) (in-process), each --runs times; reports the medians, and
every parameter set (defaults, fsrs-rs', factdeck's, and the true ones with --truth-from)
evaluated by fsrs-rs' own FSRS(params).evaluate(items).

  python fsrs_optimizer.py --factdeck .build/release/factdeck --csv josh.csv --day-start-hour 10
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

import fsrs_rs_python as rs

DAY_US = 86_400_000_000


def read_reviews(path: Path) -> list[tuple[str, int, int]]:
    """(card id, time in microseconds, rating) per valid row, in file order."""
    rows = []
    with path.open(newline="") as f:
        reader = csv.DictReader(f)
        names = {name.lower(): name for name in reader.fieldnames or []}
        time_col = names.get("review_time") or names.get("review_time_unix_ms")
        rating_col = names.get("review_rating") or names.get("rating")
        if "card_id" not in names or not time_col or not rating_col:
            raise SystemExit(f"error: {path}: needs card_id, review_time and review_rating columns")
        for rec in reader:
            raw = rec[time_col].strip()
            try:
                t_us = int(round(float(raw) * 1000))
            except ValueError:
                dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
                if dt.tzinfo is None:
                    dt = dt.replace(tzinfo=timezone.utc)
                t_us = int(round(dt.timestamp() * 1_000_000))
            rows.append((rec[names["card_id"]].strip(), t_us, int(rec[rating_col])))
    return rows


def build_items(rows, day_start_hour: int) -> tuple[list, list[int]]:
    shift = day_start_hour * 3_600_000_000
    cards: dict[str, list[tuple[int, int, int]]] = {}
    for n, (card, t_us, rating) in enumerate(rows):
        cards.setdefault(card, []).append((t_us, n, rating))
    ends = []  # (time, card number, position, reviews, card number)
    for number, history in enumerate(cards.values()):
        history.sort()
        reviews, last_day = [], None
        for position, (t_us, _, rating) in enumerate(history):
            day = (t_us - shift) // DAY_US
            delta = 0 if last_day is None else day - last_day
            reviews.append(rs.FSRSReview(rating, delta))
            if delta > 0:
                ends.append((t_us, number, position, list(reviews)))
            last_day = day
    ends.sort(key=lambda e: (e[0], e[1], e[2]))
    return [rs.FSRSItem(e[3]) for e in ends], [e[1] for e in ends]


def evaluate(parameters, items) -> dict:
    ev = rs.FSRS(list(parameters)).evaluate(items)
    return {"log_loss": ev.log_loss, "rmse_bins": ev.rmse_bins}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--factdeck", type=Path, required=True, help="the factdeck binary (release build)")
    ap.add_argument("--csv", type=Path, required=True)
    ap.add_argument("--day-start-hour", type=int, default=4, help="UTC hour a study day starts (default 4)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--truth-from", type=Path, help="make_synthetic.py, whose TRUE_PARAMETERS made --csv")
    ap.add_argument("--out", type=Path, help="also write the JSON report here")
    a = ap.parse_args()

    items, card_ids = build_items(read_reviews(a.csv), a.day_start_hour)
    command = [str(a.factdeck), "fsrs", "optimize", str(a.csv), "--json", "--day-start-hour", str(a.day_start_hour)]
    fsrs = rs.FSRS(list(rs.DEFAULT_PARAMETERS))
    ours_s, theirs_s, theirs_card_s = [], [], []
    for _ in range(a.runs):
        t = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        ours_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        theirs = fsrs.compute_parameters(items)
        theirs_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        theirs_card = fsrs.compute_parameters(items, card_ids=card_ids)
        theirs_card_s.append(time.perf_counter() - t)
    ours = json.loads(done.stdout)
    if ours["items"] != len(items):
        raise SystemExit(f"error: factdeck made {ours['items']} items, this script {len(items)}")

    report = {
        "csv": a.csv.name,
        "reviews": ours["reviews"],
        "items": len(items),
        "day_start_hour_utc": a.day_start_hour,
        "factdeck_command": " ".join(command),
        "factdeck_seconds_median": round(statistics.median(ours_s), 4),
        "fsrs_rs_compute_parameters_seconds_median": round(statistics.median(theirs_s), 4),
        "fsrs_rs_compute_parameters_with_card_ids_seconds_median": round(statistics.median(theirs_card_s), 4),
        "time_ratio": round(statistics.median(ours_s) / statistics.median(theirs_s), 2),
        "parameters": {
            "factdeck": [round(x, 4) for x in ours["parameters"]],
            "fsrs_rs": [round(x, 4) for x in theirs],
            "fsrs_rs_with_card_ids": [round(x, 4) for x in theirs_card],
        },
        "evaluate": {
            "default": evaluate(rs.DEFAULT_PARAMETERS, items),
            "fsrs_rs": evaluate(theirs, items),
            "fsrs_rs_with_card_ids": evaluate(theirs_card, items),
            "factdeck": evaluate(ours["parameters"], items),
        },
        "factdeck_own_figures": {"logLoss": ours["logLoss"], "rmseBins": ours["rmseBins"]},
        "environment": {"fsrs-rs-python": version("fsrs-rs-python"), "python": sys.version.split()[0]},
    }
    ev = report["evaluate"]
    report["log_loss_vs_fsrs_rs_percent"] = round(
        100 * (ev["factdeck"]["log_loss"] / ev["fsrs_rs"]["log_loss"] - 1), 3)
    if a.truth_from:
        spec = importlib.util.spec_from_file_location("make_synthetic", a.truth_from)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        truth = list(module.TRUE_PARAMETERS)
        report["parameters"]["true"] = truth
        ev["true"] = evaluate(truth, items)
        for name in ("factdeck", "fsrs_rs"):
            fitted = report["parameters"][name]
            errors = [abs(f - t) / max(abs(t), 1e-9) for f, t in zip(fitted, truth)]
            report[f"{name}_vs_true"] = {
                "median_relative_error": round(statistics.median(errors), 3),
                "within_10_percent": sum(e <= 0.10 for e in errors),
                "within_25_percent": sum(e <= 0.25 for e in errors),
            }
    text = json.dumps(report, indent=1)
    print(text)
    line = (f"fsrs optimize {a.csv.name} ({report['reviews']} reviews, {len(items)} items): "
            f"factdeck {report['factdeck_seconds_median']} s, fsrs-rs compute_parameters "
            f"{report['fsrs_rs_compute_parameters_seconds_median']} s, ratio {report['time_ratio']}; "
            f"log loss factdeck {ev['factdeck']['log_loss']:.5f}, fsrs-rs {ev['fsrs_rs']['log_loss']:.5f} "
            f"({report['log_loss_vs_fsrs_rs_percent']:+.2f}%), defaults {ev['default']['log_loss']:.5f}")
    if "true" in ev:
        line += f", true parameters {ev['true']['log_loss']:.5f}"
    print(line, file=sys.stderr)
    if a.out:
        a.out.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
