#!/usr/bin/env bash
# Runs one labelsim experiment on Slurm as a job array, one shard per array task, then merges the
# shards in a dependent job into the folder a single machine would have written (the same
# summary.json, byte for byte).
#
# Submit it with sbatch, from any folder: the results go under the folder you submit from (or
# under sbatch --chdir), and the labelsim used is the one of the repository this script is in.
#
#   sbatch path/to/labelsim/experiments/cluster/slurm-array.sh path/to/experiment.yaml [run options]
#
# e.g. from the repository:
#
#   sbatch experiments/cluster/slurm-array.sh experiments/eight-week-video.yaml --replications 2000
#
# The array range below is the number of shards (0-7: 8 shards); the script reads the count from
# Slurm, so choose another on the command line, e.g. `sbatch --array=0-31 ...` for 32 shards (the
# range must be 0 to n-1). Set --cpus-per-task, --mem, --time, --partition and --account there
# too as your site needs. The run options after the experiment file go to `labelsim run`
# (--replications, --seed, --set, --plan, --batch-size ...); the script sets --shard, --workers
# (= --cpus-per-task), --resume and --out itself.
#
# Needs on the compute nodes: Node.js 20+ on PATH (e.g. `module load nodejs` before sbatch:
# jobs inherit the environment), and this repository, built (npm ci), and the submit folder on a
# file system every node shares.
#
# Writes, under the submit folder:
#   results/<name>.shard-<i>-of-<n>/  one folder per shard (records staged in results/.labelsim/)
#   out/<name>/                       the merged run: summary.json, report.html, CSV tables, ...
#   labelsim-<array>_<i>.log          each task's log; labelsim-<array>_merge.log the merge's
#
# Task 0 submits the merge job, named labelsim-merge-<array>, at its start. It waits for every
# task to succeed, and is cancelled (state CANCELLED, reason DependencyNeverSatisfied in
# `scontrol show job`) as soon as one fails or is cancelled: it never waits forever. A task that
# stopped part way keeps the records it wrote; requeue it and it continues its shard with
# --resume, and submits the merge job again:
#
#   scontrol requeue <array>_<i>
#
# (Slurm holds a requeued job for the credential lifetime, AuthInfo cred_expire, 120 s by
# default, before it starts again.)
#
# Merging by hand works too, from the submit folder:
#   node path/to/labelsim/dist/cli.js merge results/<name>.shard-*-of-<n> --out out
#SBATCH --job-name=labelsim
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --output=labelsim-%A_%a.log
#SBATCH --open-mode=append
set -euo pipefail
shopt -s inherit_errexit

fail() {
  echo "slurm-array.sh: $*" >&2
  exit 2
}
[ -n "${SLURM_ARRAY_TASK_ID:-}" ] || fail "submit this script with sbatch (it runs as a job array): sbatch $0 <experiment-file> [run options]"
[ $# -ge 1 ] || fail "usage: sbatch slurm-array.sh <experiment-file> [labelsim run options]"
submitted_args="$*"
experiment=$1
shift

# The shard count is the size of the array, whose tasks must be numbered 0 to n-1.
shards=${SLURM_ARRAY_TASK_COUNT:?SLURM_ARRAY_TASK_COUNT is not set: Slurm 18.08 or later is needed}
if [ "$SLURM_ARRAY_TASK_MIN" != 0 ] || [ "$SLURM_ARRAY_TASK_MAX" != $((shards - 1)) ]; then
  fail "the array must number its tasks from 0 to n-1, one per shard (e.g. --array=0-7 for 8 shards), got $SLURM_ARRAY_TASK_MIN-$SLURM_ARRAY_TASK_MAX; to run one shard again, requeue its task: scontrol requeue <array>_<i>"
fi

# Slurm runs a copy of this script; its original path, and so the repository, is in the job's
# Command (the path, a space, then the arguments).
command=$(scontrol show job "$SLURM_JOB_ID" | sed -n 's/^ *Command=//p' | head -n 1)
script=${command%" $submitted_args"}
cli="$(dirname "$script")/../../dist/cli.js"
if [ -f "$cli" ]; then
  labelsim=(node "$(cd "$(dirname "$cli")" && pwd)/cli.js")
elif command -v labelsim >/dev/null 2>&1; then
  labelsim=(labelsim)
else
  fail "cannot find labelsim: no $cli (run npm ci in that repository) and no labelsim on PATH"
fi
command -v node >/dev/null 2>&1 || fail "node is not on PATH on $(hostname): load Node.js 20+ (e.g. module load nodejs) before sbatch"

# The shard folders are named after the experiment (its `name`); check also refuses a bad file
# before any work is done.
name=$("${labelsim[@]}" check "$experiment" | sed -n '1s/^.*: valid\. Experiment "\([^"]*\)".*$/\1/p')
[ -n "$name" ] || fail "could not read the experiment's name from: labelsim check $experiment"

# The merge job: one per array, depending on every task Slurm still knows (finished, running or
# waiting). labelsim merge itself refuses a set with a shard missing.
submit_merge() {
  local merge="labelsim-merge-$SLURM_ARRAY_JOB_ID" tasks folders=() i wrap
  tasks=$(squeue --noheader --array --states=all --jobs="$SLURM_ARRAY_JOB_ID" --format=%i | paste -sd: -)
  # A merge job still waiting was submitted before this task was requeued: this one replaces it.
  scancel --state=PENDING --name="$merge" || true
  for ((i = 0; i < shards; i++)); do folders+=("results/$name.shard-$i-of-$shards"); done
  printf -v wrap '%q ' "${labelsim[@]}" merge "${folders[@]}" --out out
  sbatch --parsable --job-name="$merge" --dependency="afterok:$tasks,singleton" --kill-on-invalid-dep=yes \
    --output="labelsim-${SLURM_ARRAY_JOB_ID}_merge.log" --open-mode=append --cpus-per-task=1 \
    ${SLURM_MEM_PER_NODE:+--mem="$SLURM_MEM_PER_NODE"} ${SLURM_JOB_PARTITION:+--partition="$SLURM_JOB_PARTITION"} \
    ${SLURM_JOB_ACCOUNT:+--account="$SLURM_JOB_ACCOUNT"} --wrap="$wrap"
}
if [ "$SLURM_ARRAY_TASK_ID" = 0 ] || [ "${SLURM_RESTART_COUNT:-0}" != 0 ]; then
  merge_job=$(submit_merge)
  echo "Submitted merge job $merge_job (labelsim-merge-$SLURM_ARRAY_JOB_ID): it waits for tasks ${SLURM_ARRAY_JOB_ID}_0-$((shards - 1))"
fi

workers=${SLURM_CPUS_PER_TASK:-${SLURM_CPUS_ON_NODE:-1}}
echo "Task $SLURM_ARRAY_TASK_ID of array $SLURM_ARRAY_JOB_ID on $(hostname), run ${SLURM_RESTART_COUNT:-0}: shard $SLURM_ARRAY_TASK_ID/$shards of $experiment, $workers worker(s)"
exec "${labelsim[@]}" run "$experiment" "$@" --shard "$SLURM_ARRAY_TASK_ID/$shards" --workers "$workers" --resume --out results
