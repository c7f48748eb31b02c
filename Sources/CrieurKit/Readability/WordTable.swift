/// The distinct words of one text, each analysed once: a text uses the same few
/// hundred words again and again (de, la, vous, CPAS…), so the tokenizer numbers
/// every written word (`WordNumbering`) and this table every rule key the first
/// time it meets them, and keeps their facts in arrays by number. Everything the
/// scores and the plain-language rules ask about a word afterwards is a read by
/// number, where the rules used to hash each key into several sets and
/// dictionaries per occurrence (about a third of `crieur check`).
///
/// One table per checked text, built with the rules it serves (the lexicon may
/// come from the configuration). Pure and never fails.
struct WordTable {
    /// A lexicon entry with its words as key numbers; `lastStem` is the stem of a
    /// last word ending in `*` (*y afférent\**), compared by prefix.
    struct LexiconEntry {
        var keys: [Int32]
        var lastStem: String?
        var alternative: String
        var takesDeterminer: Bool
    }

    /// Facts by written-word number (`WordNumbering`: equal numbers, equal bytes).
    private(set) var words: [WordFacts] = []
    private var keyIDs: [String: Int32] = [:]
    /// Rule facts by key number (`WordFacts.keyID`).
    private(set) var keys: [PlainLanguageRules.KeyFacts] = []
    /// Lexicon entries starting with the same key, longest first (`KeyFacts.lexiconGroup`).
    private(set) var lexiconGroups: [[LexiconEntry]] = []
    /// Impersonal turns starting with the same key, in their listed order (`KeyFacts.impersonalGroup`).
    private(set) var impersonalGroups: [[[Int32]]] = []
    private let rules: PlainLanguageRules

    init(rules: PlainLanguageRules) {
        self.rules = rules
        // Every word of a lexicon entry or an impersonal turn is numbered first, so that
        // the groups can name them; a key met later in the text starts no entry or turn.
        var groupOfFirstKey: [String: Int32] = [:]
        for (first, entries) in rules.lexicon.byFirstWord {
            groupOfFirstKey[first] = Int32(lexiconGroups.count)
            var group: [LexiconEntry] = []
            for entry in entries {
                let stem = entry.prefix ? entry.words.last : nil
                var numbered: [Int32] = []
                for word in stem == nil ? entry.words[...] : entry.words.dropLast() {
                    numbered.append(placeholderID(for: word))
                }
                group.append(
                    LexiconEntry(
                        keys: numbered, lastStem: stem, alternative: entry.alternative, takesDeterminer: entry.takesDeterminer))
            }
            lexiconGroups.append(group)
        }
        var turnsOfFirstKey: [String: Int32] = [:]
        for (first, turns) in PlainLanguageRules.impersonalTurnsByFirstWord {
            turnsOfFirstKey[first] = Int32(impersonalGroups.count)
            var group: [[Int32]] = []
            for turn in turns {
                var numbered: [Int32] = []
                for word in turn { numbered.append(placeholderID(for: word)) }
                group.append(numbered)
            }
            impersonalGroups.append(group)
        }
        for (key, id) in keyIDs {
            keys[Int(id)] = rules.keyFacts(
                for: key, lexiconGroup: groupOfFirstKey[key] ?? -1, impersonalGroup: turnsOfFirstKey[key] ?? -1)
        }
    }

    /// The number of `key`, its facts not computed yet (`init` fills them in).
    private mutating func placeholderID(for key: String) -> Int32 {
        if let id = keyIDs[key] { return id }
        let id = Int32(keys.count)
        keyIDs[key] = id
        keys.append(PlainLanguageRules.KeyFacts(flags: [], lexiconGroup: -1, impersonalGroup: -1, prefixEntry: -1))
        return id
    }

    /// The number of the rule key `key`, its facts computed on first sight.
    /// Keys are compared as Strings (canonical equivalence), as the rules did.
    mutating func keyID(for key: String) -> Int32 {
        if let id = keyIDs[key] { return id }
        let id = Int32(keys.count)
        keyIDs[key] = id
        keys.append(rules.keyFacts(for: key, lexiconGroup: -1, impersonalGroup: -1))
        return id
    }

    /// Computes the facts of the words `numbering` numbered since the last call, so that
    /// `self[word: n]` answers for word number `n` of the tokenized text.
    mutating func addWords(from numbering: WordNumbering) {
        words.reserveCapacity(numbering.count)
        for id in Int32(words.count)..<Int32(numbering.count) {
            var facts = WordFacts(numbering.string(of: id))
            facts.keyID = keyID(for: facts.key)
            words.append(facts)
        }
    }

    /// The facts of word number `id`.
    subscript(word id: Int32) -> WordFacts { words[Int(id)] }

    /// The rule facts of key number `id`.
    subscript(key id: Int32) -> PlainLanguageRules.KeyFacts { keys[Int(id)] }
}
