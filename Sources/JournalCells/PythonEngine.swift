import Foundation
import JournalCore

/// Runs cells in a real CPython (`journal run-entry --python PATH`) through a small driver
/// program (python-driver.py, embedded as a package resource) spoken to over line-delimited
/// JSON: one process per entry, one request and one result per cell, output streamed as it is
/// printed.
public struct PythonEngine: CellEngine {
  /// The interpreter.
  public let executable: URL
  public let identity: EngineIdentity

  /// Finds the interpreter (a path, or a name looked up in `PATH`) and asks it for its version
  /// and the versions of NumPy, PyTorch and matplotlib when installed.
  public init(
    python: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    guard let url = PythonEngine.locate(python, environment: environment) else {
      throw JournalError(
        .usage,
        "no Python interpreter at '\(python)' (--python takes a path "
          + "or a command name on PATH, e.g. --python python3)")
    }
    executable = url
    let folder = try PythonEngine.writeDriver()
    defer { try? FileManager.default.removeItem(at: folder) }
    let process = Process()
    process.executableURL = url
    process.arguments = [folder.appendingPathComponent("driver.py").path, "--identify"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw JournalError(
        .usage, "cannot run Python: \(error.localizedDescription)",
        file: url.path)
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let found = try? JSONDecoder().decode(EngineIdentity.self, from: data)
    else {
      throw JournalError(
        .usage, "not a working Python 3 (the cell driver failed to start)",
        file: url.path)
    }
    identity = found
  }

  public func startSession(_ context: CellSessionContext) throws -> any CellSession {
    try PythonSession(executable: executable, context: context)
  }

  static func locate(_ name: String, environment: [String: String]) -> URL? {
    let fm = FileManager.default
    if name.contains("/") {
      return fm.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
    }
    for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(folder)/\(name)"
      if fm.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
    }
    return nil
  }

  /// Writes the driver into a fresh temporary folder and returns the folder.
  static func writeDriver() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("journal-python-\(UUID().uuidString)", isDirectory: true)
    try FileSystem.writeAtomically(
      Data(PackageResources.python_driver_py), to: folder.appendingPathComponent("driver.py"))
    return folder
  }
}

/// One CPython process running one entry's cells.
final class PythonSession: CellSession {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let folder: URL
  private let errorLog: URL
  private var pending = Data()
  private var broken: String?
  private let context: CellSessionContext

  init(executable: URL, context: CellSessionContext) throws {
    self.context = context
    folder = try PythonEngine.writeDriver()
    errorLog = folder.appendingPathComponent("stderr.txt")
    _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
    process.executableURL = executable
    process.arguments = [folder.appendingPathComponent("driver.py").path]
    var environment = ProcessInfo.processInfo.environment
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONDONTWRITEBYTECODE"] = "1"
    process.environment = environment
    process.currentDirectoryURL = context.root
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorLog)
    // A driver that dies must not kill us with SIGPIPE when we send it the next cell.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
    } catch {
      try? FileManager.default.removeItem(at: folder)
      throw JournalError(
        .io, "cannot start Python: \(error.localizedDescription)",
        file: executable.path)
    }
    try send([
      "type": "start", "entry": context.entryPath,
      "dataFolders": context.dataFolders.folders.map(\.path),
    ])
    guard let ready = try receive(deadline: Date().addingTimeInterval(60)),
      ready.type == "ready"
    else {
      throw JournalError(.io, "the Python cell driver did not start: \(errorTail())")
    }
  }

  deinit { close() }

  func run(_ request: CellRequest, onOutput: (CellStreamName, String) -> Void) throws
    -> CellOutput
  {
    if let broken { throw JournalError(.io, broken, file: context.entryPath) }
    let start = Date()
    var message: [String: Any] = [
      "type": "run", "index": request.index, "line": request.line, "source": request.source,
      "timeout": request.timeout,
    ]
    if let seed = request.seed { message["seed"] = seed }
    try send(message)
    // The driver's own alarm ends a slow cell with a traceback; this deadline only catches a
    // cell stuck where Python cannot interrupt it (inside C code).
    let deadline = start.addingTimeInterval(request.timeout + 10)
    while true {
      guard let reply = try receive(deadline: deadline) else {
        if Date() >= deadline {
          broken = "the Python session was stopped after a cell timed out"
          kill(process.processIdentifier, SIGKILL)
          let message = "cell exceeded its time limit of \(request.timeout) s"
          let frame = TracebackFrame(
            file: context.entryPath, line: request.line,
            function: "<module>", text: "")
          return CellOutput(
            error: CellError(
              type: "TimeoutError", message: message,
              frames: [frame], formatted: "TimeoutError: \(message)\n"),
            duration: Date().timeIntervalSince(start))
        }
        broken = "the Python cell driver exited: \(errorTail())"
        throw JournalError(.io, broken ?? "", file: context.entryPath, line: request.line)
      }
      switch reply.type {
      case "stream":
        onOutput(CellStreamName(rawValue: reply.name ?? "stdout") ?? .stdout, reply.text ?? "")
      case "result":
        return CellOutput(
          stdout: reply.stdout ?? "", stderr: reply.stderr ?? "",
          error: reply.error, figures: reply.figures ?? [], value: reply.value,
          dataFiles: reply.dataFiles ?? [], duration: Date().timeIntervalSince(start))
      default:
        continue
      }
    }
  }

  func close() {
    if process.isRunning {
      try? send(["type": "exit"])
      try? input.fileHandleForWriting.close()
      let limit = Date().addingTimeInterval(5)
      while process.isRunning && Date() < limit { usleep(10_000) }
      // SIGKILL: the child may have inherited a mask that blocks SIGTERM.
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: folder)
  }

  private func send(_ message: [String: Any]) throws {
    var data = try JSONSerialization.data(withJSONObject: message)
    data.append(UInt8(ascii: "\n"))
    do {
      try input.fileHandleForWriting.write(contentsOf: data)
    } catch {
      throw JournalError(.io, "the Python cell driver stopped: \(errorTail())")
    }
  }

  /// The next message, or nil at end of file or when the deadline passes.
  private func receive(deadline: Date) throws -> DriverMessage? {
    let fd = output.fileHandleForReading.fileDescriptor
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = pending[pending.startIndex..<newline]
        pending = Data(pending[(newline + 1)...])
        do {
          return try JSONDecoder().decode(DriverMessage.self, from: line)
        } catch {
          throw JournalError(
            .io,
            "unreadable message from the Python cell driver: "
              + String(decoding: line.prefix(200), as: UTF8.self))
        }
      }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 { return nil }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining, 1) * 1000) + 1)
      if ready < 0 && errno == EINTR { continue }
      if ready <= 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let n = read(fd, &chunk, chunk.count)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return nil }
      pending.append(contentsOf: chunk[0..<n])
    }
  }

  /// The last lines the driver wrote to its standard error, for messages.
  private func errorTail() -> String {
    let text = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
    let lines = text.split(separator: "\n").suffix(3).joined(separator: " | ")
    return lines.isEmpty ? "no message" : lines
  }

  private struct DriverMessage: Decodable {
    var type: String
    var name: String?
    var text: String?
    var stdout: String?
    var stderr: String?
    var value: String?
    var error: CellError?
    var figures: [String]?
    var dataFiles: [DataFileUse]?
  }
}
