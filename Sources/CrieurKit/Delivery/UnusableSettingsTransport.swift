/// Stands in for the relay in the service (`crieur work`) when the mail
/// settings cannot work (an `http://` address, a login without its password):
/// every message gets the French sentence back as a temporary failure due to
/// the settings. The sender then stops the run, logs the sentence and keeps
/// the issue waiting for its next try, and the rest of the service (the other
/// channels, the queue) keeps running. A command (`newsletter --send`,
/// `work --once`) stops with exit 78 instead: a person is there to fix it.
public struct UnusableSettingsTransport: MailTransport {
    /// What to fix, in French, naming the setting (`SMTPDiagnosis`).
    public let problem: String

    public init(problem: String) {
        self.problem = problem
    }

    public func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        DeliveryReply(outcome: .temporaryFailure, code: 0, text: problem, settingsError: true)
    }
}
