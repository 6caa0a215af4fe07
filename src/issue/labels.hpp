// The words an issue's own pages print (contents, impressum), in the issue's language: en, pl, uk, ru,
// hy and ka, else English.
#pragma once

#include <string>

namespace quire::issue {

enum class Label { Contents, Publisher, Editors, Address, Printer, IssnPrint, IssnOnline, Website, Support };

std::string label(Label label, const std::string& lang);

}  // namespace quire::issue
