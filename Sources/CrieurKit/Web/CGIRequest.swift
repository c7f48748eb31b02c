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
    /// `REMOTE_USER`: who the web server authenticated (the staff desk); empty when nobody.
    public var remoteUser: String
    /// `HTTP_ORIGIN`, `HTTP_REFERER`, `HTTP_HOST`, and whether `HTTPS` is on: the same-origin check of the desk's POSTs.
    public var origin: String
    public var referer: String
    public var host: String
    public var isHTTPS: Bool
    /// `HTTP_X_CRIEUR_JETON`: the desk's form token sent by its script as a header.
    public var tokenHeader: String

    public init(method: String, pathInfo: String = "", scriptName: String = "", query: String = "",
                contentType: String = "", body: Data = Data(), remoteUser: String = "", origin: String = "",
                referer: String = "", host: String = "", isHTTPS: Bool = false, tokenHeader: String = "") {
        self.method = method
        self.pathInfo = pathInfo
        self.scriptName = scriptName
        self.query = query
        self.contentType = contentType
        self.body = body
        self.remoteUser = remoteUser
        self.origin = origin
        self.referer = referer
        self.host = host
        self.isHTTPS = isHTTPS
        self.tokenHeader = tokenHeader
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
                   contentType: environment["CONTENT_TYPE"] ?? "", body: body, remoteUser: environment["REMOTE_USER"] ?? "",
                   origin: environment["HTTP_ORIGIN"] ?? "", referer: environment["HTTP_REFERER"] ?? "",
                   host: environment["HTTP_HOST"] ?? "", isHTTPS: ["on", "1"].contains((environment["HTTPS"] ?? "").lowercased()),
                   tokenHeader: environment["HTTP_X_CRIEUR_JETON"] ?? "")
    }

    /// The media type of the body, lower-case, without parameters.
    public var mediaType: String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    /// The `boundary` parameter of a `multipart/form-data` body (RFC 7578); nil for another type.
    public var multipartBoundary: String? {
        guard mediaType == "multipart/form-data" else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
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
    public var contentType = "text/html; charset=utf-8"
    /// The public pages send no referrer at all; the staff desk sends `same-origin`,
    /// as browsers then put `Origin: null` on every POST and the same-origin check needs the real one.
    public var referrerPolicy = "no-referrer"
    public var contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
    /// Bytes sent instead of `body` (a picture).
    public var binary: Data?

    public init(status: Int, headers: [(String, String)] = [], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: CGIResponse, rhs: CGIResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.map { $0.0 + ":" + $0.1 } == rhs.headers.map { $0.0 + ":" + $0.1 }
    }

    static let reasons = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
                          411: "Length Required", 413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable"]

    /// The bytes for standard output. Header values are fixed by the program, never taken from the request.
    public var encoded: Data {
        var text = "Status: \(status) \(CGIResponse.reasons[status] ?? "OK")\r\n"
        text += "Content-Type: \(contentType)\r\n"
        text += "Cache-Control: no-store\r\n"
        text += "X-Content-Type-Options: nosniff\r\n"
        text += "Referrer-Policy: \(referrerPolicy)\r\n"
        text += "Content-Security-Policy: \(contentSecurityPolicy)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        if let binary { return Data(text.utf8) + binary }
        return Data((text + body).utf8)
    }
}
