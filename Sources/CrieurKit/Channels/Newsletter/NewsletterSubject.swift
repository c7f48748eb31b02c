/// The subject of a regular issue: what is in it, so that people open it —
/// « Colis de Noël, permanence juridique et 3 autres nouvelles du CPAS de
/// Soumagne » rather than a title that says nothing. The first two titles
/// lead; the following ones start in lower case when that is safe (a common
/// French word, not a name, an acronym or a feast). Kept within 78 characters,
/// the line length of RFC 5322 that mail programs show whole: past it, the
/// second title goes, then the first is shortened at a word. Pure.
public struct NewsletterSubject: Sendable {
    public static let maxLength = 78

    /// The centre's name after « de » (« du CPAS de Soumagne »).
    public var nameWithDe: String
    /// Words that keep their capital (the centre's place names, from `readability.placeNames`).
    public var properNames: Set<String>

    public init(nameWithDe: String, properNames: [String] = []) {
        self.nameWithDe = nameWithDe
        self.properNames = Set(properNames.map { $0.lowercased() })
    }

    public init(config: CrieurConfig) {
        self.init(nameWithDe: config.organisation.withDe, properNames: config.readability.placeNames)
    }

    /// The subject for an issue carrying items of these titles, in order.
    public func text(titles: [String]) -> String {
        let titles = titles.map(Self.trimmed).filter { !$0.isEmpty }
        let of = nameWithDe.isEmpty ? "" : " \(nameWithDe)"
        guard let first = titles.first else { return "Les nouvelles\(of)" }
        // « Rectificatif : Colis : une nouvelle… » would read badly: a dash after a title that has a colon.
        func colon(_ used: [String]) -> String { used.contains { $0.contains(":") } ? " —" : " :" }
        var candidates: [String] = []
        if titles.count >= 2 {
            let second = lowerCasedIfSafe(titles[1])
            candidates.append(titles.count == 2
                ? "\(first) et \(second)\(colon(titles)) les nouvelles\(of)"
                : "\(first), \(second) et \(Self.others(titles.count - 2))\(of)")
            candidates.append("\(first) et \(Self.others(titles.count - 1))\(of)")
        } else {
            candidates.append("\(first)\(colon([first])) une nouvelle\(of)")
        }
        if let fitting = candidates.first(where: { $0.count <= Self.maxLength }) { return fitting }
        // The first title shortened at a word, what follows it kept whole when it leaves room for a few words.
        let tail = titles.count >= 2 ? " et \(Self.others(titles.count - 1))\(of)" : "\(colon([first])) une nouvelle\(of)"
        let bareTail = titles.count >= 2 ? " et \(Self.others(titles.count - 1))" : ""
        for ending in [tail, bareTail] where Self.maxLength - ending.count >= 20 {
            return Self.shortened(first, to: Self.maxLength - ending.count) + ending
        }
        return Self.shortened(first, to: Self.maxLength)
    }

    /// « une autre nouvelle », « 3 autres nouvelles ».
    static func others(_ count: Int) -> String {
        count == 1 ? "une autre nouvelle" : "\(count) autres nouvelles"
    }

    /// A title without the spaces and the closing punctuation that would break the sentence.
    static func trimmed(_ title: String) -> String {
        var text = Substring(title.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        while let last = text.last, ".:;,!?…".contains(last) || last == " " { text = text.dropLast() }
        return String(text)
    }

    /// `text` cut at the last word that fits in `length` characters, with « … ».
    static func shortened(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        let room = text.prefix(max(1, length - 1))
        let endsAWord = text.dropFirst(room.count).first == " "
        let cut = endsAWord ? room : room.lastIndex(of: " ").map { room[..<$0] } ?? room
        return String(cut).trimmingTrailing(",;:–—-") + "…"
    }

    /// The title with its first letter in lower case when its first word is a
    /// common French word written with one capital: « Permanence juridique »
    /// → « permanence juridique »; « CPAS », « Noël », « Soumagne », « iPhone » stay.
    func lowerCasedIfSafe(_ title: String) -> String {
        guard let first = title.first, first.isUppercase else { return title }
        let word = title.prefix { $0.isLetter }
        let rest = word.dropFirst()
        guard rest.allSatisfy(\.isLowercase) else { return title }  // an acronym (CPAS) or a brand (MyTax)
        let key = word.lowercased()
        guard !Self.keptCapitalised.contains(key), !properNames.contains(key) else { return title }
        // A single letter is an article or a preposition (« À », « L'aide ») only before an apostrophe or a space.
        if word.count == 1 {
            let next = title.dropFirst().first
            guard next == "'" || next == "’" || (next == " " && "aàÀ".contains(first)) else { return title }
        } else {
            guard CommonWords.known.contains(key) || FrenchWordFrequencies.lemmaRank(of: key) != nil else { return title }
        }
        return first.lowercased() + title.dropFirst()
    }

    /// Common words that are also names, feasts or places French writes with a capital.
    static let keptCapitalised: Set<String> = [
        "noël", "pâques", "toussaint", "pentecôte", "ascension", "carnaval", "saint", "sainte", "nouvel",
        "marie", "pierre", "jean", "paul", "louis", "claude", "france", "paris", "europe", "belgique", "wallonie",
        "bruxelles", "flandre", "liège", "namur", "charleroi", "mons", "dieu", "état", "ramadan", "aïd",
    ]
}

private extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var text = Substring(self)
        while let last = text.last, characters.contains(last) || last == " " { text = text.dropLast() }
        return String(text)
    }
}
