import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The delivery ledger: one file per issue, `data/deliveries/ISSUE.jsonl`
/// (folder 0700, files 0600), one JSON object per attempt; and
/// `data/deliveries-closed.jsonl`, one line per issue whose every recipient has
/// a final record, with the time of its last attempt. A sender pass reads only
/// the files of the issues still open (and of those attempted within the last
/// day, for the rate limit), so its cost does not grow with the years. Kept
/// open while a sender runs.
///
/// `record` hands the line to the kernel before it returns, so a sender killed
/// right after knows the message left. It reaches the disk before `record`
/// returns when `syncEvery` is 1 (the default), else every `syncEvery` records
/// and at `sync()` (group commit: a power cut may then lose the last few
/// records, and those messages would go out once more). A write failure is
/// thrown: the sender must stop rather than send without a record.
///
/// An erasure rewrites these files (it scrubs the address from SMTP replies)
/// under `data/consent.lock` and renames each new file over the old. So each
/// record is appended holding the same lock, and to the file that is at its
/// path at that moment (reopened when it was replaced): no record is lost to
/// an erasure. The lock file stays open between records (`ReusableFileLock`).
///
/// Workspaces from before this layout have a single `data/deliveries.jsonl`:
/// `migrate()` (the sender calls it first) splits it into the issue files.
/// Readers read it as long as the folder does not exist.
public final class DeliveryLog {
    public static let folderPath = "data/deliveries"
    public static let legacyPath = "data/deliveries.jsonl"
    public static let closedPath = "data/deliveries-closed.jsonl"
    let workspace: Workspace
    public let folder: String
    let lockPath: String
    private var lock: ReusableFileLock?
    private var writers: [String: AppendOnlyLogWriter] = [:]
    private let syncEvery: Int

    public init(workspace: Workspace, syncEvery: Int = 1) {
        self.workspace = workspace
        folder = workspace.path(DeliveryLog.folderPath)
        lockPath = "\(workspace.dataDirectory)/\(ConsentLedger.lockFileName)"
        self.syncEvery = syncEvery
    }

    /// The file of an issue's records.
    public func path(issue: String) -> String {
        "\(folder)/\(DeliveryLog.fileName(issue: issue))"
    }

    public func record(_ record: DeliveryRecord) throws {
        try withLock {
            var writer = writers[record.issue]
            if writer?.isCurrent != true {
                try FileSystem.makeDirectory(folder, mode: 0o700)
                writer = try AppendOnlyLogWriter(path: path(issue: record.issue), syncEvery: syncEvery)
                writers[record.issue] = writer
            }
            try writer!.append(line: record.jsonLine)
        }
    }

    /// Puts every record on disk (call it before waiting, and at the end of a run).
    public func sync() throws {
        for writer in writers.values { try writer.sync() }
    }

    /// Holds `data/consent.lock`, as an erasure does while it rewrites these files.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        if lock == nil {
            try FileSystem.makeDirectory(workspace.dataDirectory, mode: 0o700)
            lock = try ReusableFileLock(path: lockPath)
        }
        return try lock!.withLock(body)
    }

    // MARK: Reading

    /// An issue's records in order. A line that cannot be read is an error
    /// naming the file and its number, except an unfinished last line (a write
    /// cut short by a crash), which is skipped: its attempt was never confirmed
    /// as recorded. Before migration, the issue's lines of the single old file.
    public func records(issue: String) throws -> [DeliveryRecord] {
        if try FileSystem.info(folder) == nil {
            return try DeliveryLog.parse(file: workspace.path(DeliveryLog.legacyPath)).filter { $0.issue == issue }
        }
        return try DeliveryLog.parse(file: path(issue: issue))
    }

    /// Every record, issue by issue (the PST report, the right of access).
    public func records() throws -> [DeliveryRecord] {
        try files().flatMap { try DeliveryLog.parse(file: $0) }
    }

    /// The files that hold the records now: the issues' files, or the single
    /// old file of a workspace not yet migrated.
    public func files() throws -> [String] {
        guard try FileSystem.info(folder)?.kind == .directory else {
            let legacy = workspace.path(DeliveryLog.legacyPath)
            return try FileSystem.info(legacy) == nil ? [] : [legacy]
        }
        return try FileSystem.names(in: folder).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
            .map { "\(folder)/\($0)" }
    }

    static func parse(file: String) throws -> [DeliveryRecord] {
        guard try FileSystem.info(file) != nil,
              case .contents(let data) = try FileSystem.read(file, maxBytes: 1 << 30) else { return [] }
        var result: [DeliveryRecord] = []
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                result.append(try decoder.decode(DeliveryRecord.self, from: Data(line)))
            } catch {
                if index == lines.count - 1 { break }
                throw DeliveryLogError.unreadableLine(file: displayName(file), line: index + 1)
            }
        }
        return result
    }

    /// `data/deliveries/2026-12-07.jsonl`, `data/deliveries.jsonl`: as staff find it.
    static func displayName(_ file: String) -> String {
        let parent = (FileSystem.parent(of: file) as NSString).lastPathComponent
        let name = (file as NSString).lastPathComponent
        return parent == "deliveries" ? "\(folderPath)/\(name)" : "data/\(name)"
    }

    // MARK: Closed issues

    /// Issues whose every recipient has a final record, each with the time of
    /// its last attempt (nil when it had none).
    public func closedIssues() throws -> [String: Date?] {
        var closed: [String: Date?] = [:]
        for line in try AppendOnlyLog(path: workspace.path(DeliveryLog.closedPath)).read().lines {
            guard let entry = try? JSONDecoder().decode(ClosedIssue.self, from: line.bytes) else { continue }
            closed[entry.issue] = entry.lastAttempt.flatMap(DeliveryHistory.date)
        }
        return closed
    }

    /// Notes that nothing more will ever be sent for `issue`: later passes skip its file.
    /// When each closed issue's first message went out (newsletter corrections
    /// are « Rectificatif » only after that), without reading its records.
    public func closedFirstSent() throws -> [String: Date] {
        var sent: [String: Date] = [:]
        for line in try AppendOnlyLog(path: workspace.path(DeliveryLog.closedPath)).read().lines {
            guard let entry = try? JSONDecoder().decode(ClosedIssue.self, from: line.bytes),
                  let time = entry.firstSent.flatMap(DeliveryHistory.date) else { continue }
            sent[entry.issue] = time
        }
        return sent
    }

    /// When each of `issues` first went out: closed ones from the index, the
    /// others from their own records; nothing else is read.
    public func firstSent(of issues: [String]) throws -> [String: Date] {
        let closed = try closedIssues()
        let open = issues.filter { closed.index(forKey: $0) == nil }
        let history = DeliveryHistory(records: try open.flatMap { try records(issue: $0) })
        return history.firstSent.merging(try closedFirstSent()) { open, _ in open }
    }

    public func close(issue: String, lastAttempt: Date?, firstSent: Date? = nil) throws {
        let line = try AppendOnlyLog.encodeLine(ClosedIssue(
            issue: issue, lastAttempt: lastAttempt.map(DeliveryRecord.timestamp), firstSent: firstSent.map(DeliveryRecord.timestamp)))
        try AppendOnlyLog(path: workspace.path(DeliveryLog.closedPath)).append(lines: [line])
    }

    private struct ClosedIssue: Codable {
        var issue: String
        var lastAttempt: String?
        /// When its first message was delivered, for the planner's corrections.
        var firstSent: String?
    }

    /// The issue id as a file name: letters, digits, `-`, `_` and `.` kept (not
    /// a leading dot), every other byte as `%XX`. Issue ids are dates and item
    /// ids in practice, which stay as they are.
    static func fileName(issue: String) -> String {
        var name = ""
        for (index, byte) in issue.utf8.enumerated() {
            let plain = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: ".") && index > 0)
            name += plain ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return name + ".jsonl"
    }
}

/// A delivery ledger file holds a line that is not a delivery record.
public enum DeliveryLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableLine(file: String, line: Int)

    public var description: String {
        switch self {
        case .unreadableLine(let file, let line):
            return "Le registre des envois \(file) est abîmé à la ligne \(line) : corrigez ou mettez de côté cette ligne."
        }
    }
}
