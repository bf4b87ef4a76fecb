#!/usr/bin/env bash
# The Slurm recipe (contrib/slurm/) on a real one-node Slurm cluster that this test starts itself:
# munged, slurmctld and slurmd as plain processes on 127.0.0.1, in a temporary directory, on free
# ports, no systemd.  A job array of 3 shards (at most 2 at once) over a list of a WARC and a tar
# file, then the merge that depends on it: the merged JSON Lines must be the unsharded run's byte
# for byte.  Then a run whose shard 1 cannot write its output: that task must be FAILED and the
# merge cancelled, never run.  Every process started here is stopped by its PID, also on failure.
# Skipped (with the reason) only when the Slurm or munge programs are not installed.
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
g=$(cd "$(dirname "$g")" && pwd)/$(basename "$g")

missing=""
for p in munged mungekey slurmctld slurmd sbatch squeue sinfo scontrol scancel python3; do
	command -v "$p" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin command -v "$p" >/dev/null 2>&1 ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "skipped: not installed:$missing (Debian packages slurm-wlm, slurm-client, munge; see build-aux/debian-packages.txt)"
	exit 0
fi
export PATH=$PATH:/usr/sbin:/sbin

tmp=$(mktemp -d /tmp/galley-slurm-XXXXXX)
chmod 755 "$tmp"
pids=()
t_start=$(date +%s.%N)
stop_all() {
	# jobs first (their steps are not children of this shell), then the daemons, newest first
	if [ -n "${SLURM_CONF:-}" ] && [ ${#pids[@]} -gt 1 ]; then
		scancel --full "--clusters=galleytest" -u "$(id -un)" >/dev/null 2>&1 || scancel -u "$(id -un)" >/dev/null 2>&1
		for _ in $(seq 50); do
			[ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
			sleep 0.1
		done
	fi
	for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
		kill "${pids[k]}" 2>/dev/null
	done
	for ((k = ${#pids[@]} - 1; k >= 0; k--)); do
		for _ in $(seq 50); do
			kill -0 "${pids[k]}" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "${pids[k]}" 2>/dev/null
		wait "${pids[k]}" 2>/dev/null
	done
	pids=()
}
cleanup() {
	stop_all
	if [ -n "${GALLEY_KEEP_TMP:-}" ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
fail() {
	echo "FAIL: $*"
	for f in "$tmp"/log/*.log; do
		[ -f "$f" ] && { echo "--- $f"; tail -n 15 "$f"; }
	done
	exit 1
}

# Two free TCP ports on loopback.
read -r port_ctld port_d < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')

mkdir -p "$tmp"/{munge,state,spool,log,work}
# ---- munge: private key, socket directory 0755
chmod 755 "$tmp/munge"
mungekey -c -k "$tmp/munge/munge.key" >/dev/null 2>&1 ||
	dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$tmp/munge/munge.key"
munged -F -f --socket="$tmp/munge/munge.socket" --key-file="$tmp/munge/munge.key" \
	--pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/seed" \
	>>"$tmp/log/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$tmp/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$tmp/munge/munge.socket" ] || fail "munged did not start"

# ---- slurm.conf: the node's hardware as slurmd reports it, or the node drains
hw=$(slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')
export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=galleytest
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port_ctld
SlurmdPort=$port_d
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/filetxt
JobCompLoc=$tmp/jobcomp.txt
DependencyParameters=kill_invalid_depend
SchedulerParameters=batch_sched_delay=0
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=localhost NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -c -f "$SLURM_CONF" >>"$tmp/log/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -N localhost -f "$SLURM_CONF" >>"$tmp/log/slurmd.log" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 300); do
	state=$(sinfo -h -n localhost -o %T 2>/dev/null)
	[ "$state" = idle ] && break
	sleep 0.1
done
[ "$state" = idle ] || fail "the node is '$state', not idle, 30 s after start"
t_up=$(date +%s.%N)
echo "ok: cluster up in $(python3 -c "print(round($t_up - $t_start, 1))") s (slurmctld :$port_ctld, slurmd :$port_d)"

# ---- inputs: synthetic pages (60, or GALLEY_SLURM_PAGES for a bigger measurement), half in a
# WARC, half in a tar, named in a list
python3 - "$tmp/work" "${GALLEY_SLURM_PAGES:-60}" <<'EOF' || fail "could not build the fixtures"
import io, os, sys, tarfile
out, count = sys.argv[1], int(sys.argv[2])
pages = []
for i in range(count):
    body = ''.join('<p>Paragraph %d of synthetic page %d, on topic %d.</p>' % (k, i, i * 7 % 11) for k in range(3))
    pages.append(('page-%02d.html' % i, ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic '
                  'page %d</title></head><body><article><h1>Synthetic page %d</h1>%s</article></body></html>'
                  % (i, i, body)).encode()))
def record(uri, block):
    head = ('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n'
            'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n' % (uri, len(block))).encode()
    return head + block + b'\r\n\r\n'
with open(os.path.join(out, 'crawl.warc'), 'wb') as f:
    for name, data in pages[:count // 2]:
        f.write(record('https://news.example/' + name, b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n' + data))
with tarfile.open(os.path.join(out, 'mirror.tar'), 'w') as t:
    for name, data in pages[count // 2:]:
        ti = tarfile.TarInfo('site/' + name); ti.size = len(data); t.addfile(ti, io.BytesIO(data))
open(os.path.join(out, 'inputs.txt'), 'w').write('%s/crawl.warc\n%s/mirror.tar\n' % (out, out))
EOF

cd "$tmp/work" || fail "no work directory"
export GALLEY="$g"
recipe="$src/contrib/slurm"
"$g" run -q -e "read-html input=@inputs.txt ! strip-boilerplate ! tag-attribution ! write-json output=whole.jsonl ! write-epub output=whole.epub title=Crawl" ||
	fail "the unsharded run failed"

# Wait for a job to end; prints its state.  Polls scontrol (MinJobAge keeps ended jobs 300 s).
job_state() { scontrol show job "$1" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }
wait_job() {
	local s=""
	for _ in $(seq 900); do
		s=$(job_state "$1")
		case $s in COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE)
			echo "$s"
			return 0
			;;
		esac
		sleep 0.1
	done
	echo "${s:-GONE}"
}

# ---- the good run: 3 shards, 2 at a time, then the merge
t0=$(date +%s.%N)
read -r array merge < <(GALLEY_EPUB=Crawl "$recipe/submit.sh" -n 3 -k 2 @inputs.txt out) || fail "submit.sh failed"
[ -n "${merge:-}" ] || fail "submit.sh printed no job ids"
s=$(wait_job "$merge")
t1=$(date +%s.%N)
[ "$s" = COMPLETED ] || fail "the merge job $merge ended $s"
for t in 0 1 2; do
	s=$(job_state "${array}_$t")
	[ "$s" = COMPLETED ] || fail "shard task ${array}_$t is $s"
	grep -q "galley shard $t/3: exit 0" "logs/shard-${array}_$t.log" || fail "no exit line in the log of task $t"
done
cmp -s out/articles.jsonl whole.jsonl || fail "the merged JSON Lines differ from the unsharded run's"
cmp -s out/articles.epub whole.epub || fail "the merged EPUB differs from the unsharded run's"
n=$(grep -c . whole.jsonl)
echo "ok: 3 shards (%2 at once) and the merge on Slurm: $n articles, merged JSON Lines and EPUB = unsharded byte for byte"
# The throughput: each shard's own (galley's summary line in its log), and the whole, from
# submission to the merged output (scheduling included).
python3 - "$n" "$(python3 -c "print($t1 - $t0)")" logs/shard-"${array}"_*.log <<'EOF'
import re, sys
n, wall = int(sys.argv[1]), float(sys.argv[2])
for f in sys.argv[3:]:
    m = re.search(r'galley: (\d+) read, (\d+) written, .* in ([0-9.]+) s', open(f).read())
    if m:
        w, t = int(m.group(2)), float(m.group(3))
        print('figure: %s: %d articles in %.2f s = %.0f articles/s' % (f.split('/')[-1], w, t, w / t if t else 0))
print('figure: whole: %d articles in %.2f s from sbatch to merged output = %.1f articles/s' % (n, wall, n / wall))
EOF

# ---- a broken shard: shard 1 cannot write its output (a directory is in its way)
mkdir -p bad/shard-00001.jsonl
read -r array2 merge2 < <("$recipe/submit.sh" -n 3 -k 3 @inputs.txt bad) || fail "submit.sh failed (bad run)"
s=$(wait_job "${array2}_1")
[ "$s" = FAILED ] || fail "the broken shard ${array2}_1 ended $s, expected FAILED"
s=$(wait_job "$merge2")
[ "$s" = CANCELLED ] || fail "the merge after a failed shard ended $s, expected CANCELLED"
reason=$(scontrol show job "$merge2" -o | grep -o 'Reason=[^ ]*')
[ ! -e bad/articles.jsonl ] || fail "the merge ran after a failed shard"
grep -q "exit 2" "logs/shard-${array2}_1.log" || fail "the failed task's log has no exit status"
for t in 0 2; do
	s=$(wait_job "${array2}_$t")
	[ "$s" = COMPLETED ] || fail "healthy shard ${array2}_$t ended $s"
done
# jobcomp/filetxt keeps the per-task record: the failed task with galley's exit status, the merge
rec=$(grep "Name=galley-shard JobState=FAILED" "$tmp/jobcomp.txt" | grep "ArrayJobId=$array2 ArrayTaskId=1 ")
[ -n "$rec" ] || fail "no FAILED record of task ${array2}_1 in the job completion log"
echo "$rec" | grep -q " ExitCode=2:0" || fail "the completion record of task ${array2}_1 lacks exit code 2"
grep -q "JobId=$merge2 .*Name=galley-merge JobState=CANCELLED" "$tmp/jobcomp.txt" ||
	fail "no CANCELLED record of the merge $merge2 in the job completion log"
echo "ok: job completion log: task ${array2}_1 JobState=FAILED ExitCode=2:0; merge $merge2 JobState=CANCELLED"
echo "ok: broken shard ${array2}_1 FAILED ($(grep -m1 -o 'galley: stopped: .*' "logs/shard-${array2}_1.log" | cut -c1-80)...)"
echo "ok: merge $merge2 CANCELLED ($reason), never ran"

stop_all
echo "ok: cluster stopped; whole test $(python3 -c "import time; print(round(time.time() - $t_start, 1))") s"
