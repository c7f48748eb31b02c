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
    ///
    /// Linear in the line's length whatever its shape: every search for a closing
    /// `]`, `)` or `**` goes through an `InlineScanner` cursor that never moves back,
    /// so a line of a million `[` is read once, not once per `[`.
    static func inlines(_ line: String) -> Body.Line {
        var scanner = InlineScanner(Array(line))
        let characters = scanner.characters
        var runs: Body.Line = []
        var text = ""
        func flushText() {
            if !text.isEmpty { runs.append(.text(text)) }
            text = ""
        }

        var index = 0
        while index < characters.count {
            if let (strong, end) = scanner.strong(at: index) {
                flushText()
                runs.append(.strong(strong))
                index = end
            } else if let (label, url, end) = scanner.markdownLink(at: index) {
                if isAllowedLink(url) {
                    flushText()
                    runs.append(.link(text: label, url: url))
                } else {
                    text += String(characters[index..<end])
                }
                index = end
            } else if let (url, end) = scanner.bareURL(at: index) {
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

    static func isAllowedLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") { return url.count > 4 }
        return hostStart(lowered) != nil
    }

    /// Index after `http://` or `https://` when the address has something after it.
    static func hostStart(_ lowered: String) -> Int? {
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) && lowered.count > scheme.count {
            return scheme.count
        }
        return nil
    }

}
