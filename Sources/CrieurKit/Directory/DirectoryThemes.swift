/// The directory's themes, as the bottin and the search page group services:
/// themes spelt differently by two files (« Énergie », « energie ») are one
/// theme, shown with the first spelling met in name order; themes sorted
/// alphabetically and numbered from 1, services sorted by name within each.
/// Pure.
public struct DirectoryThemes: Sendable {
    public struct Theme: Sendable, Equatable {
        /// 1-based, the number the index refers to.
        public var number: Int
        public var name: String
        /// The key the search page filters on (`DirectoryThemes.key`).
        public var key: String
        public var entries: [DirectoryEntry]
    }

    public let themes: [Theme]

    public init(_ entries: [DirectoryEntry]) {
        var names: [String: String] = [:]
        var members: [String: [DirectoryEntry]] = [:]
        for entry in Self.sortedByName(entries) {
            for theme in entry.themes {
                let key = Self.key(theme)
                if names[key] == nil { names[key] = theme }
                members[key, default: []].append(entry)
            }
        }
        let keys = names.keys.sorted { Self.sortKey(names[$0]!) < Self.sortKey(names[$1]!) }
        themes = keys.enumerated().map { index, key in
            Theme(number: index + 1, name: names[key]!, key: key, entries: members[key]!)
        }
    }

    /// The themes `entry` appears under, in the bottin's order.
    public func themes(of entry: DirectoryEntry) -> [Theme] {
        let keys = Set(entry.themes.map(Self.key))
        return themes.filter { keys.contains($0.key) }
    }

    /// Case, accents, spaces and hyphens do not make two themes.
    public static func key(_ theme: String) -> String {
        Slug.make(theme)
    }

    /// Alphabetical as a French reader expects: accents and case ignored.
    public static func sortKey(_ text: String) -> String {
        NameFolding.fold(text)
    }

    public static func sortedByName(_ entries: [DirectoryEntry]) -> [DirectoryEntry] {
        entries.sorted { (sortKey($0.name), $0.id) < (sortKey($1.name), $1.id) }
    }
}
