"""What the Splink routes of the benchmarks share: a trained model's predictions clustered and
written as DIR/splink.csv (file,record,cluster), as scripts/score_haul.py reads it."""
import csv, sys, time


def write_clusters(linker, d, started, predict_at=0.5, cluster_at=0.9, file=None):
    """Predicts pairs at `predict_at`, clusters them at `cluster_at` and writes each record's
    cluster; `file` names the one file every record is of, where the frame has no column for
    it. Prints the time since `started`."""
    predictions = linker.inference.predict(threshold_match_probability=predict_at)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=cluster_at).as_pandas_dataframe()
    with open(f"{d}/splink.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "record", "cluster"])
        for r in clusters.itertuples(index=False):
            w.writerow([file or r.file, r.record, r.cluster_id])
    print(f"splink: {time.time() - started:.1f} s", file=sys.stderr)
