/// `io`: `StringIO` and `open` (the builtin). Binary streams are not part of the cell language.
enum IOModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "io")
    let cls = PyClass(name: "StringIO", base: rt.objectClass, module: "_io") { args, kwargs in
      let a = Arguments("StringIO", args, kwargs)
      try a.expect(min: 0, max: 2, keywords: ["initial_value", "newline"])
      let initial = try a.value(0, "initial_value").map {
        rt.isNoneValue($0) ? "" : try rt.string($0, "initial_value")
      }
      if let newline = a.value(1, "newline"), !rt.isNoneValue(newline) {
        guard case .str("\n") = newline else {
          throw PyException(
            .notImplementedError,
            "io.StringIO(newline=\(try rt.repr(newline))) is not supported in journal cells")
        }
      }
      return .native(StringIO(initial ?? "", runtime: rt))
    }
    m["StringIO"] = .type(cls)
    if let open = rt.builtins["open"] { m["open"] = open }
    return m
  }
}

/// `io.StringIO`: an in-memory text stream, positions counted in code points as in CPython.
final class StringIO: PyNativeObject {
  private var buffer: [Unicode.Scalar]
  private var position = 0
  private var closed = false
  unowned let runtime: Runtime

  init(_ text: String, runtime: Runtime) {
    buffer = Array(text.unicodeScalars)
    self.runtime = runtime
  }

  var typeName: String { "StringIO" }

  private func checkOpen() throws {
    // StringIO's message has no period, unlike a file's.
    if closed { throw PyException(.valueError, "I/O operation on closed file") }
  }

  private func text(_ range: Range<Int>) -> String {
    var s = String.UnicodeScalarView()
    s.append(contentsOf: buffer[range])
    return String(s)
  }

  /// `size` argument: nil or negative reads to the end.
  private func size(_ args: [PyValue], _ function: String) throws -> Int? {
    guard let v = args.first, !runtime.isNoneValue(v) else { return nil }
    let n = try runtime.int(v, function)
    return n < 0 ? nil : n
  }

  private func readLine(limit: Int?) -> String {
    let start = Swift.min(position, buffer.count)
    var end = start
    let stop = limit.map { Swift.min(buffer.count, start + $0) } ?? buffer.count
    while end < stop {
      end += 1
      if buffer[end - 1] == "\n" { break }
    }
    position = end
    return text(start..<end)
  }

  private func write(_ s: String) {
    let scalars = Array(s.unicodeScalars)
    if position > buffer.count {
      buffer += Array(repeating: "\0", count: position - buffer.count)
    }
    let end = Swift.min(buffer.count, position + scalars.count)
    buffer.replaceSubrange(position..<end, with: scalars)
    position += scalars.count
  }

  func getAttribute(_ name: String) throws -> PyValue? {
    let rt = runtime
    func method(_ body: @escaping (Arguments) throws -> PyValue) -> PyValue {
      .builtin(PyBuiltin(name) { args, kwargs in try body(Arguments(name, args, kwargs)) })
    }
    switch name {
    case "getvalue":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 0)
        try checkOpen()
        return .str(text(0..<buffer.count))
      }
    case "read":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 1)
        try checkOpen()
        let start = Swift.min(position, buffer.count)
        let end =
          try size(a.positional, "read").map { Swift.min(buffer.count, start + $0) }
          ?? buffer.count
        position = Swift.max(position, end)
        return .str(text(start..<end))
      }
    case "readline":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 1)
        try checkOpen()
        return .str(readLine(limit: try size(a.positional, "readline")))
      }
    case "readlines":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 1)
        try checkOpen()
        let hint = try size(a.positional, "readlines").flatMap { $0 == 0 ? nil : $0 }
        var lines: [PyValue] = []
        var total = 0
        while position < buffer.count {
          let line = readLine(limit: nil)
          lines.append(.str(line))
          total += line.unicodeScalars.count
          if let hint, total >= hint { break }
        }
        return .list(PyList(lines))
      }
    case "write":
      return method { [unowned self] a in
        try a.expect(min: 1, max: 1)
        try checkOpen()
        guard case .str(let s) = a.positional[0] else {
          throw PyException(
            .typeError, "string argument expected, got '\(rt.typeName(a.positional[0]))'")
        }
        write(s)
        return .int(s.unicodeScalars.count)
      }
    case "writelines":
      return method { [unowned self] a in
        try a.expect(min: 1, max: 1)
        try checkOpen()
        for line in try rt.toArray(a.positional[0]) {
          guard case .str(let s) = line else {
            throw PyException(.typeError, "string argument expected, got '\(rt.typeName(line))'")
          }
          write(s)
        }
        return .none
      }
    case "seek":
      return method { [unowned self] a in
        try a.expect(min: 1, max: 2)
        try checkOpen()
        let offset = try rt.int(a.positional[0], "seek")
        let whence = try a.value(1).map { try rt.int($0, "seek") } ?? 0
        switch whence {
        case 0:
          if offset < 0 { throw PyException(.valueError, "Negative seek position \(offset)") }
          position = offset
        case 1, 2:
          if offset != 0 {
            throw PyException(.osError, "Can't do nonzero cur-relative seeks")
          }
          if whence == 2 { position = buffer.count }
        default:
          throw PyException(
            .valueError, "Invalid whence (\(whence), should be 0, 1 or 2)")
        }
        return .int(position)
      }
    case "tell":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 0)
        try checkOpen()
        return .int(position)
      }
    case "truncate":
      return method { [unowned self] a in
        try a.expect(min: 0, max: 1)
        try checkOpen()
        let size =
          try a.value(0).flatMap { rt.isNoneValue($0) ? nil : try rt.int($0, "truncate") }
          ?? position
        if size < 0 { throw PyException(.valueError, "Negative size value \(size)") }
        if size < buffer.count { buffer.removeSubrange(size...) }
        return .int(size)
      }
    case "close":
      return method { [unowned self] _ in
        closed = true
        return .none
      }
    case "readable", "writable", "seekable":
      return method { [unowned self] _ in
        try checkOpen()
        return .bool(true)
      }
    case "__enter__":
      return method { [unowned self] _ in
        try checkOpen()
        return .native(self)
      }
    case "__exit__":
      return method { [unowned self] _ in
        closed = true
        return .none
      }
    case "closed": return .bool(closed)
    default: return nil
    }
  }

  func makeIterator() throws -> PyIterator? {
    try checkOpen()
    return PyIterator("StringIO") { [unowned self] in
      try checkOpen()
      let line = readLine(limit: nil)
      return line.isEmpty ? nil : .str(line)
    }
  }

  func repr() throws -> String {
    "<_io.StringIO object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
  }
}
