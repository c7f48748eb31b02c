import CrieurKit
import FuzzSupport

/// libFuzzer target: a message read from the centre's mailbox (anyone can send
/// one). Either it is refused with a `MIMEParseError`, or it is sorted; a
/// bounce's token is a well-formed token, its diagnostic short, its status a
/// 4.x.x or 5.x.x code that agrees with a permanent bounce; an unsubscribe's
/// token is well-formed too. The CPU budget checks the parser stays linear.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIncomingMail(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let bytes = Array(UnsafeBufferPointer(start: start, count: count))
        guard let mail = try? IncomingMailClassifier.classify(bytes) else { return }
        switch mail {
        case .bounce(let bounce):
            checkToken(bounce.token)
            precondition(bounce.diagnostic.count <= 300, "a diagnostic over 300 characters")
            if let status = bounce.status {
                precondition(status.split(separator: ".", omittingEmptySubsequences: false).count == 3, "status \(status)")
                if bounce.severity == .permanent, bounce.format == .text { precondition(status.hasPrefix("5"), "permanent with \(status)") }
            }
        case .unsubscribe(let request):
            checkToken(request.token)
        case .forPerson:
            break
        }
    }
    return 0
}

private func checkToken(_ token: String?) {
    guard let token else { return }
    precondition((16...128).contains(token.utf8.count), "a token of \(token.utf8.count) bytes")
    precondition(token.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }, "a token with a character outside [A-Za-z0-9_-]")
}
