#!/usr/bin/env bash
# quire pdf --epub (issue 17): the PDF and the EPUB of an article in one process, the EPUB made from
# the same typeset pages on a second thread. Both files are the bytes `quire pdf` and `quire epub`
# make on their own (the EPUB's print page-list included), with page images too; an EPUB named like
# the PDF is refused before anything is written; a failing EPUB leaves no EPUB and fails the run.
# Usage: pdf_with_epub.sh QUIRE SOURCE_DIR
set -u
QUIRE=$1
SRC=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
export SOURCE_DATE_EPOCH=1642377600

for article in "$SRC/examples/article.xml" "$SRC/tests/data/epub/long.xml" "$SRC/tests/data/print/langs/ka.xml"; do
  [ -f "$article" ] || continue
  name=$(basename "$article" .xml)
  "$QUIRE" pdf "$article" -o "$WORK/$name-both.pdf" --epub "$WORK/$name-both.epub" --png-dir "$WORK/png-$name" 2>/dev/null
  check "$name: quire pdf --epub exits 0" "[ $? -eq 0 ]"
  "$QUIRE" pdf "$article" -o "$WORK/$name.pdf" 2>/dev/null
  "$QUIRE" epub "$article" -o "$WORK/$name.epub" 2>/dev/null
  check "$name: the PDF is quire pdf's" "cmp -s '$WORK/$name-both.pdf' '$WORK/$name.pdf'"
  check "$name: the EPUB is quire epub's" "cmp -s '$WORK/$name-both.epub' '$WORK/$name.epub'"
  check "$name: page images beside" "ls '$WORK/png-$name'/*.png >/dev/null 2>&1"
done

"$QUIRE" pdf "$SRC/examples/article.xml" -o "$WORK/same.pdf" --epub "$WORK/./same.pdf" 2>"$WORK/err"
status=$?
check "an EPUB named like the PDF: non-zero exit" "[ $status -ne 0 ]"
check "… saying so" "grep -q -- '--epub.*over the PDF' '$WORK/err'"
check "… and nothing written" "[ ! -e '$WORK/same.pdf' ]"

# An EPUB that cannot be written (its folder is a file): the run fails, no EPUB, no temporary left.
touch "$WORK/not-a-folder"
"$QUIRE" pdf "$SRC/examples/article.xml" -o "$WORK/ok.pdf" --epub "$WORK/not-a-folder/book.epub" 2>"$WORK/err2"
status=$?
check "an EPUB that cannot be written: non-zero exit" "[ $status -ne 0 ]"
check "… naming it" "grep -q 'not-a-folder' '$WORK/err2'"
check "… no temporary left beside the PDF" "! ls '$WORK' | grep -q '\.tmp'"
exit $fail
