import Foundation

/// The staff desk behind the commune's web server and its authentication
/// (`crieur bureau`, CGI): the list of announcements, the form (with the
/// live readability check and the previews), and the review pages. Runs as
/// the web server's user, like the public pages: it reads `config/`,
/// `queue/` and `out/archive/`, never `data/`, never writes into `queue/`;
/// each action becomes a `DeskRequest` in `web/bureau/drop/`, which the
/// worker applies after checking the user's role again, and the page shows
/// the worker's `DeskReply` when it comes within `web.replyWaitSeconds`.
///
/// Who: `REMOTE_USER`, given by the web server; a user with no role in
/// `desk.users` gets « accès refusé ». Every POST must come from this site
/// (`SameOrigin`) and carry the user's form token (`DeskFormToken`); a
/// picture is checked by its content and stored under a server-chosen name
/// (`DeskUpload`). Problems give a French page, never a trace.
public struct DeskGateway {
    public enum Page: String, Sendable, CaseIterable {
        case list = ""
        case form = "annonce"
        case check = "verification"
        case review = "relecture"
        case approve = "approuver"
        case sendBack = "renvoyer"
        case withdraw = "retirer"
        case picture = "image"
        case script = "bureau.js"
    }

    public let workspace: Workspace
    public let config: CrieurConfig
    public let folder: DeskDropFolder
    public let clock: any Clock
    /// Nil when `web/bureau/secret` is missing or unreadable: every POST is then refused.
    public let formToken: DeskFormToken?
    public var sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock, secret: [UInt8]?) {
        self.workspace = workspace
        self.config = config
        self.folder = DeskDropFolder(workspace: workspace)
        self.clock = clock
        self.formToken = secret.map(DeskFormToken.init(secret:))
    }

    /// The most the program reads of a request: a picture, the form's text twice (shown and kept) and some room.
    public static func bodyLimit(_ config: CrieurConfig) -> Int {
        config.desk.pictureMaxBytes + 2 * config.queue.maxItemBytes + 65_536
    }

    func pages(_ request: CGIRequest, now: Date) -> DeskPages {
        let user = request.remoteUser
        return DeskPages(config: config, scriptName: request.scriptName, user: user, roles: config.desk.roles(of: user),
                         token: formToken?.token(user: user, now: now) ?? "", calendar: CivilCalendar(timeZone: config.timeZone), now: now)
    }

    /// Whether the program reads the request's body at all: only a POST of someone with a role. The web
    /// server's login may admit more people than `desk.users`; the others' bodies, a picture included, are
    /// neither read nor spooled to disk, and `handle` answers them without one.
    public func readsBody(of request: CGIRequest) -> Bool {
        request.method == "POST" && !request.remoteUser.isEmpty && !config.desk.roles(of: request.remoteUser).isEmpty
    }

    /// The page for a body the program will not read (`CONTENT_LENGTH` over `bodyLimit` or not a number).
    public func refusedBody(_ request: CGIRequest, tooLarge: Bool) -> CGIResponse {
        let pages = pages(request, now: clock.now())
        guard !pages.roles.isEmpty else { return DeskPages.accessDenied(config: config, user: request.remoteUser) }
        let limit = config.desk.pictureMaxBytes
        return tooLarge
            ? pages.message(status: 413, title: "Envoi trop lourd",
                            text: "Ce que vous avez envoyé est trop lourd (une image de \(limit / 1_000_000 > 0 ? "\(limit / 1_000_000) Mo" : "\(limit / 1_000) ko") au plus). Revenez à la page précédente et choisissez une image plus légère. Rien n'a été enregistré.")
            : pages.message(status: 400, title: "Demande non comprise",
                            text: "Votre navigateur a envoyé une demande incomplète. Revenez à la page précédente et réessayez.")
    }

    public func handle(_ request: CGIRequest) -> CGIResponse {
        let now = clock.now()
        let user = request.remoteUser
        guard !user.isEmpty, !config.desk.roles(of: user).isEmpty else { return DeskPages.accessDenied(config: config, user: user) }
        let pages = pages(request, now: now)
        let path = request.pathInfo.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard let page = Page(rawValue: path) else {
            return pages.message(status: 404, title: "Page introuvable", text: "Cette page du bureau n'existe pas.")
        }
        guard ["GET", "HEAD", "POST"].contains(request.method) else {
            var response = pages.message(status: 405, title: "Demande non prise en charge", text: "Cette page s'ouvre dans un navigateur.")
            response.headers.append(("Allow", "GET, HEAD, POST"))
            return response
        }
        do {
            if request.method != "POST" {
                return try show(page, request, pages: pages, now: now)
            }
            if let refusal = refusal(of: request, pages: pages, now: now) { return refusal }
            return try act(page, request, pages: pages, now: now)
        } catch let refusal as DeskUpload.Refusal {
            return pages.message(status: 400, title: "Image refusée", text: refusal.description + " Rien n'a été enregistré.")
        } catch {
            return pages.message(status: 503, title: "Service momentanément indisponible",
                                 text: "Le bureau n'a pas pu faire ce que vous demandiez. Réessayez dans quelques minutes ; si cela dure, prévenez l'informaticien de la commune.")
        }
    }

    /// Why a POST is refused before anything is read from it: another site, or no valid token.
    func refusal(of request: CGIRequest, pages: DeskPages, now: Date) -> CGIResponse? {
        guard SameOrigin.check(request) else {
            return pages.message(status: 403, title: "Demande refusée",
                                 text: "Cette demande ne vient pas des pages du bureau : elle est refusée. Ouvrez le bureau à son adresse habituelle et recommencez.")
        }
        let fields = request.multipartBoundary == nil ? request.formFields : []
        var token = request.tokenHeader
        if token.isEmpty { token = fields.first { $0.0 == DeskFormToken.field }?.1 ?? "" }
        if token.isEmpty, let boundary = request.multipartBoundary, let form = MultipartForm(body: request.body, boundary: boundary) {
            token = form.fields.first { $0.0 == DeskFormToken.field }?.1 ?? ""
        }
        guard let formToken, formToken.isValid(token, user: request.remoteUser, now: now) else {
            return pages.message(status: 403, title: "Demande refusée",
                                 text: "Le formulaire a expiré ou ne vient pas du bureau. Rechargez la page, puis recommencez : ce que vous aviez écrit n'a pas été envoyé.")
        }
        return nil
    }

    // MARK: GET

    func show(_ page: Page, _ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        let query = request.queryFields
        func field(_ name: String) -> String { query.first { $0.0 == name }?.1 ?? "" }
        switch page {
        case .list:
            let board = try DeskBoard.read(workspace, config: config, now: now, clock: clock)
            return pages.list(board.filtered(by: field("q")), search: field("q"))
        case .form:
            return try openForm(query, pages: pages)
        case .review:
            return try reviewPage(pages: pages, now: now)
        case .script:
            var response = CGIResponse(status: 200, body: DeskScript.source)
            response.contentType = "text/javascript; charset=utf-8"
            response.contentSecurityPolicy = "default-src 'none'"
            return response
        case .picture:
            return try picture(query, pages: pages)
        case .withdraw where !field(DeskForm.Field.reviewID).isEmpty:
            return try withdrawConfirmation(reviewID: field(DeskForm.Field.reviewID), pages: pages)
        case .check, .approve, .sendBack, .withdraw:
            var response = pages.message(status: 405, title: "Demande non prise en charge", text: "Cette page répond aux boutons du bureau seulement.")
            response.headers.append(("Allow", "POST"))
            return response
        }
    }

    /// The form, empty or filled from an existing item: a review entry, a file waiting or published in `queue/`, a refused one.
    func openForm(_ query: [(String, String)], pages: DeskPages) throws -> CGIResponse {
        func field(_ name: String) -> String { query.first { $0.0 == name }?.1 ?? "" }
        let reviewID = field(DeskForm.Field.reviewID), identity = field(DeskForm.Field.identity), refused = field("refusee")
        if !reviewID.isEmpty {
            guard DeskForm.isPlainID(reviewID), let entry = try ReviewQueue(workspace: workspace, clock: clock).entry(id: reviewID) else {
                return pages.message(status: 404, title: "Annonce introuvable", text: "Cette annonce n'attend plus de validation : elle a peut-être déjà été approuvée.")
            }
            guard pages.settingsAllow(.correct(author: entry.author)) else { return notAllowed(pages) }
            let form = DeskForm(draft: ItemDraft(text: entry.itemText), original: entry.itemText, reviewID: entry.id)
            return pages.form(DeskPages.FormState(form: form, comments: entry.comments))
        }
        if !identity.isEmpty {
            guard let text = try publishedText(identity: identity) else {
                return pages.message(status: 404, title: "Annonce introuvable", text: "Le fichier de cette annonce n'est plus dans la file : corrigez-la en l'écrivant à nouveau avec la ligne « Id: \(identity) ».")
            }
            let form = DeskForm(draft: ItemDraft(text: text), original: text, identity: identity)
            return pages.form(DeskPages.FormState(form: form))
        }
        if !refused.isEmpty {
            let rejected = workspace.queue.directory(.rejected)
            guard DeskForm.isPlainID(refused), ((try? FileSystem.names(in: rejected)) ?? []).contains(refused),
                  case .contents(let data)? = try? FileSystem.read("\(rejected)/\(refused)", maxBytes: config.queue.maxItemBytes) else {
                return pages.message(status: 404, title: "Annonce introuvable", text: "Ce fichier refusé n'est plus dans la file.")
            }
            let text = (try? TextDecoding.decode(data, maxBytes: config.queue.maxItemBytes)) ?? String(decoding: data, as: UTF8.self)
            return pages.form(DeskPages.FormState(form: DeskForm(draft: ItemDraft(text: text), original: text)))
        }
        return pages.form(DeskPages.FormState(form: DeskForm(draft: ItemDraft(text: ""))))
    }

    /// The item file of a listed identity: the file `crieur list` names, in `queue/deferred/` or `queue/done/`.
    func publishedText(identity: String) throws -> String? {
        let listing = try ItemListing.read(workspace, parser: ItemParser(maxBytes: config.queue.maxItemBytes), now: clock.now(),
                                           calendar: CivilCalendar(timeZone: config.timeZone))
        guard let entry = listing.entries.first(where: { $0.id == identity }) else { return nil }
        for state in [QueueState.deferred, .done] {
            let directory = workspace.queue.directory(state)
            guard ((try? FileSystem.names(in: directory)) ?? []).contains(entry.file),
                  case .contents(let data)? = try? FileSystem.read("\(directory)/\(entry.file)", maxBytes: config.queue.maxItemBytes) else { continue }
            return (try? TextDecoding.decode(data, maxBytes: config.queue.maxItemBytes)) ?? String(decoding: data, as: UTF8.self)
        }
        return nil
    }

    func reviewPage(pages: DeskPages, now: Date, notice: String? = nil, problems: [String] = []) throws -> CGIResponse {
        guard pages.settingsAllow(.approve) || pages.settingsAllow(.sendBack) else { return notAllowed(pages) }
        let entries = try ReviewQueue(workspace: workspace, clock: clock).entries().filter { $0.state == .waiting }
        let shown = entries.map { entry in
            (entry, DeskPreview.render(text: entry.itemText, config: config, now: now,
                               pictureURL: entry.picture.map { _ in pages.url(.picture, [(DeskForm.Field.reviewID, entry.id)]) }, workspace: workspace))
        }
        return pages.review(shown, notice: notice, problems: problems)
    }

    /// « Retirer » an entry waiting for approval or sent back: a page that says what will happen and has the
    /// button (a form posted to the same page), so the step asks for a confirmation without any script.
    /// Shows only; the POST does it, and the worker decides.
    func withdrawConfirmation(reviewID: String, pages: DeskPages) throws -> CGIResponse {
        guard DeskForm.isPlainID(reviewID), let entry = try ReviewQueue(workspace: workspace, clock: clock).entry(id: reviewID) else {
            return pages.message(status: 404, title: "Annonce introuvable",
                                 text: "Cette annonce n'attend plus de validation : elle a peut-être déjà été approuvée ou retirée.")
        }
        guard pages.settingsAllow(.withdraw(author: entry.author)) else { return notAllowed(pages) }
        return pages.withdrawConfirmation(entry)
    }

    /// A picture for the previews: one waiting for review, or one this desk stored; never a name typed.
    func picture(_ query: [(String, String)], pages: DeskPages) throws -> CGIResponse {
        func field(_ name: String) -> String { query.first { $0.0 == name }?.1 ?? "" }
        var path: String?
        let reviewID = field(DeskForm.Field.reviewID), stored = field(DeskForm.Field.storedPicture)
        let review = ReviewQueue(workspace: workspace, clock: clock)
        if DeskForm.isPlainID(reviewID), let entry = try review.entry(id: reviewID) {
            path = review.picturePath(of: entry)
        } else if DeskUpload.isStoredName(stored) {
            path = "\(folder.uploadDirectory)/\(stored)"
        }
        guard let path, case .contents(let data)? = try? FileSystem.read(path, maxBytes: config.desk.pictureMaxBytes),
              let type = DeskUpload.pictureExtension(data) else {
            return pages.message(status: 404, title: "Image introuvable", text: "Cette image n'est plus disponible.")
        }
        // The body of a CGIResponse is text; a picture goes out as bytes through `binary`.
        var response = CGIResponse(status: 200, body: "")
        response.contentType = type == "png" ? "image/png" : "image/jpeg"
        response.contentSecurityPolicy = "default-src 'none'"
        response.binary = data
        return response
    }

    func notAllowed(_ pages: DeskPages) -> CGIResponse {
        pages.message(status: 403, title: "Action non permise",
                      text: "Votre rôle ne permet pas cette action. Demandez à une personne qui valide les annonces, ou à l'informaticien de la commune.")
    }

    // MARK: POST

    func act(_ page: Page, _ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        switch page {
        case .form: return try submitForm(request, pages: pages, now: now)
        case .check: return try liveCheck(request, now: now)
        case .approve, .sendBack: return try decide(page, request, pages: pages, now: now)
        case .withdraw: return try withdraw(request, pages: pages, now: now)
        case .list, .review, .picture, .script:
            var response = pages.message(status: 405, title: "Demande non prise en charge", text: "Cette page ne reçoit pas de formulaire.")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
    }

    /// The form's fields, and the picture stored if one came with them (checked before anything is written).
    func readForm(_ request: CGIRequest) throws -> DeskForm {
        guard let boundary = request.multipartBoundary else { return DeskForm.read(request.formFields) }
        guard let multipart = MultipartForm(body: request.body, boundary: boundary) else { return DeskForm.read([]) }
        var stored: String?
        if let file = multipart.file(DeskForm.Field.picture), !file.data.isEmpty {
            try FileSystem.makeDirectory(folder.uploadDirectory)
            stored = try DeskUpload.store(file.data, in: folder.uploadDirectory, maxBytes: config.desk.pictureMaxBytes)
        }
        return DeskForm.read(multipart.fields, storedPicture: stored)
    }

    func liveCheck(_ request: CGIRequest, now: Date) throws -> CGIResponse {
        let form = DeskForm.read(request.multipartBoundary == nil ? request.formFields
                                 : MultipartForm(body: request.body, boundary: request.multipartBoundary!)?.fields ?? [])
        let check = DeskCheck.run(text: form.itemText(), config: config, now: now)
        var response = CGIResponse(status: 200, body: String(decoding: check.json(), as: UTF8.self))
        response.contentType = "application/json; charset=utf-8"
        response.contentSecurityPolicy = "default-src 'none'"
        return response
    }

    func submitForm(_ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        let button = (request.multipartBoundary.flatMap { MultipartForm(body: request.body, boundary: $0)?.fields } ?? request.formFields)
            .first { $0.0 == DeskForm.Field.button }?.1 ?? "envoyer"
        let form = try readForm(request)
        let text = form.itemText()
        let pictureURL = form.picture.map { pages.url(.picture, [(DeskForm.Field.storedPicture, $0)]) }
        var state = DeskPages.FormState(form: form)
        if let reviewID = form.reviewID, let entry = try ReviewQueue(workspace: workspace, clock: clock).entry(id: reviewID) {
            state.comments = entry.comments
        }
        switch button {
        case "verifier":
            state.below = pages.checkSection(DeskCheck.run(text: text, config: config, now: now))
            return pages.form(state)
        case "apercu":
            let check = DeskCheck.run(text: text, config: config, now: now)
            state.problems = check.problems
            state.below = pages.previewSection(DeskPreview.render(text: text, config: config, now: now, pictureURL: pictureURL, workspace: workspace), heading: "Aperçu sur chaque canal")
            return pages.form(state)
        default:
            break
        }
        let author = try form.reviewID.flatMap { try ReviewQueue(workspace: workspace, clock: clock).entry(id: $0) }?.author
        let action: DeskAction = form.reviewID != nil || form.identity != nil ? .correct(author: author ?? request.remoteUser) : .write
        guard pages.settingsAllow(action) else { return notAllowed(pages) }
        let deskRequest = DeskRequest(id: SecureRandom.hex(bytes: 16), time: now, user: request.remoteUser,
                                      kind: form.reviewID != nil ? .resubmit : .submit, reviewID: form.reviewID, identity: nil,
                                      text: text, picture: form.picture, comment: nil)
        try folder.drop(deskRequest)
        guard let reply = waitForReply(deskRequest.id) else {
            return pages.message(title: "Annonce envoyée",
                                 text: "Votre annonce est déposée. Elle apparaîtra dans la liste dans quelques instants ; si elle est refusée, la liste dira pourquoi.")
        }
        if reply.outcome == .refused {
            state.problems = reply.problems ?? []
            state.notice = reply.message
            state.status = 400
            return pages.form(state)
        }
        let board = try DeskBoard.read(workspace, config: config, now: now, clock: clock)
        return pages.list(board, search: "", notice: reply.message)
    }

    func decide(_ page: Page, _ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        let fields = request.formFields
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
        let reviewID = field(DeskForm.Field.reviewID)
        guard pages.settingsAllow(page == .approve ? .approve : .sendBack) else { return notAllowed(pages) }
        guard DeskForm.isPlainID(reviewID) else {
            return pages.message(status: 400, title: "Demande non comprise", text: "Cette annonce n'est pas reconnue.")
        }
        let comment = field("commentaire").trimmingCharacters(in: .whitespacesAndNewlines)
        if page == .sendBack && comment.isEmpty {
            return try reviewPage(pages: pages, now: now, problems: ["Écrivez à l'auteur ce qu'il faut changer avant de lui renvoyer l'annonce."])
        }
        let deskRequest = DeskRequest(id: SecureRandom.hex(bytes: 16), time: now, user: request.remoteUser,
                                      kind: page == .approve ? .approve : .sendBack, reviewID: reviewID, identity: nil,
                                      text: nil, picture: nil, comment: page == .sendBack ? comment : nil)
        try folder.drop(deskRequest)
        guard let reply = waitForReply(deskRequest.id) else {
            return try reviewPage(pages: pages, now: now, notice: "Votre décision est enregistrée ; elle sera appliquée dans quelques instants.")
        }
        return try reviewPage(pages: pages, now: now, notice: reply.outcome == .done ? reply.message : nil,
                              problems: reply.outcome == .refused ? [reply.message] + (reply.problems ?? []) : [])
    }

    func withdraw(_ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        let fields = request.formFields
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
        let reason = DeskForm.oneLine(field("raison"))
        let reviewID = field(DeskForm.Field.reviewID)
        if !reviewID.isEmpty { return try withdrawReview(reviewID, reason: reason, request, pages: pages, now: now) }
        let identity = DeskForm.oneLine(field(DeskForm.Field.identity))
        guard !identity.isEmpty else { return pages.message(status: 400, title: "Demande non comprise", text: "Cette annonce n'est pas reconnue.") }
        guard pages.settingsAllow(.withdraw(author: request.remoteUser)) else { return notAllowed(pages) }
        return try askWithdrawal(.withdraw, reviewID: nil, identity: identity, reason: reason, request, pages: pages, now: now).response
    }

    /// The confirmation page's POST: an entry of the review queue, withdrawn by the worker if the person may.
    func withdrawReview(_ reviewID: String, reason: String, _ request: CGIRequest, pages: DeskPages, now: Date) throws -> CGIResponse {
        guard DeskForm.isPlainID(reviewID) else {
            return pages.message(status: 400, title: "Demande non comprise", text: "Cette annonce n'est pas reconnue.")
        }
        // The page's own early answer; the worker checks again with the entry's author as its record says.
        let author = try ReviewQueue(workspace: workspace, clock: clock).entry(id: reviewID)?.author ?? request.remoteUser
        guard pages.settingsAllow(.withdraw(author: author)) else { return notAllowed(pages) }
        var (response, reply) = try askWithdrawal(.withdrawReview, reviewID: reviewID, identity: nil, reason: reason, request, pages: pages, now: now)
        if reply?.outcome == .refused { response.status = 403 }
        return response
    }

    /// Drops a withdrawal for the worker, waits for its answer, and shows the list with it (or with « demandé »).
    private func askWithdrawal(_ kind: DeskRequest.Kind, reviewID: String?, identity: String?, reason: String, _ request: CGIRequest,
                               pages: DeskPages, now: Date) throws -> (response: CGIResponse, reply: DeskReply?) {
        let deskRequest = DeskRequest(id: SecureRandom.hex(bytes: 16), time: now, user: request.remoteUser, kind: kind,
                                      reviewID: reviewID, identity: identity, text: nil, picture: nil, comment: reason.isEmpty ? nil : reason)
        try folder.drop(deskRequest)
        let reply = waitForReply(deskRequest.id)
        let board = try DeskBoard.read(workspace, config: config, now: now, clock: clock)
        return (pages.list(board, search: "", notice: reply?.message ?? "Le retrait est demandé ; il sera fait dans quelques instants."), reply)
    }

    func waitForReply(_ id: String) -> DeskReply? {
        let tries = config.web.replyWaitSeconds * 10
        for attempt in 0...tries {
            if let reply = folder.reply(for: id) { return reply }
            if attempt < tries { sleep(0.1) }
        }
        return nil
    }
}
