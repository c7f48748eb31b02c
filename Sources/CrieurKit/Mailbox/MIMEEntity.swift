import Foundation

/// One MIME entity of a message read from the mailbox: its header fields
/// (unfolded, in order), its raw body and, for a `multipart/*`, its parts.
///
/// `MIMEEntity.parse` is pure, bounded and linear in the input: the message
/// comes from anyone on the Internet. Each nesting level scans its own bytes
/// once, and the depth, the number of parts and of header fields are capped
/// (`MIMELimits`), so the work is at most `maxDepth` passes over the input. An
/// input over a limit, or that is not a message at all, is refused with a
/// `MIMEParseError`: the caller leaves such a message where it is and reports it.
public struct MIMEEntity: Sendable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public var fields: [Field]
    /// The body as it stands in the message (still transfer-encoded).
    public var body: ArraySlice<UInt8>
    public var parts: [MIMEEntity]

    /// The first field of that name (case-insensitive), unfolded, without surrounding spaces.
    public func field(_ name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.value
    }

    /// `text/plain` when absent (RFC 2045), lowercased, without parameters.
    public var contentType: String {
        guard let value = field("Content-Type") else { return "text/plain" }
        let type = value.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        return type.isEmpty ? "text/plain" : type
    }

    /// A parameter of `Content-Type` (`boundary`, `charset`, `report-type`), unquoted.
    public func contentTypeParameter(_ name: String) -> String? {
        guard let value = field("Content-Type") else { return nil }
        return MIMEEntity.parameter(name, in: value)
    }

    /// The body with its `Content-Transfer-Encoding` undone (base64, quoted-printable; others as they are).
    public var decodedBody: [UInt8] {
        switch (field("Content-Transfer-Encoding") ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64": return MIMEDecoding.base64(body)
        case "quoted-printable": return MIMEDecoding.quotedPrintable(body)
        default: return Array(body)
        }
    }

    /// The decoded body as text, in its declared charset (UTF-8 when none;
    /// ISO-8859-1 and windows-1252 read as Latin-1; invalid bytes replaced).
    public var text: String {
        MIMEDecoding.text(decodedBody[...], charset: contentTypeParameter("charset"))
    }

    /// Every entity of the tree, depth first, this one first.
    public var allEntities: [MIMEEntity] {
        var result: [MIMEEntity] = [self]
        for part in parts { result += part.allEntities }
        return result
    }

    // MARK: Parsing

    public static func parse(_ bytes: [UInt8], limits: MIMELimits = MIMELimits()) throws(MIMEParseError) -> MIMEEntity {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        var budget = limits.maxParts
        let entity = try parse(bytes[...], depth: 0, limits: limits, parts: &budget)
        guard !entity.fields.isEmpty else { throw .noHeader }
        return entity
    }

    /// Only the header fields of `bytes` (a `text/rfc822-headers` part, a delivery-status group).
    static func parseFields(_ bytes: ArraySlice<UInt8>, limits: MIMELimits) throws(MIMEParseError) -> (fields: [Field], bodyStart: Int) {
        var fields: [Field] = []
        var index = bytes.startIndex
        var current: (name: String, value: [UInt8])?
        func flush() { if let field = current { fields.append(Field(name: field.name, value: MIMEDecoding.trimmed(field.value))) } }
        while index < bytes.endIndex {
            let (lineEnd, next) = lineBounds(bytes, from: index)
            let line = bytes[index..<lineEnd]
            index = next
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09 {
                if current != nil { current!.value += [0x20] + line.drop { $0 == 0x20 || $0 == 0x09 } }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                // Not a field: the header ended without its empty line (some
                // bounces quote a header truncated this way); the rest is body.
                flush()
                return (fields, line.startIndex)
            }
            flush()
            guard fields.count < limits.maxFields else { throw .tooManyFields(limit: limits.maxFields) }
            current = (String(decoding: line[line.startIndex..<colon], as: UTF8.self), Array(line[(colon + 1)...]))
        }
        flush()
        return (fields, index)
    }

    private static func parse(_ bytes: ArraySlice<UInt8>, depth: Int, limits: MIMELimits, parts: inout Int) throws(MIMEParseError) -> MIMEEntity {
        let (fields, bodyStart) = try parseFields(bytes, limits: limits)
        var entity = MIMEEntity(fields: fields, body: bytes[bodyStart...], parts: [])
        let type = entity.contentType
        if type.hasPrefix("multipart/") {
            guard depth < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth) }
            guard let boundary = entity.contentTypeParameter("boundary"), !boundary.isEmpty, boundary.utf8.count <= 200 else {
                throw .missingBoundary
            }
            for slice in split(entity.body, boundary: Array(boundary.utf8)) {
                parts -= 1
                guard parts >= 0 else { throw .tooManyParts(limit: limits.maxParts) }
                entity.parts.append(try parse(slice, depth: depth + 1, limits: limits, parts: &parts))
            }
        } else if type == "message/rfc822" || type == "message/global" {
            guard depth < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth) }
            parts -= 1
            guard parts >= 0 else { throw .tooManyParts(limit: limits.maxParts) }
            let inner = Array(entity.decodedBody)
            entity.parts = [try parse(inner[...], depth: depth + 1, limits: limits, parts: &parts)]
        }
        return entity
    }

    /// The parts between `--boundary` lines, up to `--boundary--` (or the end:
    /// a message cut short keeps the parts it has). One pass over the bytes.
    static func split(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let delimiter: [UInt8] = [0x2D, 0x2D] + boundary
        var result: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            let lineStart = index
            let (lineEnd, next) = lineBounds(body, from: index)
            index = next
            let line = body[lineStart..<lineEnd]
            guard line.starts(with: delimiter) else { continue }
            let rest = line.dropFirst(delimiter.count)
            let closing = rest.starts(with: [0x2D, 0x2D])
            let after = closing ? rest.dropFirst(2) : rest
            guard after.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
            if let start = partStart {
                // The line break before the delimiter belongs to the delimiter.
                var end = lineStart
                if end > start, body[end - 1] == 0x0A { end -= 1 }
                if end > start, body[end - 1] == 0x0D { end -= 1 }
                result.append(body[start..<end])
            }
            if closing { return result }
            partStart = index
        }
        if let start = partStart, start < body.endIndex { result.append(body[start...]) }
        return result
    }

    /// The end of the line starting at `index` (before CR LF or LF) and the start of the next.
    static func lineBounds(_ bytes: ArraySlice<UInt8>, from index: Int) -> (end: Int, next: Int) {
        var end = index
        while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
        let next = end < bytes.endIndex ? end + 1 : end
        if end > index, bytes[end - 1] == 0x0D { return (end - 1, next) }
        return (end, next)
    }

    /// `name=value` or `name="value"` in a structured field (case-insensitive name).
    static func parameter(_ name: String, in value: String) -> String? {
        let wanted = name.lowercased()
        var scalars = Substring(value).unicodeScalars[...]
        // Skip the type itself.
        guard let first = scalars.firstIndex(of: ";") else { return nil }
        scalars = scalars[scalars.index(after: first)...]
        while !scalars.isEmpty {
            scalars = scalars.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            let key = scalars.prefix { $0 != "=" && $0 != ";" }
            scalars = scalars.dropFirst(key.count)
            guard scalars.first == "=" else { continue }
            scalars = scalars.dropFirst()
            scalars = scalars.drop { $0 == " " || $0 == "\t" }
            var parsed = ""
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                var escaped = false
                while let scalar = scalars.first {
                    scalars = scalars.dropFirst()
                    if escaped { parsed.unicodeScalars.append(scalar); escaped = false; continue }
                    if scalar == "\\" { escaped = true; continue }
                    if scalar == "\"" { break }
                    parsed.unicodeScalars.append(scalar)
                }
            } else {
                let raw = scalars.prefix { $0 != ";" }
                scalars = scalars.dropFirst(raw.count)
                parsed = String(String.UnicodeScalarView(raw)).trimmingCharacters(in: .whitespaces)
            }
            if String(String.UnicodeScalarView(key)).trimmingCharacters(in: .whitespaces).lowercased() == wanted { return parsed }
        }
        return nil
    }
}

/// How much of a message the parser accepts: enough for any bounce or reply,
/// not enough for a hostile one to cost more than a few passes.
public struct MIMELimits: Sendable {
    public var maxBytes = 10 << 20
    public var maxDepth = 8
    public var maxParts = 200
    public var maxFields = 1000
    public init() {}
}

/// A message from the mailbox that Crieur will not read: it stays in the mailbox, for a person.
public enum MIMEParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Over `MIMELimits.maxBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// Multiparts nested deeper than the limit.
    case tooDeep(limit: Int)
    /// More parts than the limit.
    case tooManyParts(limit: Int)
    /// More header fields than the limit.
    case tooManyFields(limit: Int)
    /// A `multipart/*` without a usable boundary.
    case missingBoundary
    /// Not a single header field: not an e-mail.
    case noHeader

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "le message fait \(bytes) octets, plus que les \(limit) que Crieur lit"
        case .tooDeep(let limit):
            return "le message imbrique plus de \(limit) niveaux de parties"
        case .tooManyParts(let limit):
            return "le message a plus de \(limit) parties"
        case .tooManyFields(let limit):
            return "le message a plus de \(limit) lignes d’en-tête"
        case .missingBoundary:
            return "une partie multiple du message n’a pas de séparateur (boundary)"
        case .noHeader:
            return "le message n’a pas d’en-tête"
        }
    }
}
