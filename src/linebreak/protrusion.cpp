#include "linebreak/protrusion.hpp"

#include "linebreak/items.hpp"

namespace quire::linebreak {

namespace {

// The first and last code points of a piece's text.
char32_t first_cp(const std::string& t, std::uint32_t start) {
    std::size_t k = start;
    return text::decode_utf8(t, k);
}
char32_t last_cp(const std::string& t, std::uint32_t start, std::uint32_t end) {
    std::size_t i = end - 1;
    while (i > start && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
    return text::decode_utf8(t, i);
}

double advance(const Piece& pc, std::uint32_t glyph) {
    return pc.shaped->glyphs[glyph].x_advance * pc.scale;
}

bool is_piece(const ParagraphItems& p, const Item& it) {
    return it.kind == ItemKind::Box && it.ref != kNoPiece && it.ref < p.pieces.size() && p.pieces[it.ref].g1 > p.pieces[it.ref].g0;
}

}  // namespace

MarginKerns margin_kerns(const ParagraphItems& p, const ProtrusionTable& table) {
    MarginKerns out;
    if (table.empty() || p.items.empty()) return out;
    const std::string& t = p.itemized.text;
    const std::size_t n = p.items.size();
    out.left.assign(n, 0.0);
    out.right.assign(n, 0.0);
    // Right-to-left runs keep their margins as they are (their first glyph is not the line's left).
    auto ltr = [&](const Piece& pc) { return p.itemized.runs[pc.run].bidi_level % 2 == 0; };
    // Left: a line starts at a box (after the discarded glue and penalties of its break).
    for (std::size_t i = 0; i < n; ++i) {
        const Item& it = p.items[i];
        if (!is_piece(p, it)) continue;
        const Piece& pc = p.pieces[it.ref];
        if (!ltr(pc) || pc.end <= pc.start) continue;
        const double share = table.left(first_cp(t, pc.start));
        if (share > 0) out.left[i] = share * advance(pc, pc.g0);
    }
    // Right: a line ends at glue or a penalty; its last glyph is the box before (or the hyphen a
    // discretionary break adds, as wide as the penalty's width).
    for (std::size_t i = 1; i < n; ++i) {
        const Item& it = p.items[i];
        if (it.kind == ItemKind::Box) continue;
        if (it.kind == ItemKind::Penalty && it.discretionary) {
            out.right[i] = table.right(U'-') * it.width;
            continue;
        }
        std::size_t k = i;
        while (k > 0 && p.items[k - 1].kind == ItemKind::Penalty) --k;
        if (k == 0 || !is_piece(p, p.items[k - 1])) continue;
        const Piece& pc = p.pieces[p.items[k - 1].ref];
        if (!ltr(pc) || pc.end <= pc.start) continue;
        const double share = table.right(last_cp(t, pc.start, pc.end));
        if (share > 0) out.right[i] = share * advance(pc, pc.g1 - 1);
    }
    return out;
}

}  // namespace quire::linebreak
