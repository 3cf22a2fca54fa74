"""Writes a synthetic trade-show haul with a hidden truth, to measure how the resolver groups
records: badge.csv (work emails, some phones, company suffix variants, re-scans),
phone.vcf (mobiles, personal emails, nicknames), Connections.csv (LinkedIn, no emails) and
book.csv (an address book, some at an old organization), with truth.json mapping every record
to its person. Names vary in case, diacritics, German transliteration and nicknames.

    python3 scripts/make_haul.py PEOPLE SEED OUTDIR
    rolo run OUTDIR/badge.csv OUTDIR/phone.vcf --merge OUTDIR/Connections.csv \
        --merge OUTDIR/book.csv --contacts OUTDIR/contacts.jsonl   (run inside OUTDIR)
    python3 scripts/score_haul.py OUTDIR
"""
import random, sys, json, csv, io
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
N = int(sys.argv[1])
given = [("Robert","Bob"),("William","Bill"),("Elizabeth","Liz"),("Margaret","Peggy"),("James","Jim"),("Michael","Mike"),
         ("Katherine","Kate"),("Thomas","Tom"),("Jennifer","Jen"),("Daniel","Dan"),("Jürgen",None),("José",None),("Zoë",None),
         ("Anna",None),("Maria",None),("David","Dave"),("Christopher","Chris"),("Priya",None),("Wei",None),("Olga",None),
         ("Hélène",None),("Søren",None),("Aiko",None),("Fatima",None),("Lucas",None),("Noah",None),("Emma",None),("Sarah",None),
         ("Richard","Rick"),("Steven","Steve"),("Joseph","Joe"),("Andrew","Andy"),("Samuel","Sam"),("Patricia","Pat")]
common_family = ["Smith","Johnson","Müller","García","Kim","Nguyen","Brown","Lee","Wang","Schmidt"]
syl = ["ka","lo","mi","ra","te","no","su","vi","an","el","jo","ma","ri","sa","tu","be","da","fi","go","hu"]
def fam(i):
    if rng.random() < 0.3: return rng.choice(common_family)
    return "".join(rng.choice(syl) for _ in range(rng.randrange(2,4))).capitalize() + rng.choice(["", "son", "er", "ini", "ez"])
orgs = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Cyberdyne", "Soylent", "Tyrell", "Vandelay", "Wonka", "Gringotts", "Oscorp", "Aperture"]
suffix = ["", " Inc", " Inc.", " GmbH", " Ltd", " Corporation", " LLC"]
def translit(s):
    return s.replace("ü","ue").replace("ö","oe").replace("ä","ae").replace("é","e").replace("ë","e").replace("ø","o").replace("Ø","O")
def strip(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn").replace("ø","o")
people = []
for i in range(N):
    g, nick = rng.choice(given)
    f = fam(i)
    org = rng.choice(orgs) + " " + "".join(rng.choice(syl) for _ in range(3)).capitalize() + rng.choice(["", " Labs", " Systems", " Bank"])
    people.append(dict(id=i, g=g, nick=nick, f=f, org=org, mobile=f"+1 {rng.randrange(201,989)} {rng.randrange(200,999)} {rng.randrange(0,10000):04d}",
                       work=f"{strip(g).lower()}.{strip(f).lower()}{i}@{org.split()[0].lower()}.example",
                       personal=f"{strip(g).lower()}{i}@gmail.example", li=f"https://www.linkedin.com/in/{strip(g).lower()}-{strip(f).lower()}-{i}",
                       oldorg=rng.choice(orgs) + " " + "".join(rng.choice(syl) for _ in range(3)).capitalize() + " Group"))
truth = []
badge, vcf, li, book = [], [], [], []
def name_var(p, allow_nick=True):
    g = p["g"]
    r = rng.random()
    if allow_nick and p["nick"] and r < 0.3: g = p["nick"]
    f = p["f"]
    r = rng.random()
    if r < 0.1: g, f = g.upper(), f.upper()
    elif r < 0.2: g, f = strip(g), strip(f)
    elif r < 0.25: g, f = translit(g), translit(f)
    elif r < 0.29: g = typo(g)
    elif r < 0.33: f = typo(f)
    return g, f


def typo(s):
    # One slip after the first letter: a letter dropped, doubled or two swapped (card scanners,
    # hurried typing).
    if len(s) < 4: return s
    i = rng.randrange(1, len(s) - 1)
    kind = rng.randrange(3)
    if kind == 0: return s[:i] + s[i + 1:]
    if kind == 1: return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]
for p in people:
    # badge scan: 70% of people, 10% scanned twice
    if rng.random() < 0.7:
        for _ in range(2 if rng.random() < 0.1 else 1):
            g, f = name_var(p, False)
            org = p["org"] + rng.choice(suffix)
            email = p["work"] if rng.random() < 0.95 else ""
            if email and rng.random() < 0.2: email = email.upper()
            phone = p["mobile"] if rng.random() < 0.6 else ""
            if phone and rng.random() < 0.5: phone = phone.replace("+1 ", "(").replace(" ", ") ", 1)
            badge.append([g, f, org, email, phone]); truth.append(("badge", len(badge), p["id"]))
    if rng.random() < 0.3:
        g, f = name_var(p)
        email = p["personal"] if rng.random() < 0.5 else ""
        vcf.append((g, f, p["mobile"], email)); truth.append(("vcf", len(vcf), p["id"]))
    if rng.random() < 0.5:
        g, f = name_var(p)
        org = p["org"] + rng.choice(["", " Inc", " Corporation"])
        li.append([g, f, p["li"], "", org, "Engineer", "15 Oct 2026"]); truth.append(("li", len(li), p["id"]))
    if rng.random() < 0.3:
        g, f = name_var(p)
        org = p["oldorg"] if rng.random() < 0.3 else p["org"]
        email = p["personal"] if rng.random() < 0.6 else p["work"]
        phone = p["mobile"] if rng.random() < 0.5 else ""
        book.append([g, f, org, email, phone]); truth.append(("book", len(book), p["id"]))
out = sys.argv[3] if len(sys.argv) > 3 else "/tmp/haul"
def wcsv(path, header, rows):
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh); w.writerow(header); w.writerows(rows)
wcsv(f"{out}/badge.csv", ["First Name","Last Name","Company","Email","Phone"], badge)
wcsv(f"{out}/Connections.csv", ["First Name","Last Name","URL","Email Address","Company","Position","Connected On"], li)
wcsv(f"{out}/book.csv", ["First Name","Last Name","Organization Name","E-mail 1 - Value","Phone 1 - Value"], book)
with open(f"{out}/phone.vcf", "w") as fh:
    for g, f, m, e in vcf:
        fh.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{f};{g};;;\r\nFN:{g} {f}\r\nTEL;TYPE=CELL:{m}\r\n" + (f"EMAIL:{e}\r\n" if e else "") + "END:VCARD\r\n")
json.dump(truth, open(f"{out}/truth.json", "w"))
