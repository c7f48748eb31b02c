/// Levenshtein distance between two words, used to answer "did you mean …?"
/// when staff misspell a header key or a channel name. Pure; never fails.
public enum EditDistance {
    /// Number of single-character insertions, deletions or substitutions that turn `a` into `b`.
    public static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word`, if it is close enough to be a plausible typo:
    /// one edit for short words, two up to eight letters, three beyond.
    /// Ties go to the earlier candidate, so callers list their preferred spellings first.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let allowed = word.count <= 4 ? 1 : (word.count <= 8 ? 2 : 3)
        var best: (candidate: String, distance: Int)?
        // The distance is at least the difference in length: skip hopeless candidates cheaply.
        for candidate in candidates where abs(candidate.count - word.count) <= allowed {
            let distance = levenshtein(word, candidate)
            if distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
