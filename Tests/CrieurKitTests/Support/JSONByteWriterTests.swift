import Foundation
import Testing

@testable import CrieurKit

struct JSONByteWriterTests {
    /// Strings that need escaping (every control character, quote, backslash),
    /// a slash (left alone), and non-ASCII text of every UTF-8 length.
    static let strings: [String] = [
        "", "simple", "guillemets \"droits\" et \\ barre", "a/b https://cpas.be/aide",
        String(String.UnicodeScalarView((0..<32).map { Unicode.Scalar(UInt8($0)) })) + "\u{7F}",
        "Écrivez plutôt : « aide » — 10 € … \u{2028}\u{2029} 😀",
    ]

    static let doubles: [Double] = [0, -0.0, 5, 22.6, 81.22, 0.28, 1.64, 100, -12.5, 0.01, 1e-5, 123456789.12, 1e16, 3e21]

    @Test(arguments: strings)
    func stringIsEscapedAsJSONEncoderEscapesIt(text: String) throws {
        var writer = JSONByteWriter()
        writer.beginArray()
        writer.string(text)
        writer.endArray()
        #expect(writer.bytes == Array(try Self.encoder.encode([text])))
    }

    /// Every byte that needs an escape, alone in a run of plain text, at every offset of an
    /// eight-byte block (the writer skips eight plain bytes at a time), and non-ASCII around it.
    @Test func escapesAreFoundAtEveryPlaceInALongString() throws {
        let specials: [Unicode.Scalar] = (0..<32).map { Unicode.Scalar(UInt8($0)) } + ["\"", "\\"]
        for special in specials {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + String(Character(special)) + "é" + String(repeating: "b", count: 20 - offset)
                var writer = JSONByteWriter()
                writer.beginArray()
                writer.string(text)
                writer.endArray()
                #expect(writer.bytes == Array(try Self.encoder.encode([text])), "\(special.value) at \(offset)")
            }
        }
        // Bytes just above the limits (space, the byte after the quote and the backslash) are plain.
        for plain in [" ", "#", "]", "\u{7F}", "aaaaaaaaaaaaaaaaaaaa"] {
            var writer = JSONByteWriter()
            writer.string(plain + plain + plain + plain + plain + plain + plain + plain)
            #expect(writer.bytes == Array(try Self.encoder.encode(plain + plain + plain + plain + plain + plain + plain + plain)))
        }
    }

    @Test(arguments: doubles)
    func doubleIsWrittenAsJSONEncoderWritesIt(value: Double) throws {
        var writer = JSONByteWriter()
        writer.beginArray()
        writer.double(value)
        writer.endArray()
        let expected = try Self.encoder.encode([value])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func nestedContainersGetCommasOnlyBetweenMembers() throws {
        var writer = JSONByteWriter()
        writer.beginObject()
        writer.key("a")
        writer.beginArray()
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.bool(true)
        writer.endArray()
        writer.key("b")
        writer.bool(false)
        writer.key(escaping: "c\"d")
        writer.int(-3)
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[{},[],true],"b":false,"c\"d":-3}"#)
        #expect(try JSONSerialization.jsonObject(with: Data(writer.bytes)) is [String: Any])
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
