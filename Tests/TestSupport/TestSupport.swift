import Foundation

/// Paths and helpers shared by every test target.
public enum TestPaths {
  /// The package root (the folder with Package.swift).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// `../shared/data` beside the package, or nil when it is absent (tests may skip only then).
  public static let sharedData: URL? = {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }()

  /// A file under `../shared/data`, or nil when that folder is absent.
  public static func shared(_ relative: String) -> URL? {
    sharedData?.appendingPathComponent(relative)
  }

  /// The built `journal` executable next to the test bundle.
  public static var journalBinary: URL {
    let fm = FileManager.default
    var candidates: [URL] = []
    for arg in CommandLine.arguments where arg.hasSuffix(".xctest") {
      candidates.append(URL(fileURLWithPath: arg).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(packageRoot.appendingPathComponent(".build/debug"))
    for dir in candidates {
      let url = dir.appendingPathComponent("journal")
      var isDir: ObjCBool = false
      if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { return url }
    }
    return packageRoot.appendingPathComponent(".build/debug/journal")
  }
}

/// A temporary folder, removed when the value is deinitialised.
public final class TemporaryDirectory: @unchecked Sendable {
  public let url: URL

  public init(_ label: String = "journal-test") {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes a file (creating folders) and returns its URL.
  @discardableResult
  public func write(_ relative: String, _ contents: String) throws -> URL {
    try write(relative, Data(contents.utf8))
  }

  @discardableResult
  public func write(_ relative: String, _ data: Data) throws -> URL {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    // Plain write(2): Foundation's writers fsync each file, which makes 10,000-file fixtures slow.
    let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(fd) }
    try data.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
        offset += n
      }
    }
    return file
  }

  /// Every file under the folder, relative path to contents: to check that nothing changed.
  public func snapshot() -> [String: Data] {
    var result: [String: Data] = [:]
    let base = url.standardizedFileURL.path
    guard let e = FileManager.default.enumerator(atPath: base) else { return result }
    while let rel = e.nextObject() as? String {
      let path = base + "/" + rel
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
        result[rel] = FileManager.default.contents(atPath: path)
      }
    }
    return result
  }
}

/// The result of running a process.
public struct ProcessResult: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs the built `journal` binary with arguments, in a folder, with optional standard input.
public func runJournal(
  _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
  environment: [String: String] = [:]
) throws -> ProcessResult {
  try runProcess(
    TestPaths.journalBinary, arguments, in: directory, stdin: stdin,
    environment: environment)
}

/// Runs an executable and collects its output.
public func runProcess(
  _ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
  environment: [String: String] = [:]
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  var env = ProcessInfo.processInfo.environment
  env["JOURNAL_DIR"] = nil
  for (k, v) in environment { env[k] = v }
  process.environment = env
  let out = Pipe()
  let err = Pipe()
  let input = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = input
  // A child that exits before reading its input must not kill the test with SIGPIPE.
  signal(SIGPIPE, SIG_IGN)
  try process.run()
  // Read both pipes concurrently so a full pipe never blocks the child.
  final class Box: @unchecked Sendable { var data = Data() }
  let errBox = Box()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errBox.data = readToEnd(err.fileHandleForReading.fileDescriptor)
    group.leave()
  }
  if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
  try? input.fileHandleForWriting.close()
  let outData = readToEnd(out.fileHandleForReading.fileDescriptor)
  group.wait()
  process.waitUntilExit()
  return ProcessResult(
    status: process.terminationStatus,
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Reads a pipe to its end with read(2), retrying when a signal (SIGCHLD of another test's
/// child) interrupts it; Foundation's FileHandle traps on EINTR instead.
func readToEnd(_ fd: Int32) -> Data {
  var data = Data()
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n > 0 {
      data.append(contentsOf: buffer[0..<n])
    } else if n == 0 || errno != EINTR {
      return data
    }
  }
}
