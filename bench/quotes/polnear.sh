#!/bin/sh
# Quotes and speakers on polnear-quotes (US political news, human-annotated quotations and
# speakers): bench/quotes/polnear.sh BUILD_DIR [SHARED_DIR] [SPLIT...]
# Unpacks SHARED_DIR/datasets/polnear-quotes.tar.xz into BUILD_DIR/bench-data/ and prints one
# line per split (train, dev by default) with quote F1, speaker accuracy and attribution F1;
# skipped when the archive is absent.  VERBOSE=1 prints the scorer's whole report.
set -eu
build=${1:-build}
shared=${2:-../shared}
[ $# -gt 2 ] && shift 2 || set --
archive=$shared/datasets/polnear-quotes.tar.xz
if [ ! -f "$archive" ]; then
	echo "polnear: skipped: $archive is absent (the data set is not shipped with galley)"
	exit 0
fi
data=$build/bench-data/polnear-quotes
if [ ! -f "$data/gold.json" ]; then
	mkdir -p "$build/bench-data"
	tar -xJf "$archive" -C "$build/bench-data"
fi
here=$(dirname "$0")
[ $# -gt 0 ] || set -- train dev
for split in "$@"; do
	python3 "$here/polnear.py" "$build/core/galley" "$data" "$build/bench-data/polnear-work" \
		"$split" ${VERBOSE:+--verbose}
done
