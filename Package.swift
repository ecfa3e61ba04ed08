// swift-tools-version:6.1
// The transparent ASN recruitment suite: four services that share one event schema and talk only through Kafka.

import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "asn-recruitment",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RecruitmentEvents", targets: ["RecruitmentEvents"]),
        .executable(name: "registration", targets: ["RegistrationServer"]),
        .executable(name: "verification", targets: ["VerificationServer"]),
        .executable(name: "exam-scoring", targets: ["ExamScoringServer"]),
        .executable(name: "announcements", targets: ["AnnouncementsServer"]),
        .executable(name: "recruitment-events-schema", targets: ["RecruitmentEventsSchemaTool"]),
        .executable(name: "asn-bench", targets: ["Benchmarks"]),
        .executable(name: "asn-log-verify", targets: ["TransparencyLogVerifier"]),
        .executable(name: "asn-sim", targets: ["SelectionSimulatorTool"]),
    ],
    dependencies: [
        // Without the swift-configuration trait: we read configuration ourselves (ServiceKit/Configuration).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
    ],
    targets: [
        // MARK: Shared

        .target(
            name: "RecruitmentEvents",
            path: "Shared/RecruitmentEvents",
            exclude: ["Schemas"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RecruitmentEventsSchemaTool",
            dependencies: ["RecruitmentEvents"],
            path: "Shared/RecruitmentEventsSchemaTool",
            swiftSettings: swiftSettings
        ),
        .systemLibrary(
            name: "CRdKafka",
            path: "Shared/CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        .target(
            name: "Kafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/Kafka",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "EventStore",
            dependencies: [
                "RecruitmentEvents",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/EventStore",
            swiftSettings: swiftSettings
        ),
        // The transparency log's pure core (ARCHITECTURE §7): RFC 9162 hashing and proofs, record commitments,
        // C2SP checkpoints and signed notes. No I/O, so the offline verifier and the service share it.
        .target(
            name: "TransparencyLog",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Shared/TransparencyLog",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "TransparencyLogVerifier",
            dependencies: [
                "TransparencyLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Shared/TransparencyLogVerifier",
            swiftSettings: swiftSettings
        ),
        // The selection simulator (demo, officer training, end-to-end load): drives a whole selection through the
        // four services' public HTTP APIs only, then checks what the public sees against the transparency log.
        .target(
            name: "SelectionSimulator",
            dependencies: [
                "ExamScoringRules", "TransparencyLog",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Shared/SelectionSimulator",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SelectionSimulatorTool",
            dependencies: [
                "SelectionSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Shared/SelectionSimulatorTool",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "RecruitmentEvents",
                "Kafka",
                "EventStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            path: "Shared/ServiceKit",
            swiftSettings: swiftSettings
        ),

        // MARK: Services

        .target(
            name: "Registration",
            dependencies: [
                "ServiceKit", "RecruitmentEvents", "EventStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Services/Registration/Sources",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RegistrationServer",
            dependencies: ["Registration", "ServiceKit"],
            path: "Services/Registration/Server",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Verification",
            dependencies: [
                "ServiceKit", "RecruitmentEvents", "EventStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Verification/Sources",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "VerificationServer",
            dependencies: ["Verification", "ServiceKit"],
            path: "Services/Verification/Server",
            swiftSettings: swiftSettings
        ),
        // The exam rules alone (DOMAIN §2, §3): pure, table-tested, no I/O; the service module runs them.
        .target(
            name: "ExamScoringRules",
            dependencies: ["RecruitmentEvents"],
            path: "Services/ExamScoring/Rules",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ExamScoring",
            dependencies: [
                "ExamScoringRules", "ServiceKit", "RecruitmentEvents", "EventStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/ExamScoring/Sources",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ExamScoringServer",
            dependencies: ["ExamScoring", "ServiceKit"],
            path: "Services/ExamScoring/Server",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Announcements",
            dependencies: [
                "ServiceKit", "RecruitmentEvents", "EventStore", "TransparencyLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Services/Announcements/Sources",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "AnnouncementsServer",
            dependencies: ["Announcements", "ServiceKit"],
            path: "Services/Announcements/Server",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "Benchmarks",
            dependencies: [
                "Kafka", "RecruitmentEvents", "EventStore", "SuiteHarness", "ExamScoringRules", "TransparencyLog",
                "Announcements", "SelectionSimulator", "ServiceKit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Benchmarks",
            swiftSettings: swiftSettings
        ),

        // MARK: Tests

        // Real executables, HTTP and test identities, without the Testing module: shared by tests and benchmarks.
        .target(
            name: "SuiteHarness",
            dependencies: [
                "SelectionSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/SuiteHarness",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "SuiteHarness",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RecruitmentEventsTests",
            dependencies: ["RecruitmentEvents"],
            path: "Tests/RecruitmentEventsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KafkaTests",
            dependencies: [
                "Kafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/KafkaTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TransparencyLogTests",
            dependencies: ["TransparencyLog", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/TransparencyLogTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "TestSupport"],
            path: "Tests/EventStoreTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "TestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/ServiceKitTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistrationTests",
            dependencies: [
                "Registration", "TestSupport", "ServiceKit", "EventStore", "RecruitmentEvents",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/RegistrationTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VerificationTests",
            dependencies: [
                "Verification", "TestSupport", "ServiceKit", "EventStore", "RecruitmentEvents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/VerificationTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExamScoringRulesTests",
            dependencies: ["ExamScoringRules", "RecruitmentEvents"],
            path: "Tests/ExamScoringRulesTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SelectionSimulatorTests",
            dependencies: ["SelectionSimulator", "ExamScoringRules"],
            path: "Tests/SelectionSimulatorTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ExamScoringTests",
            dependencies: [
                "ExamScoring", "ExamScoringRules", "TestSupport", "ServiceKit", "EventStore", "RecruitmentEvents",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/ExamScoringTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnnouncementsTests",
            dependencies: [
                "Announcements", "TestSupport", "EventStore", "ServiceKit", "RecruitmentEvents", "TransparencyLog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/AnnouncementsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "SuiteHarness", "SelectionSimulator", "RecruitmentEvents", "Kafka", "TransparencyLog",
                .product(name: "NIOCore", package: "swift-nio"),
                // Ed25519, to forge and expire access tokens in the authorisation matrix.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/EndToEndTests",
            swiftSettings: swiftSettings
        ),
    ]
)
