#!/usr/bin/env bash
# Installs PySpark (pinned; 3.5 runs on Java 8, 11 and 17) and runs the local[2] comparison
# with `winnow run` + `winnow dedup`. Usage: integrations/spark/ci.sh PATH-TO-WINNOW
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
winnow="$1"
if ! command -v java >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq openjdk-17-jre-headless
fi
java -version 2>&1 | head -1
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install -q "pyspark==3.5.3"
python3 -c "import pyspark; print('pyspark', pyspark.__version__)"
# The job kills one task on purpose (a retry test); its stack trace in the log is expected.
python3 "$here/test_spark_local.py" "$winnow"
