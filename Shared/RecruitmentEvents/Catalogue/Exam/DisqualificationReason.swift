/// Why a candidate was disqualified (code DIS; DOMAIN §5.3).
public enum DisqualificationReason: String, SchemaEnumeration, Hashable {
    /// Someone else sat the test (joki).
    case proxyTaker = "proxy-taker"

    /// Remote-control software on the test computer.
    case remoteAccess = "remote-access"

    /// Face recognition did not match the registration photo.
    case faceRecognitionMismatch = "face-recognition-mismatch"

    /// A prohibited device or material.
    case prohibitedItem = "prohibited-item"

    /// Another breach, explained in the text.
    case other = "other"
}
