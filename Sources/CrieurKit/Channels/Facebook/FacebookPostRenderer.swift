import Foundation

/// Turns a validated announcement into a Facebook post: plain text to paste
/// (hook, body, where and « Quand » from the event, link, hashtags) and notes for the staff
/// member who publishes it (when, image and alternative text, warnings).
///
/// Pure: it takes the item and the day of rendering and touches nothing.
/// Item text is copied literally, never interpreted (`<b>` stays `<b>`).
/// A post longer than `settings.warnAboveCharacters` gets a warning; longer than
/// `settings.refuseAboveCharacters` it throws `ItemRejection` with a French
/// problem saying how much to cut. Choosing which items go to Facebook is the
/// caller's job: the renderer does not look at `item.channels`.
public struct FacebookPostRenderer: Sendable {
    public var settings: FacebookSettings

    public init(settings: FacebookSettings = FacebookSettings()) {
        self.settings = settings
    }

    /// `previous`: the published version this one corrects, if any (its post must be edited on Facebook).
    public func render(_ item: Item, today: CivilDate, replacing previous: PublishedItem? = nil) throws(ItemRejection) -> FacebookPost {
        let suggestedDate = max(item.publication?.date ?? today, today)
        let text = postText(item, suggestedDate: suggestedDate)
        let length = text.count
        if length > settings.refuseAboveCharacters {
            throw ItemRejection([tooLong(length)])
        }
        var warnings: [String] = []
        if length > settings.warnAboveCharacters {
            warnings.append(
                "Le message compte \(Self.frenchNumber(length)) caractères. Au-delà de "
                    + "\(Self.frenchNumber(settings.warnAboveCharacters)), beaucoup de personnes ne le lisent pas "
                    + "jusqu'au bout : raccourcissez-le si vous le pouvez."
            )
        }
        if let expires = item.expires, expires.date < suggestedDate {
            warnings.append(
                "La date de fin de l'annonce (\(FrenchDates.date(expires.date, referenceYear: nil))) est déjà passée : "
                    + "vérifiez que ce message est encore utile avant de le publier."
            )
        }
        return FacebookPost(
            text: text,
            staffNotes: staffNotes(item, suggestedDate: suggestedDate, warnings: warnings, replacing: previous),
            suggestedDate: suggestedDate,
            slug: Slug.make(item.title),
            warnings: warnings,
            imageFileName: item.image.map {
                FacebookPost.imageFileName(suggestedDate: suggestedDate, slug: Slug.make(item.title), original: $0.fileName)
            }
        )
    }

    /// Blocks separated by a blank line: hook, body, practical lines, hashtags.
    private func postText(_ item: Item, suggestedDate: CivilDate) -> String {
        var practical: [String] = []
        if let place = item.place?.trimmed, !place.isEmpty {
            practical.append("Où : \(place)")
        }
        if let when = item.when {
            practical.append("Quand : \(when.french(referenceYear: suggestedDate.year))")
        }
        if let link = item.link?.trimmed, !link.isEmpty {
            practical.append("Plus d'infos : \(link)")
        }
        let blocks = [
            item.title.trimmed,
            BodyPlainText.render(item.body),
            practical.joined(separator: "\n"),
            Hashtag.make(fromTags: item.tags).joined(separator: " "),
        ]
        return blocks.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private func staffNotes(_ item: Item, suggestedDate: CivilDate, warnings: [String], replacing previous: PublishedItem?) -> [String] {
        var notes: [String] = []
        if let previous {
            notes.append(FacebookPostFile.correctedMark + " : ce texte remplace celui publié "
                + FrenchDates.date(previous.published.date, referenceYear: nil)
                + ". Modifiez la publication déjà faite (« Modifier la publication ») au lieu d'en faire une nouvelle.")
        }
        var when = "À publier " + FrenchDates.date(suggestedDate, referenceYear: nil)
        if let publication = item.publication, publication.date == suggestedDate, let time = publication.time {
            when += " à partir de " + FrenchDates.time(time)
        } else if let time = settings.suggestedTimeOfDay {
            when += " vers " + FrenchDates.time(time)
        }
        notes.append(when + ".")
        if item.urgent {
            notes.append(FacebookPostFile.urgentNote)
        }
        if let image = item.image {
            let copy = FacebookPost.imageFileName(suggestedDate: suggestedDate, slug: Slug.make(item.title), original: image.fileName)
            notes.append(FacebookPostFile.pictureNote + copy + FacebookPostFile.pictureNoteEnd + image.fileName + ")")
            notes.append(FacebookPostFile.descriptionNote + image.alternativeText)
        }
        notes += warnings.map { "Attention : " + $0 }
        return notes
    }

    private func tooLong(_ length: Int) -> ItemProblem {
        let limit = settings.refuseAboveCharacters
        return ItemProblem(
            line: nil,
            message: "Le message Facebook compte \(Self.frenchNumber(length)) caractères, "
                + "plus que la limite de \(Self.frenchNumber(limit)).",
            fix: "Retirez au moins \(Self.frenchNumber(length - limit)) caractères : gardez l'essentiel "
                + "(quoi, pour qui, où, quand) et mettez les détails sur la page du lien."
        )
    }

    /// "5 000": French groups thousands with a space.
    static func frenchNumber(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: " ")
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
