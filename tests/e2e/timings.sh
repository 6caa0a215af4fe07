#!/usr/bin/env bash
# --timings and QUIRE_TIMINGS=1 (issue 17): quire pdf and quire epub print one line per stage to
# stderr ("  NAME  12.3 ms, 456 page faults"), nothing on stdout, and the same output bytes as without them; without
# either (or with QUIRE_TIMINGS=0) no stage line is printed.
# Usage: timings.sh QUIRE SOURCE_DIR.
set -u
QUIRE=$1
SRC=$2
ARTICLE="$SRC/tests/data/print/article.xml"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
stage() { grep -Eq "^  $1 +[0-9]+\.[0-9] ms, [0-9]+ page faults$" "$2"; }

"$QUIRE" pdf "$ARTICLE" -o "$WORK/plain.pdf" 2>"$WORK/plain.err" >"$WORK/plain.out" || { echo "FAIL: quire pdf" >&2; exit 1; }
"$QUIRE" pdf "$ARTICLE" -o "$WORK/timed.pdf" --timings 2>"$WORK/timed.err" >"$WORK/timed.out" || { echo "FAIL: quire pdf --timings" >&2; exit 1; }
for s in load layout pdf; do check "pdf --timings: a '$s' line" "stage $s '$WORK/timed.err'"; done
check "pdf --timings: nothing on stdout" "[ ! -s '$WORK/timed.out' ]"
check "pdf --timings: the same PDF" "cmp -s '$WORK/plain.pdf' '$WORK/timed.pdf'"
check "pdf without --timings: no stage line" "! stage layout '$WORK/plain.err'"

QUIRE_TIMINGS=1 "$QUIRE" epub "$ARTICLE" -o "$WORK/timed.epub" 2>"$WORK/epub.err" >/dev/null || { echo "FAIL: QUIRE_TIMINGS=1 quire epub" >&2; exit 1; }
QUIRE_TIMINGS=0 "$QUIRE" epub "$ARTICLE" -o "$WORK/plain.epub" 2>"$WORK/epub0.err" >/dev/null || { echo "FAIL: quire epub" >&2; exit 1; }
for s in load layout epub; do check "QUIRE_TIMINGS=1 epub: a '$s' line" "stage $s '$WORK/epub.err'"; done
check "QUIRE_TIMINGS=0 epub: no stage line" "! stage epub '$WORK/epub0.err'"
check "QUIRE_TIMINGS: the same EPUB" "cmp -s '$WORK/plain.epub' '$WORK/timed.epub'"
exit $fail
