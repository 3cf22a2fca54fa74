"""A third synthetic haul with a hidden truth, made with other people's tools: names,
companies, job titles, cities and phone numbers as Faker's locales draw them, vCards as vobject
writes them, so that no figure rests on rolo's own generators or its own idea of a vCard.

    python3 scripts/make_haul3.py PEOPLE SEED OUTDIR     (pip install faker vobject)

Files:
  badge.csv        a lead-retrieval export: first and last name, company, title, email, phone
                   as Faker writes it (`(202)276-2818x642`, `001-…`, `+44(0)…`), city,
                   country, notes with line breaks and quotes, scan time
  cards.vcf        a card scanner's vCard 3.0 (vobject): work and cell numbers, the
                   employer's switchboard on two cards in five, work addresses
  Connections.csv  LinkedIn, with the notes LinkedIn writes above the header
  google.csv       a Google address book
truth.json maps every record ([file, record]) to its person.

What differs from make_haul.py and make_haul2.py: people of eleven Faker locales, whose name
lists are short (namesakes are common, as Faker draws them); employers of a Zipf law over
a sixth as many companies as people, names Faker gives, which repeat (`Smith and Sons`
is several firms); work addresses of five shapes, one person's own, and a personal one at a
mail provider; one to six records a person; on each a slip in the family name (one in
ten) or the given name, a nickname, accents dropped, a name in capitals, a legal suffix
dropped, a job change (one in twenty), a number rewritten in international or bare form.
"""
import csv, json, os, random, sys, unicodedata, re
from faker import Faker
import vobject

N, SEED, OUT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(OUT, exist_ok=True)
rng = random.Random(SEED)
LOCALES = [("en_US", 40), ("en_GB", 10), ("de_DE", 10), ("fr_FR", 8), ("es_ES", 8),
           ("it_IT", 6), ("nl_NL", 5), ("pl_PL", 5), ("pt_BR", 4), ("sv_SE", 2), ("cs_CZ", 2)]
COUNTRY = {"en_US": "United States", "en_GB": "United Kingdom", "de_DE": "Germany",
           "fr_FR": "France", "es_ES": "Spain", "it_IT": "Italy", "nl_NL": "Netherlands",
           "pl_PL": "Poland", "pt_BR": "Brazil", "sv_SE": "Sweden", "cs_CZ": "Czech Republic"}
CC = {"en_US": "+1", "en_GB": "+44", "de_DE": "+49", "fr_FR": "+33", "es_ES": "+34",
      "it_IT": "+39", "nl_NL": "+31", "pl_PL": "+48", "pt_BR": "+55", "sv_SE": "+46",
      "cs_CZ": "+420"}
fakers = {l: Faker(l) for l, _ in LOCALES}
for i, (l, _) in enumerate(LOCALES):
    fakers[l].seed_instance(SEED * 100 + i)
NICK = {"William": "Bill", "Robert": "Bob", "Elizabeth": "Liz", "Katherine": "Kate",
        "Michael": "Mike", "Jennifer": "Jen", "Christopher": "Chris", "Daniel": "Dan",
        "Matthew": "Matt", "Joseph": "Joe", "Thomas": "Tom", "Richard": "Rick",
        "James": "Jim", "Anthony": "Tony", "Margaret": "Peggy", "Patricia": "Pat",
        "Alexander": "Alex", "Benjamin": "Ben", "Samuel": "Sam", "Nicholas": "Nick",
        "Johannes": "Hans", "Francisco": "Paco", "José": "Pepe", "Giuseppe": "Beppe"}


def plain(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z0-9]", "", plain(s).lower())


def typo(s):
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    k = rng.random()
    if k < 0.33:
        return s[:i] + s[i + 1:]
    if k < 0.66:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + rng.choice("aeiounrst") + s[i + 1:]


# Companies: a pool with Zipf-like sizes.
companies = []
for i in range(max(20, N // 6)):
    loc = rng.choices([l for l, _ in LOCALES], [w for _, w in LOCALES])[0]
    f = fakers[loc]
    name = f.company()
    dom = (slug(name.split(",")[0].split(" ")[0]) or "firm") + str(i % 97) + "." + rng.choice(["com", "net", "io", "co"])
    companies.append({"name": name, "domain": dom, "loc": loc, "board": f.phone_number()})
weights = [1.0 / (i + 1) ** 0.9 for i in range(len(companies))]

people = []
used = set()
for pid in range(N):
    loc = rng.choices([l for l, _ in LOCALES], [w for _, w in LOCALES])[0]
    f = fakers[loc]
    female = rng.random() < 0.5
    first = f.first_name_female() if female else f.first_name_male()
    last = f.last_name()
    comp = rng.choices(companies, weights)[0]
    pat = rng.choice(["{f}.{l}", "{f}{l}", "{i}{l}", "{f}_{l}", "{f}"])
    local = pat.format(f=slug(first), l=slug(last), i=slug(first)[:1])
    work = f"{local}@{comp['domain']}"
    while work in used:  # an employer gives each person an address of their own
        work = f"{local}{rng.randrange(2, 99)}@{comp['domain']}"
    used.add(work)
    personal = f"{slug(first)}{rng.choice(['', '.', '_'])}{slug(last)}{rng.randrange(100) if rng.random() < 0.5 else ''}@{f.free_email_domain()}"
    while personal in used:  # a mail provider's address is one person's
        local, domain = personal.split("@")
        personal = f"{local}{rng.randrange(10)}@{domain}"
    used.add(personal)
    people.append({"id": pid, "loc": loc, "first": first, "last": last, "comp": comp,
                   "job": f.job(), "work": work, "personal": personal,
                   "mobile": f.phone_number(), "city": f.city(), "street": f.street_address(),
                   "postcode": f.postcode(),
                   "li": f"https://www.linkedin.com/in/{slug(first)}-{slug(last)}-{rng.randrange(16**6):06x}"})


def variant(p):
    """One source's view of the person."""
    first, last = p["first"], p["last"]
    if rng.random() < 0.08 and first in NICK:
        first = NICK[first]
    if rng.random() < 0.10:
        last = typo(last)
    elif rng.random() < 0.06:
        first = typo(first)
    if rng.random() < 0.05:
        first, last = plain(first), plain(last)
    if rng.random() < 0.05:
        last = last.upper()
    comp = p["comp"]
    work = p["work"]
    if rng.random() < 0.05:  # moved on
        comp = rng.choices(companies, weights)[0]
        work = work.split("@")[0] + "@" + comp["domain"]
        while work in used:
            work = work.split("@")[0] + str(rng.randrange(2, 9)) + "@" + comp["domain"]
        used.add(work)
    org = comp["name"]
    if rng.random() < 0.15:
        org = re.sub(r",? (Inc|LLC|Ltd|PLC|GmbH|AG|SA|SpA|S\.A\.|S\.p\.A\.|Group|and Sons|e\.V\.|KG|SE)\.?$", "", org)
    email = work if rng.random() < 0.7 else p["personal"]
    if rng.random() < 0.1:
        email = email.capitalize()
    phone = p["mobile"]
    k = rng.random()
    if k < 0.2:
        number, _, ext = phone.partition("x")
        d = re.sub(r"\D", "", number.replace("(0)", ""))
        cc = CC[p["loc"]][1:]
        for pre in ("00" + cc, cc, "0"):
            if d.startswith(pre) and len(d) - len(pre) >= 7:
                d = d[len(pre):]
                break
        phone = CC[p["loc"]] + " " + d + (" ext. " + ext if ext else "")
    elif k < 0.3:
        phone = re.sub(r"\D", "", phone)
    return {"first": first, "last": last, "org": org, "email": email, "phone": phone,
            "board": comp["board"], "job": p["job"] if rng.random() < 0.8 else "",
            "city": p["city"], "street": p["street"], "postcode": p["postcode"]}


truth = []
badge, cards, li, book = [], [], [], []
for p in people:
    n = min(1 + int(rng.expovariate(0.9)), 6)
    for _ in range(n):
        v = variant(p)
        src = rng.choices(["badge", "cards", "li", "book"], [40, 20, 25, 15])[0]
        if src == "badge":
            note = rng.choice(["", "", "Wants a demo", "Call back next week,\nbudget in Q3", 'Said "maybe"'])
            badge.append([v["first"], v["last"], v["org"], v["job"],
                          v["email"] if rng.random() < 0.9 else "",
                          v["phone"] if rng.random() < 0.6 else "",
                          v["city"], COUNTRY[p["loc"]], note, "2026-10-14 10:%02d" % rng.randrange(60)])
            truth.append(("badge.csv", len(badge), p["id"]))
        elif src == "cards":
            c = vobject.vCard()
            c.add("n").value = vobject.vcard.Name(family=v["last"], given=v["first"])
            c.add("fn").value = f"{v['first']} {v['last']}"
            c.add("org").value = [v["org"]]
            if v["job"]:
                c.add("title").value = v["job"]
            if rng.random() < 0.8:
                e = c.add("email"); e.value = v["email"]; e.type_param = "WORK"
            if rng.random() < 0.7:
                t = c.add("tel"); t.value = v["phone"]; t.type_param = "CELL"
            if rng.random() < 0.4:
                t = c.add("tel"); t.value = v["board"]; t.type_param = "WORK"
            if rng.random() < 0.4:
                a = c.add("adr")
                a.value = vobject.vcard.Address(street=v["street"], city=v["city"], code=v["postcode"], country=COUNTRY[p["loc"]])
                a.type_param = "WORK"
            cards.append(c.serialize())
            truth.append(("cards.vcf", len(cards), p["id"]))
        elif src == "li":
            li.append([v["first"], v["last"], p["li"] if rng.random() < 0.95 else "",
                       v["email"] if rng.random() < 0.2 else "", v["org"], v["job"],
                       "%02d %s 2026" % (rng.randrange(1, 29), rng.choice(["Jan", "Feb", "Mar", "Oct"]))])
            truth.append(("Connections.csv", len(li), p["id"]))
        else:
            book.append([f"{v['first']} {v['last']}", v["first"], v["last"],
                         "* Work", v["email"] if rng.random() < 0.8 else "",
                         "Mobile", v["phone"] if rng.random() < 0.8 else "",
                         v["org"], v["job"]])
            truth.append(("google.csv", len(book), p["id"]))

with open(f"{OUT}/badge.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["First Name", "Last Name", "Company", "Job Title", "Email", "Phone", "City", "Country", "Notes", "Scanned At"])
    w.writerows(badge)
with open(f"{OUT}/cards.vcf", "w", newline="", encoding="utf-8") as fh:
    fh.write("".join(cards))
with open(f"{OUT}/Connections.csv", "w", newline="", encoding="utf-8") as fh:
    fh.write("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n")
    w = csv.writer(fh)
    w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    w.writerows(li)
with open(f"{OUT}/google.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["Name", "Given Name", "Family Name", "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Organization 1 - Name", "Organization 1 - Title"])
    w.writerows(book)
with open(f"{OUT}/truth.json", "w") as fh:
    json.dump(truth, fh)
print(f"{N} people, {len(truth)} records")
