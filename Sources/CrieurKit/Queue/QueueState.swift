/// The folders of `queue/`: an item's state is the folder it is in.
public enum QueueState: String, CaseIterable, Sendable, Codable {
    case incoming, active, deferred, done, rejected

    /// How staff read the state, in French.
    public var frenchName: String {
        switch self {
        case .incoming: return "à traiter"
        case .active: return "en cours"
        case .deferred: return "en attente"
        case .done: return "publiées"
        case .rejected: return "refusées"
        }
    }
}
