import Foundation

/// The public pages behind the commune's web server (`crieur web`, CGI): the
/// subscription form, the confirmation and unsubscribe pages. Runs as the web
/// server's user: it reads the configuration, validates, leaves a `WebRequest`
/// in `web/drop/` and shows the worker's answer if it comes within
/// `web.replyWaitSeconds`, else « votre demande est enregistrée ». It never
/// opens `data/`.
///
/// A GET never changes anything (mail scanners open links): it shows a page
/// with a button. Every POST, refused ones included, leaves a request, so the
/// worker records it. Problems give a French page, never a trace.
public struct WebGateway {
    public enum Page: String, Sendable {
        case subscribe = "inscription"
        case confirm = "confirmation"
        case unsubscribe = "desinscription"
    }

    /// The hidden field bots fill in and people do not see.
    static let honeypotField = "site_web"

    public let config: CrieurConfig
    public let folder: WebDropFolder
    public let clock: any Clock
    public var sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

    public init(workspace: Workspace, config: CrieurConfig, clock: any Clock) {
        self.config = config
        self.folder = WebDropFolder(workspace: workspace)
        self.clock = clock
    }

    var pages: WebPages { WebPages(config: config) }

    public func handle(_ request: CGIRequest) -> CGIResponse {
        let path = request.pathInfo.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let page: Page
        switch path {
        case "", Page.subscribe.rawValue: page = .subscribe
        case Page.confirm.rawValue: page = .confirm
        case Page.unsubscribe.rawValue: page = .unsubscribe
        default: return pages.message(status: 404, title: "Page introuvable", text: "Cette page n'existe pas. Vérifiez l'adresse dans votre navigateur.")
        }
        guard request.method == "GET" || request.method == "HEAD" || request.method == "POST" else {
            var response = pages.message(status: 405, title: "Demande non prise en charge", text: "Cette page s'ouvre dans un navigateur.")
            response.headers.append(("Allow", "GET, HEAD, POST"))
            return response
        }
        let action = request.scriptName + "/" + page.rawValue
        if request.method != "POST" {
            switch page {
            case .subscribe: return pages.subscriptionForm(action: action)
            case .confirm, .unsubscribe:
                guard let token = WebGateway.token(in: request.queryFields) else { return pages.badToken() }
                return page == .confirm ? pages.confirmButton(action: action, token: token) : pages.unsubscribeButton(action: action, token: token)
            }
        }
        do {
            switch page {
            case .subscribe: return try subscribe(request, action: action)
            case .confirm, .unsubscribe: return try tokenAction(request, page: page)
            }
        } catch {
            return pages.message(status: 503, title: "Service momentanément indisponible",
                                 text: "Votre demande n'a pas pu être enregistrée. Réessayez dans quelques minutes ; si cela dure, contactez \(config.organisation.name).")
        }
    }

    /// The page for a body the program will not read (`CONTENT_LENGTH` too large or not a number); the refusal is recorded.
    public func refusedBody(tooLarge: Bool) -> CGIResponse {
        try? folder.drop(WebRequest(kind: .refused, time: clock.now(), reason: tooLarge ? "formulaire trop long" : "longueur de formulaire non valable"))
        return tooLarge
            ? pages.message(status: 413, title: "Formulaire trop long", text: "Le formulaire envoyé est trop long. Revenez à la page précédente et raccourcissez votre nom.")
            : pages.message(status: 400, title: "Demande non comprise", text: "Votre navigateur a envoyé une demande incomplète. Revenez à la page précédente et réessayez.")
    }

    /// A token of the ledger: 48 lower-case hexadecimal digits (`ConsentLedger.newToken`).
    static func token(in fields: [(String, String)]) -> String? {
        guard let value = fields.first(where: { $0.0 == "jeton" })?.1 else { return nil }
        let valid = value.utf8.count == 48 && value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
        return valid ? value : nil
    }

    private func tokenAction(_ request: CGIRequest, page: Page) throws -> CGIResponse {
        guard let token = WebGateway.token(in: request.queryFields) ?? WebGateway.token(in: request.formFields) else {
            try folder.drop(WebRequest(kind: .refused, time: clock.now(), reason: "lien non valable (\(page.rawValue))"))
            return pages.badToken()
        }
        let oneClick = request.formFields.contains { $0.0 == "List-Unsubscribe" && $0.1 == "One-Click" }
        let kind: WebRequest.Kind = page == .confirm ? .confirm : (oneClick ? .oneClickUnsubscribe : .unsubscribe)
        return try dropAndAnswer(WebRequest(kind: kind, time: clock.now(), token: token))
    }

    private func subscribe(_ request: CGIRequest, action: String) throws -> CGIResponse {
        let fields = request.formFields
        func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
        if !field(WebGateway.honeypotField).isEmpty {
            try folder.drop(WebRequest(kind: .refused, time: clock.now(), reason: "champ piège rempli (robot probable)"))
            return pages.recorded()
        }
        var problems: [String] = []
        let rawAddress = field("email").trimmingCharacters(in: .whitespaces)
        var address: EmailAddress?
        do {
            address = try EmailAddress(validating: rawAddress)
        } catch {
            // Quoted short: a form posted from another site must not write a paragraph of its own on the centre's page.
            let shown = rawAddress.count > 80 ? String(rawAddress.prefix(80)) + "…" : rawAddress
            problems.append("L'adresse e-mail « \(shown) » n'est pas valable : vérifiez-la (par exemple prenom.nom@exemple.be).")
        }
        let name: String?
        do {
            name = try ConsentLedger.checkedText(field("nom"), field: "nom", maxLength: 200)
        } catch {
            name = nil
            problems.append(error.description)
        }
        let known = config.newsletter.lists.map(\.name)
        var lists = fields.filter { $0.0 == "liste" }.map(\.1).filter(known.contains)
        if known.count == 1 { lists = known }
        if lists.isEmpty { problems.append("Choisissez au moins une lettre.") }
        if field("accord") != "oui" { problems.append("Cochez la case pour donner votre accord : sans lui, nous ne pouvons pas vous inscrire.") }
        guard problems.isEmpty, let address else {
            try folder.drop(WebRequest(kind: .refused, time: clock.now(), reason: "formulaire incomplet : \(problems.count) problème(s)"))
            return pages.subscriptionForm(action: action, problems: problems, email: rawAddress, name: field("nom"), chosen: lists)
        }
        return try dropAndAnswer(WebRequest(kind: .subscribe, time: clock.now(), address: address.value, name: name, lists: lists,
                                            wording: config.newsletter.consentWording))
    }

    private func dropAndAnswer(_ request: WebRequest) throws -> CGIResponse {
        try folder.drop(request)
        guard let reply = folder.waitForReply(id: request.id, seconds: config.web.replyWaitSeconds, sleep: sleep) else { return pages.recorded() }
        return pages.answer(reply)
    }
}
