import Foundation

/// Printed posters and flyers: an A4 poster and an A5 flyer per item in
/// `out/flyer/`, to print for the counter, the doctor's or the library.
public struct FlyerChannel: ChannelModule {
    public init() {}

    public static let channel = Channel(id: "flyer")

    public var channel: Channel { Self.channel }
    public var aliases: [String] {
        ["affiche", "affiches", "flyers", "poster", "posters", "prospectus", "depliant", "depliants", "tract", "tracts", "papier"]
    }
    public var frenchName: String { "affiche et flyer à imprimer" }
    /// Read on paper, but by the same people as the newsletter, often standing: its profile.
    public var readabilityProfile: ReadabilityProfile { ReadabilitySettings.defaultProfiles[.newsletter]! }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.setChannelSettings(FlyerSettings.read(root.section("flyer")), for: Self.channel)
    }

    public var defaultConfigGroup: String? {
        """
        // Les affiches (A4) et flyers (A5) à imprimer, dans out/flyer/ (pages .html à imprimer,
        // documents .fodt pour LibreOffice ou Word, et .pdf quand LibreOffice est installé).
        flyer: {
          // Le bloc de contact imprimé au pied de chaque affiche, une ligne par texte, par exemple
          // ["Rue de l'Exemple 1, 5000 Namur", "081 00 00 00", "Du lundi au vendredi de 8 h 30 à 12 h"].
          // Vide : l'adresse, le téléphone, l'e-mail et le site d'« organisation » ci-dessus.
          contactLines: [],
          // Le logo du centre, imprimé à côté du contact : un fichier PNG, JPEG, GIF ou SVG,
          // chemin à partir du dossier de Crieur (par exemple "config/logo.png"). Vide : pas de logo.
          logoPath: "",
        },
        """
    }

    public func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        var settings = config.channelSettings(FlyerSettings.self, for: Self.channel) ?? FlyerSettings()
        settings.calendarBaseURL = config.calendar.publicURL
        return FlyerPublisher(settings: settings, root: workspace.root, organisationName: config.organisation.name,
                              pdf: LibreOfficePDF())
    }

    public func describeOutput(files: [String], folder: String) -> String {
        let printable = files.filter { $0.hasSuffix(".html") }
        return printable.isEmpty ? "dans \(folder)"
            : printable.map { folder + $0 }.joined(separator: ", ") + " (à imprimer ; .fodt et .pdf à côté)"
    }
}
