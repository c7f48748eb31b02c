/// Facebook hashtags made from the tags staff write in `Mots-clés`.
///
/// A hashtag stops at the first space or punctuation mark, so a tag of several
/// words becomes one CamelCase word (`aide sociale` → `#AideSociale`); a tag of
/// one word keeps its spelling (`chauffage` → `#chauffage`). Accents stay:
/// Facebook links them. A tag with no letter left (`!!`, `2027`: Facebook does
/// not link a hashtag made only of digits) gives no hashtag; nothing fails.
public enum Hashtag {
    /// The hashtag for one tag, with its `#`, or `nil` when none can be made.
    public static func make(_ tag: String) -> String? {
        let words = tag.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        guard words.contains(where: { $0.contains(where: \.isLetter) }) else { return nil }
        if words.count == 1 {
            return "#" + words[0]
        }
        return "#" + words.map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined()
    }

    /// The hashtags for a list of tags, in order, each once (Facebook ignores case).
    public static func make(fromTags tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.compactMap(make).filter { seen.insert($0.lowercased()).inserted }
    }
}
