/// A text as `FrenchTokenizer` reads it, in a few flat arrays for the whole
/// text rather than a list of sentences each holding Strings: the number of
/// every word occurrence (`WordNumbering`, each distinct word's bytes kept
/// once), and for each sentence its range of occurrences, its line and its text
/// as a range of one byte buffer. A 1 MB text is then half a dozen allocations.
/// The readability checker, its report and the JSON writer work on it directly.
struct TokenizedText: Sendable {
    /// One sentence: its words (indices into `wordIDs`), its text (a range of
    /// `sentenceBytes`) and its 1-based line in the file.
    struct Span: Sendable {
        var words: Range<Int>
        var text: Range<Int>
        var line: Int
    }

    var numbering = WordNumbering()
    /// The number of each word occurrence, in reading order.
    var wordIDs: [Int32] = []
    var sentences: [Span] = []
    /// The text of every sentence, one after the other (lines joined by a space).
    var sentenceBytes: [UInt8] = []

    /// Room for a text of `utf8Count` bytes, reserved once: growing by doubling copies and touches more pages.
    init(reservingFor utf8Count: Int = 0) {
        sentenceBytes.reserveCapacity(utf8Count)
        // About one word per 6.5 bytes of French prose, one sentence per 20 words.
        wordIDs.reserveCapacity(utf8Count / 6 + 16)
        sentences.reserveCapacity(utf8Count / 100 + 4)
    }

    /// The text of sentence `index`.
    func text(ofSentence index: Int) -> String {
        String(decoding: sentenceBytes[sentences[index].text], as: UTF8.self)
    }

    /// Makes the sentences from `first` on one sentence with text `text` at `line`
    /// (an item's title is read as one unit even when it holds a full stop).
    mutating func mergeSentences(from first: Int, text: String, line: Int) {
        guard first < sentences.count else { return }
        let words = sentences[first].words.lowerBound..<sentences[sentences.count - 1].words.upperBound
        sentenceBytes.removeSubrange(sentences[first].text.lowerBound...)
        let start = sentenceBytes.count
        sentenceBytes.append(contentsOf: text.utf8)
        sentences.removeSubrange(first...)
        sentences.append(Span(words: words, text: start..<sentenceBytes.count, line: line))
    }
}
