#!/usr/bin/env bash
# Collections through the galley binary: the bundled sample pages packed every way a scraper
# leaves them (directory, glob, @list, comma list, stdin, .gz, tar.gz, tar.xz, zip, WARC,
# per-record .warc.gz) give the same articles; broken inputs fail alone with a message that
# names them, and the run goes on.
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
tmp=$(mktemp -d /tmp/galley-coll-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 0; }

pages="$src/samples/html"
n=$(find "$pages" -name '*.html' | wc -l)
[ "$n" -ge 4 ] || fail "expected the sample pages in $pages"

# Build every shape with Python's standard library (no extra tools needed).
python3 - "$pages" "$tmp" <<'EOF' || fail "could not build the fixtures"
import gzip, io, lzma, os, sys, tarfile, zipfile
pages, out = sys.argv[1], sys.argv[2]
names = sorted(f for f in os.listdir(pages) if f.endswith('.html'))
data = {f: open(os.path.join(pages, f), 'rb').read() for f in names}
for mode, ext in (('w:gz', 'tar.gz'), ('w:xz', 'tar.xz'), ('w', 'tar')):
    with tarfile.open(os.path.join(out, 'pages.' + ext), mode) as t:
        for f in names:
            ti = tarfile.TarInfo('site/' + f); ti.size = len(data[f]); t.addfile(ti, io.BytesIO(data[f]))
        ti = tarfile.TarInfo('site/robots.txt'); ti.size = 3; t.addfile(ti, io.BytesIO(b'no\n'))
with zipfile.ZipFile(os.path.join(out, 'pages.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
    for f in names:
        z.writestr('site/' + f, data[f])
open(os.path.join(out, 'one.html.gz'), 'wb').write(gzip.compress(data[names[0]]))
def record(typ, uri, block, ctype):
    head = ('WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n'
            'Content-Type: %s\r\nContent-Length: %d\r\n\r\n' % (typ, uri, ctype, len(block))).encode()
    return head + block + b'\r\n\r\n'
recs = [record('warcinfo', 'x', b'software: t\r\n', 'application/warc-fields')]
for i, f in enumerate(names):
    charset = 'ISO-8859-1' if 'latin1' in f else 'utf-8'
    http = ('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=%s\r\n\r\n' % charset).encode() + data[f]
    recs.append(record('response', 'https://example.org/%d' % i, http, 'application/http; msgtype=response'))
recs.append(record('response', 'https://example.org/gone', b'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nx',
                   'application/http; msgtype=response'))
recs.append(record('response', 'https://example.org/a.pdf', b'HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF',
                   'application/http; msgtype=response'))
open(os.path.join(out, 'crawl.warc'), 'wb').write(b''.join(recs))
open(os.path.join(out, 'crawl.warc.gz'), 'wb').write(b''.join(gzip.compress(r) for r in recs))
whole = open(os.path.join(out, 'pages.tar.gz'), 'rb').read()
open(os.path.join(out, 'cut.tar.gz'), 'wb').write(whole[:len(whole) // 2])
open(os.path.join(out, 'list.txt'), 'w').write('# two pages\n%s\n\n%s\n' % (os.path.join(pages, names[1]), os.path.join(pages, names[0])))
EOF

count() { # input, expected articles
	local input=$1 want=$2 out="$tmp/out.jsonl"
	rm -f "$out"
	"$g" -q run -e "read-html input='$input' ! write-json output='$out'" 2>"$tmp/err" || { cat "$tmp/err"; fail "reading $input failed"; }
	local got
	got=$(wc -l <"$out")
	[ "$got" = "$want" ] || fail "$input: $got articles, expected $want"
	grep -c '"title":"' "$out" | grep -qx "$want" || fail "$input: articles without a title"
}

count "$pages" "$n"
count "$pages/*.html" "$n"
count "@$tmp/list.txt" 2
count "$pages/$(ls "$pages" | head -1),$tmp/one.html.gz" 2
for f in pages.tar pages.tar.gz pages.tar.xz pages.zip crawl.warc crawl.warc.gz; do
	count "$tmp/$f" "$n"
done

# archive members and WARC records say where they came from
"$g" -q run -e "read-html input='$tmp/pages.tar.gz' ! write-json output='$tmp/t.jsonl'" || fail "tar.gz"
grep -q '"member":"site/' "$tmp/t.jsonl" || fail "no archive member in source_location"
"$g" -q run -e "read-html input='$tmp/crawl.warc.gz' ! write-json output='$tmp/w.jsonl'" || fail "warc.gz"
grep -q '"url":"https://example.org/0"' "$tmp/w.jsonl" || fail "the WARC target URI is not the URL"
grep -q '"offset":' "$tmp/w.jsonl" || fail "no WARC record offset in source_location"
grep -q 'Grüße\|für' "$tmp/w.jsonl" || fail "the Latin-1 page lost its characters through WARC"

# skipped records are counted in the summary
"$g" run -e "read-html input='$tmp/crawl.warc' ! write-json output='$tmp/w2.jsonl'" 2>"$tmp/err" || { cat "$tmp/err"; fail "warc"; }
grep -q "status 404" "$tmp/err" || { cat "$tmp/err"; fail "the 404 record is not counted in the summary"; }
grep -q "application/pdf" "$tmp/err" || { cat "$tmp/err"; fail "the PDF record is not counted in the summary"; }

# standard input
"$g" -q run -e "read-html input=- ! write-json output='$tmp/s.jsonl'" <"$tmp/pages.tar.gz" || fail "stdin tar.gz"
[ "$(wc -l <"$tmp/s.jsonl")" = "$n" ] || fail "stdin: wrong count"

# a truncated archive fails alone, named in the message; the good input after it is read
"$g" run -e "read-html input='$tmp/cut.tar.gz,$tmp/one.html.gz' ! write-json output='$tmp/c.jsonl'" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] || { cat "$tmp/err"; fail "truncated archive: exit status $rc, expected 1"; }
grep -q "cut.tar.gz" "$tmp/err" || { cat "$tmp/err"; fail "the message does not name the archive"; }
grep -qi "truncated\|corrupt" "$tmp/err" || { cat "$tmp/err"; fail "the message does not say what is wrong"; }
grep -q '"file":"[^"]*one.html.gz"' "$tmp/c.jsonl" || fail "the input after the broken archive was not read"

# nothing at all: exit 2 with a message naming the input
"$g" run -e "read-html input='$tmp/does-not-exist' ! write-json output='$tmp/x.jsonl'" 2>"$tmp/err"
[ $? = 2 ] || fail "a missing input should stop the run"
grep -q "does-not-exist" "$tmp/err" || fail "the message does not name the missing input"

# read-text over an archive of text files
python3 -c "
import tarfile,io,sys
with tarfile.open('$tmp/texts.tar.gz','w:gz') as t:
    for i in range(3):
        b=('Title %d\n\nBody %d\n' % (i,i)).encode(); ti=tarfile.TarInfo('t/%d.txt' % i); ti.size=len(b); t.addfile(ti, io.BytesIO(b))
" || fail "text fixture"
"$g" -q run -e "read-text input='$tmp/texts.tar.gz' ! write-json output='$tmp/t2.jsonl'" || fail "read-text tar.gz"
[ "$(wc -l <"$tmp/t2.jsonl")" = 3 ] || fail "read-text: expected 3 articles"
grep -q '"title":"Title 2"' "$tmp/t2.jsonl" || fail "read-text: titles"
echo ok
