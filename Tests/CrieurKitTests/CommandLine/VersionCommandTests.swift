import Foundation
import Testing
@testable import CrieurKit

@Suite struct VersionCommandTests {
    @Test func versionNamesCrieurAndLibcurl() throws {
        let result = try CrieurBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("crieur \(Crieur.version)"))
        #expect(result.stdout.contains("libcurl/"))
    }
}
