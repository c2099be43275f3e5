# make_collection.py OUT NCARDS NREVIEWS NDECKS: a seeded factdeck collection (decks/ and progress/reviews.jsonl),
# exactly NREVIEWS review lines in time order over the year before 2026-11-23T10:00Z.
import json, random, sys, os, datetime
out, ncards, nrev, ndecks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
now = datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.timezone.utc).timestamp()
rnd = random.Random(7)
os.makedirs(out + '/decks', exist_ok=True); os.makedirs(out + '/progress', exist_ok=True)
per = ncards // ndecks
ids = []
for d in range(ndecks):
    did = f"deck-{d:02d}"
    cards = [{"id": f"c-{d:02d}{i:010x}", "type": "question", "question": f"Question {i} of deck {d}?", "answer": str(i), "source": {"sentence": "x"}, "score": 0.5} for i in range(per)]
    json.dump({"format": "factdeck.deck", "version": 1, "id": did, "title": f"Deck {d}", "source": {}, "cards": cards}, open(f"{out}/decks/{did}.json", "w"))
    ids += [(did, c["id"]) for c in cards]
def iso(t): return datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
state = {}
start = now - 365 * 86400
with open(out + '/progress/reviews.jsonl', 'w') as f:
    for seq in range(1, nrev + 1):
        t = start + (now - start) * seq / (nrev + 1)
        did, cid = ids[rnd.randrange(len(ids))]
        b = state.get(cid, {"phase": "new", "reps": 0, "lapses": 0})
        r = 1 if rnd.random() < 0.12 else 3
        stab = round(min(400.0, max(1.0, b.get("stability", 1.0) * (0.5 if r == 1 else 2.2))), 4)
        a = {"phase": "relearning" if r == 1 and b["phase"] == "review" else ("review" if b["phase"] != "new" else "learning"),
             "stability": stab, "difficulty": round(4 + rnd.random() * 4, 4), "due": iso(t + stab * 86400), "last": iso(t),
             "reps": b["reps"] + 1, "lapses": b["lapses"] + (1 if r == 1 and b["phase"] == "review" else 0)}
        state[cid] = a
        f.write('{"seq":%d,"kind":"review","deck":"%s","card":"%s","time":"%s","rating":%d,"ms":%d,"typed":"answer %d","before":%s,"after":%s}\n' % (
            seq, did, cid, iso(t), r, rnd.randint(1500, 12000), seq % 97, json.dumps(b, separators=(',', ':')), json.dumps(a, separators=(',', ':'))))
