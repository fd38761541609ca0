#!/usr/bin/env bash
# Runs one experiment as a Slurm job array of 8 shards, then merges them in a dependent job.
#
#   sbatch experiments/cluster/slurm-array.sh experiments/eight-week-video.yaml
#
# Each array task runs `labelsim run --shard $SLURM_ARRAY_TASK_ID/8` into a shared results folder;
# a requeued or restarted task continues its shard with --resume. The merge job starts when every
# task has succeeded and writes out/<experiment>/ with the same summary as a single-machine run.
#SBATCH --job-name=labelsim
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --output=results/slurm-%A_%a.log
set -euo pipefail
experiment=${1:?usage: sbatch slurm-array.sh <experiment-file>}
shards=8
node dist/experiments/cli.js run "$experiment" --shard "${SLURM_ARRAY_TASK_ID}/${shards}" \
  --workers "${SLURM_CPUS_PER_TASK}" --resume --out results --quiet

# Task 0 submits the merge job, which waits until every task of the array has succeeded.
if [ "${SLURM_ARRAY_TASK_ID}" = "0" ]; then
  sbatch --dependency=afterok:"${SLURM_ARRAY_JOB_ID}" --job-name=labelsim-merge --wrap \
    "node dist/experiments/cli.js merge results/*.shard-*-of-${shards} --out out"
fi
