#include "distribute/ex_libris.hpp"

#include "core/markup_escape.hpp"

#include <map>

namespace quire::distribute {

ExLibrisText ex_libris_text(const std::string& lang) {
    // "Subscriber's copy" where the owner's name would otherwise need a grammatical case the
    // page cannot give it (Polish "należy do" + genitive; the Slavic, Armenian and Georgian
    // equivalents likewise): the name then stands alone on the next line.
    static const std::map<std::string, ExLibrisText> table{
        {"en", {"Ex libris", "This copy belongs to", "A personal copy: please do not pass it on."}},
        {"pl", {"Ex libris", "Egzemplarz prenumeratora", "Egzemplarz osobisty: prosimy go nie udostępniać."}},
        {"uk", {"Ex libris", "Примірник передплатника", "Особистий примірник: будь ласка, не передавайте його іншим."}},
        {"ru", {"Ex libris", "Экземпляр подписчика", "Личный экземпляр: пожалуйста, не передавайте его другим."}},
        {"hy", {"Ex libris", "Բաժանորդի օրինակ", "Անձնական օրինակ է․ խնդրում ենք այն չփոխանցել ուրիշներին։"}},
        {"ka", {"Ex libris", "გამომწერის ეგზემპლარი", "პირადი ეგზემპლარი: გთხოვთ, ნუ გადასცემთ სხვებს."}},
        {"de", {"Ex libris", "Dieses Exemplar gehört", "Ein persönliches Exemplar: bitte nicht weitergeben."}},
        {"fr", {"Ex libris", "Cet exemplaire appartient à", "Exemplaire personnel : merci de ne pas le diffuser."}},
    };
    std::string primary = lang.substr(0, lang.find_first_of("-_"));
    for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto found = table.find(primary);
    return found != table.end() ? found->second : table.at("en");
}

std::string ex_libris_page(const Subscriber& subscriber, EmailOnPage email, const std::string& lang,
                           const std::vector<std::string>& stylesheets) {
    const ExLibrisText text = ex_libris_text(lang);
    const std::string l = escape_xml_attribute(lang.empty() ? "en" : lang);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
    out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" xml:lang=\"" + l +
           "\" lang=\"" + l + "\">\n<head>\n  <meta charset=\"utf-8\"/>\n  <title>" + escape_xml_text(text.heading) +
           "</title>\n";
    for (const auto& css : stylesheets)
        out += "  <link rel=\"stylesheet\" type=\"text/css\" href=\"" + escape_xml_attribute(css) + "\"/>\n";
    // Relative units only, nothing that fights the reader's font size (design: EPUB house style).
    out += "  <style>\n"
           "    section.quire-ex-libris { margin: 30% 5% 0; text-align: center; }\n"
           // The book's stylesheet justifies and indents paragraphs and headings: not here.
           "    .quire-ex-libris h1, .quire-ex-libris p { text-align: center; text-indent: 0; hyphens: none; }\n"
           "    .quire-ex-libris h1 { font-size: 1em; letter-spacing: 0.1em; text-transform: uppercase; font-weight: normal; }\n"
           "    .quire-ex-libris .owner { margin: 2em 0 0.5em; font-style: italic; }\n"
           "    .quire-ex-libris .name { font-size: 1.6em; margin: 0; }\n"
           "    .quire-ex-libris .email { margin: 0.5em 0 0; }\n"
           "    .quire-ex-libris .personal { margin-top: 3em; font-size: 0.85em; }\n"
           "  </style>\n</head>\n<body>\n";
    out += "  <section class=\"quire-ex-libris\" aria-label=\"" + escape_xml_attribute(text.heading) + "\">\n";
    out += "    <h1 xml:lang=\"la\" lang=\"la\">" + escape_xml_text(text.heading) + "</h1>\n";
    out += "    <p class=\"owner\">" + escape_xml_text(text.owner) + "</p>\n";
    // dir="auto": an Arabic or Hebrew name is laid out right to left inside a left-to-right book.
    out += "    <p class=\"name\" dir=\"auto\">" + escape_xml_text(subscriber.name) + "</p>\n";
    if (email == EmailOnPage::Shown && !subscriber.email.empty())
        out += "    <p class=\"email\" dir=\"ltr\">" + escape_xml_text(subscriber.email) + "</p>\n";
    out += "    <p class=\"personal\">" + escape_xml_text(text.personal) + "</p>\n";
    out += "  </section>\n</body>\n</html>\n";
    return out;
}

}  // namespace quire::distribute
