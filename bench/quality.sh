#!/bin/sh
# make bench-quality: extraction (precision, recall, F1 with the data set's published method),
# author and date accuracy on the development set (whole and its two site-disjoint halves),
# titles/authors/dates/text start on postlight-dev, quotes on the labelled set, and quotes and
# speakers on polnear-quotes (train and dev), sources on the synthetic check and how many
# polnear-quotes dev articles get one (that set has no gold for sources); the per-rule tables of
# each set and summed over both (bench/rules_all.py).
# Usage: bench/quality.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:-build}
shared=${2:-../shared}
polnear() {
	echo
	echo "# Quotes and speakers on polnear-quotes (read-text ! tag-attribution; train, dev)"
	sh bench/quotes/polnear.sh "$build" "$shared"
	echo
	echo "# Sources: the hand-labelled synthetic check (bench/quotes/sources*.tsv); polnear-quotes dev"
	python3 bench/quotes/sources.py "$build/core/galley"
	out=$build/bench-data/polnear-work/dev/out.jsonl
	if [ -f "$out" ]; then
		python3 bench/quotes/sources.py --count "$out"
	fi
}
archive=$shared/datasets/webextract-dev.tar.xz
if [ ! -f "$archive" ]; then
	echo "bench-quality: skipped: $archive is absent (the development set is not shipped with galley)"
	polnear
	exit 0
fi
data=$build/bench-data/dev
if [ ! -f "$data/cases.json" ]; then
	mkdir -p "$data"
	tar -xJf "$archive" -C "$data"
fi
echo "# Extraction and bylines on the development set (read-html ! strip-boilerplate ! tag-attribution)"
rm -f "$data/rules.tsv" "$build/bench-data/postlight/rules.tsv"
"$build/bench/galley-quality" "$data" --rules-out "$data/rules.tsv"
echo
echo "# Titles, authors, dates and where the text starts on postlight-dev (its own scorer)"
sh bench/postlight.sh "$build" "$shared"
# the per-rule table summed over both sets (each writes its decisions as rules.tsv)
python3 bench/rules_all.py dev="$data/rules.tsv" postlight="$build/bench-data/postlight/rules.tsv"
if [ -f bench/quotes/score.sh ]; then
	echo
	echo "# Quotes and speakers on the labelled set (bench/quotes)"
	sh bench/quotes/score.sh "$build" "$data"
fi
polnear
