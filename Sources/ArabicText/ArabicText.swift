/// Search normalisation for the Arabic, French and English text that Shabaka stores and is queried with.
///
/// The same pipeline runs on stored text and on queries, so spelling variants meet in the middle:
///
/// 1. ``normalize(_:)`` folds what writers vary freely (diacritics, tatweel, hamza carriers, alef forms,
///    ta marbuta, Arabic-Indic digits, Latin case and accents) and turns punctuation into spaces.
/// 2. ``tokens(_:)`` splits the normalised text into words and reduces each to a light stem with ``stem(_:)``,
///    so "الاقتصاد التضامني" and "اقتصاد تضامني" give the same terms.
/// 3. ``matches(query:in:)`` finds a text when every query term is a prefix of one of its ``indexTerms(_:)``,
///    so a word half-typed on a phone already finds results.
/// 4. What normalisation cannot fold is forgiven once: a query word of at least ``minimumSpellingLength``
///    letters also matches indexed words one edit away (``isOneEditAway(_:from:)``: a loanword's long vowel,
///    a dropped, doubled or swapped letter), ranked after exact matches (``match(query:in:)``,
///    ``QueryWord``). ``SpellingIndex`` finds those words in an in-memory vocabulary,
///    ``spellingVariants(of:)`` lists them for a database.
///
/// Everything is pure and deterministic: no locale, no dictionary, no I/O.
public enum ArabicText {}
