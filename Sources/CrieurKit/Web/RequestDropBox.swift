import Foundation

/// A request written by a page the web server runs, for the worker to apply.
protocol DroppedRequest: Codable {
    /// Server-made, and the file's name (`ID.json`).
    var id: String { get }
    static func isValidID(_ id: String) -> Bool
}

/// The mechanism the public pages (`WebDropFolder`, `WebPickup`) and the staff
/// desk (`DeskDropFolder`, `DeskPickup`) share, after Postfix's `maildrop` and
/// `pickup`: the web side leaves each request as `drop/ID.json` and waits for
/// `replies/ID.json`; the worker applies the complete requests oldest name
/// first, answers, then removes the request; one it cannot read goes to
/// `rejected/` (0700) for a person. Answers are removed after ten minutes.
struct RequestDropBox: Sendable {
    let dropDirectory: String
    let repliesDirectory: String
    let rejectedDirectory: String

    /// How long an answer stays for the page that waits for it.
    static let replyLifetime: TimeInterval = 600

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Leaves `request` for the worker (temporary name, fsync, rename): the
    /// worker only ever sees complete requests. Mode 0644: the worker, owner of
    /// the folder but not of the file, reads it; nobody else can reach it, as
    /// only the worker and the web server's group may enter the folder, and the
    /// group cannot list it.
    /// The drop folder may be write-only for the web server's user (mode 1730,
    /// like Postfix's `maildrop`, so that it cannot list or read others'
    /// requests): the folder then cannot be opened to be synced, which is
    /// accepted once the file itself is synced and renamed into place.
    func drop<Request: DroppedRequest>(_ request: Request) throws {
        let data = try Self.encoder().encode(request)
        do {
            try FileSystem.writeDurably(data, to: "\(dropDirectory)/\(request.id).json", mode: 0o644)
        } catch let error as FileSystemError where error.operation == "open" && error.path == dropDirectory && error.code == EACCES {
            return
        }
    }

    /// The worker's answer to request `id`, if it is there.
    func reply<Reply: Decodable>(_ type: Reply.Type, for id: String, maxBytes: Int) -> Reply? {
        guard case .contents(let data)? = try? FileSystem.read("\(repliesDirectory)/\(id).json", maxBytes: maxBytes) else { return nil }
        return try? Self.decoder().decode(type, from: data)
    }

    /// The answer, polled every 100 ms for up to `seconds`; nil when it did not come in time.
    func waitForReply<Reply: Decodable>(_ type: Reply.Type, id: String, seconds: Int, maxBytes: Int,
                                        sleep: (TimeInterval) -> Void) -> Reply? {
        for attempt in 0...(seconds * 10) {
            if let reply = reply(type, for: id, maxBytes: maxBytes) { return reply }
            if attempt < seconds * 10 { sleep(0.1) }
        }
        return nil
    }

    /// Writes the answer the page may be waiting for.
    func reply<Reply: Encodable>(_ reply: Reply, to id: String) throws {
        try FileSystem.makeDirectory(repliesDirectory)
        try FileSystem.writeDurably(try Self.encoder().encode(reply), to: "\(repliesDirectory)/\(id).json", mode: 0o644)
    }

    /// Removes the answers older than `replyLifetime` at `now`.
    func removeOldReplies(now: Date) throws {
        guard try FileSystem.info(repliesDirectory) != nil else { return }
        for name in try FileSystem.names(in: repliesDirectory) where name.hasSuffix(".json") {
            let path = "\(repliesDirectory)/\(name)"
            if let info = try FileSystem.info(path), now.timeIntervalSince(info.modified) > Self.replyLifetime { try FileSystem.remove(path) }
        }
    }

    /// The worker's pass: removes old answers, then hands each complete request
    /// (oldest name first, until `stopRequested`) to `handle`, which applies it
    /// and answers, and removes it. A file that does not decode, or whose id is
    /// not its name, is moved to `rejected/` and named to `setAside`. A thrown
    /// error stops the pass and leaves the request for the next one.
    func pickUp<Request: DroppedRequest, Reply>(
        _ type: Request.Type, now: Date, maxBytes: Int, stopRequested: () -> Bool,
        setAside: (String) -> Void, handle: (Request) throws -> Reply
    ) throws -> [String: Reply] {
        try removeOldReplies(now: now)
        guard (try FileSystem.info(dropDirectory)) != nil else { return [:] }
        var replies: [String: Reply] = [:]
        let names = try FileSystem.names(in: dropDirectory).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
        for name in names {
            if stopRequested() { break }
            let path = "\(dropDirectory)/\(name)"
            guard case .contents(let data)? = try? FileSystem.read(path, maxBytes: maxBytes),
                  let request = try? Self.decoder().decode(type, from: data),
                  Request.isValidID(request.id), request.id + ".json" == name else {
                try FileSystem.makeDirectory(rejectedDirectory, mode: 0o700)
                _ = try FileSystem.moveNoReplace(from: path, to: "\(rejectedDirectory)/\(name)")
                setAside(name)
                continue
            }
            replies[request.id] = try handle(request)
            try FileSystem.remove(path)
        }
        return replies
    }
}
