#!/usr/bin/env python3
"""Regenerates word-classes.txt: for every single English word form that WordNet 3.0 knows,
the open word classes it can belong to. The tagger uses this as features ("can be a verb",
"cannot be a noun"), which matters most for words the treebank never showed it.

usage: python3 Data/wordnet/make_word_classes.py [/usr/share/wordnet] > Data/wordnet/word-classes.txt
(Debian: apt-get install wordnet-base). Deterministic: sorted output.

Classes (one letter each):
  n  noun, singular or mass (a noun lemma)     p  plural noun (regular -s/-es/-ies, or noun.exc)
  v  verb, base form (a verb lemma)            z  verb, third person singular (-s/-es/-ies)
  d  verb, past tense or participle (-ed, or verb.exc)
  g  verb, -ing form                           j  adjective (lemma or adj.exc)   r  adverb
Only inflections WordNet's own morphology (morphy) would undo are generated, so every
form here maps back to a WordNet lemma.
"""
import os
import sys
from collections import defaultdict

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"


def lemmas(pos):
    out = []
    for line in open(os.path.join(root, "index." + pos), encoding="latin-1"):
        if line.startswith(" "):
            continue  # the licence header
        word = line.split(" ", 1)[0]
        if "_" not in word and word.isascii():
            out.append(word.lower())
    return out


def exceptions(pos):
    out = []
    for line in open(os.path.join(root, pos + ".exc"), encoding="latin-1"):
        parts = line.split()
        if len(parts) >= 2 and "_" not in parts[0] and parts[0].isascii():
            out.append((parts[0].lower(), parts[1:]))
    return out


def s_form(w):
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def ed_form(w):
    if w.endswith("e"):
        return w + "d"
    if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
        return w[:-1] + "ied"
    return w + "ed"


def ing_form(w):
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        return w[:-1] + "ing"
    if w.endswith("ie"):
        return w[:-2] + "ying"
    return w + "ing"


classes = defaultdict(set)
for w in lemmas("noun"):
    classes[w].add("n")
    classes[s_form(w)].add("p")
for form, _ in exceptions("noun"):
    classes[form].add("p")
verbs = lemmas("verb")
for w in verbs:
    classes[w].add("v")
    classes[s_form(w)].add("z")
    classes[ed_form(w)].add("d")
    classes[ing_form(w)].add("g")
for form, _ in exceptions("verb"):
    classes[form].add("g" if form.endswith("ing") else ("z" if form.endswith("s") and not form.endswith("ss") else "d"))
for w in lemmas("adj"):
    classes[w].add("j")
for form, _ in exceptions("adj"):
    classes[form].add("j")
for w in lemmas("adv"):
    classes[w].add("r")

order = "npvzdgjr"
groups = defaultdict(list)
for word, cs in classes.items():
    groups["".join(c for c in order if c in cs)].append(word)
print("# Word classes from WordNet 3.0 (Princeton University; licence in LICENSE-WordNet beside this file).")
print("# Made by make_word_classes.py; each line: CLASSES<TAB>words separated by spaces.")
for key in sorted(groups, key=lambda k: ("".join(str(order.index(c)) for c in k))):
    words = sorted(groups[key])
    for i in range(0, len(words), 40):
        print(key + "\t" + " ".join(words[i:i + 40]))
