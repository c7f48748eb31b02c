import Foundation

/// Checking each field's value and assembling the `Item`; shared by plain-text
/// and JSON items so both follow the same rules.
extension ItemParser {
    /// The item, or nil after appending at least one problem. A nil `bodyText`
    /// means the body is missing and the caller has said so; `refusedKeys` were
    /// present but already refused, so they are not reported missing as well.
    static func buildItem(
        fields: [HeaderField], bodyText: String?, bodyFirstLine: Int, emptyBodyLine: Int?, missingFieldLine: Int?,
        format: SourceFormat, refusedKeys: Set<HeaderKey> = [], problems: inout [ItemProblem]
    ) -> Item? {
        let countBefore = problems.count
        var byKey: [HeaderKey: HeaderField] = [:]
        for field in fields where byKey[field.key] == nil { byKey[field.key] = field }

        var title: String?
        if let field = byKey[.title] {
            title = readTitle(field, problems: &problems)
        } else if !refusedKeys.contains(.title) {
            problems.append(missingTitle(line: missingFieldLine, format: format))
        }
        var channels: [Channel]?
        if let field = byKey[.channels] {
            channels = readChannels(field, problems: &problems)
        } else if !refusedKeys.contains(.channels) {
            problems.append(missingChannels(line: missingFieldLine, format: format))
        }
        let publication = byKey[.publication].flatMap { readMoment($0, problems: &problems) }
        let expires = byKey[.expires].flatMap { readMoment($0, problems: &problems) }
        if let publication, let expires, let field = byKey[.expires], endsBeforeStart(expires, publication) {
            problems.append(ItemProblem(
                line: field.line,
                message: "La date de fin \(quote(field.value)) est avant la date de publication \(quote(byKey[.publication]?.value ?? "")).",
                fix: "Corrigez « Fin » : c'est le dernier jour où l'annonce est montrée, il vient après la publication."
            ))
        }
        let when = byKey[.when].flatMap { readWhen($0, problems: &problems) }
        if let publication, let lastDay = when?.lastDay, lastDay < publication.date, let field = byKey[.publication] {
            problems.append(ItemProblem(
                line: field.line,
                message: "La date de publication \(quote(field.value)) vient après la fin de l'événement "
                    + "(« Quand » : \(FrenchDates.date(lastDay, referenceYear: nil))) : personne ne verrait l'annonce à temps.",
                fix: "Corrigez « Publication » (le premier jour où l'annonce est montrée, avant l'événement) ou « Quand »."
            ))
        }
        let urgent = byKey[.urgent].flatMap { readUrgent($0, problems: &problems) } ?? false
        let link = byKey[.link].flatMap { readLink($0, problems: &problems) }
        let place = byKey[.place].flatMap { readNonEmpty($0, problems: &problems) }
        let image = readImage(byKey[.image], alternativeText: byKey[.alternativeText], problems: &problems)
        let tags = byKey[.tags].map { readTags($0.value) } ?? []
        let override = byKey[.override].flatMap { readOverride($0, problems: &problems) }
        let lifecycle = readLifecycle(byKey, publication: publication, problems: &problems)

        if let bodyText, bodyText.allSatisfy(\.isWhitespace) {
            problems.append(ItemProblem(
                line: emptyBodyLine,
                message: "Le texte de l'annonce est vide.",
                fix: format == .json
                    ? "Écrivez le texte de l'annonce dans « body », par exemple \"body\": \"Le CPAS est fermé lundi.\"."
                    : "Écrivez le texte de l'annonce sous la ligne « --- »."
            ))
        }
        guard problems.count == countBefore, let title, let channels, let bodyText else { return nil }
        return Item(
            title: title, channels: channels, publication: publication, expires: expires, urgent: urgent,
            link: link, place: place, image: image, tags: tags, override: override,
            body: BodyParser.parse(bodyText), bodyText: bodyText, bodyFirstLine: bodyFirstLine,
            titleLine: byKey[.title]?.line ?? 1, when: when, explicitID: lifecycle.id, status: lifecycle.status,
            statusReason: lifecycle.reason, repetition: lifecycle.repetition, repeatUntil: lifecycle.until,
            screenText: lifecycle.screenText
        )
    }

    static let maxTitleLength = 200

    private static func readTitle(_ field: HeaderField, problems: inout [ItemProblem]) -> String? {
        if field.value.isEmpty {
            problems.append(ItemProblem(
                line: field.line, message: "Le titre est vide.",
                fix: "Écrivez un titre court, par exemple « Titre: Repair café le samedi 5 décembre »."
            ))
            return nil
        }
        if field.value.count > maxTitleLength {
            problems.append(ItemProblem(
                line: field.line,
                message: "Le titre est trop long : \(field.value.count) caractères, pour \(maxTitleLength) au maximum.",
                fix: "Raccourcissez le titre et mettez les détails dans le texte de l'annonce."
            ))
            return nil
        }
        return field.value
    }

    static func missingTitle(line: Int?, format: SourceFormat) -> ItemProblem {
        ItemProblem(
            line: line,
            message: "Il manque le titre de l'annonce.",
            fix: format == .json
                ? "Ajoutez \"title\": \"…\" avec un titre court, par exemple \"title\": \"Repair café le samedi 5 décembre\"."
                : "Ajoutez en haut du fichier une ligne « Titre: » suivie d'un titre court, "
                    + "par exemple « Titre: Repair café le samedi 5 décembre »."
        )
    }

    static func missingChannels(line: Int?, format: SourceFormat) -> ItemProblem {
        ItemProblem(
            line: line,
            message: "Il manque les canaux où publier l'annonce.",
            fix: format == .json
                ? "Ajoutez \"channels\" avec un ou plusieurs canaux parmi \(channelList), par exemple \"channels\": [\"newsletter\", \"facebook\"]."
                : "Ajoutez en haut du fichier une ligne « Canaux: » avec un ou plusieurs canaux parmi \(channelList), "
                    + "par exemple « Canaux: newsletter, facebook »."
        )
    }

    private static var channelList: String {
        Channel.allCases.map(\.rawValue).joined(separator: ", ")
    }

    private static func readChannels(_ field: HeaderField, problems: inout [ItemProblem]) -> [Channel]? {
        let separators = CharacterSet(charactersIn: ",;").union(.whitespaces)
        // « lettre d'information » is one channel in two words.
        let value = ["d'information", "d’information"].reduce(field.value) {
            $0.replacingOccurrences(of: $1, with: "", options: [.caseInsensitive, .diacriticInsensitive])
        }
        let names = value.components(separatedBy: separators).filter { !$0.isEmpty }
        if names.isEmpty {
            problems.append(ItemProblem(
                line: field.line, message: "Aucun canal n'est indiqué.",
                fix: "Écrivez un ou plusieurs canaux parmi \(channelList), par exemple « Canaux: newsletter, facebook »."
            ))
            return nil
        }
        var channels: [Channel] = []
        var allKnown = true
        for name in names {
            guard let channel = Channel(named: name) else {
                allKnown = false
                problems.append(unknownChannel(name, line: field.line))
                continue
            }
            if !channels.contains(channel) { channels.append(channel) }
        }
        return allKnown ? channels : nil
    }

    private static func unknownChannel(_ name: String, line: Int?) -> ItemProblem {
        let aliases = Channel.aliases.keys.sorted()
        let choose = "Les canaux possibles sont : \(channelList)."
        if let missing = Channel.notYet[NameFolding.fold(name)] {
            return ItemProblem(
                line: line,
                message: "Le canal \(quote(name)) (\(missing.frenchName)) n'existe pas encore dans Crieur.",
                fix: "Retirez-le de la ligne « Canaux ». Pour une annonce imprimée, choisissez « \(missing.instead.rawValue) » "
                    + "(\(missing.instead.frenchName)). \(choose)"
            )
        }
        let fix: String
        if let close = EditDistance.closest(to: NameFolding.fold(name), among: aliases), let channel = Channel.aliases[close] {
            fix = "Vouliez-vous dire « \(channel.rawValue) » ? \(choose)"
        } else {
            fix = "Choisissez parmi : \(channelList)."
        }
        return ItemProblem(line: line, message: "Le canal \(quote(name)) n'existe pas.", fix: fix)
    }

    /// A date-only end covers its whole day, so it only ends too early on an earlier day.
    private static func endsBeforeStart(_ end: ItemMoment, _ start: ItemMoment) -> Bool {
        if end.date != start.date { return end.date < start.date }
        guard let endTime = end.time, let startTime = start.time else { return false }
        return endTime < startTime
    }

    private static func readUrgent(_ field: HeaderField, problems: inout [ItemProblem]) -> Bool? {
        switch NameFolding.fold(field.value) {
        case "oui", "yes", "true": return true
        case "non", "no", "false": return false
        default:
            problems.append(ItemProblem(
                line: field.line, message: "\(quote(field.value)) n'est pas une réponse comprise pour « Urgent ».",
                fix: "Écrivez « Urgent: oui » ou « Urgent: non », ou supprimez la ligne (une annonce n'est pas urgente par défaut)."
            ))
            return nil
        }
    }

    static func readLink(_ field: HeaderField, problems: inout [ItemProblem]) -> String? {
        let value = field.value
        func refuse(_ message: String, _ fix: String) -> String? {
            problems.append(ItemProblem(line: field.line, message: message, fix: fix))
            return nil
        }
        if value.isEmpty {
            return refuse("Le lien est vide.", "Écrivez une adresse web complète, comme https://www.cpas-exemple.be, ou supprimez la ligne.")
        }
        if value.contains(where: \.isWhitespace) {
            return refuse(
                "Le lien \(quote(value)) contient des espaces : il ne faut qu'une seule adresse, sans espace.",
                "Gardez une seule adresse sur la ligne du lien et mettez les autres dans le texte de l'annonce."
            )
        }
        if let odd = value.first(where: { "<>\"{}|\\^`".contains($0) }) {
            return refuse(
                "Le lien \(quote(value)) contient le caractère « \(odd) », qui ne peut pas être dans une adresse web.",
                "Copiez l'adresse depuis la barre d'adresse du navigateur, par exemple https://www.cpas-exemple.be/chauffage."
            )
        }
        let lowered = value.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            if !value.contains(":"), value.contains(".") {
                return refuse(
                    "L'adresse \(quote(value)) n'est pas complète.",
                    "Écrivez-la avec https:// devant : https://\(value)"
                )
            }
            return refuse(
                "Le lien \(quote(value)) doit être une adresse web qui commence par http:// ou https://.",
                "Copiez l'adresse depuis la barre d'adresse du navigateur : elle commence par https://."
            )
        }
        guard let host = URLComponents(string: value)?.host, !host.isEmpty else {
            return refuse(
                "Le lien \(quote(value)) n'est pas une adresse web valide.",
                "Copiez l'adresse depuis la barre d'adresse du navigateur, par exemple https://www.cpas-exemple.be/chauffage."
            )
        }
        return value
    }

    static func readNonEmpty(_ field: HeaderField, problems: inout [ItemProblem]) -> String? {
        guard field.value.isEmpty else { return field.value }
        problems.append(ItemProblem(
            line: field.line, message: "La ligne « \(field.key.frenchName) » est vide.",
            fix: "Complétez-la ou supprimez-la."
        ))
        return nil
    }

    private static func readImage(
        _ image: HeaderField?, alternativeText: HeaderField?, problems: inout [ItemProblem]
    ) -> ItemImage? {
        guard let image else {
            if let alternativeText {
                problems.append(ItemProblem(
                    line: alternativeText.line, message: "Il y a un texte alternatif, mais pas d'image.",
                    fix: "Ajoutez une ligne « Image: » avec le nom du fichier de l'image, ou supprimez la ligne « Texte alternatif: »."
                ))
            }
            return nil
        }
        var fileName: String? = image.value
        let name = image.value
        if name.isEmpty {
            fileName = readNonEmpty(image, problems: &problems)
        } else if name.contains("/") || name.contains("\\") {
            problems.append(ItemProblem(
                line: image.line, message: "L'image \(quote(name)) doit être seulement un nom de fichier, sans dossier.",
                fix: "Placez l'image à côté de l'annonce et écrivez seulement son nom, par exemple « Image: affiche.jpg »."
            ))
            fileName = nil
        } else if name.hasPrefix(".") {
            problems.append(ItemProblem(
                line: image.line, message: "Le nom d'image \(quote(name)) ne peut pas commencer par un point.",
                fix: "Renommez l'image sans point au début, par exemple affiche.jpg, et écrivez ce nom après « Image: »."
            ))
            fileName = nil
        }
        guard let alternativeText, !alternativeText.value.isEmpty else {
            problems.append(ItemProblem(
                line: alternativeText?.line ?? image.line, message: "L'image n'a pas de texte alternatif.",
                fix: "Les personnes aveugles ou malvoyantes ne voient pas l'image : leur lecteur d'écran lit ce texte à leur place. "
                    + "Ajoutez une ligne « Texte alternatif: » qui décrit l'image en une phrase, "
                    + "par exemple « Texte alternatif: Des bénévoles réparent un grille-pain »."
            ))
            return nil
        }
        return fileName.map { ItemImage(fileName: $0, alternativeText: alternativeText.value) }
    }

    /// Tags as staff think of them: « #chauffage, hiver » gives chauffage and hiver.
    static func readTags(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { raw in
            let tag = raw.trimmingCharacters(in: .whitespaces).drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return tag.isEmpty ? nil : tag
        }
    }

    private static func readOverride(_ field: HeaderField, problems: inout [ItemProblem]) -> String? {
        guard field.value.isEmpty else { return field.value }
        problems.append(ItemProblem(
            line: field.line, message: "La dérogation ne donne pas de raison.",
            fix: "Expliquez en quelques mots pourquoi l'annonce doit être publiée malgré les remarques de lisibilité, "
                + "ou supprimez la ligne « Dérogation: »."
        ))
        return nil
    }
}
