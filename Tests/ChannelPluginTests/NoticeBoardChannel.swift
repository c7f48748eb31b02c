import CrieurKit
import Foundation

/// A channel this test target adds through the public registry alone (no
/// `@testable`): the notice board at the centre's door, one card per item,
/// signed as the config says, refused beyond a number of words.
struct NoticeBoardChannel: ChannelModule {
    static let board = Channel(id: "panneau")

    var channel: Channel { Self.board }
    var aliases: [String] { ["valves", "tableau"] }
    var frenchName: String { "panneau d'affichage" }
    var outputFolderName: String { "valves" }
    /// Stricter than every built-in channel: read standing in a corridor.
    var readabilityProfile: ReadabilityProfile {
        ReadabilityProfile(minKandelMoles: 70, maxLix: 35, maxAverageSentenceWords: 8, maxSentenceWords: 10,
                           maxAdministrativeWords: 0, maxWarnings: 0)
    }

    func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        let section = root.section("panneau")
        config.setChannelSettings(
            NoticeBoardSettings(signature: section.string("signature", default: NoticeBoardSettings().signature),
                                maxWords: section.int("maxWords", default: NoticeBoardSettings().maxWords, range: 5...500)),
            for: channel)
    }

    var defaultConfigGroup: String? {
        """
        // Le panneau d'affichage à l'entrée du centre.
        panneau: {
          signature: "Le CPAS",  // la signature au bas de chaque carte
          maxWords: 60,          // au-delà, l'annonce est trop longue pour le panneau
        },
        """
    }

    var defaultFiles: [(path: String, text: String)] {
        [("templates/panneau/LISEZMOI.txt", "Les cartes du panneau n'ont pas encore de modèle.\n")]
    }

    func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        NoticeBoardPublisher(settings: config.channelSettings(NoticeBoardSettings.self, for: channel) ?? NoticeBoardSettings())
    }

    func periodicJob(_ environment: WorkerEnvironment) throws -> (any PeriodicJob)? {
        NoticeBoardSweep(marker: environment.workspace.path("out/valves-passage.txt"), clock: environment.clock)
    }

    func describeOutput(files: [String], folder: String) -> String {
        "à afficher à l'entrée : " + files.map { folder + $0 }.joined(separator: ", ")
    }

    /// The card as the desk previews it: its publisher's own text, escaped.
    func deskPreview(_ item: Item, context: DeskPreviewContext) -> String? {
        let settings = context.publication.config.channelSettings(NoticeBoardSettings.self, for: channel) ?? NoticeBoardSettings()
        guard let rendering = try? NoticeBoardPublisher(settings: settings).render(item, context: context.publication),
              let card = rendering.files.first.map({ String(decoding: $0.data, as: UTF8.self) }) else { return nil }
        return "<pre class=\"carte\">\(HTML.escape(card))</pre>\n"
    }
}

struct NoticeBoardSettings: Sendable, Equatable {
    var signature = "Le CPAS"
    var maxWords = 60
}

struct NoticeBoardPublisher: ChannelPublisher {
    let settings: NoticeBoardSettings

    var channel: Channel { NoticeBoardChannel.board }

    func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        let card = "\(item.title)\n\n\(item.bodyText)\n\n\(settings.signature)\n"
        let name = (context.itemName as NSString).deletingPathExtension + "-carte.txt"
        return ChannelRendering(files: [OutputFile(name: name, data: Data(card.utf8))])
    }

    func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {}

    func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem] {
        let words = item.bodyText.split(whereSeparator: \.isWhitespace).count
        guard words > settings.maxWords else { return [] }
        return [ItemProblem(line: nil, message: "Trop long pour le panneau : \(words) mots, \(settings.maxWords) au plus.",
                            fix: "Raccourcissez le texte.")]
    }
}

/// Its periodic job: notes when it last ran.
final class NoticeBoardSweep: PeriodicJob {
    let marker: String
    let clock: any Clock

    init(marker: String, clock: any Clock) {
        self.marker = marker
        self.clock = clock
    }

    func runDue(stopRequested: () -> Bool) throws -> PeriodicJobResult {
        try FileSystem.writeDurably(Data("\(clock.now().timeIntervalSince1970)\n".utf8), to: marker)
        return PeriodicJobResult(nextWake: nil)
    }
}
