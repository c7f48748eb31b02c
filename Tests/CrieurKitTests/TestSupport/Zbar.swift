import Foundation

/// `zbarimg` (Debian's `zbar-tools`), the real QR decoder the tests read our codes with.
enum Zbar {
    /// The texts of the QR codes found in each picture, one per file, in order.
    static func decode(_ paths: [String]) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg") else {
            throw ExternalProgram.Failure(description: "zbarimg is missing: run scripts/setup --tests (Debian package zbar-tools)")
        }
        let output = try ExternalProgram.run(["/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"] + paths)
        return String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
