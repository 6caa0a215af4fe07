#!/usr/bin/env bash
# The example's proof folder (issue 6, "Must show"): proof.pdf, one PNG per page, index.html showing
# every page, a report with no errors; then the same article proofed again with one word changed:
# `quire diff` names exactly the changed page(s) and the word; the same file twice: "no changes".
# Usage: proof_example.sh QUIRE SOURCE_DIR
set -euo pipefail
quire=$1; src=$2
article=$src/examples/article.xml
if [ ! -f "$article" ]; then echo "skip: $article not made yet (tools/make-example)" >&2; exit 77; fi
for tool in pdfinfo python3; do
  command -v $tool >/dev/null || { echo "skip: $tool not installed (poppler-utils, python3)" >&2; exit 77; }
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1642377600

"$quire" proof "$article" -o "$tmp/proof" --round 1 > "$tmp/out.txt" 2> "$tmp/findings.txt"
pages=$(pdfinfo "$tmp/proof/proof.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 1 ] || { echo "FAIL: proof.pdf has no pages" >&2; exit 1; }
[ "$(ls "$tmp/proof/pages"/*.png | wc -l)" -eq "$pages" ] || { echo "FAIL: not one PNG per page" >&2; exit 1; }
[ "$(ls "$tmp/proof/thumbs"/*.png | wc -l)" -eq "$pages" ] || { echo "FAIL: not one thumbnail per page" >&2; exit 1; }
[ "$(grep -o '<img src="thumbs/page-' "$tmp/proof/index.html" | wc -l)" -eq "$pages" ] \
  || { echo "FAIL: index.html does not show every page" >&2; exit 1; }
python3 - "$tmp/proof/report.json" "$pages" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["stats"]["pages"] == int(sys.argv[2]), r["stats"]
assert r["stats"]["words"] > 500, r["stats"]
errors = [f for f in r["findings"] if f["severity"] == "error"]
assert not errors, "errors in the example's report: %s" % errors
PY
# The stamp and line numbers are in the proof's text layer.
pdftotext -f 1 -l 1 "$tmp/proof/proof.pdf" - | grep -q "PROOF" || { echo "FAIL: no PROOF mark on p. 1" >&2; exit 1; }

# Round 2: one word changed in the body.
mkdir -p "$tmp/r2"; cp -r "$src/examples/." "$tmp/r2/"
python3 - "$tmp/r2/article.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
body = s.index("<body>")
m = re.compile(r"\bKazakhstan\b").search(s, body)
assert m, "no 'Kazakhstan' in the body"
open(p, "w", encoding="utf-8").write(s[:m.start()] + "Kyrgyzstan" + s[m.end():])
PY
# The stamp (round, source checksum) differs on every page, but it stands in the slug, which
# `quire diff` leaves out: only the word may show.
"$quire" proof "$tmp/r2/article.xml" -o "$tmp/proof2" --round 2 > /dev/null 2>&1
"$quire" diff "$tmp/proof/proof.pdf" "$tmp/proof2/proof.pdf" -o "$tmp/diff" > "$tmp/diff.txt"
cat "$tmp/diff.txt"
grep -q "“Kazakhstan[^ ]*” → “Kyrgyzstan[^ ]*”" "$tmp/diff.txt" || { echo "FAIL: the changed word is not named" >&2; exit 1; }
# Exactly the pages whose pixels changed are named; here the word sits in the first paragraph.
grep -q "^Changed pages: 1$" "$tmp/diff.txt" || { echo "FAIL: not exactly one changed page" >&2; exit 1; }
grep -qE "^  p. 1: [0-9]+ regions? changed" "$tmp/diff.txt" || { echo "FAIL: the changed page is not p. 1" >&2; exit 1; }
# The word is as wide as before within a few points: its line changes (the word, and maybe the
# spaces' or glyphs' justification further along it), no other line does.
python3 - "$tmp/diff/changes.json" <<'PY'
import json, sys
regions = json.load(open(sys.argv[1]))["changed_pages"][0]["regions_pt"]
tops = {round(r[1]) for r in regions}
assert len(tops) == 1 and all(r[3] <= 14 for r in regions), "changes beyond the word's line: %s" % regions
PY
ls "$tmp/diff"/page-*.png > /dev/null
"$quire" diff "$tmp/proof/proof.pdf" "$tmp/proof/proof.pdf" -o "$tmp/same" | grep -q "No changes." \
  || { echo "FAIL: the same file twice is not 'No changes.'" >&2; exit 1; }
echo "ok: $pages pages; diff names the word"
