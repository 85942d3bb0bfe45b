#!/usr/bin/env python3
"""Writes SIZE_MB of invented glued news text (one paragraph per line,
stories cut mid-sentence or separated by nothing) to PATH. Our own
vocabulary; no third-party text. Usage: gen_corpus.py PATH SIZE_MB"""
import random
import sys

NOUNS = "council harbour ferry orchard river bridge ministry festival market school museum railway lighthouse valley union budget archive storm vote clinic factory court grant island village tunnel reservoir".split()
VERBS = "approved rejected delayed announced opened closed rebuilt funded questioned expanded reviewed cancelled welcomed criticised inspected".split()
ADJ = "new old local regional quiet costly early late northern coastal small public disputed temporary historic".split()


SYLLABLES = "ka lo mi ra ten vis dor an bel cor fen gal hul iss jor kel mar nov pel quin ros sul tav ur vel wen yor zan".split()


def invented_word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(2 + rng.randrange(2)))


def sentence(rng, topic):
    words = [rng.choice(["The", "After", "Officials", "Residents", "In", "Critics"])]
    for _ in range(6 + rng.randrange(14)):
        pool = (rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ADJ), "the", "of", "and", "in", rng.choice(topic["words"]), rng.choice(topic["words"]))
        words.append(rng.choice(pool))
    if rng.random() < 0.3:
        words.append("%s said" % topic["person"].split()[-1])
    return " ".join(words) + "."


def story(rng, n):
    # Each story has its own invented names and words, as real stories do.
    topic = {
        "person": "%s %s" % (invented_word(rng).title(), invented_word(rng).title()),
        "place": invented_word(rng).title(),
        "words": [invented_word(rng) for _ in range(6)],
    }
    lines = ["The %s of %s %s plan %d on Tuesday, %s said. %s" % (rng.choice(NOUNS), topic["place"], rng.choice(VERBS), n, topic["person"], sentence(rng, topic))]
    for _ in range(rng.randrange(1, 9)):
        lines.append(" ".join(sentence(rng, topic) for _ in range(1 + rng.randrange(4))))
    if rng.random() < 0.5:
        lines[-1] = lines[-1].rstrip(".") + " and the"  # cut off mid-sentence
    return "\n".join(lines) + "\n"


def main():
    path, size_mb = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    target = size_mb * 1024 * 1024
    written = 0
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            chunk = "".join(story(rng, n + i) for i in range(200))
            n += 200
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
    print("wrote %d MB, %d stories to %s" % (written // (1024 * 1024), n, path), file=sys.stderr)


if __name__ == "__main__":
    main()
