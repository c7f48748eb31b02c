import CrieurKit
import Foundation
import FuzzSupport

/// libFuzzer target: any bytes as a plain-text announcement (`NAME.txt`), as
/// staff drop them in `queue/incoming/` or give them to `crieur check`.
/// The parser promises that nothing makes it crash; an accepted item has a
/// title, channels and a body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItemText(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let data = Data(bytes: start, count: count)
        do throws(ItemRejection) {
            let document = try ItemParser().parseDocument(data, fileName: "annonce.txt")
            if let item = document.item {
                precondition(!item.title.isEmpty && !item.channels.isEmpty && !item.body.blocks.isEmpty,
                             "an accepted item lacks its title, channels or body")
            }
        } catch {
            precondition(!error.problems.isEmpty, "a refusal without a reason")
            for problem in error.problems {
                precondition(!problem.message.isEmpty && !problem.fix.isEmpty, "a refusal without a message or a fix")
            }
        }
    }
    return 0
}
