import CrieurKit
import Foundation
import FuzzSupport

/// libFuzzer target: any bytes as the CSV file of `crieur subscribers import`
/// (often exported from Excel). Every line is either a row or a problem.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSubscriberCSV(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let parsed = SubscriberCSV.parse(Data(bytes: start, count: count))
        if parsed.fileRefused {
            precondition(parsed.rows.isEmpty && !parsed.problems.isEmpty, "a refused file with rows or without a reason")
        }
        for row in parsed.rows {
            precondition(row.line >= 1, "a row without its line")
            // An accepted address is stored as it will be read back: validating it again changes nothing.
            let again = try? EmailAddress(validating: row.request.address.value)
            precondition(again == row.request.address, "an imported address that does not survive a second reading")
        }
        for problem in parsed.problems {
            precondition(!problem.message.isEmpty && (problem.line ?? 1) >= 1, "a problem without a message or with a bad line")
        }
    }
    return 0
}
