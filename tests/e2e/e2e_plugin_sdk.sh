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
