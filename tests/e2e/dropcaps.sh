#!/usr/bin/env bash
# Drop caps end to end (issue 16): each fixture of tests/data/typography/dropcaps to a PDF whose text
# layer reads the opening as written (the initial's word whole, "I met" with its space, the quotation
# mark before the initial), and whose proof has no initial-overlap or initial-missing finding.
# Usage: dropcaps.sh QUIRE SOURCE_DIR. Exit 77 (skip) if pdftotext is missing.
set -u
QUIRE=$1
SRC=$2
command -v pdftotext >/dev/null || { echo "skip: pdftotext is not installed" >&2; exit 77; }
DATA="$SRC/tests/data/typography/dropcaps"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

text_of() {  # the first page's text, lines joined
  "$QUIRE" pdf --layout magazine "$DATA/$1.xml" -o "$WORK/$1.pdf" >/dev/null 2>&1 || { echo "FAIL: quire pdf $1" >&2; fail=1; return; }
  pdftotext -l 1 "$WORK/$1.pdf" - | tr '\n' ' '
}
check "i-met reads 'I met the mayor'" '[[ "$(text_of i-met)" == *"I met the mayor"* ]]'
check "quote reads the quotation mark before the initial" '[[ "$(text_of quote)" == *"“We were never asked,”"* ]]'
check "one-line reads its one line" '[[ "$(text_of one-line)" == *"“Russia will never leave.”"* ]]'
check "is-ethnic reads 'IS ETHNIC'" '[[ "$(text_of is-ethnic)" == *"IS ETHNIC identity"* ]]'
check "speaker reads 'NEE: You'" '[[ "$(text_of speaker)" == *"NEE: You have"* ]]'

if [ -x "$(dirname "$QUIRE")/quire-proof" ]; then
  for f in "$DATA"/*.xml; do
    n=$(basename "$f" .xml)
    "$QUIRE" proof --layout magazine "$f" -o "$WORK/proof-$n" --dpi 30 >/dev/null 2>&1
    check "$n: no initial finding in the proof" '[ -f "$WORK/proof-$n/report.txt" ] && ! grep -q "initial-" "$WORK/proof-$n/report.txt"'
  done
fi
exit $fail
