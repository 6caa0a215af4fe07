#include "proof/word_diff.hpp"

#include <algorithm>
#include <unordered_map>

namespace quire::proof {

int WordDiff::words_removed() const {
    int n = 0;
    for (const auto& e : edits) if (e.kind == EditKind::Removed) n += static_cast<int>(e.words.size());
    return n;
}

int WordDiff::words_added() const {
    int n = 0;
    for (const auto& e : edits) if (e.kind == EditKind::Added) n += static_cast<int>(e.words.size());
    return n;
}

namespace {

enum class Op { Keep, Remove, Add };

// Myers' greedy forward search with the V array saved per step, then a walk back through the saved
// arrays. Memory is O(D²), bounded by `max_d`; returns false when D exceeds it.
bool myers(const std::vector<int>& a, const std::vector<int>& b, int max_d, std::vector<Op>& script) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    const int max = std::min(n + m, max_d);
    const int offset = max + 1;
    std::vector<int> v(static_cast<std::size_t>(2 * max + 3), 0);
    // trace[d] keeps V[-d..d] as it was before step d: all the walk back reads of it.
    std::vector<std::vector<int>> trace;
    int found_d = -1;
    for (int d = 0; d <= max && found_d < 0; ++d) {
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        for (int k = -d; k <= d; k += 2) {
            int x;
            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
            else x = v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) { ++x; ++y; }
            v[offset + k] = x;
            if (x >= n && y >= m) { found_d = d; break; }
        }
    }
    if (found_d < 0) return false;
    // Walk back: trace[d] holds V as it was before step d.
    int x = n, y = m;
    std::vector<Op> reversed;
    for (int d = found_d; d > 0; --d) {
        const std::vector<int>& pv = trace[static_cast<std::size_t>(d)];
        auto at = [&](int k) { return pv[static_cast<std::size_t>(k + d)]; };
        const int k = x - y;
        int prev_k;
        if (k == -d || (k != d && at(k - 1) < at(k + 1))) prev_k = k + 1;
        else prev_k = k - 1;
        const int prev_x = at(prev_k);
        const int prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) { reversed.push_back(Op::Keep); --x; --y; }
        if (prev_k == k + 1) reversed.push_back(Op::Add);   // down: b[y-1] inserted
        else reversed.push_back(Op::Remove);                // right: a[x-1] deleted
        x = prev_x;
        y = prev_y;
    }
    while (x > 0 && y > 0) { reversed.push_back(Op::Keep); --x; --y; }
    script.assign(reversed.rbegin(), reversed.rend());
    return true;
}

void push_word(std::vector<WordEdit>& edits, EditKind kind, const PdfWord& w, int old_position) {
    // A run goes on while the words are consecutive: removals advance through the old text, while
    // additions all stand at one place in it.
    const bool continues = !edits.empty() && edits.back().kind == kind &&
        (kind == EditKind::Removed
             ? edits.back().old_position + static_cast<int>(edits.back().words.size()) == old_position
             : edits.back().old_position == old_position);
    if (!continues) {
        WordEdit e;
        e.kind = kind;
        e.page = w.page;
        e.old_position = old_position;
        edits.push_back(std::move(e));
    }
    WordEdit& e = edits.back();
    e.words.push_back(w.text);
    e.boxes.push_back(w.box);
    e.pages.push_back(w.page);
    e.last_page = w.page;
}

}  // namespace

WordDiff diff_words(const std::vector<PdfWord>& old_words, const std::vector<PdfWord>& new_words,
                    int max_edit_distance) {
    // Words become integers once, so that the search compares ints.
    std::unordered_map<std::string, int> ids;
    auto intern = [&](const std::vector<PdfWord>& words) {
        std::vector<int> out;
        out.reserve(words.size());
        for (const auto& w : words) out.push_back(ids.emplace(w.text, static_cast<int>(ids.size())).first->second);
        return out;
    };
    const std::vector<int> a_all = intern(old_words), b_all = intern(new_words);

    // The common head and tail cost nothing to skip and keep the search to the differing middle.
    std::size_t head = 0;
    while (head < a_all.size() && head < b_all.size() && a_all[head] == b_all[head]) ++head;
    std::size_t tail = 0;
    while (tail < a_all.size() - head && tail < b_all.size() - head &&
           a_all[a_all.size() - 1 - tail] == b_all[b_all.size() - 1 - tail])
        ++tail;
    const std::vector<int> a(a_all.begin() + static_cast<std::ptrdiff_t>(head), a_all.end() - static_cast<std::ptrdiff_t>(tail));
    const std::vector<int> b(b_all.begin() + static_cast<std::ptrdiff_t>(head), b_all.end() - static_cast<std::ptrdiff_t>(tail));

    WordDiff result;
    std::vector<Op> script;
    if (!myers(a, b, max_edit_distance, script)) {
        result.approximate = true;
        script.assign(a.size(), Op::Remove);
        script.insert(script.end(), b.size(), Op::Add);
    }
    std::size_t i = head, j = head;
    for (Op op : script) {
        switch (op) {
            case Op::Keep: ++i; ++j; break;
            case Op::Remove: push_word(result.edits, EditKind::Removed, old_words[i], static_cast<int>(i)); ++i; break;
            case Op::Add: push_word(result.edits, EditKind::Added, new_words[j], static_cast<int>(i)); ++j; break;
        }
    }
    return result;
}

}  // namespace quire::proof
