import Foundation

/// The queue seen by one worker (Postfix's qmgr and Maildir are the models).
///
/// An item moves `incoming → active → deferred | done | rejected` by `rename(2)`
/// only; its file is never edited. A worker claims an item by renaming it into
/// its own folder `active/<worker id>/`, so two workers never hold the same item:
/// the loser's rename finds the source gone. That folder carries a `flock`ed
/// `.lock`; when the lock is free the worker is dead, and any worker takes its
/// items back to `incoming/`. Every move fsyncs both folders.
///
/// Failures of the world (disk full, permissions) are thrown `FileSystemError`s.
public final class Spool {
    public let layout: QueueLayout
    public let workerID: String
    private var lock: FileLock?

    public init(layout: QueueLayout, workerID: String = Spool.makeWorkerID()) {
        self.layout = layout
        self.workerID = workerID
    }

    public static func makeWorkerID() -> String {
        "w\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }

    /// This worker's claim folder.
    public var activeDirectory: String { layout.path(.active, workerID) }

    /// Creates the queue folders and this worker's locked claim folder. The folder
    /// is built under a hidden name and renamed into place with its lock already
    /// held, so that no other worker can mistake it for a dead one.
    public func open() throws {
        for state in QueueState.allCases { try FileSystem.makeDirectory(layout.directory(state)) }
        let staging = layout.path(.active, ".new-\(workerID)")
        try FileSystem.makeDirectory(staging, mode: 0o700)
        guard let lock = try FileLock(path: "\(staging)/.lock") else {
            throw FileSystemError(operation: "flock", path: staging, code: EWOULDBLOCK)
        }
        guard try FileSystem.moveNoReplace(from: staging, to: activeDirectory) else {
            throw FileSystemError(operation: "rename", path: staging, code: ENOENT)
        }
        try FileSystem.syncDirectory(layout.directory(.active))
        self.lock = lock
    }

    /// Removes this worker's empty claim folder on a clean stop.
    public func close() throws {
        guard lock != nil else { return }
        let leftovers = try FileSystem.names(in: activeDirectory).filter { $0 != ".lock" }
        if leftovers.isEmpty {
            try FileSystem.remove("\(activeDirectory)/.lock")
            try FileSystem.removeDirectory(activeDirectory)
        }
        lock = nil
    }

    // MARK: Recovery

    /// Takes back, into `incoming/`, the items of workers that died while holding
    /// them. Returns the names moved back. `wallNow` is the real time, used only
    /// to sweep empty staging folders.
    public func recoverAbandoned(wallNow: Date) throws -> [String] {
        var recovered: [String] = []
        let activeRoot = layout.directory(.active)
        for entry in try FileSystem.names(in: activeRoot) where entry.hasPrefix(".new-") && entry != ".new-\(workerID)" {
            // A worker killed while opening leaves a staging folder that never held
            // an item. A live one is there for an instant before its lock is taken,
            // so only folders a minute old are swept.
            let path = "\(activeRoot)/\(entry)"
            guard let info = try FileSystem.info(path), wallNow.timeIntervalSince(info.modified) > 60,
                  let deadLock = try lockIfStillThere(path) else { continue }
            try FileSystem.remove(deadLock.path)
            try FileSystem.removeDirectory(path)
        }
        for entry in try FileSystem.names(in: activeRoot) where entry != workerID && !QueueLayout.isIgnored(entry) {
            let path = "\(activeRoot)/\(entry)"
            guard let info = try FileSystem.info(path) else { continue }
            if info.kind != .directory {
                // Not a worker folder: nobody owns it, so it goes back to be processed.
                if let name = try moveUnique(from: path, to: .incoming, preferred: entry) { recovered.append(name) }
                continue
            }
            guard let deadLock = try lockIfStillThere(path) else { continue }  // alive, or gone meanwhile
            for name in try FileSystem.names(in: path) where name != ".lock" {
                if QueueLayout.isIgnored(name) {
                    try FileSystem.remove("\(path)/\(name)")  // a temporary of the dead worker
                } else if let moved = try moveUnique(from: "\(path)/\(name)", to: .incoming, preferred: name) {
                    recovered.append(moved)
                }
            }
            try FileSystem.remove(deadLock.path)
            try FileSystem.removeDirectory(path)
            try FileSystem.syncDirectory(activeRoot)
        }
        return recovered
    }

    /// The lock of another worker's folder if that worker is dead; nil while it
    /// lives, or when its folder vanished as we looked (it stopped cleanly).
    private func lockIfStillThere(_ folder: String) throws -> FileLock? {
        do {
            return try FileLock(path: "\(folder)/.lock")
        } catch let error as FileSystemError where error.code == ENOENT {
            return nil
        }
    }

    // MARK: Finding work

    /// Items in `deferred/` whose due time (their modification time) has come,
    /// oldest first.
    public func dueDeferred(now: Date) throws -> [String] {
        var due: [(String, Date)] = []
        for name in try FileSystem.names(in: layout.directory(.deferred)) where QueueLayout.isItemName(name) {
            guard let info = try FileSystem.info(layout.path(.deferred, name)) else { continue }
            if info.modified <= now { due.append((name, info.modified)) }
        }
        return due.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
    }

    /// The earliest due time in `deferred/`, with the item's name.
    public func nextDeferred() throws -> (name: String, due: Date)? {
        var best: (name: String, due: Date)?
        for name in try FileSystem.names(in: layout.directory(.deferred)) where QueueLayout.isItemName(name) {
            guard let info = try FileSystem.info(layout.path(.deferred, name)) else { continue }
            if best == nil || info.modified < best!.due { best = (name, info.modified) }
        }
        return best
    }

    /// Gives every file of `incoming/` whose name is not UTF-8 a name the queue can
    /// handle (`RawFileName.readable`, or its first free variant); the file is then
    /// taken like any other. Returns each old name (escaped) and new name, for the log.
    public func renameUnreadableIncoming() throws -> [(from: String, to: String)] {
        let incoming = layout.directory(.incoming)
        var renamed: [(from: String, to: String)] = []
        for raw in try FileSystem.rawNames(in: incoming) where raw.string == nil {
            attempts: for attempt in 1...10_000 {
                let name = QueueLayout.candidateName(raw.readable, attempt: attempt)
                do {
                    if try FileSystem.moveNoReplace(raw, in: incoming, to: "\(incoming)/\(name)") {
                        renamed.append((raw.escaped, name))
                    }
                    break attempts
                } catch let error as FileSystemError where error.code == EEXIST {
                    continue
                }
            }
        }
        if !renamed.isEmpty { try FileSystem.syncDirectory(incoming) }
        return renamed
    }

    /// Candidate items in `incoming/` that have stopped changing.
    public func stableIncoming(tracker: inout StabilityTracker, wallNow: Date) throws -> [String] {
        var ready: [String] = []
        var present: Set<String> = []
        for name in try FileSystem.names(in: layout.directory(.incoming)) where QueueLayout.isIncomingCandidate(name) {
            // A folder (« Nouveau dossier ») is the share's, not an item: left alone.
            guard let info = try FileSystem.info(layout.path(.incoming, name)), info.kind != .directory else { continue }
            present.insert(name)
            if tracker.isStable(name: name, size: info.size, modified: info.modified, now: wallNow) {
                ready.append(name)
            }
        }
        tracker.keepOnly(present.subtracting(ready))
        return ready
    }

    // MARK: Moving items

    /// Claims an item by renaming it into this worker's folder. Nil when another
    /// worker was faster.
    public func claim(_ name: String, from state: QueueState) throws -> ClaimedItem? {
        precondition(lock != nil, "open() the spool before claiming")
        precondition(state == .incoming || state == .deferred, "only incoming and deferred items are claimed")
        let claimed = "\(activeDirectory)/\(name)"
        PausePoint.reach("spool.claim", detail: name)
        guard try FileSystem.moveNoReplace(from: layout.path(state, name), to: claimed) else { return nil }
        try FileSystem.syncDirectory(activeDirectory)
        try FileSystem.syncDirectory(layout.directory(state))
        // Taken after the rename, which itself moves the change time on.
        return ClaimedItem(name: name, source: state, path: claimed, attachments: [], atClaim: try FileSystem.info(claimed))
    }

    /// Brings the item's picture into the claim folder: the one that already
    /// travels with it, or the file staff dropped beside it. False when absent.
    public func claimAttachment(_ image: String, for item: inout ClaimedItem) throws -> Bool {
        let sidecar = QueueLayout.attachmentName(item: item.name, image: image)
        let target = "\(activeDirectory)/\(sidecar)"
        if item.attachments.contains(sidecar) { return true }
        if try FileSystem.info(target) != nil {  // recovered together with the item
            item.attachments.append(sidecar)
            return true
        }
        for candidate in [sidecar, image] {
            let source = layout.path(item.source, candidate)
            // Whatever its kind: a link or a folder travels with the item, which is then
            // refused for it (`ItemFile.readImage`) instead of leaving it in incoming/.
            guard try FileSystem.info(source) != nil else { continue }
            if try FileSystem.moveNoReplace(from: source, to: target) {
                try FileSystem.syncDirectory(layout.directory(item.source))
                try FileSystem.syncDirectory(activeDirectory)
                item.attachments.append(sidecar)
                return true
            }
        }
        return false
    }

    /// Whether the claimed file is no longer the one claimed: its size, modification
    /// or change time moved on (a writer that paused longer than the settle time and
    /// went on writing through its open file). What was read of it may be half.
    public func hasChangedSinceClaim(_ item: ClaimedItem) throws -> Bool {
        guard let before = item.atClaim, let now = try FileSystem.info(item.path) else { return true }
        return now.size != before.size || now.modified != before.modified || now.statusChanged != before.statusChanged
    }

    /// Gives a claimed item that changed back to `incoming/` (its picture beside it),
    /// where it settles again and is read whole. Returns its name there.
    @discardableResult
    public func putBack(_ item: ClaimedItem) throws -> String {
        try relocate(item, to: .incoming, preferred: item.name)
    }

    /// Moves a claimed item (and its picture) to its final or waiting state.
    /// Returns the item's name there, which differs when the name was taken.
    /// `preferred`: another name for it there (a refused file named like a report).
    @discardableResult
    public func move(_ item: ClaimedItem, to state: QueueState, preferred: String? = nil) throws -> String {
        precondition(state != .active && state != .incoming, "claimed items leave for deferred, done or rejected")
        return try relocate(item, to: state, preferred: preferred ?? item.name)
    }

    private func relocate(_ item: ClaimedItem, to state: QueueState, preferred: String) throws -> String {
        guard let final = try moveUnique(from: item.path, to: state, preferred: preferred) else {
            throw FileSystemError(operation: "rename", path: item.path, code: ENOENT)
        }
        for sidecar in item.attachments {
            let image = String(sidecar.dropFirst(item.name.count + 2))
            let destination = layout.path(state, QueueLayout.attachmentName(item: final, image: image))
            if rename("\(activeDirectory)/\(sidecar)", destination) != 0 {
                throw FileSystemError(operation: "rename", path: destination)
            }
        }
        try FileSystem.syncDirectory(layout.directory(state))
        try FileSystem.syncDirectory(activeDirectory)
        return final
    }

    /// Puts a claimed item in `deferred/` until `due`, kept as its modification
    /// time (as Postfix does). The time is set while the file is still in the
    /// claim folder, and rename keeps it: set after the move, the item would look
    /// due for a moment and another worker could take it.
    @discardableResult
    public func deferItem(_ item: ClaimedItem, until due: Date) throws -> String {
        try FileSystem.setModificationTime(item.path, to: due)
        return try move(item, to: .deferred)
    }

    /// Moves an item that no worker holds (an older version waiting in
    /// `deferred/`), with its pictures, straight to another state; nil when it is
    /// gone (another worker took it first).
    public func setAside(_ name: String, from source: QueueState, to state: QueueState) throws -> String? {
        guard let final = try moveUnique(from: layout.path(source, name), to: state, preferred: name) else { return nil }
        for sidecar in try FileSystem.names(in: layout.directory(source)) where sidecar.hasPrefix(name + "--") {
            let image = String(sidecar.dropFirst(name.count + 2))
            _ = try moveUnique(from: layout.path(source, sidecar), to: state,
                               preferred: QueueLayout.attachmentName(item: final, image: image))
        }
        try FileSystem.syncDirectory(layout.directory(state))
        try FileSystem.syncDirectory(layout.directory(source))
        return final
    }

    /// Puts a copy of a claimed item, with its pictures, into `deferred/` until
    /// `due`: the next occurrence of a recurring item. The copy is complete
    /// (written, fsynced, its time set) before it becomes visible there.
    public func deferCopy(of item: ClaimedItem, until due: Date) throws -> String {
        let temporary = "\(activeDirectory)/.\(item.name).suivante.tmp"
        guard case .contents(let data) = try FileSystem.read(item.path, maxBytes: Int.max) else {
            throw FileSystemError(operation: "read", path: item.path, code: EINVAL)
        }
        try FileSystem.writeDurably(data, to: temporary)
        try FileSystem.setModificationTime(temporary, to: due)
        // Pictures first, under the name the copy asks for: a copy that lands
        // under another name finds them by the same rule as any deferred item.
        for sidecar in item.attachments {
            let image = String(sidecar.dropFirst(item.name.count + 2))
            guard case .contents(let picture) = try FileSystem.read("\(activeDirectory)/\(sidecar)", maxBytes: Int.max) else { continue }
            try FileSystem.writeDurably(picture, to: layout.path(.deferred, QueueLayout.attachmentName(item: item.name, image: image)))
        }
        guard let final = try moveUnique(from: temporary, to: .deferred, preferred: item.name) else {
            throw FileSystemError(operation: "rename", path: temporary, code: ENOENT)
        }
        try FileSystem.syncDirectory(layout.directory(.deferred))
        return final
    }

    /// Renames `from` into `state` (or its sub-folder `folder`) under `preferred` or the
    /// first free variant. Nil when the source vanished.
    func moveUnique(from: String, to state: QueueState, folder: String? = nil, preferred: String) throws -> String? {
        let directory = folder.map { layout.path(state, $0) } ?? layout.directory(state)
        for attempt in 1...10_000 {
            let name = QueueLayout.candidateName(preferred, attempt: attempt)
            do {
                guard try FileSystem.moveNoReplace(from: from, to: "\(directory)/\(name)") else { return nil }
                return name
            } catch let error as FileSystemError where error.code == EEXIST {
                continue
            }
        }
        throw FileSystemError(operation: "rename", path: from, code: EEXIST)
    }
}

/// An item held by this worker in its claim folder.
public struct ClaimedItem: Sendable, Equatable {
    /// The item's file name (also its name in `active/<worker>/`).
    public var name: String
    /// Where it was claimed from.
    public var source: QueueState
    public var path: String
    /// Sidecar names of its pictures in the claim folder.
    public var attachments: [String]
    /// The file as it was just after the claim, to tell whether it changed since.
    public var atClaim: FileSystem.Info?
}
