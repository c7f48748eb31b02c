extension PlainLanguageRules {
    /// The French excerpt, message and suggestion of findings already written, by the
    /// words they concern. A long text meets the same administrative and long words
    /// again and again, and their findings say the same thing each time: writing those
    /// sentences once and sharing them spares an interpolation and a few hundred bytes
    /// per finding (a quarter of the checker's allocations on a long text). A long text
    /// also repeats whole sentences: a long one's texts (its cut point included) are
    /// written once for its bytes.
    ///
    /// Keyed by word numbers (`WordNumbering`: equal numbers, equal bytes) or by a
    /// sentence's bytes, never by String equality: a finding only ever reuses the very
    /// bytes it would have written.
    struct Wording {
        struct Texts {
            var excerpt: String
            var message: String
            var suggestion: String
        }

        var administrative: [ArraySlice<Int32>: Texts] = [:]
        var longWord: [Int32: Texts] = [:]
        var rareWord: [Int32: Texts] = [:]
        /// Long sentences by their text: a long text repeats its paragraphs.
        var longSentence: [SentenceBytes: Texts] = [:]

        /// A sentence's UTF-8 bytes, hashed in one call rather than byte by byte.
        struct SentenceBytes: Hashable {
            var bytes: ArraySlice<UInt8>

            func hash(into hasher: inout Hasher) {
                bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            }

            static func == (a: SentenceBytes, b: SentenceBytes) -> Bool {
                a.bytes.elementsEqual(b.bytes)
            }
        }
    }
}
