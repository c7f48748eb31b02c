/// The Unicode questions the readability checker asks about every scalar of a
/// text (is it a letter, a capital, does lower case change it), answered from
/// a table for the scalars below U+0250 (ASCII, Latin-1, Latin Extended-A
/// and B: all of French) and from `Unicode.Scalar.Properties` beyond. The
/// table is filled from those same properties, so the answers are identical;
/// only the cost differs (the property lookups were a sixth of `crieur check`).
/// Also builds Strings from scalars without appending them one by one.
enum LetterTable {
    private static let tableSize: UInt32 = 0x250
    private static let letter: UInt8 = 1
    private static let uppercase: UInt8 = 2
    private static let changesWhenLowercased: UInt8 = 4

    private static let flags: [UInt8] = (0..<tableSize).map { value in
        let properties = Unicode.Scalar(value)!.properties
        return (properties.isAlphabetic ? letter : 0) | (properties.isUppercase ? uppercase : 0)
            | (properties.changesWhenLowercased ? changesWhenLowercased : 0)
    }

    /// `c.properties.isAlphabetic`.
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.value < tableSize ? flags[Int(c.value)] & letter != 0 : c.properties.isAlphabetic
    }

    /// `c.properties.isUppercase`.
    static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        c.value < tableSize ? flags[Int(c.value)] & uppercase != 0 : c.properties.isUppercase
    }

    /// `c.properties.changesWhenLowercased`.
    static func changesWhenLowercased(_ c: Unicode.Scalar) -> Bool {
        c.value < tableSize ? flags[Int(c.value)] & changesWhenLowercased != 0 : c.properties.changesWhenLowercased
    }

    /// Whether `c` is an ASCII digit.
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value &- 48 < 10
    }

    /// The String of `scalars`, encoded to UTF-8 in one pass (appending to a
    /// `String.UnicodeScalarView` scalar by scalar was a tenth of the checker's time).
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        // Written straight into the String's own storage: no intermediate byte array, and
        // no allocation at all for a word of up to 15 bytes (stored inline in the String).
        // The buffer is safe to fill: its capacity is the exact UTF-8 length, counted first,
        // and the count returned is the number of bytes written, valid UTF-8 by construction.
        let length = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }
}
