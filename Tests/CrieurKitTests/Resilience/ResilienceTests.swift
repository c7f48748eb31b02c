import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The queue's promises under violence: a worker killed with SIGKILL at any
/// step of an item loses nothing, and two workers on one queue never process
/// the same item. Both run the real `crieur` executable, stopped at named
/// points (`PausePoint`) so that each kill and the race happen where intended.
@Suite(.serialized) struct ResilienceTests {
    static let now = "2026-11-20T12:00:00"

    /// A mix of what staff drop: valid items (some for Facebook), items due
    /// later, broken ones. Returns names by the state each must end in.
    static func fill(_ workspace: TestWorkspace, count: Int) throws -> [QueueState: Set<String>] {
        var expected: [QueueState: Set<String>] = [:]
        for index in 0..<count {
            let name = String(format: "annonce-%04d.txt", index)
            let text: String
            let state: QueueState
            switch index % 5 {
            case 0, 1:
                text = "Titre: Permanence numéro \(index)\nCanaux: facebook\n---\nVenez au CPAS le mardi.\n"
                state = .done
            case 2:
                text = "Titre: Atelier \(index)\nCanaux: ecran, newsletter\n---\nUn atelier pour tous.\n"
                state = .done
            case 3:
                text = "Titre: Plus tard \(index)\nCanaux: facebook\nPublication: 2027-01-15\n---\nBientôt.\n"
                state = .deferred
            default:
                text = "Titre: Cassée \(index)\nCanaux: telegramme\n---\nUn texte.\n"
                state = .rejected
            }
            try workspace.write(text, to: "queue/incoming/\(name)")
            expected[state, default: []].insert(name)
        }
        return expected
    }

    /// Every item is in exactly the state expected, none twice, none in flight,
    /// each refusal has its report, and no output was written twice.
    static func expectFinalStates(_ workspace: TestWorkspace, _ expected: [QueueState: Set<String>], count: Int) {
        var seen: [String: [QueueState]] = [:]
        for state in QueueState.allCases {
            for name in workspace.items(state) { seen[name, default: []].append(state) }
        }
        #expect(seen.count == count, "every item is somewhere")
        for (name, states) in seen {
            #expect(states.count == 1, "\(name) is in \(states)")
        }
        for (state, names) in expected {
            #expect(Set(workspace.items(state)) == names, "items in \(state.rawValue)")
        }
        #expect(workspace.items(.incoming).isEmpty)
        #expect(workspace.items(.active).isEmpty)
        let rejected = Set(workspace.names("queue/rejected"))
        for name in expected[.rejected] ?? [] {
            #expect(rejected.contains(name + QueueLayout.reportSuffix), "\(name) has its report")
        }
        let posts = workspace.names("out/facebook").filter { $0.hasSuffix(".txt") }
        let facebookItems = (expected[.done] ?? []).filter { name in
            (try? workspace.read("queue/done/\(name)"))?.contains("Canaux: facebook") == true
        }
        #expect(posts.count == facebookItems.count, "one post per published Facebook item, none duplicated")
    }

    /// Where an item's life can be cut short: before its claim (rename into the
    /// worker's folder), once claimed, once its outputs are written, once its
    /// journal line is written (just before its move to done/).
    static let killPoints = ["spool.claim", "worker.claimed", "worker.rendered", "worker.journaled"]

    @Test func workerKilledAtEachStepOfAnItemLosesNoItem() throws {
        let workspace = try TestWorkspace()
        let count = 300
        let expected = try Self.fill(workspace, count: count)
        // A seeded schedule: each kill comes at a named step of the Nth item
        // that reaches it, so every run cuts the same places, and each kill is
        // known to have happened there.
        var schedule = SeededGenerator(seed: 0x63_72_69_65_75_72)
        var plan = (0..<12).map { Self.killPoints[$0 % Self.killPoints.count] }
        plan.shuffle(using: &schedule)
        var kills: [String] = []
        for point in plan {
            let occurrence = 1 + Int(schedule.next() % 6)
            let fifo = try PauseFIFO(in: workspace.root, name: "pause-\(kills.count)")
            let worker = try CrieurBinary.start(["--root", workspace.root, "--now", Self.now, "work", "--once"],
                                                environment: fifo.environment(pausingAt: "\(point)#\(occurrence)"), discardOutput: true)
            let reached = fifo.waitUntilReached(worker)
            kill(worker.processIdentifier, SIGKILL)
            worker.waitUntilExit()
            #expect(reached?.hasPrefix("\(point) annonce-") == true, "kill \(kills.count + 1) at \(point)#\(occurrence): \(reached ?? "not reached")")
            #expect(worker.terminationReason == .uncaughtSignal)
            kills.append(reached ?? "")
        }
        // Each of the four steps was cut three times.
        for point in Self.killPoints {
            #expect(kills.contains { $0.hasPrefix(point + " ") }, "a kill at \(point)")
        }
        #expect(!workspace.items(.incoming).isEmpty, "the kills came while the worker still had work")
        // A last clean pass takes back what the victims held and repairs reports.
        let final = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "work", "--once"])
        #expect(final.status == 0, "\(final.stderr)")
        Self.expectFinalStates(workspace, expected, count: count)
        // No claim folder of a killed worker is left behind. A staging folder of
        // a worker killed while opening is swept only once a minute old (a
        // younger one may belong to a worker starting now); it never holds an item.
        let active = workspace.layout.directory(.active)
        for name in try FileSystem.names(in: active) {
            #expect(name.hasPrefix(".new-"), "claim folder \(name) left behind")
            #expect(try FileSystem.names(in: "\(active)/\(name)").allSatisfy { $0 == ".lock" })
        }
    }

    /// Worker A is stopped right before renaming its first item into its claim
    /// folder, having seen it in `incoming/`; worker B then takes the whole
    /// queue, that item included; A goes on and must find it gone.
    @Test func twoWorkersReachingTheSameItemProcessItOnce() throws {
        let workspace = try TestWorkspace()
        let count = 200
        let expected = try Self.fill(workspace, count: count)
        let fifo = try PauseFIFO(in: workspace.root)
        let logA = workspace.path("worker-a.log"), logB = workspace.path("worker-b.log")
        let a = try Self.worker(workspace, log: logA, environment: fifo.environment(pausingAt: "spool.claim#1"))
        let reached = try #require(fifo.waitUntilReached(a), "worker A reached its first claim")
        let contested = String(reached.dropFirst("spool.claim ".count))
        #expect(workspace.items(.incoming).contains(contested), "A stopped with \(contested) still in incoming/")

        let b = try Self.worker(workspace, log: logB, environment: [:])
        b.waitUntilExit()
        #expect(b.terminationStatus == 0)
        #expect(!workspace.items(.incoming).contains(contested), "B took \(contested) while A was about to")
        fifo.resume(a)
        a.waitUntilExit()
        #expect(a.terminationStatus == 0)

        // Each worker logs one line per item it handled: across both logs,
        // every item must appear exactly once, the contested one by B.
        let handledA = try Self.handled(in: logA), handledB = try Self.handled(in: logB)
        #expect(!handledA.contains(contested))
        #expect(handledB.contains(contested))
        var handled: [String: Int] = [:]
        for name in handledA + handledB { handled[name, default: 0] += 1 }
        #expect(handled.count == count)
        #expect(handled.values.allSatisfy { $0 == 1 }, "no item handled twice: \(handled.filter { $0.value > 1 })")
        Self.expectFinalStates(workspace, expected, count: count)
    }

    static func worker(_ workspace: TestWorkspace, log: String, environment: [String: String]) throws -> Process {
        #expect(FileManager.default.createFile(atPath: log, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CrieurBinary.path)
        process.arguments = ["--root", workspace.root, "--now", now, "work", "--once"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { $0.key != "CRIEUR_ROOT" }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        return process
    }

    /// The items a worker's log says it handled, one per line naming « annonce-… ».
    static func handled(in log: String) throws -> [String] {
        try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "« annonce-"), let end = line[start.upperBound...].range(of: " »") else { return nil }
            return String(line[line.index(start.lowerBound, offsetBy: 2)..<end.lowerBound])
        }
    }
}

/// SplitMix64: a small generator whose sequence is fixed by its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
