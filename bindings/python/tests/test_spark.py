"""examples/spark_redact.py in Spark local mode, checked row by row against
the CLI's `piimask redact` on the same rows. Needs pyspark (and Java 17):
scripts/spark-test.sh installs them in a venv of its own and sets
PIIMASK_SPARK_REQUIRED=1; elsewhere the test is skipped."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

if not os.environ.get("PIIMASK_SPARK_REQUIRED"):
    pytest.importorskip("pyspark")

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def cli():
    return os.environ.get("PIIMASK_CLI") or str(REPO / "target" / "release" / "piimask")


def rows():
    """A few thousand chat rows with a region column (some without)."""
    base = [json.loads(l) for l in (REPO / "examples" / "chat.jsonl").read_text().splitlines() if l]
    regions = ["IN", "BR", "US", "GB", None]
    out = []
    for i in range(3000):
        r = dict(base[i % len(base)])
        r["id"] = i
        region = regions[i % len(regions)] if i % 3 else r.get("region")
        if region is None:
            r.pop("region", None)
        else:
            r["region"] = region
        out.append(r)
    return out


def test_spark_job_matches_the_cli(tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    import spark_redact
    from pyspark.sql import SparkSession

    data = rows()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in data))

    # The CLI on the same rows: each line's own "region" wins over --region.
    done = subprocess.run(
        [cli(), "redact", "--region", "IN", str(src)], capture_output=True, check=True
    )
    expected = {}
    for line in done.stdout.decode().splitlines():
        obj = json.loads(line)
        expected[obj["id"]] = obj["text"]
    assert len(expected) == len(data)

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("piimask-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        # The executors' Python workers import the job's module too.
        spark.sparkContext.addPyFile(str(EXAMPLES / "spark_redact.py"))
        df = spark.read.json(str(src)).repartition(4)
        got = {r["id"]: r["text"] for r in spark_redact.redact_column(df).select("id", "text").collect()}
    finally:
        spark.stop()
    assert got == expected
    # Something was masked, and rows differed by region.
    assert sum("•" in t for t in got.values()) > 100
