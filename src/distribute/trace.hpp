// Tracing a leaked copy back to its subscriber from the invisible mark alone (personalise.hpp):
// every entry of the ZIP is searched, whatever its name, so that renamed files, a removed ex-libris
// page and a rewritten ZIP do not matter. The mark's key fingerprint tells a copy marked with another
// key from one whose subscriber is not in the list.
#pragma once

#include "distribute/copy_mark.hpp"
#include "distribute/subscriber_list.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace quire::distribute {

enum class TraceOutcome {
    Found,             // one subscriber
    NoMark,            // no mark anywhere
    OtherKey,          // marks, none made with this secret
    NotInList,         // made with this secret, but no subscriber of the list has it
    Several,           // marks of more than one subscriber (copies combined)
};

struct TraceResult {
    TraceOutcome outcome = TraceOutcome::NoMark;
    std::vector<std::string> marks;         // distinct, in the order found
    std::vector<Subscriber> subscribers;    // those matched
    std::size_t marked_documents = 0;       // entries holding a mark
};

// The marks in `epub`'s entries (distinct, in order), and how many entries hold one.
std::vector<std::string> find_marks(const std::filesystem::path& epub, std::size_t& marked_entries);

TraceResult trace_copy(const std::filesystem::path& epub, const SubscriberList& list, const Secret& secret);

}  // namespace quire::distribute
