import Foundation

/// A channel's folder in `out/`, written durably. Writing the same bytes twice
/// is a no-op, so an item processed again after a crash leaves one copy.
public struct OutputFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Writes the file and returns the name it got.
    @discardableResult
    public func write(_ file: OutputFile) throws -> String {
        try FileSystem.makeDirectory(path)
        for attempt in 1...1_000 {
            let name = QueueLayout.candidateName(file.name, attempt: attempt)
            let target = "\(path)/\(name)"
            if let existing = try FileSystem.info(target) {
                if existing.kind == .regular, existing.size == file.data.count,
                   case .contents(let bytes) = try FileSystem.read(target, maxBytes: file.data.count),
                   bytes == file.data {
                    return name
                }
                if file.keepOthers { continue }
            }
            try FileSystem.writeDurably(file.data, to: target)
            return name
        }
        throw FileSystemError(operation: "write", path: "\(path)/\(file.name)", code: EEXIST)
    }

    /// Names of the visible files in the folder.
    public func names() throws -> [String] {
        guard try FileSystem.info(path) != nil else { return [] }
        return try FileSystem.names(in: path).filter { !$0.hasPrefix(".") }
    }

    /// Takes down a file an item wrote (an earlier version's post); a missing file is no error.
    public func remove(_ name: String) throws {
        precondition(!name.contains("/") && !name.hasPrefix("."), "output names are plain file names")
        try FileSystem.remove("\(path)/\(name)")
        try FileSystem.syncDirectory(path)
    }

    public func read(_ name: String, maxBytes: Int = 16 << 20) throws -> Data? {
        if case .contents(let data) = try FileSystem.read("\(path)/\(name)", maxBytes: maxBytes) { return data }
        return nil
    }
}
