import Foundation

/// Whether something answering the Kafka protocol listens on a loopback port: opens a TCP connection and sends an
/// ApiVersions (v0) request, then waits for a reply, each step bounded. For a failed fault drill's diagnostics: it
/// tells a broker that stopped answering from a relay that stopped relaying.
enum KafkaPortProbe {
    static func probe(port: Int, timeout: TimeInterval = 3) -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return "no socket: errno \(errno)" }
        defer { close(descriptor) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return "connect failed: errno \(errno)" }
        // size, api_key 18 (ApiVersions), api_version 0, correlation_id 7, client_id null
        let request: [UInt8] = [0, 0, 0, 10, 0, 18, 0, 0, 0, 0, 0, 7, 0xFF, 0xFF]
        guard send(descriptor, request, request.count, 0) == request.count else { return "send failed: errno \(errno)" }
        var reply = [UInt8](repeating: 0, count: 8)
        let received = recv(descriptor, &reply, reply.count, 0)
        guard received > 0 else { return received == 0 ? "closed without a reply" : "no reply: errno \(errno)" }
        return reply.count >= 8 && reply[7] == 7 ? "answers" : "unexpected reply \(reply.prefix(Int(received)))"
    }
}
