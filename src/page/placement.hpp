// Where an article sits in a printed issue: its first folio (and so which side its opening is on),
// the section its running heads name, and whether its donation notice is printed (an issue prints
// the notice once). A single article is folio 1 with its own section and notices.
#pragma once

#include <string>

namespace quire::page {

enum class DonationNotice { AsWritten, Omit };  // Omit: the issue prints the notice once, elsewhere
// Skip: running heads and folios are left for add_furniture (an issue adds them once the folios are known).
enum class Furniture { Draw, Skip };

struct ArticlePlacement {
    int first_folio = 1;          // odd: the opening is a right-hand page
    std::string section;          // "" = the article's own (meta.section); else the section title
    DonationNotice donation = DonationNotice::AsWritten;
    Furniture furniture = Furniture::Draw;
};

}  // namespace quire::page
