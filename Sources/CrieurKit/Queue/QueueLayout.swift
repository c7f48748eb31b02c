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

    /// Names the worker takes from `incoming/`: the items, and files named like a
    /// report (`X.rapport.txt`), which are taken only to be refused with a report.
    public static func isIncomingCandidate(_ name: String) -> Bool {
        !isIgnored(name) && !isImage(name)
    }

    /// The name a file dropped as `X.rapport.txt` gets in `rejected/` (`X-rapport.txt`),
    /// where its own name would pass for the report of an item `X`.
    public static func nameOutsideReports(_ name: String) -> String {
        isReport(name) ? String(name.dropLast(reportSuffix.count)) + "-rapport.txt" : name
    }

    /// Why `enqueue` must not queue a file under `name`, or nil: the worker would never
    /// take it (an ignored name) or would take it for a report.
    public static func depositProblem(_ name: String) -> ItemProblem? {
        if isReport(name) {
            return ItemProblem(
                line: nil,
                message: "Le nom « \(name) » se termine par « \(reportSuffix) », la fin que Crieur réserve à ses rapports de refus.",
                fix: "Renommez le fichier sans « .rapport » (par exemple « \(nameOutsideReports(name)) ») puis recommencez.")
        }
        if isIgnored(name) {
            return ItemProblem(
                line: nil,
                message: "Le nom « \(name) » est celui d'un fichier que Crieur ne lit jamais (fichier caché, temporaire ou de verrouillage).",
                fix: "Donnez au fichier un nom ordinaire, par exemple « annonce.txt », puis recommencez.")
        }
        return nil
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
