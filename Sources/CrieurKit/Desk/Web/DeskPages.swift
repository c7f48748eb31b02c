import Foundation

/// The HTML of the staff desk, on the public pages' layout (`WebPages`):
/// plain French, labels on every field, every value escaped, usable on a
/// phone (one column under 50 rem, big buttons). The live check's script is a
/// file of its own (`DeskScript`), so the pages allow no inline script.
struct DeskPages {
    let config: CrieurConfig
    let scriptName: String
    let user: String
    let roles: Set<DeskRole>
    /// The form token for this user, put in every form.
    let token: String
    let calendar: CivilCalendar
    let now: Date

    var layout: WebPages { WebPages(config: config) }

    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
        + "img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func url(_ page: DeskGateway.Page, _ query: [(String, String)] = []) -> String {
        var text = scriptName + "/" + page.rawValue
        if !query.isEmpty {
            text += "?" + query.map { Self.percentEncode($0.0) + "=" + Self.percentEncode($0.1) }.joined(separator: "&")
        }
        return text
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static let style = """
    <style>
    body { max-width: 62rem; }
    nav ul { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
    nav a { font-weight: bold; color: #0b4f8a; }
    .qui { color: #333; }
    h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #0b4f8a; }
    h3 { font-size: 1.1rem; margin-bottom: .2rem; }
    .annonce { border: 1px solid #888; border-radius: .3rem; padding: .5rem 1rem; margin: .8rem 0; }
    .annonce p { margin: .2rem 0; }
    .relecture h2 { margin-top: .5rem; }
    .details { color: #333; }
    .actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
    .actions form { display: inline; margin: 0; }
    .actions button, .actions a.bouton { margin-top: .4rem; }
    a.bouton { display: inline-block; font-size: 1.1rem; padding: .5rem 1.2rem; border: 2px solid #0b4f8a; border-radius: .3rem; color: #0b4f8a; text-decoration: none; font-weight: bold; }
    button.secondaire { background: #fff; color: #0b4f8a; border: 2px solid #0b4f8a; }
    button.danger { background: #8a1c0b; }
    input[type=date], input[type=url], input[type=search], input[type=file], select, textarea { font-size: 1.1rem; width: 100%; padding: .4rem; border: 2px solid #555; box-sizing: border-box; }
    textarea { font-family: inherit; line-height: 1.5; }
    .aide { font-size: 1rem; color: #333; margin: .2rem 0 0; }
    .deux { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
    .corps { display: grid; grid-template-columns: 2fr 1fr; gap: 0 1.5rem; align-items: start; }
    .marques { background: #f3f6f9; border-left: 4px solid #0b4f8a; padding: .3rem 1rem; font-size: 1rem; margin-top: 2.6rem; }
    .marques code { background: #fff; padding: 0 .2rem; }
    .canaux label { font-weight: normal; margin: 0; }
    .canaux div, div.canaux { display: flex; align-items: flex-start; gap: .5rem; margin: .4rem 0; }
    div.canaux { margin-top: 1rem; }
    .canaux input[type=checkbox] { flex: none; width: 1.4rem; height: 1.4rem; margin: .15rem 0 0; }
    .message { border-left: 6px solid #1b6e20; padding: .3rem 1rem; background: #eaf5eb; }
    .verification { border: 2px solid #555; border-radius: .3rem; padding: .3rem 1rem; margin-top: 1rem; }
    .verification .ok, .canal-ok { color: #1b6e20; }
    .verification .ko, .canal-ko { color: #8a1c0b; }
    .apercu { border: 1px solid #888; padding: .5rem 1rem; margin: 1rem 0; overflow-x: auto; }
    .rapport { white-space: pre-wrap; font-family: inherit; background: #f7f7f7; padding: .5rem; }
    .commentaire { border-left: 4px solid #f2a900; padding: .2rem .8rem; background: #fff8e6; }
    .recherche { display: flex; gap: .6rem; align-items: end; }
    .recherche button { margin-top: 0; }
    \(DeskPreview.css)
    @media (max-width: 50rem) {
      .deux, .corps { grid-template-columns: 1fr; }
      .marques { margin-top: 1rem; }
      .relecture button, .relecture a.bouton { width: 100%; min-height: 3.2rem; font-size: 1.3rem; }
      .actions form { display: block; width: 100%; }
      .recherche { flex-direction: column; align-items: stretch; }
    }
    </style>
    """

    var head: String {
        Self.style + "\n<script src=\"\(HTML.escape(url(.script)))\" defer></script>"
    }

    var banner: String {
        var links = [("Les annonces", url(.list)), ("Écrire une annonce", url(.form))]
        if roles.contains(.validation) || roles.contains(.admin) { links.append(("À valider", url(.review))) }
        return "<nav aria-label=\"Bureau\"><ul>" + links.map { "<li><a href=\"\(HTML.escape($0.1))\">\(HTML.escape($0.0))</a></li>" }.joined()
            + "</ul></nav>\n<p class=\"qui\">Connecté : \(HTML.escape(user))</p>"
    }

    func page(status: Int = 200, title: String, content: String) -> CGIResponse {
        var response = layout.page(status: status, title: title, content: content, head: head, banner: banner)
        response.referrerPolicy = "same-origin"
        response.contentSecurityPolicy = Self.contentSecurityPolicy
        return response
    }

    func message(status: Int = 200, title: String, text: String) -> CGIResponse {
        page(status: status, title: title, content: "<p>\(HTML.escape(text))</p>\n<p><a href=\"\(HTML.escape(url(.list)))\">Retour aux annonces</a></p>")
    }

    static func accessDenied(config: CrieurConfig, user: String) -> CGIResponse {
        let who = user.isEmpty ? "Le serveur web ne nous a pas dit qui vous êtes." : "Le nom « \(user) » n'a pas de rôle dans le bureau de Crieur."
        var response = WebPages(config: config).message(status: 403, title: "Accès refusé",
            text: "\(who) Demandez à l'informaticien de la commune de vous ajouter (desk.users dans la configuration).")
        response.referrerPolicy = "same-origin"
        return response
    }

    func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape(value))\">"
    }

    var tokenField: String { hidden(DeskFormToken.field, token) }

    func problemsBlock(_ problems: [String], lead: String) -> String {
        guard !problems.isEmpty else { return "" }
        return "<div class=\"erreurs\" role=\"alert\"><p>\(HTML.escape(lead))</p><ul>"
            + problems.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul></div>\n"
    }

    func channelNames(_ channels: [Channel]) -> String {
        channels.map { ChannelRegistry.current.module($0)?.frenchName ?? $0.id }.joined(separator: ", ")
    }

    func frenchTime(_ date: Date) -> String {
        FrenchDates.moment(calendar.moment(of: date), referenceYear: calendar.civilDate(of: now).year)
    }

    // MARK: the list

    func list(_ board: DeskBoard, search: String, notice: String? = nil) -> CGIResponse {
        let validator = roles.contains(.validation) || roles.contains(.admin)
        var content = ""
        if let notice { content += "<p class=\"message\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        content += "<form method=\"get\" action=\"\(HTML.escape(url(.list)))\" role=\"search\" class=\"recherche\">"
        content += "<div><label for=\"q\">Chercher par titre</label><input type=\"search\" id=\"q\" name=\"q\" value=\"\(HTML.escape(search))\"></div>"
        content += "<button type=\"submit\">Chercher</button></form>\n"
        content += "<p><a class=\"bouton\" href=\"\(HTML.escape(url(.form)))\">Écrire une annonce</a></p>\n"
        if board.inProgress > 0 {
            content += board.inProgress == 1
                ? "<p>1 annonce est en cours de traitement : elle apparaît ici dans quelques instants.</p>\n"
                : "<p>\(board.inProgress) annonces sont en cours de traitement : elles apparaissent ici dans quelques instants.</p>\n"
        }
        let waiting = board.review.filter { $0.state == .waiting }
        let returned = board.review.filter { $0.state == .returned }
        content += section("En attente de validation", waiting.map { reviewCard($0, validator: validator) })
        content += section("Renvoyées à l'auteur", returned.map { reviewCard($0, validator: validator) })
        content += section("Refusées", board.refused.map(refusedCard))
        // Items in review have their own sections above, with author and comments.
        for state in ItemListing.State.allCases where state != .awaitingApproval && state != .sentBack {
            content += section(state.frenchHeading, board.listing.entries.filter { $0.state == state }.map(listedCard))
        }
        content += "<p class=\"aide\">Le nom de la personne qui a écrit une annonce publiée sans validation n'est pas montré ici. "
            + "Le service informatique peut le retrouver dans le journal de Crieur.</p>\n"
        return page(title: "Les annonces", content: content)
    }

    func section(_ heading: String, _ cards: [String]) -> String {
        let body = cards.isEmpty ? "<p>Aucune.</p>" : cards.joined(separator: "\n")
        return "<section><h2>\(HTML.escape(heading)) (\(cards.count))</h2>\n\(body)\n</section>\n"
    }

    func reviewCard(_ entry: ReviewEntry, validator: Bool) -> String {
        var card = "<article class=\"annonce\"><h3>\(HTML.escape(entry.title))</h3>"
        let draft = ItemDraft(text: entry.itemText)
        card += "<p class=\"details\">\(HTML.escape(channelNames(draft.channels))) — par \(HTML.escape(entry.author)), envoyée \(HTML.escape(frenchTime(entry.submitted)))</p>"
        if let last = entry.comments.last {
            card += "<p class=\"commentaire\">Commentaire de \(HTML.escape(last.user)) (\(HTML.escape(frenchTime(last.time)))) : \(HTML.escape(last.text))</p>"
        }
        card += "<div class=\"actions\">"
        if settingsAllow(.correct(author: entry.author)) {
            card += "<a class=\"bouton\" href=\"\(HTML.escape(url(.form, [(DeskForm.Field.reviewID, entry.id)])))\">Corriger</a>"
        }
        if validator && entry.state == .waiting {
            card += "<a class=\"bouton\" href=\"\(HTML.escape(url(.review) + "#r-" + entry.id))\">Voir et valider</a>"
        }
        if settingsAllow(.withdraw(author: entry.author)) {
            card += "<a class=\"bouton\" href=\"\(HTML.escape(url(.withdraw, [(DeskForm.Field.reviewID, entry.id)])))\">Retirer</a>"
        }
        card += "</div></article>"
        return card
    }

    /// The confirmation step of « Retirer » for an entry that waits for approval or was sent back.
    func withdrawConfirmation(_ entry: ReviewEntry) -> CGIResponse {
        var content = "<article class=\"annonce\"><h2>\(HTML.escape(entry.title))</h2>"
        content += "<p class=\"details\">\(HTML.escape(channelNames(entry.channels))) — par \(HTML.escape(entry.author)), "
            + "envoyée \(HTML.escape(frenchTime(entry.submitted))) ; \(HTML.escape(entry.state.frenchName))</p></article>\n"
        content += "<p>Retirer cette annonce l'enlève de la validation : elle ne sera pas publiée. Son texte est gardé et reste "
            + "visible dans « Retirées » ; pour la publier plus tard, il faudra l'écrire à nouveau.</p>\n"
        content += "<form method=\"post\" action=\"\(HTML.escape(url(.withdraw)))\">\(tokenField)\(hidden(DeskForm.Field.reviewID, entry.id))"
        content += "<label for=\"raison\">Raison du retrait (facultatif)</label>"
        content += "<input type=\"text\" id=\"raison\" name=\"raison\" maxlength=\"300\">"
        content += "<div class=\"actions\"><button type=\"submit\" class=\"danger\">Retirer l'annonce</button>"
        content += "<a class=\"bouton\" href=\"\(HTML.escape(url(.list)))\">Ne pas la retirer</a></div></form>\n"
        return page(title: "Retirer une annonce", content: content)
    }

    func refusedCard(_ refused: DeskBoard.Refused) -> String {
        var card = "<article class=\"annonce\"><h3>\(HTML.escape(refused.title.isEmpty ? refused.name : refused.title))</h3>"
        card += "<p class=\"details\">Fichier \(HTML.escape(refused.name)), refusé \(HTML.escape(frenchTime(refused.time)))</p>"
        if !refused.report.isEmpty {
            card += "<details><summary>Pourquoi elle a été refusée</summary><pre class=\"rapport\">\(HTML.escape(refused.report))</pre></details>"
        }
        if settingsAllow(.write) {
            card += "<div class=\"actions\"><a class=\"bouton\" href=\"\(HTML.escape(url(.form, [("refusee", refused.name)])))\">Corriger</a></div>"
        }
        return card + "</article>"
    }

    func listedCard(_ entry: ItemListing.Entry) -> String {
        var card = "<article class=\"annonce\"><h3>\(HTML.escape(entry.title))</h3>"
        var details = [entry.dates, channelNames(entry.channels), "identifiant \(entry.id)"]
        if let version = entry.version, version > 1 { details.append("version \(version)") }
        if let repetition = entry.repetition { details.append(repetition.frenchName) }
        card += "<p class=\"details\">\(HTML.escape(details.filter { !$0.isEmpty }.joined(separator: " ; ")))</p>"
        if let next = entry.nextDates {
            card += "<p>\(entry.state == .scheduled ? "Paraîtra" : "Revient") \(HTML.escape(next))</p>"
        }
        if let by = entry.withdrawnBy {
            card += "<p>Écrite par \(HTML.escape(entry.author ?? "")), retirée par \(HTML.escape(by)) avant sa validation : jamais publiée.</p>"
        }
        if let reason = entry.reason { card += "<p>Raison du retrait : \(HTML.escape(reason))</p>" }
        guard entry.state != .withdrawn else { return card + "</article>" }
        card += "<div class=\"actions\">"
        // The author of a published item is in the journal only: the worker decides for « rédaction ».
        if settingsAllow(.correct(author: user)) {
            card += "<a class=\"bouton\" href=\"\(HTML.escape(url(.form, [(DeskForm.Field.identity, entry.id)])))\">Corriger</a>"
        }
        if entry.state != .expired, settingsAllow(.withdraw(author: user)) {
            card += "<form method=\"post\" action=\"\(HTML.escape(url(.withdraw)))\">\(tokenField)\(hidden(DeskForm.Field.identity, entry.id))"
            card += "<label for=\"raison-\(HTML.escape(entry.id))\">Raison du retrait (facultatif)</label>"
            card += "<input type=\"text\" id=\"raison-\(HTML.escape(entry.id))\" name=\"raison\" maxlength=\"300\">"
            card += "<button type=\"submit\" class=\"danger\">Retirer</button></form>"
        }
        return card + "</div></article>"
    }

    var settings: DeskSettings { config.desk }

    func settingsAllow(_ action: DeskAction) -> Bool { settings.allows(user, action) }

    // MARK: the form

    struct FormState {
        var form: DeskForm
        var problems: [String] = []
        var notice: String?
        var comments: [ReviewEntry.Comment] = []
        /// HTML already escaped: the check or the preview.
        var below: String = ""
        var status = 200
    }

    func form(_ state: FormState) -> CGIResponse {
        let form = state.form
        let draft = form.draft
        var content = ""
        if let notice = state.notice { content += "<p class=\"message\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        content += problemsBlock(state.problems, lead: "L'annonce n'est pas encore prête :")
        for comment in state.comments {
            content += "<p class=\"commentaire\">Commentaire de \(HTML.escape(comment.user)) (\(HTML.escape(frenchTime(comment.time)))) : \(HTML.escape(comment.text))</p>\n"
        }
        content += "<form method=\"post\" id=\"annonce\" enctype=\"multipart/form-data\" action=\"\(HTML.escape(url(.form)))\" "
            + "data-verification=\"\(HTML.escape(url(.check)))\" data-jeton=\"\(HTML.escape(token))\">\n"
        content += tokenField + hidden(DeskForm.Field.original, form.original)
        if let reviewID = form.reviewID { content += hidden(DeskForm.Field.reviewID, reviewID) }
        if let identity = form.identity { content += hidden(DeskForm.Field.identity, identity) }
        if let picture = form.picture { content += hidden(DeskForm.Field.storedPicture, picture) }
        content += "\n"
        content += textField(DeskForm.Field.title, "Titre (obligatoire)", draft.title, required: true, help: "Une ligne, 200 caractères au plus.")
        content += "<fieldset class=\"canaux\"><legend>Où la publier (au moins un canal)</legend>\n"
        for (index, channel) in Channel.allCases.enumerated() {
            let name = ChannelRegistry.current.module(channel)?.frenchName ?? channel.id
            let checked = draft.channels.contains(channel) ? " checked" : ""
            content += "<div><input type=\"checkbox\" id=\"canal\(index)\" name=\"\(DeskForm.Field.channel)\" value=\"\(HTML.escape(channel.id))\"\(checked)>"
            content += "<label for=\"canal\(index)\">\(HTML.escape(name))</label></div>\n"
        }
        content += "</fieldset>\n"
        content += textField(DeskForm.Field.when, "Quand a lieu l'événement", draft.when,
                             help: "Par exemple : « mardi 15 décembre 2026 à 14 h », « du 1er au 5 mars 2027 », « chaque jeudi de 9 h à 11 h ». Laissez vide si ce n'est pas un événement.")
        content += "<div class=\"deux\">"
        content += dateField(DeskForm.Field.publication, "Montrer à partir du", draft.publication, help: "Jour, mois, année (le calendrier s'ouvre au clic). Vide : dès que possible.")
        content += dateField(DeskForm.Field.expires, "Montrer jusqu'au", draft.expires, help: "Jour, mois, année. Vide : jusqu'au jour de l'événement, ou la durée habituelle du canal.")
        content += "</div>\n<div class=\"deux\">"
        content += textField(DeskForm.Field.place, "Lieu", draft.place)
        content += textField(DeskForm.Field.link, "Lien (adresse d'une page web)", draft.link, type: "url", help: "Commence par https:// ou http://.")
        content += "</div>\n"
        content += "<label for=\"image\">Image (PNG ou JPEG, \(settings.pictureMaxBytes / 1_000_000 > 0 ? "\(settings.pictureMaxBytes / 1_000_000) Mo" : "\(settings.pictureMaxBytes / 1_000) ko") au plus)</label>\n"
        content += "<input type=\"file\" id=\"image\" name=\"\(DeskForm.Field.picture)\" accept=\"image/png,image/jpeg\">\n"
        if !draft.image.isEmpty {
            content += "<p class=\"aide\">Une image est déjà jointe. Choisissez-en une autre seulement pour la remplacer.</p>\n"
        }
        content += textField(DeskForm.Field.alternativeText, "Description de l'image (obligatoire avec une image)", draft.alternativeText,
                             help: "Ce que montre l'image, pour les personnes qui ne la voient pas.")
        content += textField(DeskForm.Field.tags, "Mots-clés", draft.tags, help: "Séparés par des virgules ; ils deviennent des mots-dièse sur Facebook.")
        content += "<div class=\"canaux\"><input type=\"checkbox\" id=\"urgent\" name=\"\(DeskForm.Field.urgent)\" value=\"oui\"\(draft.urgent ? " checked" : "")>"
        content += "<label for=\"urgent\">Urgent : la lettre d'information l'envoie tout de suite</label></div>\n"
        content += "<div class=\"corps\"><div><label for=\"corps\">Le texte de l'annonce</label>\n"
        content += "<textarea id=\"corps\" name=\"\(DeskForm.Field.body)\" rows=\"14\" aria-describedby=\"marques\">\(HTML.escape(draft.body))</textarea></div>\n"
        content += """
        <div class="marques" id="marques"><p><strong>Mise en forme possible</strong></p>
        <ul>
        <li>Une ligne vide entre deux paragraphes.</li>
        <li>Une ligne qui commence par <code>- </code> devient une puce.</li>
        <li><code>**mots**</code> : en gras.</li>
        <li><code>[texte](https://…)</code> : un lien ; une adresse <code>https://…</code> seule devient aussi un lien.</li>
        <li>Rien d'autre n'est transformé : le reste s'affiche tel quel.</li>
        </ul></div></div>

        """
        content += "<section id=\"verification-directe\" class=\"verification\" aria-live=\"polite\" hidden><h2>Vérification pendant la frappe</h2><div></div></section>\n"
        content += "<div class=\"actions\">"
        content += "<button type=\"submit\" name=\"\(DeskForm.Field.button)\" value=\"verifier\" class=\"secondaire\">Vérifier</button>"
        content += "<button type=\"submit\" name=\"\(DeskForm.Field.button)\" value=\"apercu\" class=\"secondaire\">Aperçu</button>"
        let sendLabel = form.reviewID != nil ? "Renvoyer corrigée" : (settings.needsApproval(draft.channels) ? "Envoyer pour validation" : "Publier")
        content += "<button type=\"submit\" name=\"\(DeskForm.Field.button)\" value=\"envoyer\">\(HTML.escape(sendLabel))</button>"
        content += "</div>\n</form>\n"
        content += state.below
        let title = form.reviewID != nil || form.identity != nil || !form.original.isEmpty ? "Corriger une annonce" : "Écrire une annonce"
        return page(status: state.status, title: title, content: content)
    }

    func textField(_ name: String, _ label: String, _ value: String, type: String = "text", required: Bool = false, help: String? = nil) -> String {
        var html = "<div><label for=\"\(name)\">\(HTML.escape(label))</label>\n"
        let described = help != nil ? " aria-describedby=\"\(name)-aide\"" : ""
        html += "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(value))\"\(required ? " required" : "")\(described)>\n"
        if let help { html += "<p class=\"aide\" id=\"\(name)-aide\">\(HTML.escape(help))</p>\n" }
        return html + "</div>\n"
    }

    /// A date picker when the value is a plain date (or empty), with the date in French words beside it;
    /// a text field when it holds more (a time, a written date the picker cannot show), so nothing is lost.
    func dateField(_ name: String, _ label: String, _ value: String, help: String) -> String {
        var french = ""
        var pickerValue: String?
        if value.isEmpty {
            pickerValue = ""
        } else if case .success(let moment) = FrenchDateReader.moment(value) {
            french = FrenchDates.moment(moment, referenceYear: nil)
            if moment.time == nil { pickerValue = moment.date.description }
        }
        var html = "<div><label for=\"\(name)\">\(HTML.escape(label))</label>\n"
        if let pickerValue {
            html += "<input type=\"date\" id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(pickerValue))\" aria-describedby=\"\(name)-aide\">\n"
        } else {
            html += "<input type=\"text\" id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(value))\" aria-describedby=\"\(name)-aide\">\n"
        }
        let shown = french.isEmpty ? help : "Soit le \(french). " + help
        return html + "<p class=\"aide\" id=\"\(name)-aide\">\(HTML.escape(shown))</p>\n</div>\n"
    }

    /// The worker's answer to a sent form or action.
    func reply(_ reply: DeskReply) -> String {
        reply.message
    }

    // MARK: previews and review

    func previewSection(_ preview: DeskPreview, heading: String, level: Int = 2) -> String {
        var html = "<section class=\"apercus\"><h\(level)>\(HTML.escape(heading))</h\(level)>\n"
        for part in preview.parts {
            html += "<div class=\"apercu\"><h\(level + 1)>\(HTML.escape(part.frenchName))</h\(level + 1)>\n\(part.html)\n</div>\n"
        }
        return html + "</section>\n"
    }

    func checkSection(_ check: DeskCheck) -> String {
        "<section class=\"verification\" id=\"verification\"><h2>Vérification</h2>\n\(check.html())\n</section>\n"
    }

    func review(_ entries: [(ReviewEntry, DeskPreview)], notice: String? = nil, problems: [String] = []) -> CGIResponse {
        var content = ""
        if let notice { content += "<p class=\"message\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        content += problemsBlock(problems, lead: "Cela n'a pas pu être fait :")
        if entries.isEmpty { content += "<p>Aucune annonce n'attend de validation.</p>\n" }
        for (entry, preview) in entries {
            let anchor = "r-" + entry.id
            let draft = ItemDraft(text: entry.itemText)
            content += "<article class=\"annonce relecture\" id=\"\(HTML.escape(anchor))\"><h2>\(HTML.escape(entry.title))</h2>\n"
            content += "<p class=\"details\">\(draft.urgent ? "<strong>Urgent.</strong> " : "")\(HTML.escape(channelNames(draft.channels))) — par \(HTML.escape(entry.author)), envoyée \(HTML.escape(frenchTime(entry.submitted)))</p>\n"
            for comment in entry.comments {
                content += "<p class=\"commentaire\">Commentaire de \(HTML.escape(comment.user)) : \(HTML.escape(comment.text))</p>\n"
            }
            content += "<div class=\"actions\"><form method=\"post\" action=\"\(HTML.escape(url(.approve)))\">\(tokenField)\(hidden(DeskForm.Field.reviewID, entry.id))"
            content += "<button type=\"submit\" id=\"approuver-\(HTML.escape(entry.id))\">Approuver</button></form></div>\n"
            content += "<form method=\"post\" action=\"\(HTML.escape(url(.sendBack)))\">\(tokenField)\(hidden(DeskForm.Field.reviewID, entry.id))"
            content += "<label for=\"commentaire-\(HTML.escape(entry.id))\">Ce qu'il faut changer (pour l'auteur)</label>"
            content += "<textarea id=\"commentaire-\(HTML.escape(entry.id))\" name=\"commentaire\" rows=\"3\" required></textarea>"
            content += "<div class=\"actions\"><button type=\"submit\" class=\"secondaire\" id=\"renvoyer-\(HTML.escape(entry.id))\">Renvoyer à l'auteur</button></div></form>\n"
            content += "<details open><summary>Aperçus de « \(HTML.escape(entry.title)) »</summary>\n" + previewSection(preview, heading: "Aperçus", level: 3) + "</details>\n"
            content += "</article>\n"
        }
        return page(title: "Annonces à valider", content: content)
    }
}
