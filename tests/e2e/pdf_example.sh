#!/usr/bin/env bash
# quire pdf end to end (issue 5, "Must show"): the example article to the magazine PDF, checked with
# Poppler's tools and qpdf: fonts embedded, TrimBox/BleedBox on every page, qpdf --check clean, the
# article's words back from pdftotext in order (>= 99%) with no web clutter, no overfull line, no widow
# or orphan, identical bytes on two runs, page images close to the committed references; then other
# languages, an article without photo or standfirst, a long article, and bad input.
# Usage: pdf_example.sh QUIRE SOURCE_DIR. Exit 77 (skip) if a checker is missing.
set -u
QUIRE=$1
SRC=$2
for tool in pdffonts pdfinfo pdftotext pdftoppm qpdf python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed" >&2; exit 77; }
done
DATA="$SRC/tests/data/print"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

# The example: the bundled one when it exists, and the test copy with its photo.
ARTICLES=("$DATA/article.xml")
[ -f "$SRC/examples/article.xml" ] && ARTICLES+=("$SRC/examples/article.xml")
n=0
for article in "${ARTICLES[@]}"; do
  n=$((n + 1))
  pdf="$WORK/example$n.pdf"
  SOURCE_DATE_EPOCH=1642377600 "$QUIRE" pdf "$article" -o "$pdf" 2>"$WORK/err$n" || { echo "FAIL: quire pdf $article" >&2; cat "$WORK/err$n" >&2; fail=1; continue; }
  SOURCE_DATE_EPOCH=1642377600 "$QUIRE" pdf "$article" -o "$WORK/again$n.pdf" 2>/dev/null
  check "$article: two runs give identical bytes" "cmp -s '$pdf' '$WORK/again$n.pdf'"
  check "$article: no warnings (missing glyphs, …)" "! grep -v 'no <output-intent>' '$WORK/err$n' | grep -qi 'warning\|error'"
  check "$article: qpdf --check is clean" "qpdf --check '$pdf' >/dev/null 2>&1"
  check "$article: every font embedded" "pdffonts '$pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") bad=1 } END { exit bad }'"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  check "$article: 2 to 6 pages ($pages)" "[ '$pages' -ge 2 ] && [ '$pages' -le 6 ]"
  # TrimBox 170 x 240 mm, BleedBox 3 mm beyond on each side, both inside the MediaBox, on every page.
  pdfinfo -f 1 -l "$pages" -box "$pdf" > "$WORK/boxes$n"
  check "$article: TrimBox and BleedBox on every page" "python3 - '$WORK/boxes$n' '$pages' <<'PY'
import re, sys
text = open(sys.argv[1]).read(); pages = int(sys.argv[2])
mm = 72 / 25.4
boxes = {}
for m in re.finditer(r'Page\s+(\d+)\s+(\w+):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)', text):
    boxes.setdefault(int(m.group(1)), {})[m.group(2)] = [float(m.group(i)) for i in range(3, 7)]
assert len(boxes) == pages, boxes.keys()
for p, b in boxes.items():
    t, bl, me = b['TrimBox'], b['BleedBox'], b['MediaBox']
    assert abs((t[2] - t[0]) - 170 * mm) < 0.1 and abs((t[3] - t[1]) - 240 * mm) < 0.1, (p, t)
    for i in range(2): assert abs((t[i] - bl[i]) - 3 * mm) < 0.1 and abs((bl[i + 2] - t[i + 2]) - 3 * mm) < 0.1, (p, bl)
    assert me[0] <= bl[0] and me[1] <= bl[1] and me[2] >= bl[2] and me[3] >= bl[3], (p, me)
PY"
  # The article's words, in order: title, standfirst, body, bio, notice (from the XML), against pdftotext.
  pdftotext "$pdf" "$WORK/text$n.txt"
  check "$article: >= 99% of the article's words in order, no web clutter" "python3 - '$article' '$WORK/text$n.txt' <<'PY'
import difflib, re, sys, os
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1]); root = tree.getroot()
def text(e): return ' '.join(''.join(e.itertext()).split()) if e is not None else ''
parts = [text(root.find('meta/title')), text(root.find('meta/standfirst'))]
for b in root.find('body'): parts.append(text(b))
bios = {a.get('id'): text(a.find('bio')) for a in root.findall('meta/author')}
pub = None
for item in (root.find('backmatter') if root.find('backmatter') is not None else []):
    if item.tag == 'bio': parts.append(bios.get(item.get('author'), ''))
    elif item.tag == 'notice':
        t = text(item)
        if not t:
            path = os.path.join(os.path.dirname(sys.argv[1]), root.get('publication') or 'publication.xml')
            if os.path.exists(path):
                for n in ET.parse(path).getroot().findall('notice'):
                    if n.get('kind') == item.get('kind'): t = text(n)
        parts.append(t)
def words(s):
    # pdftotext drops a hyphen at a line's end, explicit or not: compare words with hyphens removed.
    s = s.replace('\u00ad', '').replace('-', '').replace('\u2010', '')
    return [w for w in (re.sub(r'[^\w]', '', w).lower() for w in re.split(r'[\s\u2014\u2013]+', s)) if w]
want = words(' '.join(parts))
got_text = open(sys.argv[2]).read()
got = words(got_text)
m = difflib.SequenceMatcher(None, want, got, autojunk=False)
matched = sum(b.size for b in m.get_matching_blocks())
ratio = matched / len(want)
print(f'  words: {matched}/{len(want)} = {ratio:.4f}')
clutter = [c for c in ['Text resize', 'Change contrast', 'Cookie', 'Terms of Use', 'hauerpower', 'Privacy'] if c in got_text]
print('  clutter:', clutter)
sys.exit(0 if ratio >= 0.99 and not clutter else 1)
PY"
  # Line facts from the display list.
  "$QUIRE" pdf "$article" --dump > "$WORK/dump$n" 2>/dev/null
  check "$article: no overfull line" "! grep -q '^line .* OVERFULL' '$WORK/dump$n'"
  check "$article: no widow or orphan" "! grep -q '^line .* \(WIDOW\|ORPHAN\)' '$WORK/dump$n'"
  check "$article: running head and folio on every page but the opening" "[ \$(grep -c '^  text Artifact' '$WORK/dump$n') -ge \$((2 * ($pages - 1))) ]"
done

# Page images of the test article against the committed references (20 dpi, grey), mean difference.
mkdir -p "$WORK/img"
pdftoppm -gray -r 20 "$WORK/example1.pdf" "$WORK/img/page"
if [ "${QUIRE_UPDATE_REFERENCES:-0}" = 1 ]; then
  mkdir -p "$DATA/ref"; rm -f "$DATA/ref"/*.pgm; cp "$WORK/img"/*.pgm "$DATA/ref/"; echo "references updated"
fi
check "page images match the references (mean grey difference < 1.5%)" "python3 - '$WORK/img' '$DATA/ref' <<'PY'
import os, sys
def pgm(path):
    data = open(path, 'rb').read()
    parts = data.split(maxsplit=4)
    assert parts[0] == b'P5'
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[len(data) - w * h:]
got = sorted(os.listdir(sys.argv[1])); ref = sorted(os.listdir(sys.argv[2]))
if got != ref: print('  pages', got, 'references', ref); sys.exit(1)
worst = 0
for name in got:
    w, h, a = pgm(os.path.join(sys.argv[1], name)); w2, h2, b = pgm(os.path.join(sys.argv[2], name))
    if (w, h) != (w2, h2): print('  size differs', name); sys.exit(1)
    d = sum(abs(x - y) for x, y in zip(a, b)) / (255 * w * h)
    worst = max(worst, d); print(f'  {name}: {d:.4f}')
sys.exit(0 if worst < 0.015 else 1)
PY"

# Other languages, no photo, no standfirst: set without error and without a missing glyph.
for article in "$DATA"/langs/*.xml; do
  name=$(basename "$article" .xml)
  check "$name: sets without error or warning" "'$QUIRE' pdf '$article' -o '$WORK/$name.pdf' 2>'$WORK/$name.err' && [ ! -s '$WORK/$name.err' ]"
  check "$name: every font embedded" "pdffonts '$WORK/$name.pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") bad=1 } END { exit bad }'"
done

# Every element of the format (quotations, pull quote, lists, inline PNG figure, speakers, links, notices).
check "features: sets without error or warning" "'$QUIRE' pdf '$DATA/features.xml' -o '$WORK/features.pdf' 2>'$WORK/features.err' && [ ! -s '$WORK/features.err' ]"
check "features: qpdf --check is clean (no damaged-file warning)" "qpdf --check '$WORK/features.pdf' 2>&1 | grep -q 'No syntax or stream encoding errors' && ! qpdf --check '$WORK/features.pdf' 2>&1 | grep -qi 'warning'"
check "features: the link is a /URI annotation" "qpdf --qdf --object-streams=disable '$WORK/features.pdf' - 2>/dev/null | grep -aq '/URI (https://neweasterneurope.eu/)'"
"$QUIRE" pdf "$DATA/features.xml" --dump > "$WORK/features.dump" 2>/dev/null
check "features: no widow or orphan" "! grep -q '^line .* \(WIDOW\|ORPHAN\)' '$WORK/features.dump'"
grep '^line .* OVERFULL' "$WORK/features.dump" | sed 's/^/  note: the line breaker left an overfull line: /' 

# A long article: the example's body eight times.
python3 - "$(realpath "$DATA/article.xml")" "$WORK/long.xml" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
body = re.search(r'<body>(.*)</body>', s, re.S).group(1)
s = s.replace(body, body * 8).replace('publication="publication.xml"', 'publication="' + sys.argv[1].replace('article.xml', 'publication.xml') + '"')
open(sys.argv[2], 'w').write(s)
PY
cp "$DATA/photo.jpg" "$WORK/"
check "a long article sets (more than 10 pages)" "'$QUIRE' pdf '$WORK/long.xml' -o '$WORK/long.pdf' 2>/dev/null && [ \$(pdfinfo '$WORK/long.pdf' | awk '/^Pages:/ {print \$2}') -gt 10 ]"
"$QUIRE" pdf "$WORK/long.xml" --dump > "$WORK/long.dump" 2>/dev/null
check "long article: no widow, orphan or overfull line" "! grep -q '^line .* \(WIDOW\|ORPHAN\|OVERFULL\)' '$WORK/long.dump'"

# Bad input: a clear message with its place, a non-zero exit, no PDF.
sed 's/src="photo.jpg"/src="missing.jpg"/' "$DATA/article.xml" > "$WORK/missing.xml"
cp "$DATA/publication.xml" "$WORK/"
"$QUIRE" pdf "$WORK/missing.xml" -o "$WORK/missing.pdf" 2>"$WORK/missing.err"; rc=$?
check "missing image: non-zero exit, no PDF" "[ $rc -ne 0 ] && [ ! -e '$WORK/missing.pdf' ]"
check "missing image: the message names file:line" "grep -q 'missing.xml:[0-9]*:.*missing.jpg' '$WORK/missing.err'"
printf 'not a jpeg' > "$WORK/photo.jpg"
cp "$DATA/article.xml" "$WORK/broken.xml"
"$QUIRE" pdf "$WORK/broken.xml" -o "$WORK/broken.pdf" 2>"$WORK/broken.err"; rc=$?
check "unreadable image: non-zero exit, no PDF, place named" "[ $rc -ne 0 ] && [ ! -e '$WORK/broken.pdf' ] && grep -q 'broken.xml:[0-9]*:' '$WORK/broken.err'"
head -c 2000 "$DATA/photo.jpg" > "$WORK/photo.jpg"
"$QUIRE" pdf "$WORK/broken.xml" -o "$WORK/truncated.pdf" 2>"$WORK/truncated.err"; rc=$?
check "truncated JPEG: non-zero exit, no PDF, place named" "[ $rc -ne 0 ] && [ ! -e '$WORK/truncated.pdf' ] && grep -q 'broken.xml:[0-9]*:.*truncated' '$WORK/truncated.err'"
"$QUIRE" pdf "$DATA/article.xml" --layout no-such-layout -o "$WORK/nolayout.pdf" 2>"$WORK/nolayout.err"; rc=$?
check "unknown layout: non-zero exit, the layouts named" "[ $rc -ne 0 ] && [ ! -e '$WORK/nolayout.pdf' ] && grep -q 'magazine' '$WORK/nolayout.err'"
sed 's/name="caption" based-on="sans" size="7.5pt"/name="caption" based-on="sans" size="7.5pp"/' "$SRC/layouts/magazine.xml" > "$WORK/bad-layout.xml"
"$QUIRE" pdf "$DATA/article.xml" --layout "$WORK/bad-layout.xml" -o "$WORK/badlayout.pdf" 2>"$WORK/badlayout.err"; rc=$?
check "bad style value: non-zero exit, file:line:col" "[ $rc -ne 0 ] && [ ! -e '$WORK/badlayout.pdf' ] && grep -q 'bad-layout.xml:[0-9]*:[0-9]*: error: bad length' '$WORK/badlayout.err'"
# An existing PDF is left as it was when the new one fails.
echo "old" > "$WORK/keep.pdf"
"$QUIRE" pdf "$WORK/missing.xml" -o "$WORK/keep.pdf" 2>/dev/null
check "a failed run leaves the old PDF untouched" "[ \"\$(cat '$WORK/keep.pdf')\" = old ]"
check "a4 layout: one column, sets" "'$QUIRE' pdf '$DATA/article.xml' --layout a4 -o '$WORK/a4.pdf' 2>/dev/null && qpdf --check '$WORK/a4.pdf' >/dev/null 2>&1"

exit $fail
