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

    var box: RequestDropBox {
        RequestDropBox(dropDirectory: dropDirectory, repliesDirectory: repliesDirectory, rejectedDirectory: rejectedDirectory)
    }

    static func decoder() -> JSONDecoder { RequestDropBox.decoder() }

    /// Leaves `request` for the worker (`RequestDropBox.drop`).
    public func drop(_ request: DeskRequest) throws {
        try box.drop(request)
    }

    /// The worker's answer to request `id`, if it is there.
    public func reply(for id: String) -> DeskReply? {
        guard DeskRequest.isValidID(id) else { return nil }
        return box.reply(DeskReply.self, for: id, maxBytes: 65_536)
    }

    /// The answer, polled every 100 ms for up to `seconds`; nil when it did not come in time.
    public func waitForReply(id: String, seconds: Int, sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) -> DeskReply? {
        guard DeskRequest.isValidID(id) else { return nil }
        return box.waitForReply(DeskReply.self, id: id, seconds: seconds, maxBytes: 65_536, sleep: sleep)
    }

    /// Writes the answer the page may be waiting for.
    func reply(_ reply: DeskReply, to id: String) throws {
        try box.reply(reply, to: id)
    }
}
