// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sparkify",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sparkify", targets: ["sparkify"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibedit", path: "Sources/CLibedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CSnappy", path: "Sources/CSnappy", providers: [.apt(["libsnappy-dev"])]),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", providers: [.apt(["libzstd-dev"])]),

        // Tables: types, schemas, columnar in-memory storage.
        .target(name: "SparkifyTables"),
        // Reading: files, globs, decompression, the JSON lake reader.
        .target(name: "SparkifyJSON", dependencies: ["SparkifyTables", "CZlib"]),
        // Sample data: a generator of the raw Sparkify datasets.
        .target(name: "SparkifySampleData", dependencies: ["SparkifyTables"]),
        // Parquet: writing and reading single Parquet files.
        .target(name: "SparkifyParquet", dependencies: ["SparkifyTables", "CZlib", "CSnappy", "CZstd"]),
        // The Parquet writer's benchmark (bench/parquet.sh).
        .executableTarget(name: "ParquetBench", dependencies: ["SparkifyParquet", "SparkifyTables"], path: "bench/ParquetBench"),
        // The lake: Spark's partitioned folder layout, atomic replace, partition discovery.
        .target(name: "SparkifyLake", dependencies: ["SparkifyTables", "SparkifyJSON"]),
        // SQL: parse, bind, plan, execute.
        .target(name: "SparkifySQL", dependencies: ["SparkifyTables", "SparkifyJSON", "SparkifyLake", "SparkifyParquet"]),
        // Notebook: cells of Spark SQL, their dependencies, and running them.
        .target(name: "SparkifyNotebook", dependencies: ["SparkifySQL", "SparkifyTables"]),
        // Terminal: the REPL, rendering tables (later charts and sessions).
        .target(name: "SparkifyTerminal", dependencies: ["SparkifyNotebook", "SparkifySQL", "SparkifyTables", "CLibedit"]),
        // Command line.
        .executableTarget(
            name: "sparkify",
            dependencies: [
                "SparkifyTables", "SparkifyJSON", "SparkifySampleData", "SparkifySQL", "SparkifyNotebook", "SparkifyTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "SparkifyTablesTests", dependencies: ["SparkifyTables"]),
        .testTarget(name: "SparkifyJSONTests", dependencies: ["SparkifyJSON", "SparkifyTables"]),
        .testTarget(name: "SparkifyParquetTests", dependencies: ["SparkifyParquet", "SparkifyTables"]),
        .testTarget(name: "SparkifyLakeTests", dependencies: ["SparkifyLake", "SparkifyTables"]),
        .testTarget(name: "SparkifySampleDataTests", dependencies: ["SparkifySampleData", "SparkifyJSON", "SparkifyTables"]),
        .testTarget(name: "SparkifyNotebookTests", dependencies: ["SparkifyNotebook", "SparkifySQL", "SparkifyTables"], exclude: ["Snapshots"]),
        .testTarget(name: "SparkifyTerminalTests", dependencies: ["SparkifyTerminal", "SparkifyTables", "SparkifySampleData", "SparkifyNotebook"], exclude: ["Snapshots"]),
        .testTarget(
            name: "SparkifySQLTests",
            dependencies: ["SparkifySQL", "SparkifyTables"],
            exclude: ["Plans", "spark"],
            resources: [.copy("Logic")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
