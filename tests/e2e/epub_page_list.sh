#!/usr/bin/env bash
# End-to-end (issue 12): the EPUB's print page-list comes from the real print pages. For each test
# article, `quire pdf` and `quire epub` are built; the EPUB has one page-break marker per PDF page
# that carries text, each listed in the page-list nav; after each marker the EPUB's text begins with
# the words that page begins with as pdftotext reads them (the running head and folio left aside; a
# page that begins inside a hyphenated word has its marker before the whole word). The opening page's
# marker stands before the section label and title.
# Usage: epub_page_list.sh /path/to/quire /path/to/source
set -euo pipefail
quire="$1"
src="$2"
for tool in pdftotext pdfinfo unzip python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skip: $tool is not installed" >&2; exit 77; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for article in "$src/examples/article.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/epub/interview.xml" \
               "$src/tests/data/print/langs/hy.xml" "$src/tests/data/print/langs/ka.xml" "$src/tests/data/print/langs/uk.xml"; do
  name="$(basename "$article" .xml)"
  "$quire" pdf "$article" -o "$work/$name.pdf" 2>/dev/null
  "$quire" epub "$article" -o "$work/$name.epub" 2>/dev/null
  mkdir -p "$work/$name"
  (cd "$work/$name" && unzip -q "../$name.epub")
  pages="$(pdfinfo "$work/$name.pdf" | awk '/^Pages:/ {print $2}')"
  for p in $(seq 1 "$pages"); do pdftotext -f "$p" -l "$p" "$work/$name.pdf" "$work/$name/page-$p.txt"; done
  if python3 - "$work/$name" "$pages" "$name" <<'PY'
import html, re, sys, glob
folder, pages, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
BLOCK = r'</?(p|h[1-6]|li|ol|ul|figure|figcaption|blockquote|section|div|header|main|article|aside|nav|br|img)\b[^>]*>'
def text(x):
    x = re.sub(BLOCK, ' ', x)
    x = re.sub(r'<[^>]+>', '', x)
    x = html.unescape(x).replace('\u00ad', '')
    return ' '.join(x.split())
def words(s): return s.split()
docs = sorted(glob.glob(folder + '/EPUB/*.xhtml'))
markers = {}
for d in docs:
    x = open(d, encoding='utf-8').read()
    body = x[x.index('<body'):]
    for m in re.finditer(r'<span epub:type="pagebreak" role="doc-pagebreak" id="([^"]+)" aria-label="([^"]+)"/>', body):
        markers[m.group(2)] = (d, m.group(1), text(body[m.end():]))
nav = open(folder + '/EPUB/nav.xhtml', encoding='utf-8').read()
listed = re.findall(r'<a href="([^"#]+)#(page-[^"]+)">([^<]+)</a>', nav[nav.index('epub:type="page-list"'):]) if 'page-list' in nav else []
bad = []
with_text = 0
for p in range(1, pages + 1):
    lines = [l.strip() for l in open(f'{folder}/page-{p}.txt', encoding='utf-8').read().split('\n') if l.strip()]
    if not lines: continue
    with_text += 1
    folio = str(p)
    if folio not in markers:
        bad.append(f'page {p}: no marker'); continue
    d, ident, after = markers[folio]
    if p == 1:
        if words(lines[0])[0].casefold() != words(after)[0].casefold():
            bad.append(f'page 1: marker not before the heading: {after[:60]!r} / {lines[0]!r}')
        continue
    # The running head ("MAGAZINE · SECTION") and a folio alone on a line are furniture.
    body = [l for l in lines if '·' not in l and not l.isdigit()]
    want = words(' '.join(body))[:5]
    got = words(after)[:5]
    ok = len(want) >= 1 and got[1:] == want[1:len(got)] and (got[0] == want[0] or got[0].endswith(want[0]))
    if not ok:
        bad.append(f'page {p}: after the marker {" ".join(got)!r}, the page begins {" ".join(want)!r}')
if len(listed) != len(markers) or any(f'{i}' != l[2] for i, l in zip(sorted(markers, key=int), listed)):
    bad.append(f'page-list nav lists {len(listed)} pages, {len(markers)} markers')
for href, ident, folio in listed:
    if f'id="{ident}"' not in open(folder + '/EPUB/' + href, encoding='utf-8').read():
        bad.append(f'page-list target {href}#{ident} does not exist')
if len(markers) != with_text:
    bad.append(f'{len(markers)} markers for {with_text} pages with text')
for b in bad: print(f'FAIL {name}: {b}')
if not bad: print(f'ok: {name}: {len(markers)} print pages, each marker at the words pdftotext reads first')
sys.exit(1 if bad else 0)
PY
  then :; else status=1; fi
done
exit $status
