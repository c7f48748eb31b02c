import Foundation

/// Turns an OpenDocument file into PDF with LibreOffice headless, where it is
/// installed (`soffice` on `PATH` or in Debian's place): `soffice --headless
/// --convert-to pdf` (TECHNOTES). LibreOffice runs with its own profile in a
/// scratch folder beside the output, so two conversions never share one, and
/// writes there; the PDF is then written durably beside the document and the
/// scratch folder removed.
///
/// Touches: the process table, the output folder. Throws `Failure` in French
/// when LibreOffice fails or writes no PDF; callers treat a missing LibreOffice
/// (`isInstalled` false) as « no PDF », not as an error.
public enum LibreOfficePDF {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `soffice`'s path, nil when LibreOffice is not installed.
    public static func executable(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        let folders = (searchPath ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/lib/libreoffice/program"]
        return folders.map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public static var isInstalled: Bool { executable() != nil }

    /// Converts `document` to `outputDirectory/STEM.pdf` and returns that path.
    @discardableResult
    public static func convert(_ document: String, into outputDirectory: String, seconds: Int = 180) throws -> String {
        guard let soffice = executable() else { throw Failure(description: "LibreOffice n'est pas installé : pas de PDF.") }
        let stem = ((document as NSString).lastPathComponent as NSString).deletingPathExtension
        let scratch = "\(outputDirectory)/.pdf-\(stem)-\(UInt64.random(in: 0...UInt64.max))"
        try FileSystem.makeDirectory(scratch)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-s", "KILL", "\(seconds)", soffice, "-env:UserInstallation=file://\(scratch)/profile",
                             "--headless", "--convert-to", "pdf", "--outdir", scratch, document]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard case .contents(let pdf)? = try? FileSystem.read("\(scratch)/\(stem).pdf", maxBytes: 256 << 20), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Failure(description: "LibreOffice n'a pas pu faire le PDF de \(document) (code \(process.terminationStatus)).")
        }
        let target = "\(outputDirectory)/\(stem).pdf"
        try FileSystem.writeDurably(pdf, to: target)
        return target
    }
}
