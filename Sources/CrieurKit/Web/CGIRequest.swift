import Foundation

/// A request as a web server hands it to a CGI program (RFC 3875): the
/// meta-variables of the environment and the body on standard input.
public struct CGIRequest: Sendable, Equatable {
    public var method: String
    /// `PATH_INFO`: the page (`/confirmation`), empty for the form.
    public var pathInfo: String
    /// `SCRIPT_NAME`: the program's own path on the site, for the forms' `action`.
    public var scriptName: String
    public var query: String
    public var contentType: String
    public var body: Data

    public init(method: String, pathInfo: String = "", scriptName: String = "", query: String = "",
                contentType: String = "", body: Data = Data()) {
        self.method = method
        self.pathInfo = pathInfo
        self.scriptName = scriptName
        self.query = query
        self.contentType = contentType
        self.body = body
    }

    /// The declared body length, or why it is refused.
    public enum BodyLength: Equatable {
        case bytes(Int)
        case tooLarge
        case invalid
    }

    /// `CONTENT_LENGTH` checked against `limit` before anything is read.
    public static func bodyLength(_ environment: [String: String], limit: Int) -> BodyLength {
        guard let raw = environment["CONTENT_LENGTH"], !raw.isEmpty else { return .bytes(0) }
        guard let length = Int(raw), length >= 0 else { return .invalid }
        return length > limit ? .tooLarge : .bytes(length)
    }

    /// The request from the environment, with `body` already read.
    public static func from(environment: [String: String], body: Data) -> CGIRequest {
        CGIRequest(method: (environment["REQUEST_METHOD"] ?? "GET").uppercased(), pathInfo: environment["PATH_INFO"] ?? "",
                   scriptName: environment["SCRIPT_NAME"] ?? "", query: environment["QUERY_STRING"] ?? "",
                   contentType: environment["CONTENT_TYPE"] ?? "", body: body)
    }

    public var isForm: Bool {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } == "application/x-www-form-urlencoded"
    }

    /// The fields of the query string.
    public var queryFields: [(String, String)] { CGIRequest.decodeForm(query) }

    /// The fields of a urlencoded body; none for another content type.
    public var formFields: [(String, String)] {
        isForm ? CGIRequest.decodeForm(String(decoding: body, as: UTF8.self)) : []
    }

    /// `application/x-www-form-urlencoded`: `&`-separated `name=value`, `+` for space, `%XX` bytes.
    /// A field whose bytes are not UTF-8 decodes with replacement characters (and is then refused by its check).
    public static func decodeForm(_ text: String) -> [(String, String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (percentDecode(parts[0]), parts.count > 1 ? percentDecode(parts[1]) : "")
        }
    }

    static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What a CGI program writes on standard output: `Status:` and headers, a blank line, the page.
public struct CGIResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: String

    public init(status: Int, headers: [(String, String)] = [], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: CGIResponse, rhs: CGIResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.map { $0.0 + ":" + $0.1 } == rhs.headers.map { $0.0 + ":" + $0.1 }
    }

    static let reasons = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
                          411: "Length Required", 413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable"]

    /// The bytes for standard output. Header values are fixed by the program, never taken from the request.
    public var encoded: Data {
        var text = "Status: \(status) \(CGIResponse.reasons[status] ?? "OK")\r\n"
        text += "Content-Type: text/html; charset=utf-8\r\n"
        text += "Cache-Control: no-store\r\n"
        text += "X-Content-Type-Options: nosniff\r\n"
        text += "Referrer-Policy: no-referrer\r\n"
        text += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        return Data((text + body).utf8)
    }
}
