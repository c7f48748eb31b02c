import Foundation

/// Makes a lexicon alternative agree with the determiner written before the words
/// it replaces, so that a suggestion is French a CPAS can print: « le dossier » →
/// « la demande », « du dossier » → « de la demande », « au dossier » → « à la
/// demande », « l'octroi » → « l'aide », « vos dossiers » → « vos demandes ».
///
/// An alternative is written in the lexicon in one of three ways:
/// - a noun with its definite article (« la demande », « l'aide », « les règles »):
///   the determiner before the match is replaced by the one that agrees with it;
/// - « ∅ » then words (« ∅ vous », « ∅ comment faire »): the determiner goes, the words stay;
/// - anything else (« pour », « demander »): the words replace the match alone.
/// Several alternatives are separated by « | », each with when it fits in parentheses:
/// « pour (un but) | dans (un lieu) ». Pure.
enum PhraseAgreement {
    /// One alternative as the lexicon writes it, parsed.
    struct Option: Equatable {
        var words: String
        /// When it fits (« un but »), or nil.
        var hint: String?
    }

    static func options(of alternative: String) -> [Option] {
        alternative.split(separator: "|").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
                let words = text[..<open].trimmingCharacters(in: .whitespaces)
                let hint = text[text.index(after: open)..<text.index(before: text.endIndex)]
                return Option(words: words, hint: String(hint))
            }
            return Option(words: text, hint: nil)
        }
    }

    /// True when the alternative replaces the determiner before the match too (a noun
    /// with its article, or « ∅ »): the excerpt then starts at the determiner.
    static func takesDeterminer(_ words: String) -> Bool {
        words.hasPrefix("∅ ") || article(of: words) != nil
    }

    /// The determiners recognised before a match, lower case, as keys (`PlainLanguageRules.key`).
    static let determiners: Set<String> = [
        "le", "la", "les", "du", "des", "au", "aux", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses",
        "votre", "vos", "notre", "nos", "leur", "leurs", "de",
    ]

    /// Plural determiners: the noun that follows them takes an s.
    static let plural: Set<String> = ["les", "des", "aux", "ces", "ses", "vos", "nos", "leurs"]

    /// `words` (one option) agreed with `determiner` (« le », « de la », « l' », « d' », … lower case,
    /// or nil when there is none).
    static func agree(_ words: String, after determiner: String?) -> String {
        if words.hasPrefix("∅ ") { return String(words.dropFirst(2)) }
        guard let (article, noun) = article(of: words) else { return words }
        guard let determiner else { return noun }
        var phrase = noun
        let isPlural = plural.contains(determiner) || article == "les"
        if isPlural && article != "les" { phrase = pluralized(noun) }
        let feminine = article == "la" || (article == "l'" && feminineVowelNouns.contains(head(of: noun)))
        let vowel = startsWithVowel(noun)
        func definite() -> String {
            if isPlural { return "les " + phrase }
            if vowel { return "l'" + phrase }
            return (feminine ? "la " : "le ") + phrase
        }
        switch determiner {
        case "le", "la", "l'", "les":
            return definite()
        case "du", "de la", "de l'", "des":
            if isPlural { return "des " + phrase }
            if vowel { return "de l'" + phrase }
            return feminine ? "de la " + phrase : "du " + phrase
        case "de", "d'":
            return vowel ? "d'" + phrase : "de " + phrase
        case "au", "aux", "à la", "à l'":
            if isPlural { return "aux " + phrase }
            if vowel { return "à l'" + phrase }
            return feminine ? "à la " + phrase : "au " + phrase
        case "un", "une":
            return (feminine ? "une " : "un ") + phrase
        case "d'un", "d'une":
            return (feminine ? "d'une " : "d'un ") + phrase
        case "ce", "cet", "cette", "ces":
            if isPlural { return "ces " + phrase }
            return (feminine ? "cette " : vowel ? "cet " : "ce ") + phrase
        case "son", "sa", "ses":
            if isPlural { return "ses " + phrase }
            return (feminine && !vowel ? "sa " : "son ") + phrase
        case "votre", "vos":
            return (isPlural ? "vos " : "votre ") + phrase
        case "notre", "nos":
            return (isPlural ? "nos " : "notre ") + phrase
        case "leur", "leurs":
            return (isPlural ? "leurs " : "leur ") + phrase
        default:
            return definite()
        }
    }

    /// Endings of French verb forms and participles, longest first, that an alternative
    /// verb takes from the form it replaces (« sollicitez » → « demandez »).
    static let endings = ["ées", "ons", "ent", "ait", "ant", "ez", "és", "ée", "er", "es", "é", "e"]

    /// Irregular verbs the alternatives use, by ending.
    static let irregular: [String: [String: String]] = [
        "dire": ["er": "dire", "ez": "dites", "e": "dit", "es": "dis", "ent": "disent", "ons": "disons", "é": "dit",
                 "ée": "dite", "és": "dits", "ées": "dites", "ait": "disait", "ant": "disant"],
        "faire": ["er": "faire", "ez": "faites", "e": "fait", "es": "fais", "ent": "font", "ons": "faisons", "é": "fait",
                  "ée": "faite", "és": "faits", "ées": "faites", "ait": "faisait", "ant": "faisant"],
        "écrire": ["er": "écrire", "ez": "écrivez", "e": "écrit", "es": "écris", "ent": "écrivent", "ons": "écrivons",
                   "é": "écrit", "ée": "écrite", "és": "écrits", "ées": "écrites", "ait": "écrivait", "ant": "écrivant"],
    ]

    /// `words` (an alternative starting with a verb in the infinitive, or a participle)
    /// with the ending of `form`, the lower-case word it replaces; nil when that cannot be
    /// done safely (an irregular verb not listed, a form that is not a verb's).
    static func conjugated(_ words: String, like form: String) -> String? {
        let first = head(of: words)
        let rest = words.dropFirst(first.count)
        // A participle used as an adjective (« cité plus haut ») agrees in gender and number.
        if first.hasSuffix("é") {
            for (ending, added) in [("ées", "es"), ("és", "s"), ("ée", "e"), ("é", "")] where form.hasSuffix(ending) {
                return first + added + rest
            }
            return nil
        }
        guard isInfinitive(words), !form.hasSuffix("ment"), let ending = endings.first(where: { form.hasSuffix($0) })
        else { return nil }
        if let forms = irregular[first] { return forms[ending].map { $0 + rest } }
        guard first.hasSuffix("er"), first != "aller" else { return nil }
        return first.dropLast(2) + ending + rest
    }

    /// True when the alternative starts with a verb in the infinitive (« demander », « dire par écrit »).
    static func isInfinitive(_ words: String) -> Bool {
        let first = head(of: words)
        return first.count > 3 && (first.hasSuffix("er") || first.hasSuffix("ir") || first.hasSuffix("re"))
            && article(of: words) == nil && !words.hasPrefix("∅")
    }

    /// The definite article an alternative starts with and the rest, or nil.
    static func article(of words: String) -> (article: String, noun: String)? {
        for article in ["le ", "la ", "les "] where words.hasPrefix(article) {
            return (String(article.dropLast()), String(words.dropFirst(article.count)))
        }
        if words.hasPrefix("l'") { return ("l'", String(words.dropFirst(2))) }
        return nil
    }

    static func head(of noun: String) -> String {
        String(noun.prefix { $0 != " " })
    }

    /// The noun's first word in the plural (« papier à remplir » → « papiers à remplir »).
    static func pluralized(_ noun: String) -> String {
        let first = head(of: noun)
        guard let last = first.last, !"sxz".contains(last) else { return noun }
        return first + "s" + noun.dropFirst(first.count)
    }

    static func startsWithVowel(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return "aeiouyàâäéèêëîïôöùûüh".contains(first)
    }

    /// Nouns starting with a vowel that the alternatives use in the feminine (« l'aide »).
    static let feminineVowelNouns: Set<String> = ["aide", "aides", "aide en argent", "allocation", "adresse", "énergie"]
}
