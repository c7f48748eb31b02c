import Foundation

/// The folders the staff desk shares with the worker, like the public pages'
/// (`WebDropFolder`): `web/bureau/drop/` (requests and their uploads, writable
/// by the web server's user, mode 1730 with the web server's group: it can
/// leave files there but not list them), `web/bureau/replies/` (answers,
/// readable by it) and `web/bureau/rejected/` (requests the worker could not
/// read, 0700, for a person to look at).
public struct DeskDropFolder: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    public static let dropFolder = "web/bureau/drop"
    public static let repliesFolder = "web/bureau/replies"
    public static let rejectedFolder = "web/bureau/rejected"

    public var dropDirectory: String { workspace.path(Self.dropFolder) }
    public var repliesDirectory: String { workspace.path(Self.repliesFolder) }
    public var rejectedDirectory: String { workspace.path(Self.rejectedFolder) }
    /// Where the desk streams an upload: the drop folder itself, under a hidden
    /// name the worker skips until the desk renames it (same file system, so the
    /// rename is atomic). The request then names the upload by its final name.
    public var uploadDirectory: String { dropDirectory }

    static func encoder() -> JSONEncoder { WebDropFolder.encoder() }
    static func decoder() -> JSONDecoder { WebDropFolder.decoder() }

    /// Leaves `request` for the worker (temporary name, fsync, rename), mode
    /// 0644, as `WebDropFolder.drop` does (and for the same reason accepts a
    /// write-only folder it cannot sync).
    public func drop(_ request: DeskRequest) throws {
        let data = try Self.encoder().encode(request)
        do {
            try FileSystem.writeDurably(data, to: "\(dropDirectory)/\(request.id).json", mode: 0o644)
        } catch let error as FileSystemError where error.operation == "open" && error.path == dropDirectory && error.code == EACCES {
            return
        }
    }

    /// The worker's answer to request `id`, if it is there.
    public func reply(for id: String) -> DeskReply? {
        guard DeskRequest.isValidID(id),
              case .contents(let data)? = try? FileSystem.read("\(repliesDirectory)/\(id).json", maxBytes: 65_536) else { return nil }
        return try? Self.decoder().decode(DeskReply.self, from: data)
    }

    /// The answer, polled every 100 ms for up to `seconds`; nil when it did not come in time.
    public func waitForReply(id: String, seconds: Int, sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) -> DeskReply? {
        for attempt in 0...(seconds * 10) {
            if let reply = reply(for: id) { return reply }
            if attempt < seconds * 10 { sleep(0.1) }
        }
        return nil
    }

    /// Writes the answer the page may be waiting for.
    func reply(_ reply: DeskReply, to id: String) throws {
        try FileSystem.makeDirectory(repliesDirectory)
        try FileSystem.writeDurably(try Self.encoder().encode(reply), to: "\(repliesDirectory)/\(id).json", mode: 0o644)
    }

    /// Removes the answers older than ten minutes (`WebDropFolder.replyLifetime`) at `now`.
    func removeOldReplies(now: Date) throws {
        guard try FileSystem.info(repliesDirectory) != nil else { return }
        for name in try FileSystem.names(in: repliesDirectory) where name.hasSuffix(".json") {
            let path = "\(repliesDirectory)/\(name)"
            if let info = try FileSystem.info(path), now.timeIntervalSince(info.modified) > WebDropFolder.replyLifetime {
                try FileSystem.remove(path)
            }
        }
    }
}
