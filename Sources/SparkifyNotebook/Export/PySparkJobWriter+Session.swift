extension PySparkJobWriter {
    /// The module docstring (how to run the job), the imports and the job's defaults.
    func header() -> String {
        let file = notebook.file
        let outputUse = usesOutput
        let output = outputUse ? " --output /tmp/sparkify-lake" : ""
        let s3Output = outputUse ? " --output s3a://YOUR-BUCKET/lake" : ""
        return """
            #!/usr/bin/env python3
            \"\"\"The notebook \(file) as a PySpark job.

            Written by `sparkify export \(file)`: each SQL cell of the notebook is a function below,
            run in the order sparkify runs them. Edit the notebook and export it again rather than
            editing this file.

                spark-submit etl.py --data samples/data\(output)
                spark-submit --packages org.apache.hadoop:hadoop-aws:3.5.0 etl.py \\\\
                    --data s3a://udacity-dend\(s3Output)

            For s3a:// URIs the AWS keys come from dl.cfg (an [AWS] section with AWS_ACCESS_KEY_ID
            and AWS_SECRET_ACCESS_KEY, as in the original project) or from the environment variables
            of those names; without either, from the machine's role (as on EMR).
            \"\"\"
            import argparse
            import configparser
            import os
            import sys
            import time

            from pyspark.sql import SparkSession

            NOTEBOOK = \(PythonText.literal(file))
            # The defaults of ${data} (the raw data) and ${output} (the lake); --data and --output
            # override them.
            DEFAULT_DATA = \(PythonText.literal(options.data))
            DEFAULT_OUTPUT = \(options.output.map(PythonText.literal) ?? "None")

            """
    }

    /// The session: sparkify's semantics, the lake's overwrite, s3a:// only when needed.
    func session(usesS3AInCells: Bool, usesOutput: Bool) -> String {
        """

            # True when a cell names an s3a:// path itself (not through ${data} or ${output}).
            S3A_IN_CELLS = \(usesS3AInCells ? "True" : "False")
            # True when a cell writes to ${output}: the job then needs --output.
            USES_OUTPUT = \(usesOutput ? "True" : "False")


            def log(message):
                print(message, file=sys.stderr, flush=True)


            def aws_credentials(config_file):
                \"\"\"The AWS keys from the [AWS] section of config_file (dl.cfg), else from the environment.\"\"\"
                names = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
                config = configparser.ConfigParser()
                if config.read(config_file) and config.has_section("AWS"):
                    return {name: config["AWS"].get(name) for name in names}
                return {name: os.environ.get(name) for name in names}


            def needs_s3a(*uris):
                \"\"\"True when a cell or one of the URIs reads or writes S3 through Hadoop's s3a connector.\"\"\"
                return S3A_IN_CELLS or any(uri is not None and uri.startswith("s3a://") for uri in uris)


            def create_spark_session(data, output, config_file="dl.cfg", master=None):
                \"\"\"A session that runs Spark SQL as sparkify does (UTC, ANSI), with the notebook's variables set.\"\"\"
                builder = (SparkSession.builder
                           .appName("sparkify: " + NOTEBOOK)
                           .config("spark.sql.session.timeZone", "UTC")
                           .config("spark.sql.ansi.enabled", "true")
                           # A lake cell (CREATE TABLE ... LOCATION ... AS SELECT) that runs again writes
                           # over its folder, as sparkify and the original etl.py do; Spark refuses a
                           # non-empty LOCATION unless this is set, and then overwrites it.
                           .config("spark.sql.legacy.allowNonEmptyLocationInCTAS", "true")
                           # A temporary view keeps its analyzed plan rather than its SQL text, so the
                           # cells after it do not list and infer the JSON files again each time they
                           # name it (and read its cache instead).
                           .config("spark.sql.legacy.storeAnalyzedPlanForView", "true")
                           .config("spark.ui.showConsoleProgress", "false"))
                if master:
                    builder = builder.master(master)
                if needs_s3a(data, output):
                    keys = aws_credentials(config_file)
                    if keys["AWS_ACCESS_KEY_ID"] and keys["AWS_SECRET_ACCESS_KEY"]:
                        builder = (builder
                                   .config("spark.hadoop.fs.s3a.access.key", keys["AWS_ACCESS_KEY_ID"])
                                   .config("spark.hadoop.fs.s3a.secret.key", keys["AWS_SECRET_ACCESS_KEY"]))
                        if keys["AWS_SESSION_TOKEN"]:
                            builder = (builder
                                       .config("spark.hadoop.fs.s3a.session.token", keys["AWS_SESSION_TOKEN"])
                                       .config("spark.hadoop.fs.s3a.aws.credentials.provider",
                                               "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider"))
                spark = builder.getOrCreate()
                spark.sparkContext.setLogLevel("WARN")
                # Spark substitutes ${data} and ${output} in every statement (spark.sql.variable.substitute).
                spark.conf.set("data", data)
                if output is not None:
                    spark.conf.set("output", output)
                return spark


            def cached(spark, table):
                \"\"\"Caches a table a cell made, so that the cells after it read it from memory.\"\"\"
                spark.catalog.cacheTable(table)
                return spark.table(table)

            """
    }

    /// The list of cells, `run` and `main`.
    func runner(_ order: [String]) -> String {
        var cells = "CELLS = [\n"
        for name in order {
            let line = notebook.cell(named: name)?.lines.lowerBound ?? 0
            cells += "    (\(PythonText.literal(name)), \(line), \(PythonText.functionName(forCell: name))),\n"
        }
        cells += "]"
        return "# " + String(repeating: "-", count: 64) + " running\n\n" + cells + """



            def run(spark):
                \"\"\"Runs the cells in order, logging each one's row count; returns each cell's table (None for none).\"\"\"
                tables = {}
                for name, line, cell in CELLS:
                    started = time.monotonic()
                    try:
                        table = cell(spark)
                        rows = None if table is None else table.count()
                    except Exception as error:
                        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
                        raise SystemExit(f"{NOTEBOOK}:{line}: cell {name} failed: {message}") from error
                    seconds = time.monotonic() - started
                    done = "done" if rows is None else f"{rows} row" + ("" if rows == 1 else "s")
                    log(f"{name}: {done} ({seconds:.2f} s)")
                    tables[name] = table
                return tables


            def main():
                parser = argparse.ArgumentParser(description=f"The notebook {NOTEBOOK} on Apache Spark.")
                parser.add_argument("--data", default=DEFAULT_DATA, help="the raw data, ${data} in the cells (default: %(default)s)")
                parser.add_argument("--output", default=DEFAULT_OUTPUT, help="where the lake goes, ${output} in the cells")
                parser.add_argument("--config", default="dl.cfg", help="AWS keys for s3a:// in an [AWS] section (default: %(default)s)")
                args = parser.parse_args()
                if USES_OUTPUT and args.output is None:
                    parser.error("the notebook writes the lake to ${output}: give --output URI")
                spark = create_spark_session(args.data, args.output, args.config)
                started = time.monotonic()
                run(spark)
                log(f"all cells: {time.monotonic() - started:.2f} s")
                spark.stop()


            if __name__ == "__main__":
                main()

            """
    }
}
