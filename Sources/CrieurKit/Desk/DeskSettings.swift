import Foundation

/// Which channels need a person's approval before an item is published
/// (`desk.approval`): none, all (`["*"]`), or the channels listed.
public enum DeskApproval: Sendable, Equatable {
    case none
    case all
    case channels(Set<Channel>)
}

/// The `desk` group of `config/crieur.json5`: the staff desk (`crieur bureau`)
/// and the approval chain (« rédaction → validation → diffusion »).
///
/// ```
/// desk: {
///   users: { "marie": ["redaction"], "paul": ["validation"], "it": ["admin"] },
///   approval: [],                 // [] none, ["*"] all, or channel ids
///   pictureMaxBytes: 5000000,
/// }
/// ```
///
/// The worker reads it again for every request (`DeskPickup`): the pages only
/// show what a person may do, the worker decides.
public struct DeskSettings: Sendable, Equatable {
    /// User names as the web server gives them (`REMOTE_USER`) → roles.
    public var users: [String: Set<DeskRole>] = [:]
    public var approval: DeskApproval = .none
    /// Largest picture accepted from the desk, in bytes.
    public var pictureMaxBytes = 5_000_000

    public init(users: [String: Set<DeskRole>] = [:], approval: DeskApproval = .none, pictureMaxBytes: Int = 5_000_000) {
        self.users = users
        self.approval = approval
        self.pictureMaxBytes = pictureMaxBytes
    }

    /// The roles of `user`; none for a name the configuration does not list.
    /// Names are compared exactly: the web server's spelling is the identity.
    public func roles(of user: String) -> Set<DeskRole> {
        // A dictionary finds a canonically equivalent key (« é » for « e » + U+0301): the bytes must match too.
        guard let index = users.index(forKey: user), Self.sameName(users[index].key, user) else { return [] }
        return users[index].value
    }

    /// Two user names are one when their bytes are (Swift's `==` also joins spellings the web server tells apart).
    static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Whether an item for `channels` waits for approval before it enters the queue.
    public func needsApproval(_ channels: [Channel]) -> Bool {
        switch approval {
        case .none: return false
        case .all: return true
        case .channels(let listed): return channels.contains(where: listed.contains)
        }
    }

    /// Whether `user` may do `action`. An empty author (an item that did not
    /// come through the desk, or one written before authors were recorded) is
    /// nobody's own: only `validation` and `admin` may touch it.
    public func allows(_ user: String, _ action: DeskAction) -> Bool {
        let roles = roles(of: user)
        if roles.contains(.admin) { return true }
        let validates = roles.contains(.validation)
        let writes = validates || roles.contains(.redaction)
        switch action {
        case .write:
            return writes
        case .correct(let author), .withdraw(let author):
            return validates || (writes && !author.isEmpty && Self.sameName(author, user))
        case .approve, .sendBack:
            return validates
        }
    }

    static func read(_ section: ConfigSection) -> DeskSettings {
        var settings = DeskSettings()
        let users = section.section("users")
        for name in users.keys {
            let written = users.strings(name, default: [])
            var roles: Set<DeskRole> = []
            for role in written {
                if let known = DeskRole(rawValue: role) {
                    roles.insert(known)
                } else {
                    users.report("« \(users.path).\(name) » : rôle inconnu « \(role) ». Les rôles sont "
                        + DeskRole.allCases.map { "« \($0.rawValue) »" }.joined(separator: ", ") + ".", about: name)
                }
            }
            if name.isEmpty || name.contains(where: { $0.isWhitespace || $0.isNewline }) {
                users.report("« \(users.path) » : le nom d'utilisateur « \(name) » ne peut pas être vide ni contenir d'espace.",
                             about: name)
                continue
            }
            settings.users[name] = roles
        }
        let approval = section.strings("approval", default: [])
        if approval.contains("*") {
            if approval.count > 1 {
                section.report("« \(section.path).approval » : « * » veut dire tous les canaux ; ne mettez rien d'autre à côté.",
                               about: "approval")
            }
            settings.approval = .all
        } else if !approval.isEmpty {
            var channels: Set<Channel> = []
            for name in approval {
                if let channel = Channel(named: name) {
                    channels.insert(channel)
                } else {
                    section.report("« \(section.path).approval » : canal inconnu « \(name) ». Les canaux sont "
                        + Channel.allCases.map { "« \($0.id) »" }.joined(separator: ", ") + ", ou « * » pour tous.",
                                   about: "approval")
                }
            }
            settings.approval = channels.isEmpty ? .none : .channels(channels)
        }
        settings.pictureMaxBytes = section.int("pictureMaxBytes", default: settings.pictureMaxBytes, range: 10_000...50_000_000)
        return settings
    }
}
