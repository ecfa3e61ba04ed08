import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// One file of the public page, held in memory: its bytes, media type, a strong validator and its caching policy.
struct PublicAsset: Sendable {
    let body: ByteBuffer
    let contentType: String
    /// A quoted strong entity tag derived from the bytes (FNV-1a, 64 bits): changes whenever the file does.
    let etag: String
    let cacheControl: String

    init(_ text: String, contentType: String, cacheControl: String) {
        let bytes = Array(text.utf8)
        self.body = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        self.etag = "\"\(Self.fingerprint(bytes))\""
        self.cacheControl = cacheControl
    }

    /// The asset's version for cache-busting URLs (`?v=`): the entity tag without quotes.
    var version: String { String(etag.dropFirst().dropLast()) }

    /// 64-bit FNV-1a of `bytes` as 16 hex digits: not cryptographic, only a change detector for caches.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The asset, or `304 Not Modified` when the request's `If-None-Match` already names this version.
    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.cacheControl] = cacheControl
        headers[.xContentTypeOptions] = "nosniff"
        if let tags = request.headers[.ifNoneMatch],
           tags.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
