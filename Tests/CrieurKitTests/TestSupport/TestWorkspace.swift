import Foundation
@testable import CrieurKit

/// A throw-away workspace under the system's temporary folder, created with
/// `crieur init`'s defaults; removed when the value is released.
final class TestWorkspace {
    let root: String
    var workspace: Workspace { Workspace(root: root) }
    var layout: QueueLayout { workspace.queue }

    init(settleSeconds: Int = 0, extraConfig: String = "") throws {
        root = NSTemporaryDirectory() + "crieur-test-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try WorkspaceSetup.create(Workspace(root: root))
        // Tests decide stability themselves; 0 takes files at first sight.
        let config = "{ queue: { settleSeconds: \(settleSeconds) }, \(extraConfig) }"
        try write(config, to: CrieurConfig.relativePath)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { "\(root)/\(relative)" }

    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        try FileSystem.makeDirectory((path(relative) as NSString).deletingLastPathComponent)
        try data.write(to: URL(fileURLWithPath: path(relative)))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Visible file names in a folder of the workspace.
    func names(_ relative: String) -> [String] {
        ((try? FileSystem.names(in: path(relative))) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// Item names per queue state, claim folders of workers included for `active`.
    func items(_ state: QueueState) -> [String] {
        var result: [String] = []
        for name in names("queue/\(state.rawValue)") {
            let full = layout.path(state, name)
            if state == .active, (try? FileSystem.info(full))??.kind == .directory {
                result += ((try? FileSystem.names(in: full)) ?? []).filter(QueueLayout.isItemName)
            } else if QueueLayout.isItemName(name) {
                result.append(name)
            }
        }
        return result.sorted()
    }

    func config() throws -> CrieurConfig { try workspace.loadConfig() }
}

/// Collects log lines in memory.
final class LogCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    var lines: [String] { lock.withLock { stored } }

    func logger(clock: any Clock = SystemClock()) -> Logger {
        Logger(clock: clock, calendar: CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)) { line in
            self.lock.withLock { self.stored.append(line) }
        }
    }
}

/// The `crieur` executable built beside the test bundle, run as a user would.
enum CrieurBinary {
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["CRIEUR_BINARY"] { return explicit }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("crieur").path
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `crieur` with the arguments and waits for it.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws -> Result {
        let process = try start(arguments, environment: environment, directory: directory)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `crieur` without waiting; its output goes to pipes.
    /// `standardInput`: a pipe the test keeps open and empty shows that the program reads nothing (it would hang).
    static func start(_ arguments: [String], environment: [String: String] = [:],
                      discardOutput: Bool = false, directory: String? = nil, standardInput: Pipe? = nil) throws -> Process {
        let process = Process()
        if let standardInput { process.standardInput = standardInput }
        process.executableURL = URL(fileURLWithPath: path)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CRIEUR_ROOT")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if discardOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        }
        try process.run()
        return process
    }
}
