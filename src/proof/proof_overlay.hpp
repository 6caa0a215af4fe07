// The proof's marks, appended to the display list before rendering: a PROOF mark and a stamp in the
// slug of every page (article id, round or date, a short checksum of the source, page of pages), and
// line numbers beside each column, matching the line records, so that a note can say
// "p. 2, col. 1, l. 14". All of them are artifacts (not part of the tagged content).
#pragma once

#include "core/diagnostic.hpp"
#include "page/page_document.hpp"

#include <string>

namespace quire::proof {

struct ProofStamp {
    std::string article_id;
    std::string round;     // "round 2", or the date when no round is given
    std::string checksum;  // first 8 hex digits of the source's SHA-256
};

// The stamp's text for page `number` of `count`: "armenia-pawn · round 2 · source 3f9a1c2e · p. 1/4".
std::string stamp_text(const ProofStamp& stamp, int number, int count);

// SHA-256 of `bytes`, the first 8 hex digits (GLib's GChecksum).
std::string short_checksum(const std::string& bytes);

enum class LineNumbers { Every, None };

// Appends the marks to every page of `doc` (whose fonts must be set). Characters no font has cannot
// occur (the stamp is ASCII and digits); problems go to `diagnostics`.
void add_proof_overlays(page::PageDocument& doc, const ProofStamp& stamp, LineNumbers numbers,
                        Diagnostics& diagnostics);

}  // namespace quire::proof
