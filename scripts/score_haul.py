"""Pairwise precision and recall of contacts.jsonl against truth.json (see make_haul.py).
With a second argument, prints a few wrong and missed pairs."""
import json, sys, itertools, collections
out = sys.argv[1]
truth = json.load(open(f"{out}/truth.json"))
files = {"badge": "badge.csv", "vcf": "phone.vcf", "li": "Connections.csv", "book": "book.csv"}
person = {(files[k], r): p for k, r, p in truth}
cluster = {}
for line in open(f"{out}/contacts.jsonl"):
    c = json.loads(line)
    for s in c["sources"]:
        cluster[(s["file"], s["record"])] = c["id"]
def pairs(groups):
    s = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2): s.add((a, b))
    return s
tg = collections.defaultdict(list); pg = collections.defaultdict(list)
for k, p in person.items(): tg[p].append(k)
for k, c in cluster.items(): pg[c].append(k)
T, P = pairs(tg), pairs(pg)
tp = len(T & P)
print(f"records {len(person)} people {len(tg)} contacts {len(pg)}  precision {tp/len(P):.4f} recall {tp/len(T):.4f} wrong-pairs {len(P-T)} missed {len(T-P)}")
if len(sys.argv) > 2:
    import random
    for a, b in list(P - T)[:5]: print("WRONG", a, b)
    for a, b in list(T - P)[:8]: print("MISSED", a, b)
