// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Convene",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "convene", targets: ["convene"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "ConveneCore", swiftSettings: strict),
        .target(
            name: "ConvenePlan",
            dependencies: ["ConveneCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "ConveneSolver", dependencies: ["ConveneCore"], swiftSettings: strict),
        .target(name: "ConveneICal", dependencies: ["ConveneCore", "CLibical"], swiftSettings: strict),
        .target(
            name: "ConveneProgramme",
            dependencies: ["ConveneCore", "ConvenePlan", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "ConveneStore",
            dependencies: [
                "ConveneCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ConveneMail",
            dependencies: [
                "ConveneCore", "ConveneICal", "CCurl",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ConveneApp",
            dependencies: [
                "ConveneCore", "ConvenePlan", "ConveneSolver", "ConveneICal", "ConveneStore", "ConveneMail",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ConveneServer",
            dependencies: [
                "ConveneCore", "ConveneICal", "ConveneStore", "ConveneMail", "ConveneApp", "ConveneProgramme",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "convene",
            dependencies: [
                "ConveneCore", "ConvenePlan", "ConveneSolver", "ConveneICal",
                "ConveneStore", "ConveneMail", "ConveneApp", "ConveneServer", "ConveneProgramme",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Fuzz targets: a corpus replayer in ordinary builds, libFuzzer's entry point with
        // `-Xswiftc -sanitize=fuzzer -Xswiftc -DCONVENE_LIBFUZZER` (see Scripts/fuzz).
        .executableTarget(
            name: "convene-fuzz",
            dependencies: ["ConveneCore", "ConvenePlan", "ConveneICal", "ConveneMail"],
            swiftSettings: strict
        ),
        // Fixtures several test targets share: a small forum and small instances written in code.
        .target(name: "ConveneTestFixtures", dependencies: ["ConveneCore", "ConveneStore"], path: "Tests/ConveneTestFixtures", swiftSettings: strict),
        .testTarget(name: "ConveneCoreTests", dependencies: ["ConveneCore", "ConveneTestFixtures"]),
        .testTarget(name: "ConveneICalTests", dependencies: ["ConveneICal"], resources: [.copy("Golden")]),
        .testTarget(name: "ConvenePlanTests", dependencies: ["ConvenePlan"]),
        .testTarget(
            name: "ConveneStoreTests",
            dependencies: ["ConveneStore", "ConveneTestFixtures", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(name: "ConveneSolverTests", dependencies: ["ConveneSolver", "ConveneTestFixtures"]),
        .testTarget(name: "ConveneProgrammeTests", dependencies: ["ConveneProgramme", "ConvenePlan"]),
        .testTarget(
            name: "ConveneServerTests",
            dependencies: ["ConveneServer", "ConveneApp", "ConveneTestFixtures",
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]
        ),
        .testTarget(
            name: "ConveneAppTests",
            dependencies: ["ConveneApp", "ConveneCore", "ConveneICal", "ConveneMail", "ConveneStore", "ConveneTestFixtures"]
        ),
        .testTarget(name: "conveneTests", dependencies: ["convene", "ConveneApp", "ConveneMail", "ConveneStore", "ConveneTestFixtures",
                                                  .product(name: "GRDB", package: "GRDB.swift"),
                                                  .product(name: "PostgresNIO", package: "postgres-nio")],
                    exclude: ["Golden"]),
        .testTarget(
            name: "ConveneMailTests",
            dependencies: ["ConveneMail", "ConveneICal", "ConveneCore", "ConveneTestFixtures"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
