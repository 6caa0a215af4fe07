#!/usr/bin/env bash
# End-to-end: EPUBs of the example and of the EPUB test articles (tests/data/epub: an interview, one
# without a photo, one in Polish, one in Ukrainian with Armenian and Georgian, a long one with lists
# and quotations) must pass epubcheck with no fatal error, error or warning (issue 3), hold the whole
# article, its bio and the donation notice and no web clutter, come out byte-identical twice, and fail
# cleanly on bad input. Usage: epub_validate.sh /path/to/quire /path/to/source
set -euo pipefail
quire="$1"
src="$2"
jar=/usr/share/java/epubcheck.jar
if ! command -v java >/dev/null 2>&1 || [ ! -f "$jar" ]; then
  echo "skip: epubcheck (java and $jar) is not installed: run .ci/install-deps" >&2
  exit 77
fi
if ! command -v unzip >/dev/null 2>&1; then
  echo "skip: unzip is not installed: run .ci/install-deps" >&2
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

articles=("$src/examples/article.xml")
for name in interview no-photo polish ukrainian long; do articles+=("$src/tests/data/epub/$name.xml"); done
# Armenian and Georgian articles (their own fonts embedded, their own xml:lang).
for name in hy ka; do articles+=("$src/tests/data/print/langs/$name.xml"); done

for article in "${articles[@]}"; do
  name="$(basename "$(dirname "$article")")-$(basename "$article" .xml)"
  "$quire" epub "$article" -o "$work/$name.epub" 2>"$work/$name.stderr" || { cat "$work/$name.stderr" >&2; fail "quire epub $article"; }
  # epubcheck (EPUB 3.2 rules): the summary line must be all zeros.
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$work/$name.epub" >"$work/$name.check" 2>&1 || true
  grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$work/$name.check" || { cat "$work/$name.check" >&2; fail "epubcheck: $name"; }
  echo "ok: epubcheck $name: $(grep Messages: "$work/$name.check")"
  # Every content document declares its language.
  for doc in $(unzip -Z1 "$work/$name.epub" | grep '\.xhtml$'); do
    unzip -p "$work/$name.epub" "$doc" | grep -q '<html [^>]*xml:lang="' || fail "$name: $doc has no xml:lang"
  done
done

# The issue EPUB (issue 12): three articles in one book, folios continuing; epubcheck clean, the
# donation notice once, the page-list one entry per print page, the series metadata.
"$quire" epub "$src/tests/data/epub/interview.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/print/langs/uk.xml" \
  --issue "Test Quarterly 1-2 2023" --issue-number 1-2/2023 --series-position 55 -o "$work/issue.epub" 2>"$work/issue.stderr" \
  || { cat "$work/issue.stderr" >&2; fail "quire epub --issue"; }
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$work/issue.epub" >"$work/issue.check" 2>&1 || true
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$work/issue.check" || { cat "$work/issue.check" >&2; fail "epubcheck: issue"; }
echo "ok: epubcheck issue: $(grep Messages: "$work/issue.check")"
opf="$(unzip -p "$work/issue.epub" EPUB/package.opf)"
grep -q '<meta refines="#magazine" property="group-position">55</meta>' <<<"$opf" || fail "issue: no group-position"
grep -q '<dc:source id="print-source">urn:issn:2083-7372</dc:source>' <<<"$opf" || fail "issue: no print source"
[ "$(unzip -Z1 "$work/issue.epub" | grep -c 'notice-donation')" = 1 ] || fail "issue: the donation notice is not one document"
[ "$(unzip -p "$work/issue.epub" 'EPUB/a0*' | grep -c 'notice-donation')" = 0 ] || fail "issue: an article repeats the donation notice"
"$quire" epub "$src/tests/data/epub/interview.xml" "$src/tests/data/epub/long.xml" "$src/tests/data/print/langs/uk.xml" \
  --issue "Test Quarterly 1-2 2023" --issue-number 1-2/2023 --series-position 55 -o "$work/issue2.epub" 2>/dev/null
cmp -s "$work/issue.epub" "$work/issue2.epub" || fail "issue: not reproducible"

# The example's text: the whole article (first and last sentences), the bio, the donation notice,
# and none of the web page's furniture.
ex="$work/examples-article.epub"
text="$work/example.txt"
for doc in $(unzip -Z1 "$ex" | grep '\.xhtml$'); do unzip -p "$ex" "$doc"; done | sed -e 's/<[^>]*>//g' >"$text"
grep -q "When Kazakhstan’s President Kassym-Jomart Tokayev called for military assistance" "$text" || fail "first sentence missing"
grep -q "build their engagement policies accordingly." "$text" || fail "last sentence missing"
grep -q "Strained western ties" "$text" || fail "subheading missing"
grep -q "is a journalist with over 15 years of experience" "$text" || fail "bio missing"
grep -q "not-for-profit publication" "$text" || fail "donation notice missing"
for clutter in "Text resize" "Change contrast" "Cookie" "Terms of Use" "Agencja digital" "Save settings" ", , ,"; do
  if grep -q "$clutter" "$text"; then fail "web clutter in the EPUB: $clutter"; fi
done
echo "ok: the example's text is whole and clean"

# Reproducible: two builds, the same bytes (with and without SOURCE_DATE_EPOCH, and in another zone).
"$quire" epub "$src/examples/article.xml" -o "$work/again.epub"
cmp "$ex" "$work/again.epub" || fail "two builds differ"
TZ=Asia/Tokyo SOURCE_DATE_EPOCH=1700000000 "$quire" epub "$src/examples/article.xml" -o "$work/sde1.epub"
TZ=America/Lima SOURCE_DATE_EPOCH=1700000000 "$quire" epub "$src/examples/article.xml" -o "$work/sde2.epub"
cmp "$work/sde1.epub" "$work/sde2.epub" || fail "builds differ across time zones"
unzip -p "$work/sde1.epub" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' ||
  fail "dcterms:modified does not follow SOURCE_DATE_EPOCH"
echo "ok: reproducible"

# Bad input: a missing image names the article's line; a path leaving the folder is refused; a
# failure leaves no .epub (and no temporary file) behind.
bad="$work/bad"
mkdir -p "$bad"
cp "$src/tests/data/epub/publication.xml" "$bad/"
sed -e 's#images/kleiber.jpg#images/missing.jpg#' "$src/tests/data/epub/interview.xml" >"$bad/missing.xml"
if "$quire" epub "$bad/missing.xml" -o "$bad/missing.epub" 2>"$bad/missing.err"; then fail "missing image accepted"; fi
grep -Eq "missing.xml:[0-9]+(:[0-9]+)?: error: .*images/missing.jpg" "$bad/missing.err" || { cat "$bad/missing.err" >&2; fail "missing image message"; }
sed -e 's#images/kleiber.jpg#../../outside.jpg#' "$src/tests/data/epub/interview.xml" >"$bad/outside.xml"
if "$quire" epub "$bad/outside.xml" -o "$bad/outside.epub" 2>"$bad/outside.err"; then fail "path leaving the folder accepted"; fi
grep -Eq "outside.xml:[0-9]+(:[0-9]+)?: error: " "$bad/outside.err" || { cat "$bad/outside.err" >&2; fail "outside path message"; }
[ -z "$(ls -A "$bad" | grep -E '\.epub' || true)" ] || fail "a failed build left a file: $(ls -A "$bad")"
echo "ok: bad input refused, nothing written"
