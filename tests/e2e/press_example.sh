#!/usr/bin/env bash
# The press PDF (issue 14, "Must show"): PDF/X-4 in CMYK checked with independent readers.
# Ghostscript's inkcov on a text-only page: C = M = Y = 0, K > 0; tiffsep: the C, M, Y plates of that
# page are empty; qpdf --check clean; /OutputIntents with an embedded profile; XMP with PDF/X-4; no
# rg/RG or /DeviceRGB in page content streams; preflight on the new PDF: no findings; on the old RGB
# fixture (tests/data/press/old-rgb.pdf, made by quire before issue 14): RGB text, missing intent,
# crop marks; on a 72 ppi image: its page, position and ppi.
# Usage: press_example.sh QUIRE SOURCE_DIR. Exit 77 (skip) if a checker is missing.
set -u
QUIRE=$1
SRC=$2
PROOF="$(dirname "$QUIRE")/quire-proof"
for tool in gs qpdf python3 djpeg cjpeg; do
  command -v "$tool" >/dev/null || { echo "skip: $tool is not installed" >&2; exit 77; }
done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }

pdf="$WORK/example.pdf"
SOURCE_DATE_EPOCH=1642377600 "$QUIRE" pdf "$SRC/examples/article.xml" -o "$pdf" 2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
# examples/publication.xml is made by `quire import` and names no printer's profile: the one expected
# warning says so, nothing else.
check "only the output-intent warning" "grep -q 'no <output-intent>' '$WORK/err' && ! grep -v 'no <output-intent>' '$WORK/err' | grep -qi 'warning\|error'"
check "qpdf --check is clean" "qpdf --check '$pdf' >/dev/null 2>&1"
gs -q -o - -sDEVICE=inkcov -dUseTrimBox "$pdf" > "$WORK/inkcov"
cat "$WORK/inkcov"
# Page 2 of the example is text only (body, running head, folio).
check "inkcov page 2 (text only): C = M = Y = 0 and K > 0" \
  "awk 'NR == 2 { exit !(\$1 == 0 && \$2 == 0 && \$3 == 0 && \$4 > 0) }' '$WORK/inkcov'"
gs -q -o "$WORK/sep-%d.tif" -sDEVICE=tiffsep -sCompression=none -dUseTrimBox -r50 -dFirstPage=2 -dLastPage=2 "$pdf" >/dev/null 2>&1
# tiffsep's plates: gs itself reads them back as grey images (1 = no ink); count the inked ones.
for plate in Cyan Magenta Yellow Black; do
  f=$(ls "$WORK"/sep-1\("$plate"\).tif 2>/dev/null)
  [ -n "$f" ] || { echo "FAIL: no $plate separation" >&2; fail=1; continue; }
  python3 - "$f" "$plate" > "$WORK/plate-$plate" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
# Read the TIFF's strips (tiffsep: uncompressed or packbits-free 8-bit grey, 0 = white/no ink? check both).
order = '<' if data[:2] == b'II' else '>'
off = struct.unpack(order + 'I', data[4:8])[0]
n = struct.unpack(order + 'H', data[off:off + 2])[0]
tags = {}
for i in range(n):
    e = data[off + 2 + 12 * i: off + 14 + 12 * i]
    tag, typ, cnt = struct.unpack(order + 'HHI', e[:8])
    val = e[8:12]
    if cnt == 1:
        v = struct.unpack(order + ('H' if typ == 3 else 'I'), val[:2] if typ == 3 else val)[0]
        tags[tag] = [v]
    else:
        p = struct.unpack(order + 'I', val)[0]
        size = 2 if typ == 3 else 4
        tags[tag] = list(struct.unpack(order + ('H' if typ == 3 else 'I') * cnt, data[p:p + size * cnt]))
assert tags.get(259, [1])[0] == 1, 'compressed separation'
photometric = tags.get(262, [0])[0]  # 0: white is zero (ink = high values)
pixels = b''.join(data[o:o + c] for o, c in zip(tags[273], tags[279]))
white = 0 if photometric == 0 else 255
print(sum(1 for b in pixels if abs(b - white) > 8))
PY
done
check "tiffsep page 2: C, M and Y plates empty" "[ \"\$(cat '$WORK/plate-Cyan')\" = 0 ] && [ \"\$(cat '$WORK/plate-Magenta')\" = 0 ] && [ \"\$(cat '$WORK/plate-Yellow')\" = 0 ]"
check "tiffsep page 2: K plate inked" "[ \"\$(cat '$WORK/plate-Black')\" -gt 0 ]"

qpdf --qdf --object-streams=disable "$pdf" "$WORK/qdf.pdf" 2>/dev/null
qpdf --show-object=trailer "$pdf" >/dev/null 2>&1
check "catalog has /OutputIntents with an embedded profile (GTS_PDFX, N 4)" "python3 - '$WORK/qdf.pdf' <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read().decode('latin-1')
cat = re.search(r'/Type /Catalog.*?>>', data, re.S)
m = re.search(r'/OutputIntents \[\s*(\d+) 0 R', data)
assert m, 'no /OutputIntents'
intent = re.search(r'\n' + m.group(1) + r' 0 obj\n<<(.*?)\n>>', data, re.S).group(1)
assert '/S /GTS_PDFX' in intent, intent
prof = re.search(r'/DestOutputProfile (\d+) 0 R', intent).group(1)
d = re.search(r'\n' + prof + r' 0 obj\n<<(.*?)>>\nstream', data, re.S).group(1)
assert '/N 4' in d, d
PY"
check "XMP has pdfxid:GTS_PDFXVersion PDF/X-4" "grep -aq '<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>' '$WORK/qdf.pdf'"
check "Info has /Trapped /False" "grep -aq '/Trapped /False' '$WORK/qdf.pdf'"
check "PDF 1.6" "head -c 8 '$pdf' | grep -q '%PDF-1.6'"
# Page content streams: qpdf --qdf marks them "Contents for page N".
check "no rg/RG or /DeviceRGB in page content streams" "python3 - '$WORK/qdf.pdf' <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read().decode('latin-1')
blocks = re.findall(r'%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<.*?>>\nstream\n(.*?)endstream', data, re.S)
assert blocks, 'no page contents found'
for b in blocks:
    assert not re.search(r'(^|\s)(rg|RG)(\s|$)', b), 'rg/RG left'
    assert '/DeviceRGB' not in b
PY"
check "two runs give identical bytes" "SOURCE_DATE_EPOCH=1642377600 '$QUIRE' pdf '$SRC/examples/article.xml' -o '$WORK/again.pdf' 2>/dev/null && cmp -s '$pdf' '$WORK/again.pdf'"

if [ -x "$PROOF" ]; then
  "$PROOF" preflight "$pdf" > "$WORK/new.txt"; rc=$?
  check "preflight of the press PDF: no findings, exit 0" "[ $rc = 0 ] && grep -q 'No findings' '$WORK/new.txt'"
  "$PROOF" preflight "$SRC/tests/data/press/old-rgb.pdf" > "$WORK/old.txt"; rc=$?
  cat "$WORK/old.txt"
  check "old RGB PDF: fails" "[ $rc = 1 ]"
  check "old RGB PDF: missing output intent" "grep -q 'error \[output-intent\]' '$WORK/old.txt'"
  check "old RGB PDF: device RGB named with page and position" "grep -q 'p. 1: error \[device-rgb\].* at [0-9.]*, [0-9.]* mm' '$WORK/old.txt'"
  check "old RGB PDF: text not in K only, with words" "grep -q 'p. 1: warning \[text-not-k\].*: \"' '$WORK/old.txt'"
  check "old RGB PDF: crop marks not in registration colour" "grep -q 'warning \[registration\]' '$WORK/old.txt'"
  # A 72 ppi image: the test article's photo scaled down to 1/8 (94 px across two columns).
  mkdir -p "$WORK/low/images"
  cp "$SRC/tests/data/print/article.xml" "$SRC/tests/data/print/publication.xml" "$WORK/low/"
  djpeg -scale 1/4 "$SRC/tests/data/print/photo.jpg" | cjpeg -quality 85 > "$WORK/low/photo.jpg"
  cp "$SRC/tests/data/print/map.png" "$WORK/low/" 2>/dev/null
  SOURCE_DATE_EPOCH=1642377600 "$QUIRE" pdf "$WORK/low/article.xml" -o "$WORK/low.pdf" 2>/dev/null
  "$PROOF" preflight "$WORK/low.pdf" > "$WORK/low.txt"
  grep 'low-ppi' "$WORK/low.txt"
  check "low-resolution image: page, position and ppi" "grep -q 'p. 1: error \[low-ppi\]: image of 189 × 106 px .* at -*[0-9.]*, -*[0-9.]* mm is [0-9]* ppi' '$WORK/low.txt'"
fi
exit $fail
