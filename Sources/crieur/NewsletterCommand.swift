import CSystemShims
import CrieurKit
import Foundation

/// `crieur newsletter`: writes the preview of the next regular issue
/// (out/newsletter/apercu.html), says when it goes out and to how many people.
/// `crieur newsletter --send`: sends it now as a manual issue, with whatever
/// else is due (exit 75 when the mail server stopped the sending or every
/// message waits for a later try: run it again later, nothing is sent twice;
/// exit 78 when a setting must be fixed).
enum NewsletterCommand {
    static let usage = "Utilisation : crieur newsletter [--send [--yes]]"

    static func run(_ args: [String], options: GlobalOptions) throws -> ExitCode {
        let sendFlags: Set<String> = ["--send", "--envoyer"], yesFlags: Set<String> = ["--yes", "--oui"]
        let send = args.contains(where: sendFlags.contains)
        let yes = args.contains(where: yesFlags.contains)
        guard args.allSatisfy({ sendFlags.contains($0) || yesFlags.contains($0) }), args.count == (send ? 1 : 0) + (yes ? 1 : 0),
              !yes || send else { throw CommandError.usage(usage) }
        let config = try options.loadConfig()
        let clock = try options.clock(config)
        let calendar = CivilCalendar(timeZone: config.timeZone)
        guard send else {
            let preview = try NewsletterPreview.write(workspace: options.workspace, config: config, clock: clock)
            let count = preview.items.count
            Console.out("""
            Aperçu du prochain numéro : \(options.workspace.path(NewsletterPreview.htmlPath)) (et apercu.txt)
            \(count == 0 ? "Aucune annonce en attente pour le prochain numéro." : "\(count) annonce\(count > 1 ? "s" : "") en attente. Objet du message : « \(preview.subject) ».")
            Prochain envoi : \(calendar.frenchWords(preview.nextSlot, referenceYear: nil)) (\(config.newsletter.schedule.frenchDescription)).
            Abonnés qui le recevraient : \(preview.recipients).
            Pour l'envoyer maintenant : crieur newsletter --send
            """)
            // Addresses « en échec » are left out of the count above: say how many, and where to see them.
            if let bounces = try? NewsletterStatus.read(workspace: options.workspace, config: config, now: clock.now()).bounces, bounces > 0 {
                Console.out("Adresses en échec (retours de la boîte aux lettres), qui ne la recevront pas : \(bounces) (crieur subscribers list).")
            }
            return .success
        }
        // On a terminal, the person sees what will go to whom and says yes; scripts pass --yes (no terminal: no question).
        if !yes, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
            let preview = try NewsletterPreview.write(workspace: options.workspace, config: config, clock: clock)
            Console.out(NewsletterSendQuestion.text(preview: preview, previewPath: options.workspace.path(NewsletterPreview.htmlPath)))
            guard NewsletterSendQuestion.isYes(readLine()) else {
                Console.out("Envoi annulé : rien n'est parti.")
                return .success
            }
        }
        let logger = options.logger(config, clock: SystemClock())
        let sender = try makeSender(options, config: config, clock: clock, logger: logger)
        let (issue, report) = try sender.sendManualIssue()
        let summary = NewsletterSendSummary(report: report, manualIssue: issue, calendar: calendar)
        Console.out(summary.lines.joined(separator: "\n"))
        if let stop = report.stoppedBy, stop.settingsError {
            Console.err("Envoi arrêté, un réglage est à corriger : \(stop.text). Corrigez-le puis relancez crieur newsletter --send ; "
                + "les messages déjà acceptés par le serveur ne seront pas renvoyés.")
            return .config
        }
        if let stop = report.stoppedBy {
            Console.err("Envoi interrompu : \(NewsletterSender.describe(stop)). "
                + (stop.acceptanceUnknown
                    ? "Relancez plus tard. Le dernier message est parti en entier sans réponse du serveur : il a peut-être été accepté, "
                        + "et il sera renvoyé, donc son destinataire pourrait le recevoir deux fois. Les autres messages acceptés ne seront pas renvoyés."
                    : "Relancez plus tard : les messages acceptés par le serveur ne seront pas renvoyés."))
            return .temporaryFailure
        }
        // Nothing left now, everything waits: not a success, try again later.
        if summary.nothingLeftButSomethingWaits { return .temporaryFailure }
        return .success
    }

    static func makeSender(_ options: GlobalOptions, config: CrieurConfig, clock: any Clock, logger: Logger) throws -> NewsletterSender {
        let mail = try mailSetup(options, config: config, clock: clock)
        return NewsletterSender(workspace: options.workspace, config: config, transports: mail.transports, clock: clock, logger: logger,
                                sleep: mail.sleep)
    }

    /// The configured connections for mail, and a pause that gives up when the service is stopping.
    /// `service`: settings that cannot work are logged and hold the newsletter back
    /// instead of stopping the program (`MailTransports.configuredForService`).
    static func mailSetup(_ options: GlobalOptions, config: CrieurConfig, clock: any Clock,
                          service: Logger? = nil) throws -> WorkerEnvironment.Mail {
        // The stop flag is only ever set in the service (`crieur work`), which installs
        // the SIGTERM handler: a send or a rate-limit wait in progress then gives up within a second.
        let stopping: @Sendable () -> Bool = { crieur_stop_requested() != 0 }
        let environment = ProcessInfo.processInfo.environment
        let transports: [any MailTransport]
        if let logger = service {
            let setup = try MailTransports.configuredForService(
                settings: config.smtp, environment: environment, workspace: options.workspace, clock: clock, shouldAbort: stopping)
            if let problem = setup.problem {
                logger.error("lettre d'information : un réglage d'envoi est à corriger. \(problem) Les lettres attendent, "
                    + "le reste du service continue ; après la correction, redémarrez le service (systemctl restart crieur).")
            }
            transports = setup.transports
        } else {
            transports = try MailTransports.configured(
                settings: config.smtp, environment: environment, workspace: options.workspace, clock: clock, shouldAbort: stopping)
        }
        return WorkerEnvironment.Mail(transports: transports,
                                sleep: { seconds in
                                    let end = ProcessInfo.processInfo.systemUptime + seconds
                                    while !stopping(), case let left = end - ProcessInfo.processInfo.systemUptime, left > 0 {
                                        Thread.sleep(forTimeInterval: min(left, 0.1))
                                    }
                                })
    }
}
