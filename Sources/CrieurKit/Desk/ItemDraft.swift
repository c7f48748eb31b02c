import Foundation

/// The form's fields ↔ the item file. Lines the form does not show (Répéter,
/// Texte écran, Dérogation, Id, unknown keys…) are kept verbatim, so a file
/// written by the desk, edited by hand, opens again unchanged apart from the edit.
///
/// Reading never fails: a partial or broken file gives the fields it has (the
/// queue's check says what is wrong, `Enqueuer`). Writing changes only the
/// lines of the fields that changed, in place and with the key as it was
/// written (« Title: » stays « Title: »); a field that appears is added at the
/// end of the header under its French name, one that is emptied loses its
/// line. A value can never add a header line: line breaks in a field become
/// spaces. A draft that was not edited gives back its text byte for byte.
///
/// A `.json` item opens into the same fields; edited, it is written as a text
/// item with the same fields (its other members under their French keys).
public struct ItemDraft: Sendable, Equatable {
    public var title: String
    public var channels: [Channel]
    /// `Quand:`, as staff write it, in the formats the parser reads (« 12 décembre 2026 à 14 h »).
    public var when: String
    /// `Publication:`: the display window's start, a French date or empty.
    public var publication: String
    /// `Fin:`: the display window's end.
    public var expires: String
    public var place: String
    public var link: String
    /// The picture's file name beside the item, or empty.
    public var image: String
    public var alternativeText: String
    /// `Mots-clés:`, comma-separated.
    public var tags: String
    public var urgent: Bool
    public var body: String

    /// What was read, to write back what did not change as it was.
    private var source: Source

    private struct Source: Sendable, Equatable {
        var text: String
        /// The file's lines (split on LF; a CR before it stays in the line).
        var lines: [String]
        /// Header lines (0-based) → the form field they hold; other header lines are kept as they are.
        var fieldLines: [Int: Field]
        /// The original values, to tell what was edited.
        var values: Values
        var header: Range<Int>
        var separator: Int?
        var bodyStart: Int
        var hasHeader: Bool
        /// A `.json` item: its other members as header lines (French keys), for a rewrite.
        var jsonExtraLines: [String]?
    }

    /// The fields the form shows, in the order new lines are written.
    enum Field: CaseIterable, Sendable {
        case title, channels, when, publication, expires, place, link, image, alternativeText, tags, urgent

        var key: HeaderKey {
            switch self {
            case .title: return .title
            case .channels: return .channels
            case .when: return .when
            case .publication: return .publication
            case .expires: return .expires
            case .place: return .place
            case .link: return .link
            case .image: return .image
            case .alternativeText: return .alternativeText
            case .tags: return .tags
            case .urgent: return .urgent
            }
        }

        init?(_ key: HeaderKey) {
            guard let field = Field.allCases.first(where: { $0.key == key }) else { return nil }
            self = field
        }
    }

    private struct Values: Sendable, Equatable {
        var title = "", when = "", publication = "", expires = "", place = "", link = "", image = "", alternativeText = "", tags = ""
        var channels: [Channel] = []
        var urgent = false
        var body = ""
    }

    /// An empty form.
    public init() {
        self.init(text: "")
    }

    /// Any item file the CLI accepts (and partial ones), as text.
    public init(text: String) {
        // Split on the bytes: for Swift, CR LF is one character, which `split(separator: "\n")` would not cut.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var values = Values()
        var fieldLines: [Int: Field] = [:]
        var source = Source(text: text, lines: lines, fieldLines: [:], values: values, header: 0..<0, separator: nil,
                            bodyStart: 0, hasHeader: false)
        if Self.looksLikeJSON(text), let (fields, body, extra) = Self.jsonFields(text) {
            for (field, value) in fields { Self.set(field, value, in: &values) }
            values.body = body
            source.jsonExtraLines = extra
            source.hasHeader = true
        } else if let layout = ItemParser.layout(of: lines.map(Self.withoutCR)) {
            source.hasHeader = true
            source.header = layout.header
            source.separator = layout.separator
            source.bodyStart = layout.bodyStart
            var seen: Set<Field> = []
            for index in layout.header {
                guard let (key, value) = Self.keyValue(Self.withoutCR(lines[index])), let field = Field(key),
                      seen.insert(field).inserted else { continue }
                fieldLines[index] = field
                Self.set(field, value, in: &values)
            }
            values.body = layout.bodyStart < lines.count ? lines[layout.bodyStart...].map(Self.withoutCR).joined(separator: "\n") : ""
        } else {
            values.body = lines.map(Self.withoutCR).joined(separator: "\n")
        }
        source.fieldLines = fieldLines
        source.values = values
        self.source = source
        title = values.title
        channels = values.channels
        when = values.when
        publication = values.publication
        expires = values.expires
        place = values.place
        link = values.link
        image = values.image
        alternativeText = values.alternativeText
        tags = values.tags
        urgent = values.urgent
        body = values.body
    }

    /// The item file. `ItemParser` accepts it when the fields are valid (the
    /// queue's check says what is not, in French, with the line).
    public func itemText() -> String {
        let now = current
        if now == source.values { return source.text }
        if source.jsonExtraLines != nil || !source.hasHeader {
            var header: [String] = []
            for field in Field.allCases where !Self.value(field, in: now).isEmpty {
                header.append("\(field.key.frenchName): \(Self.value(field, in: now))")
            }
            header += source.jsonExtraLines ?? []
            let bodyLines = now.body == source.values.body && source.jsonExtraLines == nil
                ? source.lines : Self.bodyLines(now.body)
            if header.isEmpty { return bodyLines.joined(separator: "\n") }
            return (header + ["---"] + bodyLines).joined(separator: "\n")
        }
        var output: [String] = []
        var written: Set<Field> = []
        for index in source.header {
            let line = source.lines[index]
            guard let field = source.fieldLines[index] else {
                output.append(line)
                continue
            }
            written.insert(field)
            let value = Self.value(field, in: now)
            if value == Self.value(field, in: source.values) {
                output.append(line)
            } else if !value.isEmpty {
                output.append("\(Self.writtenKey(line)): \(value)" + (line.hasSuffix("\r") ? "\r" : ""))
            }
        }
        // New fields go after the last header line that is not blank, so a blank line before `---` stays where it was.
        var insertAt = output.count
        while insertAt > 0, ItemParser.isBlank(output[insertAt - 1]) { insertAt -= 1 }
        let added = Field.allCases.filter { !written.contains($0) && !Self.value($0, in: now).isEmpty }
            .map { "\($0.key.frenchName): \(Self.value($0, in: now))" }
        output.insert(contentsOf: added, at: insertAt)
        if let separator = source.separator {
            output.append(source.lines[separator])
        } else {
            output.append("---")
        }
        if now.body == source.values.body {
            output += source.lines[min(source.bodyStart, source.lines.count)...]
        } else {
            output += Self.bodyLines(now.body)
        }
        return output.joined(separator: "\n")
    }

    /// The fields as they are now.
    private var current: Values {
        Values(title: title, when: when, publication: publication, expires: expires, place: place, link: link, image: image,
               alternativeText: alternativeText, tags: tags, channels: channels, urgent: urgent, body: body)
    }

    /// A field's value as it is written on its line: one line, trimmed.
    private static func value(_ field: Field, in values: Values) -> String {
        let raw: String
        switch field {
        case .title: raw = values.title
        case .channels: raw = values.channels.map(\.id).joined(separator: ", ")
        case .when: raw = values.when
        case .publication: raw = values.publication
        case .expires: raw = values.expires
        case .place: raw = values.place
        case .link: raw = values.link
        case .image: raw = values.image
        case .alternativeText: raw = values.alternativeText
        case .tags: raw = values.tags
        case .urgent: raw = values.urgent ? "oui" : ""
        }
        return oneLine(raw)
    }

    private static func set(_ field: Field, _ value: String, in values: inout Values) {
        switch field {
        case .title: values.title = value
        case .channels: values.channels = channels(in: value)
        case .when: values.when = value
        case .publication: values.publication = value
        case .expires: values.expires = value
        case .place: values.place = value
        case .link: values.link = value
        case .image: values.image = value
        case .alternativeText: values.alternativeText = value
        case .tags: values.tags = value
        case .urgent: values.urgent = ["oui", "yes", "true"].contains(NameFolding.fold(value))
        }
    }

    /// The channels named in a `Canaux:` value, as the parser reads them; unknown names are left out.
    static func channels(in value: String) -> [Channel] {
        let separators = CharacterSet(charactersIn: ",;").union(.whitespaces)
        let cleaned = ["d'information", "d’information"].reduce(value) {
            $0.replacingOccurrences(of: $1, with: "", options: [.caseInsensitive, .diacriticInsensitive])
        }
        var result: [Channel] = []
        for name in cleaned.components(separatedBy: separators) where !name.isEmpty {
            if let channel = Channel(named: name), !result.contains(channel) { result.append(channel) }
        }
        return result
    }

    /// Line breaks (any kind) and tabs become spaces: a value stays on its line.
    static func oneLine(_ text: String) -> String {
        var result = ""
        for character in text {
            result.append(character.isNewline || character == "\t" ? " " : character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The body's lines, with LF ends whatever the browser sent (CRLF).
    private static func bodyLines(_ body: String) -> [String] {
        body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func withoutCR(_ line: String) -> String {
        line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// The key and value of a header line the parser would read, or nil.
    private static func keyValue(_ line: String) -> (HeaderKey, String)? {
        guard let colon = line.firstIndex(of: ":"),
              let key = HeaderKey(written: line[..<colon].trimmingCharacters(in: .whitespaces)) else { return nil }
        return (key, ItemParser.headerValue(String(line[line.index(after: colon)...])))
    }

    /// The key as written on `line`, without the spaces around it.
    private static func writtenKey(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        return line[..<colon].trimmingCharacters(in: .whitespaces)
    }

    private static func looksLikeJSON(_ text: String) -> Bool {
        text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{"
    }

    /// A `.json` item's form fields, body and other members (as French header lines); nil when it is not an object.
    private static func jsonFields(_ text: String) -> (fields: [(Field, String)], body: String, extra: [String])? {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)), case .object(let members) = root else {
            return nil
        }
        var fields: [(Field, String)] = []
        var body = ""
        var extra: [String] = []
        for (key, value) in members.sorted(by: { $0.key < $1.key }) {
            if ["body", "texte", "text"].contains(NameFolding.foldKey(key)) {
                if case .string(let text) = value { body = TextDecoding.withLineFeeds(text) }
                continue
            }
            guard let headerKey = HeaderKey(written: key) else { continue }
            var ignored: [ItemProblem] = []
            guard let flat = ItemParser.flatten(value, key: key, headerKey: headerKey, problems: &ignored) else { continue }
            if let field = Field(headerKey) {
                fields.append((field, flat))
            } else {
                extra.append("\(headerKey.frenchName): \(flat)")
            }
        }
        return (fields, body, extra)
    }
}
