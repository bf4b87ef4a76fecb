#!/usr/bin/env bash
# Install galley into a temporary prefix, build the out-of-tree sample plugin against the
# installed headers with nothing but `cc $(pkg-config --cflags galley) -shared`, and run it.
set -euo pipefail
src=${GALLEY_SOURCE_DIR:?}
tmp=$(mktemp -d /tmp/galley-sdk-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

meson setup "$tmp/build" "$src" --prefix="$prefix" -Dtests=false --buildtype=debugoptimized >"$tmp/setup.log" 2>&1 ||
	{ cat "$tmp/setup.log"; exit 1; }
ninja -C "$tmp/build" >"$tmp/build.log" 2>&1 || { tail -50 "$tmp/build.log"; exit 1; }
meson install -C "$tmp/build" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }

pc=$(dirname "$(find "$prefix" -name galley.pc | head -1)")
[ -n "$pc" ] || { echo "no galley.pc installed"; exit 1; }
export PKG_CONFIG_PATH=$pc
cflags=$(pkg-config --cflags galley)
echo "pkg-config --cflags galley: $cflags"
plugindir=$(pkg-config --variable=pluginsdir galley)
[ -d "$plugindir" ] || { echo "pluginsdir $plugindir does not exist"; exit 1; }

# the sample builds with the documented command and nothing more
mkdir "$tmp/plugin"
# shellcheck disable=SC2086
cc $cflags -Wall -Wextra -Werror -shared -fPIC -o "$tmp/plugin/word-count.so" "$src/samples/plugins/word-count/word_count.c"

# meson test points LD_LIBRARY_PATH at the build tree; the installed galley must use its own library
unset LD_LIBRARY_PATH
galley=$prefix/bin/galley
"$galley" --version
# the installed galley finds its installed plugins, and ours with --plugin-dir
"$galley" --plugin-dir "$tmp/plugin" plugins >"$tmp/plugins.txt"
grep -q '^word-count  *transform' "$tmp/plugins.txt" || { cat "$tmp/plugins.txt"; echo "word-count not listed"; exit 1; }
grep -q "^read-text " "$tmp/plugins.txt" || { cat "$tmp/plugins.txt"; echo "installed plugins not found"; exit 1; }
"$galley" --plugin-dir "$tmp/plugin" inspect word-count | grep -q 'min_words'

# run it in a pipeline: the seed has about 330 words
out=$tmp/out.jsonl
"$galley" --plugin-dir "$tmp/plugin" -q run -e "read-text input=$src/samples/scraped-article.txt ! word-count ! write-json output=$out"
grep -q '"word_count"' "$out" || { cat "$out"; echo "no word_count in the output"; exit 1; }
# and its option works: a threshold above the length drops the article with a reason
rc=0
"$galley" --plugin-dir "$tmp/plugin" -v run -e "read-text input=$src/samples/scraped-article.txt ! word-count min_words=100000 ! write-json output=$tmp/none.jsonl" 2>"$tmp/err.txt" || rc=$?
[ "$rc" = 0 ] || { cat "$tmp/err.txt"; echo "drop must not fail the run"; exit 1; }
grep -q 'fewer than min_words=100000' "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
[ -f "$tmp/none.jsonl" ] && [ ! -s "$tmp/none.jsonl" ] || { echo "expected an empty output"; exit 1; }
echo "ok: out-of-tree plugin built against the installed headers and ran"

# ---- the install as a distribution would ship it ----
fail() { echo "FAIL: $*"; exit 1; }
triplet_libdir=$(dirname "$(find "$prefix" -name 'libgalley.so.*.*' | head -1)")
# a private prefix: a RUNPATH relative to the binary, never an absolute path
runpath=$(readelf -d "$galley" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
case $runpath in '$ORIGIN/'*) ;; *) fail "RUNPATH of a private prefix is '$runpath', expected \$ORIGIN/..." ;; esac

# the same build as a distribution's: prefix /usr, installed under a staging root
meson configure "$tmp/build" -Dprefix=/usr >"$tmp/conf.log" 2>&1 || { cat "$tmp/conf.log"; exit 1; }
ninja -C "$tmp/build" >"$tmp/build2.log" 2>&1 || { tail -50 "$tmp/build2.log"; exit 1; }
root=$tmp/root
meson install -C "$tmp/build" --destdir "$root" >"$tmp/install2.log" 2>&1 || { cat "$tmp/install2.log"; exit 1; }
bin=$root/usr/bin/galley
lib=$(find "$root" -name 'libgalley.so.*.*' | head -1)
[ -n "$lib" ] || fail "no libgalley.so.X.Y.Z installed"
libdir=$(dirname "$lib")

# no RUNPATH or RPATH at all; the library's SONAME is the installed file's name up to its major
! readelf -d "$bin" | grep -qE 'RUNPATH|RPATH' || { readelf -d "$bin" | grep PATH; fail "RUNPATH on /usr/bin/galley"; }
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
file=$(basename "$lib")
case $file in "$soname".*) ;; *) fail "SONAME $soname does not match the file $file" ;; esac
[ "$(readlink "$libdir/$soname")" = "$file" ] || fail "$soname is not a link to $file"
[ -L "$libdir/libgalley.so" ] || fail "no libgalley.so development link"
echo "SONAME $soname, file $file, no RUNPATH"

# no build or source directory in any installed file (reproducible builds)
if grep -rlF -e "$tmp/build" -e "$src" "$root" >"$tmp/leaks.txt"; then
	cat "$tmp/leaks.txt"
	fail "installed files name the build or source directory"
fi

# documentation, schema, samples, man pages, completion where bash-completion and zsh look
doc=$root/usr/share/doc/galley
for f in pipeline.md json-format.md writing-plugins.md running.md scaling.md article.schema.json samples/pipelines/news-to-epub.galley \
	samples/html samples/plugins/word-count/word_count.c; do
	[ -e "$doc/$f" ] || fail "$doc/$f not installed"
done
[ ! -e "$doc/meson.build" ] && [ ! -e "$doc/man" ] || fail "build files installed with the docs"
man=$root/usr/share/man
for page in man1/galley.1 man5/galley-pipeline.5 man7/galley-plugins.7; do
	[ -s "$man/$page" ] || fail "$page not installed"
	MANWIDTH=80 man --warnings -l "$man/$page" >"$tmp/page.txt" 2>"$tmp/man-warnings.txt" || fail "man -l $page failed"
	[ ! -s "$tmp/man-warnings.txt" ] || { cat "$tmp/man-warnings.txt"; fail "man warns on $page"; }
	echo "$page: $(wc -l <"$tmp/page.txt") lines, no warnings"
done
# galley(1) documents every option galley --help lists; galley-plugins(7) every bundled option
export LD_LIBRARY_PATH=$libdir GALLEY_PLUGIN_PATH=$libdir/galley/plugins GALLEY_DATA_PATH=$root/usr/share/galley
MANWIDTH=80 man -l "$man/man1/galley.1" >"$tmp/galley1.txt" 2>/dev/null
for o in $("$bin" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u) $("$bin" help run | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
	grep -qF -- "$o" "$tmp/galley1.txt" || fail "galley(1) does not document $o (add it to docs/man/galley.1.scd)"
done
MANWIDTH=80 man -l "$man/man7/galley-plugins.7" >"$tmp/plugins7.txt" 2>/dev/null
for so in "$libdir"/galley/plugins/*.so; do
	name=$(basename "$so" .so)
	grep -q "^   $name\$" "$tmp/plugins7.txt" || fail "galley-plugins(7) has no section for $name"
	while IFS=$'\t' read -r opt _; do
		grep -qF "$opt=" "$tmp/plugins7.txt" || fail "galley-plugins(7) does not document $name's $opt"
	done < <("$bin" inspect --format=tsv "$name")
done
[ -f "$root/usr/share/zsh/site-functions/_galley" ] || fail "zsh completion not installed"
comp=$root/usr/share/bash-completion/completions/galley
[ -f "$comp" ] || fail "bash completion not installed"
# a scripted bash completes a command, a plugin name in an -e chain, its option, an enum value, a
# global option, and our out-of-tree plugin's option (from galley inspect)
cat >"$tmp/complete.bash" <<'EOS'
[ -f /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
. "$COMP_FILE"
complete -p galley
try() { # try WORD... : complete the last word, print the candidates on one line
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
	COMPREPLY=(); _galley; echo "${COMPREPLY[*]}"
}
try galley ru
try "$GALLEY" run -e "read-h"
try "$GALLEY" run -e "'read-html inp"
try "$GALLEY" run -e "read-text input=x ! write-json output=- text_f"
try "$GALLEY" run -e "read-text input=x ! write-json text_format=m"
try "$GALLEY" --plu
try "$GALLEY" run --fail
try "$GALLEY" --plugin-dir "$PLUGIN" run -e "read-text input=x ! word-count min_"
try "$GALLEY" --plugin-dir "$PLUGIN" inspect word-
EOS
COMP_FILE=$comp GALLEY=$bin PLUGIN=$tmp/plugin bash "$tmp/complete.bash" >"$tmp/completions.txt" 2>&1
cat "$tmp/completions.txt"
mapfile -t got <"$tmp/completions.txt"
[[ ${got[0]} == "complete -F _galley galley" ]] || fail "complete -p galley: ${got[0]}"
[[ ${got[1]} == run ]] || fail "command: '${got[1]}'"
[[ ${got[2]} == read-html ]] || fail "plugin name in a chain: '${got[2]}'"
[[ ${got[3]} == "read-html input=" ]] || fail "plugin option in a chain: '${got[3]}'"
[[ ${got[4]} == "read-text input=x ! write-json output=- text_format=" ]] || fail "option after '!': '${got[4]}'"
[[ ${got[5]} == "read-text input=x ! write-json text_format=markdown" ]] || fail "enum value: '${got[5]}'"
[[ ${got[6]} == --plugin-dir= ]] || fail "global option: '${got[6]}'"
[[ ${got[7]} == --fail-fast ]] || fail "option after the command: '${got[7]}'"
[[ ${got[8]} == "read-text input=x ! word-count min_words=" ]] || fail "out-of-tree plugin's option: '${got[8]}'"
[[ ${got[9]} == word-count ]] || fail "out-of-tree plugin name: '${got[9]}'"
echo "ok: installed as a distribution would ship it"
