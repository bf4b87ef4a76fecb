#!/bin/sh
# Decompression bombs against a release build: peak RSS and the refusal message for a 10 GiB zip
# bomb (sizes in its headers, and streamed with sizes unknown until the end), a 10 GiB .html.gz
# and a gzip nested 30 deep.  The inputs are generated from streamed zero bytes in DIR (about
# 140 MB on disk; never kept in the repository).  Needs python3, gzip, zip and zipnote.
# Usage: bench/bombs.sh BUILD_DIR DIR     (BUILD_DIR configured with --buildtype=release)
set -eu
build=$1
dir=$2
mkdir -p "$dir"
galley=$build/core/galley
rss=$build/bench/galley-rss
[ -f "$dir/bomb.zip" ] || python3 - "$dir/bomb.zip" <<'PY'
import sys, zipfile
zeros = bytes(1 << 20)
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    with z.open("page.html", "w", force_zip64=True) as f:
        for _ in range(10 * 1024):
            f.write(zeros)
PY
[ -f "$dir/bomb-stream.zip" ] || { head -c 10G /dev/zero | zip -q -1 -fz - - >"$dir/bomb-stream.zip" &&
	printf '@ -\n@=page.html\n' | zipnote -w "$dir/bomb-stream.zip"; }
[ -f "$dir/big.html.gz" ] || { printf '<html><body><p>'; head -c 10G /dev/zero; } | gzip -1 >"$dir/big.html.gz"
[ -f "$dir/nested.html.gz" ] || python3 - "$dir/nested.html.gz" <<'PY'
import gzip, sys
data = b"<html><body><p>deep</p></body></html>"
for _ in range(30):
    data = gzip.compress(data)
open(sys.argv[1], "wb").write(data)
PY
for f in bomb.zip bomb-stream.zip big.html.gz nested.html.gz; do
	size=$(stat -c %s "$dir/$f")
	out=$("$rss" "$galley" run -e "read-html input=$dir/$f ! write-json output=$dir/out.jsonl" 2>"$dir/err.txt" || true)
	echo "$f ($size bytes): seconds, peak RSS KiB: $out"
	sed 's/^/    /' "$dir/err.txt"
done
