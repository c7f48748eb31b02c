import CrieurKit
import Foundation
import FuzzSupport

/// libFuzzer target: MIME header encoding. The input, cut at NUL bytes, gives
/// the subject, the sender's and the recipient's display names and an extra
/// header's value (item titles, subscriber names and the centre's settings end
/// up there). Either the message is refused, or its header is printable ASCII
/// in lines of at most 998 characters, holds exactly the fields Crieur writes
/// (no injected field), and its Subject reads back as the text given.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMailHeader(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let parts = UnsafeBufferPointer(start: start, count: count)
            .split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        func part(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
        guard let from = try? MailAddress("lettre@cpas-exemple.be", name: part(1)),
              let to = try? MailAddress("jean.dupont@example.be", name: part(2)) else { return }
        let message = MailMessage(
            from: from, to: to, subject: part(0), date: Date(timeIntervalSince1970: 1_764_576_000),
            timeZone: TimeZone(identifier: "Europe/Brussels")!, messageID: "0123456789abcdef.crieur@cpas-exemple.be",
            textBody: "Bonjour", htmlBody: "<p>Bonjour</p>",
            unsubscribe: .init(mailto: "mailto:desinscription@cpas-exemple.be", https: "https://cpas-exemple.be/d?jeton=x"),
            extraHeaders: [.init("X-Crieur-Issue", part(3))])
        guard let bytes = try? message.encoded() else { return }
        checkHeader(Array(bytes), subject: part(0))
    }
    return 0
}

private let expectedFields = [
    "Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "List-Unsubscribe", "List-Unsubscribe-Post",
    "X-Crieur-Issue", "Content-Type",
]

private func checkHeader(_ bytes: [UInt8], subject: String) {
    let crlf: [UInt8] = [13, 10]
    var lines: [[UInt8]] = []
    var index = 0
    while true {
        guard let end = (index..<(bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else {
            preconditionFailure("the header does not end with an empty line")
        }
        let line = Array(bytes[index..<end])
        index = end + crlf.count
        if line.isEmpty { break }
        lines.append(line)
    }
    var fields: [String] = []
    var unfolded: [String: String] = [:]
    var current: String?
    for line in lines {
        precondition(line.count <= 998, "a header line over 998 characters")
        precondition(line.allSatisfy { $0 == 9 || (0x20...0x7E).contains($0) }, "a header byte that is not printable ASCII")
        let text = String(decoding: line, as: UTF8.self)
        if line[0] == 0x20 || line[0] == 0x09 {
            guard let name = current else { preconditionFailure("a continuation line before any field") }
            unfolded[name, default: ""] += text
        } else {
            guard let colon = text.firstIndex(of: ":") else { preconditionFailure("a header line that is neither field nor continuation") }
            let name = String(text[..<colon])
            fields.append(name)
            unfolded[name] = String(text[text.index(after: colon)...])
            current = name
        }
    }
    precondition(fields == expectedFields, "header fields \(fields)")
    precondition(decodedUnstructured(unfolded["Subject"]!) == subject, "the Subject does not read back as given")
}

/// An unstructured value as a mail program shows it: either the text itself
/// after the one space following the colon, or RFC 2047 encoded-words whose
/// separating spaces do not count.
private func decodedUnstructured(_ value: String) -> String? {
    let text = String(value.dropFirst())
    guard text.hasPrefix("=?UTF-8?B?") else { return text }
    var bytes: [UInt8] = []
    for word in text.split(separator: " ") {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
              let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return nil }
        bytes += data
    }
    return String(bytes: bytes, encoding: .utf8)
}
