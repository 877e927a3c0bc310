import Foundation

/// A figure handed to the host: by `plt.show()` (no file name) or `plt.savefig(name)`.
public struct PlotOutput: Sendable, Equatable {
  /// The complete standalone SVG document.
  public var svg: String
  /// The name given to `savefig`, exactly as written in the cell; nil for `show()`. The host
  /// decides where (and whether) a file is written.
  public var filename: String?
  /// `savefig(format=...)`, when given.
  public var format: String?

  public init(svg: String, filename: String?, format: String? = nil) {
    self.svg = svg
    self.filename = filename
    self.format = format
  }
}

/// Where the plotting modules deliver figures. Called on the interpreter's thread, in the
/// order the cell produced them.
public protocol FigureSink: AnyObject {
  func receive(_ output: PlotOutput)
  /// `savefig`: a sink that writes files refuses, at the call, what it cannot write.
  func save(_ output: PlotOutput) throws
}

extension FigureSink {
  public func save(_ output: PlotOutput) throws { receive(output) }
}

/// `journal exec`'s sink: `savefig` writes the figure as an SVG file, only inside `folder`
/// (the script's working folder); shown figures go nowhere. Formats other than SVG are
/// refused at the call, naming the one format written.
public final class FigureFileWriter: FigureSink {
  public let folder: URL
  /// The files written, in order.
  public private(set) var written: [URL] = []

  public init(folder: URL) { self.folder = folder.standardizedFileURL }

  public func receive(_ output: PlotOutput) {}

  public func save(_ output: PlotOutput) throws {
    let name = output.filename ?? "figure.svg"
    let ext = (name as NSString).pathExtension.lowercased()
    let format = output.format?.lowercased() ?? (ext.isEmpty ? "png" : ext)
    guard format == "svg" else {
      throw PyException(
        .notImplementedError,
        "savefig(\(reprString(name))) in \(format.uppercased()) format is not supported in "
          + "journal cells (figures are written as SVG: name the file .svg)")
    }
    guard ext == "svg" || ext.isEmpty else {
      throw PyException(
        .notImplementedError,
        "savefig(\(reprString(name)), format='svg') under a .\(ext) name is not supported in "
          + "journal cells (name the file .svg)")
    }
    // matplotlib adds the format's extension to a name without one.
    let file = ext.isEmpty ? name + ".svg" : name
    let target =
      (file.hasPrefix("/") ? URL(fileURLWithPath: file) : folder.appendingPathComponent(file))
      .standardizedFileURL
    let root = folder.resolvingSymlinksInPath().path
    let parent = target.deletingLastPathComponent().resolvingSymlinksInPath().path
    guard parent == root || parent.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      throw PyException(
        .permissionError,
        "[Errno 13] Permission denied: \(reprString(name)) (journal exec writes figures only "
          + "inside the working folder)")
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw PyException(
        .fileNotFoundError, "[Errno 2] No such file or directory: \(reprString(name))")
    }
    do {
      try Data(output.svg.utf8).write(to: target)
    } catch {
      throw PyException(.osError, "cannot write \(reprString(name)): \(error.localizedDescription)")
    }
    written.append(target)
  }
}

/// A sink that keeps every figure in order, for hosts that collect a cell's outputs.
public final class FigureCollector: FigureSink {
  public private(set) var outputs: [PlotOutput] = []

  public init() {}

  public func receive(_ output: PlotOutput) { outputs.append(output) }

  /// Returns the figures collected so far and forgets them.
  public func drain() -> [PlotOutput] {
    defer { outputs = [] }
    return outputs
  }
}

/// Installs `matplotlib`, `matplotlib.pyplot` and `seaborn` in an interpreter.
public enum PlotBridge {
  /// Registers the modules; `sink` receives every shown or saved figure. The pyplot state
  /// (open figures, current figure and axes) lives as long as the interpreter session; the
  /// returned handle lets the host show figures a cell left open, as notebooks do.
  @discardableResult
  public static func register(in interpreter: Interpreter, sink: FigureSink) -> PlotSession {
    let state = PyplotState(interpreter: interpreter, sink: sink)
    interpreter.registerModule("matplotlib") { _ in
      let m = PyModule(name: "matplotlib")
      m["__version__"] = .str("3.11.2")
      // Backends only matter to real matplotlib; figures here are always SVG.
      m.define("use") { _, _ in .none }
      m["style"] = .module(PyplotModule.makeStyle())
      return m
    }
    interpreter.registerModule("matplotlib.style") { _ in PyplotModule.makeStyle() }
    interpreter.registerModule("matplotlib.pyplot") { _ in PyplotModule.make(state) }
    interpreter.registerModule("matplotlib.ticker") { _ in TickerModule.make(state.values) }
    interpreter.registerModule("seaborn") { _ in SeabornModule.make(state) }
    return PlotSession(state: state)
  }
}

/// The host's view of a session's pyplot state.
public final class PlotSession {
  private let state: PyplotState

  init(state: PyplotState) { self.state = state }

  /// How many figures are open (created and not yet shown or closed).
  public var openFigureCount: Int { state.figures.count }

  /// Does what `plt.show()` does: every open figure to the sink, in order, then closed.
  public func showOpenFigures() { state.show() }

  /// Closes every open figure without delivering it (`plt.close("all")`).
  public func closeAll() { state.closeAll() }
}

/// pyplot's state machine: the open figures in creation order and the current one.
final class PyplotState {
  unowned let interpreter: Interpreter
  let sink: FigureSink
  var figures: [FigureObject] = []
  var current: FigureObject?
  private var nextNumber = 1

  init(interpreter: Interpreter, sink: FigureSink) {
    self.interpreter = interpreter
    self.sink = sink
  }

  var values: PlotValues { PlotValues(interpreter: interpreter) }

  /// `plt.figure()`: a new figure, made current.
  func newFigure(_ figure: Figure = Figure()) -> FigureObject {
    let object = FigureObject(figure: figure, number: nextNumber, state: self)
    nextNumber += 1
    figures.append(object)
    current = object
    return object
  }

  func activate(_ figure: FigureObject) {
    if !figures.contains(where: { $0 === figure }) { figures.append(figure) }
    current = figure
  }

  /// `plt.gcf()`.
  func currentFigure() -> FigureObject { current ?? newFigure() }

  /// `plt.gca()`.
  func currentAxes() -> AxesObject { currentFigure().currentAxes() }

  /// `plt.show()`: every open figure to the sink, in creation order, then all closed.
  func show() {
    for figure in figures { sink.receive(PlotOutput(svg: figure.figure.svg(), filename: nil)) }
    closeAll()
  }

  func close(_ figure: FigureObject) {
    figures.removeAll { $0 === figure }
    if current === figure { current = figures.last }
  }

  func closeAll() {
    figures = []
    current = nil
  }
}
