// The publication profile: the magazine's own data and house text, shared by its articles.
// An article names its profile (<article publication="publication.xml">) or finds publication.xml
// beside it; notices the article leaves empty are filled from here.
#pragma once

#include "model/article.hpp"

#include <string>
#include <vector>

namespace quire::model {

struct Publication {
    std::string id;             // "new-eastern-europe": the stable part of identifiers (EPUB dc:identifier)
    std::string name;           // "New Eastern Europe"
    std::string publisher;      // "Kolegium Europy Wschodniej im. Jana Nowaka-Jeziorańskiego"
    std::string issn_print;     // "2083-7372" (checked: 4-4 digits with ISO 3297 check digit)
    std::string issn_online;
    std::string site_url;       // "https://neweasterneurope.eu/"
    std::string donation_url;   // where readers donate (<donate>), optional: the donation notice links to it
    std::string copyright;      // "© 2022 New Eastern Europe"
    std::string lang = "en";
    std::string default_layout = "magazine";
    std::string logo;           // path relative to the profile, optional
    // The press PDF's output intent (docs/press.md): the printer's CMYK ICC profile (path relative to
    // the profile) and its characterisation ("FOGRA39"); empty = a free default, with a warning.
    std::string output_intent_profile;
    std::string output_intent_condition;
    std::vector<Notice> notices;  // house text by kind ("donation", …)

    // The impressum (masthead) of a print issue: who makes it and where (docs/article-format.md).
    struct Editor {
        std::string role;       // "Editor-in-chief"
        std::string name;
        bool operator==(const Editor&) const = default;
    };
    std::vector<Editor> editors;
    std::string address;        // the publisher's postal address, one line
    std::string printer;        // "Printed by …"
    int signature_pages = 4;    // a print issue's page count is a multiple of this (4, 8 or 16)

    std::string source_file;    // not written

    const Notice* find_notice(const std::string& kind) const;
    bool operator==(const Publication& o) const;
};

// A check on an ISSN's form and ISO 3297 check digit ("2083-7372").
bool is_valid_issn(const std::string& issn);

}  // namespace quire::model
