#include "page/page_document.hpp"

#include <cstdio>
#include <sstream>

namespace quire::page {

namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    if (s == "-0.00") s = "0.00";
    return s;
}

std::string rect(const Rect& r) {
    return num(r.x.pt()) + "," + num(r.y.pt()) + " " + num(r.width.pt()) + "x" + num(r.height.pt());
}

struct ItemDumper {
    std::ostringstream& o;
    void operator()(const TextItem& t) const {
        o << "  text " << t.role << " @" << num(t.x + t.run.x_start_pt) << "," << num(t.y) << " "
          << (t.run.font ? t.run.font->family() + " " + std::to_string(t.run.font->weight()) : std::string("?"))
          << (t.run.font && t.run.font->slant() == text::Slant::Italic ? " italic" : "") << " " << num(t.run.size_pt)
          << "pt " << t.color.to_hex() << " w" << num(t.run.width_pt) << " \"" << t.run.text << "\"";
        if (!t.run.href.empty()) o << " href=" << t.run.href;
        o << "\n";
    }
    void operator()(const ImageItem& i) const {
        o << "  image frame " << rect(i.frame) << " placed " << rect(i.placed) << " "
          << (i.image ? std::to_string(i.image->width) + "x" + std::to_string(i.image->height) + "px "
                            + i.image->path.filename().string()
                      : std::string("?"))
          << "\n";
    }
    void operator()(const RuleItem& r) const {
        o << "  rule " << num(r.x0) << "," << num(r.y0) << " - " << num(r.x1) << "," << num(r.y1) << " "
          << num(r.thickness) << "pt " << r.color.to_hex() << "\n";
    }
    void operator()(const BoxItem& b) const { o << "  box " << rect(b.rect) << " " << b.fill.to_hex() << "\n"; }
    void operator()(const LinkItem& l) const { o << "  link " << rect(l.rect) << " " << l.uri << "\n"; }
    void operator()(const BarcodeItem& b) const {
        o << "  barcode " << rect(b.box) << " issn " << b.issn << " addon " << b.addon << "\n";
    }
};

}  // namespace

std::string PageDocument::dump() const {
    std::ostringstream o;
    const Size media = geometry.media();
    o << "document " << pages.size() << " pages, media " << num(media.width.pt()) << "x" << num(media.height.pt())
      << "pt, trim " << num(geometry.trim.width.pt()) << "x" << num(geometry.trim.height.pt()) << "pt, bleed "
      << num(geometry.bleed.pt()) << "pt\n";
    o << "info title=\"" << info.title << "\" author=\"" << info.author << "\" lang=" << info.lang
      << " date=" << info.date << "\n";
    for (const auto& e : outline)
        o << "outline " << e.level << " p" << e.page + 1 << " @" << num(e.y) << " \"" << e.title << "\"\n";
    for (const auto& p : pages) {
        o << "page " << p.label << (p.side == PageSide::Left ? " left" : " right") << "\n";
        if (!p.placed_pdf.empty()) o << "  placed pdf " << p.placed_pdf.filename().string() << "\n";
        for (const auto& item : p.items) std::visit(ItemDumper{o}, item);
    }
    for (const auto& l : lines) {
        o << "line p" << l.page + 1 << " c" << l.column + 1 << " n" << l.line_in_column << " para" << l.paragraph
          << "." << l.line_in_paragraph << "/" << l.paragraph_lines << " " << l.style << " @" << num(l.x) << ","
          << num(l.baseline) << " w" << num(l.width) << " r" << num(l.ratio) << (l.hyphenated ? " hyph" : "")
          << (l.overfull ? " OVERFULL" : "") << (l.broken_word ? " BROKEN-WORD" : "") << (l.widow ? " WIDOW" : "") << (l.orphan ? " ORPHAN" : "") << (l.letter_spacing > 0 ? " letterspaced" : "") << " \""
          << l.text << "\"\n";
    }
    return o.str();
}

}  // namespace quire::page
