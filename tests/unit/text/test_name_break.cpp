// text/name_break.hpp: which hyphenated lines broke a name (the layout's one-a-page limit and the
// proof's hyphenated-name both ask it).
#include "text/name_break.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace quire::text;

TEST_CASE("a capitalised broken word inside a sentence is a name, in any cased script") {
    CHECK(is_name_break("condemned Armenia for joining Rus-", nullptr, false));
    CHECK(is_name_break("the opposition in Bia\u0142y\u00ADsto-", nullptr, false));
    CHECK(is_name_break("\u0432\u0456\u0434\u0431\u0443\u043B\u0438\u0441\u044F \u0432 \u0425\u0430\u0440-", nullptr, false));  // "відбулися в Хар-"
    CHECK(is_name_break("\u0561\u0575\u057D\u057F\u0565\u0572 \u0535\u0580\u0587\u0561-", nullptr, false));             // Armenian "այստեղ Երևա-"
    CHECK(is_name_break("he said in \u201CKazakh-", nullptr, false));  // an opening quote before it
}

TEST_CASE("a word starting a sentence, a lower-case word or an ordinary Georgian word is not a name") {
    CHECK_FALSE(is_name_break("the war ended. Recon-", nullptr, false));
    CHECK_FALSE(is_name_break("was it over?\u201D Peo-", nullptr, false));
    CHECK_FALSE(is_name_break("the long recon-", nullptr, false));
    CHECK_FALSE(is_name_break("\u10E5\u10D0\u10DA\u10D0\u10E5\u10E8\u10D8 \u10D7\u10D1\u10D8-", nullptr, false));  // Georgian "ქალაქში თბი-": no case, no surname ending
}

TEST_CASE("a broken word starting its line asks the line before whether a sentence ended") {
    const std::string ended = "and that was the end of it.";
    const std::string open = "and that was the end of the";
    CHECK_FALSE(is_name_break("Recon-", &ended, false));
    CHECK(is_name_break("Recon-", &open, false));
    CHECK_FALSE(is_name_break("Recon-", nullptr, true));  // a paragraph's first word starts a sentence
    CHECK(is_name_break("Recon-", nullptr, false));       // the line before unknown: counted
}

TEST_CASE("a word starts a sentence after a stop or at the paragraph's start, quotes and brackets between") {
    const std::string_view t = "Tokayev spoke. \u201CKazakhstan (said Tokayev) is";
    CHECK(starts_sentence(t, 0));
    CHECK_FALSE(starts_sentence(t, t.find("spoke")));
    CHECK(starts_sentence(t, t.find("Kazakhstan")));   // after ". \u201C"
    CHECK_FALSE(starts_sentence(t, t.find("said")));   // after "(" inside a sentence
    CHECK_FALSE(starts_sentence(t, t.find("is")));
}

TEST_CASE("a sentence's first word is known as a name when the text has it capitalised mid-sentence") {
    const std::string_view t = "Tokayev spoke. However, Kazakhstan (said Tokayev\u2019s aide) is. Kazakhstanis agree.";
    CHECK(capitalised_mid_sentence(t, "Tokayev"));
    CHECK(capitalised_mid_sentence(t, "\u201CTokayev\u2019s"));  // quotes and the possessive are not the word
    CHECK(capitalised_mid_sentence(t, "Kazakhstan"));
    CHECK_FALSE(capitalised_mid_sentence(t, "However"));        // only where a sentence starts
    CHECK_FALSE(capitalised_mid_sentence(t, "Kazakhstanis"));   // "Kazakhstan" is another word
    CHECK_FALSE(capitalised_mid_sentence(t, "Kaza"));           // part of a word is not the word
    CHECK_FALSE(capitalised_mid_sentence(t, "\u201C"));        // no letters
}

TEST_CASE("the broken word and what comes before it, without hyphen or opening quote") {
    const BrokenWord b = broken_word("said in \u00AB\u041A\u0430\u0437\u0430-");
    CHECK(b.word == "\u041A\u0430\u0437\u0430");
    CHECK(b.before == "said in");
    CHECK(ends_sentence("the end.\u201D "));
    CHECK(ends_sentence("\u0561\u0575\u057D\u057F\u0565\u0572\u0589"));  // Armenian full stop
    CHECK_FALSE(ends_sentence("the end,"));
}

TEST_CASE("a Georgian surname is told by its suffix, in the nominative and inflected") {
    CHECK(is_georgian_name("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10D8"));  // ჯავახიშვილი
    CHECK(is_georgian_name("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10DB\u10D0"));  // ჯავახიშვილმა
    CHECK(is_georgian_name("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10D8\u10E1"));  // ჯავახიშვილის
    CHECK(is_georgian_name("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10E1"));  // ჯავახიშვილს
    CHECK(is_georgian_name("\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10D7\u10D0\u10DC"));  // ჯავახიშვილთან
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4"));  // ბერიძე
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4\u10DB"));  // ბერიძემ
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D8\u10E1"));  // ბერიძის
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4\u10E1\u10D7\u10D0\u10DC"));  // ბერიძესთან
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D8\u10E1\u10D7\u10D5\u10D8\u10E1"));  // ბერიძისთვის
    CHECK(is_georgian_name("\u10D2\u10DD\u10D2\u10E3\u10D0"));  // გოგუა
    CHECK(is_georgian_name("\u10D2\u10DD\u10D2\u10E3\u10D0\u10E1"));  // გოგუას
    CHECK(is_georgian_name("\u10E9\u10D8\u10E5\u10DD\u10D1\u10D0\u10D5\u10D0"));  // ჩიქობავა
    CHECK(is_georgian_name("\u10E9\u10D8\u10E5\u10DD\u10D1\u10D0\u10D5\u10D0\u10DB"));  // ჩიქობავამ
    CHECK(is_georgian_name("\u10DA\u10DD\u10DB\u10D0\u10D8\u10D0"));  // ლომაია
    CHECK(is_georgian_name("\u10DA\u10DD\u10DB\u10D0\u10D8\u10D0\u10E1\u10D7\u10D0\u10DC"));  // ლომაიასთან
    CHECK(is_georgian_name("\u201E\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4\u201C,"));  // „ბერიძე“,
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u00AD\u10EB\u10D4"));  // ბერი<shy>ძე
    CHECK(is_georgian_name("\u10D1\u10D4\u10E0\u10D8\u10EB\u10D4-\u10EF\u10D0\u10D5\u10D0\u10EE\u10D8\u10E8\u10D5\u10D8\u10DA\u10D8"));  // ბერიძე-ჯავახიშვილი
}

TEST_CASE("ordinary Georgian words with like endings, and other scripts, are not Georgian names") {
    CHECK_FALSE(is_georgian_name("\u10E8\u10D5\u10D8\u10DA\u10D8"));  // შვილი
    CHECK_FALSE(is_georgian_name("\u10E8\u10D5\u10D8\u10DA\u10DB\u10D0"));  // შვილმა
    CHECK_FALSE(is_georgian_name("\u10E8\u10D5\u10D8\u10DA\u10D8\u10E8\u10D5\u10D8\u10DA\u10D8"));  // შვილიშვილი
    CHECK_FALSE(is_georgian_name("\u10D1\u10D8\u10EB\u10D0\u10E8\u10D5\u10D8\u10DA\u10D8\u10E1"));  // ბიძაშვილის
    CHECK_FALSE(is_georgian_name("\u10D3\u10D8\u10E1\u10E8\u10D5\u10D8\u10DA\u10D8"));  // დისშვილი
    CHECK_FALSE(is_georgian_name("\u10D1\u10D8\u10EB\u10D8\u10E1"));  // ბიძის
    CHECK_FALSE(is_georgian_name("\u10D1\u10D8\u10EB\u10D0"));  // ბიძა
    CHECK_FALSE(is_georgian_name("\u10D8\u10E1\u10E2\u10DD\u10E0\u10D8\u10D0"));  // ისტორია
    CHECK_FALSE(is_georgian_name("\u10E1\u10E2\u10D0\u10E2\u10D8\u10D0"));  // სტატია
    CHECK_FALSE(is_georgian_name("\u10DF\u10E3\u10E0\u10DC\u10D0\u10DA\u10D8\u10E1\u10E2\u10D8\u10D0"));  // ჟურნალისტია
    CHECK_FALSE(is_georgian_name("\u10D1\u10D0\u10E6\u10D8\u10D0"));  // ბაღია
    CHECK_FALSE(is_georgian_name("\u10D0\u10E0\u10E9\u10D4\u10D5\u10D0\u10DC\u10D8"));  // არჩევანი
    CHECK_FALSE(is_georgian_name("\u10D4\u10D5\u10E0\u10DD\u10DE\u10E3\u10DA\u10D8"));  // ევროპული
    CHECK_FALSE(is_georgian_name("\u10D7\u10D1\u10D8\u10DA\u10D8\u10E1\u10D4\u10DA\u10D8"));  // თბილისელი
    CHECK_FALSE(is_georgian_name("\u10D1\u10D0\u10E2\u10DD\u10DC\u10D8"));  // ბატონი
    CHECK_FALSE(is_georgian_name("\u10E0\u10D4\u10D2\u10D8\u10DD\u10DC\u10D8"));  // რეგიონი
    CHECK_FALSE(is_georgian_name("\u10D2\u10D0\u10D3\u10D0\u10D5\u10D0"));  // გადავა
    CHECK_FALSE(is_georgian_name("\u10EC\u10D0\u10D5\u10D0"));  // წავა
    CHECK_FALSE(is_georgian_name("\u10D7\u10D0\u10D5\u10D0\u10D3"));  // თავად
    CHECK_FALSE(is_georgian_name("\u10EB\u10D4"));  // ძე
    CHECK_FALSE(is_georgian_name("\u10E1\u10D0\u10E5\u10D0\u10E0\u10D7\u10D5\u10D4\u10DA\u10DD"));  // საქართველო
    CHECK_FALSE(is_georgian_name("\u10D0\u10D3\u10D5\u10D8\u10DA\u10D8"));  // ადვილი
    CHECK_FALSE(is_georgian_name("Beridze"));  // Latin transliteration: the capital tells there
    CHECK_FALSE(is_georgian_name("\u0411\u0435\u0440\u0438\u0434\u0437\u0435"));  // Cyrillic Беридзе
    CHECK_FALSE(is_georgian_name(""));
}

TEST_CASE("a broken Georgian word is a name by the ending the next line holds, wherever it stands") {
    const std::string rest_name = "\u10EB\u10D4 \u10D7\u10D1\u10D8\u10DA\u10D8\u10E1\u10D4\u10DA\u10D8 \u10DF\u10E3\u10E0\u10DC\u10D0\u10DA\u10D8\u10E1\u10E2\u10D8\u10D0.";  // ძე თბილისელი ჟურნალისტია.
    const std::string rest_word = "\u10E2\u10D8\u10D9\u10D0 \u10D1\u10DD\u10DA\u10DD \u10D0\u10D7\u10EC\u10DA\u10D4\u10E3\u10DA\u10D4\u10D1\u10E8\u10D8";  // ტიკა ბოლო ათწლეულებში
    const std::string rest_inflected = "\u10E8\u10D5\u10D8\u10DA\u10DB\u10D0, \u10E0\u10DD\u10DB";  // შვილმა, რომ
    CHECK(is_name_break("\u10DC\u10D8\u10DC\u10DD \u10D1\u10D4\u10E0\u10D8-", nullptr, false, &rest_name));  // ნინო ბერი-
    CHECK(is_name_break("\u10D7\u10E5\u10D5\u10D0 \u10EF\u10D0\u10D5\u10D0\u10EE\u10D8-", nullptr, false, &rest_inflected));  // თქვა ჯავახი-
    CHECK_FALSE(is_name_break("\u10E1\u10D0\u10E5\u10D0\u10E0\u10D7\u10D5\u10D4\u10DA\u10DD\u10E1 \u10E1\u10D0\u10D2\u10D0\u10E0\u10D4\u10DD \u10DE\u10DD\u10DA\u10D8-", nullptr, false, &rest_word));  // საქართველოს საგარეო პოლი-
    // No case: a name starting its sentence or paragraph is still a name.
    const std::string ended = "end.";
    CHECK(is_name_break("\u10D1\u10D4\u10E0\u10D8-", &ended, true, &rest_name));  // ბერი-
    CHECK_FALSE(is_name_break("\u10DC\u10D8\u10DC\u10DD \u10D1\u10D4\u10E0\u10D8-", nullptr, false));  // the rest unknown: ბერი- alone is no name
    // Latin and Cyrillic are unchanged by the next line.
    CHECK(is_name_break("condemned Armenia for joining Rus-", nullptr, false, &rest_word));
    const std::string sia = "sia.";
    CHECK_FALSE(is_name_break("the long recon-", nullptr, false, &sia));
}

TEST_CASE("a Georgian word glossed by a Latin transliteration in parentheses is a name, whatever its ending") {
    CHECK(is_georgian_name("\u10DF\u10D5\u10D0\u10DC\u10D8\u10D0", " (Zhvania) \u10D7\u10E5\u10D5\u10D0"));  // ჟვანია (Zhvania): -ია is not in the table
    CHECK_FALSE(is_georgian_name("\u10DF\u10D5\u10D0\u10DC\u10D8\u10D0"));                    // ჟვანია alone
    CHECK_FALSE(is_georgian_name("\u10DC\u10D0\u10E2\u10DD", " (NATO)"));        // ნატო (NATO): an acronym
    CHECK_FALSE(is_georgian_name("\u10E1\u10E3\u10E4\u10E0\u10D0", " (supra)"));        // სუფრა (supra): a term, lower case
    CHECK_FALSE(is_georgian_name("\u10DF\u10D5\u10D0\u10DC\u10D8\u10D0", " Zhvania"));      // no parenthesis
    const std::string rest = "\u10DC\u10D8\u10D0 (Zhvania) \u10D7\u10E5\u10D5\u10D0";  // ნია (Zhvania) თქვა
    CHECK(is_name_break("\u10D6\u10E3\u10E0\u10D0\u10D1 \u10DF\u10D5\u10D0-", nullptr, false, &rest));  // ზურაბ ჟვა-
}

TEST_CASE("months and the region's demonyms are capitalised but no names, names ending alike stay names") {
    CHECK(is_common_capitalised("Russian"));
    CHECK(is_common_capitalised("Europeans"));
    CHECK(is_common_capitalised("\u201CUkrainian,\u201D"));      // quotes and a comma around it
    CHECK(is_common_capitalised("Georgian\u2019s"));             // possessive
    CHECK(is_common_capitalised("Decem\u00ADber"));              // a soft hyphen inside
    CHECK(is_common_capitalised("October"));
    CHECK_FALSE(is_common_capitalised("russian"));               // not capitalised: not asked
    CHECK_FALSE(is_common_capitalised("Georgia"));               // a country is a name
    CHECK_FALSE(is_common_capitalised("Petrosian"));             // an Armenian surname in -ian
    CHECK_FALSE(is_common_capitalised("Adrian"));
    CHECK_FALSE(is_common_capitalised("Christian"));             // a given name too: left a name
    CHECK_FALSE(is_common_capitalised("\u0420\u0443\u0441\u0441\u043A\u0438\u0439"));  // the list is English
    // The proof completes the broken word from the next line.
    const std::string sian = "sian troops crossed the river";
    const std::string tosyan = "tosyan, the mayor, said";
    CHECK_FALSE(is_name_break("condemned Armenia for joining Rus-", nullptr, false, &sian));
    CHECK(is_name_break("condemned Armenia for joining Rus-", nullptr, false));  // the rest unknown: counted
    CHECK(is_name_break("said Ar-", nullptr, false, &tosyan));                   // Artosyan: a name
}
