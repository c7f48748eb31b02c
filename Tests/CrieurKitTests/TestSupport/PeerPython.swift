import Foundation

/// The Python the tests run their peers with (aiosmtpd, the MIME parser, a
/// static web server, zipfile): `.venv-peers/bin/python3`, the virtual
/// environment `scripts/setup --tests` makes with Debian's Python and fills
/// from `scripts/python-peers.txt`. Without it (setup not run), the `python3`
/// on `PATH`, so a missing package fails the test that needs it by name.
enum PeerPython {
    static let venv: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // TestSupport, CrieurKitTests, Tests: the repository
        return url.appendingPathComponent(".venv-peers").path
    }()

    /// The program to start: an absolute path, or `python3` to look up on `PATH`.
    static let executable: String = {
        let inVenv = "\(venv)/bin/python3"
        return FileManager.default.isExecutableFile(atPath: inVenv) ? inVenv : "python3"
    }()

    /// Arguments for `/usr/bin/env` (what the tests' `Process`es start) to run Python with `arguments`.
    static func command(_ arguments: [String]) -> [String] { [executable] + arguments }
}
