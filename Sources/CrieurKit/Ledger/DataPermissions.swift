import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Keeps `data/` private: the folder and every folder in it 0700, every file
/// 0600, whoever or whatever (a restore, a copy, `chmod -R`) loosened them.
///
/// Checked when the worker starts and at each of its passes, before every
/// change to the consent ledger, before each newsletter run, and by `crieur
/// status`; every append also puts its own file back to 0600 (`AppendOnlyLog`).
/// A mode found wrong is set back and reported in French (a log line, the
/// status); one that cannot be set back (another owner) is reported as such.
/// Symbolic links are left alone and never followed.
public struct DataPermissions: Sendable {
    public static let fileMode: mode_t = 0o600
    public static let directoryMode: mode_t = 0o700

    /// One mode found wrong.
    public struct Repair: Sendable, Equatable, Codable, CustomStringConvertible {
        /// Relative to the workspace: `data/consent.jsonl`.
        public var path: String
        public var found: UInt32
        public var wanted: UInt32
        /// False when the mode could not be changed.
        public var repaired: Bool

        public var description: String {
            let modes = "\(Self.octal(found)) au lieu de \(Self.octal(wanted))"
            return repaired
                ? "droits de \(path) corrigés (\(modes)) : ces données personnelles ne doivent être lisibles que par le service"
                : "droits de \(path) trop ouverts (\(modes)) et impossibles à corriger : corrigez-les à la main (chmod)"
        }

        static func octal(_ mode: UInt32) -> String {
            let digits = String(mode, radix: 8)
            return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
    }

    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Walks `data/` and sets back every mode found wrong. A missing `data/` is fine.
    public func enforce() throws -> [Repair] {
        let root = workspace.dataDirectory
        guard try FileSystem.info(root)?.kind == .directory else { return [] }
        var repairs: [Repair] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : "\(root)/\(relative)"
            if let repair = try Self.enforce(path: folder, shown: relative.isEmpty ? "data/" : "data/\(relative)/",
                                             wanted: Self.directoryMode) {
                repairs.append(repair)
            }
            for name in try FileSystem.names(in: folder) {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                switch try FileSystem.info("\(root)/\(child)")?.kind {
                case .directory?:
                    pending.append(child)
                case .regular?:
                    if let repair = try Self.enforce(path: "\(root)/\(child)", shown: "data/\(child)", wanted: Self.fileMode) {
                        repairs.append(repair)
                    }
                default:
                    break
                }
            }
        }
        return repairs.sorted { $0.path < $1.path }
    }

    /// Sets `path` (never followed if it is a link) to `wanted` when it differs.
    static func enforce(path: String, shown: String, wanted: mode_t) throws -> Repair? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return nil }
            throw FileSystemError(operation: "lstat", path: path)
        }
        let found = st.st_mode & 0o7777
        guard found != wanted, st.st_mode & S_IFMT != S_IFLNK else { return nil }
        let repaired = chmod(path, wanted) == 0
        return Repair(path: shown, found: UInt32(found), wanted: UInt32(wanted), repaired: repaired)
    }

    /// Puts an open file back to 0600 if it is not (the write paths call it on their descriptor).
    static func enforce(fd: Int32, path: String) throws {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileSystemError(operation: "fstat", path: path) }
        if st.st_mode & 0o7777 != fileMode && fchmod(fd, fileMode) != 0 {
            throw FileSystemError(operation: "fchmod", path: path)
        }
    }
}
