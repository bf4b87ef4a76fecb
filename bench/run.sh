#!/bin/sh
# make bench: speed and memory of galley's chains, as ratios to libxml2's bare parse measured
# in the same run.  Usage: bench/run.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}
shared=${2:-../shared}
bench=$build/bench/galley-bench
galley=$build/core/galley
data=$build/bench-data
mkdir -p "$data"
jobs=${BENCH_JOBS:-1,2}
repeat=${BENCH_REPEAT:-3}
big=${BENCH_BIG:-100000}

echo "# galley benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, galley $("$galley" --version | cut -d' ' -f2))"
echo
echo "Seconds are wall time (best of $repeat); 'x parse floor' divides by libxml2's bare"
echo "htmlReadMemory + xmlFreeDoc over the same bytes in this run; peak RSS is the galley process's."

# 1. the development set
if [ -f "$shared/datasets/webextract-dev.tar.xz" ]; then
	if [ ! -f "$data/dev/cases.json" ]; then
		mkdir -p "$data/dev"
		tar -xJf "$shared/datasets/webextract-dev.tar.xz" -C "$data/dev"
	fi
	"$bench" --galley "$galley" --input "$data/dev/html" --label "development set" --jobs "$jobs" --repeat "$repeat"
else
	echo
	echo "(skipped the development set: $shared/datasets/webextract-dev.tar.xz is absent)"
fi

# 2. synthetic collections built from samples/html
for n in 1000 "$big"; do
	tgz=$data/synthetic-$n.tar.gz
	[ -f "$tgz" ] || "$bench" --make-synthetic "$tgz" "$n" samples/html
	if [ "$n" = 1000 ]; then
		"$bench" --galley "$galley" --input "$tgz" --label "synthetic, $n articles (tar.gz)" --jobs "$jobs" --repeat "$repeat"
	else
		# a book holds at most 65,000 articles: the EPUB chain writes books of 50,000
		"$bench" --galley "$galley" --input "$tgz" --label "synthetic, $n articles (tar.gz)" --jobs 2 --repeat 1 \
			--chains json,epub --no-floor --epub-split 50000
	fi
done

# 3. JSON Lines to JSON Lines at 1,000 and $big articles: memory must stay flat
src=$data/synthetic-1000.jsonl
"$galley" -q run -e "read-html input=$data/synthetic-1000.tar.gz ! write-json output=$src html=true"
big_jsonl=$data/synthetic-$big.jsonl
if [ ! -f "$big_jsonl" ]; then
	i=0
	: >"$big_jsonl.tmp"
	while [ $((i * 1000)) -lt "$big" ]; do
		sed "s/^{\"id\":\"/{\"id\":\"c$i-/" "$src" >>"$big_jsonl.tmp"
		i=$((i + 1))
	done
	mv "$big_jsonl.tmp" "$big_jsonl"
fi
echo
echo "## JSON Lines round trip (read-json ! write-json)"
echo
echo "| articles | seconds | articles/s | peak RSS MB |"
echo "|---:|---:|---:|---:|"
for f in "$src" "$big_jsonl"; do
	n=$(wc -l <"$f")
	"$build/bench/galley-rss" "$galley" -q --jobs 2 run -e "read-json input=$f ! write-json output=$data/roundtrip.jsonl" |
		awk -v n="$n" '{printf "| %d | %.2f | %.0f | %.1f |\n", n, $1, n / $1, $2 / 1024}'
done
rm -f "$data/roundtrip.jsonl"
