// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "shabaka",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shabaka", targets: ["shabaka"]),
        .library(name: "Voting", targets: ["Voting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/vapor/console-kit.git", from: "4.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        // Thin executable: the entry point only.
        .executableTarget(
            name: "shabaka",
            dependencies: [
                "App", "Platform",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The database switch, the rooms wired in dependency order, the home page and the demo data.
        .target(
            name: "App",
            dependencies: [
                "Platform", "Directory", "Agreements", "Projects", "Participation", "Capacity", "Insights", "Voting",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Leaf", package: "leaf"),
            ]
        ),
        // Accounts, sessions, tokens, roles, CSRF, i18n, errors, audit, outbox, workflows, health.
        .target(
            name: "Platform",
            dependencies: [
                "ArabicText",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // Organisations, people and expert profiles, network membership, search.
        .target(
            name: "Directory",
            dependencies: [
                "Platform", "ArabicText",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Agreements, commitments and follow-up; strategy, indicators, measurements, action plans.
        .target(
            name: "Agreements",
            dependencies: [
                "Platform", "Directory",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // SSE projects, reports, difficulties, evaluations, expertise requests, CSR, cooperation.
        .target(
            name: "Projects",
            dependencies: [
                "Platform", "Directory", "Agreements", "ArabicText",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // Processes and phases, proposals and endorsements, answers, debates and comments, moderation, surveys,
        // following, assisted participation.
        .target(
            name: "Participation",
            dependencies: [
                "Platform", "Directory", "Projects", "ArabicText", "Voting",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Trainings and events, registrations and waiting lists, attendance, certificates, the calendar feed, the
        // resource library.
        .target(
            name: "Capacity",
            dependencies: [
                "Platform", "Directory", "Agreements", "ArabicText",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // Reads only, from the other rooms: the public dashboard (figures by wilaya, domain and year, charts as SVG).
        .target(
            name: "Insights",
            dependencies: [
                "Platform", "Directory", "Projects", "Participation", "Capacity",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Pure Swift: Arabic and French normalisation and light stemming for search.
        .target(name: "ArabicText"),
        // Pure Swift: Pabulib files, participatory-budgeting rules, polls; the server app and the CLI wrap it.
        .target(name: "Voting"),
        .executableTarget(name: "voting-bench", dependencies: ["Voting"]),
        // App builders, browsers and fixtures for the tests.
        .target(
            name: "ShabakaTestSupport",
            dependencies: [
                "App", "Platform", "Directory",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ConsoleKit", package: "console-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText"]),
        .testTarget(
            name: "VotingTests",
            dependencies: ["Voting", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "PlatformTests",
            dependencies: [
                "App", "Platform", "Directory", "Agreements", "Projects", "Participation", "Capacity", "Insights",
                "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "DirectoryTests",
            dependencies: [
                "App", "Directory", "Platform", "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "AgreementsTests",
            dependencies: [
                "App", "Agreements", "Directory", "Platform", "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ]
        ),
        .testTarget(
            name: "ProjectsTests",
            dependencies: [
                "App", "Projects", "Agreements", "Directory", "Platform", "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ParticipationTests",
            dependencies: [
                "App", "Participation", "Projects", "Directory", "Platform", "ShabakaTestSupport", "Voting",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "CapacityTests",
            dependencies: [
                "App", "Capacity", "Agreements", "Directory", "Platform", "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "InsightsTests",
            dependencies: [
                "App", "Insights", "Capacity", "Projects", "Participation", "Directory", "Platform", "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Platform", "Directory", "Agreements", "Projects", "Participation", "Capacity", "Insights",
                "ShabakaTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)

// Settings declared once and applied to every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]
for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
package.swiftLanguageModes = [.v6]
