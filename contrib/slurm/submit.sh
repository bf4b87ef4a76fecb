#!/bin/sh
# Submit a sharded galley run and its merge (see README.md):
#   contrib/slurm/submit.sh [-n SHARDS] [-k AT_ONCE] [-- SBATCH_OPTIONS...] INPUT OUTDIR
# e.g. contrib/slurm/submit.sh -n 64 -k 16 @warcs.txt out/
# Prints the array's and the merge's job ids ("ARRAY MERGE").  Logs go to logs/ (per task:
# logs/shard-ARRAY_TASK.log; the merge: logs/merge-JOB.log), under the directory sbatch runs from.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
n=8
k=4
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-k) k=$2; shift 2 ;;
	--) shift; break ;;
	*) break ;;
	esac
done
extra=""
while [ $# -gt 2 ]; do
	extra="$extra $1"
	shift
done
input=${1:?usage: submit.sh [-n SHARDS] [-k AT_ONCE] [SBATCH_OPTIONS...] INPUT OUTDIR}
outdir=${2:?usage: submit.sh [-n SHARDS] [-k AT_ONCE] [SBATCH_OPTIONS...] INPUT OUTDIR}
# Slurm does not create the log directory: a task whose log cannot be opened fails silently.
mkdir -p logs "$outdir"
# shellcheck disable=SC2086
array=$(sbatch --parsable $extra --array="0-$((n - 1))%$k" --export=ALL,GALLEY_SHARDS="$n" \
	"$here/galley-shard.sbatch" "$input" "$outdir")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable $extra --dependency="afterok:$array" --kill-on-invalid-dep=yes \
	"$here/galley-merge.sbatch" "$outdir" "$n")
merge=${merge%%;*}
echo "$array $merge"
