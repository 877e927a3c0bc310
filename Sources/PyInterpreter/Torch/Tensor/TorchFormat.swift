import Foundation
import Tensors

/// PyTorch 2.x's default tensor printing (`torch._tensor_str`): precision 4, 80 columns,
/// summaries above 1000 elements with 3 edge items.
enum TorchFormat {
  static let precision = 4
  static let lineWidth = 80
  static let threshold = 1000
  static let edgeItems = 3

  /// `torch._tensor_str._Formatter`.
  struct Formatter {
    var floating: Bool
    var intMode = true
    var sciMode = false
    var maxWidth = 1

    init(values: [Double], dtype: DType) {
      floating = dtype.isFloatingPoint
      if !floating {
        for v in values { maxWidth = Swift.max(maxWidth, Formatter.plain(v, dtype).count) }
        return
      }
      let finite = values.filter { $0.isFinite && $0 != 0 }
      guard !finite.isEmpty else { return }
      let abs = finite.map { Swift.abs($0) }
      let lo = abs.min()!, hi = abs.max()!
      intMode = finite.allSatisfy { $0 == $0.rounded(.up) }
      if intMode {
        if hi / lo > 1000 || hi > 1e8 {
          sciMode = true
          for v in finite {
            maxWidth = Swift.max(maxWidth, String(format: "%.\(precision)e", v).count)
          }
        } else {
          for v in finite { maxWidth = Swift.max(maxWidth, String(format: "%.0f", v).count + 1) }
        }
      } else if hi / lo > 1000 || hi > 1e8 || lo < 1e-4 {
        sciMode = true
        for v in finite {
          maxWidth = Swift.max(maxWidth, String(format: "%.\(precision)e", v).count)
        }
      } else {
        for v in finite {
          maxWidth = Swift.max(maxWidth, String(format: "%.\(precision)f", v).count)
        }
      }
    }

    var dtype: DType = .float32

    static func plain(_ v: Double, _ dtype: DType) -> String {
      if dtype == .bool { return v != 0 ? "True" : "False" }
      return String(Int64(v))
    }

    func format(_ v: Double, _ dtype: DType) -> String {
      var r: String
      if floating {
        if !v.isFinite {
          r = v.isNaN ? "nan" : v < 0 ? "-inf" : "inf"
        } else if sciMode {
          r = String(format: "%.\(precision)e", v)
        } else if intMode {
          r = String(format: "%.0f", v) + "."
        } else {
          r = String(format: "%.\(precision)f", v)
        }
      } else {
        r = Formatter.plain(v, dtype)
      }
      return String(repeating: " ", count: Swift.max(0, maxWidth - r.count)) + r
    }
  }

  static func body(_ t: Tensor, indent: Int) -> String {
    if t.count == 0 { return "[]" }
    let c = t.contiguous().casted(to: .float64)
    let values = c.doubles
    let summarise = t.count > threshold
    let shape = t.shape
    var strides = [Int](repeating: 1, count: shape.count)
    if shape.count > 1 {
      for k in stride(from: shape.count - 2, through: 0, by: -1) {
        strides[k] = strides[k + 1] * shape[k + 1]
      }
    }
    func shown(_ n: Int) -> [Int] {
      summarise && n > 2 * edgeItems
        ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
    }
    var sample: [Double] = []
    func collect(_ axis: Int, _ base: Int) {
      if axis == shape.count {
        sample.append(values[base])
        return
      }
      for i in shown(shape[axis]) { collect(axis + 1, base + i * strides[axis]) }
    }
    collect(0, 0)
    let fmt = Formatter(values: sample, dtype: t.dtype)
    if t.rank == 0 { return fmt.format(values[0], t.dtype) }
    func recurse(_ axis: Int, _ base: Int, _ indent: Int) -> String {
      let n = shape[axis]
      let showSummary = summarise && n > 2 * edgeItems
      if axis == shape.count - 1 {
        let perLine = Swift.max(1, (lineWidth - indent) / (fmt.maxWidth + 2))
        var data: [String] = []
        for i in shown(n) {
          if showSummary && i == n - edgeItems { data.append(" ...") }
          data.append(fmt.format(values[base + i * strides[axis]], t.dtype))
        }
        var lines: [String] = []
        var i = 0
        while i < data.count {
          lines.append(data[i..<Swift.min(i + perLine, data.count)].joined(separator: ", "))
          i += perLine
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1))
          + "]"
      }
      var slices: [String] = []
      for i in shown(n) {
        if showSummary && i == n - edgeItems { slices.append("...") }
        slices.append(recurse(axis + 1, base + i * strides[axis], indent + 1))
      }
      let sep =
        "," + String(repeating: "\n", count: shape.count - axis - 1)
        + String(repeating: " ", count: indent + 1)
      return "[" + slices.joined(separator: sep) + "]"
    }
    return recurse(0, 0, indent)
  }

  static func dtypeName(_ d: DType) -> String {
    switch d {
    case .float32: return "torch.float32"
    case .float64: return "torch.float64"
    case .int64: return "torch.int64"
    case .int32: return "torch.int32"
    case .uint8: return "torch.uint8"
    case .bool: return "torch.bool"
    }
  }

  /// `repr(tensor)` (also its `str`).
  static func repr(_ t: Tensor) -> String {
    let prefix = "tensor("
    let indent = prefix.count
    var suffixes: [String] = []
    let body: String
    if t.count == 0 {
      if t.rank != 1 { suffixes.append("size=" + ArrayFormat.shapeText(t.shape)) }
      if t.dtype != .float32 { suffixes.append("dtype=" + dtypeName(t.dtype)) }
      body = "[]"
    } else {
      if ![.float32, .int64, .bool].contains(t.dtype) {
        suffixes.append("dtype=" + dtypeName(t.dtype))
      }
      body = TorchFormat.body(t, indent: indent)
    }
    if let g = t.gradFunctionName {
      suffixes.append("grad_fn=<\(g)>")
    } else if t.requiresGrad {
      suffixes.append("requires_grad=True")
    }
    var out = prefix + body
    let lastNewline =
      out.lastIndex(of: "\n").map { out.distance(from: out.startIndex, to: $0) } ?? -1
    var lastLen = out.count - lastNewline + 1
    for s in suffixes {
      if lastLen + s.count + 2 > lineWidth {
        out += ",\n" + String(repeating: " ", count: indent) + s
        lastLen = indent + s.count
      } else {
        out += ", " + s
        lastLen += s.count + 2
      }
    }
    return out + ")"
  }
}
