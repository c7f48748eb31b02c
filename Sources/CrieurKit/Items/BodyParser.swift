/// Reads an announcement's body into `Body`: paragraphs separated by blank
/// lines, `- ` (or `* `, `• `) lists, `**bold**`, `[text](url)` links and bare
/// `http(s)://` addresses. Nothing else is interpreted: HTML, template braces
/// and any other markup stay literal text, and a link whose scheme is not
/// http, https, mailto or tel stays text too.
///
/// Pure and total: any text gives a `Body`; malformed markup is simply text.
public enum BodyParser {
    public static func parse(_ text: String) -> Body {
        var blocks: [Body.Block] = []
        var paragraph: [Body.Line] = []
        var list: [String] = []

        func flushParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
            paragraph = []
        }
        func flushList() {
            if !list.isEmpty { blocks.append(.list(list.map(inlines))) }
            list = []
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let entry = listEntry(line) {
                flushParagraph()
                list.append(entry)
            } else if !list.isEmpty, rawLine.first == " " || rawLine.first == "\t" {
                // An indented line under a list entry continues that entry.
                list[list.count - 1] += " " + line
            } else {
                flushList()
                paragraph.append(inlines(line))
            }
        }
        flushParagraph()
        flushList()
        return Body(blocks: blocks)
    }

    private static func listEntry(_ line: String) -> String? {
        for marker in ["- ", "* ", "• "] where line.hasPrefix(marker) {
            return line.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The inline runs of one line; adjacent text is merged into one run.
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
                if isAllowedLink(url) {
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

    private static func isAllowedLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { return url.count > 4 }
        return hostStart(lowered) != nil
    }

    /// Index after `http://` or `https://` when the address has something after it.
    private static func hostStart(_ lowered: String) -> Int? {
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) && lowered.count > scheme.count {
            return scheme.count
        }
        return nil
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
        guard let start = hostStart(url.lowercased()), url.count > start else { return nil }
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
