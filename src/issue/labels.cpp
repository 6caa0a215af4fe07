#include "issue/labels.hpp"

#include <array>
#include <map>

namespace quire::issue {

namespace {

// Order: Contents, Publisher, Editors, Address, Printer, ISSN (print), ISSN (online), Website, Support us.
using Row = std::array<const char*, 9>;

const std::map<std::string, Row>& table() {
    static const std::map<std::string, Row> t = {
        {"en", {"Contents", "Publisher", "Editors", "Address", "Printed by", "ISSN (print)", "ISSN (online)", "Online",
                "Support us"}},
        {"pl", {"Spis treści", "Wydawca", "Redakcja", "Adres", "Druk", "ISSN (wydanie drukowane)", "ISSN (online)",
                "W internecie", "Wesprzyj nas"}},
        {"uk", {"Зміст", "Видавець", "Редакція", "Адреса", "Друк", "ISSN (друковане видання)", "ISSN (онлайн)",
                "В інтернеті", "Підтримайте нас"}},
        {"ru", {"Содержание", "Издатель", "Редакция", "Адрес", "Типография", "ISSN (печатное издание)", "ISSN (онлайн)",
                "В интернете", "Поддержите нас"}},
        {"hy", {"Բովանդակություն", "Հրատարակիչ", "Խմբագրություն", "Հասցե", "Տպագրություն", "ISSN (տպագիր)",
                "ISSN (առցանց)", "Կայք", "Աջակցեք մեզ"}},
        {"ka", {"სარჩევი", "გამომცემელი", "რედაქცია", "მისამართი", "სტამბა", "ISSN (ბეჭდური)", "ISSN (ონლაინ)",
                "ვებგვერდი", "დაგვიჭირეთ მხარი"}},
    };
    return t;
}

}  // namespace

std::string label(Label which, const std::string& lang) {
    const std::string primary = lang.substr(0, lang.find('-'));
    auto it = table().find(primary);
    if (it == table().end()) it = table().find("en");
    return it->second[static_cast<std::size_t>(which)];
}

}  // namespace quire::issue
