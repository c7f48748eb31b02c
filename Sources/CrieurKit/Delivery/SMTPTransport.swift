import CCurl
import CCurlShims
import Foundation

/// Sends messages over SMTP with libcurl, one recipient per transaction so each
/// reply belongs to one person.
///
/// One easy handle is kept for the transport's lifetime, so consecutive messages
/// share the connection (libcurl goes straight to `MAIL FROM`); after a failure
/// libcurl closes it and the next `send` reconnects by itself. STARTTLS is
/// required (`CURLUSESSL_ALL`) unless the server is on this machine (loopback).
/// libcurl dot-stuffs the data, which must have CRLF line ends (`MailMessage`).
///
/// The reply: the SMTP code from `CURLINFO_RESPONSE_CODE`, the text from the
/// server's reply lines (the header callback receives them). 5xx is a permanent
/// failure; 4xx, a dropped connection, an unreachable server, a refused login
/// or a missing STARTTLS are temporary (the last two are the relay's settings,
/// not this recipient's fault). Not thread-safe: one transport per connection.
///
/// A stalled relay cannot hold a run: connecting (TCP, TLS, greeting, EHLO,
/// login) is bounded by `connectTimeout`, every later reply by `replyTimeout`
/// (libcurl's server response timeout, the reply after the final dot
/// included), an upload the server stops reading by the same time at under one
/// byte a second. `shouldAbort` is asked about once a second while libcurl
/// waits (its progress callback): true abandons the message at once, which is
/// how SIGTERM stops the service in the middle of a send. A failure after the
/// whole message went out is marked `acceptanceUnknown`.
public final class SMTPTransport: MailTransport {
    public let url: String
    private let handle: UnsafeMutableRawPointer
    // Read by libcurl's callbacks during `curl_easy_perform`, through `self`.
    private var payload = Data()
    private var offset = 0
    private var replyLines: [String] = []
    private var replyComplete = true
    private let shouldAbort: @Sendable () -> Bool

    /// `url`: `smtp://host:port/ehlo-name` (STARTTLS) or `smtps://…` (TLS from the start).
    public init(url: String, username: String? = nil, password: String? = nil,
                connectTimeout: Int = SMTPSettings.defaultConnectTimeout, replyTimeout: Int = SMTPSettings.defaultReplyTimeout,
                shouldAbort: @escaping @Sendable () -> Bool = { false }) throws(DeliveryError) {
        guard let handle = curl_easy_init() else { throw .cannotStart("libcurl n'a pas pu créer de connexion") }
        self.handle = handle
        self.url = url
        self.shouldAbort = shouldAbort
        let context = Unmanaged.passUnretained(self).toOpaque()
        var failed: [String] = []
        func check(_ code: CURLcode, _ what: String) { if code != CURLE_OK { failed.append(what) } }
        check(crieur_curl_setopt_string(handle, CURLOPT_URL, url), "URL")
        check(crieur_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"), "protocoles")
        check(crieur_curl_setopt_long(handle, CURLOPT_USE_SSL, SMTPTransport.requiresTLS(url: url)
            ? Int(CURLUSESSL_ALL.rawValue) : Int(CURLUSESSL_NONE.rawValue)), "TLS")
        check(crieur_curl_setopt_long(handle, CURLOPT_UPLOAD, 1), "UPLOAD")
        // libcurl allocates twice this for dot-stuffing at every message; the
        // default (64 KB) makes that 128 KB, which glibc returns to the system each time.
        check(crieur_curl_setopt_long(handle, CURLOPT_UPLOAD_BUFFERSIZE, 16_384), "UPLOAD_BUFFERSIZE")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        // CONNECTTIMEOUT covers libcurl's whole connection phase, SMTP's greeting,
        // EHLO, STARTTLS and AUTH included; the response timeout, each reply after it.
        check(crieur_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout), "CONNECTTIMEOUT")
        check(crieur_curl_setopt_long(handle, CURLOPT_SERVER_RESPONSE_TIMEOUT, replyTimeout), "SERVER_RESPONSE_TIMEOUT")
        check(crieur_curl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1), "LOW_SPEED_LIMIT")
        check(crieur_curl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, replyTimeout), "LOW_SPEED_TIME")
        check(crieur_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "NOPROGRESS")
        check(crieur_curl_setopt_xferinfo_function(handle, { context, _, _, _, _ in
            let transport = Unmanaged<SMTPTransport>.fromOpaque(context!).takeUnretainedValue()
            return transport.shouldAbort() ? 1 : 0
        }), "XFERINFOFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_XFERINFODATA, context), "XFERINFODATA")
        if let username { check(crieur_curl_setopt_string(handle, CURLOPT_USERNAME, username), "USERNAME") }
        if let password { check(crieur_curl_setopt_string(handle, CURLOPT_PASSWORD, password), "PASSWORD") }
        check(crieur_curl_setopt_read_function(handle, { buffer, size, count, context in
            let transport = Unmanaged<SMTPTransport>.fromOpaque(context!).takeUnretainedValue()
            return transport.fill(buffer!, capacity: size * count)
        }), "READFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_READDATA, context), "READDATA")
        check(crieur_curl_setopt_header_function(handle, { buffer, size, count, context in
            let transport = Unmanaged<SMTPTransport>.fromOpaque(context!).takeUnretainedValue()
            transport.takeReplyLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
            return size * count
        }), "HEADERFUNCTION")
        check(crieur_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
        if !failed.isEmpty {
            // Every property is set: deinit runs and cleans the handle up.
            throw .cannotStart("libcurl refuse les réglages \(failed.joined(separator: ", ")) pour \(url)")
        }
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
        curl_easy_cleanup(handle)
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
        payload = mail.data
        offset = 0
        replyLines = []
        replyComplete = true
        defer { payload = Data() }
        let recipients = curl_slist_append(nil, "<\(mail.recipient)>")
        defer { curl_slist_free_all(recipients) }
        guard crieur_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(mail.sender)>") == CURLE_OK,
              crieur_curl_setopt_ptr(handle, CURLOPT_MAIL_RCPT, recipients) == CURLE_OK,
              crieur_curl_setopt_long(handle, CURLOPT_INFILESIZE, payload.count) == CURLE_OK
        else { throw .cannotStart("libcurl refuse l'enveloppe du message") }

        let result = curl_easy_perform(handle)
        var code = 0
        _ = crieur_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        let text = replyLines.joined(separator: " ")
        if result == CURLE_OK {
            return DeliveryReply(outcome: .sent, code: code, text: text)
        }
        let reason = String(cString: curl_easy_strerror(result))
        switch code / 100 {
        case 5 where result != CURLE_LOGIN_DENIED:
            return DeliveryReply(outcome: .permanentFailure, code: code, text: text)
        case 4, 5:
            return DeliveryReply(outcome: .temporaryFailure, code: code, text: text.isEmpty ? reason : text)
        default:
            // No failing reply: the connection dropped, the server went silent or
            // could not be reached, or the service is stopping.
            dropConnection()
            // libcurl took every byte (it knows the size): the final dot follows them.
            let unknown = !payload.isEmpty && offset == payload.count
            let after = unknown ? " après la fin du message, qu'il a peut-être accepté" : ""
            switch result {
            case CURLE_ABORTED_BY_CALLBACK:
                return DeliveryReply(outcome: .temporaryFailure, code: 0, text: "envoi interrompu par l'arrêt du service\(after)",
                                     acceptanceUnknown: unknown)
            case CURLE_OPERATION_TIMEDOUT:
                return DeliveryReply(outcome: .temporaryFailure, code: 0,
                                     text: "le serveur n'a pas répondu à temps\(after) (libcurl: \(reason))", acceptanceUnknown: unknown)
            default:
                return DeliveryReply(outcome: .temporaryFailure, code: 0,
                                     text: unknown ? "connexion perdue\(after) (libcurl: \(reason))" : "libcurl: \(reason)",
                                     acceptanceUnknown: unknown)
            }
        }
    }

    /// Shuts down a connection left in an unknown state (a relay silent after
    /// the final dot, a send given up). libcurl would otherwise keep it, reuse
    /// it, or say QUIT on it when the handle is cleaned up and wait for a reply
    /// that never comes, holding a stopping service for `replyTimeout`.
    private func dropConnection() {
        var socket: curl_socket_t = -1
        guard crieur_curl_getinfo_socket(handle, CURLINFO_ACTIVESOCKET, &socket) == CURLE_OK, socket >= 0 else { return }
        _ = shutdown(socket, Int32(SHUT_RDWR))
    }

    private func fill(_ buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, payload.count - offset)
        guard count > 0 else { return 0 }
        payload.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Keeps the last complete reply: `250-…` lines continue it, `250 …` ends it.
    private func takeReplyLine(_ bytes: UnsafeRawBufferPointer) {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        guard end >= 3, bytes[..<3].allSatisfy({ (0x30...0x39).contains($0) }) else { return }
        if replyComplete { replyLines = [] }
        replyLines.append(end > 4 ? String(decoding: bytes[4..<end], as: UTF8.self) : "")
        replyComplete = !(end > 3 && bytes[3] == UInt8(ascii: "-"))
    }
}
