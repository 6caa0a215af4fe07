#!/usr/bin/env bash
# The hand-over from `quire` to quire-proof (build, issue, proof, diff, preflight; src/cli/main.cpp):
# quire-proof starts with glibc's malloc in huge pages (GLIBC_TUNABLES=glibc.malloc.hugetlb=1,
# issue 17), unless the user set GLIBC_TUNABLES, which is passed on as it was; the arguments arrive
# unchanged. A stand-in quire-proof beside a copy of quire prints what it was given.
# Usage: hand_over_env.sh QUIRE SOURCE_DIR.
set -u
QUIRE=$1
if ! grep -q "quire-proof" "$QUIRE" 2>/dev/null; then echo "skipped: this quire does not hand over"; exit 77; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1" >&2; fail=1; fi; }
cp "$QUIRE" "$WORK/quire"
cat >"$WORK/quire-proof" <<'SH'
#!/bin/sh
echo "tunables=${GLIBC_TUNABLES-unset}"
echo "args=$*"
SH
chmod +x "$WORK/quire-proof"

env -u GLIBC_TUNABLES "$WORK/quire" build "a b.xml" -o out >"$WORK/out1" 2>&1
check "quire-proof gets glibc.malloc.hugetlb=1" "grep -qx 'tunables=glibc.malloc.hugetlb=1' '$WORK/out1'"
check "the arguments arrive unchanged" "grep -qx 'args=build a b.xml -o out' '$WORK/out1'"
GLIBC_TUNABLES=glibc.malloc.arena_max=1 "$WORK/quire" issue x.xml >"$WORK/out2" 2>&1
check "a user's GLIBC_TUNABLES is kept" "grep -qx 'tunables=glibc.malloc.arena_max=1' '$WORK/out2'"
env -u GLIBC_TUNABLES "$WORK/quire" --version >"$WORK/out3" 2>&1
check "quire's own commands are not handed over" "! grep -q 'tunables=' '$WORK/out3'"
exit $fail
