#!/usr/bin/env bash
# Who said it, on real news: ingests the AllSides world-diplomacy subset into a scratch index and
# audits the Officials list as a researcher would read it. Prints the top N official rows
# (people, institutions, countries) with their kind and a flag for each suspect row (lower-case,
# a title in the name, a surname alone, a place, a name another row shares), then the share of
# statements whose speaker is lower-case or title-prefixed, and the kinds' shares.
# Usage: scripts/officials_audit.sh [N]   (SUBSET=path INDEX=dir to override)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
SUBSET=${SUBSET:-../shared/corpora/allsides/world-diplomacy-subset.jsonl.gz}
INDEX=${INDEX:-$(mktemp -d)/idx}
cargo build --release --quiet
bin=target/release/onrecord
"$bin" --index "$INDEX" ingest "$SUBSET" >&2
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
"$bin" --index "$INDEX" officials --json > "$rows"
python3 - "$N" data/speakers.toml "$rows" <<'PY'
import json, sys, tomllib, collections
n = int(sys.argv[1])
words = tomllib.load(open(sys.argv[2], "rb"))["words"]
titles = set(words["titles"]) | {
    "president", "minister", "secretary", "senator", "sen.", "rep.", "gov.", "mr.", "mrs.", "ms.",
    "dr.", "gen.", "general", "chancellor", "ambassador", "spokesman", "spokeswoman", "director",
    "chairman", "leader", "prime", "foreign", "deputy", "former", "judge", "justice", "king",
    "queen", "prince", "commissioner", "capt.", "col.", "lt.", "adm.", "intelligence", "home",
}
rows = [json.loads(l) for l in open(sys.argv[3])]
total = sum(r["statements"] for r in rows)
officials = [r for r in rows if r["kind"] in ("person", "institution", "country")]
surnames = collections.defaultdict(list)
for r in officials:
    if r["kind"] == "person":
        surnames[r["official"].split()[-1].lower()].append(r["official"])

def flag(r):
    name, kind = r["official"], r["kind"]
    first = name.split()[0]
    if not name[:1].isupper():
        return "lower-case"
    if first.lower().rstrip(",") in titles and kind == "person" and len(name.split()) > 1:
        return "title in name"
    if kind == "person" and len(name.split()) == 1:
        return "surname alone"
    if kind == "person" and len(surnames[name.split()[-1].lower()]) > 1:
        others = [o for o in surnames[name.split()[-1].lower()] if o != name]
        # Different first names are different people; a first name shared is one person twice.
        same = [o for o in others if len(o.split()) > 1 and o.split()[0] == first]
        if same:
            return "same person on two rows? " + ", ".join(same[:3])
    return ""

def note(r):
    # A surname nothing could tie to one person has a row of its own, marked "surname only".
    name = r["official"]
    alone = [o for o in surnames[name.split()[-1].lower()] if len(o.split()) == 1 and o != name]
    return f"(a surname-only row '{alone[0]}' exists)" if r["kind"] == "person" and alone else ""

print(f"{'#':>3}  {'speaker':<40} {'kind':<12} {'statements':>10}  flag")
bad = 0
for i, r in enumerate(officials[:n], 1):
    f = flag(r)
    bad += bool(f)
    print(f"{i:>3}  {r['official'][:40]:<40} {r['kind']:<12} {r['statements']:>10}  {f or note(r)}")
print(f"\nflagged in the top {n}: {bad}")
def share(pred, among):
    s = sum(r["statements"] for r in among if pred(r))
    t = sum(r["statements"] for r in among)
    return s, t
lower = lambda r: not r["official"][:1].isupper()
titled = lambda r: r["kind"] == "person" and len(r["official"].split()) > 1 and r["official"].split()[0].lower() in titles
named = [r for r in rows if r["kind"] in ("person", "institution", "country", "media")]
for label, among in [("named speakers (person, institution, country, media)", named), ("all statements", rows)]:
    s, t = share(lambda r: lower(r) or titled(r), among)
    print(f"lower-case or title-prefixed speaker, {label}: {s}/{t} = {100*s/max(t,1):.2f}%")
kinds = collections.Counter()
for r in rows:
    kinds[r["kind"]] += r["statements"]
print("statements by speaker kind: " + ", ".join(f"{k} {v} ({100*v/total:.1f}%)" for k, v in kinds.most_common()))
print(f"distinct speakers: {len(rows)}; statements: {total}")
PY
