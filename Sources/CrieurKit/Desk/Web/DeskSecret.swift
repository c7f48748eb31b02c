import Foundation

/// The secret of the desk's form tokens: `web/bureau/secret`, 32 random bytes
/// in hexadecimal, never in `data/` (the web side cannot read it). `crieur init`
/// creates it; the administrator gives it to the web server's group, mode 0640
/// (`contrib/web/permissions.sh`). Creating it twice at once keeps the first
/// (no-replace rename), so no token is ever made with a secret that is lost.
public enum DeskSecret {
    public static let relativePath = "web/bureau/secret"

    /// Creates the secret when missing; true when it did.
    @discardableResult
    public static func create(in workspace: Workspace) throws -> Bool {
        let path = workspace.path(relativePath)
        if try FileSystem.info(path) != nil { return false }
        let folder = (path as NSString).deletingLastPathComponent
        try FileSystem.makeDirectory(folder)
        let temporary = "\(folder)/.secret-\(SecureRandom.hex(bytes: 8))"
        try FileSystem.writeDurably(Data((SecureRandom.hex(bytes: 32) + "\n").utf8), to: temporary, mode: 0o640)
        do {
            return try FileSystem.moveNoReplace(from: temporary, to: path)
        } catch let error as FileSystemError where error.code == EEXIST {
            try FileSystem.remove(temporary)
            return false
        }
    }

    /// The secret's bytes; nil when the file is missing, unreadable or too short.
    public static func read(in workspace: Workspace) -> [UInt8]? {
        guard case .contents(let data)? = try? FileSystem.read(workspace.path(relativePath), maxBytes: 4_096),
              let bytes = Hex.decode(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count >= 16 else { return nil }
        return bytes
    }
}
