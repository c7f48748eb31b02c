import Foundation

/// The approval step (« rédaction → validation → diffusion »): items the
/// configuration sends to approval (`desk.approval`) wait in `queue/review/`
/// until a person with the `validation` role approves them (they then enter
/// `queue/incoming/` through `Enqueuer`, as `crieur enqueue` would queue them)
/// or sends them back with a comment for their author.
///
/// Every check is the queue's own: a text is checked by `Enqueuer` exactly as
/// `crieur enqueue` checks it (same problems, same French), when submitted and
/// again when approved (its dates may have passed meanwhile). Each step is a
/// line of `data/journal.jsonl` with the person (`submitted`, `returned` with
/// the comment, `approved`); the journal's `submitted` lines are how Crieur
/// knows who wrote an item (`author(of:)`), for the rule that a writer may
/// only correct or withdraw their own.
///
/// Roles are not checked here: `DeskPickup` checks them for the desk (the web
/// side is not trusted); `crieur review` runs as the Crieur account, which
/// owns the queue anyway, and records the name it is given.
///
/// An entry withdrawn before approval (`withdraw`, by its author or an
/// approver) is never published, so it has nothing to take down on the
/// channels and no place in `out/archive/` (the archive is what went out; the
/// web server publishes from it). It is kept whole, text, picture and record,
/// in `queue/review/retirees/` (`withdrawnEntries()`), where `crieur list` and
/// the desk show it under « Retirées » as they show a withdrawn published item;
/// the journal says `withdrawn` with the person, as for a published item, but
/// with no archive id (the PST report counts only withdrawals of published items).
///
/// Files are written whole under a temporary name and renamed; the review
/// record is written last when an entry is made and removed first when it is
/// approved, so a half-made entry is never listed. Listing needs no access to
/// `data/`: the web side may call `entries()`.
public struct ReviewQueue {
    public let workspace: Workspace
    public let clock: any Clock

    public init(workspace: Workspace, clock: any Clock) {
        self.workspace = workspace
        self.clock = clock
    }

    /// `queue/review/`, relative to the workspace.
    public static let folder = "queue/review"
    public var directory: String { workspace.path(Self.folder) }

    static let recordSuffix = ".review.json"

    /// `queue/review/retirees/`, relative to the workspace: the entries withdrawn before approval.
    public static let withdrawnFolder = "queue/review/retirees"
    public var withdrawnDirectory: String { workspace.path(Self.withdrawnFolder) }

    /// What became of a submitted text.
    public enum Submission: Sendable, Equatable {
        /// It waits in `queue/review/` for approval.
        case waiting(ReviewEntry)
        /// It needs no approval: queued in `incoming/` under this name.
        case queued(name: String, identity: String)
    }

    // MARK: Reading (web side too)

    /// Every entry, oldest submission first. An entry whose files cannot be read is skipped.
    public func entries() throws -> [ReviewEntry] {
        guard try FileSystem.info(directory) != nil else { return [] }
        return try FileSystem.names(in: directory)
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(Self.recordSuffix) }
            .compactMap { try? entry(id: String($0.dropLast(Self.recordSuffix.count))) }
            .sorted { ($0.submitted, $0.id) < ($1.submitted, $1.id) }
    }

    /// The entry `id`, or nil when there is none (or `id` is not a review id).
    public func entry(id: String) throws -> ReviewEntry? {
        try entry(id: id, in: directory)
    }

    /// The entries withdrawn before approval, kept in `queue/review/retirees/`, latest withdrawal first.
    public func withdrawnEntries() throws -> [ReviewEntry] {
        guard try FileSystem.info(withdrawnDirectory) != nil else { return [] }
        return try FileSystem.names(in: withdrawnDirectory)
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(Self.recordSuffix) }
            .compactMap { try? entry(id: String($0.dropLast(Self.recordSuffix.count)), in: withdrawnDirectory) }
            .sorted { ($0.withdrawal?.time ?? $0.updated, $0.id) > ($1.withdrawal?.time ?? $1.updated, $1.id) }
    }

    private func entry(id: String, in folder: String) throws -> ReviewEntry? {
        guard Self.isValidID(id), case .contents(let json)? = try read("\(folder)/\(id)\(Self.recordSuffix)"),
              case .contents(let text)? = try read("\(folder)/\(id).txt") else { return nil }
        let record = try Self.decoder().decode(Record.self, from: json)
        return ReviewEntry(
            id: id, title: record.title, author: record.author, state: record.state, submitted: record.submitted,
            updated: record.updated, comments: record.comments, itemText: String(decoding: text, as: UTF8.self),
            picture: record.picture, identity: record.identity, channels: record.channels, withdrawal: record.withdrawal)
    }

    /// The state of every entry in the review folder `directory` (none when it does not exist), for `crieur status`.
    public static func states(in directory: String) throws -> [ReviewEntry.State] {
        guard try FileSystem.info(directory) != nil else { return [] }
        return try FileSystem.names(in: directory).filter { !$0.hasPrefix(".") && $0.hasSuffix(recordSuffix) }.compactMap { name in
            guard case .contents(let json)? = try? FileSystem.read("\(directory)/\(name)", maxBytes: 16 << 20) else { return nil }
            return (try? decoder().decode(Record.self, from: json))?.state
        }
    }

    /// Where the entry's picture is, if it has one.
    public func picturePath(of entry: ReviewEntry) -> String? {
        entry.picture.map { "\(directory)/\($0)" }
    }

    /// Review ids are slugs (`Slug`), plus a counter: never a path.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= ItemParser.maxIDLength + 8 && id.first != "-"
            && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    // MARK: Writing (worker and CLI side)

    /// Sends `text` (with the picture at `picturePath`, named by its `Image:` line)
    /// to approval when the configuration asks it for one of its channels,
    /// else straight to `incoming/`. Throws `DeskRefusal` when the queue would refuse it.
    public func send(text: String, picturePath: String?, by user: String, config: CrieurConfig) throws -> Submission {
        try locked { try sendLocked(text: text, picturePath: picturePath, by: user, config: config) }
    }

    private func sendLocked(text: String, picturePath: String?, by user: String, config: CrieurConfig) throws -> Submission {
        let staged = try stage(text: text, picturePath: picturePath, config: config)
        defer { staged.cleanUp() }
        let item = staged.checked.item!
        if config.desk.needsApproval(item.channels) {
            return .waiting(try makeEntry(staged, author: user))
        }
        let names = try staged.enqueuer.enqueue([staged.checked])
        let name = names.first ?? staged.name
        try journal(.submitted, item: name, identity: staged.identity, channels: item.channels, user: user)
        return .queued(name: name, identity: staged.identity)
    }

    /// Puts `text` into `queue/review/` whatever the configuration says (the
    /// desk's `send` decides; this is the approval step itself).
    public func submit(text: String, picturePath: String?, by user: String, config: CrieurConfig) throws -> ReviewEntry {
        try locked {
            let staged = try stage(text: text, picturePath: picturePath, config: config)
            defer { staged.cleanUp() }
            return try makeEntry(staged, author: user)
        }
    }

    /// A new text for entry `id` (usually after it was sent back): it waits for approval again.
    /// The author stays the first writer; the journal names who sent this version.
    public func resubmit(id: String, text: String, picturePath: String?, by user: String, config: CrieurConfig) throws {
        try locked { try resubmitLocked(id: id, text: text, picturePath: picturePath, by: user, config: config) }
    }

    private func resubmitLocked(id: String, text: String, picturePath: String?, by user: String, config: CrieurConfig) throws {
        guard var record = try existingRecord(id) else { throw Self.unknown(id) }
        let staged = try stage(text: text, picturePath: picturePath, config: config, reviewID: id,
                                keepPicture: record.picture.map { "\(directory)/\($0)" })
        defer { staged.cleanUp() }
        guard staged.identity == record.identity else {
            throw DeskRefusal(.invalidItem, "La nouvelle version ne peut pas changer la ligne « Id » de l'annonce "
                + "(« \(record.identity) » attendu).")
        }
        let now = clock.now()
        try FileSystem.makeDirectory(directory)
        let oldPicture = record.picture
        record.picture = try storePicture(staged, id: id)
        try FileSystem.writeDurably(Data(text.utf8), to: textPath(id))
        record.title = staged.checked.item!.title
        record.channels = staged.checked.item!.channels
        record.state = .waiting
        record.updated = now
        try writeRecord(record, id: id)
        if let oldPicture, oldPicture != record.picture { try? FileSystem.remove("\(directory)/\(oldPicture)") }
        try journal(.submitted, item: "\(id).txt", identity: record.identity, channels: record.channels, user: user)
    }

    /// Lets entry `id` into `incoming/` (through `Enqueuer`, checked again at
    /// this moment), records the approver, and removes the entry.
    @discardableResult
    public func approve(id: String, by user: String, config: CrieurConfig) throws -> String {
        try locked { try approveLocked(id: id, by: user, config: config) }
    }

    private func approveLocked(id: String, by user: String, config: CrieurConfig) throws -> String {
        guard let record = try existingRecord(id) else { throw Self.unknown(id) }
        let enqueuer = Enqueuer(workspace: workspace, config: config, publishers: Publishers.all(config, workspace: workspace))
        var pictures: [String: String] = [:]
        if let picture = record.picture, let name = record.imageName { pictures[name] = "\(directory)/\(picture)" }
        guard let checked = enqueuer.checkItems([textPath(id)], now: clock.now(), pictures: pictures, known: nil).first else {
            preconditionFailure("one file checked gives one result")
        }
        guard checked.problems.isEmpty, checked.item != nil else {
            throw Self.invalid(checked, source: nil, intro: "L'annonce « \(record.title) » ne peut pas être publiée telle quelle : "
                + "renvoyez-la à son auteur avec un commentaire.")
        }
        let name = try enqueuer.enqueue([checked]).first ?? "\(id).txt"
        try journal(.approved, item: name, identity: record.identity, channels: record.channels, user: user)
        try remove(id, picture: record.picture)
        return name
    }

    /// Sends entry `id` back to its author with `comment`.
    public func sendBack(id: String, by user: String, comment: String) throws {
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw DeskRefusal(.invalidItem, "Écrivez un commentaire : l'auteur doit savoir quoi corriger.")
        }
        try locked {
            guard var record = try existingRecord(id) else { throw Self.unknown(id) }
            let now = clock.now()
            record.state = .returned
            record.updated = now
            record.comments.append(ReviewEntry.Comment(user: user, time: now, text: text))
            try writeRecord(record, id: id)
            try journal(.returned, item: "\(id).txt", identity: record.identity, channels: record.channels, user: user, comment: text)
        }
    }

    /// Takes entry `id` (waiting or sent back) out of the review queue before it
    /// is published: its text, picture and record move to `queue/review/retirees/`
    /// under the first free name (`<id>`, `<id>-2`… : a later entry may take the
    /// same id), then a `withdrawn` journal line with `user` and the reason.
    /// Returns the withdrawn entry as kept. Roles are the caller's business
    /// (`DeskPickup`); an unknown id throws `unknown(id)`.
    ///
    /// Copies are written first and the review record is removed first, as
    /// `approve` does: a crash in between leaves the entry listed as before and
    /// a spare copy in `retirees/`, never an entry half gone.
    @discardableResult
    public func withdraw(id: String, by user: String, reason: String?) throws -> ReviewEntry {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        return try locked {
            guard var record = try existingRecord(id), case .contents(let text)? = try read(textPath(id)) else { throw Self.unknown(id) }
            let now = clock.now()
            try FileSystem.makeDirectory(withdrawnDirectory)
            let kept = try freeWithdrawnName(for: id)
            let oldPicture = record.picture
            if let picture = oldPicture, case .contents(let data)? = try read("\(directory)/\(picture)") {
                let name = "\(kept)--" + (record.imageName ?? String(picture.dropFirst(id.count + 2)))
                try FileSystem.writeDurably(data, to: "\(withdrawnDirectory)/\(name)")
                record.picture = name
            } else {
                record.picture = nil
            }
            try FileSystem.writeDurably(text, to: "\(withdrawnDirectory)/\(kept).txt")
            record.state = .withdrawn
            record.updated = now
            record.withdrawal = ReviewEntry.Withdrawal(user: user, time: now, reason: reason?.isEmpty == false ? reason : nil)
            try FileSystem.writeDurably(try Self.encoder().encode(record), to: "\(withdrawnDirectory)/\(kept)\(Self.recordSuffix)")
            try journal(.withdrawn, item: "\(id).txt", identity: record.identity, channels: record.channels, user: user,
                        comment: record.withdrawal?.reason)
            try remove(id, picture: oldPicture)
            guard let entry = try entry(id: kept, in: withdrawnDirectory) else { throw Self.unknown(id) }
            return entry
        }
    }

    private func freeWithdrawnName(for id: String) throws -> String {
        var attempt = 1
        while true {
            let name = attempt == 1 ? id : "\(id)-\(attempt)"
            if try FileSystem.info("\(withdrawnDirectory)/\(name)\(Self.recordSuffix)") == nil,
               try FileSystem.info("\(withdrawnDirectory)/\(name).txt") == nil {
                return name
            }
            attempt += 1
        }
    }

    /// Who wrote the item `identity`: the person of its first `submitted` line in
    /// the journal, else of its review entry; nil when it never came through the
    /// desk or `crieur review` (a file dropped in the folder, `crieur enqueue`).
    /// Reads `data/`: worker and CLI side only.
    public func author(of identity: String) throws -> String? {
        let journal = try PublicationJournal(path: workspace.journalPath).load().entries
        if let first = journal.first(where: { $0.event == .submitted && $0.identity == identity && $0.user != nil }) {
            return first.user
        }
        return try entries().first { $0.identity == identity }?.author
    }

    // MARK: Parts

    /// One change at a time (the worker's desk pickup and `crieur review` may act together): two approvals
    /// of one entry would queue it twice, under two names, hence two identities.
    private func locked<T>(_ body: () throws -> T) throws -> T {
        try FileSystem.makeDirectory(directory)
        guard let lock = try FileLock(path: "\(directory)/.lock", wait: true) else {
            preconditionFailure("a waiting lock is always taken")
        }
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }

    /// `<id>.review.json`.
    struct Record: Codable, Equatable {
        var author: String
        var submitted: Date
        var updated: Date
        var state: ReviewEntry.State
        var comments: [ReviewEntry.Comment]
        var identity: String
        var title: String
        var channels: [Channel]
        /// The picture's file name in `queue/review/`, and the name its item gives it (`Image:`).
        var picture: String?
        var imageName: String?
        /// Set once the entry is withdrawn (`retirees/`).
        var withdrawal: ReviewEntry.Withdrawal?
    }

    /// A text checked by `Enqueuer` under its final name, in a hidden folder of `queue/review/`.
    struct Staged {
        var folder: String
        var name: String
        var identity: String
        var checked: Enqueuer.Checked
        var enqueuer: Enqueuer
        var picturePath: String?

        func cleanUp() {
            if let names = try? FileSystem.names(in: folder) {
                for name in names { try? FileSystem.remove("\(folder)/\(name)") }
            }
            try? FileSystem.removeDirectory(folder)
        }
    }

    private func stage(text: String, picturePath: String?, config: CrieurConfig, reviewID: String? = nil,
                       keepPicture: String? = nil) throws -> Staged {
        let parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        let data = Data(text.utf8)
        // The name decides the identity of an item without `Id:`: chosen before the check, which judges it under that name.
        let item: Item
        do {
            item = try parser.parse(data, fileName: "annonce.txt")
        } catch {
            throw DeskRefusal(.invalidItem, Self.refusedIntro, problems: error.problems.map { $0.consoleText(source: nil) })
        }
        let name = try reviewID.map { "\($0).txt" } ?? freeName(for: item, config: config)
        try FileSystem.makeDirectory(directory)
        let folder = "\(directory)/.staging-\(SecureRandom.hex(bytes: 8))"
        try FileSystem.makeDirectory(folder, mode: 0o700)
        let enqueuer = Enqueuer(workspace: workspace, config: config, publishers: Publishers.all(config, workspace: workspace))
        let identity = ItemIdentity.of(item, fileName: name)
        var staged = Staged(folder: folder, name: name, identity: identity,
                            checked: Enqueuer.Checked(source: "", data: Data(), item: nil, imageData: nil, problems: []),
                            enqueuer: enqueuer,
                            picturePath: picturePath ?? (item.image == nil ? nil : keepPicture ?? publishedPicture(of: item, identity: identity)))
        do {
            try FileSystem.writeDurably(data, to: "\(folder)/\(name)")
            var pictures: [String: String] = [:]
            if let path = staged.picturePath {
                guard let imageName = item.image?.fileName else {
                    throw DeskRefusal(.invalidItem, Self.refusedIntro, problems: [ItemProblem(
                        line: nil, message: "Une image est jointe, mais l'annonce ne la nomme pas.",
                        fix: "Ajoutez une ligne « Image: » avec son nom et une ligne « Texte alternatif: » (ce que montre l'image), "
                            + "ou retirez l'image.").consoleText(source: nil)])
                }
                if let size = try FileSystem.info(path)?.size, size > config.desk.pictureMaxBytes {
                    throw DeskRefusal(.invalidItem, Self.refusedIntro, problems: [ItemProblem(
                        line: nil, message: "L'image est trop lourde (\(size / 1_000) ko ; au plus \(config.desk.pictureMaxBytes / 1_000) ko).",
                        fix: "Réduisez la photo (par exemple 1920 pixels de large) puis joignez-la à nouveau.").consoleText(source: nil)])
                }
                pictures[imageName] = path
            }
            guard let checked = enqueuer.checkItems(["\(folder)/\(name)"], now: clock.now(), pictures: pictures, known: nil).first else {
                preconditionFailure("one file checked gives one result")
            }
            guard checked.problems.isEmpty, checked.item != nil else { throw Self.invalid(checked, source: nil, intro: Self.refusedIntro) }
            guard !checked.alreadyPublished else {
                throw DeskRefusal(.wrongState, "Rien n'est envoyé : l'annonce est \(checked.verdict).")
            }
            // A picture sent through the desk is judged by its bytes, never by the name or type the browser gave.
            if picturePath != nil, let data = checked.imageData, !Self.isPicture(data) {
                throw DeskRefusal(.invalidItem, Self.refusedIntro, problems: [ItemProblem(
                    line: nil, message: "Le fichier joint n'est pas une image JPG, PNG, GIF ou WEBP.",
                    fix: "Joignez une photo enregistrée dans l'un de ces formats.").consoleText(source: nil)])
            }
            staged.checked = checked
            return staged
        } catch {
            staged.cleanUp()
            throw error
        }
    }

    /// PNG, JPEG and GIF by their header (`ImageSize`), WEBP by its RIFF signature.
    static func isPicture(_ data: Data) -> Bool {
        if ImageSize.of(data) != nil { return true }
        let bytes = [UInt8](data.prefix(12))
        return bytes.count == 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8)
    }

    /// The picture the published version of `identity` went out with, when the corrected text names the same
    /// one: a correction made at the desk need not send the picture again.
    private func publishedPicture(of item: Item, identity: String) -> String? {
        guard let image = item.image,
              let latest = try? workspace.archive.load().items.first(where: { $0.identity == identity && !$0.isWithdrawn }),
              let stored = latest.image, stored.fileName == "\(latest.id)-\(image.fileName)" else { return nil }
        return "\(workspace.archive.folder.path)/\(stored.fileName)"
    }

    static let refusedIntro = "L'annonce n'est pas enregistrée : corrigez ce qui suit puis recommencez."

    /// `<slug>.txt` for a new item: its `Id:` when it has one, else its title,
    /// with `-2`, `-3`… when that identity is already an item's (published,
    /// waiting in the queue or in review), so a new text never replaces another by chance.
    private func freeName(for item: Item, config: CrieurConfig) throws -> String {
        if let written = item.explicitID {
            let id = Slug.make(written, maxLength: ItemParser.maxIDLength)
            if try existingRecord(id) != nil {
                throw DeskRefusal(.wrongState, "Une version de l'annonce « \(id) » attend déjà d'être validée : "
                    + "corrigez celle-là (crieur review list) au lieu d'en écrire une autre.")
            }
            return "\(id).txt"
        }
        let base = Slug.make(item.title, maxLength: ItemParser.maxIDLength)
        let known = (try? KnownItems.read(workspace, parser: ItemParser(maxBytes: config.queue.maxItemBytes))) ?? KnownItems()
        var taken = Set(known.latest.keys).union(known.queued.map(\.identity))
        for state in [QueueState.incoming, .active, .deferred] {
            for name in (try? FileSystem.names(in: workspace.queue.directory(state))) ?? [] where QueueLayout.isItemName(name) {
                taken.insert(ItemIdentity.of(fileName: name))
            }
        }
        var attempt = 1
        while true {
            let id = attempt == 1 ? base : "\(base)-\(attempt)"
            if !taken.contains(id), try FileSystem.info(recordPath(id)) == nil, try FileSystem.info(textPath(id)) == nil {
                return "\(id).txt"
            }
            attempt += 1
        }
    }

    private func makeEntry(_ staged: Staged, author: String) throws -> ReviewEntry {
        let id = String(staged.name.dropLast(4))
        let item = staged.checked.item!
        let now = clock.now()
        try FileSystem.makeDirectory(directory)
        let picture = try storePicture(staged, id: id)
        try FileSystem.writeDurably(staged.checked.data, to: textPath(id))
        let record = Record(author: author, submitted: now, updated: now, state: .waiting, comments: [], identity: staged.identity,
                            title: item.title, channels: item.channels, picture: picture, imageName: item.image?.fileName)
        try writeRecord(record, id: id)
        try journal(.submitted, item: staged.name, identity: staged.identity, channels: item.channels, user: author)
        guard let entry = try entry(id: id) else { throw Self.unknown(id) }
        return entry
    }

    /// Copies the staged item's picture beside it as `<id>--<name>`; nil without one.
    private func storePicture(_ staged: Staged, id: String) throws -> String? {
        guard let image = staged.checked.item?.image, let data = staged.checked.imageData else { return nil }
        let name = "\(id)--\(image.fileName)"
        try FileSystem.writeDurably(data, to: "\(directory)/\(name)")
        return name
    }

    private func remove(_ id: String, picture: String?) throws {
        try FileSystem.remove(recordPath(id))
        try FileSystem.remove(textPath(id))
        if let picture { try? FileSystem.remove("\(directory)/\(picture)") }
        try FileSystem.syncDirectory(directory)
    }

    private func existingRecord(_ id: String) throws -> Record? {
        guard Self.isValidID(id), case .contents(let json)? = try read(recordPath(id)) else { return nil }
        return try Self.decoder().decode(Record.self, from: json)
    }

    private func writeRecord(_ record: Record, id: String) throws {
        try FileSystem.writeDurably(try Self.encoder().encode(record), to: recordPath(id))
    }

    private func read(_ path: String) throws -> FileSystem.ReadResult? {
        guard try FileSystem.info(path) != nil else { return nil }
        return try FileSystem.read(path, maxBytes: 16 << 20)
    }

    private func journal(_ event: PublicationJournal.Entry.Event, item: String, identity: String, channels: [Channel],
                         user: String, comment: String? = nil) throws {
        var entry = PublicationJournal.Entry(time: clock.now(), item: item, event: event, channels: channels, identity: identity, user: user)
        entry.comment = comment
        try PublicationJournal(path: workspace.journalPath).append(entry)
    }

    func recordPath(_ id: String) -> String { "\(directory)/\(id)\(Self.recordSuffix)" }
    func textPath(_ id: String) -> String { "\(directory)/\(id).txt" }

    /// No entry `id` in the review queue.
    public static func unknown(_ id: String) -> DeskRefusal {
        DeskRefusal(.unknown, "Aucune annonce « \(id) » n'attend de validation. « crieur review list » montre les annonces en attente.")
    }

    static func invalid(_ checked: Enqueuer.Checked, source: String?, intro: String) -> DeskRefusal {
        var problems = checked.problems.map { $0.consoleText(source: source) }
        if let details = checked.details, !details.isEmpty { problems.append(details) }
        return DeskRefusal(.invalidItem, intro, problems: problems)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
