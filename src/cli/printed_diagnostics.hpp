// Running a stage for a command so that the user sees every problem, not only the first: the stage
// collects diagnostics; they are printed to stderr when it returns, and when it throws, all but the
// thrown error are printed and the error goes on to main, which prints it last and exits 1.
#pragma once

#include "core/diagnostic.hpp"

#include <iostream>

namespace quire::cli {

template <typename Stage>
auto with_printed_diagnostics(Stage&& stage) {
    Diagnostics diagnostics;
    try {
        auto result = stage(diagnostics);
        std::cerr << diagnostics.to_string();
        return result;
    } catch (const QuireError& e) {
        for (const auto& d : diagnostics.all())
            if (d.to_string() != e.diagnostic().to_string()) std::cerr << d.to_string() << '\n';
        throw;
    }
}

}  // namespace quire::cli
