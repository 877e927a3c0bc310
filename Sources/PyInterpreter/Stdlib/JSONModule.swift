import Foundation

/// `json.dumps` / `json.loads` (and `dump`-free: cells cannot write files) in CPython's layout.
enum JSONModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "json")
    m.define("dumps") { args, kwargs in
      let a = Arguments("dumps", args, kwargs)
      let value = try a.required(0, "obj")
      var indent: String?
      if let i = a.keyword("indent"), !rt.isNoneValue(i) {
        if case .str(let s) = i {
          indent = s
        } else {
          indent = String(repeating: " ", count: try rt.int(i, "indent"))
        }
      }
      let sortKeys = try a.keyword("sort_keys").map { try rt.isTrue($0) } ?? false
      let ensureASCII = try a.keyword("ensure_ascii").map { try rt.isTrue($0) } ?? true
      var itemSep = indent == nil ? ", " : ","
      var keySep = ": "
      if case .tuple(let seps)? = a.keyword("separators"), seps.count == 2,
        case .str(let i) = seps[0], case .str(let k) = seps[1]
      {
        itemSep = i
        keySep = k
      }
      var out = ""
      func encodeString(_ s: String) {
        out += "\""
        for u in s.unicodeScalars {
          switch u {
          case "\"": out += "\\\""
          case "\\": out += "\\\\"
          case "\n": out += "\\n"
          case "\r": out += "\\r"
          case "\t": out += "\\t"
          case "\u{08}": out += "\\b"
          case "\u{0C}": out += "\\f"
          default:
            if u.value < 0x20 || (ensureASCII && u.value > 0x7E) {
              if u.value > 0xFFFF {
                let v = u.value - 0x10000
                out += "\\u" + hexDigits(Int(0xD800 + (v >> 10)), 4)
                out += "\\u" + hexDigits(Int(0xDC00 + (v & 0x3FF)), 4)
              } else {
                out += "\\u" + hexDigits(Int(u.value), 4)
              }
            } else {
              out.unicodeScalars.append(u)
            }
          }
        }
        out += "\""
      }
      func newline(_ level: Int) {
        if let indent { out += "\n" + String(repeating: indent, count: level) }
      }
      var open = Set<ObjectIdentifier>()
      func encode(_ v: PyValue, _ level: Int) throws {
        var isMutable = false
        switch v {
        case .list, .dict: isMutable = true
        default: break
        }
        if isMutable, let id = identity(v) {
          guard open.insert(id).inserted else {
            throw PyException(.valueError, "Circular reference detected")
          }
          defer { open.remove(id) }
          return try rt.nested("while encoding a JSON object") { try encodeValue(v, level) }
        }
        if case .tuple = v {
          return try rt.nested("while encoding a JSON object") { try encodeValue(v, level) }
        }
        try encodeValue(v, level)
      }
      func encodeValue(_ v: PyValue, _ level: Int) throws {
        switch v {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d):
          out +=
            d.isNaN ? "NaN" : d.isInfinite ? (d > 0 ? "Infinity" : "-Infinity") : formatFloatRepr(d)
        case .str(let s): encodeString(s)
        case .list, .tuple:
          let items = try rt.toArray(v)
          if items.isEmpty {
            out += "[]"
            return
          }
          out += "["
          for (i, x) in items.enumerated() {
            if i > 0 { out += itemSep }
            newline(level + 1)
            try encode(x, level + 1)
          }
          newline(level)
          out += "]"
        case .dict(let d):
          var items = d.items
          if items.isEmpty {
            out += "{}"
            return
          }
          if sortKeys {
            let sorted = try rt.sortValues(items.map { $0.key }, key: nil, reverse: false)
            items = try sorted.map { k in (k, try d.get(k) ?? .none) }
          }
          out += "{"
          for (i, (k, x)) in items.enumerated() {
            if i > 0 { out += itemSep }
            newline(level + 1)
            switch k {
            case .str(let s): encodeString(s)
            case .int, .float, .bool, .none:
              var text = ""
              swap(&text, &out)
              try encode(k, 0)
              swap(&text, &out)
              encodeString(text)
            default:
              throw PyException(
                .typeError, "keys must be str, int, float, bool or None, not \(rt.typeName(k))")
            }
            out += keySep
            try encode(x, level + 1)
          }
          newline(level)
          out += "}"
        default:
          throw PyException(
            .typeError, "Object of type \(rt.typeName(v)) is not JSON serializable")
        }
      }
      try encode(value, 0)
      return .str(out)
    }
    m.define("loads") { args, kwargs in
      let a = Arguments("loads", args, kwargs)
      let text = try rt.string(try a.required(0, "s"), "the JSON object")
      var parser = Parser(Array(text.unicodeScalars))
      let v = try parser.value()
      parser.skipSpace()
      if parser.i < parser.s.count { throw parser.error("Extra data") }
      return v
    }
    return m
  }

  private struct Parser {
    let s: [Unicode.Scalar]
    var i = 0
    init(_ s: [Unicode.Scalar]) { self.s = s }

    func error(_ what: String) -> PyException {
      PyException(.valueError, "\(what): char \(i)")
    }

    mutating func skipSpace() {
      while i < s.count, " \t\n\r".unicodeScalars.contains(s[i]) { i += 1 }
    }

    mutating func value() throws -> PyValue {
      skipSpace()
      guard i < s.count else { throw error("Expecting value") }
      switch s[i] {
      case "{":
        i += 1
        let d = PyDict()
        skipSpace()
        if i < s.count, s[i] == "}" {
          i += 1
          return .dict(d)
        }
        while true {
          skipSpace()
          guard i < s.count, s[i] == "\"" else {
            throw error("Expecting property name enclosed in double quotes")
          }
          let k = try string()
          skipSpace()
          guard i < s.count, s[i] == ":" else { throw error("Expecting ':' delimiter") }
          i += 1
          try d.set(.str(k), try value())
          skipSpace()
          if i < s.count, s[i] == "," {
            i += 1
            continue
          }
          guard i < s.count, s[i] == "}" else { throw error("Expecting ',' delimiter") }
          i += 1
          return .dict(d)
        }
      case "[":
        i += 1
        var items: [PyValue] = []
        skipSpace()
        if i < s.count, s[i] == "]" {
          i += 1
          return .list(PyList())
        }
        while true {
          items.append(try value())
          skipSpace()
          if i < s.count, s[i] == "," {
            i += 1
            continue
          }
          guard i < s.count, s[i] == "]" else { throw error("Expecting ',' delimiter") }
          i += 1
          return .list(PyList(items))
        }
      case "\"": return .str(try string())
      default:
        for (word, v) in [
          ("true", PyValue.bool(true)), ("false", .bool(false)), ("null", .none),
          ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity)),
        ] {
          let w = Array(word.unicodeScalars)
          if i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w {
            i += w.count
            return v
          }
        }
        let start = i
        while i < s.count, "+-0123456789.eE".unicodeScalars.contains(s[i]) { i += 1 }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        if text.isEmpty { throw error("Expecting value") }
        if !text.contains(where: { ".eE".contains($0) }), let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw error("Expecting value") }
        return .float(d)
      }
    }

    mutating func string() throws -> String {
      i += 1
      var out = String.UnicodeScalarView()
      while i < s.count {
        let c = s[i]
        i += 1
        if c == "\"" { return String(out) }
        if c == "\\" {
          guard i < s.count else { break }
          let e = s[i]
          i += 1
          switch e {
          case "n": out.append("\n")
          case "t": out.append("\t")
          case "r": out.append("\r")
          case "b": out.append("\u{08}")
          case "f": out.append("\u{0C}")
          case "u":
            guard i + 4 <= s.count,
              var v = UInt32(String(String.UnicodeScalarView(s[i..<(i + 4)])), radix: 16)
            else { throw error("Invalid \\uXXXX escape") }
            i += 4
            if (0xD800..<0xDC00).contains(v), i + 6 <= s.count, s[i] == "\\", s[i + 1] == "u",
              let lo = UInt32(String(String.UnicodeScalarView(s[(i + 2)..<(i + 6)])), radix: 16)
            {
              v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
              i += 6
            }
            out.append(Unicode.Scalar(v) ?? "?")
          default: out.append(e)
          }
        } else {
          out.append(c)
        }
      }
      throw error("Unterminated string starting at")
    }
  }
}
