"""Redact a text column of a Spark DataFrame with piimask.

    spark-submit spark_redact.py INPUT.jsonl OUTPUT_DIR [--text-column text] [--region-column region]

Reads JSON Lines (any columns), replaces the text column with its redaction
and writes JSON Lines again. Each executor process builds one Scanner, the
first time a batch reaches it, and reuses it for every batch after (a
scanner is immutable and thread-safe); a pandas UDF hands it whole Arrow
batches, so Python is entered once per batch, not per row. Each row's
region hint comes from another column (rows without one use the scanner's
default). The piimask package (which bundles the C library) must be
installed on every executor, e.g. in the image or with --archives of a venv.
"""

import argparse

import pandas as pd
from pyspark.sql import SparkSession, functions as F
from pyspark.sql.types import StringType

_SCANNER = None


def scanner():
    """The executor process's scanner, built on first use."""
    global _SCANNER
    if _SCANNER is None:
        import piimask

        _SCANNER = piimask.Scanner(region="IN")
    return _SCANNER


@F.pandas_udf(StringType())
def redact(texts: pd.Series, regions: pd.Series) -> pd.Series:
    s = scanner()
    out = []
    for text, region in zip(texts, regions):
        if text is None:
            out.append(None)
        elif isinstance(region, str) and region:
            out.append(s.redact(text, region=region))
        else:
            out.append(s.redact(text))
    return pd.Series(out, dtype=object)


def redact_column(df, text_column="text", region_column="region"):
    """`df` with `text_column` redacted, the region of each row taken from
    `region_column` (a missing column means the default region)."""
    regions = F.col(region_column) if region_column in df.columns else F.lit(None).cast("string")
    return df.withColumn(text_column, redact(F.col(text_column), regions))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--text-column", default="text")
    p.add_argument("--region-column", default="region")
    args = p.parse_args()
    spark = SparkSession.builder.appName("piimask-redact").getOrCreate()
    df = spark.read.json(args.input)
    redact_column(df, args.text_column, args.region_column).write.mode("overwrite").json(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
