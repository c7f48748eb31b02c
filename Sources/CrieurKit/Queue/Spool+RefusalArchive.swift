import Foundation

/// Keeps `rejected/` readable: refusals whose report is older than
/// `queue.rejectedArchiveDays` move, with their report and pictures, into
/// `rejected/ancien/`. Nothing is ever deleted; moves are renames that never
/// replace. The item moves before its report, so a crash in between leaves a
/// report without its item in `rejected/`, which the next pass moves on its own
/// (never an item without a report, which the worker would report again).
extension Spool {
    /// Moves the refusals whose report was written before `cutoff`; returns the items' names.
    public func archiveRefusals(reportedBefore cutoff: Date) throws -> [String] {
        let rejected = layout.directory(.rejected)
        let names = try FileSystem.names(in: rejected)
        let present = Set(names)
        var moved: [String] = []
        var touched = false
        for reportName in names where QueueLayout.isReport(reportName) {
            guard let info = try FileSystem.info("\(rejected)/\(reportName)"), info.kind == .regular,
                  info.modified < cutoff else { continue }
            if !touched { try FileSystem.makeDirectory(layout.path(.rejected, QueueLayout.rejectedArchiveFolder)) }
            touched = true
            let item = String(reportName.dropLast(QueueLayout.reportSuffix.count))
            var finalName = item
            if present.contains(item), let name = try archive(item) {
                finalName = name
                for sidecar in names where sidecar.hasPrefix(item + "--") && !QueueLayout.isReport(sidecar) {
                    let image = String(sidecar.dropFirst(item.count + 2))
                    _ = try archive(sidecar, as: QueueLayout.attachmentName(item: finalName, image: image))
                }
                moved.append(finalName)
            }
            _ = try archive(reportName, as: finalName + QueueLayout.reportSuffix)
        }
        if touched {
            try FileSystem.syncDirectory(layout.path(.rejected, QueueLayout.rejectedArchiveFolder))
            try FileSystem.syncDirectory(rejected)
        }
        return moved
    }

    private func archive(_ name: String, as preferred: String? = nil) throws -> String? {
        try moveUnique(
            from: layout.path(.rejected, name), to: .rejected, folder: QueueLayout.rejectedArchiveFolder,
            preferred: preferred ?? name)
    }
}
