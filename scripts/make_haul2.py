"""A second synthetic haul with a hidden truth, drawn from other distributions than
make_haul.py's, so that no figure rests on one generator.

    python3 scripts/make_haul2.py PEOPLE SEED OUTDIR

Files:
  scans.csv       an event app's lead export (Cvent-like headers): full names, half of them
                  family name first in capitals, multi-line notes with commas and quotes on
                  most rows, several scans of one visitor
  outlook.csv     an Outlook address book: mobile, business and home numbers, notes
  iphone.vcf      vCard 4.0 from a phone, names in their own script (Cyrillic, Arabic, Han,
                  Greek) for a third of their bearers, diminutives of their language
  Connections.csv LinkedIn, names as their bearers write them in Latin letters
  cards.csv       a card scanner: full names with honorifics, many numbers per card, the
                  switchboard of the giant employer on thousands of cards
truth.json maps every record ([file, record]) to its person.

What differs from make_haul.py: names drawn with a Zipf law from eleven languages (30% of
family names from each language's most borne, the rest of a family's own), with
their transliterations (Dmitry, Dmitri, Dmitriy, Дмитрий), diminutives (Sasha, Pepe, Hans),
double surnames dropped to the first, compound given names (Jean-Pierre) beside their first
part (Jean); 40% of people at one employer of thousands; married names (a new family name
with the same mobile and personal address); siblings and spouses who share a family name,
a home number and a street; namesakes at the one big employer; a person's records drawn
from a geometric law (one record for 45% of people, four or more for 10%).
"""
import csv, json, random, sys, unicodedata

N = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
OUT = sys.argv[3] if len(sys.argv) > 3 else "/tmp/haul2"

# Each language: given names as (Latin, [other Latin spellings and diminutives], native
# script or None), and family names as (Latin, native or None); `feminine` makes a woman's
# family name of a man's (Petrov, Petrova) where the language does.
LANGS = {
    "ru": dict(
        given=[("Dmitry", ["Dmitri", "Dmitriy", "Dima"], "Дмитрий"),
               ("Alexander", ["Aleksandr", "Sasha"], "Александр"),
               ("Sergei", ["Sergey"], "Сергей"), ("Yuri", ["Yury", "Iurii"], "Юрий"),
               ("Mikhail", ["Misha"], "Михаил"), ("Natalia", ["Natalya", "Natasha"], "Наталья"),
               ("Yulia", ["Julia", "Iuliia"], "Юлия"), ("Ekaterina", ["Katya"], "Екатерина"),
               ("Olga", ["Olya"], "Ольга"), ("Tatiana", ["Tatyana", "Tanya"], "Татьяна")],
        family=[("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"),
                ("Popov", "Попов"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"),
                ("Volkov", "Волков"), ("Morozov", "Морозов"), ("Orlov", "Орлов")],
        feminine=lambda f: f + "a", women={"Natalia", "Yulia", "Ekaterina", "Olga", "Tatiana"}),
    "ar": dict(
        given=[("Mohammed", ["Muhammad", "Mohamed", "Mohammad"], "محمد"),
               ("Ahmed", ["Ahmad"], "أحمد"), ("Youssef", ["Yusuf", "Yousef"], "يوسف"),
               ("Khaled", ["Khalid"], "خالد"), ("Omar", ["Umar"], "عمر"),
               ("Fatima", ["Fatma"], "فاطمة"), ("Layla", ["Leila", "Laila"], "ليلى"),
               ("Mariam", ["Maryam"], "مريم")],
        family=[("Haddad", None), ("Mansour", None), ("Khalil", None), ("Nasser", None),
                ("Saleh", None), ("Hussein", None), ("Farouk", None)],
        feminine=None, women={"Fatima", "Layla", "Mariam"}),
    "zh": dict(
        given=[("Wei", [], "伟"), ("Fang", [], "芳"), ("Min", [], "敏"), ("Jing", [], "静"),
               ("Lei", [], "磊"), ("Yang", [], "洋"), ("Jun", [], "军"), ("Tao", [], "涛")],
        family=[("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"),
                ("Zhao", "赵"), ("Huang", "黄")],
        feminine=None, women={"Fang", "Jing", "Min"}, family_first=True),
    "es": dict(
        given=[("José", ["Jose", "Pepe"], None), ("Francisco", ["Paco"], None),
               ("Ignacio", ["Nacho"], None), ("María", ["Maria"], None),
               ("Guadalupe", ["Lupe"], None), ("Javier", [], None), ("Lucía", ["Lucia"], None),
               ("Alejandro", ["Alex"], None)],
        family=[("García", None), ("Rodríguez", None), ("Fernández", None), ("López", None),
                ("Martínez", None), ("Sánchez", None), ("Zapatero", None), ("Ortiz", None)],
        feminine=None, women={"María", "Guadalupe", "Lucía"}, double=True),
    "de": dict(
        given=[("Johannes", ["Hans", "Hannes"], None), ("Jürgen", ["Juergen", "Jurgen"], None),
               ("Friedrich", ["Fritz"], None), ("Wolfgang", [], None),
               ("Katharina", ["Kathi"], None), ("Ursula", ["Uschi"], None),
               ("Maximilian", ["Max"], None), ("Susanne", ["Susi"], None)],
        family=[("Müller", None), ("Schmidt", None), ("Schneider", None), ("Fischer", None),
                ("Weber", None), ("Größer", None), ("Becker", None)],
        feminine=None, women={"Katharina", "Ursula", "Susanne"}),
    "fr": dict(
        given=[("Jean", [], None), ("Jean-Pierre", [], None), ("Marie", [], None),
               ("Marie-Claire", [], None), ("Sébastien", ["Sebastien", "Seb"], None),
               ("Emmanuel", ["Manu"], None), ("Hélène", ["Helene"], None),
               ("Louis", [], None), ("Louise", [], None)],
        family=[("Dupont", None), ("Martin", None), ("Lefèvre", None), ("Moreau", None),
                ("Girard", None), ("Bonnet", None)],
        feminine=None, women={"Marie", "Marie-Claire", "Hélène", "Louise"}),
    "en": dict(
        given=[("Robert", ["Bob", "Rob"], None), ("Elizabeth", ["Liz", "Beth"], None),
               ("William", ["Bill", "Will"], None), ("Margaret", ["Peggy", "Maggie"], None),
               ("Edward", ["Ted", "Ed"], None), ("Jennifer", ["Jen"], None),
               ("Thomas", ["Tom"], None), ("Paul", [], None), ("Alexandra", ["Alex"], None)],
        family=[("Smith", None), ("Johnson", None), ("Brown", None), ("Taylor", None),
                ("Thomas", None), ("Paul", None), ("Whitmore", None), ("O'Brien", None)],
        feminine=None, women={"Elizabeth", "Margaret", "Jennifer", "Alexandra"}),
    "el": dict(
        given=[("Dimitris", ["Dimitrios"], "Δημήτρης"), ("Giorgos", ["Yorgos"], "Γιώργος"),
               ("Nikos", [], "Νίκος"), ("Eleni", [], "Ελένη")],
        family=[("Papadopoulos", None), ("Georgiou", None), ("Nikolaidis", None)],
        feminine=None, women={"Eleni"}),
    "nl": dict(
        given=[("Cornelis", ["Kees"], None), ("Hendrik", ["Henk"], None),
               ("Johanna", ["Hanneke"], None), ("Pieter", ["Piet"], None)],
        family=[("de Vries", None), ("van den Berg", None), ("Jansen", None), ("Bakker", None)],
        feminine=None, women={"Johanna"}),
    "ja": dict(
        given=[("Hiroshi", [], None), ("Yuki", [], None), ("Kenji", [], None),
               ("Sakura", [], None)],
        family=[("Tanaka", None), ("Suzuki", None), ("Nakamura", None), ("Sato", None)],
        feminine=None, women={"Yuki", "Sakura"}, family_first=True),
    "in": dict(
        given=[("Priya", [], None), ("Arjun", [], None), ("Ananya", [], None),
               ("Rohan", [], None), ("Deepa", [], None)],
        family=[("Patel", None), ("Sharma", None), ("Singh", None), ("Iyer", None)],
        feminine=None, women={"Priya", "Ananya", "Deepa"}),
}
LANG_WEIGHTS = {"en": 20, "de": 12, "es": 12, "fr": 10, "zh": 10, "ru": 10, "ar": 8, "in": 7,
                "ja": 5, "nl": 4, "el": 2}
SYL = ["ar", "ben", "cor", "dal", "est", "fen", "gar", "hol", "ing", "jar", "kel", "lan",
       "mor", "nes", "ost", "per", "quin", "ros", "sel", "tor", "ul", "ver", "wyn", "zan"]
KEYS = "qwertyuiopasdfghjklzxcvbnm"
BIG = dict(name="Globex Industries", domain="globex.example", switchboard="+44 20 7946 0000")
HONORIFICS = ["Dr. ", "Mr. ", "Ms. ", "Prof. ", "Herr ", "Mme ", ""]


def zipf(items):
    weights = [1.0 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights)[0]


def rare_family():
    """A family name of its own: from 24 syllables, two to four, and an ending (about 8
    million names, so that two unrelated people seldom share one)."""
    name = "".join(rng.choice(SYL) for _ in range(rng.randrange(2, 5)))
    return (name + rng.choice(["", "ek", "ani", "ow", "sen", "ides", "escu"])).capitalize()


def ascii_of(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def slug(s):
    return "".join(c for c in ascii_of(s).lower() if c.isalnum())


def slip(s):
    """One slip of a hand on a keyboard: a letter doubled, dropped, swapped or its neighbour."""
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    kind = rng.random()
    if kind < 0.25:
        return s[:i] + s[i] + s[i:]
    if kind < 0.5:
        return s[:i] + s[i + 1:]
    if kind < 0.75:
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    k = KEYS.find(s[i].lower())
    near = KEYS[(k + 1) % len(KEYS)] if k >= 0 else s[i]
    return s[:i] + near + s[i + 1:]


def company():
    if rng.random() < 0.4:
        return BIG
    name = rare_family() + rng.choice([" Systems", " Labs", " AG", " SA", " Logistics",
                                       " Therapeutics", " Partners", ""])
    return dict(name=name, domain=slug(name) + ".example",
                switchboard=f"+49 30 {rng.randrange(10000000, 99999999)}")


people = []

# Mobile numbers as each country writes them, of the lengths its plan gives.
MOBILES = [("+49 151", 8), ("+33 6", 8), ("+7 916", 7), ("+86 138", 8), ("+34 612", 6),
           ("+44 7700", 6)]


def mobile():
    prefix, digits = rng.choice(MOBILES)
    return f"{prefix} {rng.randrange(10 ** (digits - 1), 10 ** digits)}"


def person(i, lang=None, family=None, home=None, street=None, not_given=None):
    lang = lang or rng.choices(list(LANG_WEIGHTS), list(LANG_WEIGHTS.values()))[0]
    spec = LANGS[lang]
    g, others, native_g = zipf(spec["given"])
    while g == not_given:
        g, others, native_g = zipf(spec["given"])
    woman = g in spec["women"]
    if family is None:
        if rng.random() < 0.3:
            family = zipf(spec["family"])
        else:
            family = (rare_family(), None)
    f, native_f = family
    if woman and spec.get("feminine"):
        f, native_f = spec["feminine"](f), native_f and spec["feminine"](native_f)
    second = None
    if spec.get("double") and rng.random() < 0.8:
        second = zipf(spec["family"])[0]
    org = company()
    n = len(people)
    p = dict(id=i, lang=lang, g=g, others=others, native=(native_g, native_f)
             if native_g and native_f and rng.random() < 0.35 else None,
             f=f, second=second, woman=woman, org=org,
             mobile=mobile(),
             home=home or f"+49 30 {rng.randrange(10000000, 99999999)}",
             street=street or f"{rare_family()}straße {rng.randrange(1, 200)}",
             personal=f"{slug(g)}.{slug(f)}.{n}@{rng.choice(['gmail.com', 'web.de', 'yandex.ru', 'qq.com'])}",
             title=rng.choice(["Engineer", "Sales Director", "Buyer", "CFO", "Researcher",
                               "Account Manager", "Einkäufer", "Chargé d'affaires"]),
             married=None, old=None)
    local = rng.choice([f"{slug(g)}.{slug(f)}", f"{slug(g)[0]}{slug(f)}", f"{slug(f)}.{slug(g)[0]}"])
    p["work"] = f"{local}{n if org is BIG else ''}@{org['domain']}"
    if woman and rng.random() < 0.06:
        p["married"] = zipf(spec["family"])[0] if rng.random() < 0.5 else rare_family()
    if rng.random() < 0.12:
        p["old"] = company()
    people.append(p)
    return p


i = 0
while len(people) < N:
    p = person(i)
    i += 1
    r = rng.random()
    if r < 0.08 and len(people) < N:
        # A spouse or sibling: one family name, home number and street.
        person(i, p["lang"], (p["f"], None), p["home"], p["street"], not_given=p["g"])
        i += 1
    elif r < 0.15 and len(people) < N and p["f"] in [f for f, _ in LANGS[p["lang"]]["family"]]:
        # A namesake at the giant employer, where the name is one of the language's commonest.
        q = person(i, p["lang"], (p["f"], None), not_given=None)
        q.update(g=p["g"], others=p["others"], native=None, org=BIG, f=p["f"])
        q["work"] = f"{slug(q['g'])}.{slug(q['f'])}{len(people)}@{BIG['domain']}"
        i += 1


def given_of(p):
    if p["others"] and rng.random() < 0.35:
        return rng.choice(p["others"])
    return p["g"]


def family_of(p, when="now"):
    f = p["married"] if p["married"] and when == "now" else p["f"]
    if p["second"] and rng.random() < 0.6:
        f = f"{f} {p['second']}"
    return f


def name_of(p, when="now"):
    """Given and family name as one source writes them."""
    g, f = given_of(p), family_of(p, when)
    r = rng.random()
    if r < 0.04:
        g = slip(g)
    elif r < 0.08:
        f = slip(f)
    elif r < 0.14:
        g, f = ascii_of(g), ascii_of(f)
    return g, f


def full_of(p, when="now"):
    g, f = name_of(p, when)
    if LANGS[p["lang"]].get("family_first") or rng.random() < 0.15:
        return f"{f.upper()} {g}"
    return f"{rng.choice(HONORIFICS) if rng.random() < 0.2 else ''}{g} {f}"


def note():
    lines = rng.choice([1, 2, 3, 5])
    parts = ["Asked about pricing, wants a demo", 'Said "call me after Q1"', "Booth 4B, met twice",
             "Needs 500 units, budget approved", "Knows our CTO; follow up, personally"]
    return "\n".join(rng.choice(parts) for _ in range(lines))


truth = []
scans, outlook, vcards, li, cards = [], [], [], [], []
for p in people:
    draws = 1
    while rng.random() < 0.45 and draws < 7:
        draws += 1
    sources = rng.choices(["scan", "outlook", "vcard", "li", "card"], [35, 15, 20, 20, 10],
                          k=draws)
    for src in sources:
        org = p["old"] if p["old"] and rng.random() < 0.4 else p["org"]
        old = org is p["old"]
        if src == "scan":
            for _ in range(3 if rng.random() < 0.05 else 1):
                scans.append([full_of(p), org["name"], p["title"],
                              p["work"] if not old and rng.random() < 0.9 else "",
                              p["mobile"] if rng.random() < 0.4 else "",
                              note() if rng.random() < 0.8 else "", "Cold;Warm;Hot".split(";")[rng.randrange(3)]])
                truth.append(("scans.csv", len(scans), p["id"]))
        elif src == "outlook":
            g, f = name_of(p, "then" if old else "now")
            outlook.append([g, "", f, org["name"], p["title"],
                            p["personal"] if rng.random() < 0.5 else (p["work"] if not old else ""),
                            p["mobile"] if rng.random() < 0.7 else "",
                            org["switchboard"] if rng.random() < 0.3 else "",
                            p["home"] if rng.random() < 0.3 else "",
                            p["street"] if rng.random() < 0.3 else "",
                            note() if rng.random() < 0.3 else ""])
            truth.append(("outlook.csv", len(outlook), p["id"]))
        elif src == "vcard":
            if p["native"] and rng.random() < 0.8:
                g, f = p["native"]
                if p["lang"] == "ru" and p["woman"]:
                    f = f if f.endswith("а") else f + "а"
            else:
                g, f = name_of(p)
            vcards.append((g, f, p["mobile"] if rng.random() < 0.9 else "",
                           p["home"] if rng.random() < 0.2 else "",
                           p["personal"] if rng.random() < 0.4 else "",
                           org["name"] if rng.random() < 0.2 else "",
                           p["lang"] in ("zh", "ja")))
            truth.append(("iphone.vcf", len(vcards), p["id"]))
        elif src == "li":
            g, f = name_of(p)
            li.append([g, f, f"https://www.linkedin.com/in/{slug(p['g'])}-{slug(p['f'])}-{p['id']:x}",
                       p["personal"] if rng.random() < 0.05 else "", org["name"], p["title"],
                       "02 Dec 2026"])
            truth.append(("Connections.csv", len(li), p["id"]))
        else:
            cards.append([full_of(p), org["name"], p["title"], p["work"] if not old else "",
                          p["mobile"] if rng.random() < 0.7 else "",
                          f"{org['switchboard']}", f"{org['switchboard'][:-2]}99"])
            truth.append(("cards.csv", len(cards), p["id"]))


def write_csv(path, header, rows):
    with open(f"{OUT}/{path}", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


write_csv("scans.csv", ["Attendee Full Name", "Attendee Company", "Attendee Title",
                        "Attendee Email", "Attendee Mobile", "Lead Notes", "Lead Rating"], scans)
write_csv("outlook.csv", ["First Name", "Middle Name", "Last Name", "Company", "Job Title",
                          "E-mail Address", "Mobile Phone", "Business Phone", "Home Phone",
                          "Home Street", "Notes"], outlook)
write_csv("Connections.csv", ["First Name", "Last Name", "URL", "Email Address", "Company",
                              "Position", "Connected On"], li)
write_csv("cards.csv", ["Name", "Company", "Title", "Email", "Mobile", "Phone", "Fax"], cards)
with open(f"{OUT}/iphone.vcf", "w", encoding="utf-8", newline="") as fh:
    for g, f, mobile, home, email, org, family_first in vcards:
        full = f"{f} {g}" if family_first else f"{g} {f}"
        fh.write(f"BEGIN:VCARD\r\nVERSION:4.0\r\nN:{f};{g};;;\r\nFN:{full}\r\n")
        if mobile:
            fh.write(f"TEL;TYPE=cell:{mobile}\r\n")
        if home:
            fh.write(f"TEL;TYPE=home:{home}\r\n")
        if email:
            fh.write(f"EMAIL;TYPE=home:{email}\r\n")
        if org:
            fh.write(f"ORG:{org}\r\n")
        fh.write("END:VCARD\r\n")
with open(f"{OUT}/truth.json", "w") as fh:
    json.dump(truth, fh)
