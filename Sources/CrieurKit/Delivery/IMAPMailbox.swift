import CCurl
import CCurlShims
import Foundation

/// The centre's mailbox over IMAP, through libcurl: list the messages, fetch
/// one, put it back unread, move it to a folder. Nothing is ever deleted that
/// was not first copied: `UID MOVE` when the server has it, else `UID COPY`,
/// `\Deleted` on that message alone and `UID EXPUNGE` of its UID (UIDPLUS);
/// without UIDPLUS the copied message stays flagged and is no longer listed.
///
/// Messages are fetched by the URL form `imap://host/INBOX/;UID=N` (libcurl
/// then sends `UID FETCH N BODY[]` and hands the literal to the write
/// callback; a custom `FETCH` would only give its first line). Every other
/// command is a `CURLOPT_CUSTOMREQUEST` on the folder's URL, whose untagged
/// replies reach the write callback. One handle, one connection, reused.
///
/// TLS is required (`imaps://`, or STARTTLS on `imap://`) except towards this
/// machine. Failures are `MailboxError`: a setting to fix, or the server away.
public final class IMAPMailbox {
    public let url: String
    private let folderURL: String
    private let username: String?
    private let password: String?
    private let connectTimeout: Int
    private let handle: UnsafeMutableRawPointer
    private var received: [UInt8] = []
    private var capabilities: Set<String>?
    /// Asked at least once a second while a command waits for the server: true
    /// ends it at once (`MailboxError.unavailable`), so that the service stops
    /// within two seconds even towards a silent server.
    public var shouldAbort: (() -> Bool)?
    private static let maximumMessage = 10 << 20

    /// `url`: `imaps://host[:port]/FOLDER` or `imap://…` (the folder read, `INBOX` when absent).
    public init(url: String, username: String?, password: String?, connectTimeout: Int = 30) throws(MailboxError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else {
            throw .settings("L’adresse de la boîte aux lettres (mailbox.url) « \(url) » n’est pas une URL : écrivez par exemple imaps://imap.exemple.be/INBOX.")
        }
        guard scheme == "imap" || scheme == "imaps" else {
            throw .settings("L’adresse de la boîte aux lettres (mailbox.url) doit commencer par imaps:// ou imap://, pas « \(scheme):// ».")
        }
        guard let username, !username.isEmpty, let password, !password.isEmpty else {
            throw .settings("L’identifiant ou le mot de passe de la boîte aux lettres manque : définissez CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD dans l’environnement du service.")
        }
        let path = components.percentEncodedPath
        folderURL = path.isEmpty || path == "/" ? url.hasSuffix("/") ? url + "INBOX" : url + "/INBOX" : url
        self.url = url
        self.username = username
        self.password = password
        self.connectTimeout = connectTimeout
        guard let handle = curl_easy_init() else { throw .unavailable("libcurl n’a pas pu créer de connexion.") }
        self.handle = handle
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failed: [String] = []
        func check(_ code: CURLcode, _ what: String) { if code != CURLE_OK { failed.append(what) } }
        check(crieur_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "imap,imaps"), "protocoles")
        check(crieur_curl_setopt_long(handle, CURLOPT_USE_SSL, SMTPTransport.requiresTLS(url: url)
            ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue)), "USE_SSL")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        check(crieur_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout), "CONNECTTIMEOUT")
        check(crieur_curl_setopt_long(handle, CURLOPT_TIMEOUT, 300), "TIMEOUT")
        check(crieur_curl_setopt_string(handle, CURLOPT_USERNAME, username), "USERNAME")
        check(crieur_curl_setopt_string(handle, CURLOPT_PASSWORD, password), "PASSWORD")
        check(crieur_curl_setopt_write_function(handle, { buffer, size, count, context in
            let mailbox = Unmanaged<IMAPMailbox>.fromOpaque(context!).takeUnretainedValue()
            let length = size * count
            guard mailbox.received.count + length <= IMAPMailbox.maximumMessage + 65_536 else { return 0 }
            if let buffer { mailbox.received.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length)) }
            return length
        }), "WRITEFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, context), "WRITEDATA")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "NOPROGRESS")
        check(crieur_curl_setopt_xferinfo_function(handle, { context, _, _, _, _ in
            let mailbox = Unmanaged<IMAPMailbox>.fromOpaque(context!).takeUnretainedValue()
            return mailbox.shouldAbort?() == true ? 1 : 0
        }), "XFERINFOFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context), "XFERINFODATA")
        guard failed.isEmpty else {
            curl_easy_cleanup(handle)
            throw .unavailable("libcurl refuse les réglages IMAP (\(failed.joined(separator: ", "))).")
        }
    }

    /// From the configuration, with `CRIEUR_IMAP_USER` and `CRIEUR_IMAP_PASSWORD` from `environment`.
    public convenience init(settings: MailboxSettings, environment: [String: String]) throws(MailboxError) {
        try self.init(url: settings.folderURL, username: environment["CRIEUR_IMAP_USER"],
                      password: environment["CRIEUR_IMAP_PASSWORD"], connectTimeout: settings.connectTimeout)
    }

    deinit { curl_easy_cleanup(handle) }

    // MARK: Commands

    /// The UIDs of the folder's messages not flagged `\Deleted`, ascending.
    public func messageUIDs() throws(MailboxError) -> [UInt64] {
        try searchUIDs("UNDELETED")
    }

    /// The UIDs above `uid` of the folder's messages not flagged `\Deleted`, ascending.
    public func messageUIDs(after uid: UInt64) throws(MailboxError) -> [UInt64] {
        // `N:*` always names the last message, even below N: filtered here.
        try searchUIDs("UID \(uid + 1):* UNDELETED").filter { $0 > uid }
    }

    /// The folder's UIDVALIDITY: when it changes, its UIDs were given anew (the folder was re-created).
    public func uidValidity() throws(MailboxError) -> UInt64 {
        // Already in modified UTF-7 (it comes from the URL): quoted as it is.
        let name = "\"" + IMAPMailbox.folderName(ofURL: folderURL).filter { $0 != "\"" && $0 != "\\" && !$0.isNewline } + "\""
        let response = String(decoding: try perform(url: serverURL, request: "STATUS \(name) (UIDVALIDITY)"), as: UTF8.self)
        guard let range = response.range(of: "UIDVALIDITY ", options: .caseInsensitive),
              let value = UInt64(response[range.upperBound...].prefix(while: \.isNumber)) else {
            throw .unavailable("Le serveur de la boîte aux lettres ne donne pas l’état du dossier lu ; Crieur réessaiera.")
        }
        return value
    }

    /// The UIDs among the folder's messages that are already read.
    public func seenUIDs() throws(MailboxError) -> Set<UInt64> {
        Set(try searchUIDs("SEEN"))
    }

    /// The largest message `fetch` reads, in bytes.
    public static var largestMessage: Int { maximumMessage }

    /// The message's size in bytes (`RFC822.SIZE`), without reading it or marking it read; nil when the server does not say.
    public func size(uid: UInt64) throws(MailboxError) -> Int? {
        let response = String(decoding: try perform(url: folderURL, request: "UID FETCH \(uid) (RFC822.SIZE)"), as: UTF8.self)
        guard let range = response.range(of: "RFC822.SIZE ", options: .caseInsensitive) else { return nil }
        return Int(response[range.upperBound...].prefix(while: \.isNumber))
    }

    /// The whole message (libcurl's fetch marks it read: see `markUnread`).
    public func fetch(uid: UInt64) throws(MailboxError) -> [UInt8] {
        let bytes = try perform(url: "\(folderURL)/;UID=\(uid)", request: nil)
        guard bytes.count <= IMAPMailbox.maximumMessage else {
            throw .unavailable("Le message \(uid) de la boîte aux lettres est trop grand pour être lu.")
        }
        return bytes
    }

    /// Puts back a message a person has not read yet, after Crieur fetched it.
    public func markUnread(uid: UInt64) throws(MailboxError) {
        _ = try perform(url: folderURL, request: "UID STORE \(uid) -FLAGS.SILENT (\\Seen)")
    }

    /// Creates `folder` unless it exists.
    public func ensureFolder(_ folder: String) throws(MailboxError) {
        let listed = try perform(url: serverURL, request: "LIST \"\" \(IMAPMailbox.quoted(folder))")
        if !listed.isEmpty { return }
        _ = try perform(url: serverURL, request: "CREATE \(IMAPMailbox.quoted(folder))")
    }

    /// Moves one message to `folder` (which must exist).
    public func move(uid: UInt64, to folder: String) throws(MailboxError) {
        let capabilities = try serverCapabilities()
        if capabilities.contains("MOVE") {
            _ = try perform(url: folderURL, request: "UID MOVE \(uid) \(IMAPMailbox.quoted(folder))")
            return
        }
        _ = try perform(url: folderURL, request: "UID COPY \(uid) \(IMAPMailbox.quoted(folder))")
        _ = try perform(url: folderURL, request: "UID STORE \(uid) +FLAGS.SILENT (\\Deleted)")
        if capabilities.contains("UIDPLUS") {
            _ = try perform(url: folderURL, request: "UID EXPUNGE \(uid)")
        }
    }

    /// The UIDs of `folder` (the tests look into the handled messages' folder).
    public func uids(inFolder folder: String) throws(MailboxError) -> [UInt64] {
        let response = try perform(url: serverURL, request: "STATUS \(IMAPMailbox.quoted(folder)) (MESSAGES)")
        guard !response.isEmpty else { return [] }
        let other = try IMAPMailbox(url: MailboxSettings(url: serverURL, folder: folder).folderURL, username: username, password: password, connectTimeout: connectTimeout)
        return try other.messageUIDs()
    }

    // MARK: Plumbing

    private var serverURL: String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return url }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    private func serverCapabilities() throws(MailboxError) -> Set<String> {
        if let capabilities { return capabilities }
        let response = String(decoding: try perform(url: serverURL, request: "CAPABILITY"), as: UTF8.self)
        var found: Set<String> = []
        for line in response.split(whereSeparator: \.isNewline) where line.hasPrefix("* CAPABILITY ") {
            for word in line.dropFirst(13).split(separator: " ") { found.insert(word.uppercased()) }
        }
        capabilities = found
        return found
    }

    private func searchUIDs(_ criteria: String) throws(MailboxError) -> [UInt64] {
        let response = String(decoding: try perform(url: folderURL, request: "UID SEARCH \(criteria)"), as: UTF8.self)
        var uids: [UInt64] = []
        for line in response.split(whereSeparator: \.isNewline) where line.hasPrefix("* SEARCH") {
            uids += line.dropFirst(8).split(separator: " ").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        }
        return uids.sorted()
    }

    /// Folder names go into commands: in modified UTF-7 (« Traités » is
    /// `Trait&AOk-s`), quoted, without quotes, backslashes or controls.
    static func quoted(_ folder: String) -> String {
        let safe = encodedFolderName(folder).unicodeScalars.filter { $0 != "\"" && $0 != "\\" }
        return "\"" + String(String.UnicodeScalarView(safe)) + "\""
    }

    /// The folder's name as IMAP writes it (RFC 3501 §5.1.3, modified UTF-7):
    /// printable ASCII as is (`&` as `&-`), every other run as UTF-16 in
    /// base64 with `,` for `/`, between `&` and `-`. Control characters are dropped.
    public static func encodedFolderName(_ folder: String) -> String {
        var result = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            var bytes: [UInt8] = []
            for unit in pending { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            let base64 = Data(bytes).base64EncodedString().replacingOccurrences(of: "/", with: ",").replacingOccurrences(of: "=", with: "")
            result += "&" + base64 + "-"
            pending.removeAll()
        }
        for scalar in folder.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                result += scalar == "&" ? "&-" : String(scalar)
            } else if scalar.properties.generalCategory != .control {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return result
    }

    /// The folder named by a folder URL's path (already in modified UTF-7), `INBOX` when none.
    static func folderName(ofURL url: String) -> String {
        let path = URLComponents(string: url)?.path ?? ""
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        return name.isEmpty ? "INBOX" : name
    }

    private func perform(url: String, request: String?) throws(MailboxError) -> [UInt8] {
        received.removeAll(keepingCapacity: true)
        var failed = crieur_curl_setopt_string(handle, CURLOPT_URL, url) != CURLE_OK
        if let request {
            failed = failed || crieur_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request) != CURLE_OK
        } else {
            failed = failed || crieur_curl_setopt_ptr(handle, CURLOPT_CUSTOMREQUEST, nil) != CURLE_OK
        }
        if failed { throw .settings("L’adresse de la boîte aux lettres (mailbox.url) « \(self.url) » est refusée par libcurl.") }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw MailboxError.from(code, url: self.url) }
        return received
    }
}
