# fsrs_peers.py CSV: replay a review log (card_id,review_time_unix_ms,rating,...) with the
# reference implementations, fuzz off, default parameters. Prints "py-fsrs SECONDS" and
# "fsrs-rs SECONDS" (whole histories through historical_memory_state_batch).
import csv, sys, time
from collections import defaultdict
from datetime import datetime, timezone

path = sys.argv[1]
rows = []
with open(path) as f:
    for r in csv.DictReader(f):
        rows.append((r['card_id'], int(r['review_time_unix_ms']), int(r['rating'])))

import fsrs_rs_python as rs
cards = defaultdict(list)
for cid, t, rating in rows:
    cards[cid].append((t, rating))
items = []
for h in cards.values():
    h.sort()
    reviews, last = [], None
    for t, rating in h:
        day = t // 86_400_000
        reviews.append(rs.FSRSReview(rating, 0 if last is None else day - last))
        last = day
    items.append(rs.FSRSItem(reviews))
model = rs.FSRS(list(rs.DEFAULT_PARAMETERS))
t0 = time.perf_counter()
model.historical_memory_state_batch(items)
print(f"fsrs-rs {time.perf_counter() - t0:.3f}")

if '--no-py-fsrs' not in sys.argv:
    from fsrs import Scheduler, Card, Rating
    sched = Scheduler(enable_fuzzing=False)
    state = {}
    t0 = time.perf_counter()
    for cid, t, rating in sorted(rows, key=lambda r: r[1]):
        card = state.get(cid) or Card()
        card, _ = sched.review_card(card, Rating(rating), datetime.fromtimestamp(t / 1000, timezone.utc))
        state[cid] = card
    print(f"py-fsrs {time.perf_counter() - t0:.3f}")
