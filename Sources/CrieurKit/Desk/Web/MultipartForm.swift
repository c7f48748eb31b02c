import Foundation

/// A `multipart/form-data` body (RFC 7578) as the desk's form sends it with a
/// picture: text fields, and at most the file parts the form has. Each part's
/// bytes are a slice of the body (which the command maps from the temporary
/// file it streamed standard input into), so a picture is not copied here.
/// Linear in the body's size; a malformed body gives nil.
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        public var name: String
        /// The name the browser gave the file: shown nowhere, stored nowhere, never used as a path.
        public var fileName: String?
        public var data: Data
    }

    public var parts: [Part]

    /// At most this many parts: the form has about fifteen fields.
    static let maxParts = 200

    public init?(body: Data, boundary: String) {
        let delimiter = Data(("--" + boundary).utf8)
        let crlf = Data("\r\n".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter: « -- » ends the body, else a line break and a part.
            if body[cursor...].starts(with: Data("--".utf8)) { break }
            guard body[cursor...].starts(with: crlf) else { return nil }
            let headersStart = cursor + 2
            guard let headersRange = body.range(of: headerEnd, in: headersStart..<body.endIndex),
                  let next = body.range(of: crlf + delimiter, in: headersRange.upperBound..<body.endIndex) else { return nil }
            let headers = String(decoding: body[headersStart..<headersRange.lowerBound], as: UTF8.self)
            guard let disposition = Self.disposition(headers), let name = disposition["name"] else { return nil }
            parts.append(Part(name: name, fileName: disposition["filename"], data: body[headersRange.upperBound..<next.lowerBound]))
            guard parts.count <= Self.maxParts else { return nil }
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// The parameters of the `Content-Disposition: form-data; name="…"; filename="…"` header.
    static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                  line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var parameters: [String: String] = [:]
            var rest = Substring(line[line.index(after: colon)...])
            // form-data, then ; key="value" pairs (values may hold « ; »).
            guard let firstSemicolon = rest.firstIndex(of: ";"),
                  rest[..<firstSemicolon].trimmingCharacters(in: .whitespaces).lowercased() == "form-data" else { return nil }
            rest = rest[rest.index(after: firstSemicolon)...]
            while !rest.isEmpty {
                rest = rest.drop { $0 == " " || $0 == ";" }
                guard let equals = rest.firstIndex(of: "=") else { break }
                let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                rest = rest[rest.index(after: equals)...]
                var value = ""
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    while let character = rest.first, character != "\"" {
                        if character == "\\", rest.count > 1 { rest = rest.dropFirst() }
                        value.append(rest.first!)
                        rest = rest.dropFirst()
                    }
                    rest = rest.dropFirst()
                } else {
                    value = String(rest.prefix { $0 != ";" })
                    rest = rest.dropFirst(value.count)
                }
                parameters[key] = value
            }
            return parameters
        }
        return nil
    }

    /// The text fields, in order (file parts left out).
    public var fields: [(String, String)] {
        parts.filter { $0.fileName == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) }
    }

    public func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.fileName != nil } }
}
