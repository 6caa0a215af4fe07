#!/usr/bin/env bash
# The print issue (issue 11, "Must show"), checked with independent readers on examples/issue/:
# page count a multiple of 4; every contents entry's page number is the page on which pdftotext finds
# that title; folios consecutive on article pages; TrimBox and BleedBox on every page; the cover's
# barcode decoded by zbarimg from 300 dpi (EAN-13 977… and the add-on); all fonts embedded (pdffonts);
# qpdf --check clean; same bytes twice; pages.json as its golden copy (QUIRE_UPDATE_GOLDEN=1 rewrites);
# bad manifests (missing article, ad of the wrong size, duplicate article, unknown place, empty
# section): each a file:line:col error, exit 1, and nothing written. Ads pixel for pixel:
# tests/unit/cli/issue_ads_test.cpp.
# Usage: issue_example.sh QUIRE SOURCE_DIR. Exit 77 (skip) if a checker is missing.
set -u
QUIRE=$1
SRC=$2
for tool in pdftotext pdfinfo pdffonts pdftoppm zbarimg qpdf python3 unzip; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed" >&2; exit 77; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
export SOURCE_DATE_EPOCH=1676419200

OUT="$WORK/out"
"$QUIRE" issue "$SRC/examples/issue/issue.xml" -o "$OUT" >"$WORK/report" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
cat "$WORK/report"
pdf="$OUT/issue.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
check "at least 48 pages ($pages)" "[ '$pages' -ge 48 ]"
check "page count $pages is a multiple of 4" "[ \$(( $pages % 4 )) -eq 0 ]"
check "the report says which pages were added" "grep -q 'added' '$WORK/report'"
check "qpdf --check is clean" "qpdf --check '$pdf' >/dev/null 2>&1"
boxes=$(pdfinfo -box -f 1 -l "$pages" "$pdf")
check "TrimBox on every page" "[ \$(grep -c 'TrimBox' <<<\"\$boxes\") -eq $pages ]"
check "BleedBox on every page" "[ \$(grep -c 'BleedBox' <<<\"\$boxes\") -eq $pages ]"
check "every font embedded (pdffonts)" "pdffonts '$pdf' | awk 'NR > 2 && \$(NF-4) != \"yes\" { bad = 1 } END { exit bad }'"
check "each article's PDF written" "[ \$(ls '$OUT'/articles/*.pdf | wc -l) -eq \$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))[\"articles\"]))' '$OUT/pages.json') ]"
check "spreads: the cover alone, then pairs, and the contact sheet" \
  "[ -f '$OUT/spreads/spread-001.png' ] && [ -f '$OUT/spreads/spread-002-003.png' ] && grep -q 'spread-002-003.png' '$OUT/spreads/spreads.html'"
check "the issue EPUB" "[ -s '$OUT/issue.epub' ]"

# Contents and folios, read back from the PDF by pdftotext.
# The contents in -layout mode (title, leaders and number on one line); every page also as running text.
for ((p = 1; p <= pages; p++)); do
  pdftotext -f "$p" -l "$p" "$pdf" "$WORK/page-$p.txt"
  pdftotext -layout -f "$p" -l "$p" "$pdf" "$WORK/layout-$p.txt"
done
python3 - "$OUT/pages.json" "$WORK" "$pages" > "$WORK/contents-check" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1])); work = sys.argv[2]; n = int(sys.argv[3])
flat = lambda s: re.sub(r'\s+', ' ', s.replace('\u00ad', '')).strip()
text = {p: flat(open(f'{work}/page-{p}.txt', encoding='utf-8').read()) for p in range(1, n + 1)}
kinds = {e['page']: e['kind'] for e in m['pages']}
contents = ' '.join(flat(open(f'{work}/layout-{p}.txt', encoding='utf-8').read()) for p in range(1, n + 1) if kinds[p] == 'contents')
bad = 0
for a in m['articles']:
    title = flat(a['title'])
    i = contents.find(title)
    if i < 0:
        print(f"FAIL: '{title}' is not in the contents"); bad = 1; continue
    # The page number after the title: leaders are dots and spaces, then the authors' line may come first.
    after = re.match(r'[ .]*(\d+)', contents[i + len(title):])
    listed = int(after.group(1)) if after else None
    found = next((p for p in range(1, n + 1) if kinds[p] == 'article' and title in text[p]), None)
    if listed is None or listed != found or found != a['first_page']:
        print(f"FAIL: '{title}': contents says {listed}, pdftotext finds it on {found}, pages.json {a['first_page']}"); bad = 1
    else:
        print(f"ok: '{title[:40]}' on page {found}")
# Folios: every article page but an opening (the layout sets openings without a folio, as magazines
# do) carries its own position as a line of its own.
openings = {a['first_page'] for a in m['articles']}
for p in range(1, n + 1):
    if kinds[p] != 'article' or p in openings: continue
    lines = [l.strip() for l in open(f'{work}/page-{p}.txt', encoding='utf-8').read().split('\n')]
    if str(p) not in lines:
        print(f"FAIL: page {p} has no folio {p}"); bad = 1
sys.exit(bad)
PY
status=$?
cat "$WORK/contents-check"
check "contents page numbers = pages where pdftotext finds the titles; folios consecutive" "[ $status -eq 0 ]"

# The barcode: EAN-13 from the profile's print ISSN, the add-on from the issue's sequence.
issn=$(sed -n 's:.*<issn media="print">\([0-9X-]*\)</issn>.*:\1:p' "$SRC/examples/issue/publication.xml")
sequence=$(sed -n 's:.*sequence="\([0-9]*\)".*:\1:p' "$SRC/examples/issue/issue.xml" | head -1)
expected=$(python3 -c '
import sys
issn = sys.argv[1].replace("-", ""); body = "977" + issn[:7] + "00"
check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
print(body + str(check))' "$issn")
pdftoppm -r 300 -f 1 -l 1 -png "$pdf" "$WORK/cover"
decoded=$(zbarimg -q --raw -Sdisable -Sean13.enable -Sean2.enable "$WORK"/cover*.png 2>/dev/null | tr '\n' ' ')
echo "barcode: expected $expected + ${sequence: -2}, zbarimg read: $decoded"
check "zbarimg reads the EAN-13 ($expected)" "grep -q '$expected' <<<'$decoded'"
check "zbarimg reads the add-on (${sequence: -2})" "grep -qw '${sequence: -2}' <<<'$decoded'"

# The issue EPUB: valid, and its page-list is the print issue's article pages (pages.json).
if command -v java >/dev/null && [ -f /usr/share/java/epubcheck.jar ]; then
  java -jar /usr/share/java/epubcheck.jar "$OUT/issue.epub" >"$WORK/epubcheck" 2>&1
  check "epubcheck: issue.epub has no errors or warnings" "grep -q 'No errors or warnings detected' '$WORK/epubcheck'"
fi
python3 - "$OUT/issue.epub" "$OUT/pages.json" <<'PY'
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1]); m = json.load(open(sys.argv[2]))
nav = next(n for n in z.namelist() if n.endswith('nav.xhtml'))
html = z.read(nav).decode()
page_list = html[html.index('epub:type="page-list"'):]
listed = [int(x) for x in re.findall(r'>(\d+)</a>', page_list)]
expected = [p['page'] for p in m['pages'] if p['kind'] == 'article']
print('page-list:', len(listed), 'entries; article pages in pages.json:', len(expected))
sys.exit(0 if listed == expected else 1)
PY
check "the EPUB's page-list is the issue's article pages, in order" "[ $? -eq 0 ]"
# After each page-break marker the EPUB's text begins with the words pdftotext reads first on that page
# of issue.pdf (running head and folio aside; an opening's marker stands before its section label).
mkdir -p "$WORK/epub" && (cd "$WORK/epub" && unzip -q "$OUT/issue.epub")
python3 - "$WORK" "$OUT/pages.json" <<'PY'
import glob, html, json, re, sys
work, m = sys.argv[1], json.load(open(sys.argv[2]))
BLOCK = r'</?(p|h[1-6]|li|ol|ul|figure|figcaption|blockquote|section|div|header|main|article|aside|nav|br|img)\b[^>]*>'
def text(x):
    x = re.sub(BLOCK, ' ', x); x = re.sub(r'<[^>]+>', '', x)
    return ' '.join(html.unescape(x).replace('\u00ad', '').split())
markers = {}
for d in sorted(glob.glob(work + '/epub/EPUB/*.xhtml')):
    x = open(d, encoding='utf-8').read(); body = x[x.index('<body'):]
    for mk in re.finditer(r'<span epub:type="pagebreak" role="doc-pagebreak" id="([^"]+)" aria-label="([^"]+)"/>', body):
        markers[mk.group(2)] = text(body[mk.end():])
openings = {a['first_page'] for a in m['articles']}
bad = []; checked = 0
for page in m['pages']:
    if page['kind'] != 'article': continue
    p = page['page']
    lines = [l.strip() for l in open(f'{work}/page-{p}.txt', encoding='utf-8').read().split('\n') if l.strip()]
    if str(p) not in markers: bad.append(f'page {p}: no marker'); continue
    after = markers[str(p)].split()
    body = [l for l in lines if '·' not in l and not l.isdigit()]
    want = ' '.join(body).split()
    if p in openings:
        ok = bool(want) and bool(after) and want[0].casefold() == after[0].casefold()
    else:
        got = after[:5]
        ok = len(want) >= 1 and got[1:] == want[1:len(got)] and (got[0] == want[0] or got[0].endswith(want[0]))
    if not ok: bad.append(f'page {p}: after the marker {" ".join(after[:5])!r}, the page begins {" ".join(want[:5])!r}')
    checked += 1
for b in bad: print('FAIL:', b)
print(f'{checked} article pages: marker text = pdftotext first words on {checked - len(bad)}')
sys.exit(1 if bad else 0)
PY
check "every page-break marker of issue.epub stands at the words pdftotext reads first on that page of issue.pdf" "[ $? -eq 0 ]"

# The page map as committed (reviewable in a diff).
golden="$SRC/tests/golden/issue/pages.json"
if [ "${QUIRE_UPDATE_GOLDEN:-0}" = 1 ]; then mkdir -p "$(dirname "$golden")"; cp "$OUT/pages.json" "$golden"; fi
check "pages.json equals tests/golden/issue/pages.json" "cmp -s '$OUT/pages.json' '$golden'"

# Same input, same bytes.
"$QUIRE" issue "$SRC/examples/issue/issue.xml" -o "$WORK/again" >/dev/null 2>&1
for f in issue.pdf pages.json issue.epub spreads/spread-002-003.png articles/$(ls "$OUT/articles" | head -1); do
  check "reproducible: $f" "cmp -s '$OUT/$f' '$WORK/again/$f'"
done

# --no-spreads: the same issue.pdf, EPUB and page map, no spreads/ folder.
"$QUIRE" issue "$SRC/examples/issue/issue.xml" -o "$WORK/no-spreads" --no-spreads >/dev/null 2>&1
check "--no-spreads: no spreads/" "[ ! -e '$WORK/no-spreads/spreads' ]"
for f in issue.pdf pages.json issue.epub; do
  check "--no-spreads: the same $f" "cmp -s '$OUT/$f' '$WORK/no-spreads/$f'"
done

# Bad manifests: a copy of the example with one fault each.
bad_case() {  # name, python edit of issue.xml, expected message
  local name=$1 edit=$2 message=$3
  local dir="$WORK/bad-$name"
  cp -r "$SRC/examples/issue" "$dir"
  python3 -c "
import sys; p = sys.argv[1]; s = open(p, encoding='utf-8').read()
$edit
open(p, 'w', encoding='utf-8').write(s)" "$dir/issue.xml"
  "$QUIRE" issue "$dir/issue.xml" -o "$dir/out" --no-epub >/dev/null 2>"$dir/err"
  local rc=$?
  check "bad manifest ($name): exit 1" "[ $rc -eq 1 ]"
  check "bad manifest ($name): a file:line:col error saying '$message'" "grep -Eq '(issue|publication)\.xml:[0-9]+:[0-9]+: error: .*$message' '$dir/err'"
  check "bad manifest ($name): nothing written" "[ ! -e '$dir/out' ] && [ -z \"\$(ls -a '$dir' | grep '^\.out')\" ]"
  [ $rc -eq 1 ] || cat "$dir/err" >&2
}
bad_case missing-article "s = s.replace('articles/georgia.xml', 'articles/no-such.xml')" 'not found'
bad_case duplicate-article "s = s.replace('articles/armenia.xml\"/>', 'articles/armenia.xml\"/>\n    <article src=\"articles/armenia.xml\"/>')" 'appears twice'
bad_case unknown-place "s = s.replace('place=\"back-cover\"', 'place=\"back-door\"')" 'unknown ad place'
bad_case empty-section "s = s.replace('<section title=\"Interviews\">', '<section title=\"Empty\"/>\n  <section title=\"Interviews\">')" 'is empty'
bad_case leaves-folder "s = s.replace('articles/moldova.xml', '../../etc/passwd')" 'leaves'
# An ad of the wrong size: the inside-front ad's boxes shrunk by 10 pt (qpdf rewrites the file).
wrong="$WORK/bad-wrong-size"
cp -r "$SRC/examples/issue" "$wrong"
qpdf --qdf --object-streams=disable "$SRC/examples/issue/ads/inside-front.pdf" "$WORK/qdf.pdf"
python3 - "$WORK/qdf.pdf" "$wrong/ads/inside-front.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
def shrink(m):
    x0, y0, x1, y1 = (float(v) for v in m.group(2).split())
    return m.group(1) + f'[ {x0} {y0} {x1 - 10} {y1} ]'.encode()
data = re.sub(rb'(/(?:MediaBox|TrimBox|BleedBox|CropBox|ArtBox)\s*)\[\s*([0-9.\s]+?)\s*\]', shrink, data)
open(sys.argv[2], 'wb').write(data)
PY
"$QUIRE" issue "$wrong/issue.xml" -o "$wrong/out" --no-epub >/dev/null 2>"$wrong/err"
rc=$?
check "ad of the wrong size: exit 1" "[ $rc -eq 1 ]"
check "ad of the wrong size: issue.xml:line:col names the file and both sizes" \
  "grep -Eq 'issue\.xml:[0-9]+:[0-9]+: error: inside-front\.pdf has a trim of [0-9.]+ × [0-9.]+ mm; the issue.s trim is [0-9.]+ × [0-9.]+ mm' '$wrong/err'"
check "ad of the wrong size: nothing written" "[ ! -e '$wrong/out' ]"
[ $rc -eq 1 ] || cat "$wrong/err" >&2
# quire check promises what quire issue does: the same error.
"$QUIRE" check "$wrong/issue.xml" >/dev/null 2>"$wrong/check-err"
check "quire check issue.xml reports the wrong ad size too" "grep -q 'inside-front.pdf has a trim of' '$wrong/check-err'"
"$QUIRE" check "$SRC/examples/issue/issue.xml" >"$WORK/check-ok" 2>"$WORK/check-err"
check "quire check on the example issue: no errors" "! grep -q 'error' '$WORK/check-err'"

exit $fail
