// swift-tools-version:6.0
import PackageDescription

/// Hall: the software of a town convenience-service center hall.
///
/// Layering (arrows point at what a target may depend on):
///   HallCore  <-  HallStore, HallPrinter, HallDisplay, HallScanner, HallDocuments, HallIDCard
///   HallTransport (USB, tty, TCP, CUPS)  <-  HallPrinter, HallDisplay, HallIDCard
///   everything but the emulators  <-  HallServer  <-  halld  ->  HallEmulators (the demo hall's devices)
/// HallCore performs no I/O; the C libraries come from Debian packages.
let package = Package(
    name: "Hall",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "halld", targets: ["halld"]),
        .executable(name: "hallctl", targets: ["hallctl"]),
        .executable(name: "hall-bench", targets: ["hall-bench"]),
        .executable(name: "hall-emulator", targets: ["hall-emulator"]),
        .executable(name: "hall-hub", targets: ["hall-hub"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/swift-websocket.git", from: "1.6.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    ],
    targets: [
        // MARK: C libraries from Debian packages
        .systemLibrary(
            name: "CLibUSB", path: "Sources/CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"])]),
        .systemLibrary(name: "CCups", path: "Sources/CCups", providers: [.apt(["libcups2-dev"])]),
        .systemLibrary(
            name: "CPangoCairo", path: "Sources/CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CQREncode", path: "Sources/CQREncode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(
            name: "CSane", path: "Sources/CSane", pkgConfig: "sane-backends",
            providers: [.apt(["libsane-dev"])]),
        .systemLibrary(
            name: "CTurboJPEG", path: "Sources/CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CV4L2", path: "Sources/CV4L2", providers: [.apt(["linux-libc-dev"])]),
        .systemLibrary(
            name: "CUMockdev", path: "Sources/CUMockdev", pkgConfig: "umockdev-1.0",
            providers: [.apt(["libumockdev-dev"])]),

        // MARK: Domain core (no I/O)
        .target(name: "HallCore"),

        // MARK: Adapters around the core
        .target(
            name: "HallStore",
            dependencies: [
                "HallCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .target(name: "HallTransport", dependencies: ["CLibUSB", "CCups"]),
        .target(name: "HallPrinter", dependencies: ["HallTransport", "CQREncode", "CPangoCairo"]),
        .target(name: "HallDisplay", dependencies: ["HallCore", "HallTransport"]),
        .target(name: "HallScanner", dependencies: ["HallCore", "CSane", "CPangoCairo", "CTurboJPEG", "CV4L2"]),
        .target(name: "HallDocuments", dependencies: ["HallCore", "CPangoCairo", "CQREncode"]),
        .target(name: "HallIDCard", dependencies: ["HallCore", "HallTransport"]),
        .target(name: "HallEmulators", dependencies: ["HallPrinter", "HallDisplay", "HallIDCard", "CPangoCairo"]),
        .target(
            name: "HallServer",
            dependencies: [
                "HallCore", "HallStore", "HallTransport", "HallPrinter", "HallDisplay", "HallScanner", "HallDocuments",
                "HallIDCard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ], resources: [.copy("Resources")]),

        // MARK: The banner's hub (PostgreSQL): the town halls' events, the banner dashboard
        .target(
            name: "HallHub",
            dependencies: [
                "HallCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        // MARK: Executables
        .executableTarget(
            name: "halld",
            dependencies: [
                "HallServer", "HallEmulators", "HallScanner",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .executableTarget(
            name: "hallctl",
            dependencies: [
                "HallCore", "HallStore", "HallIDCard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "hall-bench",
            dependencies: [
                "HallCore", "HallStore", "HallServer", "HallPrinter", "HallDisplay", "HallEmulators", "HallHub",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "WSClient", package: "swift-websocket"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        .executableTarget(
            name: "hall-hub",
            dependencies: [
                "HallHub",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .executableTarget(name: "hall-usb-probe", dependencies: ["HallTransport"]),
        .executableTarget(name: "hall-usb-testbed", dependencies: ["CUMockdev"]),
        .executableTarget(
            name: "hall-emulator",
            dependencies: [
                "HallEmulators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: Tests (mirror the targets)
        .target(name: "HallTestSupport", dependencies: ["HallCore"], path: "Tests/HallTestSupport"),
        .testTarget(name: "HallCoreTests", dependencies: ["HallCore", "HallTestSupport"]),
        .testTarget(name: "HallStoreTests", dependencies: ["HallStore", "HallCore", "HallTestSupport"]),
        .testTarget(
            name: "HallTransportTests",
            dependencies: [
                "HallTransport", "HallEmulators", "HallTestSupport", "hall-usb-probe", "hall-usb-testbed",
            ], exclude: ["Fixtures"]),
        .testTarget(
            name: "HallPrinterTests", dependencies: ["HallPrinter", "HallEmulators", "CPangoCairo", "HallTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "HallDisplayTests", dependencies: ["HallDisplay", "HallEmulators", "HallTestSupport"]),
        .testTarget(
            name: "HallIDCardTests",
            dependencies: ["HallIDCard", "HallEmulators", "HallTransport", "HallTestSupport", "hall-usb-testbed"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HallScannerTests", dependencies: ["HallScanner", "CV4L2", "CUMockdev", "HallTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HallDocumentsTests", dependencies: ["HallDocuments", "HallTransport", "HallTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "HallServerTests",
            dependencies: [
                "HallServer", "HallDisplay", "HallEmulators", "HallIDCard", "HallTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "HallHubTests",
            dependencies: [
                "HallHub", "HallServer", "HallStore", "HallCore", "HallTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(name: "SystemTests", dependencies: ["HallCore", "HallTestSupport"]),
        .testTarget(
            name: "BrowserTests", dependencies: ["HallServer", "HallEmulators", "HallIDCard", "HallCore", "HallTestSupport", "HallHub"]),
    ]
)
