import CrieurKit
import Foundation

/// `crieur demo [DOSSIER]`: a newcomer's first run. Creates a workspace
/// (./demo by default), queues the sample announcements of `samples/`, runs the
/// worker once and says in French what was published where.
enum DemoCommand {
    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        guard args.count <= 1 else { throw CommandError.usage("Utilisation : crieur demo [DOSSIER]") }
        let workspace = Workspace(root: args.first ?? "demo")
        guard let samples = samplesDirectory() else {
            throw CommandError(code: .dataError, message:
                "Dossier « samples » introuvable : lancez la démonstration depuis le dépôt de Crieur, ou indiquez-le avec CRIEUR_SAMPLES=DOSSIER.")
        }
        try WorkspaceSetup.create(workspace)
        var config = try GlobalOptions(root: workspace.root, now: options.now).loadConfig()
        config.queue.settleSeconds = 0  // the demo writes its files atomically itself
        let enqueuer = Enqueuer(workspace: workspace, config: config, publishers: Publishers.all(config, workspace: workspace))
        Console.out("Démonstration de Crieur dans \(workspace.root)\n")
        for name in try FileSystem.names(in: samples) where !name.hasPrefix(".") {
            guard case .contents(let data) = try FileSystem.read("\(samples)/\(name)", maxBytes: config.queue.maxItemBytes) else { continue }
            // A second demonstration in the same folder adds nothing: the samples are already there.
            if try [QueueState.done, .rejected].contains(where: { state in
                let path = workspace.queue.path(state, name)
                guard try FileSystem.info(path) != nil else { return false }
                return try FileSystem.read(path, maxBytes: config.queue.maxItemBytes) == .contents(data)
            }) {
                Console.out("Déjà traitée lors d'une démonstration précédente : \(name)")
                continue
            }
            let queued = try enqueuer.deposit(data, preferred: name)
            Console.out("Annonce déposée : queue/incoming/\(queued)")
        }
        let copied = try copySampleDirectory(from: "\(samples)/directory", to: SocialDirectory.folder(of: workspace))
        if copied > 0 { Console.out("Bottin social : \(copied) fiches de services copiées dans directory/") }
        Console.out("")
        let clock = try options.clock(config)
        // Two sample subscribers, and the outbox whatever the environment says: a demo never sends real mail.
        _ = try ConsentLedger(workspace: workspace, clock: clock).subscribe(
            try ["lea.dupont@exemple.be", "marc.lambert@exemple.be"].map {
                SubscriptionRequest(address: try EmailAddress(validating: $0), source: "démonstration")
            }, settings: config.newsletter)
        let quiet = Logger(clock: SystemClock(), calendar: CivilCalendar(timeZone: config.timeZone)) { _ in }
        let outbox = OutboxTransport(directory: workspace.path(MailTransports.outboxFolder), clock: clock)
        let worker = try WorkerFactory.make(
            WorkerEnvironment(workspace: workspace, config: config, clock: clock, logger: quiet,
                              mail: .init(transports: [outbox], sleep: { Thread.sleep(forTimeInterval: $0) })),
            wallClock: SystemClock(), sleep: { Thread.sleep(forTimeInterval: $0) })
        let events = try worker.runOnce()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        for event in events { Console.out(describe(event, calendar: calendar)) }
        let quarter = Quarter(containing: calendar.civilDate(of: clock.now()))
        let bulletin = "\(workspace.output(.bulletin).path)/\(quarter)"
        Console.out("""

        Ouvrez \(workspace.output(.facebook).path)/index.html dans un navigateur pour copier les messages Facebook.
        Le brouillon du bulletin communal de ce trimestre, pour le rédacteur de la commune :
          \(bulletin).txt (texte), \(bulletin).html (à imprimer), \(bulletin).odt (Word ou LibreOffice).
        L'écran de la salle d'attente : \(workspace.output(.ecran).path)/index.html (plein écran : touche F11).
        La lettre d'information envoyée aux deux abonnés de démonstration (fichiers .eml, à ouvrir
          avec un programme de messagerie) : \(workspace.path(MailTransports.outboxFolder)) ; aperçu du prochain numéro : crieur newsletter.
        Le flux Atom pour le site de la commune : \(workspace.path("out/feed/atom.xml")).
        Les affiches et flyers à imprimer : \(workspace.output(FlyerChannel.channel).path) ; l'agenda des événements
          (un fichier .ics par événement et agenda.ics, pour le site de la commune) : \(workspace.path("out/calendar")).
        Le bottin social : \(workspace.path("out/directory/bottin.html")) (à imprimer ; aussi bottin.fodt, et bottin.pdf
          si LibreOffice est installé), la recherche hors ligne : \(workspace.path("out/directory/recherche.html")) ;
          le « service de la semaine » est sur l'écran et dans les messages Facebook ; fiches à vérifier : crieur status.
        Un refus s'explique dans le rapport à côté du fichier, dans \(workspace.queue.directory(.rejected)).
        """)
        return .success
    }

    /// Copies the sample directory's entry files into the workspace's `directory/`,
    /// never over a file already there; returns how many were copied.
    static func copySampleDirectory(from folder: String, to destination: String) throws -> Int {
        guard try FileSystem.info(folder)?.kind == .directory else { return 0 }
        try FileSystem.makeDirectory(destination)
        var copied = 0
        for name in try FileSystem.names(in: folder) where name.hasSuffix(".txt") && !name.hasPrefix(".") {
            guard try FileSystem.info("\(destination)/\(name)") == nil,
                  case .contents(let data) = try FileSystem.read("\(folder)/\(name)", maxBytes: 1_048_576) else { continue }
            try FileSystem.writeDurably(data, to: "\(destination)/\(name)")
            copied += 1
        }
        return copied
    }

    static func describe(_ event: WorkerEvent, calendar: CivilCalendar) -> String {
        event.frenchSummary(calendar: calendar)
    }

    /// `$CRIEUR_SAMPLES`, else `samples/` in the repository that built this
    /// executable (found upwards from it), else in the current folder.
    static func samplesDirectory() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["CRIEUR_SAMPLES"] { return explicit }
        var candidates: [String] = []
        var folder = FileSystem.parent(of: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path)
        while folder.count > 1 {
            candidates.append("\(folder)/samples")
            folder = FileSystem.parent(of: folder)
        }
        candidates.append("\(FileSystem.currentDirectory())/samples")
        return candidates.first { (try? FileSystem.info($0))??.kind == .directory }
    }
}
