/// Picks the transport the configuration asks for: SMTP when a relay is set
/// (`CRIEUR_SMTP_URL` or `smtp.url`), else the outbox folder
/// `out/newsletter/outbox/`, so a fresh workspace sends nothing by mistake.
/// One SMTP transport per connection of `smtp.connections`; the outbox needs one.
/// `shouldAbort` is polled by SMTP while it waits for the relay (true: give up
/// the message now; the service passes its stop flag).
public enum MailTransports {
    public static let outboxFolder = "out/newsletter/outbox"

    public static func configured(settings: SMTPSettings, environment: [String: String], workspace: Workspace,
                                  clock: any Clock, shouldAbort: @escaping @Sendable () -> Bool = { false }) throws(DeliveryError) -> [any MailTransport] {
        let override = environment["CRIEUR_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 }
        guard override != nil || settings.url != nil else {
            return [OutboxTransport(directory: workspace.path(outboxFolder), clock: clock)]
        }
        var transports: [any MailTransport] = []
        for _ in 0..<max(1, settings.connections) {
            transports.append(try SMTPTransport(settings: settings, environment: environment, shouldAbort: shouldAbort))
        }
        return transports
    }

    /// For the long-running service: the configured transports, or, when the
    /// settings cannot work, an `UnusableSettingsTransport` and the French
    /// sentence to log, so that a mistake in the mail settings holds the
    /// newsletter back without stopping the worker.
    public static func configuredForService(settings: SMTPSettings, environment: [String: String], workspace: Workspace,
                                            clock: any Clock, shouldAbort: @escaping @Sendable () -> Bool = { false })
        throws(DeliveryError) -> (transports: [any MailTransport], problem: String?) {
        do {
            return (try configured(settings: settings, environment: environment, workspace: workspace, clock: clock, shouldAbort: shouldAbort), nil)
        } catch .settings(let problem) {
            return ([UnusableSettingsTransport(problem: problem)], problem)
        }
    }
}
