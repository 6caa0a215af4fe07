#!/usr/bin/env bash
# quire import, the command: the seed page gives every field the issue names; warnings carry
# file:line:col; a listing page is refused with a clear message and writes nothing; --explain names
# the rules; the output passes quire check; the bundled example is what tools/make-example makes.
set -u
quire=$(realpath "$1"); src=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
page="$src/examples/page.txt"
data="$src/tests/data/import"

# The seed: every field.
"$quire" import "$page" -o "$tmp/a.xml" 2>"$tmp/err" || fail "import of the seed failed: $(cat "$tmp/err")"
[ ! -s "$tmp/err" ] || fail "the seed imported with messages: $(cat "$tmp/err")"
xml="$tmp/a.xml"
for want in \
  '<title>Armenia as a mere pawn in Russia’s Kazakhstan strategy</title>' \
  '<date>2022-01-17</date>' \
  '<name>Aleksandar Srbinovski</name>' \
  '<section>Articles and Commentary</section>' \
  '<h2>Strained western ties</h2>' \
  '<h2>A counterproductive relationship?</h2>' \
  '<credit>Kosmogenez / Shutterstock</credit>' \
  '<bio>Aleksandar Srbinovski is a journalist' \
  '<notice kind="donation">' \
  'can only damages its western links.</p>'; do
  grep -qF "$want" "$xml" || fail "missing from the import: $want"
done
[ "$(grep -c '<p>' "$xml")" -eq 7 ] || fail "expected 6 body paragraphs + 1 notice paragraph, got $(grep -c '<p>' "$xml")"
for clutter in "Text resize" "Change contrast" "Cookie" "Poniższa" "Terms of Use" ", , ," "Agencja"; do
  grep -qF "$clutter" "$xml" && fail "clutter in the article: $clutter"
done
# Each of the six paragraphs word for word: the page's lines 12 14 18 22 24 26.
for n in 12 14 18 22 24 26; do
  line=$(sed -n "${n}p" "$page")
  grep -qF "<p>$line</p>" "$xml" || fail "paragraph of page line $n not word for word"
done
"$quire" check "$xml" 2>"$tmp/check" || fail "quire check rejects the import: $(cat "$tmp/check")"

# With the profile: the notice moves there, the article refers to it.
"$quire" import "$page" -o "$tmp/b.xml" --publication-out "$tmp/pub.xml" 2>/dev/null || fail "import with --publication-out failed"
grep -qF 'publication="pub.xml"' "$tmp/b.xml" || fail "article does not refer to its profile"
grep -qF '<notice kind="donation"/>' "$tmp/b.xml" || fail "article's notice is not the profile's"
grep -qF '<name>New Eastern Europe</name>' "$tmp/pub.xml" || fail "profile has no name"
grep -qF 'Dear Readers' "$tmp/pub.xml" || fail "profile has no donation notice"
"$quire" check "$tmp/b.xml" "$tmp/pub.xml" 2>"$tmp/check" || fail "quire check rejects the profile: $(cat "$tmp/check")"

# --explain names the rule behind each field.
"$quire" import "$page" -o "$tmp/c.xml" --explain >"$tmp/explain" 2>/dev/null || fail "--explain failed"
grep -Eq '^  title +rule_title_standfirst +line 4 ' "$tmp/explain" || fail "--explain does not name the title's rule"
grep -Eq '^  credit +rule_lead_caption_credit +line 10 ' "$tmp/explain" || fail "--explain does not name the credit's rule"

# A page cut short: warnings with file:line:col, exit 0, a file written.
"$quire" import "$data/cut_short.txt" -o "$tmp/short.xml" 2>"$tmp/err" || fail "a cut-short page failed"
grep -Eq "cut_short.txt:[0-9]+:[0-9]+: warning: no donation notice" "$tmp/err" || fail "no placed warning: $(cat "$tmp/err")"
[ -s "$tmp/short.xml" ] || fail "the cut-short page wrote nothing"

# A listing page: refused, non-zero, nothing written (not even a temporary file).
out=$("$quire" import "$data/listing_tag.txt" -o "$tmp/listing.xml" 2>&1); rc=$?
[ $rc -ne 0 ] || fail "a listing page was imported"
echo "$out" | grep -Eq "listing_tag.txt:[0-9]+:[0-9]+: error: this page lists several articles" || fail "unclear refusal: $out"
[ -z "$(ls -A "$tmp" | grep -i listing)" ] || fail "a refused import left a file"

# The bundled example is the importer's output (plus our photo), not hand-edited.
if [ -f "$src/examples/images/nuthatch.jpg" ]; then
  mkdir -p "$tmp/ex/images"; cp "$src/examples/page.txt" "$tmp/ex/"; cp "$src/examples/images/nuthatch.jpg" "$tmp/ex/images/"
  grep -o -- '--lead-[a-z]* "[^"]*"' "$src/tools/make-example" > "$tmp/leadargs" || fail "tools/make-example has no --lead options"
  eval "args=($(tr '\n' ' ' < "$tmp/leadargs"))"
  (cd "$tmp/ex" && "$quire" import page.txt -o article.xml --publication-out publication.xml \
     --lead-image images/nuthatch.jpg "${args[@]}" 2>/dev/null) || fail "remaking the example failed"
  cmp -s "$tmp/ex/article.xml" "$src/examples/article.xml" || fail "examples/article.xml differs from what tools/make-example makes"
  cmp -s "$tmp/ex/publication.xml" "$src/examples/publication.xml" || fail "examples/publication.xml differs from the import"
fi
echo "ok"
