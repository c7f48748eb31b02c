import Foundation

/// Addresses that were erased and must not come back by mistake:
/// `data/suppression.jsonl` holds one salted SHA-256 fingerprint per erased
/// address (never the address), with the salt in `data/suppression.salt`
/// (0600, created by the first erasure and never changed: a new salt would
/// make every fingerprint useless). The salt keeps a list of common addresses
/// from being hashed and compared against the file.
public struct SuppressionList: Sendable {
    public static let fileName = "suppression.jsonl"
    public static let saltFileName = "suppression.salt"

    public let dataDirectory: String

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }

    private var logPath: String { "\(dataDirectory)/\(SuppressionList.fileName)" }
    private var saltPath: String { "\(dataDirectory)/\(SuppressionList.saltFileName)" }

    private struct Entry: Codable {
        var fingerprint: String
        var time: String
    }

    /// Every fingerprint on the list, and a function that computes one: read once for an import.
    public func matcher() throws -> (EmailAddress) -> Bool {
        guard let salt = try readSalt() else { return { _ in false } }
        let known = try fingerprints()
        return { known.contains(SuppressionList.fingerprint($0, salt: salt)) }
    }

    public func contains(_ address: EmailAddress) throws -> Bool {
        try matcher()(address)
    }

    /// Adds the address (once); creates the salt the first time.
    func add(_ address: EmailAddress, time: Date) throws {
        let salt = try readSalt() ?? createSalt()
        let fingerprint = SuppressionList.fingerprint(address, salt: salt)
        guard !(try fingerprints().contains(fingerprint)) else { return }
        let formatter = ISO8601DateFormatter()
        try AppendOnlyLog(path: logPath).append(Entry(fingerprint: fingerprint, time: formatter.string(from: time)))
    }

    static func fingerprint(_ address: EmailAddress, salt: String) -> String {
        SHA256.hex(Array((salt + ":" + address.key).utf8))
    }

    private func fingerprints() throws -> Set<String> {
        let contents = try AppendOnlyLog(path: logPath).read()
        let decoder = JSONDecoder()
        // A damaged line here can only cost a fingerprint; the erasure that wrote it was reported as done,
        // so a damaged suppression list is an error rather than a silent gap.
        var result = Set<String>()
        for line in contents.lines where !line.bytes.isEmpty {
            guard let entry = try? decoder.decode(Entry.self, from: line.bytes) else {
                throw SuppressionListDamage(line: line.number)
            }
            result.insert(entry.fingerprint)
        }
        if contents.unterminatedTail != nil { throw SuppressionListDamage(line: contents.lines.count + 1) }
        return result
    }

    private func readSalt() throws -> String? {
        guard case .contents(let data)? = try? FileSystem.read(saltPath, maxBytes: 1024) else {
            if try FileSystem.info(saltPath) == nil { return nil }
            throw FileSystemError(operation: "read", path: saltPath, code: EIO)
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func createSalt() throws -> String {
        let salt = SecureRandom.hex(bytes: 32)
        try FileSystem.writeDurably(Data((salt + "\n").utf8), to: saltPath, mode: 0o600)
        return salt
    }
}

/// `data/suppression.jsonl` has a line that cannot be read.
public struct SuppressionListDamage: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var description: String {
        "La liste des adresses effacées (data/\(SuppressionList.fileName)) est abîmée à la ligne \(line). "
            + "Par prudence, aucune inscription n'est acceptée tant qu'elle n'est pas réparée : "
            + "retirez seulement la ligne incomplète, sans toucher aux autres, ou restaurez une sauvegarde."
    }
}
