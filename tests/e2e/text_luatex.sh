#!/usr/bin/env bash
# Issue 4's "must show": quire lines against LuaTeX's Knuth–Plass on English, Polish, Russian and
# Ukrainian paragraphs at 156 pt 9.5/12 and 300 pt 10.5/13 (tools/compare-luatex). Skips (77)
# without LuaTeX or Charis SIL.
set -euo pipefail
quire="$1"
src="$2"
if ! command -v luatex >/dev/null; then echo "text_luatex: luatex not installed (texlive-luatex)" >&2; exit 77; fi
# texlive-binaries (pulled in by texlive-lang-other) brings the luatex program without its font
# loader: the comparison needs texlive-luatex's luaotfload too.
if ! kpsewhich luaotfload.sty >/dev/null 2>&1; then echo "text_luatex: luaotfload.sty missing (texlive-luatex)" >&2; exit 77; fi
if ! command -v python3 >/dev/null; then echo "text_luatex: python3 missing" >&2; exit 77; fi
exec python3 "$src/tools/compare-luatex" "$quire"
