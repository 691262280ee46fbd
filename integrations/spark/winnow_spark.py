"""Winnow on Apache Spark: `winnow run` and `winnow dedup` with Spark doing the scheduling,
the retries and the shuffle.

Every decision is made by the `winnow` binary (`winnow worker ...`), shipped to the
executors as a file; this job only moves records between workers and groups them. It
writes the layout of `winnow run -o OUT` and `winnow dedup OUT`:

    OUT/articles/  OUT/pages/  OUT/rejects/  OUT/filtered/   (part-NNNNN.jsonl.gz)
    OUT/manifest.json
    OUT/dedup/articles/  OUT/dedup/dups/  OUT/dedup/templates/  OUT/dedup/manifest.json

Usage (see README.md in this folder):

    spark-submit --files /path/to/winnow integrations/spark/winnow_spark.py \
        --winnow winnow --output OUT INPUT...

Inputs are files (local or on a shared file system) or http(s) URLs, one Spark task per
input, read by the worker itself, so any format `winnow run` reads works (WET, JSONL, gzip
or not) and records name their input as `source` exactly as `winnow run` does. With
`--lines`, inputs are JSON Lines read by Spark (any Hadoop file system, split as Spark
likes), each partition streamed through one worker.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

KINDS = {"A": "articles", "P": "pages", "R": "rejects", "F": "filtered"}
GZIP = "org.apache.hadoop.io.compress.GzipCodec"
# Test hook: a path; the first worker to create it is killed after its first output line,
# so that its task fails and Spark retries it (integrations/spark/test_spark_local.py).
FAIL_ONCE = "WINNOW_SPARK_FAIL_ONCE"
# An argument naming a file shipped to the executors (sc.addFile, --files), resolved there.
SHIPPED = "spark-file:"


# ---------------------------------------------------------------------------------------
# Running the worker


def winnow_binary(name):
    """The worker binary: a path that exists here, or a file shipped with --files."""
    if os.path.isabs(name) and os.path.exists(name):
        return name
    path = SparkFiles.get(os.path.basename(name))
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)
    return path


def run_worker(binary, args, feed):
    """Runs `winnow ARGS`, with `feed(stdin)` writing its input on a thread; yields
    (tag, payload) per output line. Raises (so that Spark retries the task) when the worker
    fails or its output has no END line: a cut stream never passes for a short one."""
    args = [SparkFiles.get(a[len(SHIPPED) :]) if a.startswith(SHIPPED) else a for a in args]
    process = subprocess.Popen(
        [binary] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=worker_env(binary)
    )
    errors = []

    def write():
        try:
            feed(process.stdin)
        except BrokenPipeError:
            pass
        except Exception as error:  # reported below, after the worker's own message
            errors.append(error)
        finally:
            try:
                process.stdin.close()
            except BrokenPipeError:
                pass

    stderr = []
    writer = threading.Thread(target=write, daemon=True)
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
    writer.start()
    reader.start()
    ended = False
    doomed = _claim_failure()
    for line in iter(process.stdout.readline, b""):
        if doomed:
            process.kill()
            doomed = False
        tag, _, payload = line.rstrip(b"\n").partition(b"\t")
        if tag == b"END":
            ended = True
        yield tag.decode("ascii"), payload
    status = process.wait()
    writer.join()
    reader.join()
    message = b"".join(stderr).decode("utf-8", "replace").strip()
    if errors or status != 0 or not ended:
        raise RuntimeError(
            "winnow %s failed (exit %s%s): %s %s"
            % (" ".join(args), status, "" if ended else ", no END line", message, errors)
        )


def worker_env(binary):
    """The worker's environment: shared libraries shipped with --files (libisal.so.2, when
    the executors' image lacks Debian's libisal2) are found next to the binary."""
    env = dict(os.environ)
    folders = [os.path.dirname(binary), SparkFiles.getRootDirectory()]
    env["LD_LIBRARY_PATH"] = os.pathsep.join([f for f in folders if f] + [env.get("LD_LIBRARY_PATH", "")]).rstrip(os.pathsep)
    return env


def _claim_failure():
    marker = os.environ.get(FAIL_ONCE)
    if not marker:
        return False
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False


def feed_lines(lines):
    def feed(stdin):
        for line in lines:
            stdin.write(line.encode("utf-8") + b"\n")

    return feed


def feed_path(path):
    """Streams a URL's bytes (http, https) into the worker; local paths are opened by it."""

    def feed(stdin):
        with urllib.request.urlopen(path) as response:
            while True:
                chunk = response.read(1 << 20)
                if not chunk:
                    break
                stdin.write(chunk)

    return feed


# ---------------------------------------------------------------------------------------
# Map stage: cleaning


def clean_files(sc, binary, paths, clean_args):
    """One task per input; the worker reads the file itself (or a URL streamed to it)."""

    def task(path):
        is_url = path.startswith(("http://", "https://"))
        args = ["worker", "clean", "--source", path] + clean_args + (["-"] if is_url else [path])
        feed = feed_path(path) if is_url else (lambda stdin: None)
        return run_worker(winnow_binary(binary), args, feed)

    return sc.parallelize(sorted(paths), max(1, len(paths))).flatMap(task)


def clean_lines(sc, binary, paths, clean_args, partitions):
    """JSON Lines read by Spark; each partition streamed through one worker."""
    lines = sc.textFile(",".join(sorted(paths)), minPartitions=partitions)

    def task(index, part):
        args = ["worker", "clean", "--source", "spark-partition-%05d" % index] + clean_args
        return run_worker(winnow_binary(binary), args, feed_lines(part))

    return lines.mapPartitionsWithIndex(task)


# ---------------------------------------------------------------------------------------
# Dedup stages


def pipe(rdd, binary, args, to_line):
    """Streams each partition's elements (as lines) through `winnow ARGS`; yields
    (element, tag, payload) for modes that answer each line with one line, in order."""

    def task(part):
        items = list(part)
        answers = [
            (tag, payload)
            for tag, payload in run_worker(winnow_binary(binary), args, feed_lines(to_line(x) for x in items))
            if tag != "END"
        ]
        if len(answers) != len(items):
            raise RuntimeError("winnow %s answered %d lines for %d" % (" ".join(args), len(answers), len(items)))
        for item, (tag, payload) in zip(items, answers):
            yield item, tag, payload

    return rdd.mapPartitions(task)


def stream(rdd, binary, args, to_line):
    """Streams each partition through `winnow ARGS`; yields (tag, payload) lines."""

    def task(part):
        return (
            (tag, payload)
            for tag, payload in run_worker(winnow_binary(binary), args, feed_lines(to_line(x) for x in part))
            if tag != "END"
        )

    return rdd.mapPartitions(task)


# Article keys: the worker's 64-bit id key, shifted to a signed long (order kept) so that
# Spark SQL groups, joins and compares it in the JVM.
SHIFT = 1 << 63


def template_keys(spark, articles, binary, settings):
    """Site template keys, as `winnow dedup` pass 0 finds them: a short paragraph held by at
    least `template_min_articles` distinct articles of its site and by `template_share` of
    them (articles counted once per distinct text)."""
    rows = stream(articles, binary, ["worker", "dedup", "template-keys"], lambda line: line).map(
        lambda tp: _template_row(tp[1])
    )
    found = spark.createDataFrame(rows, "site string, article string, keys array<string>")
    site_articles = found.select("site", "article").distinct().groupBy("site").agg(F.count("*").alias("site_n"))
    key_articles = (
        found.select("site", "article", F.explode("keys").alias("key"))
        .distinct()
        .groupBy("key", "site")
        .agg(F.count("*").alias("n"))
    )
    keys = (
        key_articles.join(site_articles, "site")
        .where((F.col("n") >= settings["template_min_articles"]) & (F.col("n") >= settings["template_share"] * F.col("site_n")))
        .select("key")
        .collect()
    )
    return sorted(row.key for row in keys)


def _template_row(payload):
    fields = payload.decode("ascii").split(" ")
    return (fields[0], fields[1], fields[2:])


SIGNATURE_SCHEMA = (
    "key long, length long, metadata long, exact string, bands array<string>, record string, id string, line string"
)


def signatures(spark, articles, binary, templates_file):
    """One row per article: its id key, match-view length, metadata count, exact hash, band
    keys, signature record (hex), id (JSON) and line."""
    args = ["worker", "dedup", "signatures", "--templates", templates_file]

    def parse(answer):
        line, tag, payload = answer
        if tag != "S":
            raise RuntimeError("unexpected worker line %s" % tag)
        f = payload.decode("utf-8").split("\t")
        return (int(f[0], 16) - SHIFT, int(f[1]), int(f[2]), f[3], f[4].split(","), f[5], f[6], line)

    return spark.createDataFrame(pipe(articles, binary, args, lambda line: line).map(parse), SIGNATURE_SCHEMA)


def transform(spark, frame, binary, args, schema):
    """`winnow worker ARGS` over the rows of `frame` (each a tab-separated line), by Spark SQL's
    script transform; the answer's lines parsed as `schema`. A worker that exits non-zero
    fails the task; the `END` line becomes a row the caller filters out by its tag."""
    view = "winnow_%d" % next(_views)
    frame.createOrReplaceTempView(view)
    tabs = "ROW FORMAT DELIMITED FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n'"
    return spark.sql(
        "SELECT TRANSFORM(%s) %s USING '%s' AS (%s) %s FROM %s"
        % (", ".join(frame.columns), tabs, worker_command(binary, args), schema, tabs, view)
    )


_views = iter(range(1 << 30))


def worker_command(binary, args):
    """The shell command that runs the worker on an executor: the binary by its absolute
    path, or the shipped file in the executor's working directory (YARN, standalone and
    Kubernetes put `--files` there), with shipped libraries beside it on the library path."""
    path = binary if os.path.isabs(binary) else "./" + os.path.basename(binary)
    folder = os.path.dirname(path) or "."
    return "LD_LIBRARY_PATH=%s:$LD_LIBRARY_PATH exec %s worker %s" % (folder, path, " ".join(args))


def stars(members):
    """Star edges (centre, key) of buckets (columns `bucket`, `key`): each member joined to
    the smallest key of its bucket; buckets of one make none."""
    centres = members.groupBy("bucket").agg(F.min("key").alias("centre"), F.count("*").alias("n")).where("n > 1")
    return members.join(centres, "bucket").where("key != centre").select("centre", "key")


def edges_of(spark, sigs, binary):
    """Exact edges and verified band edges: each bucket's members against its centre, the
    member with the smallest id key (as `winnow dedup` pass 2)."""
    exact = stars(sigs.select(F.col("exact").alias("bucket"), "key")).distinct()
    banded = sigs.select(F.explode("bands").alias("bucket"), "key")
    candidates = stars(banded).distinct().subtract(exact)
    records = sigs.select("key", "record")
    pairs = (
        candidates.join(records.withColumnRenamed("key", "centre").withColumnRenamed("record", "a"), "centre")
        .join(records.withColumnRenamed("record", "b"), "key")
        .select("centre", "key", "a", "b")
    )
    # The pairs go to the worker from the JVM (SQL script transform: rows as tab-separated
    # lines), never through Python: they are the bulk of the dedup's data.
    near = transform(spark, pairs, binary, ["dedup", "verify"], "tag string, centre bigint, key bigint, verdict string")
    near = near.where("tag = 'V' AND verdict = '1'").select("centre", "key")
    return exact.union(near)


def connected_components(edges, max_rounds=64):
    """Large-star / small-star rounds (Kiveris et al., 2014) to one star per component around
    its smallest node; returns (node, root) for every node on an edge."""
    e = edges.select(F.greatest("centre", "key").alias("u"), F.least("centre", "key").alias("v")).distinct()
    e = e.localCheckpoint()
    for _ in range(max_rounds):
        both = e.union(e.select(F.col("v").alias("u"), F.col("u").alias("v")))
        # Large star: each node's larger neighbours move to the smallest of its neighbourhood.
        m = both.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
        large = both.join(m, "u").where("v > u").select(F.col("v").alias("u"), F.col("m").alias("v"))
        # Small star: each node and its smaller neighbours move to the smallest of them.
        oriented = large.select(F.greatest("u", "v").alias("u"), F.least("u", "v").alias("v"))
        m = oriented.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
        small = (
            oriented.join(m, "u")
            .select(F.col("v").alias("u"), "m")
            .union(m.select("u", "m"))
            .where("u != m")
            .select(F.col("u"), F.col("m").alias("v"))
            .distinct()
        ).localCheckpoint()
        if small.subtract(e).count() == 0 and e.subtract(small).count() == 0:
            return small.select(F.col("u").alias("node"), F.col("v").alias("root"))
        e = small
    raise RuntimeError("connected components did not converge in %d rounds" % max_rounds)


def dedup(spark, articles, binary, output, settings, write_text):
    """`winnow dedup` on Spark; returns the dedup manifest."""
    sc = spark.sparkContext
    keys = template_keys(spark, articles, binary, settings)
    templates_file = os.path.join(tempfile.mkdtemp(prefix="winnow-spark-"), "templates.txt")
    with open(templates_file, "w") as f:
        f.write("".join(k + "\n" for k in keys))
    sc.addFile(templates_file)
    shipped = SHIPPED + os.path.basename(templates_file)

    sigs = signatures(spark, articles, binary, shipped).persist(StorageLevel.MEMORY_AND_DISK)
    roots = connected_components(edges_of(spark, sigs, binary))
    # Survivor per component: longest match view, most metadata, smallest id key.
    placed = sigs.join(roots.withColumnRenamed("node", "key"), "key", "left").withColumn(
        "component", F.coalesce("root", "key")
    )
    order = Window.partitionBy("component").orderBy(F.desc("length"), F.desc("metadata"), F.asc("key"))
    placed = placed.withColumn("rank", F.row_number().over(order)).persist(StorageLevel.MEMORY_AND_DISK)
    survivors = placed.where("rank = 1")
    copies = placed.where("rank > 1").join(
        survivors.select(
            "component",
            F.col("record").alias("survivor_record"),
            F.col("id").alias("survivor_id"),
            F.col("exact").alias("survivor_exact"),
        ),
        "component",
    )
    copies = copies.persist(StorageLevel.MEMORY_AND_DISK)

    kept_lines = survivors.select("line").rdd.map(lambda row: row.line)
    filtered = stream(kept_lines, binary, ["worker", "dedup", "filter", "--templates", shipped], lambda line: line)
    filtered = filtered.persist(StorageLevel.MEMORY_AND_DISK)
    dups = transform(
        spark, copies.select("record", "survivor_record", "id", "survivor_id"), binary, ["dedup", "dups"],
        "tag string, payload string",
    ).where("tag = 'D'").select("payload")

    write_text(filtered.filter(lambda tp: tp[0] == "A").map(lambda tp: tp[1].decode("utf-8")), output + "/dedup/articles")
    write_text(filtered.filter(lambda tp: tp[0] == "T").map(lambda tp: tp[1].decode("utf-8")), output + "/dedup/templates")
    write_text(dups.rdd.map(lambda row: row.payload), output + "/dedup/dups")

    sizes = placed.groupBy("component").agg(F.count("*").alias("n"))
    articles_n = sigs.count()
    kept_n = survivors.count()
    dups_n = copies.count()
    exact_n = copies.where("exact = survivor_exact").count()
    removed = filtered.filter(lambda tp: tp[0] == "T").map(lambda tp: len(json.loads(tp[1])["removed"])).sum()
    largest = sizes.agg(F.max("n")).first()[0]
    return {
        "version": settings["version"],
        "engine": "spark",
        "config": {k: settings[k] for k in ("bands", "rows", "threshold", "containment", "template_min_articles", "template_share")},
        "articles": articles_n,
        "kept": kept_n,
        "duplicates": dups_n,
        "exact_duplicates": exact_n,
        "near_duplicates": dups_n - exact_n,
        "conserved": articles_n == kept_n + dups_n,
        "template_lines": len(keys),
        "template_paragraphs_removed": int(removed),
        "clusters": sizes.where("n > 1").count(),
        "largest_cluster": largest or 0,
        "distinct_id_keys": sigs.select("key").distinct().count(),
    }


# ---------------------------------------------------------------------------------------
# Output (through Hadoop's file system API and Spark's output committer)


class Output:
    def __init__(self, sc, root):
        self.sc = sc
        self.root = root.rstrip("/")
        jvm = sc._jvm
        self.Path = jvm.org.apache.hadoop.fs.Path
        self.fs = self.Path(self.root).getFileSystem(sc._jsc.hadoopConfiguration())

    def write_text(self, rdd, path):
        """Saves lines gzip-compressed with Spark's committer, then names the parts
        `part-NNNNN.jsonl.gz` as `winnow run` does (Hadoop writes `part-NNNNN.gz`)."""
        rdd.saveAsTextFile(path, compressionCodecClass=GZIP)
        for status in self.fs.listStatus(self.Path(path)):
            name = status.getPath().getName()
            if name.startswith("part-") and name.endswith(".gz") and not name.endswith(".jsonl.gz"):
                self.fs.rename(status.getPath(), self.Path(path + "/" + name[: -len(".gz")] + ".jsonl.gz"))

    def write_json(self, path, value):
        stream = self.fs.create(self.Path(path), True)
        stream.write(bytearray((json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")))
        stream.close()

    def exists(self, path):
        return self.fs.exists(self.Path(path))


def add_counts(total, counts):
    for key, value in counts.items():
        if isinstance(value, dict):
            add_counts(total.setdefault(key, {}), value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            total[key] = total.get(key, 0) + value


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="input files, directories' files or http(s) URLs")
    parser.add_argument("--output", "-o", required=True, help="output directory (any Hadoop file system)")
    parser.add_argument("--winnow", default="winnow", help="the winnow binary: a path, or the name of a file shipped with --files")
    parser.add_argument("--config", help="winnow configuration file (shipped with --files, or a path)")
    parser.add_argument("--lines", action="store_true", help="read inputs as JSON Lines with Spark, not per file")
    parser.add_argument("--partitions", type=int, default=0, help="with --lines: minimum partitions")
    parser.add_argument("--no-dedup", action="store_true", help="clean only")
    parser.add_argument("--master", help="Spark master (default: spark-submit's)")
    parser.add_argument(
        "--conf", action="append", default=[], metavar="KEY=VALUE",
        help="a Spark setting, when the job starts Spark itself (python3 winnow_spark.py --master ...)",
    )
    parser.add_argument(
        "--shuffle-partitions", type=int, default=0,
        help="partitions of the dedup shuffles (spark.sql.shuffle.partitions; default: 4 x default parallelism)",
    )
    args = parser.parse_args(argv)

    started = time.time()
    builder = SparkSession.builder.appName("winnow").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    for setting in args.conf:
        key, _, value = setting.partition("=")
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    spark.conf.set("spark.sql.shuffle.partitions", str(args.shuffle_partitions or 4 * sc.defaultParallelism))
    out = Output(sc, args.output)
    if out.exists(args.output + "/manifest.json"):
        sys.exit("winnow_spark: %s holds a finished run; use a new output directory" % args.output)
    if out.exists(args.output + "/articles"):
        sys.exit(
            "winnow_spark: %s holds an unfinished run (articles/ but no manifest.json); remove it or use a new "
            "output directory: the job writes each output once, through Spark's committer" % args.output
        )

    clean_args = []
    if args.config:
        clean_args += ["--config", args.config if os.path.isabs(args.config) else SHIPPED + os.path.basename(args.config)]

    paths = []
    for item in args.inputs:
        if os.path.isdir(item):
            for root, _, files in os.walk(item):
                paths += [os.path.join(root, f) for f in files if not f.startswith(".")]
        else:
            paths.append(item)

    if args.lines:
        framed = clean_lines(sc, args.winnow, paths, clean_args, args.partitions or sc.defaultParallelism)
    else:
        framed = clean_files(sc, args.winnow, paths, clean_args)
    framed.persist(StorageLevel.MEMORY_AND_DISK)
    for tag, kind in KINDS.items():
        out.write_text(framed.filter(lambda tp, t=tag: tp[0] == t).map(lambda tp: tp[1].decode("utf-8")), args.output + "/" + kind)
    ends = [json.loads(payload) for tag, payload in framed.filter(lambda tp: tp[0] == "END").collect()]
    totals = {}
    for end in ends:
        add_counts(totals, end["counts"])
    totals["conserved"] = totals.get("records_in", 0) == totals.get("pages_out", 0) + totals.get("rejected", 0)
    clean_seconds = time.time() - started
    settings = json.loads(subprocess.run([winnow_local(args.winnow), "worker", "settings"], check=True, capture_output=True).stdout)
    manifest = {
        "version": settings["version"],
        "engine": "spark",
        "spark_version": sc.version,
        "inputs": [{k: e[k] for k in ("source", "format", "error", "warning", "counts")} for e in sorted(ends, key=lambda e: e["source"])],
        "totals": totals,
        "timings": {"clean_seconds": clean_seconds, "spark_master": sc.master},
    }
    if not args.no_dedup:
        articles = framed.filter(lambda tp: tp[0] == "A").map(lambda tp: tp[1].decode("utf-8"))
        started = time.time()
        dedup_manifest = dedup(spark, articles, args.winnow, args.output, settings, out.write_text)
        manifest["timings"]["dedup_seconds"] = dedup_manifest["seconds"] = time.time() - started
        out.write_json(args.output + "/dedup/manifest.json", dedup_manifest)
    # Last: a manifest says the run finished.
    out.write_json(args.output + "/manifest.json", manifest)
    spark.stop()


def winnow_local(name):
    """The binary on the driver: a path, or one on PATH, or the shipped file."""
    if os.path.exists(name):
        return os.path.abspath(name)
    from shutil import which

    found = which(name)
    return found if found else SparkFiles.get(os.path.basename(name))


if __name__ == "__main__":
    main()
