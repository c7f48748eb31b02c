import Foundation

/// Turns template source into `Template.Node`s (see `Template` for the language).
/// Works on UTF-8 bytes: the tag delimiters are ASCII, so text between tags is
/// copied unchanged. Fails with a French `TemplateError` naming the line.
struct TemplateParser {
    private let bytes: [UInt8]
    private let name: String
    private var position = 0
    private var line = 1

    private struct OpenSection {
        var path: [String]
        var inverted: Bool
        var line: Int
        var outer: [Template.Node]
    }

    init(source: String, name: String) {
        bytes = Array(source.utf8)
        self.name = name
    }

    mutating func parse() throws(TemplateError) -> [Template.Node] {
        var nodes: [Template.Node] = []
        var open: [OpenSection] = []
        var pending: [UInt8] = []  // text since the last tag

        func flush(_ pending: inout [UInt8], into nodes: inout [Template.Node]) {
            if !pending.isEmpty { nodes.append(.text(String(decoding: pending, as: UTF8.self))) }
            pending.removeAll(keepingCapacity: true)
        }

        while position < bytes.count {
            guard startsTag(at: position) else {
                if bytes[position] == 0x0A { line += 1 }
                pending.append(bytes[position])
                position += 1
                continue
            }
            let tagLine = line
            let tagStart = position
            position += 2
            let sigil = position < bytes.count ? bytes[position] : 0
            if sigil == UInt8(ascii: "{") {
                throw error(tagLine, "les triples accolades « {{{ » ne sont pas permises : Crieur décide lui-même ce qui peut être inséré tel quel.")
            }
            guard let close = findClose(from: position) else {
                throw error(tagLine, "« {{ » n'est jamais fermé par « }} ».")
            }
            let inner = Array(bytes[position..<close])
            for byte in inner where byte == 0x0A { line += 1 }
            position = close + 2

            let kind: UInt8? = [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!")].contains(sigil) ? sigil : nil
            if kind != nil { trimStandaloneLine(&pending, tagStart: tagStart) }
            switch kind {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let path = try parsePath(inner.dropFirst(), line: tagLine)
                flush(&pending, into: &nodes)
                open.append(OpenSection(path: path, inverted: sigil == UInt8(ascii: "^"), line: tagLine, outer: nodes))
                nodes = []
            case UInt8(ascii: "/"):
                let path = try parsePath(inner.dropFirst(), line: tagLine)
                guard let section = open.popLast() else {
                    throw error(tagLine, "{{/\(path.joined(separator: "."))}} ferme une section qui n'a pas été ouverte.")
                }
                guard section.path == path else {
                    let opened = section.path.joined(separator: ".")
                    throw error(tagLine, "{{/\(path.joined(separator: "."))}} ne correspond pas à la section « \(opened) » ouverte ligne \(section.line) : fermez-la d'abord avec {{/\(opened)}}.")
                }
                flush(&pending, into: &nodes)
                let body = nodes
                nodes = section.outer
                nodes.append(.section(path: path, inverted: section.inverted, body: body, line: section.line))
            default:
                let path = try parsePath(inner[...], line: tagLine)
                flush(&pending, into: &nodes)
                nodes.append(.value(path: path, line: tagLine))
            }
        }
        if let section = open.last {
            let opened = section.path.joined(separator: ".")
            throw error(section.line, "la section « \(opened) » n'est jamais fermée : ajoutez {{/\(opened)}}.")
        }
        flush(&pending, into: &nodes)
        return nodes
    }

    private func startsTag(at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "{") && bytes[index + 1] == UInt8(ascii: "{")
    }

    private func findClose(from index: Int) -> Int? {
        var cursor = index
        while cursor + 1 < bytes.count {
            if bytes[cursor] == UInt8(ascii: "}") && bytes[cursor + 1] == UInt8(ascii: "}") { return cursor }
            cursor += 1
        }
        return nil
    }

    /// A section, closing or comment tag alone on its line (only spaces around it)
    /// leaves no blank line behind: the spaces before it and the line end after it go.
    private mutating func trimStandaloneLine(_ pending: inout [UInt8], tagStart: Int) {
        var before = tagStart
        while before > 0, bytes[before - 1] == 0x20 || bytes[before - 1] == 0x09 { before -= 1 }
        guard before == 0 || bytes[before - 1] == 0x0A else { return }
        var after = position
        while after < bytes.count, bytes[after] == 0x20 || bytes[after] == 0x09 || bytes[after] == 0x0D { after += 1 }
        guard after == bytes.count || bytes[after] == 0x0A else { return }
        let spaces = tagStart - before
        // The spaces before the tag are the end of `pending` unless a tag sat between.
        if pending.count >= spaces && pending.suffix(spaces).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            pending.removeLast(spaces)
        }
        if after < bytes.count { line += 1 }
        position = min(after + 1, bytes.count)
    }

    /// `name`, `item.title` or `.`: letters, digits, `_` and `-`, dot-separated.
    private func parsePath(_ raw: ArraySlice<UInt8>, line: Int) throws(TemplateError) -> [String] {
        let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text == "." { return ["."] }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = !text.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        }
        guard valid else {
            throw error(line, "« \(text) » n'est pas un nom valable : lettres, chiffres, _ et - seulement, séparés par des points (par exemple {{annonce.titre}}).")
        }
        return parts
    }

    private func error(_ line: Int, _ message: String) -> TemplateError {
        TemplateError(template: name, line: line, message: message)
    }
}
