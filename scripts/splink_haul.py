"""The route a data team would take today, for comparison: load a synthetic haul (see
make_haul.py, make_haul2.py and make_haul3.py) into one table with pandas, deduplicate it with Splink on DuckDB, and write
the clusters as OUTDIR/splink.csv (file,record,cluster) for score_haul.py.

    python3 scripts/splink_haul.py OUTDIR

Needs `pip install splink openpyxl`. The model is set up as a competent user would: blocking
on email, phone, names and organization; name, email, phone and organization comparisons
with term frequencies; u by random sampling, m by expectation maximisation on full names,
emails and phones; clusters at a match probability of 0.9.
"""
import csv, io, os, re, sys, time

import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

out = sys.argv[1]
started = time.time()
rows = []


def add(file, record, first, last, email, phone, org):
    digits = re.sub(r"\D", "", phone or "")
    rows.append(dict(unique_id=f"{file}:{record}", file=file, record=record,
                     first_name=(first or "").strip().lower() or None,
                     surname=(last or "").strip().lower() or None,
                     email=(email or "").strip().lower() or None,
                     phone=digits[-9:] or None,
                     org=(org or "").strip().lower() or None))


def split_full(full):
    """A full name split as a careful analyst would: honorifics dropped, a family name in
    capitals written first (`DUPONT Jean`) read first, else the first word the given name."""
    words = re.sub(r"^(Dr|Mr|Ms|Mrs|Prof|Herr|Mme)\.? ", "", full).split()
    if len(words) > 1 and words[0].isupper() and len(words[0]) > 1 and not words[-1].isupper():
        return words[-1], " ".join(words[:-1])
    return (words[0] if words else ""), " ".join(words[1:])


def read_vcf(path, file):
    card, n = {}, 0
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if line == "BEGIN:VCARD":
            card, n = {}, n + 1
        elif line == "END:VCARD":
            add(file, n, card.get("given"), card.get("family"), card.get("email"), card.get("tel"),
                card.get("org"))
        elif line.startswith("N:"):
            parts = line[2:].split(";")
            card["family"], card["given"] = parts[0], parts[1] if len(parts) > 1 else ""
        elif line.startswith("TEL") and "tel" not in card:
            card["tel"] = line.split(":", 1)[1]
        elif line.startswith("EMAIL"):
            card["email"] = line.split(":", 1)[1]
        elif line.startswith("ORG:"):
            card["org"] = line[4:]


def rows_of(name):
    text = open(f"{out}/{name}", encoding="utf-8", newline="").read()
    # LinkedIn writes notes above its header, as make_haul3.py's export does.
    if name == "Connections.csv" and text.startswith("Notes:"):
        text = text[text.index("First Name"):]
    return enumerate(csv.DictReader(io.StringIO(text, newline="")), 1)


for i, r in rows_of("Connections.csv"):
    add("Connections.csv", i, r["First Name"], r["Last Name"], r["Email Address"], "", r["Company"])
if os.path.exists(f"{out}/scans.csv"):
    # The second generator's haul (make_haul2.py).
    for i, r in rows_of("scans.csv"):
        g, f = split_full(r["Attendee Full Name"])
        add("scans.csv", i, g, f, r["Attendee Email"], r["Attendee Mobile"], r["Attendee Company"])
    for i, r in rows_of("outlook.csv"):
        add("outlook.csv", i, r["First Name"], r["Last Name"], r["E-mail Address"],
            r["Mobile Phone"], r["Company"])
    for i, r in rows_of("cards.csv"):
        g, f = split_full(r["Name"])
        add("cards.csv", i, g, f, r["Email"], r["Mobile"], r["Company"])
    read_vcf(f"{out}/iphone.vcf", "iphone.vcf")
else:
    # The first generator's haul (make_haul.py), or the third's (make_haul3.py): badges and a
    # Google book (book.csv or google.csv), a phone's or a card scanner's vCard.
    third = os.path.exists(f"{out}/google.csv")
    for i, r in rows_of("badge.csv"):
        add("badge.csv", i, r["First Name"], r["Last Name"], r["Email"], r["Phone"], r["Company"])
    book = "google.csv" if third else "book.csv"
    for i, r in rows_of(book):
        add(book, i, r["Given Name"], r["Family Name"], r["E-mail 1 - Value"],
            r["Phone 1 - Value"], r["Organization 1 - Name"])
    vcf = "cards.vcf" if third else "phone.vcf"
    read_vcf(f"{out}/{vcf}", vcf)
    try:
        cards = pd.read_excel(f"{out}/cards.xlsx", dtype=str).fillna("")
        for i, r in enumerate(cards.itertuples(index=False), 1):
            g, f = split_full(r.Name)
            add("cards.xlsx", i, g, f, r.Email, r.Mobile, r.Company)
    except FileNotFoundError:
        pass
df = pd.DataFrame(rows)
loaded = time.time()

settings = SettingsCreator(
    link_type="dedupe_only",
    blocking_rules_to_generate_predictions=[
        block_on("email"),
        block_on("phone"),
        block_on("surname", "first_name"),
        block_on("org", "surname"),
    ],
    comparisons=[
        cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
        cl.NameComparison("surname").configure(term_frequency_adjustments=True),
        cl.EmailComparison("email"),
        cl.ExactMatch("phone"),
        cl.JaroWinklerAtThresholds("org", [0.9, 0.7]),
    ],
    retain_intermediate_calculation_columns=False,
)
db_api = DuckDBAPI()
linker = Linker(db_api.register(df), settings)
linker.training.estimate_probability_two_random_records_match(
    [block_on("email"), block_on("phone")], recall=0.7)
linker.training.estimate_u_using_random_sampling(max_pairs=2e6)
# EM on blocks that stay small at scale (a surname alone is thousands of Smiths).
linker.training.estimate_parameters_using_expectation_maximisation(
    block_on("surname", "first_name"))
linker.training.estimate_parameters_using_expectation_maximisation(block_on("email"))
linker.training.estimate_parameters_using_expectation_maximisation(block_on("phone"))
predictions = linker.inference.predict(threshold_match_probability=0.5)
clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
    predictions, threshold_match_probability=0.9).as_pandas_dataframe()
done = time.time()
with open(f"{out}/splink.csv", "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh)
    w.writerow(["file", "record", "cluster"])
    for r in clusters.itertuples(index=False):
        w.writerow([r.file, r.record, r.cluster_id])
print(f"splink: load {loaded - started:.1f} s, train, predict and cluster {done - loaded:.1f} s, "
      f"total {done - started:.1f} s", file=sys.stderr)
