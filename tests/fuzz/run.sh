#!/bin/sh
# Run every fuzz target for SECONDS, seeded from samples/ and tests/fixtures/.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS.  Crashes are written to BUILD_DIR/crashes/.
set -u
build=$1
seconds=${2:-120}
corpus=$build/corpus
mkdir -p "$corpus/html" "$corpus/text" "$corpus/json" "$corpus/epub" "$corpus/pipe" "$build/crashes"
cp samples/html/*.html "$corpus/html/" 2>/dev/null
cp samples/*.txt "$corpus/text/" 2>/dev/null
cp samples/pipelines/*.galley "$corpus/pipe/" 2>/dev/null
cp tests/fixtures/json/*.jsonl "$corpus/json/" 2>/dev/null
cp tests/fixtures/epub/*.epub "$corpus/epub/" 2>/dev/null
status=0
for t in html:fuzz_read_html text:fuzz_read_text json:fuzz_read_json epub:fuzz_read_epub pipe:fuzz_pipeline; do
	dir=${t%%:*}
	bin=${t##*:}
	echo "== $bin for ${seconds}s"
	"$build/tests/fuzz/$bin" -max_total_time="$seconds" -rss_limit_mb=3000 -timeout=20 -max_len=200000 \
		-close_fd_mask=2 -artifact_prefix="$build/crashes/$bin-" "$corpus/$dir" 2>&1 | tail -n 3 || status=1
done
ls "$build/crashes" | grep -q . && { echo "crashes found in $build/crashes"; status=1; }
exit $status
