#!/usr/bin/env bash
# End-to-end: DAISY Ace (ace-puppeteer, with Debian's chromium) finds no accessibility violation in the
# example's EPUB nor in the EPUB test articles (issue 3). Skipped, with the reason, where Ace or
# chromium is not installed (.ci/install-deps installs both with QUIRE_WITH_BROWSER=1).
# Usage: epub_ace.sh /path/to/quire /path/to/source
set -euo pipefail
quire="$1"
src="$2"
chromium="${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}"
if ! command -v ace-puppeteer >/dev/null 2>&1; then
  echo "skip: DAISY Ace (ace-puppeteer) is not installed: QUIRE_WITH_BROWSER=1 .ci/install-deps" >&2
  exit 77
fi
if [ ! -x "$chromium" ]; then
  echo "skip: chromium is not installed at $chromium: QUIRE_WITH_BROWSER=1 .ci/install-deps" >&2
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

status=0
for article in "$src/examples/article.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/epub/ukrainian.xml" \
               "$src/tests/data/epub/interview.xml"; do
  name="$(basename "$article" .xml)"
  "$quire" epub "$article" -o "$work/$name.epub"
  # -E: violations make ace exit non-zero; -f: overwrite the report folder.
  if PUPPETEER_EXECUTABLE_PATH="$chromium" ace-puppeteer -E -f -o "$work/report-$name" "$work/$name.epub" >"$work/$name.log" 2>&1; then
    echo "ok: Ace found no violation in $name"
  else
    echo "FAIL: Ace on $name:" >&2
    grep -v "^\s*$" "$work/$name.log" | tail -30 >&2
    status=1
  fi
done
# The issue EPUB (issue 12) and an Armenian and a Georgian article (labels in their language).
"$quire" epub "$src/tests/data/epub/interview.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/print/langs/uk.xml" \
  --issue "Test Quarterly 1-2 2023" --issue-number 1-2/2023 --series-position 55 -o "$work/issue.epub" 2>/dev/null
"$quire" epub "$src/tests/data/print/langs/hy.xml" -o "$work/hy.epub" 2>/dev/null
"$quire" epub "$src/tests/data/print/langs/ka.xml" -o "$work/ka.epub" 2>/dev/null
# The example issue's EPUB as `quire issue` makes it (print cover, page-list from issue.pdf's pages).
"$quire" issue "$src/examples/issue/issue.xml" -o "$work/example-issue" 2>/dev/null
cp "$work/example-issue/issue.epub" "$work/example-issue.epub"
for name in issue example-issue hy ka; do
  if PUPPETEER_EXECUTABLE_PATH="$chromium" ace-puppeteer -E -f -o "$work/report-$name" "$work/$name.epub" >"$work/$name.log" 2>&1; then
    echo "ok: Ace found no violation in $name"
  else
    echo "FAIL: Ace on $name:" >&2
    grep -v "^\s*$" "$work/$name.log" | tail -30 >&2
    status=1
  fi
done
exit $status
