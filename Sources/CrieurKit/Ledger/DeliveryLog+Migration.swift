import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension DeliveryLog {
    /// Splits the single `data/deliveries.jsonl` of an older workspace into
    /// `data/deliveries/ISSUE.jsonl`, holding `data/consent.lock`; returns the
    /// number of records moved (0 when there was nothing to do).
    ///
    /// No record is lost at any moment: the issue files are written in a hidden
    /// folder, fsynced, and the folder renamed into place in one step; only then
    /// is the old file removed. Readers take the old file as long as the folder
    /// does not exist. If both exist (a migration cut short after the rename, or
    /// an older crieur that wrote to the old file again), each old line missing
    /// from its issue's file is appended to it before the old file goes. A
    /// damaged line (other than an unfinished last one, never confirmed as
    /// recorded) stops the migration with the reader's error: the old file stays.
    @discardableResult
    public func migrate() throws -> Int {
        let legacy = workspace.path(DeliveryLog.legacyPath)
        guard try FileSystem.info(legacy) != nil else { return 0 }
        return try withLock {
            guard try FileSystem.info(legacy) != nil else { return 0 }
            let contents = try AppendOnlyLog(path: legacy).read()
            var byIssue: [String: [Data]] = [:]
            var order: [String] = []
            let decoder = JSONDecoder()
            for line in contents.lines where !line.bytes.isEmpty {
                guard let record = try? decoder.decode(DeliveryRecord.self, from: line.bytes) else {
                    throw DeliveryLogError.unreadableLine(file: DeliveryLog.legacyPath, line: line.number)
                }
                if byIssue[record.issue] == nil { order.append(record.issue) }
                byIssue[record.issue, default: []].append(Data(line.bytes))
            }
            if try FileSystem.info(folder) == nil {
                let staging = "\(workspace.dataDirectory)/.deliveries.migrating"
                if try FileSystem.info(staging) != nil {
                    for name in try FileSystem.names(in: staging) { try FileSystem.remove("\(staging)/\(name)") }
                    try FileSystem.removeDirectory(staging)
                }
                try FileSystem.makeDirectory(staging, mode: 0o700)
                for issue in order {
                    try FileSystem.writeDurably(DeliveryLog.joined(byIssue[issue]!), to: "\(staging)/\(DeliveryLog.fileName(issue: issue))", mode: 0o600)
                }
                try FileSystem.syncDirectory(staging)
                guard rename(staging, folder) == 0 else { throw FileSystemError(operation: "rename", path: folder) }
                try FileSystem.syncDirectory(workspace.dataDirectory)
            } else {
                for issue in order {
                    let existing = Set(try AppendOnlyLog(path: path(issue: issue)).read().lines.map { Data($0.bytes) })
                    try AppendOnlyLog(path: path(issue: issue)).append(lines: byIssue[issue]!.filter { !existing.contains($0) })
                }
            }
            try FileSystem.remove(legacy)
            try FileSystem.syncDirectory(workspace.dataDirectory)
            return byIssue.values.reduce(0) { $0 + $1.count }
        }
    }

    private static func joined(_ lines: [Data]) -> Data {
        var data = Data()
        for line in lines {
            data.append(line)
            data.append(0x0A)
        }
        return data
    }
}
