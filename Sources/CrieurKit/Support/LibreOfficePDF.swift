import Foundation

/// Turns an OpenDocument file into a PDF with LibreOffice headless
/// (`soffice --headless --convert-to pdf`, TECHNOTES), when it is installed;
/// Crieur never needs it otherwise: callers treat a missing LibreOffice (a nil
/// converter) as « no PDF », not as an error.
///
/// Each conversion uses a profile of its own in a scratch folder, so that it
/// does not clash with a LibreOffice the user has open or with another
/// conversion; the PDF is written to the scratch folder, then durably to its
/// place. A conversion that does not finish within `timeoutSeconds` is killed.
/// Throws `Failure` (in French) when LibreOffice ran and made no PDF.
public struct LibreOfficePDF: Sendable {
    public var executable: String
    public var timeoutSeconds: Int

    /// Nil when LibreOffice is not installed (`soffice` on the PATH or in Debian's places).
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment, timeoutSeconds: Int = 180) {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/lib/libreoffice/program"]
        guard let found = folders.lazy.map({ "\($0)/soffice" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        executable = found
        self.timeoutSeconds = timeoutSeconds
    }

    public static var isInstalled: Bool { LibreOfficePDF() != nil }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Converts `document` and writes the PDF at `pdfPath`.
    public func convert(_ document: String, to pdfPath: String) throws {
        let scratch = NSTemporaryDirectory() + "crieur-pdf-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try FileSystem.makeDirectory(scratch, mode: 0o700)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [
            "-s", "KILL", "\(timeoutSeconds)", executable, "-env:UserInstallation=file://\(scratch)/profile",
            "--headless", "--convert-to", "pdf", "--outdir", scratch, document,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let made = "\(scratch)/\(((document as NSString).lastPathComponent as NSString).deletingPathExtension).pdf"
        guard case .contents(let pdf)? = try? FileSystem.read(made, maxBytes: 512 * 1_048_576), pdf.starts(with: Data("%PDF".utf8))
        else {
            throw Failure(description: "LibreOffice n'a pas pu faire le PDF de \(document) (code \(process.terminationStatus)). "
                + "Ouvrez le fichier .fodt dans LibreOffice pour l'imprimer ou l'exporter en PDF.")
        }
        try FileSystem.writeDurably(pdf, to: pdfPath)
    }

    /// Converts `document` to `folder/STEM.pdf` and returns that path.
    @discardableResult
    public func convert(_ document: String, into folder: String) throws -> String {
        let target = "\(folder)/\(((document as NSString).lastPathComponent as NSString).deletingPathExtension).pdf"
        try convert(document, to: target)
        return target
    }
}
