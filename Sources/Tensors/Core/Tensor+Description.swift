import Foundation

/// Text forms of a tensor: NumPy's `str`/`repr` (array2string's defaults: precision 8,
/// `maxprec` float mode, line width 75, summarised above 1000 elements) and PyTorch's `repr`.
extension Tensor: CustomStringConvertible {
  /// NumPy's `str(array)`.
  public var description: String { numpyString() }

  /// NumPy's `str(a)` (or `repr(a)` when `repr` is true).
  public func numpyString(repr: Bool = false) -> String {
    let x = detached()
    if rank == 0 {
      let f = ElementFormatter(values: [x.loadScalar(at: offset)], dtype: dtype)
      let body = f.format(x.loadScalar(at: offset), trimmed: true)
      if !repr { return body }
      return "array(\(body)" + (Tensor.defaultDType(dtype) ? ")" : ", dtype=\(dtype))")
    }
    let summarise = count > 1000
    let shown = summarise ? x.summaryValues(edge: 3) : x.contiguous().allScalars()
    let formatter = ElementFormatter(values: shown, dtype: dtype)
    let prefix = repr ? "array(" : ""
    var extras: [String] = []
    if summarise { extras.append("shape=\(shapeString(shape))") }
    if !(Tensor.defaultDType(dtype) && count > 0) { extras.append("dtype=\(dtype)") }
    let skipDType = extras.isEmpty
    let suffix = repr ? (skipDType ? ")" : ",") : ""
    let separator = repr ? ", " : " "
    let body: String
    if count == 0 {
      body =
        "[" + String(repeating: "[", count: Swift.max(rank - 1, 0))
        + String(repeating: "]", count: rank)
    } else {
      body = x.formatArray(
        formatter, lineWidth: 75 - suffix.count,
        nextLinePrefix: " " + String(repeating: " ", count: prefix.count),
        separator: separator, summarise: summarise)
    }
    if !repr { return body }
    var s = prefix + body + suffix
    if skipDType { return s }
    for (i, extra) in extras.enumerated() {
      let text = extra + (i == extras.count - 1 ? ")" : ",")
      let lastLine =
        s.count
        - ((s.lastIndex(of: "\n").map { s.distance(from: s.startIndex, to: $0) + 1 }) ?? 0)
      s += lastLine + text.count + 1 > 75 ? "\n" + String(repeating: " ", count: prefix.count) : " "
      s += text
    }
    return s
  }

  static func defaultDType(_ d: DType) -> Bool { d == .float64 || d == .int64 || d == .bool }

  func allScalars() -> [Scalar] { (0..<count).map { loadScalar(at: offset + $0) } }

  /// Values that a summarised print shows (the first and last `edge` along every axis).
  func summaryValues(edge: Int) -> [Scalar] {
    var out: [Scalar] = []
    func visit(_ t: Tensor) {
      if t.rank == 0 {
        out.append(t.loadScalar(at: t.offset))
        return
      }
      let n = t.shape[0]
      let idx = n > 2 * edge ? Array(0..<edge) + Array((n - edge)..<n) : Array(0..<n)
      for i in idx {
        visit(
          Tensor(
            storage: t.storage, shape: Array(t.shape.dropFirst()),
            strides: Array(t.strides.dropFirst()), offset: t.offset + i * t.strides[0]))
      }
    }
    visit(self)
    return out
  }

  /// NumPy's `_formatArray`, with its line wrapping.
  func formatArray(
    _ f: ElementFormatter, lineWidth: Int, nextLinePrefix: String,
    separator: String, summarise: Bool
  ) -> String {
    let edge = 3
    func extend(
      _ s: inout String, _ line: inout String, _ word: String, _ width: Int,
      _ prefix: String
    ) {
      var wrap = line.count + word.count > width
      if line.count <= prefix.count { wrap = false }
      if wrap {
        while line.last == " " { line.removeLast() }
        s += line + "\n"
        line = prefix
      }
      line += word
    }
    func recurse(_ t: Tensor, _ hanging: String, _ width: Int) -> String {
      if t.rank == 0 { return f.format(t.loadScalar(at: t.offset), trimmed: false) }
      let nextHanging = hanging + " "
      let nextWidth = width - 1
      let n = t.shape[0]
      let showSummary = summarise && 2 * edge < n
      let leading = showSummary ? edge : 0
      let trailing = showSummary ? edge : n
      func sub(_ i: Int) -> Tensor {
        let j = i < 0 ? i + n : i
        return Tensor(
          storage: t.storage, shape: Array(t.shape.dropFirst()),
          strides: Array(t.strides.dropFirst()), offset: t.offset + j * t.strides[0])
      }
      var s = ""
      let sepTrim = String(separator.reversed().drop(while: { $0 == " " }).reversed())
      if t.rank == 1 {
        let elemWidth = width - Swift.max(sepTrim.count, 1)
        var line = hanging
        for i in 0..<leading {
          extend(&s, &line, recurse(sub(i), nextHanging, nextWidth), elemWidth, hanging)
          line += separator
        }
        if showSummary {
          extend(&s, &line, "...", elemWidth, hanging)
          line += separator
        }
        if trailing > 1 {
          for i in stride(from: trailing, to: 1, by: -1) {
            extend(&s, &line, recurse(sub(-i), nextHanging, nextWidth), elemWidth, hanging)
            line += separator
          }
        }
        extend(&s, &line, recurse(sub(-1), nextHanging, nextWidth), elemWidth, hanging)
        s += line
      } else {
        let lineSep = sepTrim + String(repeating: "\n", count: t.rank - 1)
        for i in 0..<leading { s += hanging + recurse(sub(i), nextHanging, nextWidth) + lineSep }
        if showSummary { s += hanging + "..." + lineSep }
        if trailing > 1 {
          for i in stride(from: trailing, to: 1, by: -1) {
            s += hanging + recurse(sub(-i), nextHanging, nextWidth) + lineSep
          }
        }
        s += hanging + recurse(sub(-1), nextHanging, nextWidth)
      }
      return "[" + String(s.dropFirst(hanging.count)) + "]"
    }
    return recurse(self, nextLinePrefix, lineWidth)
  }

  /// PyTorch's `repr`: `tensor([1.0000, 2.5000])`, integers as is, `requires_grad=True` noted.
  public func torchString() -> String {
    let vals = detached().contiguous().allScalars()
    let finite = vals.map(\.doubleValue).filter { $0.isFinite }
    let nonzero = finite.map { Swift.abs($0) }.filter { $0 > 0 }
    let isInt = dtype.isFloatingPoint && finite.allSatisfy { $0.rounded() == $0 }
    let sci =
      dtype.isFloatingPoint && !isInt && !nonzero.isEmpty
      && ((nonzero.max()! / nonzero.min()! > 1000) || nonzero.max()! > 1e8 || nonzero.min()! < 1e-4)
    func fmt(_ s: Scalar) -> String {
      let d = s.doubleValue
      switch dtype {
      case .bool: return s.doubleValue != 0 ? "True" : "False"
      case .float32, .float64:
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if isInt && !sci { return String(format: "%.0f.", d) }
        return sci ? String(format: "%.4e", d) : String(format: "%.4f", d)
      default: return String(s.int64Value)
      }
    }
    let words = vals.map(fmt)
    let width = words.map(\.count).max() ?? 0
    let padded = words.map { String(repeating: " ", count: width - $0.count) + $0 }
    var pos = 0
    func nest(_ d: Int, _ indent: String) -> String {
      if rank == 0 {
        return padded.first ?? ""
      }
      if d == rank - 1 {
        let row = padded[pos..<(pos + shape[d])].joined(separator: ", ")
        pos += shape[d]
        return "[" + row + "]"
      }
      let parts = (0..<shape[d]).map { _ in nest(d + 1, indent + " ") }
      return "["
        + parts.joined(separator: "," + String(repeating: "\n", count: rank - d - 1) + indent + " ")
        + "]"
    }
    var extras: [String] = []
    if dtype != .float32 && dtype != .int64 && dtype != .bool {
      extras.append("dtype=torch.\(dtype)")
    }
    if let name = gradFunctionName {
      extras.append("grad_fn=<\(name)>")
    } else if requiresGrad {
      extras.append("requires_grad=True")
    }
    return "tensor(" + nest(0, "       ") + extras.map { ", " + $0 }.joined() + ")"
  }
}

/// Formats elements the way NumPy's FloatingFormat / IntegerFormat / BoolFormat do.
struct ElementFormatter {
  let dtype: DType
  var exponential = false
  var precision = 0
  var padLeft = 0
  var padRight = 0
  var intWidth = 0

  init(values: [Scalar], dtype: DType) {
    self.dtype = dtype
    switch dtype {
    case .bool:
      intWidth = values.contains { $0.doubleValue == 0 } ? 5 : 4
    case .float32, .float64:
      let d = values.map(\.doubleValue)
      let finite = d.filter { $0.isFinite }
      let nonzero = finite.map { Swift.abs($0) }.filter { $0 != 0 }
      if let mx = nonzero.max(), let mn = nonzero.min() {
        exponential = mx >= 1e8 || mn < 1e-4 || mx / mn > 1000
      }
      if exponential {
        precision = finite.map { ElementFormatter.scientificDigits($0, dtype) }.max() ?? 0
        padLeft = finite.map { $0 < 0 ? 2 : 1 }.max() ?? 1
      } else {
        let parts = finite.map { ElementFormatter.positional($0, dtype) }
        padLeft = parts.map { $0.0.count }.max() ?? 0
        padRight = parts.map { $0.1.count }.max() ?? 0
      }
      if d.contains(where: { !$0.isFinite }) {
        let special = d.filter { !$0.isFinite }.map { $0.isNaN ? 3 : ($0 < 0 ? 4 : 3) }.max() ?? 3
        if finite.isEmpty {
          padLeft = special
          padRight = 0
        } else if !exponential {
          padLeft = Swift.max(padLeft, special - padRight - 1)
        }
      }
    default:
      intWidth = values.map { String($0.int64Value).count }.max() ?? 1
    }
  }

  /// Digits before and after the point of the shortest round-tripping form with at most eight
  /// fractional digits (Dragon4 `unique=True, precision=8`).
  static func positional(_ v: Double, _ dtype: DType) -> (String, String) {
    var text = String(format: "%.8f", v)
    for k in 0...8 {
      let t = String(format: "%.\(k)f", v)
      let back = Double(t) ?? .nan
      if dtype == .float32 ? Float(back) == Float(v) : back == v {
        text = t
        break
      }
    }
    var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.count == 1 { parts.append("") }
    while parts[1].hasSuffix("0") { parts[1].removeLast() }
    return (parts[0], parts[1])
  }

  static func scientificDigits(_ v: Double, _ dtype: DType) -> Int {
    for k in 0...8 {
      let back = Double(String(format: "%.\(k)e", v)) ?? .nan
      if dtype == .float32 ? Float(back) == Float(v) : back == v { return k }
    }
    var m = String(format: "%.8e", v).split(separator: "e")[0]
    while m.hasSuffix("0") { m.removeLast() }
    return m.split(separator: ".").count > 1 ? m.split(separator: ".")[1].count : 0
  }

  func format(_ s: Scalar, trimmed: Bool) -> String {
    func pad(_ t: String, _ width: Int) -> String {
      t.count >= width ? t : String(repeating: " ", count: width - t.count) + t
    }
    switch dtype {
    case .bool: return pad(s.doubleValue != 0 ? "True" : "False", trimmed ? 0 : intWidth)
    case .float32, .float64:
      let v = s.doubleValue
      if !v.isFinite {
        let t = v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf")
        return trimmed ? t : pad(t, padLeft + (exponential ? precision + 5 : padRight + 1))
      }
      if exponential {
        var t = String(format: "%.\(precision)e", v)
        if precision == 0 { t = t.replacingOccurrences(of: "e", with: ".e") }
        return trimmed ? t : pad(t, padLeft + precision + 5)
      }
      let (i, f) = ElementFormatter.positional(v, dtype)
      let t = i + "." + f
      if trimmed { return t }
      return pad(i, padLeft) + "." + f + String(repeating: " ", count: padRight - f.count)
    default:
      return pad(String(s.int64Value), trimmed ? 0 : intWidth)
    }
  }
}
