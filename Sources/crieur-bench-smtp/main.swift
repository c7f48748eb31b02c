// crieur-bench-smtp: drives the newsletter's sending path for
// benchmarks/newsletter/bench. For each of N subscribers it renders the issue
// with the default templates (NewsletterRenderer), sends it through one
// SMTPTransport (one connection) and records the attempt durably in
// data/deliveries.jsonl (DeliveryLog, fdatasync per record), exactly what the
// newsletter sender does per message. A separate executable rather than a hidden
// `crieur` subcommand: the product binary and its help stay free of benchmark
// code. Prints one JSON object; exits 1 if any message was not sent.
import CrieurKit
import Foundation

func option(_ name: String, default fallback: String) -> String {
    let args = CommandLine.arguments
    guard let index = args.firstIndex(of: name), index + 1 < args.count else { return fallback }
    return args[index + 1]
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Peak resident memory of this process, from the kernel (VmHWM), in kB.
func peakMemoryKB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

let url = option("--url", default: "")
let count = Int(option("--count", default: "10000"))!
let size = Int(option("--size", default: "4096"))!
let root = option("--workspace", default: NSTemporaryDirectory() + "crieur-bench-smtp-\(getpid())")
guard !url.isEmpty else {
    FileHandle.standardError.write(Data("usage: crieur-bench-smtp --url smtp://127.0.0.1:PORT [--count N] [--size BYTES] [--sync-every N] [--workspace DIR] [--prerendered] [--no-record] [--no-send]\n".utf8))
    exit(64)
}

let workspace = Workspace(root: root)
try WorkspaceSetup.create(workspace)
let config = try workspace.loadConfig()
let renderer = try NewsletterRenderer(config: config, templates: try NewsletterTemplates.load(from: workspace), clock: SystemClock())
let transport = try SMTPTransport(url: url)
let syncEvery = Int(option("--sync-every", default: "64"))!
let log = DeliveryLog(workspace: workspace, syncEvery: syncEvery)

// One item whose body grows until a rendered message weighs `size` bytes.
let sentence = "Le repair café revient samedi : venez réparer vos objets avec nos bénévoles, c'est gratuit. "
func issue(sentences: Int) -> NewsletterIssue {
    let text = String(repeating: sentence, count: sentences)
    let item = Item(title: "Repair café", channels: [.newsletter], place: "Salle du village",
                    body: Body(blocks: [.paragraph([[.text(text)]])]), bodyText: text, bodyFirstLine: 1)
    return NewsletterIssue(id: "bench", title: "Les nouvelles du CPAS", date: CivilDate(year: 2026, month: 3, day: 2), items: [item])
}
func recipient(_ index: Int) -> NewsletterRecipient {
    NewsletterRecipient(id: "s-\(index)", address: "abonne\(index)@exemple.be", token: "jeton-de-test-\(100_000 + index)")
}
var sentences = 0
while try renderer.render(issue: issue(sentences: sentences), recipient: recipient(0)).data.count < size { sentences += 1 }
let bench = renderer.prepare(issue(sentences: sentences))

// Diagnostics, to see where the time goes: --prerendered sends one rendered
// message N times (the transport alone), --no-record skips the delivery log,
// --no-send renders and records only.
let flags = Set(CommandLine.arguments)
let noLog = flags.contains("--no-record")
let noSend = flags.contains("--no-send")
let preMail = flags.contains("--prerendered") ? try renderer.render(bench, recipient: recipient(0)) : nil
var sent = 0, bytes = 0
var failures: [String: Int] = [:]
let start = monotonicSeconds()
for index in 0..<count {
    let mail = try preMail ?? renderer.render(bench, recipient: recipient(index))
    bytes += mail.data.count
    let reply = noSend ? DeliveryReply(outcome: .sent, code: 250, text: "not sent (--no-send)") : try transport.send(mail)
    if !noLog { try log.record(DeliveryRecord(issue: bench.issue.id, subscriber: "s-\(index)", attempt: 1, reply: reply, time: SystemClock().now())) }
    if reply.outcome == .sent { sent += 1 } else { failures["\(reply.code) \(reply.text)", default: 0] += 1 }
}
try log.sync()
let seconds = monotonicSeconds() - start
let records = try log.records().count

let report: [String: Any] = [
    "messages": count, "sent": sent, "failures": failures, "seconds": seconds,
    "perSecond": Double(count) / seconds, "averageBytes": bytes / max(count, 1),
    "deliveryRecords": records, "syncEvery": syncEvery, "peakKB": peakMemoryKB(),
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
exit(sent == count && (noLog || records == count) ? 0 : 1)
