#include "distribute/copy_run.hpp"

#include "core/huge_pages.hpp"
#include "core/output_file.hpp"
#include "distribute/copy_mark.hpp"
#include "distribute/personalise.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace quire::distribute {

namespace fs = std::filesystem;

namespace {

struct ManifestRow {
    std::string id, file;
    std::uint64_t bytes = 0;
    std::string sha256, copy_id;
};

std::string row_text(const ManifestRow& r) {
    return csv_field(r.id) + "," + csv_field(r.file) + "," + std::to_string(r.bytes) + "," + r.sha256 + "," +
           csv_field(r.copy_id) + "\n";
}

// Rows of a manifest or journal; a damaged line (a run killed while appending) is ignored.
void read_rows(const fs::path& path, std::map<std::string, ManifestRow>& rows) {
    const auto text = try_read_file(path);
    if (!text) return;
    int unterminated = 0;
    for (const CsvRecord& rec : split_csv(*text, unterminated)) {
        if (rec.fields.size() != 5 || rec.fields[0] == "id") continue;
        if (rec.fields[3].size() != 64) continue;
        ManifestRow r{rec.fields[0], rec.fields[1], 0, rec.fields[3], rec.fields[4]};
        try {
            r.bytes = std::stoull(rec.fields[2]);
        } catch (...) {
            continue;
        }
        rows[r.id] = r;
    }
}

// A copy already complete: its file has the manifest's size and SHA-256.
bool complete(const fs::path& dir, const ManifestRow& row) {
    std::error_code ec;
    const fs::path path = dir / row.file;
    if (fs::file_size(path, ec) != row.bytes || ec) return false;
    const auto bytes = try_read_file(path);
    return bytes && sha256_hex(*bytes) == row.sha256;
}

std::string duration_text(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

Shard parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    Shard shard;
    try {
        if (slash == std::string::npos) throw std::invalid_argument("no slash");
        std::size_t used = 0;
        const unsigned long i = std::stoul(text.substr(0, slash), &used);
        if (used != slash) throw std::invalid_argument("index");
        const std::string n_text = text.substr(slash + 1);
        const unsigned long n = std::stoul(n_text, &used);
        if (used != n_text.size() || n == 0 || i == 0 || i > n || n > 1000000) throw std::invalid_argument("range");
        shard.index = static_cast<std::uint32_t>(i - 1);
        shard.count = static_cast<std::uint32_t>(n);
    } catch (const std::exception&) {
        throw QuireError(SourceSpan{"--shard"}, "expected I/N with 1 <= I <= N (\"2/8\"), got \"" + text + "\"");
    }
    return shard;
}

std::string copy_file_name(const std::string& id) {
    std::string name;
    bool changed = id.empty() || id.front() == '.' || id.size() > 100;
    for (char c : id.substr(0, 100)) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        name += ok ? c : '_';
        changed = changed || !ok;
    }
    if (!name.empty() && name.front() == '.') name.front() = '_';
    if (changed) name += "-" + sha256_hex(id).substr(0, 8);
    return name + ".epub";
}

std::string manifest_name(const Shard& shard) {
    if (shard.count == 1) return "manifest.csv";
    return "manifest-" + std::to_string(shard.index + 1) + "-of-" + std::to_string(shard.count) + ".csv";
}

CopyRunResult run_copies(const CopyRunOptions& options, Diagnostics& diagnostics) {
    const auto start = std::chrono::steady_clock::now();
    // Each copy allocates a few buffers of the book's size; glibc serves blocks over 128 KB with a
    // fresh mmap each time, and the page faults and zeroing of that memory cost more than the copy
    // (perf on the example: 40 % of the time). Keeping such blocks in the heap reuses the pages.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    CopyRunResult result;
    const Secret secret = read_secret(options.secret_file);
    const SubscriberList list = read_subscribers(options.subscribers, diagnostics);
    result.bad_rows = list.bad_rows;
    const CopyPlan plan(options.epub, options.email);

    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) throw QuireError(SourceSpan{options.out_dir.string()}, "cannot create the output folder: " + ec.message());

    // This shard's slice, with file names checked unique.
    struct Job {
        const Subscriber* subscriber;
        std::string file;
    };
    std::vector<Job> jobs;
    std::set<std::string> names;
    for (const Subscriber& s : list.subscribers) {
        if (shard_of(s.id, options.shard.count) != options.shard.index) continue;
        Job job{&s, copy_file_name(s.id)};
        if (!names.insert(job.file).second) {
            diagnostics.error(SourceSpan{options.subscribers.string(), s.line, 0},
                              "id \"" + s.id + "\" gives the same file name as another: " + job.file + "; row skipped");
            ++result.failed;
            continue;
        }
        jobs.push_back(std::move(job));
    }
    result.in_shard = jobs.size() + result.failed;

    // Temporary files a killed run left behind (core/output_file.cpp names them ".NAME.tmp.PID.N"):
    // only this slice's, since other shards may be writing theirs into the same folder right now.
    for (const auto& entry : fs::directory_iterator(options.out_dir, ec)) {
        const std::string n = entry.path().filename().string();
        const auto tmp = n.find(".tmp.");
        if (n.size() > 1 && n.front() == '.' && tmp != std::string::npos && names.count(n.substr(1, tmp - 1)))
            fs::remove(entry.path(), ec);
    }

    // What is complete already: the manifest of a finished run and the journal of an interrupted one.
    result.manifest = options.out_dir / manifest_name(options.shard);
    const fs::path journal = options.out_dir / ("." + manifest_name(options.shard) + ".journal");
    std::map<std::string, ManifestRow> known;
    read_rows(result.manifest, known);
    read_rows(journal, known);

    std::vector<std::optional<ManifestRow>> rows(jobs.size());
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const auto found = known.find(jobs[i].subscriber->id);
        if (found != known.end() && found->second.file == jobs[i].file && complete(options.out_dir, found->second)) {
            rows[i] = found->second;
            ++result.skipped;
        } else {
            todo.push_back(i);
        }
    }

    // The journal: one manifest row appended (O_APPEND, one write) as each copy is renamed into place.
    const int journal_fd = ::open(journal.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (journal_fd < 0) throw QuireError(SourceSpan{journal.string()}, "cannot write the journal");
    // The journal of a killed run may end in half a line: start on a fresh one.
    if (fs::file_size(journal, ec) > 0 && !ec && ::write(journal_fd, "\n", 1) != 1) { /* a blank line is harmless */ }

    std::mutex mutex;  // guards diagnostics, result.failed and the journal
    std::atomic<std::size_t> next{0}, done{0};
    auto worker = [&] {
        core::back_thread_heap_with_huge_pages();
        for (;;) {
            const std::size_t k = next.fetch_add(1);
            if (k >= todo.size()) return;
            const Job& job = jobs[todo[k]];
            try {
                const std::string mark = copy_mark(secret, job.subscriber->id);
                ManifestRow row{job.subscriber->id, job.file, 0, "", copy_identifier(mark)};
                const std::string bytes = plan.make_copy(*job.subscriber, mark, row.copy_id);
                row.bytes = bytes.size();
                row.sha256 = sha256_hex(bytes);
                write_file_atomically(options.out_dir / job.file, bytes);
                const std::string line = row_text(row);
                {
                    std::lock_guard lock(mutex);
                    if (::write(journal_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                        diagnostics.warning(SourceSpan{journal.string()}, "cannot append to the journal");
                }
                rows[todo[k]] = std::move(row);
            } catch (const QuireError& e) {
                std::lock_guard lock(mutex);
                diagnostics.error(SourceSpan{options.subscribers.string(), job.subscriber->line, 0},
                                  "subscriber \"" + job.subscriber->id + "\": " + e.diagnostic().to_string());
                ++result.failed;
            }
            done.fetch_add(1);
        }
    };
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, todo.size())));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);

    if (options.progress == Progress::Bar) {
        // copies done, rate, time left; redrawn in place on stderr (a terminal) five times a second.
        for (;;) {
            const std::size_t d = done.load();
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double rate = elapsed > 0 ? static_cast<double>(d) / elapsed : 0;
            const std::size_t total = todo.size();
            const int width = 30;
            const int filled = total ? static_cast<int>(static_cast<double>(width) * static_cast<double>(d) / static_cast<double>(total)) : width;
            char line[200];
            std::snprintf(line, sizeof line, "\r[%s%s] %zu/%zu copies  %.0f/s  %s left ", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                          std::string(static_cast<std::size_t>(width - filled), '.').c_str(), d, total, rate,
                          rate > 0 ? duration_text(static_cast<double>(total - d) / rate).c_str() : "?");
            std::cerr << line << std::flush;
            if (d >= total) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        std::cerr << '\n';
    }
    for (auto& t : pool) t.join();
    ::close(journal_fd);

    // The manifest: every complete copy of this shard, sorted by id; then the journal is not needed.
    std::vector<ManifestRow> complete_rows;
    for (auto& r : rows)
        if (r) complete_rows.push_back(*r);
    std::sort(complete_rows.begin(), complete_rows.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::string manifest = std::string(kManifestHeader) + "\n";
    for (const auto& r : complete_rows) manifest += row_text(r);
    write_file_atomically(result.manifest, manifest);
    fs::remove(journal, ec);  // the manifest now holds every row it had

    result.made = complete_rows.size() - result.skipped;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace quire::distribute
