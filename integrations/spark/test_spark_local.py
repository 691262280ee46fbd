"""The Spark job against `winnow run` + `winnow dedup` on the same generated corpus
(issue "Beyond one machine"): identical records in every output, identical survivors,
duplicates and templates, the same counts; a task killed midway is retried and changes
nothing. Run by .ci/run:

    python3 integrations/spark/test_spark_local.py .build/debug/winnow

Needs pyspark (pip) and Java 17.
"""

import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = "关注看点快报，获取更多本地新闻。"


def template_pages():
    """Pages of one site that all end with the same line (a template `winnow dedup` cuts),
    and pages whose text holds what breaks naive framing: U+2028, U+0085, CR and tabs."""
    bodies = [
        ("图书馆夜间开放", "去年今日，市图书馆第一次在晚上十点之后亮起了阅览室的灯。一年过去，夜间到馆人数翻了一倍。"),
        ("早市火了", "清晨五点半，河边的早市已经热闹起来。不少年轻人专程从周边城市赶来逛早市。"),
        ("社区食堂", "中午十一点，社区食堂的窗口前已经排起了队。六十岁以上的老人还能再享受九折优惠。"),
        ("绿道夜跑", "每到晚上八点，滨江绿道上的跑者就多了起来。管理部门新增了一百二十盏路灯。"),
        ("电梯加装", "在城东的一个老旧小区里，第三部新装的电梯投入使用。如今已有六个单元提交了申请。"),
        ("远程课堂", "山村小学的孩子们通过屏幕和城里的老师一起上音乐课。学校每周能开设四节远程课程。"),
    ]
    lines = []
    for round in range(2):
        for title, body in bodies:
            text = "%s%d\n河畔社区报最新热点:%s%d\n%s 第%d版。 %s\n" % (title, round, title, round, body, round, TEMPLATE)
            lines.append(json.dumps({"id": "tpl-%s-%d" % (title, round), "text": text}, ensure_ascii=False))
    odd = "换行\u2028分隔\u0085下一行\r回车\t制表符。这是一段用来检验分帧的正文，句子要足够长才能成为文章。"
    lines.append(json.dumps({"id": "framing", "text": "分帧测试\n" + odd + "第二段讲的是完全不同的事情，比如今天的天气很好，适合出门散步。"}, ensure_ascii=False))
    lines.append('{"id": "broken", "text": "not closed')
    return "\n".join(lines) + "\n"


def lines_of(directory):
    out = []
    for path in sorted(glob.glob(os.path.join(directory, "*.jsonl.gz"))):
        with gzip.open(path, "rb") as f:
            out += [line for line in f.read().split(b"\n") if line]
    return sorted(out)


def main():
    winnow = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/winnow")
    work = tempfile.mkdtemp(prefix="winnow-spark-test-")
    inputs = os.path.join(work, "in")
    os.makedirs(inputs)
    run = lambda *args: subprocess.run([winnow] + list(args), check=True, capture_output=True)
    run("generate", "--pages", "400", "--seed", "5", "--sources", "120", "--format", "jsonl", "--out", inputs + "/a.jsonl.gz")
    run("generate", "--pages", "300", "--seed", "6", "--sources", "120", "--format", "wet", "--out", inputs + "/b.warc.wet.gz")
    with open(inputs + "/c.jsonl", "w", encoding="utf-8") as f:
        f.write(template_pages())

    local = os.path.join(work, "local")
    start = time.time()
    run("run", inputs, "-o", local, "-q", "-j", "2")
    run("dedup", local, "-j", "2")
    local_seconds = time.time() - start

    spark_out = os.path.join(work, "spark")
    env = dict(os.environ, WINNOW_SPARK_FAIL_ONCE=os.path.join(work, "failed-once"))
    start = time.time()
    subprocess.run(
        [sys.executable, os.path.join(HERE, "winnow_spark.py"), "--master", "local[2,4]", "--winnow", winnow,
         "-o", spark_out, inputs],
        check=True, env=env,
    )
    spark_seconds = time.time() - start
    problems = []
    if not os.path.exists(os.path.join(work, "failed-once")):
        problems.append("the fault hook did not fire: no task was killed and retried")

    for kind in ["articles", "pages", "rejects", "filtered", "dedup/articles", "dedup/dups", "dedup/templates"]:
        a = lines_of(os.path.join(local, kind))
        b = lines_of(os.path.join(spark_out, kind))
        print("%-16s local %5d lines, spark %5d lines, %s" % (kind, len(a), len(b), "identical" if a == b else "DIFFERENT"))
        if a != b:
            problems.append("%s differ: %d only local, %d only spark" % (kind, len(set(a) - set(b)), len(set(b) - set(a))))
        if kind in ("rejects", "dedup/templates", "dedup/dups", "dedup/articles") and not a:
            problems.append("%s is empty: the corpus does not exercise it" % kind)

    framing = [json.loads(l) for l in lines_of(os.path.join(spark_out, "articles")) if b'"id":"framing#' in l]
    if not framing or "\u2028" not in framing[0]["text"] or "\r" not in framing[0]["text"]:
        problems.append("the framing page's article is missing or lost its separators: %s" % framing)

    m_local = json.load(open(os.path.join(local, "manifest.json")))
    m_spark = json.load(open(os.path.join(spark_out, "manifest.json")))
    if m_local["totals"] != m_spark["totals"] or not m_spark["totals"]["conserved"]:
        problems.append("run totals differ: %s vs %s" % (m_local["totals"], m_spark["totals"]))
    d_local = json.load(open(os.path.join(local, "dedup/manifest.json")))
    d_spark = json.load(open(os.path.join(spark_out, "dedup/manifest.json")))
    for key in ["articles", "kept", "duplicates", "exact_duplicates", "near_duplicates", "clusters",
                "largest_cluster", "template_lines", "template_paragraphs_removed", "conserved"]:
        if d_local[key] != d_spark[key]:
            problems.append("dedup %s: local %s, spark %s" % (key, d_local[key], d_spark[key]))
    print("dedup: %d articles, %d kept, %d exact + %d near duplicates, %d template lines; "
          "local %.1f s, spark local[2] %.1f s" % (d_spark["articles"], d_spark["kept"], d_spark["exact_duplicates"],
                                                   d_spark["near_duplicates"], d_spark["template_lines"],
                                                   local_seconds, spark_seconds))
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    shutil.rmtree(work)
    print("spark job matches winnow run + winnow dedup")


if __name__ == "__main__":
    main()
