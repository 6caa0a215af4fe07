#!/usr/bin/env bash
# doctest_discover_tests hands each test name to CMake as a list element, and CMake splits a list at
# ';': a test named "a; b" became two CTest tests whose --test-case filters matched nothing, and
# both passed with no test run. This fails on any doctest name with a ';' in it.
# Usage: test_names.sh QUIRE SOURCE_DIR
set -u
src=$2
bad=$(grep -rnE '(TEST_CASE|SUBCASE)\("([^"\\]|\\.)*;' "$src/tests" --include='*.cpp' || true)
if [ -n "$bad" ]; then
  echo "FAIL: test names with ';' (CTest would run nothing for them):" >&2
  echo "$bad" >&2
  exit 1
fi
count=$(grep -rhoE 'TEST_CASE\("' "$src/tests" --include='*.cpp' | wc -l)
echo "ok: $count doctest names, none with ';'"
