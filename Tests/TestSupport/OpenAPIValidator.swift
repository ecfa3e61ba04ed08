public import Foundation

/// Checks real HTTP responses against a service's OpenAPI 3.1 document, as fetched from `GET /openapi.json`.
///
/// It finds the operation for a method and concrete path (`/v1/periods/3f…` matches `/v1/periods/{periodId}`; a
/// literal segment beats a template), the response for the status (exact, `2XX`-style range, or `default`), checks
/// the content type, and validates a JSON body against the schema (see ``OpenAPISchemaValidation`` for the keywords).
///
/// ```swift
/// let validator = try OpenAPIValidator(documentData: Data(try await TestHTTP.get(base + "/openapi.json").body))
/// let response = try await TestHTTP.get(base + "/v1/periods/\(periodId)")
/// try validator.validate(method: "GET", path: "/v1/periods/\(periodId)", response: response)
/// ```
///
/// Deliberately independent of ServiceKit: it reads the document the way a frontend does.
public struct OpenAPIValidator: Sendable {
    /// A documented operation matched by a request.
    public struct Operation: Sendable, Equatable, CustomStringConvertible {
        /// Upper-case method.
        public var method: String
        /// The path template, e.g. `/v1/periods/{periodId}`.
        public var template: String
        public var operationId: String?
        /// The template's parameters with the values of the concrete path (percent-decoded).
        public var pathParameters: [String: String]

        public var description: String {
            "\(method) \(template)" + (operationId.map { " (\($0))" } ?? "")
        }
    }

    let document: OpenAPIJSONValue
    let templates: [PathTemplate]

    /// The `openapi` version of the document, e.g. `3.1.0`.
    public var openAPIVersion: String { document["openapi"]?.string ?? "" }

    /// Parses the document (JSON); it must have `openapi` 3.1.x and `paths`.
    public init(documentData: Data) throws(OpenAPIValidationError) {
        do {
            document = try OpenAPIJSONValue.parse(documentData)
        } catch {
            throw .invalidDocument("not JSON: \(error)")
        }
        guard let version = document["openapi"]?.string, version.hasPrefix("3.1.") else {
            throw .invalidDocument("`openapi` is \(document["openapi"]?.brief ?? "missing"), expected 3.1.x")
        }
        guard let paths = document["paths"]?.object else { throw .invalidDocument("`paths` is missing") }
        templates = paths.keys.sorted().map(PathTemplate.init)
    }

    // MARK: Lookup

    /// The operation for `method` and a concrete `path` (a query string is ignored).
    public func operation(method: String, path: String) throws(OpenAPIValidationError) -> Operation {
        try lookup(method: method, path: path).operation
    }

    private func lookup(
        method: String, path: String
    ) throws(OpenAPIValidationError) -> (operation: Operation, object: OpenAPIJSONValue) {
        let concrete = String(path.prefix { $0 != "?" && $0 != "#" })
        let matches = templates.compactMap { template in template.match(concrete).map { (template, $0) } }
            .sorted { $0.0.isMoreSpecific(than: $1.0) }
        guard let (template, parameters) = matches.first else {
            throw .unknownPath(method: method.uppercased(), path: path)
        }
        let item = document["paths"]?[template.template]
        guard let object = item?[method.lowercased()], object.object != nil else {
            let documented = Self.methods.filter { item?[$0] != nil }.map { $0.uppercased() }
            throw .unknownMethod(
                method: method.uppercased(), path: path, template: template.template, documented: documented)
        }
        let operation = Operation(
            method: method.uppercased(), template: template.template, operationId: object["operationId"]?.string,
            pathParameters: parameters)
        return (operation, object)
    }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The response object for `status`: exact code, then `2XX`-style range, then `default`.
    private func response(
        for status: Int, in operation: OpenAPIJSONValue, describedAs name: String
    ) throws(OpenAPIValidationError) -> OpenAPIJSONValue {
        let responses = operation["responses"]?.object ?? [:]
        let range = "\(status / 100)XX"
        let candidates = [String(status), range, range.lowercased(), "default"]
        guard let key = candidates.first(where: { responses[$0] != nil }), let response = responses[key] else {
            throw .undocumentedStatus(operation: name, status: status, documented: responses.keys.sorted())
        }
        return try resolveReference(response)
    }

    /// Follows a `$ref` of a response (`#/components/responses/...`), once.
    private func resolveReference(_ value: OpenAPIJSONValue) throws(OpenAPIValidationError) -> OpenAPIJSONValue {
        guard let reference = value["$ref"]?.string else { return value }
        guard let target = OpenAPISchemaValidation.resolve(reference, in: document) else {
            throw .invalidDocument("unresolvable $ref \(reference)")
        }
        return target
    }

    // MARK: Validation

    /// Validates one response; throws ``OpenAPIValidationError`` naming every problem.
    ///
    /// - Parameters:
    ///   - method: the request method (any case).
    ///   - path: the concrete request path, e.g. `/v1/periods/3F2504E0-4F89-11D3-9A0C-0305E82C3301`.
    ///   - status: the response status.
    ///   - contentType: the response's `Content-Type` (parameters such as `charset` are ignored).
    ///   - body: the response body.
    public func validate(
        method: String, path: String, status: Int, contentType: String?, body: Data
    ) throws(OpenAPIValidationError) {
        let violations = try violations(method: method, path: path, status: status, contentType: contentType, body: body)
        guard violations.isEmpty else {
            let operation = try operation(method: method, path: path)
            throw .invalidBody(operation: "\(method.uppercased()) \(path) [\(operation)]", status: status,
                               violations: violations)
        }
    }

    /// Validates a response of the suite's test HTTP client.
    public func validate(method: String, path: String, response: TestHTTP.Response) throws(OpenAPIValidationError) {
        try validate(method: method, path: path, status: response.status,
                     contentType: response.header("Content-Type"), body: Data(response.body))
    }

    /// The body's schema violations; throws only when the operation, status or content type is not documented.
    public func violations(
        method: String, path: String, status: Int, contentType: String?, body: Data
    ) throws(OpenAPIValidationError) -> [OpenAPIViolation] {
        let (operation, object) = try lookup(method: method, path: path)
        let name = "\(method.uppercased()) \(path) [\(operation)]"
        let response = try response(for: status, in: object, describedAs: name)
        let content = response["content"]?.object ?? [:]
        guard !content.isEmpty else {
            if body.isEmpty { return [] }
            throw .undocumentedContentType(operation: name, status: status, contentType: contentType, documented: [])
        }
        guard let contentType, let mediaType = Self.mediaType(contentType),
              let key = Self.documentedKey(for: mediaType, in: content.keys)
        else {
            throw .undocumentedContentType(
                operation: name, status: status, contentType: contentType, documented: content.keys.sorted())
        }
        guard let schema = content[key]?["schema"] else { return [] }
        if Self.isJSON(mediaType) {
            let value: OpenAPIJSONValue
            do {
                value = try OpenAPIJSONValue.parse(body)
            } catch {
                return [OpenAPIViolation(path: "$", message: "the body is not JSON (\(body.count) bytes)")]
            }
            return OpenAPISchemaValidation(document: document).violations(of: value, against: schema)
        }
        if schema["type"]?.string == "string", String(data: body, encoding: .utf8) == nil {
            return [OpenAPIViolation(path: "$", message: "the \(mediaType) body is not UTF-8 text")]
        }
        return []
    }

    /// The violations of a JSON value against a component schema (`#/components/schemas/<name>`).
    public func violations(of json: Data, againstSchemaNamed name: String) throws(OpenAPIValidationError)
        -> [OpenAPIViolation]
    {
        guard let schema = document["components"]?["schemas"]?[name] else { throw .unknownSchema(name) }
        guard let value = try? OpenAPIJSONValue.parse(json) else {
            return [OpenAPIViolation(path: "$", message: "not JSON")]
        }
        return OpenAPISchemaValidation(document: document).violations(of: value, against: schema)
    }

    // MARK: Media types

    /// `application/json; charset=utf-8` → `application/json` (lower case), or `nil` if malformed.
    static func mediaType(_ contentType: String) -> String? {
        let type = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.contains("/") ? type : nil
    }

    /// The documented content key for a media type: exact, then `type/*`, then `*/*` (parameters ignored).
    static func documentedKey(for mediaType: String, in keys: Dictionary<String, OpenAPIJSONValue>.Keys) -> String? {
        let normalized = keys.map { ($0, Self.mediaType($0) ?? $0.lowercased()) }
        let major = mediaType.split(separator: "/").first.map(String.init) ?? ""
        for wanted in [mediaType, major + "/*", "*/*"] {
            if let key = normalized.filter({ $0.1 == wanted }).map(\.0).sorted().first { return key }
        }
        return nil
    }

    static func isJSON(_ mediaType: String) -> Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }
}

/// A path template split into segments; a segment may mix literal text and `{name}` placeholders.
struct PathTemplate: Sendable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let template: String
    let segments: [[Part]]

    init(_ template: String) {
        self.template = template
        segments = template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            var parts: [Part] = []
            var literal = ""
            var name: String?
            for character in segment {
                if character == "{", name == nil {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    name = ""
                } else if character == "}", let current = name {
                    parts.append(.parameter(current))
                    name = nil
                } else if name != nil {
                    name!.append(character)
                } else {
                    literal.append(character)
                }
            }
            if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
            return parts
        }
    }

    var parameterCount: Int {
        segments.reduce(0) { $0 + $1.filter { if case .parameter = $0 { true } else { false } }.count }
    }

    var literalLength: Int {
        segments.reduce(0) { total, segment in
            total + segment.reduce(0) { if case .literal(let text) = $1 { $0 + text.count } else { $0 } }
        }
    }

    /// Fewer placeholders first, then more literal text (`/v1/periods/current` beats `/v1/periods/{periodId}`).
    func isMoreSpecific(than other: PathTemplate) -> Bool {
        if parameterCount != other.parameterCount { return parameterCount < other.parameterCount }
        if literalLength != other.literalLength { return literalLength > other.literalLength }
        return template < other.template
    }

    /// The parameters' values if `path` matches.
    func match(_ path: String) -> [String: String]? {
        let concrete = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard concrete.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (parts, segment) in zip(segments, concrete) {
            guard let matched = Self.match(parts[...], Substring(segment)) else { return nil }
            values.merge(matched) { first, _ in first }
        }
        return values
    }

    /// Matches one segment: literals exactly, a placeholder at least one character up to the next literal.
    private static func match(_ parts: ArraySlice<Part>, _ text: Substring) -> [String: String]? {
        guard let first = parts.first else { return text.isEmpty ? [:] : nil }
        let rest = parts.dropFirst()
        switch first {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return nil }
            return match(rest, text.dropFirst(literal.count))
        case .parameter(let name):
            guard !text.isEmpty else { return nil }
            // Shortest value first when another literal follows; the whole rest otherwise.
            var end = text.index(after: text.startIndex)
            while true {
                if var values = match(rest, text[end...]) {
                    let value = String(text[..<end])
                    values[name] = value.removingPercentEncoding ?? value
                    return values
                }
                guard end < text.endIndex else { return nil }
                end = text.index(after: end)
            }
        }
    }
}
