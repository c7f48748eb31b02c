extension ReadabilityReport {
    /// A report's sentences and words as the tokenizer left them (`TokenizedText`:
    /// word numbers, sentence spans, one byte buffer of sentence texts) with the
    /// syllables of each numbered word. A 1 MB text has 145,000 words but a few
    /// thousand distinct ones: the JSON writer writes each distinct word's object
    /// once and copies it at every occurrence, and the verdicts count words per
    /// sentence, without a String or a struct per occurrence. `measures` gives the
    /// same as a list of sentences for callers that want one.
    struct Layout: Sendable {
        var tokens: TokenizedText
        /// Spoken syllables by word number.
        var syllables: [Int]

        init(tokens: TokenizedText, syllables: [Int]) {
            self.tokens = tokens
            self.syllables = syllables
        }

        /// The layout of sentences given as a list, each word numbered on its own
        /// (equal texts may carry different counts in a report built by hand).
        init(_ measures: [SentenceMeasure]) {
            tokens = TokenizedText()
            syllables = []
            for measure in measures {
                let firstWord = tokens.wordIDs.count
                for word in measure.words {
                    var text = word.text
                    tokens.wordIDs.append(text.withUTF8 { tokens.numbering.appendUnshared($0) })
                    syllables.append(word.syllables)
                }
                let textStart = tokens.sentenceBytes.count
                tokens.sentenceBytes.append(contentsOf: measure.text.utf8)
                tokens.sentences.append(
                    .init(words: firstWord..<tokens.wordIDs.count, text: textStart..<tokens.sentenceBytes.count, line: measure.line))
            }
        }

        var sentenceCount: Int { tokens.sentences.count }

        func text(ofSentence index: Int) -> String { tokens.text(ofSentence: index) }

        /// The sentences as a list, each word as a String.
        var measures: [SentenceMeasure] {
            let words = (0..<Int32(tokens.numbering.count)).map {
                WordMeasure(text: tokens.numbering.string(of: $0), syllables: syllables[Int($0)])
            }
            return tokens.sentences.indices.map { index in
                let span = tokens.sentences[index]
                return SentenceMeasure(
                    text: tokens.text(ofSentence: index), line: span.line,
                    words: tokens.wordIDs[span.words].map { words[Int($0)] })
            }
        }
    }
}
