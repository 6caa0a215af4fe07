// Joining threads started with std::async: every one is waited for before an error leaves, as they
// read and write what the caller owns.
//
//   std::vector<std::future<void>> tasks; … tasks.push_back(std::async(std::launch::async, f));
//   quire::wait_all(tasks);  // rethrows the first task's exception, after all have finished
#pragma once

#include <exception>
#include <future>
#include <vector>

namespace quire {

// Waits for every task; then rethrows the first exception among `failure` (an error the caller
// already has, e.g. from its own share of the work) and the tasks', in that order.
inline void wait_all(std::vector<std::future<void>>& tasks, std::exception_ptr failure = nullptr) {
    for (auto& task : tasks) {
        try {
            task.get();
        } catch (...) {
            if (!failure) failure = std::current_exception();
        }
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace quire
