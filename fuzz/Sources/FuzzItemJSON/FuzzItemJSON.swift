import Foundation
import FuzzSupport

/// libFuzzer target: any bytes as a JSON announcement (`NAME.json`), as staff drop them in
/// `queue/incoming/` or give them to `crieur check` (`checkItemParser`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzItemJSON(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget { checkItemParser(Data(bytes: start, count: count), fileName: "annonce.json") }
    return 0
}
