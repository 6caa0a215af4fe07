#!/usr/bin/env bash
# An article made bad on purpose (tests/data/proof/bad): a 160 × 90 px lead image across the page, no
# alt text, a character no bundled font has (東京), and a widow forced with a layout that allows them.
# Each problem must be reported with its place, and --strict (indeed any run, for errors) exits non-zero.
# Usage: proof_bad_article.sh QUIRE SOURCE_DIR
set -uo pipefail
quire=$1; src=$2
command -v python3 >/dev/null || { echo "skip: python3 not installed" >&2; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1642377600
bad=$src/tests/data/proof/bad

"$quire" proof "$bad/article.xml" --layout "$bad/widows-allowed.xml" -o "$tmp/proof" --strict > "$tmp/out.txt" 2> "$tmp/err.txt"
rc=$?
cat "$tmp/out.txt"
[ "$rc" -ne 0 ] || { echo "FAIL: --strict exited 0 on a bad article" >&2; exit 1; }
[ -f "$tmp/proof/report.json" ] || { echo "FAIL: no report.json" >&2; cat "$tmp/err.txt" >&2; exit 1; }
python3 - "$tmp/proof/report.json" <<'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
def find(check, **place):
    hits = [f for f in r["findings"] if f["check"] == check and all(f["place"].get(k) == v for k, v in place.items())]
    assert hits, "no %s finding at %s; findings: %s" % (check, place, [(f["check"], f["place"]["text"]) for f in r["findings"]])
    return hits[0]
low = find("low-ppi", page=1)
assert low["severity"] == "error" and "23 ppi" in low["message"], low
find("missing-alt", page=1)
glyph = find("missing-glyph", page=2)
assert "U+6771" in glyph["message"], glyph
assert "line" in glyph["place"] and "column" in glyph["place"], glyph
widow = find("widow", page=2, column=1, line=1)
assert widow["severity"] == "warning", widow
print("ok:", low["place"]["text"], "|", glyph["place"]["text"], "|", widow["place"]["text"])
PY
# The same article without --strict still fails: a missing glyph and a 23 ppi image are errors.
"$quire" proof "$bad/article.xml" --layout "$bad/widows-allowed.xml" -o "$tmp/proof2" > /dev/null 2>&1 \
  && { echo "FAIL: errors did not fail the run" >&2; exit 1; }
exit 0
