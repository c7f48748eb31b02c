import CCurl
import CCurlShims
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sends messages over SMTP, one recipient per transaction so each reply
/// belongs to one person.
///
/// libcurl opens the connection (TCP, STARTTLS or TLS, the greeting, EHLO,
/// AUTH: `CURLOPT_CONNECT_ONLY`) and carries the bytes (`curl_easy_send`,
/// `curl_easy_recv`, through TLS when it is on); the transaction itself is
/// spoken here, because libcurl's own SMTP transfer waits for each reply in
/// turn and writes the final dot apart: 5 writes and 4 waits per message.
/// When the server offers PIPELINING (RFC 2920: Postfix, Microsoft 365 and
/// most relays do), `MAIL FROM`, `RCPT TO` and `DATA` leave in one write and
/// the dot-stuffed message with its final dot in a second: two round trips per
/// message. Without PIPELINING, each command waits for its reply.
///
/// The connection is kept for the next message; after a failure it is closed
/// and the next `send` reconnects. A connection idle for more than a second is
/// checked before use (a relay that closed it, or said 421, is not taken for a
/// failure of this message), and one idle for longer than libcurl's default
/// maximum (118 s) is opened again. A refused recipient is followed by `RSET`.
/// STARTTLS is required (`CURLUSESSL_ALL`) unless the server is on this
/// machine (loopback). The message must have CRLF line ends (`MailMessage`);
/// every line that starts with a dot gets a second one (dot-stuffing).
///
/// The reply: its code and the text of its lines. 5xx is a permanent failure;
/// 4xx, a dropped connection, an unreachable server, a refusal while
/// connecting (login, STARTTLS, greeting) are temporary (the relay's state or
/// settings, not this recipient's fault). Not thread-safe: one transport per
/// connection.
///
/// A stalled relay cannot hold a run: connecting (TCP, TLS, greeting, EHLO,
/// login) is bounded by `connectTimeout`, every later reply by `replyTimeout`
/// (the reply after the final dot included), a write the server stops reading
/// by the same time without progress. `shouldAbort` is asked at least once a
/// second while waiting: true abandons the message at once, which is how
/// SIGTERM stops the service in the middle of a send. A failure after the
/// whole message and its final dot went out is marked `acceptanceUnknown`.
public final class SMTPTransport: MailTransport {
    public let url: String
    private let username: String?
    private let password: String?
    private let connectTimeout: Int
    private let replyTimeout: Int
    private let shouldAbort: @Sendable () -> Bool
    /// Tests only: the certificate to trust instead of the system's
    /// authorities (`CURLOPT_CAINFO`), and `host:port:address:port` to reach a
    /// name on this machine (`CURLOPT_CONNECT_TO`) so STARTTLS is required and
    /// the certificate checked against that name.
    private let trustedCertificate: String?
    private let connectTo: UnsafeMutablePointer<curl_slist>?
    /// The open connection's handle and socket; nil between connections.
    private var handle: UnsafeMutableRawPointer?
    private var socket: curl_socket_t = -1
    private var lastUsed: UInt64 = 0
    /// Whether the open connection's relay offered PIPELINING after TLS (what the transactions use).
    private(set) var pipelining = false
    /// No TLS at all (`smtp://` to this machine).
    private let plain: Bool
    /// Bytes received and not yet parsed into replies.
    private var input: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 16_384)
    // Read by libcurl's header callback while it connects, through `self`.
    private var connectLines: [String] = []
    private var connectReplyComplete = true
    private var offersPipelining = false

    /// Idle longer than this, the connection is opened again (libcurl's `CURLOPT_MAXAGE_CONN` default).
    static let maximumIdle: UInt64 = 118_000_000_000
    /// Longer than this idle, the connection is checked before use.
    static let checkAfter: UInt64 = 1_000_000_000

    /// `url`: `smtp://host:port/ehlo-name` (STARTTLS) or `smtps://…` (TLS from the start).
    public convenience init(url: String, username: String? = nil, password: String? = nil,
                connectTimeout: Int = SMTPSettings.defaultConnectTimeout, replyTimeout: Int = SMTPSettings.defaultReplyTimeout,
                shouldAbort: @escaping @Sendable () -> Bool = { false }) throws(DeliveryError) {
        try self.init(url: url, username: username, password: password, connectTimeout: connectTimeout,
                      replyTimeout: replyTimeout, shouldAbort: shouldAbort, trustedCertificate: nil, connectTo: nil)
    }

    init(url: String, username: String? = nil, password: String? = nil,
         connectTimeout: Int = SMTPSettings.defaultConnectTimeout, replyTimeout: Int = SMTPSettings.defaultReplyTimeout,
         shouldAbort: @escaping @Sendable () -> Bool = { false }, trustedCertificate: String?, connectTo: String?) throws(DeliveryError) {
        self.trustedCertificate = trustedCertificate
        self.connectTo = connectTo.map { curl_slist_append(nil, $0) }
        self.url = url
        self.username = username
        self.password = password
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
        self.shouldAbort = shouldAbort
        plain = url.lowercased().hasPrefix("smtp://") && !SMTPTransport.requiresTLS(url: url)
        if let problem = SMTPDiagnosis.settingsProblem(url: url, username: username, password: password) {
            throw .settings(problem)
        }
        // Refused settings show now, not at the first message.
        let probe = try makeHandle()
        curl_easy_cleanup(probe)
    }

    /// From the configuration, with `CRIEUR_SMTP_URL`, `CRIEUR_SMTP_USER` and
    /// `CRIEUR_SMTP_PASSWORD` taken from `environment` (the password never sits in the config file).
    public convenience init(settings: SMTPSettings, environment: [String: String],
                            shouldAbort: @escaping @Sendable () -> Bool = { false }) throws(DeliveryError) {
        let url = environment["CRIEUR_SMTP_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? settings.url ?? ""
        try self.init(url: url, username: environment["CRIEUR_SMTP_USER"], password: environment["CRIEUR_SMTP_PASSWORD"],
                      connectTimeout: settings.connectTimeout, replyTimeout: settings.replyTimeout, shouldAbort: shouldAbort)
    }

    deinit {
        // A clean end: libcurl says QUIT on a connection still open.
        if let handle { curl_easy_cleanup(handle) }
        curl_slist_free_all(connectTo)
    }

    /// STARTTLS is required except towards this machine, where nothing crosses a network.
    public static func requiresTLS(url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let loopbackIPv4 = octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
        return !(host == "localhost" || host == "::1" || host == "[::1]" || loopbackIPv4)
    }

    public func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        // The envelope goes into SMTP commands: nothing but a plain address may reach them.
        guard MailAddress.isValid(mail.sender), MailAddress.isValid(mail.recipient) else {
            return DeliveryReply(outcome: .permanentFailure, code: 0, text: "adresse d'enveloppe refusée par Crieur (invalide)")
        }
        var reused = handle != nil && connectionLooksUsable()
        if !reused, let failure = try connect() { return failure }
        while true {
            var progress = Progress()
            do {
                let reply = try transaction(mail, progress: &progress)
                lastUsed = Self.now()
                return reply
            } catch {
                closeConnection()
                // A kept connection the relay had closed meanwhile: nothing of this
                // message was taken (no reply came), so once more on a new one.
                if reused, !progress.gotReply, case .closed = error {
                    reused = false
                    if let failure = try connect() { return failure }
                    continue
                }
                return Self.reply(for: error, unknown: progress.bodySent)
            }
        }
    }

    // MARK: The transaction

    /// How far a transaction went: a failure after the whole message left leaves its acceptance unknown.
    private struct Progress {
        var gotReply = false
        var bodySent = false
    }

    private enum Failure: Error {
        case timedOut
        case aborted
        case closed(String)
    }

    private struct Reply {
        var code: Int
        var text: String
    }

    private func transaction(_ mail: OutgoingMail, progress: inout Progress) throws(Failure) -> DeliveryReply {
        let commands = ["MAIL FROM:<\(mail.sender)>\r\n", "RCPT TO:<\(mail.recipient)>\r\n", "DATA\r\n"]
        let expected = [2, 2, 3]
        var replies: [Reply] = []
        if pipelining {
            try write(Array(commands.joined().utf8))
            for _ in commands {
                let reply = try readReply()
                progress.gotReply = true
                replies.append(reply)
                // The relay is leaving (421): the other replies may never come.
                if reply.code == 421 { break }
            }
        } else {
            for (command, wanted) in zip(commands, expected) {
                try write(Array(command.utf8))
                let reply = try readReply()
                progress.gotReply = true
                replies.append(reply)
                if reply.code / 100 != wanted { break }
            }
        }
        if let refused = zip(replies, expected).first(where: { $0.0.code / 100 != $0.1 })?.0 {
            // A DATA accepted despite a refused recipient ends empty; then the transaction is reset.
            if replies.count == 3, replies[2].code / 100 == 3 {
                try write(Array(".\r\n".utf8))
                _ = try readReply()
            }
            endTransaction(after: refused)
            if replies[0].code / 100 != 2, let settings = SMTPDiagnosis.senderRefused(code: replies[0].code, text: replies[0].text,
                                                                                        sender: mail.sender) {
                return settings
            }
            return Self.reply(for: refused)
        }
        try write(Self.dataSection(mail.data))
        progress.bodySent = true
        let final = try readReply()
        if final.code / 100 == 2 {
            return DeliveryReply(outcome: .sent, code: final.code, text: final.text)
        }
        if final.code == 421 { closeConnection() }
        return Self.reply(for: final)
    }

    /// After a refusal: `RSET` so the connection serves the next message, or
    /// closed when the relay is leaving (421) or does not take the reset.
    private func endTransaction(after refused: Reply) {
        guard refused.code != 421 else { return closeConnection() }
        do {
            try write(Array("RSET\r\n".utf8))
            if try readReply().code / 100 != 2 { closeConnection() }
        } catch {
            closeConnection()
        }
    }

    private static func reply(for refused: Reply) -> DeliveryReply {
        DeliveryReply(outcome: refused.code / 100 == 5 ? .permanentFailure : .temporaryFailure, code: refused.code, text: refused.text)
    }

    private static func reply(for failure: Failure, unknown: Bool) -> DeliveryReply {
        let after = unknown ? " après la fin du message, qu'il a peut-être accepté" : ""
        switch failure {
        case .aborted:
            return DeliveryReply(outcome: .temporaryFailure, code: 0, text: "envoi interrompu par l'arrêt du service\(after)",
                                 acceptanceUnknown: unknown)
        case .timedOut:
            return DeliveryReply(outcome: .temporaryFailure, code: 0, text: "le serveur n'a pas répondu à temps\(after)",
                                 acceptanceUnknown: unknown)
        case .closed(let reason):
            return DeliveryReply(outcome: .temporaryFailure, code: 0, text: "connexion perdue\(after) (\(reason))", acceptanceUnknown: unknown)
        }
    }

    /// The message as it goes after `DATA`: a dot doubled at the start of each
    /// line, then the final dot on a line of its own. Copied a line at a time.
    static func dataSection(_ data: Data) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 8)
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                if bytes[start] == 0x2E { out.append(0x2E) }
                var end = bytes.count
                if let newline = memchr(base + start, 0x0A, bytes.count - start) {
                    end = UnsafeRawPointer(newline) - base + 1
                }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
        if !(out.count >= 2 && out[out.count - 2] == 0x0D && out[out.count - 1] == 0x0A) {
            out += [0x0D, 0x0A]
        }
        out += [0x2E, 0x0D, 0x0A]
        return out
    }

    // MARK: Bytes

    private func write(_ bytes: [UInt8]) throws(Failure) {
        guard let handle else { throw .closed("pas de connexion") }
        var offset = 0
        var deadline = Self.now() + UInt64(replyTimeout) * 1_000_000_000
        while offset < bytes.count {
            var sent = 0
            let code = bytes.withUnsafeBytes { curl_easy_send(handle, $0.baseAddress! + offset, bytes.count - offset, &sent) }
            switch code {
            case CURLE_OK where sent > 0:
                offset += sent
                deadline = Self.now() + UInt64(replyTimeout) * 1_000_000_000
            case CURLE_OK, CURLE_AGAIN:
                try wait(for: Int16(POLLOUT), until: deadline)
            default:
                throw .closed(SMTPDiagnosis.transferFailure(code))
            }
        }
    }

    /// The next complete reply (`250-…` lines continue it, `250 …` ends it).
    private func readReply() throws(Failure) -> Reply {
        let deadline = Self.now() + UInt64(replyTimeout) * 1_000_000_000
        while true {
            if let reply = try parseReply() { return reply }
            guard let handle else { throw .closed("pas de connexion") }
            // In clear, a reply is never already here when the last one has been
            // parsed: wait first. Through TLS, libcurl may hold decrypted bytes the
            // socket no longer shows: ask it first.
            if plain { try wait(for: Int16(POLLIN), until: deadline) }
            var received = 0
            let code = scratch.withUnsafeMutableBytes { curl_easy_recv(handle, $0.baseAddress!, $0.count, &received) }
            switch code {
            case CURLE_OK:
                guard received > 0 else { throw .closed("le serveur a fermé la connexion") }
                input += scratch[..<received]
            case CURLE_AGAIN:
                try wait(for: Int16(POLLIN), until: deadline)
            default:
                throw .closed(SMTPDiagnosis.transferFailure(code))
            }
        }
    }

    /// Takes one complete reply off `input`, nil when it has not all arrived.
    private func parseReply() throws(Failure) -> Reply? {
        var lines: [String] = []
        var start = 0
        while let newline = input[start...].firstIndex(of: 0x0A) {
            var end = newline
            if end > start, input[end - 1] == 0x0D { end -= 1 }
            let line = input[start..<end]
            start = newline + 1
            let digits = line.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  line.count == 3 || line[line.startIndex + 3] == 0x20 || line[line.startIndex + 3] == 0x2D
            else { throw .closed("réponse illisible du serveur") }
            lines.append(line.count > 4 ? String(decoding: line.dropFirst(4), as: UTF8.self) : "")
            if line.count == 3 || line[line.startIndex + 3] == 0x20 {
                input.removeFirst(start)
                return Reply(code: digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }, text: lines.joined(separator: " "))
            }
        }
        if input.count > 1 << 20 { throw .closed("réponse du serveur trop longue") }
        return nil
    }

    /// Waits until the socket is ready, asking `shouldAbort` at least once a second.
    private func wait(for events: Int16, until deadline: UInt64) throws(Failure) {
        while true {
            if shouldAbort() { throw .aborted }
            let now = Self.now()
            guard now < deadline else { throw .timedOut }
            var entry = pollfd(fd: socket, events: events, revents: 0)
            let slice = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            let ready = poll(&entry, 1, slice)
            if ready > 0 || (ready < 0 && errno != EINTR) { return }
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    // MARK: The connection

    /// False when the kept connection is too old, or the relay spoke or closed
    /// it while it was idle (a 421 before closing, an end of file).
    private func connectionLooksUsable() -> Bool {
        let now = Self.now()
        if now - lastUsed > Self.maximumIdle { return false }
        guard now - lastUsed > Self.checkAfter else { return true }
        var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 0
    }

    /// Opens a connection; the failure as a reply when there is none.
    private func connect() throws(DeliveryError) -> DeliveryReply? {
        closeConnection()
        let handle = try makeHandle()
        connectLines = []
        connectReplyComplete = true
        offersPipelining = false
        self.handle = handle
        let result = curl_easy_perform(handle)
        var socket: curl_socket_t = -1
        if result == CURLE_OK, crieur_curl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 {
            self.socket = socket
            pipelining = offersPipelining
            lastUsed = Self.now()
            input = []
            return nil
        }
        var code = 0
        _ = crieur_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        let text = connectLines.joined(separator: " ")
        closeConnection()
        // Refused while connecting (greeting, STARTTLS, login): the relay's state or settings.
        return SMTPDiagnosis.connectFailure(result, code: code / 100 == 4 || code / 100 == 5 ? code : 0,
                                            text: code / 100 == 4 || code / 100 == 5 ? text : "", url: url)
    }

    /// Shuts the connection down without a word (its state is unknown, or it is
    /// already lost: a QUIT would wait for a reply that may never come, holding
    /// a stopping service for `replyTimeout`), then frees the handle.
    private func closeConnection() {
        guard let handle else { return }
        if socket >= 0 { _ = shutdown(socket, Int32(SHUT_RDWR)) }
        curl_easy_cleanup(handle)
        self.handle = nil
        socket = -1
        input = []
    }

    private func makeHandle() throws(DeliveryError) -> UnsafeMutableRawPointer {
        guard let handle = curl_easy_init() else { throw .cannotStart("libcurl n'a pas pu créer de connexion") }
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failed: [String] = []
        func check(_ code: CURLcode, _ what: String) { if code != CURLE_OK { failed.append(what) } }
        check(crieur_curl_setopt_string(handle, CURLOPT_URL, url), "URL")
        check(crieur_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), "protocoles")
        check(crieur_curl_setopt_long(handle, CURLOPT_USE_SSL, SMTPTransport.requiresTLS(url: url)
            ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue)), "TLS")
        // libcurl connects (TLS, EHLO, AUTH) and stops: the transactions are spoken here.
        check(crieur_curl_setopt_long(handle, CURLOPT_CONNECT_ONLY, 1), "CONNECT_ONLY")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        // CONNECTTIMEOUT covers libcurl's whole connection phase, SMTP's greeting,
        // EHLO, STARTTLS and AUTH included.
        check(crieur_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout), "CONNECTTIMEOUT")
        check(crieur_curl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, replyTimeout), "SERVER_RESPONSE_TIMEOUT")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "NOPROGRESS")
        check(crieur_curl_setopt_xferinfo_function(handle, { context, _, _, _, _ in
            let transport = Unmanaged<SMTPTransport>.fromOpaque(context!).takeUnretainedValue()
            return transport.shouldAbort() ? 1 : 0
        }), "XFERINFOFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context), "XFERINFODATA")
        if let trustedCertificate { check(crieur_curl_setopt_string(handle, CURLOPT_CAINFO, trustedCertificate), "CAINFO") }
        if let connectTo {
            check(crieur_curl_setopt_ptr(handle, CURLOPT_CONNECT_TO, connectTo), "CONNECT_TO")
        }
        if let username { check(crieur_curl_setopt_string(handle, CURLOPT_USERNAME, username), "USERNAME") }
        if let password { check(crieur_curl_setopt_string(handle, CURLOPT_PASSWORD, password), "PASSWORD") }
        check(crieur_curl_setopt_header_function(handle, { buffer, size, count, context in
            let transport = Unmanaged<SMTPTransport>.fromOpaque(context!).takeUnretainedValue()
            transport.takeConnectLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return size * count
        }), "HEADERFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
        if !failed.isEmpty {
            curl_easy_cleanup(handle)
            throw .cannotStart("libcurl refuse les réglages \(failed.joined(separator: ", ")) pour \(url)")
        }
        return handle
    }

    /// A reply line while libcurl connects: keeps the last complete reply's
    /// text, and whether the last EHLO reply offered PIPELINING (a greeting or
    /// STARTTLS's 220 starts over: what counts is said after TLS).
    private func takeConnectLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        guard end >= 3, bytes[..<3].allSatisfy({ (0x30...0x39).contains($0) }) else { return }
        if connectReplyComplete {
            connectLines = []
            if bytes[..<3].elementsEqual("220".utf8) { offersPipelining = false }
        }
        let text = end > 4 ? String(decoding: bytes[4..<end], as: UTF8.self) : ""
        connectLines.append(text)
        if text.uppercased() == "PIPELINING" { offersPipelining = true }
        connectReplyComplete = !(end > 3 && bytes[3] == UInt8(ascii: "-"))
    }
}
