/// The second guard of the desk's POSTs, beside the form token: the browser's
/// `Origin` (else `Referer`) must name this very site, the scheme from `HTTPS`
/// and the host (with its port) from `Host`. A POST with neither header is
/// refused: every browser the desk supports sends `Origin` on a POST, and the
/// desk's pages ask for `Referrer-Policy: same-origin` so it is not `null`.
/// Default ports are ignored (`http://h:80` is `http://h`). Pure.
public enum SameOrigin {
    public static func check(_ request: CGIRequest) -> Bool {
        let scheme = request.isHTTPS ? "https" : "http"
        guard !request.host.isEmpty, let site = normalized(scheme + "://" + request.host) else { return false }
        if !request.origin.isEmpty {
            return normalized(request.origin) == site
        }
        guard !request.referer.isEmpty else { return false }
        return normalized(request.referer) == site
    }

    /// `scheme://host[:port]` lower-case without a default port, from an origin or a URL; nil when it is neither.
    static func normalized(_ text: String) -> String? {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = text[separator.upperBound...]
        var authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if authority.hasSuffix(defaultPort) { authority.removeLast(defaultPort.count) }
        return scheme + "://" + authority
    }
}
