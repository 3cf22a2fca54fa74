"""Writes a synthetic trade-show haul with a hidden truth, to measure how rolo groups records.

    python3 scripts/make_haul.py PEOPLE SEED OUTDIR

Files (the same synthetic people, overlapping as real exports do):
  badge.csv        the lead-retrieval app: work emails, some mobiles, ratings, re-scans
  cards.xlsx       a card scanner (needs openpyxl; skipped without it): full names with
                   prefixes, company switchboards with extensions, some OCR slips in emails
  phone.vcf        phone contacts: nicknames, mobiles, personal emails, seldom an organization
  Connections.csv  LinkedIn: names, profile URLs, rarely an email, sometimes a stale employer
  book.csv         a Google address book: personal or old work emails, old employers
truth.json maps every record ([file, record]) to its person.

Variation: case changes, nicknames, dropped diacritics, German transliterations, one typing
slip in about 4% of names, phone formats, email case, company suffix variants, job changes
(old employer and old work address in the address book and LinkedIn), and different people
who share a common name at different companies.
"""
import csv, json, random, sys, unicodedata

N = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
OUT = sys.argv[3] if len(sys.argv) > 3 else "/tmp/haul"

GIVEN = [("Robert", "Bob"), ("William", "Bill"), ("Elizabeth", "Liz"), ("Margaret", "Peggy"),
         ("James", "Jim"), ("Michael", "Mike"), ("Katherine", "Kate"), ("Thomas", "Tom"),
         ("Jennifer", "Jen"), ("Daniel", "Dan"), ("David", "Dave"), ("Christopher", "Chris"),
         ("Richard", "Rick"), ("Steven", "Steve"), ("Joseph", "Joe"), ("Andrew", "Andy"),
         ("Samuel", "Sam"), ("Patricia", "Pat"), ("Anthony", "Tony"), ("Edward", "Ed"),
         ("Nicholas", "Nick"), ("Alexander", "Alex"), ("Rebecca", "Becky"), ("Deborah", "Debbie"),
         ("Timothy", "Tim"), ("Jeffrey", "Jeff"), ("Matthew", "Matt"), ("Benjamin", "Ben"),
         ("Susan", "Sue"), ("Victoria", "Vicky")] + [(g, None) for g in (
    "Jürgen José Zoë Anna Maria Priya Wei Olga Hélène Søren Aiko Fatima Lucas Noah Emma Sarah "
    "Mohammed Ana Carlos Sofia Mateo Chloé Léa Hugo Lukas Jonas Mia Lena Felix Giulia Marco "
    "Luca Aurora Yuki Haruto Min-jun Seo-yeon Arjun Ananya Rohan Ines Tomás Björn Åsa Mikko "
    "Aino Kofi Amara Chidi Zanele Omar Layla Yusuf Elif Mehmet Oksana Dmitri Ivana Piotr "
    "Zofia Nikos Eleni Ciarán Siobhán Rhys Ffion Pierre Camille Mathilde Bram Sanne Daan "
    "Freya Ingrid Leif Astrid Paulo Beatriz Thiago Valentina Diego Camila Rafael Gabriela "
    "Kenji Sakura Ravi Deepa Tariq Noor Hamza Aylin Emre Irina Sergei Tatiana").split()]
COMMON = ["Smith", "Johnson", "Müller", "García", "Kim", "Nguyen", "Brown", "Lee", "Wang",
          "Schmidt", "Williams", "Jones", "Martin", "Rossi", "Silva", "Patel", "Singh", "Chen",
          "Dubois", "Novak", "Jensen", "Kowalski", "Ivanov", "Tanaka", "Yilmaz"]
SYL = ["ka", "lo", "mi", "ra", "te", "no", "su", "vi", "an", "el", "jo", "ma", "ri", "sa", "tu",
       "be", "da", "fi", "go", "hu", "wen", "ster", "berg", "mond", "ley", "dor", "ven", "qui"]
ORG_WORDS = ["Systems", "Labs", "Logistics", "Analytics", "Health", "Energy", "Robotics",
             "Foods", "Capital", "Media", "Software", "Bio", "Networks", "Partners", ""]
SUFFIXES = ["", " Inc", " Inc.", " GmbH", " Ltd", " Corporation", " LLC", ", Inc."]
TITLES = ["CEO", "CTO", "VP Sales", "Head of Marketing", "Director of Operations", "Engineer",
          "Senior Engineer", "Product Manager", "Account Executive", "Procurement Manager",
          "Geschäftsführer", "Directeur commercial", "Data Scientist", "Founder"]


def syllables(lo, hi):
    return "".join(rng.choice(SYL) for _ in range(rng.randrange(lo, hi))).capitalize()


def family_name():
    if rng.random() < 0.25:
        return rng.choice(COMMON)
    return syllables(2, 4) + rng.choice(["", "son", "er", "ini", "ez", "ski", "sen"])


def strip(s):
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn").replace("ø", "o").replace("Ø", "O")


def translit(s):
    for a, b in (("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("Ü", "Ue"), ("Ö", "Oe"), ("Ä", "Ae")):
        s = s.replace(a, b)
    return strip(s)


def slug(s):
    return "".join(c for c in strip(s).lower() if c.isalnum())


def typo(s):
    if len(s) < 5:
        return s
    i = rng.randrange(1, len(s) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return s[:i] + s[i + 1:]
    if kind == 1:
        return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]


ORGS = []
for i in range(max(40, N // 6)):
    name = f"{syllables(2, 3)} {rng.choice(ORG_WORDS)}".strip()
    ORGS.append(dict(name=name, domain=slug(name.split()[0]) + f"{i}.example",
                     switchboard=f"+1 {rng.randrange(201, 989)} {rng.randrange(200, 999)} 0100",
                     pattern=rng.choice(["first.last", "flast", "first"])))

people = []
for i in range(N):
    g, nick = rng.choice(GIVEN)
    f = family_name()
    if people and rng.random() < 0.02:
        # Another person of the same common name at another company.
        common = [o for o in people[-200:] if o["f"] in COMMON]
        if common:
            other = rng.choice(common)
            g, nick, f = other["g"], other["nick"], other["f"]
    org = rng.choice(ORGS)
    old = rng.choice(ORGS) if rng.random() < 0.12 else None

    def work(o):
        local = {"first.last": f"{slug(g)}.{slug(f)}", "flast": f"{slug(g)[0]}{slug(f)}",
                 "first": slug(g)}[o["pattern"]]
        return f"{local}{i}@{o['domain']}"
    people.append(dict(
        id=i, g=g, nick=nick, f=f, org=org, old=old, title=rng.choice(TITLES),
        mobile=f"+1 {rng.randrange(201, 989)} {rng.randrange(200, 999)} {rng.randrange(0, 10000):04d}",
        work=work(org), oldwork=work(old) if old else None,
        personal=f"{slug(g)}.{slug(f)}{i}@{rng.choice(['gmail.com', 'outlook.com', 'icloud.com'])}",
        li=f"https://www.linkedin.com/in/{slug(g)}-{slug(f)}-{i:x}"))


def name_var(p, nickname=True):
    g, f = p["g"], p["f"]
    if nickname and p["nick"] and rng.random() < 0.3:
        g = p["nick"]
    r = rng.random()
    if r < 0.08:
        g, f = g.upper(), f.upper()
    elif r < 0.16:
        g, f = strip(g), strip(f)
    elif r < 0.20:
        g, f = translit(g), translit(f)
    elif r < 0.22:
        g = typo(g)
    elif r < 0.24:
        f = typo(f)
    return g, f


def phone_format(number):
    cc, area, mid, last = number.split()
    return rng.choice([number, f"({area}) {mid}-{last}", f"{area}.{mid}.{last}",
                       f"{cc}{area}{mid}{last}", f"{area} {mid} {last}"])


def org_var(o):
    return o["name"] + rng.choice(SUFFIXES)


truth = []
badge, cards, vcf, li, book = [], [], [], [], []
for p in people:
    if rng.random() < 0.6:
        for _ in range(2 if rng.random() < 0.08 else 1):
            g, f = name_var(p, False)
            email = p["work"] if rng.random() < 0.95 else ""
            if email and rng.random() < 0.2:
                email = email.upper()
            phone = phone_format(p["mobile"]) if rng.random() < 0.5 else ""
            badge.append([g, f, org_var(p["org"]), p["title"], email, phone, "US",
                          f"2026-10-{rng.randrange(14, 17)} {rng.randrange(9, 18)}:{rng.randrange(60):02d}",
                          rng.choice(["Hot", "Warm", "Cold", ""]), ""])
            truth.append(("badge.csv", len(badge), p["id"]))
    if rng.random() < 0.25:
        g, f = name_var(p, False)
        full = f"{g} {f}"
        if rng.random() < 0.1:
            full = rng.choice(["Dr. ", "Mr. ", "Ms. "]) + full
        email = p["work"]
        if rng.random() < 0.04:
            at = email.index("@")
            email = email[:at - 1] + email[at:]  # OCR lost a letter
        cards.append([full, org_var(p["org"]), p["title"], email,
                      phone_format(p["mobile"]) if rng.random() < 0.6 else "",
                      f"{p['org']['switchboard']} ext. {rng.randrange(100, 999)}",
                      f"www.{p['org']['domain']}"])
        truth.append(("cards.xlsx", len(cards), p["id"]))
    if rng.random() < 0.3:
        g, f = name_var(p)
        vcf.append((g, f, p["mobile"] if rng.random() < 0.95 else "",
                    p["personal"] if rng.random() < 0.5 else "",
                    p["org"]["name"] if rng.random() < 0.3 else ""))
        truth.append(("phone.vcf", len(vcf), p["id"]))
    if rng.random() < 0.5:
        g, f = name_var(p)
        o = p["old"] if p["old"] and rng.random() < 0.3 else p["org"]
        email = rng.choice([p["personal"], p["work"]]) if rng.random() < 0.1 else ""
        li.append([g, f, p["li"], email, org_var(o), p["title"], "15 Oct 2026"])
        truth.append(("Connections.csv", len(li), p["id"]))
    if rng.random() < 0.25:
        g, f = name_var(p)
        old = p["old"] and rng.random() < 0.5
        o = p["old"] if old else p["org"]
        email = p["personal"] if rng.random() < 0.5 else (p["oldwork"] if old else p["work"])
        book.append([f"{g} {f}", g, f, email, phone_format(p["mobile"]) if rng.random() < 0.5 else "",
                     org_var(o)])
        truth.append(("book.csv", len(book), p["id"]))


def write_csv(path, header, rows):
    with open(f"{OUT}/{path}", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


write_csv("badge.csv", ["First Name", "Last Name", "Company", "Job Title", "Email", "Phone",
                        "Country", "Scanned At", "Rating", "Notes"], badge)
write_csv("Connections.csv", ["First Name", "Last Name", "URL", "Email Address", "Company",
                              "Position", "Connected On"], li)
write_csv("book.csv", ["Name", "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value",
                       "Organization 1 - Name"], book)
with open(f"{OUT}/phone.vcf", "w", encoding="utf-8", newline="") as fh:
    for g, f, mobile, email, org in vcf:
        fh.write(f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{f};{g};;;\r\nFN:{g} {f}\r\n")
        if mobile:
            fh.write(f"TEL;TYPE=CELL:{phone_format(mobile)}\r\n")
        if email:
            fh.write(f"EMAIL;TYPE=HOME:{email}\r\n")
        if org:
            fh.write(f"ORG:{org}\r\n")
        fh.write("END:VCARD\r\n")
try:
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Cards")
    ws.append(["Name", "Company", "Title", "Email", "Mobile", "Work Phone", "Website"])
    for row in cards:
        ws.append(row)
    wb.save(f"{OUT}/cards.xlsx")
except ImportError:
    print("openpyxl is not installed: cards.xlsx not written", file=sys.stderr)
    truth = [t for t in truth if t[0] != "cards.xlsx"]
with open(f"{OUT}/truth.json", "w") as fh:
    json.dump(truth, fh)
