"""Renders business cards and event badges, "photographs" them, and writes the truth.

    python3 scripts/make_cards.py COUNT SEED OUTDIR [--flat]

Needs Pillow and qrcode (`pip install pillow qrcode phonenumbers`) and the DejaVu and Liberation fonts
(Debian's fonts-dejavu-core and fonts-liberation).

Cards: several fonts, layouts (left, centred, two columns, logo block), languages (English,
German, French, Spanish) with their phone labels and address formats, accents, and on some a QR
vCard in a corner. Badges: a large name and company with a QR code holding a vCard, a MECARD or
a BIZCARD, or only an attendee id. Each image is then photographed: put on a table, seen at an
angle (perspective), turned a little, under uneven light, blurred, and saved as a JPEG. With
`--flat` the rendered card is saved as it is (PNG).

OUTDIR/truth.json maps each image file to what it shows: kind (card, badge), code (vcard,
mecard, bizcard, id or null), and the fields: name, given, family, title, organization, emails,
phones (E.164), address lines.
"""
import json, math, os, random, sys

from PIL import Image, ImageDraw, ImageFilter, ImageFont
import qrcode

try:
    import phonenumbers
except ImportError:  # the numbers are then drawn from the valid ranges without a check
    phonenumbers = None

rng = random.Random(1)

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation"]
FAMILIES = [("DejaVuSans", "DejaVuSans-Bold"), ("DejaVuSerif", "DejaVuSerif-Bold"),
            ("LiberationSans-Regular", "LiberationSans-Bold"),
            ("LiberationSerif-Regular", "LiberationSerif-Bold"),
            ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold")]


def font(name, size):
    for d in FONT_DIRS:
        path = os.path.join(d, name + ".ttf")
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    raise SystemExit(f"font {name} not found: install fonts-dejavu-core and fonts-liberation")


LANGS = {
    "en": dict(
        given=["Emily", "James", "Olivia", "Michael", "Sarah", "Daniel", "Rebecca", "Thomas",
               "Hannah", "Christopher", "Grace", "Benjamin", "Chloé", "Zoë", "Siobhán", "Liam"],
        family=["Whitmore", "Carter", "Hughes", "Bennett", "Fletcher", "O'Brien", "Kowalski",
                "Harrington", "Nguyen", "Patel", "McAllister", "Reyes", "Sutherland", "Okafor"],
        titles=["Chief Executive Officer", "VP of Sales", "Head of Marketing", "Senior Engineer",
                "Product Manager", "Account Executive", "Director of Operations", "Founder & CEO",
                "Procurement Manager", "Data Scientist"],
        words=["Northwind", "Bluepeak", "Harbor", "Summit", "Brightline", "Ironwood",
               "Clearwater", "Redstone"],
        kinds=["Analytics", "Systems", "Logistics", "Robotics", "Health", "Software"],
        suffixes=["Inc.", "LLC", "Ltd", "Corp."],
        labels={"work": ["T", "Tel.", "Office", "Direct", "P"], "cell": ["M", "Mobile", "Cell"],
                "fax": ["F", "Fax"]},
        countries=["US", "GB"]),
    "de": dict(
        given=["Jürgen", "Lukas", "Anna", "Katharina", "Stefan", "Jörg", "Lena", "Matthias",
               "Sören", "Sabine", "Maximilian", "Ute", "Björn", "Käthe"],
        family=["Müller", "Schröder", "Weiß", "Becker", "Hoffmann", "Krüger", "Schäfer",
                "Wagner", "Groß", "Köhler", "Zimmermann", "Bäumer"],
        titles=["Geschäftsführer", "Vertriebsleiter", "Leiterin Marketing", "Einkaufsleiter",
                "Projektleiterin", "Softwareentwickler", "Key Account Manager"],
        words=["Nordlicht", "Bergwerk", "Rheintal", "Sonnenfeld", "Eisenhut", "Waldmann"],
        kinds=["Technik", "Logistik", "Systeme", "Maschinenbau", "Software"],
        suffixes=["GmbH", "AG", "GmbH & Co. KG", "KG"],
        labels={"work": ["Tel.", "T", "Telefon", "Fon"], "cell": ["Mobil", "M", "Handy"],
                "fax": ["Fax", "F"]},
        countries=["DE"]),
    "fr": dict(
        given=["Hélène", "François", "Amélie", "Jérôme", "Céline", "Benoît", "Élodie", "Loïc",
               "Camille", "Mathilde", "Stéphane", "Anaïs"],
        family=["Lefèvre", "Dubois", "Moreau", "Girard", "Fontaine", "Rousseau", "Mercier",
                "Chevalier", "Lemaître", "Faure", "Bérenger"],
        titles=["Directeur commercial", "Responsable marketing", "Chef de projet",
                "Directrice générale", "Ingénieur logiciel", "Responsable des achats"],
        words=["Lumière", "Horizon", "Atelier", "Riviera", "Sillage", "Cévennes"],
        kinds=["Conseil", "Systèmes", "Logistique", "Technologies", "Énergie"],
        suffixes=["SAS", "SA", "SARL"],
        labels={"work": ["Tél.", "T", "Tél"], "cell": ["Mob.", "Portable", "M"],
                "fax": ["Fax", "F"]},
        countries=["FR"]),
    "es": dict(
        given=["José", "María", "Lucía", "Andrés", "Sofía", "Tomás", "Inés", "Álvaro",
               "Begoña", "Raúl", "Nuria", "Íñigo"],
        family=["García", "Fernández", "Martínez", "López", "Gómez", "Muñoz", "Jiménez",
                "Pérez", "Sánchez", "Ibáñez", "Núñez"],
        titles=["Director comercial", "Jefa de ventas", "Gerente general",
                "Responsable de compras", "Ingeniero de software", "Directora de marketing"],
        words=["Solana", "Mirador", "Alcázar", "Levante", "Brisa", "Castell"],
        kinds=["Soluciones", "Sistemas", "Logística", "Tecnología", "Energía"],
        suffixes=["S.L.", "S.A.", "SL"],
        labels={"work": ["Tel.", "T", "Teléfono"], "cell": ["Móvil", "M", "Mov."],
                "fax": ["Fax", "F"]},
        countries=["ES"]),
}


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def phone(country, kind):
    """(as printed, E.164) for a number of the country that libphonenumber (Python's
    `phonenumbers`) holds valid: a truth rolo could not be right about measures nothing."""
    while True:
        shown, e164 = draw_phone(country, kind)
        if phonenumbers is None or phonenumbers.is_valid_number(phonenumbers.parse(e164)):
            return shown, e164


def draw_phone(country, kind):
    if country == "US":
        area = rng.choice(["415", "212", "617", "312", "206"])
        ex = str(rng.randrange(201, 999))
        while ex.endswith("11") or ex == "555":
            ex = str(rng.randrange(201, 999))
        line = digits(4)
        e164 = f"+1{area}{ex}{line}"
        style = rng.randrange(3)
        shown = [f"({area}) {ex}-{line}", f"+1 {area} {ex} {line}", f"{area}.{ex}.{line}"][style]
        return shown, e164
    if country == "GB":
        if kind == "cell":
            n = "79" + digits(8)
        else:
            n = "20" + rng.choice("378") + digits(7)
        e164 = "+44" + n
        shown = rng.choice([f"+44 {n[:2]} {n[2:6]} {n[6:]}", f"0{n[:2]} {n[2:6]} {n[6:]}"]) \
            if kind != "cell" else rng.choice([f"+44 {n[:4]} {n[4:]}", f"0{n[:4]} {n[4:]}"])
        return shown, e164
    if country == "DE":
        if kind == "cell":
            n = rng.choice(["151", "176"]) + digits(8)
            shown = rng.choice([f"+49 {n[:3]} {n[3:]}", f"0{n[:3]} {n[3:]}"])
        else:
            n = rng.choice(["30", "89", "40", "221"]) + digits(7)
            a = 2 if n[:2] in ("30", "89", "40") else 3
            shown = rng.choice([f"+49 {n[:a]} {n[a:]}", f"0{n[:a]} {n[a:]}",
                                f"+49 ({n[:a]}) {n[a:]}"])
        return shown, "+49" + n
    if country == "FR":
        n = ("6" if kind == "cell" else rng.choice("12345")) + digits(8)
        pairs = " ".join(n[i:i + 2] for i in range(1, 9, 2))
        shown = rng.choice([f"+33 {n[0]} {pairs}", f"0{n[0]} {pairs}", f"+33 (0){n[0]} {pairs}"])
        return shown, "+33" + n
    if country == "ES":
        n = ("6" if kind == "cell" else "91") + digits(8 if kind == "cell" else 7)
        shown = rng.choice([f"+34 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]} {n[3:6]} {n[6:]}"])
        return shown, "+34" + n
    raise ValueError(country)


def address(country):
    """(street, the postcode line, locality, region, postcode)."""
    lines = address_lines(country)
    second = lines[1]
    if country == "US":
        city, rest = second.split(", ")
        region, postcode = rest.split(" ")
        return lines, dict(locality=city, region=region, postcode=postcode)
    if country == "GB":
        parts = second.split(" ")
        return lines, dict(locality=parts[0], region="", postcode=" ".join(parts[1:]))
    postcode, city = second.split(" ", 1)
    return lines, dict(locality=city, region="", postcode=postcode)


def address_lines(country):
    n = rng.randrange(1, 250)
    if country == "US":
        street = f"{n} {rng.choice(['Market', 'Mission', 'Main', 'Oak', 'Pine'])} {rng.choice(['Street', 'St.', 'Avenue', 'Blvd'])}"
        city = rng.choice([("San Francisco", "CA", "941"), ("Boston", "MA", "021"), ("Seattle", "WA", "981")])
        return [street, f"{city[0]}, {city[1]} {city[2]}{digits(2)}"]
    if country == "GB":
        street = f"{n} {rng.choice(['Baker', 'King', 'Fleet', 'Regent'])} Street"
        return [street, f"London {rng.choice(['EC1A', 'W1B', 'SE1', 'N1'])} {digits(1)}{rng.choice('ABDEFG')}{rng.choice('HJLNPQ')}"]
    if country == "DE":
        street = f"{rng.choice(['Hauptstraße', 'Bahnhofstr.', 'Schillerstraße', 'Königsallee'])} {n}"
        return [street, f"{digits(5)} {rng.choice(['Berlin', 'München', 'Köln', 'Düsseldorf'])}"]
    if country == "FR":
        street = f"{n} {rng.choice(['rue de la République', 'avenue Victor Hugo', 'boulevard Haussmann', 'rue Saint-Honoré'])}"
        return [street, f"{rng.choice(['75', '69', '13', '33'])}{digits(3)} {rng.choice(['Paris', 'Lyon', 'Marseille', 'Bordeaux'])}"]
    street = f"{rng.choice(['Calle de Alcalá', 'Avenida Diagonal', 'Calle Mayor', 'Paseo de Gracia'])}, {n}"
    return [street, f"{rng.choice(['28', '08', '46'])}{digits(3)} {rng.choice(['Madrid', 'Barcelona', 'Valencia'])}"]


def ascii_fold(s):
    import unicodedata
    s = s.replace("ß", "ss").replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


EMAILS = set()
PEOPLE = set()


def person():
    lang = rng.choice(list(LANGS))
    L = LANGS[lang]
    country = rng.choice(L["countries"])
    # Two people of one name at one company would be one person to anyone: they are not made.
    while True:
        given, family = rng.choice(L["given"]), rng.choice(L["family"])
        word = rng.choice(L["words"])
        if (given, family, word) not in PEOPLE:
            PEOPLE.add((given, family, word))
            break
    org = f"{word} {rng.choice(L['kinds'])} {rng.choice(L['suffixes'])}"
    # Most companies use their country's domain; some a generic one, a few another country's.
    cctld = {"US": ".com", "GB": ".co.uk", "DE": ".de", "FR": ".fr", "ES": ".es"}[country]
    tld = rng.choices([cctld, ".com", ".io", rng.choice([".de", ".fr", ".es", ".co.uk"])],
                      weights=[6, 2, 1, 1])[0]
    domain = ascii_fold(word).lower() + tld
    local = rng.choice([f"{given}.{family}", f"{given[0]}{family}", f"{given}"])
    local = ascii_fold(local).lower().replace("'", "").replace(" ", "")
    # One address is one person's: a second Raúl at the company is raul.nunez@.
    while f"{local}@{domain}" in EMAILS:
        local = ascii_fold(f"{given}.{family}").lower().replace("'", "") + str(rng.randrange(2, 99))
    EMAILS.add(f"{local}@{domain}")
    phones = []
    for kind in rng.sample(["work", "cell", "fax"], rng.choice([1, 2, 2, 3])):
        shown, e164 = phone(country, kind)
        phones.append((kind, rng.choice(L["labels"][kind]), shown, e164))
    return dict(lang=lang, country=country, given=given, family=family,
                name=f"{given} {family}", title=rng.choice(L["titles"]), organization=org,
                email=f"{local}@{domain}", url=f"www.{domain}", phones=phones,
                **(dict(zip(("address", "adr"), address(country))) if rng.random() < 0.7
                   else dict(address=[], adr=None)))


def vcard(p):
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{p['family']};{p['given']};;;", f"FN:{p['name']}",
             f"ORG:{p['organization']}", f"TITLE:{p['title']}", f"EMAIL;TYPE=WORK:{p['email']}"]
    for kind, _, _, e164 in p["phones"]:
        lines.append(f"TEL;TYPE={ {'work': 'WORK,VOICE', 'cell': 'CELL', 'fax': 'WORK,FAX'}[kind]}:{e164}")
    if p["address"]:
        a = p["adr"]
        street = p["address"][0].replace(",", "\\,")  # a comma separates values in ADR
        lines.append(f"ADR;TYPE=WORK:;;{street};{a['locality']};{a['region']};{a['postcode']};")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def mecard(p):
    tels = "".join(f"TEL:{e164};" for kind, _, _, e164 in p["phones"] if kind != "fax")
    return f"MECARD:N:{p['family']},{p['given']};ORG:{p['organization']};{tels}EMAIL:{p['email']};;"


def bizcard(p):
    tel = next((e for k, _, _, e in p["phones"] if k != "fax"), "")
    return (f"BIZCARD:N:{p['given']};X:{p['family']};T:{p['title']};C:{p['organization']};"
            f"B:{tel};E:{p['email']};;")


def qr_image(payload, box):
    q = qrcode.QRCode(border=2, box_size=box, error_correction=qrcode.constants.ERROR_CORRECT_M)
    q.add_data(payload.encode("utf-8"))
    q.make(fit=True)
    return q.make_image(fill_color="black", back_color="white").convert("RGB")


W, H = 1050, 600  # 89 x 51 mm at 300 dpi


def render_card(p, with_qr, always_label=False):
    ink = rng.choice([(20, 20, 20), (25, 40, 80), (40, 40, 40), (60, 20, 20)])
    paper = rng.choice([(255, 255, 255), (250, 248, 240), (245, 245, 250)])
    img = Image.new("RGB", (W, H), paper)
    d = ImageDraw.Draw(img)
    regular, bold = rng.choice(FAMILIES)
    layout = rng.choice(["left", "centred", "columns", "logo"])
    big, mid, small = rng.randrange(50, 64), rng.randrange(32, 38), rng.randrange(28, 33)
    contact = []
    for kind, label, shown, _ in p["phones"]:
        labelled = rng.random() < 0.9 or kind == "fax" or always_label
        contact.append(f"{label} {shown}" if labelled else shown)
    contact.append(p["email"])
    if rng.random() < 0.5:
        contact.append(p["url"])
    contact += p["address"]
    header = [(p["name"], font(bold, big)), (p["title"], font(regular, mid))]
    company = (p["organization"], font(bold, mid + 4))
    qr = qr_image(vcard(p), 4) if with_qr else None
    if qr is not None and qr.width > 300:
        qr = qr.resize((300, 300), Image.NEAREST)

    def lines_at(x, y, items, anchor="la", gap=10):
        for text, f in items:
            # Print that would run off the card is set smaller, as a designer would.
            room = (W - 60 - x) if anchor == "la" else W - 80
            if qr is not None and anchor == "la" and x > W // 2:
                room = W - 60 - x
            while f.getlength(text) > room and f.size > 14:
                f = font(os.path.basename(f.path)[:-4], f.size - 2)
            d.text((x, y), text, font=f, fill=ink, anchor=anchor)
            y += f.size + gap
        return y

    if layout == "left":
        y = lines_at(60, 50, [company])
        y = lines_at(60, y + 20, header)
        lines_at(60, y + 25, [(t, font(regular, small)) for t in contact], gap=6)
    elif layout == "centred":
        y = lines_at(W // 2, 45, [company], anchor="ma")
        y = lines_at(W // 2, y + 15, header, anchor="ma")
        lines_at(W // 2, y + 20, [(t, font(regular, small)) for t in contact], anchor="ma", gap=6)
    elif layout == "columns":
        lines_at(60, 60, header + [company])
        lines_at(W // 2 + 40, 250 if qr is None else 60,
                 [(t, font(regular, small - 2)) for t in contact], gap=6)
    else:
        d.rectangle((40, 40, 190, 190), fill=rng.choice([(200, 60, 40), (30, 110, 160), (40, 140, 90)]))
        initials = "".join(w[0] for w in p["organization"].split()[:2])
        d.text((115, 115), initials, font=font(bold, 64), fill=(255, 255, 255), anchor="mm")
        lines_at(220, 60, [company])
        y = lines_at(60, 230, header)
        lines_at(60, y + 15, [(t, font(regular, small - 2)) for t in contact], gap=5)
    if qr is not None:
        img.paste(qr, (W - qr.width - 30, H - qr.height - 30) if layout != "columns" else (W - qr.width - 30, H - qr.height - 20))
    return img


def render_badge(p, code):
    bw, bh = 800, 1100
    img = Image.new("RGB", (bw, bh), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, bw, 170), fill=(30, 60, 120))
    d.text((bw // 2, 85), "NORTHSTACK EXPO 2026", font=font("DejaVuSans-Bold", 48), fill=(255, 255, 255), anchor="mm")
    d.text((bw // 2, 280), p["given"], font=font("DejaVuSans-Bold", 96), fill=(0, 0, 0), anchor="mm")
    d.text((bw // 2, 380), p["family"], font=font("DejaVuSans", 60), fill=(0, 0, 0), anchor="mm")
    size = 44
    while font("DejaVuSans", size).getlength(p["organization"]) > bw - 60:
        size -= 2
    d.text((bw // 2, 470), p["organization"], font=font("DejaVuSans", size), fill=(60, 60, 60), anchor="mm")
    attendee = f"ATT-2026-{digits(6)}"
    payload = {"vcard": vcard, "mecard": mecard, "bizcard": bizcard}.get(code, lambda _: attendee)(p)
    qr = qr_image(payload, 6)
    side = min(480, max(360, qr.width))
    qr = qr.resize((side, side), Image.NEAREST)
    img.paste(qr, ((bw - side) // 2, 540))
    d.text((bw // 2, 1060), attendee, font=font("DejaVuSansMono", 30), fill=(0, 0, 0), anchor="mm")
    return img, payload


def table(size):
    w, h = size
    # Wood, grey laminate, a dark desk, and one in six a white desk the card hardly stands out on.
    base = rng.choice([(120, 85, 55), (90, 90, 95), (160, 130, 95), (60, 60, 60), (70, 75, 90),
                       (232, 232, 228)])
    img = Image.new("RGB", (w, h), base)
    d = ImageDraw.Draw(img)
    for y in range(0, h, 6):  # wood grain or fabric
        shade = rng.randrange(-18, 18)
        d.line((0, y, w, y + rng.randrange(-20, 20)), fill=tuple(max(0, min(255, c + shade)) for c in base), width=4)
    return img


def perspective_coeffs(src, dst):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output pixels dst to input src."""
    rows = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    n = 8  # Gauss-Jordan elimination with partial pivoting
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                f = rows[r][col] / rows[col][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[col])]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def photograph(card):
    """The card on a table, seen from a little off vertical, turned, lit unevenly, blurred."""
    cw, ch = card.size
    pw, ph = int(cw * 1.45), int(ch * 1.6) if ch > cw else int(ch * 1.9)
    photo = table((pw, ph))
    # Where the card's corners land: centred, turned by a few degrees, and the far edge
    # shorter than the near one (the camera is tilted 10-20 degrees towards the table).
    angle = math.radians(rng.uniform(-8, 8))
    tilt = rng.uniform(0.03, 0.09)
    scale = rng.uniform(0.8, 0.92) * min(pw / cw, ph / ch)
    cx, cy = pw / 2 + rng.uniform(-30, 30), ph / 2 + rng.uniform(-30, 30)
    corners = []
    for (x, y) in [(0, 0), (cw, 0), (cw, ch), (0, ch)]:
        dx, dy = (x - cw / 2) * scale, (y - ch / 2) * scale
        shrink = 1 - tilt * (0.5 - y / ch)  # the top edge is further away
        dx *= shrink
        rx = dx * math.cos(angle) - dy * math.sin(angle)
        ry = dx * math.sin(angle) + dy * math.cos(angle)
        corners.append((cx + rx, cy + ry))
    coeffs = perspective_coeffs([(0, 0), (cw, 0), (cw, ch), (0, ch)], corners)
    warped = card.transform((pw, ph), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", card.size, 255).transform((pw, ph), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    photo.paste(warped, (0, 0), mask)
    # Uneven light: a gradient from one side.
    light = Image.linear_gradient("L").resize((pw, ph)).rotate(rng.uniform(0, 360), fillcolor=128)
    shade = Image.new("RGB", (pw, ph), (0, 0, 0))
    photo = Image.composite(photo, Image.blend(photo, shade, 0.25), light.point(lambda v: 160 + v * 95 // 255))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    return photo


def main():
    global rng
    count, out, flat = int(sys.argv[1]), sys.argv[3], "--flat" in sys.argv
    rng = random.Random(int(sys.argv[2]))
    os.makedirs(out, exist_ok=True)
    truth = {}
    for i in range(count):
        p = person()
        badge = rng.random() < 0.3
        if badge:
            code = rng.choice(["vcard", "mecard", "bizcard", "id"])
            img, payload = render_badge(p, code)
            kind = "badge"
        else:
            code = "vcard" if rng.random() < 0.2 else None
            img = render_card(p, code is not None)
            kind = "card"
        name = f"{kind}-{i + 1:04d}" + (".png" if flat else ".jpg")
        path = os.path.join(out, name)
        if flat:
            img.save(path)
        else:
            photograph(img).save(path, quality=rng.randrange(70, 90))
        shown = kind == "card" or code in ("vcard", "mecard", "bizcard")
        truth[name] = dict(
            kind=kind, code=code, lang=p["lang"],
            name=p["name"] if shown or kind == "badge" else None,
            given=p["given"], family=p["family"],
            title=p["title"] if kind == "card" or code in ("vcard", "bizcard") else None,
            organization=p["organization"],
            emails=[p["email"]] if shown else [],
            phones=[e for k, _, _, e in p["phones"]
                    if (kind == "card" or code == "vcard" or (code == "mecard" and k != "fax"))]
            + ([next((e for k, _, _, e in p["phones"] if k != "fax"), None)] if code == "bizcard" else []),
            address=p["address"] if kind == "card" else [],
            adr=p["adr"] if kind == "card" else None,
        )
        truth[name]["phones"] = [x for x in truth[name]["phones"] if x]
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
