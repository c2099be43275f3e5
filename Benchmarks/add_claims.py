# add_claims.py DECKS_DIR FRACTION DISAGREE: gives a seeded FRACTION of the cards of every
# deck in DECKS_DIR a claim, in place, so that conflict finding can be timed on a collection
# (Benchmarks/make_collection.py makes one without claims). Subjects are drawn from a pool
# small enough that most claims meet others about the same thing; they state the same
# figure (or a rounding of it) except with probability DISAGREE, when the figure is off.
import glob, json, random, sys
folder, fraction, disagree = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
rnd = random.Random(19)
subjects = [f"subject {i}" for i in range(5000)]
quantities = ["trade", "imports", "population", "area", "found"]
for path in sorted(glob.glob(folder + "/*.json")):
    deck = json.load(open(path))
    for card in deck["cards"]:
        if rnd.random() >= fraction:
            continue
        q = rnd.choice(quantities)
        unit, kind = {"found": ("year", "year"), "population": ("count:person", "number"), "area": ("km2", "number")}.get(q, ("percent", "percent"))
        subject = rnd.choice(subjects)
        # The true figure of this subject and quantity, the same in every source.
        truth = random.Random(f"{subject}|{q}")
        base = {"year": 1800 + truth.randrange(200), "count:person": 1_000_000 * truth.randrange(1, 90), "km2": 1000 * truth.randrange(1, 500)}.get(unit, truth.randrange(1, 100))
        value = base + 7 if rnd.random() < disagree else rnd.choice([base, base, base + 0.3 if unit == "percent" else base])
        claim = {"subject": subject, "quantity": q, "value": value, "unit": unit, "kind": kind}
        if rnd.random() < 0.3: claim["approximate"] = True
        if rnd.random() < 0.1: claim["time"] = str(2015 + rnd.randrange(8))
        card["claim"] = claim
    json.dump(deck, open(path, "w"))
