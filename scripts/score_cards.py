"""Scores what rolo read from card and badge images against the truth of make_cards.py.

    python3 scripts/score_cards.py DIR    (DIR holds truth.json, contacts.jsonl, rejects.csv)

Prints, per field, the share of images whose value rolo read exactly (names and organizations
compared as printed, accents included; phones as E.164; emails lower-case), by kind of image,
and the id-only badges whose code became a contact (must be none).
"""
import csv, json, os, sys, unicodedata
from collections import defaultdict

d = sys.argv[1]
truth = json.load(open(os.path.join(d, "truth.json")))
nfc = lambda s: unicodedata.normalize("NFC", s or "").strip()
by_file = {}
for line in open(os.path.join(d, "contacts.jsonl"), encoding="utf-8"):
    c = json.loads(line)
    for s in c["sources"]:
        by_file.setdefault(os.path.basename(s["file"]), []).append(c)
rejects = defaultdict(list)
if os.path.exists(os.path.join(d, "rejects.csv")):
    for row in csv.DictReader(open(os.path.join(d, "rejects.csv"), encoding="utf-8")):
        rejects[os.path.basename(row["file"])].append(row["reason"])

fields = ["emails", "phones", "name", "organization", "title", "address"]
hits = defaultdict(lambda: defaultdict(int))
totals = defaultdict(lambda: defaultdict(int))
invented = 0
misses = defaultdict(list)
for name, t in truth.items():
    group = t["kind"] if t["kind"] == "card" and not t["code"] else f"{t['kind']} ({t['code'] or 'no code'})"
    contacts = by_file.get(name, [])
    c = contacts[0] if contacts else {}
    got = {
        "emails": sorted(c.get("emails", [])),
        "phones": sorted({p["e164"] for p in c.get("phone_entries", []) if p.get("e164")}),
        "name": nfc(c.get("name")),
        "organization": nfc(c.get("organization")),
        "title": nfc(c.get("title")),
        "address": [],
    }
    for a in c.get("addresses", [])[:1]:
        got["address"] = sorted(nfc(a.get(k)) for k in ("street", "postcode", "locality") if a.get(k))
    want = {
        "emails": sorted(e.lower() for e in t["emails"]),
        "phones": sorted(t["phones"]),
        "name": nfc(t["name"]),
        "organization": nfc(t["organization"]),
        "title": nfc(t["title"]),
        # Street, postcode and locality, each exactly.
        "address": sorted(nfc(x) for x in ([t["address"][0], t["adr"]["postcode"], t["adr"]["locality"]]
                                          if t.get("adr") else [])),
    }
    if t["code"] == "id":
        if not any("only an id" in r for r in rejects.get(name, [])):
            invented += 1
    for f in fields:
        if not want[f]:
            continue
        totals[group][f] += 1
        totals["all"][f] += 1
        if got[f] == want[f]:
            hits[group][f] += 1
            hits["all"][f] += 1
        else:
            misses[f].append((name, want[f], got[f]))

print(f"{'images':<22}" + "".join(f"{f:>14}" for f in fields))
for group in sorted(totals, key=lambda g: (g == "all", g)):
    n = sum(1 for t in truth.values()) if group == "all" else None
    row = f"{group:<22}"
    for f in fields:
        tot = totals[group][f]
        row += f"{(f'{hits[group][f] / tot:.1%} of {tot}' if tot else '-'):>14}"
    print(row)
print(f"id-only codes not rejected as ids: {invented}")
if os.environ.get("MISSES"):
    for f in fields:
        for m in misses[f][: int(os.environ["MISSES"])]:
            print(f"  {f}: {m[0]}: want {m[1]!r} got {m[2]!r}")
