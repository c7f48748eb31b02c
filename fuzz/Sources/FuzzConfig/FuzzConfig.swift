import CrieurKit
import Foundation
import FuzzSupport

/// libFuzzer target: any bytes as `config/crieur.json5`, the file a centre's
/// administrator edits by hand. A bad file must give a French message, never
/// a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    withCPUBudget {
        let data = Data(bytes: start, count: count)
        do throws(ConfigError) {
            _ = try CrieurConfig.parse(data)
        } catch {
            precondition(!error.problems.isEmpty, "a refused configuration without a reason")
        }
    }
    return 0
}
