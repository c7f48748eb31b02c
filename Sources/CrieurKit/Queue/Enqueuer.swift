import Foundation

/// `crieur enqueue`: checks announcements before they enter the queue with the
/// worker's own decision (`ItemProcessor`: format, readability, dates, each
/// channel's limits, copies and corrections), then copies them into `incoming/`
/// atomically (hidden temporary name, fsync, rename), their pictures first, so
/// the worker never sees half a file. If any file is refused, none is queued.
public struct Enqueuer: Sendable {
    public let workspace: Workspace
    public let parser: ItemParser
    public let processor: ItemProcessor
    public var layout: QueueLayout { workspace.queue }

    public init(workspace: Workspace, config: CrieurConfig, publishers: [any ChannelPublisher]) {
        self.workspace = workspace
        self.parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        self.processor = ItemProcessor(config: config, publishers: publishers)
    }

    /// A source file and what was found in it.
    public struct Checked: Sendable {
        public var source: String
        public var data: Data
        public var item: Item?
        public var imageData: Data?
        /// Why it is refused; empty when it can be queued.
        public var problems: [ItemProblem]
        /// The readability report, when the text is too hard.
        public var details: String?
        /// What the worker will do with it, in French (« publiée sur … », « sauf sur l'écran … »).
        public var verdict: String = ""
        /// The same version is already published: there is nothing to queue.
        public var alreadyPublished = false
        /// Channels that will leave it out, with why.
        public var leftOut: [ItemProcessor.ChannelRefusal] = []
        /// Why it is refused, for the exit code: a hard text is not a broken file.
        public var reasons: [RefusalReason] = []
        public var outcome: ItemVerdict?
    }

    /// What the worker knows of this workspace (archive, waiting items); empty when it cannot be read.
    public func knownItems() -> KnownItems {
        (try? KnownItems.read(workspace, parser: parser)) ?? KnownItems()
    }

    /// Checks item files as the worker would at `now`, each in the light of the
    /// ones before it (two copies of one notice in the same call are one too many).
    /// `pictures`: pictures given with the items, by file name (`checkAll`).
    func checkItems(_ sources: [String], now: Date, pictures: [String: String], known: KnownItems?) -> [Checked] {
        var known = known ?? knownItems()
        return sources.map { source in
            let checked = check(source, now: now, known: known, pictures: pictures)
            if checked.problems.isEmpty, !checked.alreadyPublished, let item = checked.item {
                let name = (source as NSString).lastPathComponent
                known.note(queued: .init(name: name, identity: ItemIdentity.of(item, fileName: name),
                                         fingerprint: ItemIdentity.fingerprint(item)))
            }
            return checked
        }
    }

    /// An item's `Image:` is looked up among `pictures` first, else beside the item.
    func check(_ source: String, now: Date, known: KnownItems, pictures: [String: String]) -> Checked {
        let name = (source as NSString).lastPathComponent
        var checked = Checked(source: source, data: Data(), item: nil, imageData: nil, problems: [])
        if let problem = QueueLayout.depositProblem(name) {
            checked.problems = [problem]
            checked.reasons = [.format]
            return checked
        }
        do {
            checked.data = try ItemFile.read(source, maxBytes: parser.maxBytes)
            let item = try parser.parse(checked.data, fileName: name)
            checked.item = item
            if let image = item.image {
                let imagePath = pictures[image.fileName]
                    ?? (FileSystem.parent(of: source) as NSString).appendingPathComponent(image.fileName)
                checked.imageData = try ItemFile.readImage(imagePath, fileName: image.fileName)
                if let problem = pictureNameProblem(image.fileName, data: checked.imageData) {
                    checked.problems = [problem]
                    checked.reasons = [.format]
                    return checked
                }
            }
            let outcome = processor.decide(item, itemName: name, imageData: checked.imageData, now: now, known: known)
            let verdict = ItemVerdict(outcome, calendar: processor.calendar)
            checked.outcome = verdict
            checked.verdict = verdict.french
            switch outcome {
            case .reject(let problems, let details, let reasons):
                checked.problems = problems
                checked.details = details
                checked.reasons = reasons
            case .unchanged:
                checked.alreadyPublished = true
            case .publish(let publication):
                checked.leftOut = publication.refused
                checked.details = publication.details
            case .withdraw, .wait, .expire:
                break
            }
        } catch let rejection as ItemRejection {
            checked.problems = rejection.problems
            checked.reasons = [.format]
        } catch {
            checked.reasons = [.format]
            checked.problems = [ItemProblem(line: nil, message: "Lecture impossible : \(error).", fix: "Vérifiez que le fichier est lisible.")]
        }
        return checked
    }

    /// Copies checked files into `incoming/`; returns the names they got there.
    public func enqueue(_ files: [Checked]) throws -> [String] {
        precondition(files.allSatisfy { $0.problems.isEmpty && $0.item != nil }, "only checked, valid files are queued")
        var names: [String] = []
        var pictures: Set<String> = []
        for file in files where !file.alreadyPublished {
            let name = (file.source as NSString).lastPathComponent
            if let image = file.item?.image, let data = file.imageData, pictures.insert(image.fileName).inserted {
                try depositPicture(data, named: image.fileName)
            }
            names.append(try deposit(file.data, preferred: name))
        }
        return names
    }

    /// Puts bytes into `incoming/` under `preferred` or the first free variant,
    /// without checking them (the demo queues a broken sample on purpose).
    public func deposit(_ data: Data, preferred: String) throws -> String {
        let incoming = layout.directory(.incoming)
        let temporary = "\(incoming)/.\(preferred).\(getpid()).enqueue.tmp"
        try FileSystem.writeDurably(data, to: temporary)
        for attempt in 1...10_000 {
            let name = QueueLayout.candidateName(preferred, attempt: attempt)
            do {
                guard try FileSystem.moveNoReplace(from: temporary, to: "\(incoming)/\(name)") else { break }
                try FileSystem.syncDirectory(incoming)
                return name
            } catch let error as FileSystemError where error.code == EEXIST {
                continue
            }
        }
        try? FileSystem.remove(temporary)
        throw FileSystemError(operation: "rename", path: "\(incoming)/\(preferred)", code: EEXIST)
    }
}
