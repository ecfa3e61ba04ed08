import Foundation

/// Which address a request counts against (per-client rate limits of sign-ups, logins, public feedback): the peer's,
/// or — only when the peer is a configured trusted proxy (`ASN_HTTP_TRUSTED_PROXIES`) — the nearest untrusted hop of
/// `X-Forwarded-For` (read right to left, skipping trusted proxies). A client cannot choose its own key by sending the
/// header directly, and a malformed header falls back to the peer.
public struct ClientAddressResolver: Sendable {
    /// The proxies whose `X-Forwarded-For` is believed, in ``canonical(_:)`` form.
    public let trustedProxies: Set<String>

    /// A resolver believing `X-Forwarded-For` only from `trustedProxies` (any textual form of the addresses).
    public init(trustedProxies: Set<String>) {
        self.trustedProxies = Set(trustedProxies.map(Self.canonical))
    }

    /// The client of a request from `peer` carrying the `X-Forwarded-For` values `forwardedFor` (in header order).
    public func client(peer: String, forwardedFor: [String]) -> String {
        let peer = Self.canonical(peer)
        guard trustedProxies.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { Self.canonical(String($0)) }
        for hop in hops.reversed() {
            guard Self.isAddress(hop) else { return peer }
            if !trustedProxies.contains(hop) { return hop }
        }
        return peer
    }

    /// The address as compared: trimmed, lower-case, without an IPv6 zone, brackets or an IPv4-mapped prefix.
    public static func canonical(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
            value = String(value[value.index(after: value.startIndex)..<end])
        }
        if let zone = value.firstIndex(of: "%") { value = String(value[..<zone]) }
        if value.hasPrefix("::ffff:"), value.contains(".") { value.removeFirst("::ffff:".count) }
        return value
    }

    /// Whether `text` looks like an IPv4 or IPv6 address (hex digits, dots and colons; at most 45 characters).
    public static func isAddress(_ text: String) -> Bool {
        guard (2...45).contains(text.utf8.count) else { return false }
        let hasSeparator = text.contains(".") || text.contains(":")
        return hasSeparator && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (97...102).contains(byte) || byte == 46 || byte == 58
        }
    }
}
