import Foundation
import Testing
@testable import CrieurKit

// The inline scanning must stay linear on hostile lines and give, on every line,
// exactly what the straightforward (quadratic) scanner it replaced gave.

@Test func inlinesMatchTheStraightforwardScannerOnRandomMarkup() {
    let pieces = ["[", "]", "(", ")", "*", "**", " ", "a", "h", ".", ")", "»", "«", "<", "é", ":", "/",
                  "https://", "http://", "HTTP://", "mailto:x", "tel:1", "cpas.be", "\t"]
    var generator = InlineSplitMix(seed: 7)
    var compared = 0
    for _ in 0..<4_000 {
        var line = ""
        for _ in 0..<Int(generator.next() % 24) { line += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        #expect(BodyParser.inlines(trimmed) == StraightforwardInlines.inlines(trimmed), "\(trimmed)")
        compared += 1
    }
    #expect(compared == 4_000)
}

@Test(arguments: [
    String(repeating: "[(", count: 15_000),
    String(repeating: "[", count: 65_000),
    String(repeating: "[a](", count: 8_000),
    String(repeating: "h(", count: 15_000),
    String(repeating: "** ", count: 10_000),
])
func hostileLinesAreScannedInLinearTime(line: String) {
    // Hours of work before on a megabyte; a tenth of a second now. The bound only
    // says « not quadratic » on the slowest machine.
    var runs: Body.Line = []
    let elapsed = threadCPUSeconds { runs = BodyParser.inlines(line) }
    #expect(runs == [.text(line)])
    #expect(elapsed < 5)
}

/// A tiny deterministic generator so the random test is reproducible.
private struct InlineSplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The scanner `BodyParser` used before it was made linear, kept as the reference
/// its output is compared with.
private enum StraightforwardInlines {
    static func inlines(_ line: String) -> Body.Line {
        let characters = Array(line)
        var runs: Body.Line = []
        var text = ""
        func flushText() {
            if !text.isEmpty { runs.append(.text(text)) }
            text = ""
        }

        var index = 0
        while index < characters.count {
            if let (strong, end) = strong(in: characters, at: index) {
                flushText()
                runs.append(.strong(strong))
                index = end
            } else if let (label, url, end) = markdownLink(in: characters, at: index) {
                if BodyParser.isAllowedLink(url) {
                    flushText()
                    runs.append(.link(text: label, url: url))
                } else {
                    text += String(characters[index..<end])
                }
                index = end
            } else if let (url, end) = bareURL(in: characters, at: index) {
                flushText()
                runs.append(.link(text: url, url: url))
                index = end
            } else {
                text.append(characters[index])
                index += 1
            }
        }
        flushText()
        return runs
    }

    /// `**words**` starting at `index`: its content and the index after it.
    private static func strong(in characters: [Character], at index: Int) -> (String, Int)? {
        guard starts(characters, at: index, with: "**") else { return nil }
        var close = index + 2
        while close + 1 < characters.count {
            if characters[close] == "*", characters[close + 1] == "*" {
                let content = String(characters[(index + 2)..<close])
                guard !content.allSatisfy(\.isWhitespace) else { return nil }
                return (content, close + 2)
            }
            close += 1
        }
        return nil
    }

    /// `[label](url)` starting at `index`, whatever the scheme; the caller decides.
    private static func markdownLink(in characters: [Character], at index: Int) -> (String, String, Int)? {
        guard characters[index] == "[",
              let labelEnd = characters[(index + 1)...].firstIndex(of: "]"),
              labelEnd + 1 < characters.count, characters[labelEnd + 1] == "(",
              let urlEnd = characters[(labelEnd + 2)...].firstIndex(of: ")")
        else { return nil }
        let label = String(characters[(index + 1)..<labelEnd])
        let url = String(characters[(labelEnd + 2)..<urlEnd])
        guard !label.isEmpty, !url.isEmpty, !url.contains(where: \.isWhitespace) else { return nil }
        return (label, url, urlEnd + 1)
    }

    private static let urlTrailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "»"]
    private static let urlStoppers: Set<Character> = ["<", ">", "\"", "«"]

    /// A bare `http(s)://` address starting at `index`, not glued to a preceding
    /// word, without the punctuation that ends the sentence around it.
    private static func bareURL(in characters: [Character], at index: Int) -> (String, Int)? {
        guard characters[index] == "h" || characters[index] == "H",
              index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
        else { return nil }
        var end = index
        while end < characters.count, !characters[end].isWhitespace, !urlStoppers.contains(characters[end]) { end += 1 }
        while end > index, urlTrailingPunctuation.contains(characters[end - 1]) { end -= 1 }
        let url = String(characters[index..<end])
        guard let start = BodyParser.hostStart(url.lowercased()), url.count > start else { return nil }
        return (url, end)
    }

    private static func starts(_ characters: [Character], at index: Int, with prefix: String) -> Bool {
        var position = index
        for character in prefix {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        return true
    }
}
