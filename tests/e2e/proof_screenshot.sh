#!/usr/bin/env bash
# A screenshot of a proof folder's index.html in headless Chromium: the contact sheet must render
# (pages visible, not a blank or broken page). Skipped where chromium is not installed
# (QUIRE_WITH_BROWSER=1 .ci/install-deps installs it).
# Usage: proof_screenshot.sh QUIRE SOURCE_DIR
set -euo pipefail
quire=$1; src=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "skip: chromium not installed (QUIRE_WITH_BROWSER=1 .ci/install-deps)" >&2; exit 77; fi
command -v python3 >/dev/null || { echo "skip: python3 not installed" >&2; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1642377600

# The example when it exists, else a PDF drawn here (any PDF can be proofed).
if [ -f "$src/examples/article.xml" ]; then
  "$quire" proof "$src/examples/article.xml" -o "$tmp/proof" > /dev/null 2>&1
else
  python3 - "$tmp/in.pdf" <<'PY'
import sys
# A two-page PDF with text, written by hand (no dependency): enough for a contact sheet.
objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"]
def page(content_ref):
    return ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 481.89 680.31] /TrimBox [8.5 8.5 473.39 671.81] "
            "/BleedBox [0 0 481.89 680.31] /Resources << >> /Contents %d 0 R >>" % content_ref)
body = "0 0 0 rg 60 600 360 40 re f 60 100 170 470 re f 250 100 170 470 re f"
objs += [page(4), "<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body), page(6),
         "<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)]
out = b"%PDF-1.4\n"; offs = []
for i, o in enumerate(objs):
    offs.append(len(out)); out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o.encode())
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
  "$quire" proof "$tmp/in.pdf" -o "$tmp/proof" > /dev/null || true  # findings may fail it; the sheet is written
fi
[ -f "$tmp/proof/index.html" ] || { echo "FAIL: no index.html" >&2; exit 1; }

timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1000 \
  --user-data-dir="$tmp/profile" --screenshot="$tmp/shot.png" "file://$tmp/proof/index.html" 2> "$tmp/chromium.log" \
  || { cat "$tmp/chromium.log" >&2; echo "FAIL: chromium could not render index.html" >&2; exit 1; }
mkdir -p "${QUIRE_ARTIFACTS:-$tmp}"; cp "$tmp/shot.png" "${QUIRE_ARTIFACTS:-$tmp}/proof-index.png"

# The screenshot must show white pages on the sheet's tinted background, and dark text: count them.
python3 - "$tmp/shot.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8]); chunk = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b"IHDR": w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
    elif kind == b"IDAT": idat += chunk
bpp = {2: 3, 6: 4}[ctype]; raw = zlib.decompress(idat); stride = w * bpp
rows, prev = [], bytearray(stride)
for y in range(h):
    f = raw[y * (stride + 1)]; line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
white = dark = bg = 0
for line in rows[::4]:
    for x in range(0, w * bpp, bpp * 4):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r > 250 and g > 250 and b > 250: white += 1
        elif r < 90 and g < 90 and b < 90: dark += 1
        elif abs(r - 0xec) < 6 and abs(g - 0xea) < 6 and abs(b - 0xe4) < 6: bg += 1
total = len(rows[::4]) * len(range(0, w * bpp, bpp * 4))
print("screenshot %dx%d: white %.1f%%, dark %.1f%%, background %.1f%%" % (w, h, 100 * white / total, 100 * dark / total, 100 * bg / total))
assert bg / total > 0.15, "the sheet's background is missing: the page did not render"
assert white / total > 0.05, "no white pages on the sheet"
assert dark / total > 0.002, "no text or page content visible"
PY
echo "ok: index.html rendered in Chromium"
