import Foundation
import FuzzSupport

/// libFuzzer target: any bytes as a plain-text announcement (`NAME.txt`), as staff drop them in
/// `queue/incoming/` or give them to `crieur check` (`checkItemParser`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItemText(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget { checkItemParser(Data(bytes: start, count: count), fileName: "annonce.txt") }
    return 0
}
