#!/usr/bin/env bash
# write-epub and read-epub through the command line: scraped pages to a book that epubcheck
# passes with no errors and no warnings, byte-identical across runs and time zones, readable
# by pandoc paragraph by paragraph, split into parts, refused when empty (the old book is kept),
# with the images of a scraper's tar.gz embedded, and read back with read-epub.  With ../shared
# present, the 990 pages of the development set go into one book too, which epubcheck must pass
# as well.
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
shared=${GALLEY_SHARED_DIR:-}
jar=/usr/share/java/epubcheck.jar
tmp=$(mktemp -d /tmp/galley-e2e-epub-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
has() { "$g" plugins 2>/dev/null | grep -q "^$1 "; }
run() { # run CHAIN: galley run -e CHAIN, quietly; fails the test on error
	"$g" -q run -e "$1" >"$tmp/run.out" 2>&1 || { cat "$tmp/run.out"; fail "galley run -e '$1'"; }
}

# ---- input: scraped pages from three sites ------------------------------------------------
mkdir -p "$tmp/pages"
sites=("Harbour Gazette" "Valley Times" "Coast Radio")
for i in $(seq 1 12); do
	site=${sites[$((i % 3))]}
	cat >"$tmp/pages/page-$(printf %02d "$i").html" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Storm report $i | $site</title>
<meta property="og:title" content="Storm report $i">
<meta property="og:site_name" content="$site">
<meta name="author" content="Reporter $i">
<meta property="article:published_time" content="2024-05-$(printf %02d "$i")T08:30:00+02:00">
<link rel="canonical" href="https://example.com/$i/storm-report.html">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Storm report $i</h1>
<p class="byline">By Reporter $i</p>
<p>Storm paragraph one of report $i: the wind reached the harbour before dawn and tore the roofs off three sheds.</p>
<p>Storm paragraph two of report $i: "We have never seen water this high," said harbour master Ana Costa, who has worked there for twenty years.</p>
<p>Storm paragraph three of report $i: crews worked through the night &amp; the road reopened at noon &nbsp;with one lane.</p>
<script>document.write("tracking")</script>
</article>
<footer>Copyright $site. All rights reserved. <a href="/imprint">Imprint</a></footer>
</body></html>
EOF
done

chain="read-html input=$tmp/pages"
has strip-boilerplate && chain="$chain ! strip-boilerplate"
has tag-attribution && chain="$chain ! tag-attribution"

# ---- a book, twice, and under another time zone -------------------------------------------
run "$chain ! write-epub output=$tmp/storms.epub group_by=source title='Storm reports' creator='The desk'"
TZ=UTC run "$chain ! write-epub output=$tmp/storms2.epub group_by=source title='Storm reports' creator='The desk'"
TZ=Asia/Tokyo run "$chain ! write-epub output=$tmp/storms-tokyo.epub group_by=source title='Storm reports' creator='The desk'"
cmp -s "$tmp/storms.epub" "$tmp/storms2.epub" || fail "two runs gave different books"
cmp -s "$tmp/storms.epub" "$tmp/storms-tokyo.epub" || fail "TZ=UTC and TZ=Asia/Tokyo gave different books"
[ "$(unzip -Z1 "$tmp/storms.epub" | head -1)" = mimetype ] || fail "mimetype is not the first entry"
n=$(unzip -Z1 "$tmp/storms.epub" | grep -c '^EPUB/text/a[0-9]*\.xhtml$')
[ "$n" = 12 ] || fail "expected 12 chapters, got $n"
unzip -p "$tmp/storms.epub" EPUB/text/a0001.xhtml | grep -q "tracking" && fail "script content in a chapter"

# ---- pandoc reads every paragraph back, in order --------------------------------------------
if [ -z "${GALLEY_TEST_NO_EPUBCHECK:-}" ]; then
	command -v pandoc >/dev/null || fail "pandoc missing: install it (build-aux/debian-packages.txt)"
	pandoc -f epub -t plain --wrap=none "$tmp/storms.epub" >"$tmp/plain.txt" 2>"$tmp/pandoc.err" ||
		{ cat "$tmp/pandoc.err"; fail "pandoc cannot read the book"; }
	# the book is grouped by source: check each report's three paragraphs in order
	for i in $(seq 1 12); do
		awk -v i="$i" '
			index($0, "Storm paragraph one of report " i ":") { s = (s == 0) ? 1 : s }
			index($0, "Storm paragraph two of report " i ":") && s == 1 { s = 2 }
			index($0, "Storm paragraph three of report " i ":") && s == 2 { s = 3 }
			END { exit s == 3 ? 0 : 1 }' "$tmp/plain.txt" || fail "pandoc: report $i paragraphs missing or out of order"
	done
fi

# ---- read-epub gives the articles back ------------------------------------------------------
if has write-json; then
	run "read-epub input=$tmp/storms.epub ! write-json output=$tmp/back.jsonl"
	[ "$(wc -l <"$tmp/back.jsonl")" = 12 ] || fail "read-epub: expected 12 articles"
	for i in $(seq 1 12); do
		grep -q "\"title\":\"Storm report $i\"" "$tmp/back.jsonl" || fail "read-epub: title $i missing"
		grep "\"title\":\"Storm report $i\"" "$tmp/back.jsonl" | grep -q "Storm paragraph three of report $i" ||
			fail "read-epub: text of $i missing"
	done
	grep -q '"site":"Harbour Gazette"' "$tmp/back.jsonl" || fail "read-epub: site missing"
	run "read-epub input=$src/tests/fixtures/epub/pandoc-2.17.epub ! write-json output=$tmp/pandoc.jsonl"
	grep -q '"title":"The Second Chapter"' "$tmp/pandoc.jsonl" || fail "read-epub: pandoc book"
fi

# ---- split into parts -----------------------------------------------------------------------
run "$chain ! write-epub output=$tmp/parts/storms.epub split=5"
for k in 001 002 003; do [ -f "$tmp/parts/storms-$k.epub" ] || fail "split: storms-$k.epub missing"; done
[ -e "$tmp/parts/storms-004.epub" ] && fail "split: one part too many"

# ---- empty collection: a clear error, the old book untouched --------------------------------
mkdir -p "$tmp/empty"
echo "old book" >"$tmp/keep.epub"
"$g" -q run -e "read-html input=$tmp/empty ! write-epub output=$tmp/keep.epub" >"$tmp/empty.out" 2>&1
rc=$?
[ "$rc" = 2 ] || { cat "$tmp/empty.out"; fail "empty collection exited $rc, expected 2"; }
grep -q "no articles reached write-epub" "$tmp/empty.out" || { cat "$tmp/empty.out"; fail "no clear message"; }
[ "$(cat "$tmp/keep.epub")" = "old book" ] || fail "the old book was replaced"

# ---- images inside a scraper's archive ------------------------------------------------------
# site.tar.gz holds pages and their images, some before the pages and some after them; a
# missing image, one outside the archive and a remote one become their alt text; the rest are
# embedded once each with their media type, with 2 worker threads building chapters at once.
bytes() { printf '%b' "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
png=89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000100ff89993d1d0000000049454e44ae426082
gif=47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b
jpg=ffd8ffe000104a46494600010100000100010000ffdb0043000101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101ffc0000b080001000101011100ffc40014000100000000000000000000000000000000ffc40014100100000000000000000000000000000000ffda0008010100003f003fffd9
mkdir -p "$tmp/scrape/site/news/story_files" "$tmp/scrape/site/img"
bytes "$png" >"$tmp/scrape/site/news/story_files/map.png"
bytes "$jpg" >"$tmp/scrape/site/news/story_files/photo.jpg"
bytes "$gif" >"$tmp/scrape/site/img/logo.gif"
bytes "$png" >"$tmp/escape.png"
for i in 1 2 3; do
	cat >"$tmp/scrape/site/news/story-$i.html" <<EOF
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood story $i</title></head><body>
<article><h1>Flood story $i</h1>
<p>Flood paragraph one of story $i: the river rose two metres overnight and the old bridge closed at six.</p>
<figure><img src="story_files/photo.jpg" alt="The bridge"><figcaption>The bridge at dawn.</figcaption></figure>
<p>Flood paragraph two of story $i: <img src="story_files/map.png" alt="A map"> the map shows the streets under water.</p>
<p>Flood paragraph three of story $i: <img src="../img/logo.gif" alt="Logo"> <img src="story_files/gone.png" alt="Gone picture">
<img src="../../../escape.png" alt="Escaped picture"> <img src="https://cdn.example.com/r.png" alt="Remote picture"></p>
</article></body></html>
EOF
done
# members in this order: an image, the pages, then the other images
(cd "$tmp/scrape" && tar -czf "$tmp/site.tar.gz" site/news/story_files/map.png site/news/story-1.html \
	site/news/story-2.html site/news/story-3.html site/news/story_files/photo.jpg site/img/logo.gif) ||
	fail "cannot make site.tar.gz"
"$g" -q --jobs 2 run -e "read-html input=$tmp/site.tar.gz ! write-epub output=$tmp/archive.epub" >"$tmp/run.out" 2>&1 ||
	{ cat "$tmp/run.out"; fail "site.tar.gz to a book"; }
unzip -Z1 "$tmp/archive.epub" >"$tmp/archive.list"
[ "$(grep -c '^EPUB/images/' "$tmp/archive.list")" = 3 ] || { cat "$tmp/archive.list"; fail "archive: expected 3 images"; }
for t in image/png image/jpeg image/gif; do
	unzip -p "$tmp/archive.epub" EPUB/package.opf | grep -q "media-type=\"$t\"" || fail "archive: no $t in the manifest"
done
for i in 1 2 3; do
	c=$(unzip -p "$tmp/archive.epub" "EPUB/text/a000$i.xhtml")
	[ "$(grep -o '<img src="../images/' <<<"$c" | wc -l)" = 3 ] || fail "archive: chapter $i should show 3 images"
	for alt in "Gone picture" "Escaped picture" "Remote picture"; do
		grep -q "<span class=\"img-alt\">$alt</span>" <<<"$c" || fail "archive: '$alt' should be alt text in chapter $i"
	done
done
"$g" -q --jobs 1 run -e "read-html input=$tmp/site.tar.gz ! write-epub output=$tmp/archive1.epub" >"$tmp/run.out" 2>&1 ||
	{ cat "$tmp/run.out"; fail "site.tar.gz to a book, one thread"; }
cmp -s "$tmp/archive.epub" "$tmp/archive1.epub" || fail "archive: 1 and 2 threads gave different books"
# the same pages unpacked (a browser's saved pages): the same images
run "read-html input=$tmp/scrape ! write-epub output=$tmp/unpacked.epub"
[ "$(unzip -Z1 "$tmp/unpacked.epub" | grep -c '^EPUB/images/')" = 3 ] || fail "unpacked: expected 3 images"

books=("$tmp/storms.epub" "$tmp/parts/storms-001.epub" "$tmp/parts/storms-003.epub" "$tmp/archive.epub" "$tmp/unpacked.epub")
books2=() # checked by a second JVM, in parallel

# ---- the seed article -----------------------------------------------------------------------
if has read-text; then
	seed="read-text input=$src/samples/scraped-article.txt"
	has strip-boilerplate && seed="$seed ! strip-boilerplate"
	has tag-attribution && seed="$seed ! tag-attribution"
	run "$seed ! write-epub output=$tmp/seed.epub"
	books+=("$tmp/seed.epub")
fi

# ---- the sample pages of the repository ---------------------------------------------------
if [ -d "$src/samples/html" ]; then
	samples="read-html input=$src/samples/html"
	has strip-boilerplate && samples="$samples ! strip-boilerplate"
	has tag-attribution && samples="$samples ! tag-attribution"
	run "$samples ! write-epub output=$tmp/samples.epub title='Collected articles'"
	books+=("$tmp/samples.epub")
fi

# ---- 990 real pages ---------------------------------------------------------------------------
if [ -n "$shared" ] && [ -f "$shared/datasets/webextract-dev.tar.xz" ]; then
	mkdir -p "$tmp/dev"
	tar -xJf "$shared/datasets/webextract-dev.tar.xz" -C "$tmp/dev" || fail "cannot extract the dev set"
	devchain="read-html input=$tmp/dev/html"
	has strip-boilerplate && devchain="$devchain ! strip-boilerplate"
	has tag-attribution && devchain="$devchain ! tag-attribution"
	start=$(date +%s.%N)
	run "$devchain ! write-epub output=$tmp/dev.epub group_by=source title='Development set'"
	end=$(date +%s.%N)
	echo "dev set: $(unzip -Z1 "$tmp/dev.epub" | grep -c '^EPUB/text/') chapters in $(echo "$end - $start" | bc) s"
	books+=("$tmp/dev.epub")
	# the whole pages, without strip-boilerplate: menus, forms, tables, every kind of link
	run "read-html input=$tmp/dev/html ! write-epub output=$tmp/dev-raw.epub group_by=tag"
	books2+=("$tmp/dev-raw.epub")
else
	echo "dev set not found under ${shared:-../shared}: skipping the 990-page book"
fi

# ---- epubcheck: no errors, no warnings ----------------------------------------------------
if [ -n "${GALLEY_TEST_NO_EPUBCHECK:-}" ]; then
	echo "epubcheck skipped (GALLEY_TEST_NO_EPUBCHECK)"
	exit 0
fi
[ -f "$jar" ] || fail "$jar missing: install epubcheck (build-aux/debian-packages.txt)"
if command -v javac >/dev/null; then
	batch=$src/tests/fixtures/epub/EpubcheckBatch.java
	pid=
	if [ ${#books2[@]} -gt 0 ]; then
		java -cp "$jar" "$batch" "${books2[@]}" >"$tmp/check2.log" 2>&1 &
		pid=$!
	fi
	java -cp "$jar" "$batch" "${books[@]}" >"$tmp/check.log" 2>&1 ||
		{ grep -E "ERROR|WARNING|FAILED" "$tmp/check.log" | head -50; fail "epubcheck found problems"; }
	if [ -n "$pid" ]; then
		wait "$pid" || { grep -E "ERROR|WARNING|FAILED" "$tmp/check2.log" | head -50; fail "epubcheck found problems"; }
	fi
else
	for b in "${books[@]}" "${books2[@]}"; do
		java -jar "$jar" --failonwarnings "$b" >"$tmp/check.log" 2>&1 ||
			{ grep -E "ERROR|WARNING" "$tmp/check.log" | head -50; fail "epubcheck: $b"; }
	done
fi
echo "epubcheck: $((${#books[@]} + ${#books2[@]})) books, no errors, no warnings"
