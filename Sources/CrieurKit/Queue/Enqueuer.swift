import Foundation

/// `crieur enqueue`: checks announcements before they enter the queue (the
/// worker's parser and readability gate), then
/// copies them into `incoming/` atomically (hidden temporary name, fsync,
/// rename), their pictures first, so the worker never sees half a file.
/// If any file is refused, none is queued.
public struct Enqueuer: Sendable {
    public let layout: QueueLayout
    public let parser: ItemParser
    public let gate: ReadabilityGate

    public init(layout: QueueLayout, config: CrieurConfig) {
        self.layout = layout
        self.parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        self.gate = ReadabilityGate(settings: config.readability)
    }

    /// A source file and what was found in it.
    public struct Checked: Sendable {
        public var source: String
        public var data: Data
        public var item: Item?
        public var imageData: Data?
        public var problems: [ItemProblem]
        /// The readability report, when the text is too hard.
        public var details: String?
    }

    public func check(_ source: String) -> Checked {
        let name = (source as NSString).lastPathComponent
        var checked = Checked(source: source, data: Data(), item: nil, imageData: nil, problems: [])
        if let problem = QueueLayout.depositProblem(name) {
            checked.problems = [problem]
            return checked
        }
        do {
            checked.data = try ItemFile.read(source, maxBytes: parser.maxBytes)
            let item = try parser.parse(checked.data, fileName: name)
            checked.item = item
            if case .refuse(let problems, let details, _) = gate.evaluate(item, fileName: name) {
                checked.problems = problems
                checked.details = details
            }
            if let image = item.image {
                let imagePath = ((source as NSString).deletingLastPathComponent as NSString).appendingPathComponent(image.fileName)
                checked.imageData = try ItemFile.readImage(imagePath, fileName: image.fileName)
            }
        } catch let rejection as ItemRejection {
            checked.problems = rejection.problems
        } catch {
            checked.problems = [ItemProblem(line: nil, message: "Lecture impossible : \(error).", fix: "Vérifiez que le fichier est lisible.")]
        }
        return checked
    }

    /// Copies checked files into `incoming/`; returns the names they got there.
    public func enqueue(_ files: [Checked]) throws -> [String] {
        precondition(files.allSatisfy { $0.problems.isEmpty && $0.item != nil }, "only checked, valid files are queued")
        var names: [String] = []
        for file in files {
            let name = (file.source as NSString).lastPathComponent
            if let image = file.item?.image, let data = file.imageData {
                _ = try deposit(data, preferred: image.fileName)
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
