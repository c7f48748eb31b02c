/// A header key staff write by hand (`Titre:`, `Téléphone:`), known by its
/// spellings after `NameFolding.foldKey`: the items' keys and the directory's.
protocol SpelledKey: CaseIterable {
    /// Accepted spellings after `NameFolding.foldKey`, French first.
    var spellings: [String] { get }
    /// How staff see the key named, in French.
    var frenchName: String { get }
}

extension SpelledKey {
    /// The key staff meant by `written`, whatever its case, accents, spaces, hyphens or underscores.
    init?(written: String) {
        let folded = NameFolding.foldKey(written)
        guard let key = Self.allCases.first(where: { $0.spellings.contains(folded) }) else { return nil }
        self = key
    }

    /// The known key `written` is probably a typo of, if any.
    static func suggestion(for written: String) -> Self? {
        let folded = NameFolding.foldKey(written)
        let all = allCases.flatMap { key in key.spellings.map { (spelling: $0, key: key) } }
        guard let spelling = EditDistance.closest(to: folded, among: all.map(\.spelling)) else { return nil }
        return all.first { $0.spelling == spelling }?.key
    }

    /// « Titre », « Canaux », … for the "accepted keys" hint.
    static var frenchList: String {
        allCases.map { "« \($0.frenchName) »" }.joined(separator: ", ")
    }
}
