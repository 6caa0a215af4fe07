// index.html: the contact sheet of a proof folder. Every page as a thumbnail (paired as spreads,
// page 1 alone as a recto), each linking to its full-size image, with the report's findings marked
// on the pages and listed below. Static HTML and CSS: no JavaScript, no network, opens from disk.
#pragma once

#include "core/length.hpp"
#include "proof/report.hpp"

#include <string>
#include <vector>

namespace quire::proof {

struct SheetPage {
    int number = 0;        // 1-based
    std::string image;     // full-size PNG, relative to index.html
    std::string thumb;     // thumbnail PNG, relative to index.html
    Size size;             // the page as drawn (PDF points), to place finding marks
};

enum class Layout { Spreads, Single };

struct ContactSheet {
    std::string title;                 // "Proof: armenia-pawn-kazakhstan"
    std::string subtitle;              // "Round 2 · 2022-01-17 · source 3f9a1c2e"
    std::vector<SheetPage> pages;
    std::vector<std::pair<std::string, std::string>> links;  // (label, href): proof.pdf, report.txt, …
    Layout layout = Layout::Spreads;
};

std::string contact_sheet_html(const ContactSheet& sheet, const Report& report);

}  // namespace quire::proof
