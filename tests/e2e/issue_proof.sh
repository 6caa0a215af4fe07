#!/usr/bin/env bash
# Proof and diff of a whole issue (issue 11: "`quire proof issue.xml` and `quire diff` work on the
# whole issue, report per page, per article"), on a copy of examples/issue/:
#   quire proof issue.xml: proof.pdf has as many pages as issue.pdf, line numbers and the stamp on an
#   article page (pdftotext), report.txt/json/index.html list the findings under each article's title;
#   a bad manifest: a file:line:col error, exit 1, no proof folder written.
#   quire diff old/issue.pdf new/issue.pdf after one word of one article changed: the changed page and
#   that article (title, id, section) are named, per page and in the per-article summary, no other
#   article is; --pages given explicitly says the same.
# Usage: issue_proof.sh QUIRE SOURCE_DIR. Exit 77 (skip) if a checker is missing.
set -u
QUIRE=$1
SRC=$2
for tool in pdfinfo pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed" >&2; exit 77; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
export SOURCE_DATE_EPOCH=1676419200

cp -r "$SRC/examples/issue" "$WORK/iss"
"$QUIRE" issue "$WORK/iss/issue.xml" -o "$WORK/old" --no-epub >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }

# --- the proof of the whole issue -------------------------------------------------------------
# Exit 1 is expected: the example's ads are RGB (preflight errors); what matters is the folder.
"$QUIRE" proof "$WORK/iss/issue.xml" -o "$WORK/proof" >"$WORK/proof-out" 2>"$WORK/proof-err"
rc=$?
check "quire proof issue.xml ran (exit $rc: 0, or 1 for the preflight errors)" "[ $rc -le 1 ] && [ -f '$WORK/proof/proof.pdf' ]"
issue_pages=$(pdfinfo "$WORK/old/issue.pdf" | awk '/^Pages:/ {print $2}')
proof_pages=$(pdfinfo "$WORK/proof/proof.pdf" | awk '/^Pages:/ {print $2}')
check "proof.pdf has as many pages as issue.pdf ($proof_pages = $issue_pages)" "[ '$proof_pages' = '$issue_pages' ]"
check "a page image per page" "[ \$(ls '$WORK/proof/pages'/page-*.png | wc -l) -eq $issue_pages ]"
check "the command names the folder and the page count" "grep -q 'index.html: $issue_pages pages' '$WORK/proof-out'"
# An article page of the proof: the PROOF mark, the stamp with p. N/M and line numbers 1..5 in the margin.
first=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["articles"][0]["first_page"])' "$WORK/old/pages.json")
pdftotext -f "$first" -l "$first" -layout "$WORK/proof/proof.pdf" "$WORK/page.txt"
check "proof page $first carries the PROOF mark and the stamp p. $first/$issue_pages" \
  "grep -q 'PROOF' '$WORK/page.txt' && grep -q 'p\. $first/$issue_pages' '$WORK/page.txt'"
check "proof page $first carries line numbers" "[ \$(grep -Ec '^ *[0-9]+ ' '$WORK/page.txt') -ge 10 ]"
# Every article is a part of the report, under its title, with its findings (as pages.json places it).
python3 - "$WORK/proof/report.json" "$WORK/old/pages.json" "$WORK/proof/report.txt" "$WORK/proof/index.html" >"$WORK/parts.log" 2>&1 <<'PY'
import json, sys, html
report = json.load(open(sys.argv[1])); pages = json.load(open(sys.argv[2]))
text = open(sys.argv[3]).read(); sheet = open(sys.argv[4]).read()
parts = {p["id"]: p for p in report["parts"] if p["kind"] == "article"}
bad = 0
for a in pages["articles"]:
    p = parts.get(a["id"])
    if not p or p["title"] != a["title"] or (p["first_page"], p["last_page"]) != (a["first_page"], a["last_page"]):
        print("article not a part of the report:", a["id"]); bad = 1; continue
    heading = f'{a["title"]} ({a["id"]})'
    if heading not in text: print("report.txt lacks the heading", heading); bad = 1
    if heading not in sheet and html.escape(heading, quote=False) not in sheet:
        print("index.html lacks the heading", heading); bad = 1
    for k in p["findings"]:
        f = report["findings"][k]
        if not (a["first_page"] <= f["place"]["page"] <= a["last_page"]) or f.get("article", {}).get("id") != a["id"]:
            print("finding", k, "grouped under the wrong article", a["id"]); bad = 1
# Findings on article pages must all be in their article's group.
placed = sum(len(p["findings"]) for p in parts.values())
on_articles = sum(1 for f in report["findings"] if "article" in f)
if placed != on_articles or placed == 0: print("grouped", placed, "of", on_articles, "article findings"); bad = 1
# report.txt lists a finding line under its article's heading.
lines = text.splitlines()
a = pages["articles"][0]
i = next((n for n, l in enumerate(lines) if f'({a["id"]})' in l), None)
if i is None or not lines[i + 1].lstrip().startswith(("p. ", "No findings")): print("report.txt: nothing under", a["id"]); bad = 1
sys.exit(bad)
PY
parts_rc=$?
check "report.json, report.txt and index.html group the findings under every article's title" "[ $parts_rc -eq 0 ]"
cat "$WORK/parts.log"
check "index.html has a heading row per article" "[ \$(grep -c 'class=\"group\"' '$WORK/proof/index.html') -gt \$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[\"articles\"]))' '$WORK/old/pages.json') ]"

# A bad manifest: an error with its place, exit 1, nothing written.
cp -r "$WORK/iss" "$WORK/bad"
python3 -c 'import sys; p = sys.argv[1]; s = open(p).read(); open(p, "w").write(s.replace("articles/georgia.xml", "articles/no-such.xml"))' "$WORK/bad/issue.xml"
"$QUIRE" proof "$WORK/bad/issue.xml" -o "$WORK/bad/proof" >/dev/null 2>"$WORK/bad/err"
rc=$?
check "bad manifest: exit 1" "[ $rc -eq 1 ]"
check "bad manifest: a file:line:col error" "grep -Eq 'issue\.xml:[0-9]+:[0-9]+: error: .*not found' '$WORK/bad/err'"
check "bad manifest: no proof folder written" "[ ! -e '$WORK/bad/proof' ] && [ -z \"\$(ls -a '$WORK/bad' | grep '^\.proof')\" ]"

# --- the diff of two builds, one word of one article changed --------------------------------------
python3 - "$WORK/iss/articles/moldova.xml" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
assert "Moldovans opened their homes" in s
open(p, "w").write(s.replace("Moldovans opened their homes", "Moldovans opened their doors", 1))
PY
"$QUIRE" issue "$WORK/iss/issue.xml" -o "$WORK/new" --no-epub >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
"$QUIRE" diff "$WORK/old/issue.pdf" "$WORK/new/issue.pdf" -o "$WORK/diff" >"$WORK/diff-out" 2>&1
cat "$WORK/diff/changes.txt"
# Where the word is in the new issue, by an independent reader: the page pdftotext finds it on.
word_page=""
for ((p = 1; p <= issue_pages; p++)); do
  if pdftotext -f $p -l $p "$WORK/new/issue.pdf" - | tr '\n' ' ' | grep -q 'opened their doors'; then word_page=$p; break; fi
done
check "pdftotext finds the changed word in new/issue.pdf (p. $word_page)" "[ -n '$word_page' ]"
title=$(python3 -c 'import json,sys; print([a["title"] for a in json.load(open(sys.argv[1]))["articles"] if a["id"].startswith("moldova")][0])' "$WORK/new/pages.json")
check "changes.txt: p. $word_page changed, naming the article '$title'" \
  "grep -F '  p. $word_page: ' '$WORK/diff/changes.txt' | grep -qF \"$title\""
check "changes.txt: the per-article summary names only that article" \
  "grep -q 'Articles changed: 1 of' '$WORK/diff/changes.txt' && grep -A1 'Articles changed' '$WORK/diff/changes.txt' | grep -qF \"$title\""
check "changes.txt: the word edit homes → doors, with its article" "grep -F 'homes' '$WORK/diff/changes.txt' | grep -F 'doors' | grep -qF \"$title\""
python3 - "$WORK/diff/changes.json" "$word_page" >"$WORK/diff.log" 2>&1 <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); page = int(sys.argv[2])
changed = j["articles_changed"]
ok = len(changed) == 1 and changed[0]["id"].startswith("moldova") and page in changed[0]["changed_pages"] \
     and changed[0]["section"] and j["other_pages_changed"] == [] \
     and all(p.get("article", {}).get("id") == changed[0]["id"] for p in j["changed_pages"])
print(json.dumps(changed)); sys.exit(0 if ok else 1)
PY
json_rc=$?
check "changes.json: articles_changed is that article alone, with page $word_page and its section" "[ $json_rc -eq 0 ]"
cat "$WORK/diff.log"
"$QUIRE" diff "$WORK/old/issue.pdf" "$WORK/new/issue.pdf" --pages "$WORK/new/pages.json" -o "$WORK/diff2" >/dev/null 2>&1
check "--pages given explicitly: the same report" "cmp -s '$WORK/diff/changes.txt' '$WORK/diff2/changes.txt'"
cp "$WORK/new/issue.pdf" "$WORK/renamed.pdf"
"$QUIRE" diff "$WORK/old/issue.pdf" "$WORK/renamed.pdf" -o "$WORK/diff3" >/dev/null 2>&1
check "without a page map: no article named" "! grep -qF \"$title\" '$WORK/diff3/changes.txt' && grep -q '  p. $word_page: ' '$WORK/diff3/changes.txt'"
"$QUIRE" diff "$WORK/old/issue.pdf" "$WORK/new/issue.pdf" --pages "$WORK/new/issue.pdf" -o "$WORK/diff4" >/dev/null 2>"$WORK/err4"
rc4=$?
check "--pages that is not a page map: an error naming the file, exit 1" "[ $rc4 -eq 1 ] && grep -q 'issue\.pdf: error: not a page map' '$WORK/err4'"
check "--pages that is not a page map: no diff folder written" "[ ! -e '$WORK/diff4' ]"
python3 -c 'import json,sys; j = json.load(open(sys.argv[1])); j["pages"] = j["pages"][:-4]; json.dump(j, open(sys.argv[2], "w"))' \
  "$WORK/new/pages.json" "$WORK/short.json"
"$QUIRE" diff "$WORK/old/issue.pdf" "$WORK/new/issue.pdf" --pages "$WORK/short.json" -o "$WORK/diff5" >/dev/null 2>"$WORK/err5"
rc5=$?
check "--pages of another issue (page counts differ): an error, exit 1" "[ $rc5 -eq 1 ] && grep -q 'not its page map' '$WORK/err5'"
exit $fail
