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

from pyspark import SparkContext, SparkFiles, StorageLevel
from pyspark.sql import SparkSession

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


def template_keys(articles, binary, settings, P):
    """Site template keys, as `winnow dedup` pass 0 finds them: a short paragraph held by at
    least `template_min_articles` distinct articles of its site and by `template_share` of
    them (articles counted once per distinct text)."""
    found = stream(articles, binary, ["worker", "dedup", "template-keys"], lambda line: line).map(
        lambda tp: tp[1].decode("ascii").split(" ")
    )
    found.persist(StorageLevel.MEMORY_AND_DISK)
    site_articles = (
        found.map(lambda f: (f[0], f[1])).distinct(P).map(lambda sa: (sa[0], 1)).reduceByKey(lambda a, b: a + b, P)
    )
    key_articles = (
        found.flatMap(lambda f: [((key, f[0]), f[1]) for key in f[2:]])
        .distinct(P)
        .map(lambda ka: (ka[0], 1))
        .reduceByKey(lambda a, b: a + b, P)
        .map(lambda kc: (kc[0][1], (kc[0][0], kc[1])))
    )
    minimum = settings["template_min_articles"]
    share = settings["template_share"]
    keys = (
        key_articles.join(site_articles, P)
        .filter(lambda s: s[1][0][1] >= minimum and s[1][0][1] >= share * s[1][1])
        .map(lambda s: s[1][0][0])
        .collect()
    )
    found.unpersist()
    return sorted(set(keys))


def signatures(articles, binary, templates_file):
    """(id_key, length, metadata, exact, band_keys, record, id_json, line) per article."""
    args = ["worker", "dedup", "signatures", "--templates", templates_file]

    def parse(answer):
        line, tag, payload = answer
        if tag != "S":
            raise RuntimeError("unexpected worker line %s" % tag)
        f = payload.decode("utf-8").split("\t")
        return (int(f[0], 16), int(f[1]), int(f[2]), f[3], f[4].split(","), f[5], f[6], line)

    return pipe(articles, binary, args, lambda line: line).map(parse)


def edges_of(sigs, binary, P):
    """Exact edges and verified band edges: each bucket's members against its centre, the
    member with the smallest id key (as `winnow dedup` pass 2)."""

    def stars(keyed):
        centres = keyed.reduceByKey(min, P)
        return keyed.join(centres, P).map(lambda kv: (kv[1][1], kv[1][0])).filter(lambda e: e[0] != e[1])

    exact = stars(sigs.map(lambda s: (s[3], s[0]))).distinct(P)
    candidates = stars(sigs.flatMap(lambda s: [(band, s[0]) for band in s[4]])).distinct(P).subtract(exact, P)
    records = sigs.map(lambda s: (s[0], s[5]))
    pairs = (
        candidates.join(records, P)
        .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
        .join(records, P)
        .map(lambda kv: ((kv[1][0][0], kv[0]), kv[1][0][1], kv[1][1]))
    )
    verified = pipe(pairs, binary, ["worker", "dedup", "verify"], lambda p: p[1] + "\t" + p[2])
    near = verified.filter(lambda a: a[1] == "V" and a[2] == b"1").map(lambda a: a[0][0])
    return exact.union(near).coalesce(P)


def connected_components(edges, P, max_rounds=64):
    """Large-star / small-star iterations (Kiveris et al., 2014) to a star per component
    around its smallest node; returns (node, smallest node of its component) for every node
    on an edge."""
    edges = edges.map(lambda e: (max(e), min(e))).distinct(P)
    edges.persist(StorageLevel.MEMORY_AND_DISK)
    for _ in range(max_rounds):
        large = (
            edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])])
            .groupByKey(P)
            .flatMap(lambda kv: [(v, min(min(kv[1]), kv[0])) for v in set(kv[1]) if v > kv[0]])
        )
        small = (
            large.map(lambda e: (max(e), min(e)))
            .groupByKey(P)
            .flatMap(lambda kv: _small_star(kv[0], set(kv[1])))
            .distinct(P)
        )
        small.persist(StorageLevel.MEMORY_AND_DISK)
        changed = small.subtract(edges, P).count() + edges.subtract(small, P).count()
        edges.unpersist()
        edges = small
        if changed == 0:
            return edges.map(lambda e: (e[0], e[1]))
    raise RuntimeError("connected components did not converge in %d rounds" % max_rounds)


def _small_star(u, neighbours):
    members = neighbours | {u}
    m = min(members)
    return [(v, m) for v in members if v != m]


def dedup(sc, articles, binary, output, settings, write_text, P):
    """`winnow dedup` on Spark; returns the dedup manifest."""
    keys = template_keys(articles, binary, settings, P)
    templates_file = os.path.join(tempfile.mkdtemp(prefix="winnow-spark-"), "templates.txt")
    with open(templates_file, "w") as f:
        f.write("".join(k + "\n" for k in keys))
    sc.addFile(templates_file)
    shipped = SHIPPED + os.path.basename(templates_file)

    sigs = signatures(articles, binary, shipped)
    sigs.persist(StorageLevel.MEMORY_AND_DISK)
    labels = connected_components(edges_of(sigs, binary, P), P)
    # Survivor per component: longest match view, most metadata, smallest id key.
    by_key = sigs.map(lambda s: (s[0], s))
    component = by_key.leftOuterJoin(labels, P).map(lambda kv: (kv[1][1] if kv[1][1] is not None else kv[0], kv[1][0]))
    component.persist(StorageLevel.MEMORY_AND_DISK)
    survivors = component.reduceByKey(lambda a, b: a if (a[1], a[2], -a[0]) > (b[1], b[2], -b[0]) else b, P)
    placed = component.join(survivors, P).map(lambda kv: kv[1])  # (article, survivor)
    placed.persist(StorageLevel.MEMORY_AND_DISK)
    kept = placed.filter(lambda p: p[0][0] == p[1][0]).map(lambda p: p[0][7])
    copies = placed.filter(lambda p: p[0][0] != p[1][0])

    filtered = stream(kept, binary, ["worker", "dedup", "filter", "--templates", shipped], lambda line: line)
    filtered.persist(StorageLevel.MEMORY_AND_DISK)
    dups = pipe(
        copies, binary, ["worker", "dedup", "dups"], lambda p: "\t".join([p[0][5], p[1][5], p[0][6], p[1][6]])
    ).map(lambda a: a[2].decode("utf-8"))
    dups.persist(StorageLevel.MEMORY_AND_DISK)

    write_text(filtered.filter(lambda tp: tp[0] == "A").map(lambda tp: tp[1].decode("utf-8")), output + "/dedup/articles")
    write_text(filtered.filter(lambda tp: tp[0] == "T").map(lambda tp: tp[1].decode("utf-8")), output + "/dedup/templates")
    write_text(dups, output + "/dedup/dups")

    sizes = placed.map(lambda p: (p[1][0], 1)).reduceByKey(lambda a, b: a + b, P).map(lambda kv: kv[1])
    articles_n = sigs.count()
    kept_n = kept.count()
    exact_n = copies.filter(lambda p: p[0][3] == p[1][3]).count()
    removed = filtered.filter(lambda tp: tp[0] == "T").map(lambda tp: len(json.loads(tp[1])["removed"])).sum()
    manifest = {
        "version": settings["version"],
        "engine": "spark",
        "config": {k: settings[k] for k in ("bands", "rows", "threshold", "containment", "template_min_articles", "template_share")},
        "articles": articles_n,
        "kept": kept_n,
        "duplicates": articles_n - kept_n,
        "exact_duplicates": exact_n,
        "near_duplicates": articles_n - kept_n - exact_n,
        "conserved": articles_n == kept_n + dups.count(),
        "template_lines": len(keys),
        "template_paragraphs_removed": int(removed),
        "clusters": sizes.filter(lambda n: n > 1).count(),
        "largest_cluster": sizes.max() if articles_n else 0,
        "distinct_id_keys": sigs.map(lambda s: s[0]).distinct(P).count(),
    }
    return manifest


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
    parser.add_argument("--shuffle-partitions", type=int, default=0, help="partitions of the dedup shuffles (default: 2 x default parallelism)")
    args = parser.parse_args(argv)

    started = time.time()
    builder = SparkSession.builder.appName("winnow").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
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
        partitions = args.shuffle_partitions or 2 * sc.defaultParallelism
        started = time.time()
        dedup_manifest = dedup(sc, articles, args.winnow, args.output, settings, out.write_text, partitions)
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
