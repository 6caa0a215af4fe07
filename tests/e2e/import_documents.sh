#!/usr/bin/env bash
# quire import of Word and Markdown files, the command: the article and its extracted image are
# written and pass quire check; tracked changes, a zip bomb, a renamed EPUB and an XML "page" are
# refused with file-named errors and leave nothing behind; --explain names the rules.
set -u
quire=$(realpath "$1"); src=$(realpath "$2")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
data="$src/tests/data/import/docx"

mkdir -p "$tmp/ok"
"$quire" import "$data/features-pandoc.docx" -o "$tmp/ok/a.xml" --explain >"$tmp/explain" 2>"$tmp/err" ||
  fail "import of features-pandoc.docx failed: $(cat "$tmp/err")"
[ -s "$tmp/ok/images/features-of-a-word-article-1.png" ] || fail "the embedded image was not written beside the article"
grep -q 'src="images/features-of-a-word-article-1.png"' "$tmp/ok/a.xml" || fail "the figure does not point at the image"
grep -Eq '^  title +docx_title_style +p\. 1 ' "$tmp/explain" || fail "--explain does not name the title's rule: $(cat "$tmp/explain")"
"$quire" check "$tmp/ok/a.xml" >/dev/null 2>"$tmp/check" || fail "quire check rejects the DOCX import: $(cat "$tmp/check")"
"$quire" import "$data/roundtrip.md" -o "$tmp/ok/md.xml" 2>"$tmp/err" || fail "Markdown import failed: $(cat "$tmp/err")"
"$quire" check "$tmp/ok/md.xml" >/dev/null 2>"$tmp/check" || fail "quire check rejects the Markdown import: $(cat "$tmp/check")"

mkdir -p "$tmp/bad"
refuse() {  # input, expected message part, extra options
  local input=$1 want=$2; shift 2
  out=$("$quire" import "$input" -o "$tmp/bad/out.xml" "$@" 2>&1); rc=$?
  [ $rc -ne 0 ] || fail "$(basename "$input") was imported"
  echo "$out" | grep -qF "$want" || fail "unclear error for $(basename "$input"): $out"
  [ -z "$(ls -A "$tmp/bad")" ] || fail "a refused import of $(basename "$input") left files: $(ls -A "$tmp/bad")"
}
refuse "$data/tracked-changes.docx" "tracked-changes.docx: error: 3 unaccepted changes: p. 2 insertion"
refuse "$data/zip-bomb.docx" "zip-bomb.docx: error: not a plausible Word document"
refuse "$data/renamed-epub.docx" "application/epub+zip"
printf '<?xml version="1.0"?>\n<article id="x"/>\n' > "$tmp/page.txt"
refuse "$tmp/page.txt" "this is an XML file"
"$quire" import "$data/tracked-changes.docx" -o "$tmp/ok/tc.xml" --accept-changes 2>"$tmp/err" || fail "--accept-changes failed"
grep -qF "warning: p. 3: comment by Editor on ‘a phrase the editor questioned’" "$tmp/err" || fail "no comment warning: $(cat "$tmp/err")"
echo ok
