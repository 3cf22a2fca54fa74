"""Scores a grouping of a synthetic haul (see make_haul.py) against its truth.

    python3 scripts/score_haul.py OUTDIR [CLUSTERS] [--show] [--candidates FILE]

CLUSTERS: rolo's contacts.jsonl (default OUTDIR/contacts.jsonl), or a CSV of
`file,record,cluster` (another tool's answer). Prints pairwise precision, recall and F1, and
cluster-level B-cubed F1; --show prints a few wrong and missed pairs; --why (rolo's contacts
only) sorts the missed pairs by what the two contacts had to go on: a shared email, phone or
LinkedIn profile; a name (family name and first initial, folded) no other person of the haul
bears; or only a name that other people bear too, which no evidence in the files tells apart. --candidates: the pairs
blocking let through to scoring (`ROLO_CANDIDATES=FILE rolo run ...`, lines of
`file,record,file,record`); prints pairs completeness, the share of true pairs among them.
"""
import collections, csv, itertools, json, sys

out = sys.argv[1]
argv = sys.argv[2:]
candidates = None
if "--candidates" in argv:
    i = argv.index("--candidates")
    candidates = argv[i + 1]
    del argv[i:i + 2]
args = [a for a in argv if a not in ("--show", "--why")]
source = args[0] if args else f"{out}/contacts.jsonl"
person = {(f, r): p for f, r, p in json.load(open(f"{out}/truth.json"))}
cluster = {}
contacts = {}
if source.endswith(".jsonl"):
    for line in open(source, encoding="utf-8"):
        c = json.loads(line)
        contacts[c["id"]] = c
        for s in c["sources"]:
            cluster[(s["file"].rsplit("/", 1)[-1], s["record"])] = c["id"]
else:
    for row in csv.DictReader(open(source, encoding="utf-8")):
        cluster[(row["file"], int(row["record"]))] = row["cluster"]
lost = [k for k in person if k not in cluster]
# A record missing from the answer counts as a group of its own.
for i, k in enumerate(lost):
    cluster[k] = f"lost-{i}"

truth_groups, found_groups = collections.defaultdict(list), collections.defaultdict(list)
for k, p in person.items():
    truth_groups[p].append(k)
    found_groups[cluster[k]].append(k)


def pairs(groups):
    return {pair for members in groups.values() for pair in itertools.combinations(sorted(members), 2)}


T, P = pairs(truth_groups), pairs(found_groups)
tp = len(T & P)
precision = tp / len(P) if P else 1.0
recall = tp / len(T) if T else 1.0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
# B-cubed: per record, the share of its found group that is truly its person's, and the share
# of its person's records that are in its found group.
bp = br = 0.0
for k in person:
    found = found_groups[cluster[k]]
    true = truth_groups[person[k]]
    same = sum(1 for x in found if person[x] == person[k])
    bp += same / len(found)
    br += same / len(true)
bp, br = bp / len(person), br / len(person)
b3 = 2 * bp * br / (bp + br)
print(f"records {len(person)} people {len(truth_groups)} groups {len(found_groups)} lost {len(lost)}  "
      f"pairwise precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}  B-cubed F1 {b3:.4f}  "
      f"wrong pairs {len(P - T)} missed {len(T - P)}")
if candidates:
    found = set()
    with open(candidates, encoding="utf-8") as lines:
        for line in lines:
            fa, ra, fb, rb = line.rstrip("\n").rsplit(",", 3)
            found.add(tuple(sorted([(fa, int(ra)), (fb, int(rb))])))
    print(f"pairs completeness {len(T & found) / len(T) if T else 1.0:.4f} "
          f"({len(T & found)} of {len(T)} true pairs among {len(found)} candidates)")
if "--show" in sys.argv:
    for a, b in sorted(P - T)[:6]:
        print("WRONG ", a, b)
    for a, b in sorted(T - P)[:10]:
        print("MISSED", a, b)
if "--why" in sys.argv and contacts:
    import unicodedata

    def fold(s):
        s = unicodedata.normalize("NFKD", s or "").lower()
        return "".join(ch for ch in s if ch.isalpha())

    def name_key(c):
        family = fold((c.get("family_name") or "").split(" ")[0])
        given = fold(c.get("given_name"))
        return (family, given[:1]) if family and given else None

    def ids(c):
        return set(c.get("emails", [])) | set(c.get("phones", [])) | {c.get("linkedin")} - {None}

    bearers = collections.defaultdict(set)
    for k, p in person.items():
        c = contacts.get(cluster[k])
        if c and name_key(c):
            bearers[name_key(c)].add(p)
    kinds = collections.Counter()
    for a, b in T - P:
        ca, cb = contacts.get(cluster[a]), contacts.get(cluster[b])
        if ca is None or cb is None:
            kinds["a record missing from the contacts"] += 1
        elif ids(ca) & ids(cb):
            kinds["share an email, phone or LinkedIn profile"] += 1
        elif name_key(ca) and name_key(ca) == name_key(cb) and len(bearers[name_key(ca)]) == 1:
            kinds["share a name no other person bears"] += 1
        elif name_key(ca) and name_key(ca) == name_key(cb):
            kinds["share only a name other people bear too"] += 1
        else:
            kinds["share no identifier, and their names differ"] += 1
    for kind, n in kinds.most_common():
        print(f"missed pairs that {kind}: {n} ({n / len(T - P):.1%})")
