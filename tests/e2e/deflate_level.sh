#!/usr/bin/env bash
# zlib level of the PDFs' streams (issue 17, src/deflate_level): cairo asks zlib for its default
# level (6), and quire's executables give it level 1, as qpdf's pass already uses. Every
# FlateDecode stream of `quire pdf`'s PDF and of `quire build`'s (quire-proof, the shared link)
# must start with the zlib header of level 1 (0x78 0x01; level 6 writes 0x78 0x9C), the font
# subsets cairo writes among them, and the pages must render as with zlib's default (checked by
# the render tests' pixel comparisons: lossless either way).
# Usage: deflate_level.sh QUIRE SOURCE_DIR.
set -u
QUIRE=$1
SRC=$2
command -v python3 >/dev/null || { echo "skipped: python3 missing"; exit 77; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
ARTICLE="$SRC/tests/data/print/article.xml"
"$QUIRE" pdf "$ARTICLE" -o "$WORK/a.pdf" 2>"$WORK/pdf.err" || { cat "$WORK/pdf.err" >&2; echo "FAIL: quire pdf" >&2; exit 1; }
"$QUIRE" build "$ARTICLE" -o "$WORK/build" >/dev/null 2>"$WORK/build.err" || { cat "$WORK/build.err" >&2; echo "FAIL: quire build" >&2; exit 1; }
BUILT=$(find "$WORK/build" -maxdepth 1 -name '*.pdf' | head -1)
[ -n "$BUILT" ] || { echo "FAIL: quire build wrote no PDF" >&2; exit 1; }
for pdf in "$WORK/a.pdf" "$BUILT"; do
    if python3 - "$pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
headers = {}
fonts = 0
# Each stream: its dictionary (up to "stream" and its end of line), then the data.
for m in re.finditer(rb"<<((?:(?!>>\s*stream).)*?)>>\s*stream\r?\n", data, re.S):
    d = m.group(1)
    if b"/FlateDecode" not in d:
        continue
    head = data[m.end():m.end() + 2].hex()
    headers[head] = headers.get(head, 0) + 1
    if re.search(rb"/Length1|/Subtype\s*/(Type1C|CIDFontType0C|OpenType)", d):
        fonts += 1
print("  %s: zlib headers %s, %d font streams" % (sys.argv[1].split("/")[-1], headers, fonts))
sys.exit(0 if headers and set(headers) == {"7801"} and fonts > 0 else 1)
PY
    then echo "ok: $(basename "$pdf"): every FlateDecode stream at level 1, fonts included"
    else echo "FAIL: $(basename "$pdf"): a FlateDecode stream not at level 1 (or no font stream found)" >&2; fail=1
    fi
done
exit $fail
