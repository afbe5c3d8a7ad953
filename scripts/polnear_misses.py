#!/usr/bin/env python3
"""Where extraction misses PolNeAR attributions, counted.

Usage: scripts/polnear_misses.py GOLD.jsonl PRED.jsonl
  GOLD: ../shared/gold/polnear/jsonl/{train,dev}.jsonl
  PRED: `onrecord extract ../shared/gold/polnear/{train,dev}/text --json`

Matching is score.py's own (token F1 >= 0.5, one-to-one, best first). Prints recall by cue
family, then the most frequent cues among the missed relations.
"""
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "gold"))
import score  # noqa: E402

SPEECH = {"said", "says", "say", "told", "tells", "tell", "added", "adding", "saying", "telling",
          "according", "wrote", "asked", "tweeted", "noted", "explained", "argued", "insisted",
          "warned", "stated", "announced", "claimed", "declared", "recalled", "acknowledged",
          "suggested"}
BELIEF = {"think", "thinks", "believe", "believes", "believed", "thought", "hope", "hopes",
          "want", "wants", "wanted", "expects", "expected", "know", "knows", "feel", "feels",
          "see", "sees", "fear", "fears", "seemed", "seems", "appears", "appeared"}
EVIDENCE = {"show", "shows", "showed", "found", "finds", "reported", "suggests", "revealed",
            "indicated"}


def family(g):
    cue = ((g.get("cue") or {}).get("text") or "").lower()
    words = cue.replace(",", " ").split()
    if cue == ":":
        return "colon"
    if any(w in SPEECH for w in words):
        return "speech verb"
    if any(w in BELIEF for w in words):
        return "belief/perception verb"
    if any(w in EVIDENCE for w in words):
        return "evidence (poll/report shows)"
    return "other cue, " + ("several words" if len(words) > 1 else "one word")


def main():
    gold = [g for g in score.load_jsonl(sys.argv[1])
            if g.get("primary_annotator", True) and g.get("content")]
    pred = score.load_jsonl(sys.argv[2])
    by_art = collections.defaultdict(list)
    for p in pred:
        by_art[score.base(p.get("source") or "")].append(p)
    gold_by_art = collections.defaultdict(list)
    for g in gold:
        gold_by_art[g["article"]].append(g)
    missed = []
    for art, gs in gold_by_art.items():
        ps = by_art.get(art, [])
        pairs = sorted(((score.tok_f1(g["content"]["text"], p.get("text")), i, j)
                        for i, g in enumerate(gs) for j, p in enumerate(ps)), reverse=True)
        gi, pj = set(), set()
        for f1, i, j in pairs:
            if f1 < 0.5:
                break
            if i in gi or j in pj:
                continue
            gi.add(i)
            pj.add(j)
        missed.extend(g for i, g in enumerate(gs) if i not in gi)
    total = collections.Counter(family(g) for g in gold)
    miss = collections.Counter(family(g) for g in missed)
    print(f"{'cue family':<34}{'gold':>7}{'missed':>8}{'recall':>8}")
    for k, v in total.most_common():
        print(f"{k:<34}{v:>7}{miss[k]:>8}{1 - miss[k] / v:>8.3f}")
    print(f"{'all':<34}{len(gold):>7}{len(missed):>8}{1 - len(missed) / len(gold):>8.3f}")
    cues = collections.Counter(((g.get("cue") or {}).get("text") or "").lower() for g in missed)
    print(f"missed: {sum(1 for g in missed if not g.get('source'))} have no source span, "
          f"{sum(1 for g in missed if g.get('content_has_quote_marks'))} have quote marks; "
          f"{len(cues)} distinct cues, {sum(1 for v in cues.values() if v == 1)} of them once")
    print("most missed cues:", ", ".join(f"{c or '∅'} {n}" for c, n in cues.most_common(20)))


if __name__ == "__main__":
    main()
