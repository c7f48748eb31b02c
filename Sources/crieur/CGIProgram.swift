import CrieurKit
import Foundation

/// What `crieur web` and `crieur bureau` share as CGI programs (RFC 3875):
/// the configuration or a French « service indisponible » page, and the
/// answer on standard output. Problems go to standard error, which the web
/// server logs, never onto the page.
enum CGIProgram {
    /// The workspace's configuration; nil after answering 503 with `unavailable` when it cannot be read.
    static func config(_ workspace: Workspace, command: String, unavailable: String) -> CrieurConfig? {
        do {
            return try workspace.loadConfig()
        } catch {
            Console.err("crieur \(command) : \(error)")
            write(CGIResponse(status: 503, body: "<!DOCTYPE html><html lang=\"fr\"><title>Service indisponible</title>"
                + "<p>\(unavailable)</p></html>\n"))
            return nil
        }
    }

    static func write(_ response: CGIResponse) {
        FileHandle.standardOutput.write(response.encoded)
    }
}
