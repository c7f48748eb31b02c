import Foundation

/// The HTML of the public pages: plain French, the centre's name, accessible
/// (language, labels, one heading per page, errors announced, contrast), no
/// script, every value escaped (`HTML.escape`).
struct WebPages {
    let config: CrieurConfig

    private var centre: String { HTML.escape(config.organisation.name) }

    /// `head`: more of the page's `<head>` (the staff desk's style and script), placed after the base style;
    /// `banner`: HTML between the centre's name and the title (the desk's navigation).
    func page(status: Int = 200, title: String, content: String, head: String = "", banner: String = "") -> CGIResponse {
        let body = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(HTML.escape(title)) — \(centre)</title>
        <style>
        body { font-family: system-ui, sans-serif; font-size: 1.15rem; line-height: 1.5; max-width: 36rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; background: #fff; }
        h1 { font-size: 1.6rem; } .centre { font-weight: bold; color: #333; }
        label, legend { display: block; font-weight: bold; margin-top: 1rem; }
        input[type=email], input[type=text] { font-size: 1.1rem; width: 100%; min-height: 2.75rem; padding: .4rem; border: 2px solid #555; box-sizing: border-box; }
        .choix { display: flex; align-items: flex-start; gap: .6rem; margin-top: 1rem; }
        .choix input[type=checkbox] { flex: none; width: 1.6rem; height: 1.6rem; margin: .1rem 0 0; }
        .choix label { font-weight: normal; margin: 0; }
        button { font-size: 1.2rem; min-height: 2.75rem; margin-top: 1.2rem; padding: .6rem 1.4rem; background: #0b4f8a; color: #fff; border: none; border-radius: .3rem; cursor: pointer; }
        button:focus, input:focus { outline: 3px solid #f2a900; }
        .erreurs { border-left: 6px solid #b00020; padding: .3rem 1rem; background: #fdecee; }
        .piege { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        </style>
        \(head)
        </head>
        <body>
        <main>
        <p class="centre">\(centre)</p>
        \(banner)
        <h1>\(HTML.escape(title))</h1>
        \(content)
        </main>
        </body>
        </html>

        """
        return CGIResponse(status: status, body: body)
    }

    func message(status: Int = 200, title: String, text: String) -> CGIResponse {
        page(status: status, title: title, content: "<p>\(HTML.escape(text))</p>")
    }

    func subscriptionForm(action: String, problems: [String] = [], email: String = "", name: String = "", chosen: [String] = []) -> CGIResponse {
        var content = ""
        if !problems.isEmpty {
            content += "<div class=\"erreurs\" role=\"alert\"><p>Le formulaire n'est pas encore complet :</p><ul>"
            content += problems.map { "<li>\(HTML.escape($0))</li>" }.joined()
            content += "</ul></div>\n"
        }
        content += "<p>Recevez par e-mail les nouvelles de \(centre). Nous vous envoyons d'abord un e-mail pour confirmer votre adresse.</p>\n"
        content += "<form method=\"post\" action=\"\(HTML.escape(action))\">\n"
        content += "<label for=\"email\">Votre adresse e-mail (obligatoire)</label>\n"
        content += "<input type=\"email\" id=\"email\" name=\"email\" required autocomplete=\"email\" value=\"\(HTML.escape(email))\">\n"
        content += "<label for=\"nom\">Votre nom (si vous le souhaitez)</label>\n"
        content += "<input type=\"text\" id=\"nom\" name=\"nom\" autocomplete=\"name\" maxlength=\"200\" value=\"\(HTML.escape(name))\">\n"
        let lists = config.newsletter.lists
        if lists.count > 1 {
            content += "<fieldset><legend>Les lettres que vous voulez recevoir</legend>\n"
            for (index, list) in lists.enumerated() {
                let checked = chosen.contains(list.name) ? " checked" : ""
                content += "<div class=\"choix\"><input type=\"checkbox\" id=\"liste\(index)\" name=\"liste\" value=\"\(HTML.escape(list.name))\"\(checked)>"
                content += "<label for=\"liste\(index)\">\(HTML.escape(list.title))</label></div>\n"
            }
            content += "</fieldset>\n"
        }
        content += "<div class=\"piege\" aria-hidden=\"true\"><label for=\"\(WebGateway.honeypotField)\">Ne remplissez pas ce champ</label>"
        content += "<input type=\"text\" id=\"\(WebGateway.honeypotField)\" name=\"\(WebGateway.honeypotField)\" tabindex=\"-1\" autocomplete=\"off\"></div>\n"
        content += "<div class=\"choix\"><input type=\"checkbox\" id=\"accord\" name=\"accord\" value=\"oui\" required>"
        content += "<label for=\"accord\">\(HTML.escape(config.web.consentSentence(organisation: config.organisation.name)))</label></div>\n"
        content += "<button type=\"submit\">M'inscrire</button>\n</form>\n"
        return page(status: problems.isEmpty ? 200 : 400, title: "S'inscrire à la lettre d'information", content: content)
    }

    func confirmButton(action: String, token: String) -> CGIResponse {
        page(title: "Confirmer votre inscription", content: """
        <p>Pour confirmer votre inscription à la lettre \(HTML.escape(config.organisation.withDe)), appuyez sur le bouton.</p>
        <form method="post" action="\(HTML.escape(action))">
        <input type="hidden" name="jeton" value="\(HTML.escape(token))">
        <button type="submit">Je confirme mon inscription</button>
        </form>
        <p>Si vous n'avez rien demandé, fermez simplement cette page : vous ne recevrez rien.</p>
        """)
    }

    func unsubscribeButton(action: String, token: String) -> CGIResponse {
        page(title: "Vous désinscrire", content: """
        <p>Pour ne plus recevoir la lettre \(HTML.escape(config.organisation.withDe)), appuyez sur le bouton.</p>
        <form method="post" action="\(HTML.escape(action))">
        <input type="hidden" name="jeton" value="\(HTML.escape(token))">
        <button type="submit">Me désinscrire</button>
        </form>
        """)
    }

    func badToken() -> CGIResponse {
        message(status: 400, title: "Ce lien ne fonctionne pas",
                text: "Ce lien n'est pas (ou plus) valable : il est peut-être incomplet, ancien, ou déjà utilisé. "
                    + "Si vous vouliez vous désinscrire et recevez encore la lettre, répondez simplement à l'un de ses e-mails "
                    + "ou contactez \(config.organisation.name)\(config.organisation.phone.isEmpty ? "" : " au \(config.organisation.phone)").")
    }

    func recorded() -> CGIResponse {
        message(title: "Votre demande est enregistrée",
                text: "Votre demande est enregistrée. Elle sera traitée dans quelques instants. "
                    + "Si vous vous êtes inscrit, un e-mail de confirmation va vous parvenir : ouvrez-le et suivez son lien.")
    }

    private func named(_ lists: [String]) -> String {
        lists.isEmpty ? "la lettre \(config.organisation.withDe)" : lists.map { "« \($0) »" }.joined(separator: ", ")
    }

    func answer(_ reply: WebReply) -> CGIResponse {
        switch reply.outcome {
        case .confirmationSent, .refusedAddress:
            return message(title: "Plus qu'une étape", text: "Merci. Nous venons de vous envoyer un e-mail pour confirmer votre inscription à \(named(reply.lists)). "
                + "Ouvrez-le et suivez son lien : sans cette confirmation, vous ne recevrez rien. Pensez à regarder dans les indésirables.")
        case .confirmed:
            return message(title: "Inscription confirmée", text: "Merci, votre inscription à \(named(reply.lists)) est confirmée. "
                + "Chaque lettre contient un lien pour vous désinscrire quand vous le souhaitez.")
        case .unsubscribed:
            return message(title: "Vous êtes désinscrit", text: "C'est fait : vous ne recevrez plus \(named(reply.lists)).")
        case .unknownToken:
            return badToken()
        case .limited:
            return message(status: 400, title: "Trop de demandes", text: "Nous avons reçu trop de demandes pour cette adresse aujourd'hui. "
                + "Regardez si un e-mail de confirmation vous attend (aussi dans les indésirables), ou réessayez demain.")
        case .recorded:
            return recorded()
        }
    }
}
