import Foundation

/// Splitting a plain-text item into header and body, and reading the header's
/// `Key: value` lines.
extension ItemParser {
    /// Where the header ends and the body begins, as 0-based line indices.
    struct Layout {
        var header: Range<Int>
        /// Index of the `---` line; nil when staff forgot it.
        var separator: Int?
        var bodyStart: Int
    }

    static func textDocument(_ text: String, problems: inout [ItemProblem]) -> ItemDocument? {
        // A text checked on its own usually has no header: when its first non-blank line
        // names no key, `layout(of:)` would say so anyway, without splitting a long text
        // into one String per line first.
        if let first = firstNonBlankLine(text), keyPart(of: first) == nil {
            return ItemDocument(item: nil, bodyText: text, bodyFirstLine: 1, title: nil)
        }
        // A line feed is always a character of its own, so splitting the UTF-8 bytes
        // gives the same lines as splitting the characters, without grapheme breaking.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let layout = layout(of: lines) else {
            return ItemDocument(item: nil, bodyText: text, bodyFirstLine: 1, title: nil)
        }
        let firstHeaderLine = (lines.firstIndex { !isBlank($0) } ?? 0) + 1
        var refusedKeys: Set<HeaderKey> = []
        let fields = headerFields(lines, in: layout.header, problems: &problems, refusedKeys: &refusedKeys)
        if layout.separator == nil {
            problems.append(ItemProblem(
                line: layout.bodyStart,
                message: "Il manque la ligne « --- » qui sépare l'en-tête du texte de l'annonce.",
                fix: "Ajoutez une ligne avec seulement « --- » juste après la ligne \(layout.bodyStart), "
                    + "la dernière ligne de l'en-tête, puis écrivez le texte en dessous."
            ))
        }
        let bodyText = lines[min(layout.bodyStart, lines.count)...].joined(separator: "\n")
        let item = buildItem(
            fields: fields, bodyText: bodyText, bodyFirstLine: layout.bodyStart + 1,
            emptyBodyLine: layout.separator.map { $0 + 1 } ?? layout.bodyStart, missingFieldLine: firstHeaderLine,
            format: .text, refusedKeys: refusedKeys, problems: &problems
        )
        return item.map { ItemDocument(item: $0, bodyText: $0.bodyText, bodyFirstLine: $0.bodyFirstLine, title: $0.title) }
    }

    /// The header's extent, or nil when the whole file is body text.
    ///
    /// With a `---` line, there is a header when the file starts with a
    /// `Key: value` line and some line above `---` names a known key (so a
    /// text that merely opens with « Attention: … » and has a rule further
    /// down stays text). Without `---`, a first line naming a known key means
    /// the separator was forgotten: the header is the run of `Key: value` lines
    /// at the top.
    static func layout(of lines: [String]) -> Layout? {
        guard let first = lines.firstIndex(where: { !isBlank($0) }), let firstKey = keyPart(of: lines[first]) else {
            return nil
        }
        if let separator = lines.firstIndex(where: isSeparator) {
            guard first < separator,
                  lines[first..<separator].contains(where: { keyPart(of: $0).map(isKnownOrClose) ?? false })
            else { return nil }
            return Layout(header: 0..<separator, separator: separator, bodyStart: separator + 1)
        }
        guard isKnownOrClose(firstKey) else { return nil }
        var end = first
        while end < lines.count, keyPart(of: lines[end]) != nil { end += 1 }
        return Layout(header: 0..<end, separator: nil, bodyStart: end)
    }

    /// The fields of the header lines in `range`. `refusedKeys` receives the keys that an
    /// unknown key is probably a typo of: already reported, so not reported missing too.
    static func headerFields(
        _ lines: [String], in range: Range<Int>, problems: inout [ItemProblem], refusedKeys: inout Set<HeaderKey>
    ) -> [HeaderField] {
        var fields: [HeaderField] = []
        for index in range where !isBlank(lines[index]) {
            let line = index + 1
            guard let colon = lines[index].firstIndex(of: ":"),
                  case let writtenKey = lines[index][..<colon].trimmingCharacters(in: .whitespaces),
                  !writtenKey.isEmpty
            else {
                problems.append(ItemProblem(
                    line: line,
                    message: "Cette ligne de l'en-tête n'est pas de la forme « Clé: valeur ».",
                    fix: "Écrivez-la comme « Lieu: Maison citoyenne », avec le nom de la clé puis deux-points, "
                        + "ou déplacez ce texte sous la ligne « --- »."
                ))
                continue
            }
            let value = headerValue(String(lines[index][lines[index].index(after: colon)...]))
            guard let key = HeaderKey(written: writtenKey) else {
                // Past what the report lists, a problem is only counted: no suggestion is
                // sought, so a megabyte of wrong keys costs no edit distances.
                guard problems.count < 2 * maxProblemsListed else {
                    problems.append(ItemProblem(line: line, message: "La clé \(quote(writtenKey)) n'est pas connue.", fix: ""))
                    continue
                }
                let suggestion = HeaderKey.suggestion(for: writtenKey)
                if let suggestion, keyPart(of: lines[index]) != nil { refusedKeys.insert(suggestion) }
                problems.append(unknownKey(writtenKey, line: line, format: .text, suggestion: suggestion))
                continue
            }
            if let earlier = fields.first(where: { $0.key == key }) {
                problems.append(ItemProblem(
                    line: line,
                    message: "La clé « \(key.frenchName) » apparaît deux fois (lignes \(earlier.line ?? 0) et \(line)).",
                    fix: "Gardez une seule ligne « \(key.frenchName): » et supprimez l'autre."
                ))
                continue
            }
            fields.append(HeaderField(key: key, value: value, line: line))
        }
        return fields
    }

    static func unknownKey(_ written: String, line: Int?, format: SourceFormat) -> ItemProblem {
        unknownKey(written, line: line, format: format, suggestion: HeaderKey.suggestion(for: written))
    }

    /// `suggestion`: the known key `written` is probably a typo of, already sought.
    static func unknownKey(_ written: String, line: Int?, format: SourceFormat, suggestion: HeaderKey?) -> ItemProblem {
        let fix: String
        if let suggestion {
            let name = format == .json ? suggestion.englishName : suggestion.frenchName
            fix = "Vouliez-vous dire \(quote(name)) ? Corrigez le nom de la clé."
        } else if format == .json {
            fix = "Les clés possibles sont : " + HeaderKey.allCases.map { "« \($0.englishName) »" }.joined(separator: ", ")
                + " et « body » pour le texte. Corrigez ou supprimez celle-ci."
        } else {
            fix = "Les clés possibles sont : \(HeaderKey.frenchList). Corrigez le nom ou supprimez cette ligne."
        }
        return ItemProblem(line: line, message: "La clé \(quote(written)) n'est pas connue.", fix: fix)
    }

    /// A value on one line: TAB becomes a space (a title is never split into
    /// columns), surrounding spaces go.
    static func headerValue(_ raw: String) -> String {
        raw.replacingOccurrences(of: "\t", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The text before the first colon, when it can be a key: a few words of letters.
    private static func keyPart(of line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.count <= 30, key.split(separator: " ").count <= 3,
              key.unicodeScalars.allSatisfy(keyScalars.contains)
        else { return nil }
        return key
    }

    private static let keyScalars = CharacterSet.letters.union(.whitespaces).union(CharacterSet(charactersIn: "-_'’"))

    private static func isKnownOrClose(_ key: String) -> Bool {
        HeaderKey(written: key) != nil || HeaderKey.suggestion(for: key) != nil
    }

    private static func isSeparator(_ line: String) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The first line of `text` that is not blank, split on UTF-8 bytes as `textDocument` splits.
    private static func firstNonBlankLine(_ text: String) -> String? {
        var start = text.utf8.startIndex
        while start < text.utf8.endIndex {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.utf8.endIndex
            let line = String(decoding: text.utf8[start..<end], as: UTF8.self)
            if !isBlank(line) { return line }
            start = end == text.utf8.endIndex ? end : text.utf8.index(after: end)
        }
        return nil
    }

    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }
}
