/// The distinct words of one text, each analysed once: a text uses the same few
/// hundred words again and again (de, la, vous, CPAS…), so the checker numbers
/// every written word and every rule key the first time it meets them and keeps
/// their facts in arrays. Looking a word up costs one hash; everything the
/// scores and the plain-language rules ask about it afterwards is a read by
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
    }

    private var wordIDs: [PlainWord: Int32] = [:]
    /// Facts by written-word number.
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
                group.append(LexiconEntry(keys: numbered, lastStem: stem, alternative: entry.alternative))
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

    /// The number of the written word `word` in `words`.
    mutating func wordID(for word: String) -> Int32 {
        // String equality is canonical equivalence (é precomposed equals e + U+0301),
        // under which the syllable counts could differ. Words without combining marks are
        // compared by their bytes in effect (see `AdministrativeLexicon.isPlainLatin`),
        // so only those are shared; any other word gets a number of its own each time.
        let shared = AdministrativeLexicon.isPlainLatin(word)
        if shared, let id = wordIDs[PlainWord(text: word)] { return id }
        var facts = WordFacts(word)
        facts.keyID = keyID(for: facts.key)
        let id = Int32(words.count)
        words.append(facts)
        if shared { wordIDs[PlainWord(text: word)] = id }
        return id
    }

    /// A word without combining marks, hashed by its UTF-8 bytes: for such words, equal
    /// bytes and equal Strings are the same thing, and hashing the bytes in one call
    /// spares the normalisation checks of `String`'s own hashing.
    private struct PlainWord: Hashable {
        var text: String

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// The facts of word number `id`.
    subscript(word id: Int32) -> WordFacts { words[Int(id)] }

    /// The rule facts of key number `id`.
    subscript(key id: Int32) -> PlainLanguageRules.KeyFacts { keys[Int(id)] }
}
