"""pseudopeople's sample population (IHME's simulated census and tax records with realistic
noise: typos, nicknames, fake names, swapped dates, household members' numbers copied) as
files rolo reads, and the Splink route on them.

    python3 scripts/pseudopeople_sample.py export DIR   writes DIR/census.csv, DIR/w2.csv, truth.json
    python3 scripts/pseudopeople_sample.py registries DIR   writes the census and the five other
        registries of the sample: social security (ssa.csv, dates YYYYMMDD, full middle names, an
        event and its day a record), 1040 forms (f1040.csv, with spouses' and dependents'
        columns), the ACS and CPS surveys and WIC (wic.csv, dates MMDDYYYY), and truth.json
    python3 scripts/pseudopeople_sample.py splink DIR   writes DIR/splink.csv (file,record,cluster)
        for either set, its files' columns mapped to one frame

The files keep the columns as the package names them (`first_name`, `middle_initial`,
`date_of_birth`, `street_number`, `street_name`, `zipcode`, `employer_name`, `ssn`, ...), less
`simulant_id` and `household_id`, which spell the answer; truth.json is [file, record, person]
as scripts/score_haul.py reads it. The census is one record a person, the W-2 and 1099 forms
one a job; households share a family name, a street and often a middle initial. Splink is
set up as for FEBRL (scripts/febrl.py): names, date of birth, street, zipcode and SSN
compared, u by random sampling, m by expectation maximisation, clusters at 0.9. Needs
`pip install pseudopeople splink`.
"""
import json, os, sys, time


def export(d):
    import pseudopeople as psp
    os.makedirs(d, exist_ok=True)
    truth = []
    for name, frame in (("census.csv", psp.generate_decennial_census()),
                        ("w2.csv", psp.generate_taxes_w2_and_1099())):
        frame = frame.reset_index(drop=True)
        truth += [[name, i, str(p)] for i, p in enumerate(frame["simulant_id"], 1)]
        frame.drop(columns=["simulant_id", "household_id"]).to_csv(f"{d}/{name}", index=False)
    json.dump(truth, open(f"{d}/truth.json", "w"))


def registries(d):
    import pseudopeople as psp
    os.makedirs(d, exist_ok=True)
    truth = []
    for name, make in (("census.csv", psp.generate_decennial_census),
                       ("ssa.csv", psp.generate_social_security),
                       ("f1040.csv", psp.generate_taxes_1040),
                       ("acs.csv", psp.generate_american_community_survey),
                       ("cps.csv", psp.generate_current_population_survey),
                       ("wic.csv", psp.generate_women_infants_and_children)):
        frame = make().reset_index(drop=True)
        truth += [[name, i, str(p)] for i, p in enumerate(frame["simulant_id"], 1)]
        hidden = [c for c in ("simulant_id", "household_id") if c in frame]
        frame.drop(columns=hidden).to_csv(f"{d}/{name}", index=False)
    json.dump(truth, open(f"{d}/truth.json", "w"))


def iso_date(v):
    """A date of birth as the files write it (`06/18/1982`, `19820618`, `06181982`) as ISO, or
    None where it is no date: each file's own form, told by its separators and where its year
    is."""
    import datetime
    digits = "".join(c for c in v if c.isdigit())
    if len(digits) != 8:
        return None
    if "/" in v or digits[:2] not in ("18", "19", "20"):
        m, d, y = digits[:2], digits[2:4], digits[4:]
    else:
        y, m, d = digits[:4], digits[4:6], digits[6:]
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def splink(d):
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink_clusters import write_clusters
    started = time.time()
    frames = []
    files = sorted({f for f, _, _ in json.load(open(f"{d}/truth.json"))})
    for f in files:
        df = pd.read_csv(f"{d}/{f}", dtype=str, keep_default_na=False)
        col = lambda name: df[name] if name in df else pd.Series([""] * len(df))
        # The person's own address: a tax form's mailing address where it has no other.
        home = "" if "street_name" in df else "mailing_address_"
        middle = col("middle_initial") if "middle_initial" in df else col("middle_name").str[:1]
        out = pd.DataFrame({
            "unique_id": [f"{f}:{i}" for i in range(1, len(df) + 1)],
            "file": f,
            "record": range(1, len(df) + 1),
            "first_name": col("first_name").str.lower(),
            "middle_initial": middle.str.lower(),
            "last_name": col("last_name").str.lower(),
            "date_of_birth": col("date_of_birth").map(iso_date),
            "street": (col(f"{home}street_number") + " " + col(f"{home}street_name")).str.strip(),
            "zipcode": col(f"{home}zipcode"),
            "ssn": col("ssn"),
        }).replace("", None)
        frames.append(out)
    df = pd.concat(frames, ignore_index=True)
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "last_name"),
            block_on("last_name", "date_of_birth"),
            block_on("first_name", "date_of_birth"),
            block_on("street"),
            block_on("ssn"),
        ],
        comparisons=[
            cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
            cl.ExactMatch("middle_initial"),
            cl.NameComparison("last_name").configure(term_frequency_adjustments=True),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True,
                                     datetime_format="%Y-%m-%d", invalid_dates_as_null=True),
            cl.JaroWinklerAtThresholds("street", [0.9, 0.7]),
            cl.ExactMatch("zipcode"),
            cl.DamerauLevenshteinAtThresholds("ssn", [1, 2]),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(DuckDBAPI().register(df), settings)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "last_name", "street")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e7)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("street"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("first_name", "last_name"))
    write_clusters(linker, d, started)


if __name__ == "__main__":
    {"export": export, "registries": registries, "splink": splink}[sys.argv[1]](sys.argv[2])
