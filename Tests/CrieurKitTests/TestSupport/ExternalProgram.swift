import Foundation

/// Runs a real program the tests use as a peer (Chromium, Python) and returns
/// its standard output. Standard error goes to a temporary file (Chromium is
/// chatty) whose end, with the end of the output, is in the failure when the
/// program fails; a hung program is killed by `timeout -s KILL` (SIGTERM may
/// be blocked in a child of a test thread).
enum ExternalProgram {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String], input: Data? = nil, seconds: Int = 120) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-s", "KILL", "\(seconds)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("crieur-peer-\(UUID().uuidString).err")
        guard FileManager.default.createFile(atPath: errorPath.path, contents: nil) else { throw Failure(description: "cannot create \(errorPath.path)") }
        defer { try? FileManager.default.removeItem(at: errorPath) }
        process.standardError = try FileHandle(forWritingTo: errorPath)
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? Data(contentsOf: errorPath)) ?? Data()
            throw Failure(description: "\(arguments.first ?? "?") ended with status \(process.terminationStatus)\n"
                + "standard output (end): \(String(decoding: data.suffix(3000), as: UTF8.self))\n"
                + "standard error (end): \(String(decoding: errors.suffix(3000), as: UTF8.self))")
        }
        return data
    }

    /// Runs a Python 3 script given as text, with arguments.
    static func python(_ script: String, _ arguments: [String] = [], input: Data? = nil) throws -> String {
        String(decoding: try run(PeerPython.command(["-c", script] + arguments), input: input), as: UTF8.self)
    }
}

/// Headless Chromium, as TECHNOTES describes it, in kiosk mode on a 1920×1080
/// screen, as on the waiting-room television: without `--kiosk` and
/// `--screen-info` a headless window of 1920×1080 shows the page in only
/// 1920×937 (the rest is the window's frame).
enum HeadlessChromium {
    /// The DOM after the page's scripts ran for `virtualMilliseconds` of virtual time.
    static func dumpDOM(_ url: String, virtualMilliseconds: Int = 3_000) throws -> String {
        String(decoding: try run(url, virtualMilliseconds: virtualMilliseconds, ["--dump-dom"]), as: UTF8.self)
    }

    static func screenshot(_ url: String, to path: String, virtualMilliseconds: Int = 3_000) throws {
        _ = try run(url, virtualMilliseconds: virtualMilliseconds, ["--screenshot=\(path)"])
    }

    private static func run(_ url: String, virtualMilliseconds: Int, _ extra: [String]) throws -> Data {
        let profile = NSTemporaryDirectory() + "crieur-chromium-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        return try ExternalProgram.run([
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
            "--kiosk", "--screen-info={1920x1080}", "--window-size=1920,1080", "--hide-scrollbars", "--virtual-time-budget=\(virtualMilliseconds)",
        ] + extra + [url])
    }
}
