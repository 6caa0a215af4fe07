#!/usr/bin/env bash
# What `quire` loads at start (issue 17): built with the static archives (QUIRE_STATIC_DEPS, the
# default), it needs neither libzip nor libcrypto (libzip's, 3.5 ms of every start): libzip is opened
# on demand (src/ziplazy), and the commands that read or write ZIPs still work. Skipped in builds
# that link the shared libraries (the sanitizers').
# Usage: startup_libraries.sh QUIRE SOURCE_DIR.
set -u
QUIRE=$1
SRC=$2
if [ "${QUIRE_STATIC_DEPS:-0}" != "1" ]; then echo "skipped: quire links the shared libraries here"; exit 77; fi
command -v readelf >/dev/null || { echo "skipped: readelf missing"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

readelf -d "$QUIRE" | grep NEEDED >"$WORK/needed"
check "quire has dynamic dependencies listed" "[ -s '$WORK/needed' ]"
check "quire does not need libzip at start" "! grep -q 'libzip' '$WORK/needed'"
# libcrypto came only through libzip: ldd lists what the loader would load, transitively.
check "quire does not load libcrypto at start" "! ldd '$QUIRE' | grep -q 'libcrypto'"

ARTICLE="$SRC/tests/data/print/article.xml"
check "quire pdf runs" "'$QUIRE' pdf '$ARTICLE' -o '$WORK/a.pdf' 2>/dev/null"
check "quire epub writes a ZIP through the libzip opened on demand" \
      "'$QUIRE' epub '$ARTICLE' -o '$WORK/a.epub' 2>/dev/null && unzip -tq '$WORK/a.epub' >/dev/null"
check "the EPUB's first entry is its stored mimetype" "[ \"\$(unzip -Z1 '$WORK/a.epub' | head -1)\" = mimetype ]"
exit $fail
