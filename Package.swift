// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "journal",
  // Linux only: the code reads file stamps through `st_mtim` and finds itself through
  // `/proc/self/exe`, and links the system's libcmark-gfm, OpenBLAS and LAPACKE.
  products: [
    .executable(name: "journal", targets: ["journal"]),
    .library(name: "JournalCore", targets: ["JournalCore"]),
    .library(name: "JournalIndex", targets: ["JournalIndex"]),
    .library(name: "JournalCells", targets: ["JournalCells"]),
    .library(name: "JournalSite", targets: ["JournalSite"]),
    .library(name: "TeXMath", targets: ["TeXMath"]),
    .library(name: "Tensors", targets: ["Tensors"]),
    .library(name: "PyInterpreter", targets: ["PyInterpreter"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // `journal serve` only: its FlyingSocks product (async sockets). Not its FlyingFox HTTP
    // server, which imports FoundationNetworking and so links libcurl into every process.
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    // System libraries: module.modulemap + shim.h only. No C pointer leaves the Swift file that
    // wraps them.
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    // Loaded on first use (dlopen in shim.h), not linked: see shim.h.
    .systemLibrary(
      name: "COpenBLAS",
      providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
    ),

    // The C library's heap statistics (mallinfo2), for the memory cap. Header only.
    .systemLibrary(name: "CMalloc"),

    // TeX math to MathML. Knows nothing of journals.
    .target(name: "TeXMath"),

    // Tensors, autograd, nn, optim, random streams. Knows nothing of journals.
    .target(name: "Tensors", dependencies: ["COpenBLAS", "CMalloc"]),

    // The cell language: a Python-subset interpreter bridged to Tensors.
    .target(name: "PyInterpreter", dependencies: ["Tensors"]),

    // The journal on disk and its Markdown: the journal folder, entries and their dates and
    // front matter, the one listing and stamp of day files, import/export of a single-file
    // journal, and the Markdown pipeline that turns an entry into a `Document`.
    .target(
      name: "JournalCore",
      dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]
    ),

    // The full-text index: SQLite/FTS5 through GRDB, search, and `journal add`.
    .target(
      name: "JournalIndex",
      dependencies: [
        "JournalCore",
        .product(name: "GRDB", package: "GRDB.swift"),
        // The SQLite C API, for the FTS5 ranking function (SectionRank.swift only).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),

    // Runnable cells: frozen outputs, the embedded engine's bridge, the CPython driver, and
    // `journal exec`'s script runner.
    // The driver is embedded: `PackageResources.python_driver_py`.
    .target(
      name: "JournalCells", dependencies: ["JournalCore", "PyInterpreter"],
      resources: [.embedInCode("python-driver.py")]),

    // The static site: page kinds, templates, the site cache, and the preview server. The
    // default templates are the files of templates/, built in by the EmbedTemplates plugin.
    .target(
      name: "JournalSite",
      dependencies: [
        "JournalCore",
        "JournalCells",
        "TeXMath",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      plugins: ["EmbedTemplates"]
    ),
    .executableTarget(name: "embed-files", path: "Sources/EmbedFiles"),
    .plugin(
      name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-files"]),

    // The thin command-line front end: one file per subcommand.
    .executableTarget(
      name: "journal",
      dependencies: [
        "JournalCore", "JournalIndex", "JournalCells", "JournalSite",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // Shared test fixtures and helpers (paths to ../shared/data, temp folders, running the binary).
    .target(name: "TestSupport", path: "Tests/TestSupport"),

    .testTarget(name: "JournalCoreTests", dependencies: ["JournalCore", "TestSupport"]),
    .testTarget(
      name: "JournalIndexTests",
      dependencies: ["JournalIndex", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "JournalCellsTests", dependencies: ["JournalCells", "TestSupport"]),
    .testTarget(
      name: "JournalSiteTests",
      dependencies: [
        "JournalSite", "TestSupport", .product(name: "FlyingSocks", package: "FlyingFox"),
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "TeXMathTests", dependencies: ["TeXMath", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "TensorsTests", dependencies: ["Tensors", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "PyInterpreterTests", dependencies: ["PyInterpreter", "TestSupport"],
      resources: [.copy("Fixtures")]),
    // End-to-end tests of the real binary: depending on the executable makes `swift test` build it.
    .testTarget(
      name: "JournalCLITests", dependencies: ["journal", "JournalCore", "TestSupport"],
      resources: [.copy("Fixtures")]),
  ],
  swiftLanguageModes: [.v6]
)
