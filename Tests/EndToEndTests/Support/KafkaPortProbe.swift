import Foundation

/// Whether something answering the Kafka protocol listens on a loopback port: opens a TCP connection and sends an
/// ApiVersions (v0) request, then waits for a reply, each step bounded. For a failed fault drill's diagnostics: it
/// tells a broker that stopped answering from a relay that stopped relaying.
enum KafkaPortProbe {
    static func probe(port: Int, timeout: Int = 3) -> String {
        guard let descriptor = PortProbe.connected(to: port, timeout: timeout) else {
            return "connect failed: errno \(errno)"
        }
        defer { close(descriptor) }
        // size, api_key 18 (ApiVersions), api_version 0, correlation_id 7, client_id null
        let request: [UInt8] = [0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 7, 0xFF, 0xFF]
        guard send(descriptor, request, request.count, 0) == request.count else { return "send failed: errno \(errno)" }
        var reply = [UInt8](repeating: 0, count: 8)
        let received = recv(descriptor, &reply, reply.count, 0)
        guard received > 0 else { return received == 0 ? "closed without a reply" : "no reply: errno \(errno)" }
        return received >= 8 && reply[7] == 7 ? "answers" : "unexpected reply \(reply.prefix(Int(received)))"
    }
}
