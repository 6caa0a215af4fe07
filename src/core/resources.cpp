#include "core/resources.hpp"

#include <cstdlib>

namespace quire {

std::filesystem::path resource_root() {
    if (const char* home = std::getenv("QUIRE_HOME"); home && *home) return home;
    return QUIRE_SOURCE_DIR;
}

std::filesystem::path fonts_dir() { return resource_root() / "fonts"; }
std::filesystem::path layouts_dir() { return resource_root() / "layouts"; }

}  // namespace quire
