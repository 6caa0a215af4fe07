#!/usr/bin/env bash
# End-to-end (issue 12, WCAG 1.4.10 / 1.4.4 and night themes): every content document of the test
# EPUBs (the example, the interview, the long article, Armenian, Georgian, and the issue EPUB) is
# opened in headless Chromium at 320 CSS px with the text at 200 % (the root font size, as reading
# systems enlarge it): no element's content may be wider than the viewport. Then under a dark theme
# (a reading-system style override of body's colours: white on black) every element with text must
# keep a contrast of at least 4.5:1 against what lies behind it. Skipped without Chromium and
# puppeteer-core (QUIRE_WITH_BROWSER=1 .ci/install-deps: chromium, and @daisy/ace brings puppeteer-core).
# Screenshots of each document at 320 px are left in $QUIRE_SCREENSHOTS when it is set.
# Usage: epub_reflow.sh /path/to/quire /path/to/source
set -euo pipefail
quire="$1"
src="$2"
chromium="${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}"
if [ "${QUIRE_WITH_BROWSER:-0}" != 1 ] && [ ! -x "$chromium" ]; then
  echo "skip: chromium is not installed: QUIRE_WITH_BROWSER=1 .ci/install-deps" >&2
  exit 77
fi
[ -x "$chromium" ] || { echo "skip: chromium is not installed at $chromium" >&2; exit 77; }
command -v node >/dev/null 2>&1 || { echo "skip: node is not installed" >&2; exit 77; }
root="$(npm root -g 2>/dev/null || true)"
puppeteer=""
for p in "$root/puppeteer-core" "$root/@daisy/ace/node_modules/puppeteer-core"; do
  [ -d "$p" ] && { puppeteer="$p"; break; }
done
[ -n "$puppeteer" ] || { echo "skip: puppeteer-core not found under $root (it comes with @daisy/ace)" >&2; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

books=()
for article in "$src/examples/article.xml" "$src/tests/data/epub/interview.xml" "$src/tests/data/epub/long.xml" \
               "$src/tests/data/print/langs/hy.xml" "$src/tests/data/print/langs/ka.xml"; do
  name="$(basename "$article" .xml)"
  "$quire" epub "$article" -o "$work/$name.epub" 2>/dev/null
  books+=("$name")
done
"$quire" epub "$src/tests/data/epub/interview.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/print/langs/uk.xml" \
  --issue "Test Quarterly 1-2 2023" --issue-number 1-2/2023 --series-position 55 -o "$work/issue.epub" 2>/dev/null
books+=(issue)
docs=()
for name in "${books[@]}"; do
  mkdir -p "$work/$name"
  (cd "$work/$name" && unzip -q "../$name.epub")
  for doc in "$work/$name"/EPUB/*.xhtml; do docs+=("$doc"); done
done

PUPPETEER_CORE="$puppeteer" CHROMIUM="$chromium" SHOTS="${QUIRE_SCREENSHOTS:-}" node - "${docs[@]}" <<'JS'
const puppeteer = require(process.env.PUPPETEER_CORE);
const path = require('path');
const docs = process.argv.slice(2);
// What each page reports: elements wider than the viewport at 320 px / 200 % text; then, with the
// dark theme applied, text elements under 4.5:1.
const measure = () => {
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (el.closest('[hidden]')) continue;
    if (r.right > vw + 1 || r.left < -1 || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} right=${Math.round(r.right)} (viewport ${vw}): ${el.textContent.trim().slice(0, 40)}`);
  }
  if (document.documentElement.scrollWidth > vw + 1) wide.push(`document scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
  return wide;
};
const contrast = () => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const v = m[1].split(',').map(Number); return {r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1}; };
  const lum = c => { const f = x => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const behind = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const low = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('[hidden]')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const s = getComputedStyle(el);
    const fg = parse(s.color), bg = behind(el);
    const a = fg.a === undefined ? 1 : fg.a;
    const mix = {r: fg.r * a + bg.r * (1 - a), g: fg.g * a + bg.g * (1 - a), b: fg.b * a + bg.b * (1 - a)};
    const l1 = lum(mix), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio < 4.5) low.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} ${ratio.toFixed(2)}:1: ${el.textContent.trim().slice(0, 40)}`);
  }
  return low;
};
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM, headless: true,
                                          args: ['--no-sandbox', '--allow-file-access-from-files']});
  let failures = 0;
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 320, height: 640});
    for (const doc of docs) {
      const name = path.relative(path.dirname(path.dirname(path.dirname(doc))), doc);
      await page.goto('file://' + doc, {waitUntil: 'load'});
      // 200 % text: the reading system's font-size setting, on the root.
      await page.addStyleTag({content: 'html { font-size: 200% !important; }'});
      await page.evaluate(() => document.fonts.ready);
      const wide = await page.evaluate(measure);
      if (process.env.SHOTS) await page.screenshot({path: path.join(process.env.SHOTS, name.replace(/[\/]/g, '_') + '-320.png'), fullPage: true});
      // A night theme: the reading system overrides body's colours.
      await page.addStyleTag({content: 'body { background-color: #000 !important; color: #fff !important; }'});
      const low = await page.evaluate(contrast);
      if (process.env.SHOTS) await page.screenshot({path: path.join(process.env.SHOTS, name.replace(/[\/]/g, '_') + '-dark.png'), fullPage: true});
      for (const w of wide) { console.log(`FAIL ${name}: wider than 320 px at 200 %: ${w}`); failures++; }
      for (const l of low) { console.log(`FAIL ${name}: contrast in the dark theme: ${l}`); failures++; }
      if (!wide.length && !low.length) console.log(`ok: ${name}: reflows at 320 px / 200 %, readable in the dark theme`);
    }
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
})().catch(e => { console.error(e); process.exit(1); });
JS
