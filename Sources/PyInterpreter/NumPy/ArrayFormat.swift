import Foundation
import Tensors

/// NumPy 2.x's default array printing (`np.get_printoptions()`): precision 8, `floatmode`
/// maxprec, no small-number suppression, 75-column lines, summaries above 1000 elements.
enum ArrayFormat {
  /// `np.set_printoptions` state; the defaults are NumPy's.
  struct Options {
    var precision = 8
    var suppress = false
    var lineWidth = 75
    var threshold = 1000
    var edgeItems = 3
  }

  // MARK: Decimal digits

  /// Shortest round-trip digits of a finite nonzero magnitude: value = 0.d1d2... x 10^point.
  struct Digits {
    var digits: [UInt8]
    var point: Int
  }

  static func digits(of text: String) -> Digits {
    var mantissa = Substring(text)
    var exp = 0
    if mantissa.hasPrefix("-") { mantissa = mantissa.dropFirst() }
    if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exp = Int(mantissa[mantissa.index(after: e)...]) ?? 0
      mantissa = mantissa[..<e]
    }
    var intPart = mantissa
    var frac: Substring = ""
    if let dot = mantissa.firstIndex(of: ".") {
      intPart = mantissa[..<dot]
      frac = mantissa[mantissa.index(after: dot)...]
    }
    var ds = (intPart + frac).compactMap { $0.wholeNumberValue.map(UInt8.init) }
    var point = intPart.count + exp
    while ds.count > 1 && ds.first == 0 {
      ds.removeFirst()
      point -= 1
    }
    while ds.count > 1 && ds.last == 0 { ds.removeLast() }
    if ds == [0] { point = 1 }
    return Digits(digits: ds, point: point)
  }

  /// Shortest digits of `value` as a float of `dtype` (float32 values use float32's shortest).
  static func shortest(_ value: Double, _ dtype: DType) -> Digits {
    let m = Swift.abs(value)
    return digits(of: dtype == .float32 ? Float(m).description : m.description)
  }

  /// Dragon4 positional, unique digits cut to `precision` fractional digits, trailing zeros
  /// trimmed but the point kept: `(sign+int, frac)`.
  static func positional(_ value: Double, _ dtype: DType, precision: Int) -> (String, String) {
    let sign = value.sign == .minus ? "-" : ""
    let d = shortest(value, dtype)
    if d.digits.count - d.point > precision {
      let text = String(format: "%.\(precision)f", Swift.abs(value))
      let parts = text.split(separator: ".", omittingEmptySubsequences: false)
      var frac = parts.count > 1 ? String(parts[1]) : ""
      while frac.last == "0" { frac.removeLast() }
      return (sign + parts[0], frac)
    }
    let ds = d.digits.map { Character(String($0)) }
    var intPart = ""
    var frac = ""
    if d.point <= 0 {
      intPart = "0"
      frac = String(repeating: "0", count: -d.point) + String(ds)
    } else if d.point >= ds.count {
      intPart = String(ds) + String(repeating: "0", count: d.point - ds.count)
    } else {
      intPart = String(ds[..<d.point])
      frac = String(ds[d.point...])
    }
    if d.digits == [0] { frac = "" }
    return (sign + intPart, frac)
  }

  /// Dragon4 scientific, unique digits cut to `precision`: `(sign+int, frac, exponent)`.
  static func scientific(_ value: Double, _ dtype: DType, precision: Int) -> (String, String, Int) {
    let sign = value.sign == .minus ? "-" : ""
    let d = shortest(value, dtype)
    if d.digits.count - 1 > precision {
      let text = String(format: "%.\(precision)e", Swift.abs(value))
      let e = text.firstIndex(of: "e")!
      let exp = Int(text[text.index(after: e)...]) ?? 0
      let mant = text[..<e].split(separator: ".", omittingEmptySubsequences: false)
      var frac = mant.count > 1 ? String(mant[1]) : ""
      while frac.last == "0" { frac.removeLast() }
      return (sign + mant[0], frac, exp)
    }
    let ds = d.digits.map { Character(String($0)) }
    let exp = d.digits == [0] ? 0 : d.point - 1
    return (sign + String(ds[0]), String(ds.dropFirst()), exp)
  }

  // MARK: Element formatters

  /// Formats every element of one array with common widths, as NumPy's format functions do.
  struct Formatter {
    enum Kind { case bool, int, float }
    var kind: Kind
    var dtype: DType
    var intWidth = 0
    var expFormat = false
    var padLeft = 0
    var padRight = 0
    var precision: Int
    var maxPrecision: Int
    var expSize = -1

    init(values: [Double], ints: [Int64], dtype: DType, options: Options) {
      self.dtype = dtype
      precision = options.precision
      maxPrecision = options.precision
      if dtype == .bool {
        kind = .bool
        return
      }
      if !dtype.isFloatingPoint {
        kind = .int
        if let lo = ints.min(), let hi = ints.max() {
          intWidth = Swift.max(String(lo).count, String(hi).count)
        }
        return
      }
      kind = .float
      let finite = values.filter { $0.isFinite }
      let nonZero = finite.filter { $0 != 0 }.map { Swift.abs($0) }
      if let maxV = nonZero.max(), let minV = nonZero.min() {
        if maxV >= 1e8 || (!options.suppress && (minV < 0.0001 || maxV / minV > 1000)) {
          expFormat = true
        }
      }
      if finite.isEmpty {
        padLeft = 0
        padRight = 0
        expSize = -1
      } else if expFormat {
        let parts = finite.map { ArrayFormat.scientific($0, dtype, precision: options.precision) }
        expSize = Swift.max(2, parts.map { String(Swift.abs($0.2)).count }.max() ?? 2)
        precision = parts.map { $0.1.count }.max() ?? 0
        padLeft = parts.map { $0.0.count }.max() ?? 0
        padRight = expSize + 2 + precision
      } else {
        let parts = finite.map { ArrayFormat.positional($0, dtype, precision: options.precision) }
        padLeft = parts.map { $0.0.count }.max() ?? 0
        padRight = parts.map { $0.1.count }.max() ?? 0
      }
      if finite.count != values.count {
        let negInf = values.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
        let offset = padRight + 1
        padLeft = Swift.max(padLeft, 3 - offset, 3 + negInf - offset)
      }
    }

    func format(double x: Double, int i: Int64, bool b: Bool, inArray: Bool) -> String {
      switch kind {
      case .bool: return b ? (inArray ? " True" : "True") : "False"
      case .int:
        let s = String(i)
        return String(repeating: " ", count: Swift.max(0, intWidth - s.count)) + s
      case .float:
        if !x.isFinite {
          let r = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
          return String(repeating: " ", count: Swift.max(0, padLeft + padRight + 1 - r.count)) + r
        }
        if expFormat {
          var (ip, fp, e) = ArrayFormat.scientific(x, dtype, precision: precision)
          fp += String(repeating: "0", count: Swift.max(0, precision - fp.count))
          let es = String(Swift.abs(e))
          let expText =
            (e < 0 ? "-" : "+") + String(repeating: "0", count: Swift.max(0, expSize - es.count))
            + es
          return String(repeating: " ", count: Swift.max(0, padLeft - ip.count)) + ip + "." + fp
            + "e" + expText
        }
        let (ip, fp) = ArrayFormat.positional(x, dtype, precision: maxPrecision)
        return String(repeating: " ", count: Swift.max(0, padLeft - ip.count)) + ip + "." + fp
          + String(repeating: " ", count: Swift.max(0, padRight - fp.count))
      }
    }
  }

  // MARK: Whole arrays

  /// The indices shown along an axis of length `n` (all, or the edges when summarising).
  static func shown(_ n: Int, summarise: Bool, edgeItems: Int) -> [Int] {
    if summarise && n > 2 * edgeItems { return Array(0..<edgeItems) + Array((n - edgeItems)..<n) }
    return Array(0..<n)
  }

  /// `array2string(t, separator:, prefix:)` with NumPy's wrapping rules; `suffix` shortens lines.
  static func body(
    _ t: Tensor, separator: String, prefix: String, suffix: String, options: Options
  ) -> String {
    if t.count == 0 { return "[]" }
    let edgeItems = options.edgeItems
    let c = t.contiguous()
    let doubles = c.dtype.isFloatingPoint ? c.doubles : []
    let ints = c.dtype.isInteger ? c.int64s : []
    let bools = c.dtype == .bool ? c.bools : []
    let summarise = t.count > options.threshold
    let shape = t.shape
    var strides = [Int](repeating: 1, count: shape.count)
    if shape.count > 1 {
      for k in stride(from: shape.count - 2, through: 0, by: -1) {
        strides[k] = strides[k + 1] * shape[k + 1]
      }
    }
    var shownFlat: [Int] = []
    func collect(_ axis: Int, _ base: Int) {
      if axis == shape.count {
        shownFlat.append(base)
        return
      }
      for i in shown(shape[axis], summarise: summarise, edgeItems: edgeItems) {
        collect(axis + 1, base + i * strides[axis])
      }
    }
    collect(0, 0)
    let fmt = Formatter(
      values: doubles.isEmpty ? [] : shownFlat.map { doubles[$0] },
      ints: ints.isEmpty ? [] : shownFlat.map { ints[$0] }, dtype: t.dtype, options: options)
    func word(_ flat: Int) -> String {
      fmt.format(
        double: doubles.isEmpty ? 0 : doubles[flat], int: ints.isEmpty ? 0 : ints[flat],
        bool: bools.isEmpty ? false : bools[flat], inArray: true)
    }
    if t.rank == 0 { return word(0) }
    let sepTrim = String(separator.reversed().drop(while: { $0 == " " }).reversed())
    func extend(
      _ s: inout String, _ line: inout String, _ w: String, _ width: Int, _ indent: String
    ) {
      var wrap = line.count + w.count > width
      if line.count <= indent.count { wrap = false }
      if wrap {
        var trimmed = line
        while trimmed.last == " " { trimmed.removeLast() }
        s += trimmed + "\n"
        line = indent
      }
      line += w
    }
    func recurse(_ axis: Int, _ base: Int, _ indent: String, _ width: Int) -> String {
      if axis == shape.count { return word(base) }
      let nextIndent = indent + " "
      let nextWidth = width - 1
      let n = shape[axis]
      let showSummary = summarise && 2 * edgeItems < n
      let leading = showSummary ? edgeItems : 0
      let trailing = showSummary ? edgeItems : n
      var s = ""
      if axis == shape.count - 1 {
        let elemWidth = width - Swift.max(sepTrim.count, 1)
        var line = indent
        for i in 0..<leading {
          extend(
            &s, &line, recurse(axis + 1, base + i * strides[axis], nextIndent, nextWidth),
            elemWidth, indent)
          line += separator
        }
        if showSummary {
          extend(&s, &line, "...", elemWidth, indent)
          line += separator
        }
        if trailing > 1 {
          for i in stride(from: trailing, to: 1, by: -1) {
            extend(
              &s, &line,
              recurse(axis + 1, base + (n - i) * strides[axis], nextIndent, nextWidth),
              elemWidth, indent)
            line += separator
          }
        }
        extend(
          &s, &line, recurse(axis + 1, base + (n - 1) * strides[axis], nextIndent, nextWidth),
          elemWidth, indent)
        s += line
      } else {
        let lineSep = sepTrim + String(repeating: "\n", count: shape.count - axis - 1)
        for i in 0..<leading {
          s += indent + recurse(axis + 1, base + i * strides[axis], nextIndent, nextWidth) + lineSep
        }
        if showSummary { s += indent + "..." + lineSep }
        if trailing > 1 {
          for i in stride(from: trailing, to: 1, by: -1) {
            s +=
              indent + recurse(axis + 1, base + (n - i) * strides[axis], nextIndent, nextWidth)
              + lineSep
          }
        }
        s += indent + recurse(axis + 1, base + (n - 1) * strides[axis], nextIndent, nextWidth)
      }
      return "[" + s.dropFirst(indent.count) + "]"
    }
    let indent = " " + String(repeating: " ", count: prefix.count)
    return recurse(0, 0, indent, options.lineWidth - suffix.count)
  }

  /// Whether `repr` leaves the dtype out because NumPy infers it from the text.
  static func dtypeIsImplied(_ d: DType) -> Bool { d == .float64 || d == .int64 || d == .bool }

  /// `repr(array)`.
  static func repr(_ t: Tensor, _ options: Options) -> String {
    let prefix = "array("
    let lst = body(t, separator: ", ", prefix: prefix, suffix: ")", options: options)
    var extras: [String] = []
    if (t.count == 0 && t.shape != [0]) || t.count > options.threshold {
      extras.append("shape=" + shapeText(t.shape))
    }
    if !dtypeIsImplied(t.dtype) || t.count == 0 { extras.append("dtype=\(t.dtype)") }
    if extras.isEmpty { return prefix + lst + ")" }
    let arr = prefix + lst + ","
    let extra = extras.joined(separator: ", ") + ")"
    let lastLine =
      arr.count
      - ((arr.lastIndex(of: "\n").map { arr.distance(from: arr.startIndex, to: $0) + 1 }) ?? 0)
    let spacer =
      lastLine + extra.count + 1 > options.lineWidth
      ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return arr + spacer + extra
  }

  /// `str(array)`.
  static func str(_ t: Tensor, _ options: Options) -> String {
    body(t, separator: " ", prefix: "", suffix: "", options: options)
  }

  static func shapeText(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }

  // MARK: Scalars

  /// `str(np.float64(x))`: Python's float repr layout over the dtype's shortest digits.
  static func scalarFloatText(_ x: Double, _ dtype: DType) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let sign = x.sign == .minus ? "-" : ""
    if x == 0 { return sign + "0.0" }
    let d = shortest(x, dtype)
    let e = d.point - 1
    let ds = d.digits.map { Character(String($0)) }
    if e >= -4 && e < 16 {
      let (ip, fp) = positional(x, dtype, precision: 400)
      return ip + "." + (fp.isEmpty ? "0" : fp)
    }
    var m = String(ds[0])
    if ds.count > 1 { m += "." + String(ds.dropFirst()) }
    let es = String(Swift.abs(e))
    return sign + m + "e" + (e < 0 ? "-" : "+") + (es.count < 2 ? "0" + es : es)
  }
}
