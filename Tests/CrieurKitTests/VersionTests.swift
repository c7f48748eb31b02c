import Testing
@testable import CrieurKit

@Test func curlVersionNamesLibcurl() {
    #expect(Crieur.curlVersion.hasPrefix("libcurl/"))
}
