#include "page/flow.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace quire::page {

bool FlowFrames::left_page(int page) const {
    // Folio 1 is a right-hand page (recto); even folios are left-hand pages (verso).
    return geometry.facing == style::Facing::Spread && (first_folio + page) % 2 == 0;
}

double FlowFrames::text_x(int page) const {
    // On left pages the inside margin is on the right.
    return left_page(page) ? geometry.margin_outside.pt() : geometry.margin_inside.pt();
}

ColumnFrame FlowFrames::frame(int page, int column) const {
    const style::PageGeometry& g = geometry;
    ColumnFrame f;
    f.x = text_x(page) + column * (g.column_width() + g.gutter).pt();
    f.top = page == 0 ? opening_top : g.margin_top.pt();
    f.max_baseline = (g.margin_top + g.text_height()).pt();
    if (page == limit_page) f.max_baseline = std::min(f.max_baseline, limit_baseline);
    return f;
}

namespace {

// Grid arithmetic: a position within this many grid steps of a grid line counts as on it, so that
// a sum of leadings that should land on the grid is not pushed a whole step down by rounding.
constexpr double kGridTolerance = 1e-6;
// A point below the frame's top, to find the first grid line strictly inside the frame.
constexpr double kBelowTop = 1;

}  // namespace

double FlowFrames::snap(double y) const {
    const double g0 = (geometry.margin_top + geometry.first_baseline).pt();
    const double step = geometry.baseline.pt();
    return g0 + std::ceil((y - g0) / step - kGridTolerance) * step;
}

namespace {

// Positions in pt closer than this are equal (a line box touching the frame's foot fits).
constexpr double kEpsilon = 0.01;

struct Cursor {
    int page = 0, column = 0;
    double bottom = 0;          // bottom of the last line box placed in this column
    double last_baseline = 0;
    double pending_after = 0;   // space after the previous block
    double pending_fixed = 0;   // of it, the rules' and padding's share (it does not collapse)
    bool empty = true;          // nothing placed in this column yet
};

class Flow {
public:
    // `head_of_page`: spanning floats to set at the head of a given page when the flow reaches it,
    // ahead of their place in the text (see flow_blocks).
    enum class HeadOrder { Text, AskedFirst };  // at a page's head: floats in the text's order, or those asked for first

    Flow(const std::vector<FlowBlock>& blocks, const FlowFrames& frames, const std::map<int, std::vector<int>>& head_of_page,
         HeadOrder order)
        : blocks_(blocks), frames_(frames), head_of_page_(head_of_page), order_(order) {}

    // Spanning floats that found no room before the text ended and went to a page of their own:
    // each with the last page that has text.
    std::vector<std::pair<int, int>> stranded;

    FlowResult run() {
        result_.blocks.resize(blocks_.size());
        for (const auto& [page, list] : head_of_page_)
            for (int i : list) hinted_.insert(i);
        place_hinted_on_first_page();
        // Pull quotes and figures float: one that does not fit where it falls waits for the first
        // block boundary where it does (usually the next column), rather than leaving a column short.
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (!after_keep_) place_deferred(false);  // never between a heading and what it keeps with
            const FlowBlock& b = blocks_[i];
            if (b.spans) {
                if (asked_for_head(static_cast<int>(i))) continue;  // set (or to be set) at a page's head
                // Across the columns: at the head of the page if nothing is on it yet, else at the head
                // of the next page (the text runs on in the columns meanwhile).
                if (cur_.column == 0 && cur_.empty) place_span(static_cast<int>(i));
                else span_deferred_.push_back(static_cast<int>(i));
                continue;
            }
            if (floats(b) && !cur_.empty && !fits_whole(b, cur_)) {
                deferred_.push_back(static_cast<int>(i));
                continue;
            }
            place_block(static_cast<int>(i));
        }
        place_deferred(true);
        // A float asked for at a page's head the flow did not start afresh goes with the others.
        for (int i : hinted_)
            if (!std::count(span_deferred_.begin(), span_deferred_.end(), i)) span_deferred_.push_back(i);
        hinted_.clear();
        place_spans_at_end();
        result_.pages = cur_.page + 1;
        const int columns = frames_.geometry.columns;
        result_.last_page_bottoms.assign(static_cast<std::size_t>(columns), 0.0);
        for (const PlacedLine& l : result_.lines)
            if (l.page == cur_.page)
                result_.last_page_bottoms[static_cast<std::size_t>(l.column)] =
                    std::max(result_.last_page_bottoms[static_cast<std::size_t>(l.column)], l.baseline);
        return std::move(result_);
    }

private:
    // The space between the block before `cur` and `b`: the styles' space collapses (the larger of
    // space after and space before, not their sum: a pull quote then a subhead get one gap, not
    // two), the rules' and padding's does not.
    static double gap_before(const FlowBlock& b, const Cursor& cur) {
        return cur.pending_fixed + b.fixed_before +
               std::max(cur.pending_after - cur.pending_fixed, b.space_before - b.fixed_before);
    }

    // The baseline of line `index` of block `b` placed after `cur`, and whether it fits.
    double baseline_for(const FlowBlock& b, int index, const Cursor& cur, bool first_of_fragment,
                        const ColumnFrame& f) const {
        double y;
        if (first_of_fragment) {
            y = cur.empty ? f.top : cur.bottom + (index == 0 ? gap_before(b, cur) : cur.pending_after);
            if (index == 0) y += b.top_extra;
            y += b.above;
        } else {
            y = cur.last_baseline + b.leading + b.lines[static_cast<std::size_t>(index)].gap_before;
        }
        if (b.on_grid) y = frames_.snap(y);
        return y;
    }

    // How many lines of `b`, from `from`, fit in the column after `cur` (at most `want`);
    // advances `cur` past them.
    int fit(const FlowBlock& b, int from, int want, Cursor& cur, std::vector<double>* baselines = nullptr) const {
        const ColumnFrame f = frame(cur.page, cur.column);
        const int n = static_cast<int>(b.lines.size());
        if (n == 0) {  // a figure without caption: only its image
            const double top = cur.empty ? f.top : cur.bottom + gap_before(b, cur);
            if (top + b.top_extra > f.max_baseline + b.depth + kEpsilon && !cur.empty) return -1;
            cur.bottom = top + b.top_extra;
            cur.last_baseline = cur.bottom;
            cur.empty = false;
            cur.pending_after = 0;
            cur.pending_fixed = 0;
            return 0;
        }
        return set_lines(b, from, std::min(want, n - from), cur, f, baselines, Fit::Frame);
    }

    enum class Fit { Frame, Force };  // stop at the frame's foot, or place every line regardless

    // Lines [from, from + count) of `b` after `cur` in frame `f`: how many fit (all of them with
    // Fit::Force); advances `cur` past them and adds their baselines.
    int set_lines(const FlowBlock& b, int from, int count, Cursor& cur, const ColumnFrame& f,
                  std::vector<double>* baselines, Fit mode) const {
        int placed = 0;
        for (int i = from; i < from + count; ++i) {
            const double y = baseline_for(b, i, cur, placed == 0, f);
            if (mode == Fit::Frame && y > f.max_baseline + kEpsilon) break;
            if (baselines) baselines->push_back(y);
            cur.last_baseline = y;
            cur.bottom = y + b.depth;
            cur.empty = false;
            cur.pending_after = 0;
            cur.pending_fixed = 0;
            ++placed;
        }
        return placed;
    }

    // The column's frame, its top below the floats spanning the page's head.
    ColumnFrame frame(int page, int column) const {
        ColumnFrame f = frames_.frame(page, column);
        if (const auto it = span_top_.find(page); it != span_top_.end()) f.top = std::max(f.top, it->second);
        return f;
    }

    // Places spanning block `i` at the head of the current page (below any placed there before);
    // the page's columns then start below it. Advances to the next page when it does not fit.
    void place_span(int i) {
        const FlowBlock& b = blocks_[static_cast<std::size_t>(i)];
        for (int attempt = 0; attempt < 2; ++attempt) {
            check_pages(b);
            Cursor c;
            c.page = cur_.page;
            c.column = 0;
            if (const auto it = span_bottom_.find(c.page); it != span_bottom_.end()) {
                c.empty = false;
                c.bottom = it->second.first;
                c.pending_after = it->second.second;
                c.pending_fixed = 0;
            }
            if (place_across(i, c, attempt == 1)) return;
            next_page();
        }
    }

    // Sets spanning block `i` after cursor `c` (in the page's column 0, the text area's left edge);
    // false (nothing placed) when it does not fit, unless `force`.
    bool place_across(int i, Cursor c, bool force) {
        const FlowBlock& b = blocks_[static_cast<std::size_t>(i)];
        const int n = static_cast<int>(b.lines.size());
        const ColumnFrame f = frames_.frame(c.page, 0);
        const double top = c.empty ? f.top : c.bottom + gap_before(b, c);
        Cursor sim = c;
        std::vector<double> baselines;
        if (n == 0) {
            if (fit(b, 0, 0, sim) < 0 && !force) return false;
        } else {
            // Measured against the page's own frame, not the columns' (their top is below the reservation).
            const int placed = fit_plain(b, n, sim, baselines);
            if (placed < n && !force) return false;
            if (placed < n) {
                baselines.clear();
                sim = c;
                fit_plain(b, n, sim, baselines, Fit::Force);
            }
        }
        result_.blocks[static_cast<std::size_t>(i)] =
            PlacedBlock{c.page, 0, baselines.empty() ? top : baselines.front() - b.above - b.top_extra};
        for (int j = 0; j < static_cast<int>(baselines.size()); ++j)
            result_.lines.push_back(PlacedLine{i, j, c.page, 0, baselines[static_cast<std::size_t>(j)]});
        span_bottom_[c.page] = {sim.bottom, b.space_after};
        // The columns start one space-after below the float (their first baseline snaps to the grid).
        span_top_[c.page] = sim.bottom + b.space_after;
        return true;
    }

    // The spanning block's own lines against the page's frame, not the columns' (their top is below
    // the reservation the block makes).
    int fit_plain(const FlowBlock& b, int n, Cursor& cur, std::vector<double>& baselines, Fit mode = Fit::Frame) const {
        return set_lines(b, 0, n, cur, frames_.frame(cur.page, 0), &baselines, mode);
    }

    // At the text's end: spanning floats still waiting go at the foot of the last page, under all
    // its columns, if they fit there; otherwise at the head of a new page.
    void place_spans_at_end() {
        while (!span_deferred_.empty()) {
            const int i = span_deferred_.front();
            span_deferred_.erase(span_deferred_.begin());
            Cursor c;
            c.page = cur_.page;
            c.empty = false;
            c.bottom = 0;
            for (const PlacedLine& l : result_.lines)
                if (l.page == c.page) c.bottom = std::max(c.bottom, l.baseline + blocks_[static_cast<std::size_t>(l.block)].depth);
            c.pending_after = cur_.pending_after;
            c.pending_fixed = cur_.pending_fixed;
            if (c.bottom > 0 && place_across(i, c, false)) {
                cur_.bottom = span_bottom_[c.page].first;
                continue;
            }
            stranded.emplace_back(i, cur_.page);
            next_page();
            cur_.empty = true;
            Cursor head;
            head.page = cur_.page;
            place_across(i, head, true);
            cur_.empty = false;
        }
    }

    // The next page's first column; spanning floats waiting go at its head.
    void next_page() {
        cur_.column = frames_.geometry.columns - 1;
        next_column(cur_);
    }

    bool asked_for_head(int i) const {
        for (const auto& [page, list] : head_of_page_)
            if (std::count(list.begin(), list.end(), i)) return true;
        return false;
    }

    // The spanning floats asked for at the head of the first page (advance() places the others).
    void place_hinted_on_first_page() {
        const auto it = head_of_page_.find(0);
        if (it == head_of_page_.end()) return;
        for (int i : it->second)
            if (hinted_.erase(i)) place_span(i);
    }

    void advance() {
        next_column(cur_);
        if (cur_.column != 0) return;
        // The floats waiting for this page's head and those asked for here, in the text's order.
        std::vector<int> waiting;
        if (const auto it = head_of_page_.find(cur_.page); it != head_of_page_.end())
            for (int i : it->second)
                if (hinted_.erase(i)) waiting.push_back(i);
        const auto asked = static_cast<std::ptrdiff_t>(waiting.size());
        waiting.insert(waiting.end(), span_deferred_.begin(), span_deferred_.end());
        span_deferred_.clear();
        if (order_ == HeadOrder::Text) std::sort(waiting.begin(), waiting.end());
        else std::sort(waiting.begin() + asked, waiting.end());
        for (int i : waiting) place_span(i);
    }

    static bool floats(const FlowBlock& b) {
        return b.keep_together && (b.role == BlockRole::PullQuote || b.role == BlockRole::Figure);
    }

    bool fits_whole(const FlowBlock& b, Cursor cur) const {
        const int n = static_cast<int>(b.lines.size());
        if (n == 0) return fit(b, 0, 0, cur) >= 0;
        return fit(b, 0, n, cur) == n;
    }

    void place_deferred(bool force) {
        while (!deferred_.empty()) {
            const int j = deferred_.front();
            if (!force && !cur_.empty && !fits_whole(blocks_[static_cast<std::size_t>(j)], cur_)) break;
            deferred_.erase(deferred_.begin());
            place_block(j);
        }
    }

    void next_column(Cursor& cur) const {
        if (++cur.column >= frames_.geometry.columns) {
            cur.column = 0;
            ++cur.page;
        }
        cur.empty = true;
        cur.pending_after = 0;
        cur.pending_fixed = 0;
    }

    // Do `b` and the blocks it keeps with (the first lines of the next) fit after `cur`?
    bool fits_with_next(int i, Cursor cur) const {
        const int count = static_cast<int>(blocks_.size());
        int j = i;
        while (j < count && blocks_[static_cast<std::size_t>(j)].keep_with_next) {
            const FlowBlock& b = blocks_[static_cast<std::size_t>(j)];
            const int n = static_cast<int>(b.lines.size());
            if (fit(b, 0, n, cur) < n) return false;
            cur.pending_after = b.space_after;
            cur.pending_fixed = b.fixed_after;
            ++j;
        }
        while (j < count && blocks_[static_cast<std::size_t>(j)].spans) ++j;  // floats to a page's head
        if (j < count) {
            const FlowBlock& next = blocks_[static_cast<std::size_t>(j)];
            const int n = static_cast<int>(next.lines.size());
            // A paragraph too short to break by the widow and orphan rules must fit whole, or the
            // heading would be left at the column's foot above a hole (the paragraph moves on).
            const int want = next.keep_together || n < next.orphans + next.widows ? n : next.orphans;
            if (fit(next, 0, want, cur) < want) return false;
        }
        return true;
    }

    // Would block i + 1, which keeps with its previous block, be left to start a new page alone, with
    // block i ending at `after` in the page's last column?
    bool leaves_next_alone(int i, const Cursor& after) const {
        const std::size_t next = static_cast<std::size_t>(i) + 1;
        const FlowBlock& b = blocks_[static_cast<std::size_t>(i)];
        if (next >= blocks_.size() || !blocks_[next].keep_with_previous || b.keep_together) return false;
        if (after.column + 1 != frames_.geometry.columns) return false;
        const FlowBlock& n = blocks_[next];
        Cursor c = after;
        c.pending_after = b.space_after;
        c.pending_fixed = b.fixed_after;
        const int lines = static_cast<int>(n.lines.size());
        const int want = n.keep_together ? lines : std::min(lines, n.orphans);
        return fit(n, 0, want, c) < want;
    }

    [[noreturn]] void cannot_fit(const FlowBlock& b) const {
        throw QuireError(b.where, "this " + b.style_name + " block cannot be set: it does not fit in an empty column of layout");
    }

    void place_block(int i) {
        const FlowBlock& b = blocks_[static_cast<std::size_t>(i)];
        const int n = static_cast<int>(b.lines.size());
        if (b.keep_with_next && !cur_.empty && !fits_with_next(i, cur_)) advance();
        if (b.keep_together && !cur_.empty) {
            Cursor sim = cur_;
            if (fit(b, 0, n, sim) < n) advance();
        }
        // A float waiting for room goes at the top of the new column, before this block.
        if (cur_.empty && !floats(b) && !deferred_.empty()) place_deferred(false);
        after_keep_ = b.keep_with_next;
        check_pages(b);
        if (n == 0) {
            const ColumnFrame f = frame(cur_.page, cur_.column);
            const double top = cur_.empty ? f.top : cur_.bottom + gap_before(b, cur_);
            if (fit(b, 0, 0, cur_) < 0) {
                advance();
                check_pages(b);
                const ColumnFrame f2 = frame(cur_.page, cur_.column);
                result_.blocks[static_cast<std::size_t>(i)] = PlacedBlock{cur_.page, cur_.column, f2.top};
                fit(b, 0, 0, cur_);
            } else {
                result_.blocks[static_cast<std::size_t>(i)] = PlacedBlock{cur_.page, cur_.column, top};
            }
            cur_.pending_after = b.space_after;
            cur_.pending_fixed = b.fixed_after;
            return;
        }
        int k = 0;
        bool first_fragment = true;
        while (k < n) {
            check_pages(b);
            Cursor sim = cur_;
            const int fitted = fit(b, k, n - k, sim);
            const int remaining = n - k;
            int take = fitted;
            if (fitted == remaining && leaves_next_alone(i, sim)) {
                // The rest fits, but the block after it (the donation notice) would then start the next
                // page alone: break earlier, so that the last `widows` lines go on with it.
                int t = remaining - b.widows;
                if (t > 1 && b.lines[static_cast<std::size_t>(k + t - 1)].line.hyphenated &&
                    !b.lines[static_cast<std::size_t>(k + t - 2)].line.hyphenated)
                    --t;  // no hyphen across the page turn
                if (t > 0 && (!first_fragment || t >= b.orphans)) take = t;
            }
            if (fitted < remaining) {
                if (remaining - take < b.widows) take = remaining - b.widows;
                // No hyphen across a page turn (Chicago Manual of Style 7.43; Bringhurst 2.4.6): at the
                // foot of a page's last column, end on a whole word if the line before allows it.
                if (cur_.column + 1 == frames_.geometry.columns && take > 0 &&
                    b.lines[static_cast<std::size_t>(k + take - 1)].line.hyphenated) {
                    const int shorter = take - 1;
                    if (shorter > 0 && (!first_fragment || shorter >= b.orphans) &&
                        !b.lines[static_cast<std::size_t>(k + shorter - 1)].line.hyphenated)
                        take = shorter;
                }
                if (first_fragment && take < b.orphans) take = 0;
                if (take <= 0) {
                    if (cur_.empty) {
                        // A column that balancing shortened (flow_balanced) is not a column too short
                        // for the rules: fail, so that a taller one is tried, rather than split a
                        // drop cap's lines or strand an orphan to even the columns.
                        if (fitted == 0 || cur_.page == frames_.limit_page) cannot_fit(b);
                        take = fitted;  // a column too short for the rules: break where it must
                    } else {
                        advance();
                        continue;
                    }
                }
            }
            std::vector<double> baselines;
            const bool was_empty = cur_.empty;
            const int placed = fit(b, k, take, cur_, &baselines);
            if (first_fragment) {
                const ColumnFrame f = frame(cur_.page, cur_.column);
                const double first = baselines.empty() ? f.top : baselines.front();
                result_.blocks[static_cast<std::size_t>(i)] =
                    PlacedBlock{cur_.page, cur_.column, first - b.above - b.top_extra};
                (void)was_empty;
            }
            for (int j = 0; j < placed; ++j)
                result_.lines.push_back(PlacedLine{i, k + j, cur_.page, cur_.column, baselines[static_cast<std::size_t>(j)]});
            k += placed;
            first_fragment = false;
            if (k < n) {
                advance();
                // A float that did not fit where it fell goes to the head of the next column, and the
                // paragraph runs on below it, rather than the float waiting for the paragraph's end and
                // landing mid-column (the art desk's rule: floats at the top or foot of a column).
                if (!floats(b) && !b.keep_with_next) place_deferred(false);
            }
        }
        cur_.pending_after = b.space_after;
        cur_.pending_fixed = b.fixed_after;
    }

    void check_pages(const FlowBlock& b) const {
        if (cur_.page >= frames_.max_pages)
            throw QuireError(b.where, "the text does not fit in the " + std::to_string(frames_.max_pages) +
                                          " pages the layout allows");
    }

    const std::vector<FlowBlock>& blocks_;
    const FlowFrames& frames_;
    Cursor cur_;
    FlowResult result_;
    std::vector<int> deferred_;  // floats waiting for room, in order
    const std::map<int, std::vector<int>>& head_of_page_;
    HeadOrder order_;
    std::set<int> hinted_;                     // the blocks of head_of_page_ not placed yet
    std::vector<int> span_deferred_;           // spanning floats waiting for the next page's head
    std::map<int, double> span_top_;           // page → where its columns start, below spanning floats
    std::map<int, std::pair<double, double>> span_bottom_;  // page → the spanning floats' bottom, space after
    bool after_keep_ = false;    // the block placed last keeps with the next
};

}  // namespace

FlowResult flow_blocks(const std::vector<FlowBlock>& blocks, const FlowFrames& frames) {
    // A spanning float that waits for the next page's head and finds the text ended before it, with
    // no room at the foot of the last page, would stand alone on a page of its own (a pull quote
    // after the article's last line). It goes instead to the head of the last page that has text,
    // the text of that page running on below it; flowed again until no float is stranded (each
    // pass moves at least one float to an earlier page, so this ends).
    // At that page's head the floats go in the text's order, unless putting the moved ones first
    // saves a page (their heights stack with different gaps and grid snaps).
    std::map<int, std::vector<int>> head_of_page;
    for (std::size_t pass = 0;; ++pass) {
        Flow flow(blocks, frames, head_of_page, Flow::HeadOrder::Text);
        FlowResult result = flow.run();
        if (!head_of_page.empty()) {
            Flow other(blocks, frames, head_of_page, Flow::HeadOrder::AskedFirst);
            FlowResult r = other.run();
            if (r.pages < result.pages) {
                result = std::move(r);
                flow.stranded = std::move(other.stranded);
            }
        }
        if (flow.stranded.empty() || pass >= blocks.size()) return result;
        for (const auto& [block, page] : flow.stranded) head_of_page[page].push_back(block);
    }
}

namespace {

// Whether every heading (keep_with_next) stands in the column where the block after it starts. The
// flow keeps them together where it can, but a column that balancing shortened can leave a heading
// alone at its foot with its paragraph at the head of the next: such a height is not taken.
bool headings_kept_with_next(const std::vector<FlowBlock>& blocks, const FlowResult& r) {
    std::vector<const PlacedLine*> last_line(blocks.size(), nullptr);
    for (const PlacedLine& l : r.lines) last_line[static_cast<std::size_t>(l.block)] = &l;
    for (std::size_t i = 0; i + 1 < blocks.size() && i + 1 < r.blocks.size(); ++i) {
        if (!blocks[i].keep_with_next || !last_line[i] || blocks[i + 1].spans) continue;
        const PlacedBlock& next = r.blocks[i + 1];
        if (next.page != last_line[i]->page || next.column != last_line[i]->column) return false;
    }
    return true;
}

}  // namespace

FlowResult flow_balanced(const std::vector<FlowBlock>& blocks, FlowFrames frames) {
    FlowResult full = flow_blocks(blocks, frames);
    const int columns = frames.geometry.columns;
    if (columns < 2 || full.lines.empty()) return full;
    const int last = full.pages - 1;
    const ColumnFrame f = frames.frame(last, 0);
    const double step = frames.geometry.baseline.pt();
    // Start from the height that would hold the last page's content if it split evenly, then add a
    // grid line at a time until it all fits on the same number of pages.
    double used = 0;
    for (double b : full.last_page_bottoms)
        if (b > 0) used += b - frames.snap(f.top + kBelowTop) + step;
    double limit = frames.snap(f.top + kBelowTop) + std::ceil(used / columns / step - kGridTolerance) * step - step;
    frames.limit_page = last;
    for (; limit < f.max_baseline - kEpsilon; limit += step) {
        frames.limit_baseline = limit;
        try {
            FlowResult r = flow_blocks(blocks, frames);
            if (r.pages == full.pages && headings_kept_with_next(blocks, r)) return r;
        } catch (const QuireError&) {
            // a shorter column cannot take some block: try a taller one
        }
    }
    return full;
}

}  // namespace quire::page
