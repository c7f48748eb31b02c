import Foundation

/// Where the queue's folders are, and which names in them are items.
/// Pure naming rules; no I/O.
public struct QueueLayout: Sendable {
    public let queueDirectory: String

    public init(workspace: String) {
        self.queueDirectory = (workspace as NSString).appendingPathComponent("queue")
    }

    public func directory(_ state: QueueState) -> String {
        (queueDirectory as NSString).appendingPathComponent(state.rawValue)
    }

    public func path(_ state: QueueState, _ name: String) -> String {
        (directory(state) as NSString).appendingPathComponent(name)
    }

    /// Names a worker never touches: hidden files (editors, `Data.write(.atomic)`,
    /// our own temporaries, macOS's `.DS_Store`, LibreOffice's `.~lock.*#`), copies
    /// still in progress, Word's lock files (`~$*`) and the files Windows keeps in a
    /// shared folder (`Thumbs.db`, `desktop.ini`). They are not read, not refused and
    /// not counted. Folders in `incoming/` are left alone too (`Spool`, `QueueStatus`).
    public static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || name.hasPrefix("~$") || lower.hasSuffix(".tmp") || lower.hasSuffix(".part")
            || shareFiles.contains(lower)
    }

    /// What Windows writes by itself into a shared folder, lower-cased.
    static let shareFiles: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini"]

    /// The folder of `rejected/` where refusals older than `queue.rejectedArchiveDays` go.
    public static let rejectedArchiveFolder = "ancien"

    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp"]

    /// Pictures wait beside the item that names them; they are never items.
    public static func isImage(_ name: String) -> Bool {
        imageExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    public static func isReport(_ name: String) -> Bool {
        name.hasSuffix(reportSuffix)
    }

    public static let reportSuffix = ".rapport.txt"

    /// Names that are announcements: not ignored, not a picture, not a report.
    public static func isItemName(_ name: String) -> Bool {
        !isIgnored(name) && !isImage(name) && !isReport(name)
    }

    /// Once claimed, an item's picture travels under a name tied to the item's,
    /// so that two items with a picture called `affiche.jpg` never collide.
    public static func attachmentName(item: String, image: String) -> String {
        "\(item)--\(image)"
    }

    /// `NAME`, then `NAME-2`, `NAME-3`, … keeping the extension.
    public static func candidateName(_ name: String, attempt: Int) -> String {
        guard attempt > 1 else { return name }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        return ext.isEmpty ? "\(stem)-\(attempt)" : "\(stem)-\(attempt).\(ext)"
    }
}
