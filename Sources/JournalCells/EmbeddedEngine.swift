import Foundation
import JournalCore
import PyInterpreter

/// The embedded cell engine: our Python-subset interpreter, in process, no Python needed.
public struct EmbeddedEngine: CellEngine {
  /// Extra set-up for every session, e.g. registering more native modules.
  public typealias Installer = @Sendable (Interpreter) -> Void

  let installers: [Installer]

  public init(installers: [Installer] = []) { self.installers = installers }

  public var identity: EngineIdentity {
    EngineIdentity(name: "journal", version: JournalVersion.current)
  }

  public func startSession(_ context: CellSessionContext) throws -> any CellSession {
    EmbeddedSession(context: context, installers: installers)
  }
}

final class EmbeddedSession: CellSession {
  let context: CellSessionContext
  let interpreter: Interpreter
  /// Figures the cells show or save, from `matplotlib.pyplot` and `seaborn`.
  let figures = FigureCollector()
  let plots: PlotSession
  private var current: ((CellStreamName, String) -> Void)?
  private var stdout = ""
  private var stderr = ""

  init(context: CellSessionContext, installers: [EmbeddedEngine.Installer]) {
    self.context = context
    interpreter = Interpreter()
    interpreter.readableFolders = context.dataFolders.folders.map(\.path)
    let folders = context.dataFolders
    interpreter.dataFiles = DataFileLookup(
      resolve: { folders.resolve($0)?.path }, missingMessage: folders.missingMessage(for:),
      globRoot: folders.folders.first { url in
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
          && isDir.boolValue
      }?.path)
    registerBridge(in: interpreter)
    plots = PlotBridge.register(in: interpreter, sink: figures)
    for install in installers { install(interpreter) }
    interpreter.output = { [unowned self] text in
      stdout += text
      current?(.stdout, text)
    }
    interpreter.errorOutput = { [unowned self] text in
      stderr += text
      current?(.stderr, text)
    }
  }

  func run(_ request: CellRequest, onOutput: (CellStreamName, String) -> Void) throws -> CellOutput
  {
    stdout = ""
    stderr = ""
    let start = Date()
    return withoutActuallyEscaping(onOutput) { onOutput in
      current = onOutput
      defer { current = nil }
      interpreter.options.timeLimit = request.timeout
      var failure: CellError?
      do {
        _ = interpreter.takeOpenedDataFiles()
        if let seed = request.seed { seedStreams(seed) }
        try interpreter.run(
          source: request.source, filename: context.entryPath,
          lineOffset: request.line - 1)
      } catch let e as PythonError {
        failure = CellError(e)
      } catch {
        let text = "\(error)"
        failure = CellError(
          type: "RuntimeError", message: text, frames: [],
          formatted: "RuntimeError: \(text)\n")
      }
      // Like a notebook, a figure the cell left open is shown at its end.
      plots.showOpenFigures()
      return CellOutput(
        stdout: stdout, stderr: stderr, error: failure,
        figures: figures.drain().map(\.svg),
        value: nil,
        dataFiles: interpreter.takeOpenedDataFiles().map {
          DataFileUse(name: $0.name, path: $0.path)
        },
        duration: Date().timeIntervalSince(start))
    }
  }

  /// `seed=N`: seeds each random stream the session knows (modules that are not installed are
  /// skipped).
  private func seedStreams(_ seed: Int) {
    for statement in [
      "import random as __s\n__s.seed(\(seed))", "import numpy as __s\n__s.random.seed(\(seed))",
      "import torch as __s\n__s.manual_seed(\(seed))",
    ] {
      try? interpreter.run(source: statement + "\ndel __s\n", filename: "<seed>")
    }
  }

  func close() {}
}

extension CellError {
  init(_ e: PythonError) {
    self.init(
      type: e.typeName, message: e.message,
      frames: e.traceback.map {
        TracebackFrame(
          file: $0.filename, line: $0.line, function: $0.function,
          text: $0.sourceLine ?? "")
      }, formatted: e.formatted)
  }
}
