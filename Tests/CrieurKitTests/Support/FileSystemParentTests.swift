import Testing
@testable import CrieurKit

@Suite struct FileSystemParentTests {
    @Test func aBareRelativeNameLivesInTheCurrentFolder() {
        #expect(FileSystem.parent(of: "x") == ".")
        #expect(FileSystem.parent(of: "x/") == ".")
    }

    @Test func aNameAtTheRootLivesInTheRoot() {
        #expect(FileSystem.parent(of: "/x") == "/")
        #expect(FileSystem.parent(of: "/") == "/")
    }

    @Test func nestedPathsLoseTheirLastComponentAndExtraSlashes() {
        #expect(FileSystem.parent(of: "x/config") == "x")
        #expect(FileSystem.parent(of: "/srv/crieur/data/consent.jsonl") == "/srv/crieur/data")
        #expect(FileSystem.parent(of: "a//b") == "a")
        #expect(FileSystem.parent(of: "a/b/") == "a")
    }
}
