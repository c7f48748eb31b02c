import Foundation
import Testing
@testable import CrieurKit

struct StoredZipTests {
    @Test func crcMatchesTheStandardCheckValue() {
        #expect(StoredZip.crc32(Data("123456789".utf8)) == 0xCBF4_3926)
        #expect(StoredZip.crc32(Data()) == 0)
    }

    @Test func odfPackageStartsWithItsStoredMimetype() throws {
        let draft = try BulletinTestItems.draft("2026-T4", [BulletinTestItems.record("Atelier", from: "2026-10-01")])
        let package = BulletinODF.package(draft)
        // ODF: the first entry is "mimetype", stored, without extra field, so its
        // content sits at byte 38 for tools that sniff the type.
        #expect(package.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(String(decoding: package[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: package[38..<(38 + BulletinODF.mediaType.utf8.count)], as: UTF8.self) == BulletinODF.mediaType)
        #expect(BulletinODF.package(draft) == package, "same draft, same bytes")
    }

    @Test func pythonsZipReaderReadsEveryEntryBack() throws {
        let entries: [(name: String, data: Data)] = [
            ("mimetype", Data("application/vnd.oasis.opendocument.text".utf8)),
            ("META-INF/manifest.xml", Data("<manifest/>".utf8)),
            ("content.xml", Data((0..<70_000).map { UInt8($0 % 251) })),
            ("vide.txt", Data()),
        ]
        let workspace = try TestWorkspace()
        try workspace.write(StoredZip.archive(entries), to: "test.zip")
        let script = """
            import hashlib, json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                assert z.testzip() is None
                print(json.dumps([[i.filename, i.compress_type, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = PeerPython.command(["-c", script, workspace.path("test.zip")])
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let listed = try JSONSerialization.jsonObject(with: data) as? [[Any]] ?? []
        #expect(listed.map { $0[0] as? String } == entries.map(\.name))
        #expect(listed.allSatisfy { ($0[1] as? Int) == 0 }, "every entry stored")
        let hashes = listed.map { $0[2] as? String }
        #expect(hashes == entries.map { sha256Hex($0.data) })
    }

    private func sha256Hex(_ data: Data) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: result, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
