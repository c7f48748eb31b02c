import CCurlShims

/// Facts about this build of Crieur.
public enum Crieur {
    public static let version = "0.1.0"

    /// The libcurl Crieur is linked with, as libcurl reports it.
    public static var curlVersion: String {
        String(cString: crieur_curl_version())
    }
}
