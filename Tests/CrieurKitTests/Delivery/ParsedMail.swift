import Foundation

/// A message as Python's `email` package (policy=default) reads it, through
/// Fixtures/parse_mail.py: the real MIME parser the tests trust, not ours.
struct ParsedMail: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var text: String
        /// An attached file's name and bytes.
        var fileName: String?
        var base64: String?
        var bytes: Data? { base64.flatMap { Data(base64Encoded: $0) } }
    }
    var headers: [[String]]
    var contentType: String
    var parts: [Part]
    var defects: [String]
    var longestLine: Int
    var bareLineFeeds: Int

    /// Every value of a header, decoded (RFC 2047 undone), case-insensitive name.
    func values(_ name: String) -> [String] {
        headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
    }

    func value(_ name: String) -> String? { values(name).first }

    static let fixtures: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    static func parse(_ data: Data) throws -> ParsedMail {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = PeerPython.command(["\(fixtures)/parse_mail.py", "-"])
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(ParsedMail.self, from: json)
    }

    static func parse(file: String) throws -> ParsedMail {
        try parse(Data(contentsOf: URL(fileURLWithPath: file)))
    }
}
