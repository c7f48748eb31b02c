import Foundation

/// The worker's side of the staff desk (Postfix's `pickup`, like `WebPickup`):
/// applies each request `crieur bureau` left in `web/bureau/drop/`, after
/// checking the person's role **again, from the configuration** (the pages
/// only show what someone may do; this decides), answers in
/// `web/bureau/replies/<id>.json` (removed after ten minutes), then removes the
/// request and its upload. Asks to run again within two seconds, so that a
/// person waiting on the page gets the answer. Uploads no request named for
/// an hour are removed (`sweepOrphanUploads`).
///
/// What it writes goes through the same paths as the command line: the review
/// queue and `Enqueuer` (`ReviewQueue`), the worker's own withdrawal
/// (`Worker.withdraw`, as `crieur withdraw`). Each step is a journal line with
/// the person. A refusal (no role, not their item, an invalid text) is an
/// answer in French and a log line, nothing else.
///
/// A request that cannot be read is moved to `web/bureau/rejected/` and
/// logged. A crash after the step and before the removal applies the request
/// again: a second submission of the same text is a copy the queue refuses
/// or an unchanged version; approving or sending back an entry already gone
/// is answered « inconnue ».
public final class DeskPickup: PeriodicJob {
    public static let pollSeconds: TimeInterval = 2

    let environment: WorkerEnvironment
    let folder: DeskDropFolder
    let review: ReviewQueue
    var config: CrieurConfig { environment.config }
    var clock: any Clock { environment.clock }

    public init(environment: WorkerEnvironment) {
        self.environment = environment
        self.folder = DeskDropFolder(workspace: environment.workspace)
        self.review = ReviewQueue(workspace: environment.workspace, clock: environment.clock)
    }

    public func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        let replies = try applyPending(stopRequested: stopRequested)
        return PeriodicJobResult(nextWake: clock.now().addingTimeInterval(Self.pollSeconds), changedState: !replies.isEmpty)
    }

    /// Applies every complete request in the drop folder, oldest name first; returns the replies given.
    @discardableResult
    public func applyPending(stopRequested: () -> Bool = { false }) throws -> [String: DeskReply] {
        let logger = environment.logger
        defer { sweepOrphanUploads() }
        return try folder.box.pickUp(DeskRequest.self, now: clock.now(), maxBytes: requestMaxBytes,
                                     stopRequested: stopRequested, setAside: { name in
            logger.error("bureau : demande illisible « \(name) » mise de côté dans web/bureau/rejected/")
        }, handle: { request in
            let reply = try apply(request)
            try folder.reply(reply, to: request.id)
            if let picture = request.picture, Self.isPlainName(picture) { try? FileSystem.remove("\(folder.dropDirectory)/\(picture)") }
            let line = "bureau : demande \(request.kind.rawValue) \(request.id) de « \(request.user) » → \(reply.outcome.rawValue)"
            if reply.outcome == .done {
                logger.info(line + (reply.reviewID.map { " (\($0))" } ?? ""))
            } else {
                logger.error(line + " : \(reply.message)")
            }
            return reply
        })
    }

    /// The largest request file read: an item's text, escaped in JSON (up to six bytes a byte), and the rest.
    var requestMaxBytes: Int { config.queue.maxItemBytes * 6 + 65_536 }

    /// How long an upload may lie in the drop folder with no request naming it.
    public static let orphanUploadSeconds: TimeInterval = 3_600

    /// Removes the uploads left in `web/bureau/drop/` with no request: `crieur bureau` stores the picture, then
    /// drops the request that names it, and a program killed in between (or while it was still writing the
    /// picture under its hidden name) leaves a file nobody will ever ask for. A file is removed when its last
    /// change is more than `orphanUploadSeconds` before the clock's now and no request still in the folder names
    /// it; a picture being written or just stored is younger than that, and kept. Each removal is a log line.
    /// The folder's failures are left for the next pass (this only tidies).
    func sweepOrphanUploads() {
        let drop = folder.dropDirectory
        guard let names = try? FileSystem.names(in: drop) else { return }
        let requests = names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
        var named = Set<String>()
        for name in requests {
            guard case .contents(let data)? = try? FileSystem.read("\(drop)/\(name)", maxBytes: requestMaxBytes),
                  let request = try? DeskDropFolder.decoder().decode(DeskRequest.self, from: data),
                  let picture = request.picture else { continue }
            named.insert(picture)
        }
        let now = clock.now()
        for name in names where !requests.contains(name) && !named.contains(name) && name != ".lock" {
            let path = "\(drop)/\(name)"
            guard let info = try? FileSystem.info(path), info.kind == .regular,
                  now.timeIntervalSince(info.modified) > Self.orphanUploadSeconds else { continue }
            do {
                try FileSystem.remove(path)
                environment.logger.info("bureau : fichier « \(name) » supprimé de web/bureau/drop/ : "
                    + "aucune demande ne l'a nommé depuis plus d'une heure (envoi interrompu)")
            } catch {
                environment.logger.error("bureau : impossible de supprimer le fichier abandonné « \(name) » de web/bureau/drop/ : \(error)")
            }
        }
    }

    /// A file name the server chose: no folder, not hidden, not `..`.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    /// One request, checked and applied. What the person got wrong, or may not do, is the answer; a failure
    /// of the world (`FileSystemError`) is thrown, and the request waits for the next pass.
    func apply(_ request: DeskRequest) throws -> DeskReply {
        let settings = deskSettings()
        let user = request.user
        guard !settings.roles(of: user).isEmpty else {
            return DeskReply(outcome: .refused, message: "Accès refusé : « \(user) » n'a pas de rôle au bureau des annonces. "
                + "Demandez à l'administrateur de vous l'ajouter (réglage desk.users).")
        }
        do {
            switch request.kind {
            case .submit:
                let text = try required(request.text, "le texte de l'annonce")
                let picture = try picturePath(request)
                if let identity = correctedIdentity(text) {
                    let author = try review.author(of: identity) ?? ""
                    guard settings.allows(user, .correct(author: author)) else { throw Self.notYours(identity, verb: "corriger") }
                } else {
                    guard settings.allows(user, .write) else { throw Self.notAllowed("écrire une annonce", role: .redaction) }
                }
                switch try review.send(text: text, picturePath: picture, by: user, config: config) {
                case .waiting(let entry):
                    return DeskReply(outcome: .done, message: "Annonce « \(entry.title) » envoyée pour validation. "
                        + "Elle sera publiée quand une personne chargée de la validation l'aura acceptée.", reviewID: entry.id)
                case .queued(let name, _):
                    return DeskReply(outcome: .done, message: "Annonce déposée dans la file de publication (« \(name) ») : "
                        + "elle paraîtra au prochain passage du service.")
                }
            case .resubmit:
                let id = try required(request.reviewID, "l'annonce à corriger")
                guard let entry = try review.entry(id: id) else { throw ReviewQueue.unknown(id) }
                guard settings.allows(user, .correct(author: entry.author)) else { throw Self.notYours(entry.title, verb: "corriger") }
                try review.resubmit(id: id, text: try required(request.text, "le texte de l'annonce"), picturePath: try picturePath(request),
                                    by: user, config: config)
                return DeskReply(outcome: .done, message: "Nouvelle version de « \(entry.title) » envoyée pour validation.", reviewID: id)
            case .approve:
                guard settings.allows(user, .approve) else { throw Self.notAllowed("valider une annonce", role: .validation) }
                let id = try required(request.reviewID, "l'annonce à valider")
                guard let entry = try review.entry(id: id) else { throw ReviewQueue.unknown(id) }
                try review.approve(id: id, by: user, config: config)
                return DeskReply(outcome: .done, message: "Annonce « \(entry.title) » validée : elle entre dans la file de publication.")
            case .sendBack:
                guard settings.allows(user, .sendBack) else { throw Self.notAllowed("renvoyer une annonce", role: .validation) }
                let id = try required(request.reviewID, "l'annonce à renvoyer")
                guard let entry = try review.entry(id: id) else { throw ReviewQueue.unknown(id) }
                try review.sendBack(id: id, by: user, comment: request.comment ?? "")
                return DeskReply(outcome: .done, message: "Annonce « \(entry.title) » renvoyée à \(entry.author) avec votre commentaire.",
                                 reviewID: id)
            case .withdrawReview:
                // Worker side again: the author of the entry, as its record says, or a validator or admin.
                let id = try required(request.reviewID, "l'annonce à retirer")
                guard let entry = try review.entry(id: id) else { throw ReviewQueue.unknown(id) }
                guard settings.allows(user, .withdraw(author: entry.author)) else { throw Self.notYours(entry.title, verb: "retirer") }
                try review.withdraw(id: id, by: user, reason: request.comment)
                return DeskReply(outcome: .done, message: "Annonce « \(entry.title) » retirée : elle ne sera pas publiée. "
                    + "Son texte reste visible dans « Retirées ».")
            case .withdraw:
                let identity = Slug.make(try required(request.identity, "l'annonce à retirer"), maxLength: ItemParser.maxIDLength)
                let author = try review.author(of: identity) ?? ""
                guard settings.allows(user, .withdraw(author: author)) else { throw Self.notYours(identity, verb: "retirer") }
                try withdraw(identity: identity, reason: request.comment, user: user)
                return DeskReply(outcome: .done, message: "Annonce « \(identity) » retirée de tous ses canaux.")
            }
        } catch let refusal as DeskRefusal {
            return DeskReply(outcome: .refused, message: refusal.message, problems: refusal.problems.isEmpty ? nil : refusal.problems,
                             reviewID: request.reviewID)
        } catch let rejection as ItemRejection {
            return DeskReply(outcome: .refused, message: "Impossible de faire cette demande :",
                             problems: rejection.problems.map { $0.consoleText(source: nil) })
        } catch let error as FileSystemError {
            // The world failed (a full disk): the request stays in the drop folder and is applied at the next pass.
            throw error
        } catch {
            environment.logger.error("bureau : demande \(request.id) interrompue : \(error)")
            return DeskReply(outcome: .refused, message: "Une erreur a empêché d'enregistrer votre demande ; rien n'a changé. "
                + "Réessayez dans quelques minutes, ou prévenez l'administrateur si cela recommence.")
        }
    }

    /// `desk` as the configuration file says now: a role given or taken away counts at once, without
    /// restarting the worker. A file that no longer reads leaves the worker's own reading in force.
    private func deskSettings() -> DeskSettings {
        (try? environment.workspace.loadConfig())?.desk ?? config.desk
    }

    private func required(_ value: String?, _ what: String) throws -> String {
        guard let value, !value.isEmpty else { throw DeskRefusal(.invalidItem, "La demande ne dit pas \(what).") }
        return value
    }

    /// The upload the request names, in the drop folder; nil without one.
    private func picturePath(_ request: DeskRequest) throws -> String? {
        guard let name = request.picture else { return nil }
        guard Self.isPlainName(name), try FileSystem.info("\(folder.dropDirectory)/\(name)")?.kind == .regular else {
            throw DeskRefusal(.invalidItem, "L'image jointe n'a pas été reçue. Joignez-la à nouveau.")
        }
        return "\(folder.dropDirectory)/\(name)"
    }

    /// The identity a text replaces when it names (`Id:`) an item already published or queued; nil for a new item.
    private func correctedIdentity(_ text: String) -> String? {
        let parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        guard let item = try? parser.parse(Data(text.utf8), fileName: "annonce.txt"), let written = item.explicitID else { return nil }
        let identity = Slug.make(written, maxLength: ItemParser.maxIDLength)
        guard let known = try? KnownItems.read(environment.workspace, parser: parser) else { return identity }
        if let latest = known.latest[identity], !latest.isWithdrawn { return identity }
        if known.queued.contains(where: { $0.identity == identity }) { return identity }
        return nil
    }

    /// `crieur withdraw`'s path: a worker of its own, as the command line starts one.
    private func withdraw(identity: String, reason: String?, user: String) throws {
        let environment = self.environment
        let worker = Worker(
            workspace: environment.workspace, config: environment.config,
            publishers: ChannelRegistry.current.modules.map { $0.publisher(environment) },
            listings: Publishers.listings(environment.config), clock: environment.clock, wallClock: environment.clock,
            logger: environment.logger, sleep: { Thread.sleep(forTimeInterval: $0) })
        _ = try worker.start()
        defer { try? worker.stop() }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try worker.withdraw(identity: identity, reason: reason?.isEmpty == false ? reason : nil, user: user, now: clock.now())
    }

    static func notAllowed(_ what: String, role: DeskRole) -> DeskRefusal {
        DeskRefusal(.notAllowed, "Vous ne pouvez pas \(what) : il faut le rôle « \(role.rawValue) ». "
            + "Demandez-le à l'administrateur (réglage desk.users).")
    }

    static func notYours(_ what: String, verb: String) -> DeskRefusal {
        DeskRefusal(.notAllowed, "Vous ne pouvez pas \(verb) « \(what) » : ce n'est pas une annonce que vous avez écrite. "
            + "Demandez à une personne chargée de la validation.")
    }
}
