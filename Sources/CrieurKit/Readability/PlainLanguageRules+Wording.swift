extension PlainLanguageRules {
    /// The French excerpt, message and suggestion of findings already written, by the
    /// words they concern. A long text meets the same administrative and long words
    /// again and again, and their findings say the same thing each time: writing those
    /// sentences once and sharing them spares an interpolation and a few hundred bytes
    /// per finding (a quarter of the checker's allocations on a long text).
    ///
    /// Keyed by `WordTable` numbers rather than by text: a word with combining marks
    /// gets a number of its own at each occurrence, so a finding only ever reuses the
    /// very bytes it would have written.
    struct Wording {
        struct Texts {
            var excerpt: String
            var message: String
            var suggestion: String
        }

        var administrative: [ArraySlice<Int32>: Texts] = [:]
        var longWord: [Int32: Texts] = [:]
    }
}
