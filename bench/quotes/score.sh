#!/bin/sh
# Quotes and speakers on the hand-labelled set: bench/quotes/score.sh BUILD_DIR [DATA_DIR]
# DATA_DIR is the unpacked development set; without it, ../shared/datasets/webextract-dev.tar.xz
# is unpacked into BUILD_DIR/bench-data/dev, and the score is skipped when that is absent.
set -eu
build=${1:-build}
data=${2:-}
here=$(dirname "$0")
if [ -z "$data" ]; then
	archive=${GALLEY_SHARED_DIR:-$here/../../../shared}/datasets/webextract-dev.tar.xz
	if [ ! -f "$archive" ]; then
		echo "quotes: skipped: $archive is absent (the development set is not shipped with galley)"
		exit 0
	fi
	data=$build/bench-data/dev
	if [ ! -f "$data/cases.json" ]; then
		mkdir -p "$data"
		tar -xJf "$archive" -C "$data"
	fi
fi
exec python3 "$here/score.py" "$build/core/galley" "$data" ${VERBOSE:+--verbose}
