#!/usr/bin/env bash
# Runs the OCR job with spark-submit on a cluster: standalone, YARN or Kubernetes, CPU or GPU.
#   submit/ocr-submit.sh --master spark://host:7077 --profile cpu -- --input hdfs:///in --output hdfs:///out
#   submit/ocr-submit.sh --master yarn --deploy-mode cluster --profile gpu -- --input ... --output ...
#   submit/ocr-submit.sh --master k8s://https://api:6443 --profile gpu \
#       --conf spark.kubernetes.container.image=registry/openocr:0.1 -- --input s3a://b/in --output s3a://b/out
# Everything before "--" goes to spark-submit, everything after to "openocr run".
# Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME is set, else SparkSubmit from the project classpath.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

profile=cpu
submit_args=()
while [[ $# -gt 0 && $1 != -- ]]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    *) submit_args+=("$1"); shift ;;
  esac
done
[[ ${1:-} == -- ]] && shift
case $profile in
  cpu|gpu) ;;
  *) echo "Invalid profile: $profile (cpu or gpu)" >&2; exit 2 ;;
esac
openocr_build_if_stale

defaults="$OPENOCR_ROOT/conf/spark-defaults-$profile.conf"
files="$OPENOCR_ROOT/conf/log4j2.properties"
# GPU executors run the discovery script from their working directory.
[[ $profile == gpu ]] && files="$files,$OPENOCR_ROOT/conf/getGpusResources.sh"
extra=(--properties-file "$defaults"
  --driver-java-options "-Dlog4j2.configurationFile=$OPENOCR_ROOT/conf/log4j2.properties"
  --conf "spark.driver.extraJavaOptions=$SPARK_JAVA17_FLAGS -Dai.djl.offline=true"
  --conf "spark.executor.extraJavaOptions=$SPARK_JAVA17_FLAGS -Dai.djl.offline=true -Djava.awt.headless=true -Dlog4j2.configurationFile=log4j2.properties"
  --conf "spark.executorEnv.DJL_CACHE_DIR=${DJL_CACHE_DIR:-/tmp/djl}"
  --files "$files")

if [[ -n ${SPARK_HOME:-} ]]; then
  submit=("$SPARK_HOME/bin/spark-submit")
else
  # classpath.txt holds Spark (provided scope); jars Spark shares with the app (slf4j-api...)
  # are inside the application jar.
  # shellcheck disable=SC2206
  submit=(java $SPARK_JAVA17_FLAGS -Dlog4j2.configurationFile="$OPENOCR_ROOT/conf/log4j2.properties"
    -cp "$OPENOCR_JAR:$(cat "$OPENOCR_CP_FILE")"
    org.apache.spark.deploy.SparkSubmit)
fi
exec "${submit[@]}" "${extra[@]}" "${submit_args[@]}" \
  --class dev.openocr.cli.Main "$OPENOCR_JAR" run "$@"
