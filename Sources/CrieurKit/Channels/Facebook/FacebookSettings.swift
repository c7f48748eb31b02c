/// How Facebook posts are prepared: the length limits and the time of day
/// suggested to the person who publishes.
///
/// Decoded from the `facebook` section of the configuration; every key is
/// optional and falls back to the defaults below. Decoding fails, with a French
/// description, when `suggestedTime` is not a time of day (`HH:MM`) or when the
/// limits are not positive and in order.
public struct FacebookSettings: Hashable, Sendable, Codable {
    /// Above this many characters the post gets a warning: few people read that far.
    public var warnAboveCharacters: Int
    /// Above this many characters the item is refused for Facebook.
    public var refuseAboveCharacters: Int
    /// The time of day suggested for posting, `HH:MM` on the centre's clock.
    public var suggestedTime: String

    public init(warnAboveCharacters: Int = 500, refuseAboveCharacters: Int = 5000, suggestedTime: String = "10:00") {
        self.warnAboveCharacters = warnAboveCharacters
        self.refuseAboveCharacters = refuseAboveCharacters
        self.suggestedTime = suggestedTime
    }

    /// `suggestedTime` as a time of day, or `nil` when it is not `H:MM` or `HH:MM`.
    public var suggestedTimeOfDay: CivilTime? { CivilTime(clockText: suggestedTime) }

    private enum CodingKeys: String, CodingKey {
        case warnAboveCharacters, refuseAboveCharacters, suggestedTime
    }

    public init(from decoder: any Decoder) throws {
        let defaults = FacebookSettings()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            warnAboveCharacters: try container.decodeIfPresent(Int.self, forKey: .warnAboveCharacters)
                ?? defaults.warnAboveCharacters,
            refuseAboveCharacters: try container.decodeIfPresent(Int.self, forKey: .refuseAboveCharacters)
                ?? defaults.refuseAboveCharacters,
            suggestedTime: try container.decodeIfPresent(String.self, forKey: .suggestedTime)
                ?? defaults.suggestedTime
        )
        if suggestedTimeOfDay == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .suggestedTime, in: container,
                debugDescription: "« \(suggestedTime) » n'est pas une heure : écrivez-la sous la forme 10:00."
            )
        }
        guard warnAboveCharacters > 0, refuseAboveCharacters >= warnAboveCharacters else {
            throw DecodingError.dataCorruptedError(
                forKey: .refuseAboveCharacters, in: container,
                debugDescription: "Les limites de longueur doivent être positives, et la limite de refus "
                    + "(\(refuseAboveCharacters)) au moins égale à celle d'avertissement (\(warnAboveCharacters))."
            )
        }
    }
}
