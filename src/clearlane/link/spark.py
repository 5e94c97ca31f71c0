"""Spark for scale: the same party model on Splink's Spark backend.

``link_parties(..., backend="spark")`` runs the settings of :mod:`clearlane.link.settings`
on Spark instead of DuckDB. Without a session given, :func:`local_session` starts Spark in
local mode with Splink's similarity UDF jar (Jaro-Winkler etc.). On a cluster, build the
session yourself (``SparkSession.builder.master("spark://host:7077")`` or
``.master("yarn")``, the jar from ``splink.backends.spark.similarity_jar_location()`` in
``spark.jars``) and pass it as ``spark=``; see docs/linking.md.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

LOCAL_MASTER = "local[2]"


def local_session(master: str = LOCAL_MASTER, memory: str = "1g") -> Any:
    """A small local SparkSession with Splink's UDF jar; reused if one is already running."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    checkpoints = os.path.join(tempfile.gettempdir(), "clearlane-spark-checkpoints")
    # Spark's default warehouse is "spark-warehouse" in the working directory: an empty folder
    # left wherever `clearlane link --backend spark` (or the test suite) ran
    warehouse = os.path.join(tempfile.gettempdir(), "clearlane-spark-warehouse")
    session = (
        SparkSession.builder.master(master)
        .appName("clearlane-link")
        .config("spark.driver.memory", memory)
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.warehouse.dir", warehouse)
        .getOrCreate()
    )
    session.sparkContext.setCheckpointDir(checkpoints)
    session.sparkContext.setLogLevel("ERROR")
    return session
