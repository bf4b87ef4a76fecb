#!/usr/bin/env bash
# --shard I/N (docs/scaling.md): for N = 1, 2, 3, 7 over a directory, a tar, a WARC, a zip, a
# comma list of a WARC and a tar, JSON Lines
# (read-json), an EPUB (read-epub) and text files (read-text), the shards together hold exactly
# the unsharded run's articles, each once; `read-json input=shard-*.jsonl ! write-json` gives the
# unsharded run's JSON Lines byte for byte, and `! write-epub` its book; a shard's output does not
# depend on the number of threads; bad --shard values are refused.
set -uo pipefail
g=${GALLEY_BIN:?}
tmp=$(mktemp -d /tmp/galley-shard-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 0; }

# 40 short synthetic pages: a nested directory, a tar whose members are NOT in name order, and a
# WARC with request/warcinfo records and a 404 among the responses.
python3 - "$tmp" <<'EOF' || fail "could not build the fixtures"
import io, os, sys, tarfile, zipfile
out = sys.argv[1]
pages = {}
for i in range(40):
    name = 'sec%d/page-%02d.html' % (i % 3, i)
    body = ''.join('<p>Paragraph %d of synthetic page %d says something plain about topic %d.</p>' % (k, i, i * 7 % 11)
                   for k in range(3))
    pages[name] = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Synthetic page %d</title>'
                   '<meta name="author" content="Writer %d"></head><body><article><h1>Synthetic page %d</h1>%s'
                   '</article></body></html>' % (i, i % 5, i, body)).encode()
for name, data in pages.items():
    os.makedirs(os.path.join(out, 'dir', os.path.dirname(name)), exist_ok=True)
    open(os.path.join(out, 'dir', name), 'wb').write(data)
    txt = ('Synthetic text %s\n\nThe first paragraph of %s.\n\nThe second one.\n' % (name, name)).encode()
    os.makedirs(os.path.join(out, 'txt', os.path.dirname(name)), exist_ok=True)
    open(os.path.join(out, 'txt', name[:-5] + '.txt'), 'wb').write(txt)
with tarfile.open(os.path.join(out, 'pages.tar'), 'w') as t:
    for name in sorted(pages, reverse=True):
        ti = tarfile.TarInfo('site/' + name); ti.size = len(pages[name]); t.addfile(ti, io.BytesIO(pages[name]))
with zipfile.ZipFile(os.path.join(out, 'pages.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name in sorted(pages):
        z.writestr('site/' + name, pages[name])
def record(typ, uri, block, ctype):
    head = ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n'
            'Content-Type: %s\r\nContent-Length: %d\r\n\r\n' % (typ, uri, ctype, len(block))).encode()
    return head + block + b'\r\n\r\n'
recs = [record('warcinfo', '', b'software: t\r\n', 'application/warc-fields')]
for k, name in enumerate(sorted(pages)):
    uri = 'https://news.example/%s' % name
    recs.append(record('request', uri, b'GET / HTTP/1.1\r\n\r\n', 'application/http; msgtype=request'))
    status = b'404 Not Found' if k == 5 else b'200 OK'
    http = b'HTTP/1.1 ' + status + b'\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + pages[name]
    recs.append(record('response', uri, http, 'application/http; msgtype=response'))
open(os.path.join(out, 'pages.warc'), 'wb').write(b''.join(recs))
EOF

chain='strip-boilerplate ! tag-attribution'
# The union of the shards' records (without the merge key) equals the unsharded run's, each once.
same_articles() { # unsharded.jsonl shard files...
	python3 - "$@" <<'EOF'
import json, sys
def key(line):
    o = json.loads(line)
    ex = o.get('extra', {})
    ex.pop('input_seq', None)
    if 'extra' in o and not ex:
        del o['extra']
    return json.dumps(o, sort_keys=True)
whole = [key(l) for l in open(sys.argv[1]) if l.strip()]
parts = [key(l) for f in sys.argv[2:] for l in open(f) if l.strip()]
if len(set(parts)) != len(parts):
    sys.exit('duplicates across the shards: %d records, %d distinct' % (len(parts), len(set(parts))))
if sorted(parts) != sorted(whole):
    sys.exit('the shards hold %d records, the unsharded run %d, and they differ' % (len(parts), len(whole)))
for f in sys.argv[2:]:
    seqs = [int(json.loads(l)['extra']['input_seq']) for l in open(f) if l.strip()]
    if seqs != sorted(seqs):
        sys.exit('%s is not in input order' % f)
    if len(sys.argv) > 3 and len(whole) >= 20 and len(seqs) == len(whole):
        sys.exit('%s holds every article: the shards are not spread' % f)
EOF
}

# kind  reader-stage  expected-articles
check_kind() {
	local kind=$1 reader=$2 want=$3
	local d="$tmp/run-$kind"
	mkdir -p "$d"
	"$g" run -q -e "$reader ! $chain ! write-json output=$d/whole.jsonl" || fail "$kind: unsharded run failed"
	local n
	n=$(grep -c . "$d/whole.jsonl")
	[ "$n" -eq "$want" ] || fail "$kind: the unsharded run wrote $n articles, expected $want"
	for N in 1 2 3 7; do
		rm -f "$d"/shard-*.jsonl
		for ((i = 0; i < N; i++)); do
			"$g" run -q --shard "$i/$N" -e "$reader ! $chain ! write-json output=$d/shard-$i.jsonl" ||
				fail "$kind: shard $i/$N failed"
		done
		same_articles "$d/whole.jsonl" "$d"/shard-*.jsonl || fail "$kind: N=$N: the shards are not the unsharded run"
		"$g" run -q -e "read-json input=$d/shard-*.jsonl ! write-json output=$d/merged.jsonl" ||
			fail "$kind: N=$N: the merge failed"
		cmp -s "$d/merged.jsonl" "$d/whole.jsonl" ||
			fail "$kind: N=$N: the merged JSON Lines differ from the unsharded run's"
		echo "ok: $kind N=$N: $n articles, union = unsharded, merged byte-identical"
	done
}

check_kind dir "read-html input=$tmp/dir" 40
check_kind tar "read-html input=$tmp/pages.tar" 40
check_kind warc "read-html input=$tmp/pages.warc" 39
check_kind zip "read-html input=$tmp/pages.zip" 40
check_kind list "read-html input=$tmp/pages.warc,$tmp/pages.tar" 79
check_kind text "read-text input=$tmp/txt" 40
# JSON Lines (one article per line of one file) and an EPUB (one per chapter): sharded below the file
"$g" run -q -e "read-json input=$tmp/run-dir/whole.jsonl ! write-epub output=$tmp/book.epub title=Shards" ||
	fail "could not write the EPUB fixture"
check_kind jsonl "read-json input=$tmp/run-dir/whole.jsonl" 40
check_kind epub "read-epub input=$tmp/book.epub" 40

# Shard output does not depend on threads.
d="$tmp/threads"
mkdir -p "$d"
for j in 1 2 4; do
	"$g" run -q -j "$j" --shard 1/3 -e "read-html input=$tmp/pages.warc ! $chain ! write-json output=$d/j$j.jsonl" ||
		fail "shard 1/3 with -j $j failed"
done
cmp -s "$d/j1.jsonl" "$d/j2.jsonl" && cmp -s "$d/j1.jsonl" "$d/j4.jsonl" || fail "a shard's output depends on --jobs"
echo "ok: shard 1/3 identical with -j 1, 2, 4"

# The merged book: shards written with html=true merge into the unsharded run's EPUB byte for byte.
d="$tmp/epub"
mkdir -p "$d"
"$g" run -q -e "read-html input=$tmp/dir ! $chain ! write-epub output=$d/whole.epub title=Shards" || fail "unsharded EPUB run"
for i in 0 1 2; do
	"$g" run -q --shard "$i/3" -e "read-html input=$tmp/dir ! $chain ! write-json html=true output=$d/shard-$i.jsonl" ||
		fail "EPUB: shard $i/3"
done
"$g" run -q -e "read-json input=$d/shard-*.jsonl ! write-epub output=$d/merged.epub title=Shards" || fail "EPUB merge"
cmp -s "$d/merged.epub" "$d/whole.epub" || fail "the merged EPUB differs from the unsharded run's"
echo "ok: merged EPUB byte-identical"

# The merge's edges: an empty shard output among the others changes nothing; files without
# input_seq (not a sharded run's) are read one after the other, as before.
d="$tmp/run-dir"
rm -f "$d"/shard-*.jsonl
for i in 0 1 2; do
	"$g" run -q --shard "$i/3" -e "read-html input=$tmp/dir ! $chain ! write-json output=$d/shard-$i.jsonl" || fail "shard $i/3"
done
: >"$d/shard-9.jsonl"
"$g" run -q -e "read-json input=$d/shard-*.jsonl ! write-json output=$d/merged.jsonl" || fail "merge with an empty file"
cmp -s "$d/merged.jsonl" "$d/whole.jsonl" || fail "an empty shard output changed the merge"
"$g" run -q -e "read-json input=$d/whole.jsonl,$d/shard-0.jsonl ! write-json output=$d/cat.jsonl" ||
	fail "reading unsharded and sharded files together"
want=$(($(grep -c . "$d/whole.jsonl") + $(grep -c . "$d/shard-0.jsonl")))
[ "$(grep -c . "$d/cat.jsonl")" -eq "$want" ] || fail "files without input_seq were not read one after the other"
head -n "$(grep -c . "$d/whole.jsonl")" "$d/cat.jsonl" | cmp -s - "$d/whole.jsonl" ||
	fail "a file without input_seq was not read first and whole"
echo "ok: merge edges (an empty shard file; files that are no shards)"

# A shard whose articles all went to the other shards is no error: one page over 7 shards gives
# exit 0 everywhere and the page in exactly one shard.
mkdir -p "$tmp/one"
cp "$tmp/dir/sec0/page-00.html" "$tmp/one/"
for i in 0 1 2 3 4 5 6; do
	"$g" run -q --shard "$i/7" -e "read-html input=$tmp/one ! write-json output=$tmp/one/shard-$i.jsonl" ||
		fail "one page: shard $i/7 failed although the page went to another shard"
done
[ "$(cat "$tmp"/one/shard-*.jsonl | grep -c .)" -eq 1 ] || fail "one page: not in exactly one of 7 shards"
echo "ok: a shard left empty by the others is no error"

# Bad values are refused before anything runs.
for bad in 3/3 -1/2 1/0 x 1/ /2 1/2/3 '1 /2'; do
	"$g" run --shard "$bad" -e "read-html input=$tmp/dir ! write-json output=$tmp/bad.jsonl" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 2 ] || fail "--shard '$bad' gave exit $rc, expected 2"
	grep -q -- "--shard" "$tmp/err" || fail "--shard '$bad': the message does not name the option"
	[ ! -e "$tmp/bad.jsonl" ] || fail "--shard '$bad' wrote an output"
done
"$g" run --shard=0/2 -e "read-html input=$tmp/dir ! write-json output=$tmp/eq.jsonl" 2>/dev/null ||
	fail "--shard=0/2 is refused"
echo "ok: bad --shard values refused"
echo "all shard checks passed"
