#!/bin/sh
# Run every fuzz target for SECONDS, seeded from samples/ and tests/fixtures/.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS.  Crashes are written to BUILD_DIR/crashes/.
set -u
build=$1
seconds=${2:-120}
corpus=$build/corpus
mkdir -p "$corpus/html" "$corpus/text" "$corpus/json" "$corpus/epub" "$corpus/pipe" "$corpus/names" "$corpus/warc" \
	"$build/crashes"
cp samples/html/*.html "$corpus/html/" 2>/dev/null
cp samples/*.txt "$corpus/text/" 2>/dev/null
cp samples/pipelines/*.galley "$corpus/pipe/" 2>/dev/null
cp tests/fixtures/json/*.jsonl "$corpus/json/" 2>/dev/null
cp tests/fixtures/epub/*.epub "$corpus/epub/" 2>/dev/null
# archive members: a mode byte (even: zip, odd: pax tar), then name NUL content NUL ...
page='<html><head><title>T</title></head><body><article><p>Some text of the page.</p><img src="pics/a.png" alt="a"></article></body></html>'
printf '\000p\303\244ge.html\000%s\000pics/a.png\000\211PNG\r\n\032\n\000\000\000\rIHDR\000styl\303\251.css\000p{}' "$page" \
	>"$corpus/names/zip-utf8"
printf '\001\346\226\260\351\227\273/a.html\000%s\000pics/a.png\000\211PNG\r\n\032\n\000\000\000\rIHDR' "$page" \
	>"$corpus/names/tar-utf8"
printf '\000caf\351.html\000%s\000' "$page" >"$corpus/names/zip-latin1"
# WARC streams: a mode byte (0 plain, 1 gzip, 2 a gzip member per record, 3 that cut short), then records
body='HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Record text.</p></body></html>'
len=$(printf "$body" | wc -c)
info='WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nx: y\r\n\r\n'
for m in 0 1 2 3; do
	{
		printf "\\00$m"
		printf "$info"
		for r in 1 2; do
			printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/%d\r\n' "$r"
			printf 'WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Length: %d\r\n\r\n' "$len"
			printf "$body"
			printf '\r\n\r\n'
		done
	} >"$corpus/warc/mode-$m"
done
status=0
# every target at once (each is one process; `nice` the whole run on a shared machine)
for t in html:fuzz_read_html text:fuzz_read_text json:fuzz_read_json epub:fuzz_read_epub pipe:fuzz_pipeline \
	names:fuzz_archive_names warc:fuzz_warc; do
	dir=${t%%:*}
	bin=${t##*:}
	echo "== $bin for ${seconds}s"
	( "$build/tests/fuzz/$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 -max_len=200000 \
		-close_fd_mask=2 -artifact_prefix="$build/crashes/$bin-" "$corpus/$dir" >"$build/$bin.log" 2>&1
	  echo "== $bin: exit $?"; tail -n 3 "$build/$bin.log" ) &
done
wait
ls "$build/crashes" | grep -q . && { echo "crashes found in $build/crashes"; status=1; }
exit $status
