#!/usr/bin/env bash
# quire check: a malformed file gets file:line:col and a non-zero exit; a good one exits 0;
# every problem of a file is listed, not only the first.
set -u
quire="$1"; src="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

printf '<article id="x">\n  <meta><title>T</title></meta>\n  <body><p>open</body>\n</article>\n' > "$tmp/malformed.xml"
out=$("$quire" check "$tmp/malformed.xml" 2>&1); rc=$?
[ $rc -ne 0 ] || fail "malformed file exited 0"
echo "$out" | grep -Eq "^$tmp/malformed.xml:3:[0-9]+: error: " || fail "no file:line:col in: $out"

printf '<article id="y">\n<meta><date>2022-13-01</date></meta>\n<body><figcaption>x</figcaption><p>t</p></body>\n</article>\n' > "$tmp/problems.xml"
out=$("$quire" check "$tmp/problems.xml" 2>&1); rc=$?
[ $rc -ne 0 ] || fail "file with errors exited 0"
n=$(echo "$out" | grep -c ": error: ")
[ "$n" -ge 3 ] || fail "expected at least 3 errors (unknown element, no title, bad date), got $n: $out"
echo "$out" | grep -q "problems.xml:3:7: error: unknown element <figcaption>" || fail "unknown element not placed: $out"

"$quire" check "$src/examples/article.xml" "$src/examples/publication.xml" >/dev/null 2>"$tmp/err" || fail "example does not check clean: $(cat "$tmp/err")"
grep -q ": error: " "$tmp/err" && fail "example has errors"
echo "ok"
