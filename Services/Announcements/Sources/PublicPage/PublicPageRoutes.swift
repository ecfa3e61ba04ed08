import HTTPTypes
import Hummingbird
import ServiceKit

/// The public web page of the selection, served by the service itself (no frontend build): `GET /` (the page),
/// `GET /assets/app.js` and `GET /assets/app.css`. The page shows the live SKD scoreboard, the official
/// announcements and a check of any published record against the transparency log, all from the public JSON API.
struct PublicPageRoutes: Sendable {
    let script = PublicAsset(PublicPage.script, contentType: "text/javascript; charset=utf-8",
                             cacheControl: "public, max-age=86400")
    let style = PublicAsset(PublicPage.style, contentType: "text/css; charset=utf-8",
                            cacheControl: "public, max-age=86400")
    let page: PublicAsset

    init() {
        // The page names its assets with their version, so they may be cached for a day while the page itself is
        // revalidated on every visit.
        page = PublicAsset(
            PublicPage.html(scriptVersion: script.version, styleVersion: style.version),
            contentType: "text/html; charset=utf-8", cacheControl: "no-cache")
    }

    /// The page's own policy: only its own scripts, styles and API; no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func register(on router: Router<ServiceRequestContext>) {
        router.get("/") { request, _ in
            var response = self.page.response(to: request)
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
            return response
        }
        router.get("/assets/app.js") { request, _ in self.script.response(to: request) }
        router.get("/assets/app.css") { request, _ in self.style.response(to: request) }
    }
}

extension PublicPageRoutes {
    /// The page and its assets in the service's OpenAPI document.
    static func describe(into document: inout OpenAPIDocument) {
        document.addTag("page", description: "The public web page (HTML, no build step)")
        let page: [(String, String, String, String)] = [
            ("/", "getPublicPage", "The public page: live scoreboard, announcements, log check", "text/html"),
            ("/assets/app.js", "getPublicPageScript", "The page's script", "text/javascript"),
            ("/assets/app.css", "getPublicPageStyle", "The page's style sheet", "text/css"),
        ]
        for (path, operationId, summary, mediaType) in page {
            document.add(.get(
                path, operationId: operationId, summary: summary, tags: ["page"],
                parameters: [.header("If-None-Match", description: "An ETag received before")],
                responses: [
                    .text(200, mediaType: mediaType).header("ETag", description: "The version of the file"),
                    .empty(304, description: "Not modified since the given ETag"),
                ]))
        }
    }
}
