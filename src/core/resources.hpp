// Where quire finds its bundled resources (fonts/, layouts/): $QUIRE_HOME if set, else the source
// tree it was built from (QUIRE_SOURCE_DIR, set by CMake). An installed quire would set QUIRE_HOME.
#pragma once

#include <filesystem>

namespace quire {

std::filesystem::path resource_root();
std::filesystem::path fonts_dir();    // resource_root()/fonts
std::filesystem::path layouts_dir();  // resource_root()/layouts

}  // namespace quire
