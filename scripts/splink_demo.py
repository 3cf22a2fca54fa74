"""Splink's own demo data (`fake_1000`, `fake_20000`: names with letters swapped, given and
family name exchanged between columns, dates of birth and email addresses mistyped, a lone
`city` column; five or six records a person) as files rolo reads, and the Splink route on them.

    python3 scripts/splink_demo.py export FILE DIR   writes DIR/people.csv and DIR/truth.json
    python3 scripts/splink_demo.py splink DIR        writes DIR/splink.csv (file,record,cluster)

FILE is the data set as Splink's repository holds it (`tests/datasets/
fake_1000_from_splink_demos.csv`) or `splink.datasets` downloads it: `unique_id, first_name,
surname, dob, city, email` and the answer in `cluster` (or `group`), which is left out of
people.csv, as is `unique_id`. Not fetched here: this machine may have no network.

Splink is set up as its dedupe tutorial on this data is: both names compared with
NameComparison, the date of birth with DateOfBirthComparison, the city exactly with term
frequencies, the email with EmailComparison; blocking on first name and date of birth and on
surname; u by random sampling, m by expectation maximisation on two blockings; clusters at a
match probability of 0.95. Needs `pip install splink`.
"""
import csv, json, os, sys, time

COLUMNS = ["first_name", "surname", "dob", "city", "email"]


def export(path, d):
    os.makedirs(d, exist_ok=True)
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    answer = "cluster" if "cluster" in rows[0] else "group"
    with open(f"{d}/people.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in COLUMNS])
    json.dump([["people.csv", i, r[answer]] for i, r in enumerate(rows, 1)],
              open(f"{d}/truth.json", "w"))


def splink(d):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink_clusters import write_clusters

    started = time.time()
    df = pd.read_csv(f"{d}/people.csv", dtype=str, keep_default_na=False).replace("", None)
    for c in ("first_name", "surname", "city", "email"):
        df[c] = df[c].str.strip()
    df.insert(0, "record", range(1, len(df) + 1))
    df.insert(0, "unique_id", [f"people.csv:{i}" for i in df["record"]])
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "dob"),
            block_on("surname"),
        ],
        comparisons=[
            cl.NameComparison("first_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.EmailComparison("email"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(DuckDBAPI().register(df), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    write_clusters(linker, d, started, predict_at=0.2, cluster_at=0.95, file="people.csv")


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3])
    else:
        splink(sys.argv[2])
