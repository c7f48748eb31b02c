extension PlainLanguageRules {
    /// What the rules ask about one key (a word lower-cased, without its elided
    /// clitic), answered once per distinct key of a text (`WordTable`) instead of
    /// hashing the key into a set or a dictionary at each occurrence.
    struct KeyFacts {
        var flags: Flags
        /// Index in `WordTable.lexiconGroups` of the entries starting with this key, or -1.
        var lexiconGroup: Int32
        /// Index in `WordTable.impersonalGroups` of the turns starting with this key, or -1.
        var impersonalGroup: Int32
        /// Index in `AdministrativeLexicon.prefixEntries` of the stem this key starts with, or -1.
        var prefixEntry: Int32
        /// Frequency rank of the key's lemma (`FrenchWordFrequencies`), or `Int32.max`
        /// when it is not among the table's most frequent lemmas.
        var lemmaRank: Int32 = .max

        struct Flags: OptionSet {
            let rawValue: UInt16
            /// A form of *être* (`beForms`).
            static let beForm = Flags(rawValue: 1 << 0)
            /// An adverb that may stand between *être* and a participle (`adverbs`).
            static let adverb = Flags(rawValue: 1 << 1)
            /// At least 4 characters and a participle ending (`participleEndings`).
            static let participle = Flags(rawValue: 1 << 2)
            /// *été*: a passive even without an agent.
            static let been = Flags(rawValue: 1 << 3)
            /// *par*: introduces the agent of a passive.
            static let by = Flags(rawValue: 1 << 4)
            static let negativeParticle = Flags(rawValue: 1 << 5)
            static let negativeWord = Flags(rawValue: 1 << 6)
            /// A good place to cut a long sentence before (`linkingWords`).
            static let linkingWord = Flags(rawValue: 1 << 7)
            /// *art*, *article*: may name the *art. 60* contract.
            static let article = Flags(rawValue: 1 << 8)
            /// Its upper case has an explanation (*Forem*, *Onem* written as names).
            static let explained = Flags(rawValue: 1 << 9)
        }
    }

    /// The facts of `key`; the groups are the table's, given by the caller.
    func keyFacts(for key: String, lexiconGroup: Int32, impersonalGroup: Int32) -> KeyFacts {
        var flags: KeyFacts.Flags = []
        if Self.beForms.contains(key) { flags.insert(.beForm) }
        if Self.adverbs.contains(key) { flags.insert(.adverb) }
        if key.count >= 4, Self.participleEndings.contains(where: { key.hasSuffix($0) }) { flags.insert(.participle) }
        if key == "été" { flags.insert(.been) }
        if key == "par" { flags.insert(.by) }
        if Self.negativeParticles.contains(key) { flags.insert(.negativeParticle) }
        if Self.negativeWords.contains(key) { flags.insert(.negativeWord) }
        if Self.linkingWords.contains(key) { flags.insert(.linkingWord) }
        if key == "art" || key == "article" { flags.insert(.article) }
        if explanations[key.uppercased()] != nil { flags.insert(.explained) }
        return KeyFacts(
            flags: flags, lexiconGroup: lexiconGroup, impersonalGroup: impersonalGroup,
            prefixEntry: lexicon.prefixEntryIndex(for: key).map(Int32.init) ?? -1,
            lemmaRank: Self.lemmaRank(of: key))
    }

    /// The frequency rank of `key`'s lemma; a compound written with hyphens that the
    /// table lacks (*présentez-vous*) ranks as its rarest part. `Int32.max` when unknown.
    /// A compound the table ranks as rare but whose parts are all frequent (*grille-pain*)
    /// ranks as its rarest part: readers understand it from its parts.
    static func lemmaRank(of key: String) -> Int32 {
        let whole = FrenchWordFrequencies.lemmaRank(of: key).map(Int32.init) ?? .max
        guard whole > 3000, key.utf8.contains(UInt8(ascii: "-")) else { return whole }
        var rarest: Int32 = 0
        for part in key.split(separator: "-") {
            guard let rank = FrenchWordFrequencies.lemmaRank(of: String(part)) else { return whole }
            rarest = max(rarest, Int32(rank))
        }
        return rarest == 0 ? whole : min(whole, rarest)
    }
}
