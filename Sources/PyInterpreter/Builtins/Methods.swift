import Foundation

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
final class DictView: PyNativeObject {
  enum Kind: String {
    case keys = "dict_keys"
    case values = "dict_values"
    case items = "dict_items"
  }
  let dict: PyDict
  let kind: Kind
  unowned let runtime: Runtime

  init(_ dict: PyDict, _ kind: Kind, _ runtime: Runtime) {
    self.dict = dict
    self.kind = kind
    self.runtime = runtime
  }

  var typeName: String { kind.rawValue }

  var items: [PyValue] {
    switch kind {
    case .keys: return dict.keys
    case .values: return dict.values
    case .items: return dict.items.map { .tuple([$0.key, $0.value]) }
    }
  }

  func length() throws -> Int? { dict.count }
  func makeIterator() throws -> PyIterator? {
    PyIterator.over(
      items, typeName: kind.rawValue.replacingOccurrences(of: "_", with: "_") + "iterator")
  }
  func compare(_ op: CompareOperator, _ other: PyValue) throws -> PyValue? {
    switch op {
    case .contains:
      if kind == .keys { return .bool(try dict.contains(other)) }
      return .bool(try items.contains { try runtime.isSameOrEqual($0, other) })
    case .eq:
      if case .native(let o as DictView) = other {
        return .bool(try runtime.equals(.list(PyList(items)), .list(PyList(o.items))))
      }
      return .bool(false)
    default: return nil
    }
  }
  func repr() throws -> String {
    "\(kind.rawValue)(\(try runtime.repr(.list(PyList(items)))))"
  }
}

extension Runtime {
  private func method(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) -> PyValue {
    .builtin(PyBuiltin(name) { args, kwargs in try body(Arguments(name, args, kwargs)) })
  }

  /// A method of a builtin value, bound to it.
  func builtinMethod(_ obj: PyValue, _ name: String) throws -> PyValue? {
    switch obj {
    case .str(let s): return strMethod(s, name)
    case .list(let l): return listMethod(l, name)
    case .dict(let d): return dictMethod(d, name)
    case .set(let s): return setMethod(s, name)
    case .tuple(let t):
      switch name {
      case "count":
        return method(name) { [unowned self] a in
          try a.expect(min: 1, max: 1)
          return .int(try t.filter { try isSameOrEqual($0, a.at(0)) }.count)
        }
      case "index":
        return method(name) { [unowned self] a in
          try a.expect(min: 1, max: 1)
          for (i, v) in t.enumerated() where try isSameOrEqual(v, a.at(0)) { return .int(i) }
          throw PyException(.valueError, "tuple.index(x): x not in tuple")
        }
      default: return nil
      }
    case .int(let i):
      switch name {
      case "bit_length":
        return method(name) { _ in .int(i == 0 ? 0 : Int.bitWidth - i.magnitude.leadingZeroBitCount)
        }
      case "real", "numerator": return obj
      case "imag": return .int(0)
      case "denominator": return .int(1)
      case "is_integer": return method(name) { _ in .bool(true) }
      case "conjugate": return method(name) { _ in obj }
      default: return nil
      }
    case .float(let d):
      switch name {
      case "is_integer": return method(name) { _ in .bool(d.isFinite && d == d.rounded()) }
      case "real": return obj
      case "imag": return .float(0)
      case "conjugate": return method(name) { _ in obj }
      default: return nil
      }
    case .iterator(let it):
      if name == "__next__" {
        return method(name) { _ in
          if let v = try it.next() { return v }
          throw PyException(kind: .stopIteration, args: [])
        }
      }
      if name == "__iter__" { return method(name) { _ in obj } }
      return nil
    case .range(let a, let b, let c):
      switch name {
      case "start": return .int(a)
      case "stop": return .int(b)
      case "step": return .int(c)
      default: return nil
      }
    case .slice(let a, let b, let c):
      switch name {
      case "start": return a ?? PyValue.none
      case "stop": return b ?? PyValue.none
      case "step": return c ?? PyValue.none
      default: return nil
      }
    default: return nil
    }
  }

  private func strMethod(_ s: String, _ name: String) -> PyValue? {
    switch name {
    case "upper": return method(name) { _ in .str(s.uppercased()) }
    case "lower", "casefold": return method(name) { _ in .str(s.lowercased()) }
    case "title":
      return method(name) { _ in
        var out = ""
        var prevCased = false
        for ch in s {
          out += prevCased ? ch.lowercased() : ch.uppercased()
          prevCased = ch.isLetter
        }
        return .str(out)
      }
    case "capitalize":
      return method(name) { _ in .str(s.prefix(1).uppercased() + s.dropFirst().lowercased()) }
    case "swapcase":
      return method(name) { _ in
        .str(
          String(s.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) })
        )
      }
    case "strip", "lstrip", "rstrip":
      return method(name) { [unowned self] a in
        try a.expect(min: 0, max: 1)
        let chars: Set<Character>? = try a.value(0).flatMap {
          isNoneValue($0) ? nil : Set(try string($0, "\(name) arg"))
        }
        func strip(_ c: Character) -> Bool { chars.map { $0.contains(c) } ?? c.isWhitespace }
        var sub = Substring(s)
        if name != "rstrip" { while let f = sub.first, strip(f) { sub.removeFirst() } }
        if name != "lstrip" { while let l = sub.last, strip(l) { sub.removeLast() } }
        return .str(String(sub))
      }
    case "split", "rsplit":
      return method(name) { [unowned self] a in
        try a.expect(min: 0, max: 2, keywords: ["sep", "maxsplit"])
        let sep = try a.value(0, "sep").flatMap { isNoneValue($0) ? nil : try string($0, "sep") }
        let maxSplit = try a.value(1, "maxsplit").map { try int($0, "maxsplit") } ?? -1
        return .list(
          PyList(try splitString(s, sep, maxSplit, fromRight: name == "rsplit").map { .str($0) }))
      }
    case "splitlines":
      return method(name) { [unowned self] a in
        let keep = try a.value(0, "keepends").map { try isTrue($0) } ?? false
        var lines: [PyValue] = []
        var cur = ""
        for ch in s {
          if ch == "\n" || ch == "\r\n" || ch == "\r" {
            lines.append(.str(keep ? cur + String(ch) : cur))
            cur = ""
          } else {
            cur.append(ch)
          }
        }
        if !cur.isEmpty { lines.append(.str(cur)) }
        return .list(PyList(lines))
      }
    case "join":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        let items = try toArray(a.at(0))
        var parts: [String] = []
        parts.reserveCapacity(items.count)
        for (i, v) in items.enumerated() {
          guard case .str(let p) = v else {
            throw PyException(
              .typeError, "sequence item \(i): expected str instance, \(typeName(v)) found")
          }
          parts.append(p)
        }
        return .str(parts.joined(separator: s))
      }
    case "replace":
      return method(name) { [unowned self] a in
        try a.expect(min: 2, max: 3)
        let old = try string(a.at(0), "replace() argument 1")
        let new = try string(a.at(1), "replace() argument 2")
        let count = try a.value(2).map { try int($0, "count") } ?? -1
        if count < 0 {
          if old.isEmpty {
            return .str(new + s.map { String($0) + new }.joined())
          }
          return .str(s.replacingOccurrences(of: old, with: new))
        }
        var out = ""
        var rest = Substring(s)
        var n = 0
        while n < count, !old.isEmpty, let r = rest.range(of: old) {
          out += rest[..<r.lowerBound] + new
          rest = rest[r.upperBound...]
          n += 1
        }
        return .str(out + rest)
      }
    case "startswith", "endswith":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 3)
        let candidates: [PyValue]
        if case .tuple(let t) = try a.at(0) {
          candidates = t
        } else {
          candidates = [try a.at(0)]
        }
        var target = Substring(s)
        if a.count > 1 {
          let scalars = Array(s.unicodeScalars)
          let (start, _, count) = try sliceIndices(a.at(1), a.value(2), nil, scalars.count)
          target = Substring(String(String.UnicodeScalarView(scalars[start..<(start + count)])))
        }
        for c in candidates {
          let p = try string(c, "\(name) first arg")
          if name == "startswith" ? target.hasPrefix(p) : target.hasSuffix(p) { return .bool(true) }
        }
        return .bool(false)
      }
    case "find", "rfind", "index", "rindex", "count":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 3)
        let sub = Array(try string(a.at(0), "must be str").unicodeScalars)
        let scalars = Array(s.unicodeScalars)
        let (start, _, count) = try sliceIndices(a.value(1), a.value(2), nil, scalars.count)
        let hay = Array(scalars[start..<(start + count)])
        var positions: [Int] = []
        if sub.isEmpty {
          positions = Array(0...hay.count)
        } else if hay.count >= sub.count {
          var i = 0
          while i <= hay.count - sub.count {
            if Array(hay[i..<(i + sub.count)]) == sub {
              positions.append(i)
              if name == "count" {
                i += sub.count
                continue
              }
            }
            i += 1
          }
        }
        switch name {
        case "count": return .int(positions.count)
        case "find": return .int(positions.first.map { $0 + start } ?? -1)
        case "rfind": return .int(positions.last.map { $0 + start } ?? -1)
        default:
          guard let p = name == "index" ? positions.first : positions.last else {
            throw PyException(.valueError, "substring not found")
          }
          return .int(p + start)
        }
      }
    case "format":
      return method(name) { [unowned self] a in .str(try strFormat(s, a.positional, a.keywords)) }
    case "isdigit", "isnumeric", "isdecimal":
      return method(name) { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isNumber }) }
    case "isalpha": return method(name) { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter }) }
    case "isalnum":
      return method(name) { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber }) }
    case "isspace":
      return method(name) { _ in .bool(!s.isEmpty && s.allSatisfy { $0.isWhitespace }) }
    case "isupper":
      return method(name) { _ in
        .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase })
      }
    case "islower":
      return method(name) { _ in
        .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase })
      }
    case "isidentifier":
      return method(name) { _ in
        .bool(
          !s.isEmpty && !(s.first!.isNumber)
            && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
      }
    case "center", "ljust", "rjust":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 2)
        let width = try int(a.at(0), "width")
        let fill = try a.value(1).map { try string($0, "fill") } ?? " "
        let n = width - s.count
        guard n > 0 else { return .str(s) }
        try reserve(count: n, stride: fill.utf8.count)
        switch name {
        case "ljust": return .str(s + String(repeating: fill, count: n))
        case "rjust": return .str(String(repeating: fill, count: n) + s)
        default:
          let left = n / 2 + (n & width & 1)
          return .str(
            String(repeating: fill, count: left) + s + String(repeating: fill, count: n - left))
        }
      }
    case "zfill":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        let width = try int(a.at(0), "width")
        let n = width - s.count
        guard n > 0 else { return .str(s) }
        try reserve(bytes: n)
        if let f = s.first, f == "-" || f == "+" {
          return .str(String(f) + String(repeating: "0", count: n) + s.dropFirst())
        }
        return .str(String(repeating: "0", count: n) + s)
      }
    case "partition", "rpartition":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        let sep = try string(a.at(0), "sep")
        let r = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
        guard let r else {
          return name == "partition"
            ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
        }
        return .tuple([
          .str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...])),
        ])
      }
    case "encode":
      return method(name) { _ in
        throw PyException(.typeError, "bytes are not supported in journal cells")
      }
    case "removeprefix":
      return method(name) { [unowned self] a in
        let p = try string(try a.required(0, "prefix"), "prefix")
        return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
      }
    case "removesuffix":
      return method(name) { [unowned self] a in
        let p = try string(try a.required(0, "suffix"), "suffix")
        return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
      }
    default: return nil
    }
  }

  func splitString(_ s: String, _ sep: String?, _ maxSplit: Int, fromRight: Bool) throws -> [String]
  {
    if let sep {
      if sep.isEmpty { throw PyException(.valueError, "empty separator") }
      var parts = s.components(separatedBy: sep)
      if maxSplit >= 0 && parts.count > maxSplit + 1 {
        if fromRight {
          let head = parts[0..<(parts.count - maxSplit)].joined(separator: sep)
          parts = [head] + parts[(parts.count - maxSplit)...]
        } else {
          let tail = parts[maxSplit...].joined(separator: sep)
          parts = Array(parts[0..<maxSplit]) + [tail]
        }
      }
      return parts
    }
    // Whitespace splitting: runs of whitespace separate, no empty strings.
    var words: [String] = []
    let chars = fromRight ? Array(s.reversed()) : Array(s)
    var i = 0
    while i < chars.count {
      while i < chars.count && chars[i].isWhitespace { i += 1 }
      if i >= chars.count { break }
      if maxSplit >= 0 && words.count == maxSplit {
        var rest = String(chars[i...])
        while let l = rest.last, l.isWhitespace { rest.removeLast() }
        words.append(rest)
        break
      }
      var w = ""
      while i < chars.count && !chars[i].isWhitespace {
        w.append(chars[i])
        i += 1
      }
      words.append(w)
    }
    if fromRight { return words.reversed().map { String($0.reversed()) } }
    return words
  }

  private func listMethod(_ l: PyList, _ name: String) -> PyValue? {
    switch name {
    case "append":
      return method(name) { a in
        try a.expect(min: 1, max: 1)
        l.items.append(try a.at(0))
        return .none
      }
    case "extend":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        l.items += try toArray(a.at(0))
        return .none
      }
    case "insert":
      return method(name) { [unowned self] a in
        try a.expect(min: 2, max: 2)
        var i = try int(a.at(0), "index")
        if i < 0 { i = max(0, i + l.items.count) }
        l.items.insert(try a.at(1), at: min(i, l.items.count))
        return .none
      }
    case "pop":
      return method(name) { [unowned self] a in
        try a.expect(min: 0, max: 1)
        if l.items.isEmpty { throw PyException(.indexError, "pop from empty list") }
        let i = try a.value(0).map { try int($0, "index") } ?? -1
        let j = i < 0 ? i + l.items.count : i
        guard j >= 0 && j < l.items.count else {
          throw PyException(.indexError, "pop index out of range")
        }
        return l.items.remove(at: j)
      }
    case "remove":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        guard let i = try l.items.firstIndex(where: { try isSameOrEqual($0, a.at(0)) }) else {
          throw PyException(.valueError, "list.remove(x): x not in list")
        }
        l.items.remove(at: i)
        return .none
      }
    case "index":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 3)
        let start = try a.value(1).map { try int($0, "start") } ?? 0
        for (i, v) in l.items.enumerated() where i >= start {
          if try isSameOrEqual(v, a.at(0)) { return .int(i) }
        }
        throw PyException(.valueError, "\(try repr(a.at(0))) is not in list")
      }
    case "count":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        return .int(try l.items.filter { try isSameOrEqual($0, a.at(0)) }.count)
      }
    case "sort":
      return method(name) { [unowned self] a in
        try a.expect(min: 0, max: 0, keywords: ["key", "reverse"])
        let reverse = try a.keyword("reverse").map { try isTrue($0) } ?? false
        l.items = try sortValues(l.items, key: a.keyword("key"), reverse: reverse)
        return .none
      }
    case "reverse":
      return method(name) { _ in
        l.items.reverse()
        return .none
      }
    case "copy": return method(name) { _ in .list(PyList(l.items)) }
    case "clear":
      return method(name) { _ in
        l.items.removeAll()
        return .none
      }
    default: return nil
    }
  }

  private func dictMethod(_ d: PyDict, _ name: String) -> PyValue? {
    switch name {
    case "keys": return method(name) { [unowned self] _ in .native(DictView(d, .keys, self)) }
    case "values": return method(name) { [unowned self] _ in .native(DictView(d, .values, self)) }
    case "items": return method(name) { [unowned self] _ in .native(DictView(d, .items, self)) }
    case "get":
      return method(name) { a in
        try a.expect(min: 1, max: 2)
        return try d.get(a.at(0)) ?? a.value(1) ?? .none
      }
    case "pop":
      return method(name) { a in
        try a.expect(min: 1, max: 2)
        if let v = try d.remove(a.at(0)) { return v }
        if let dflt = a.value(1) { return dflt }
        throw PyException.keyError(try a.at(0))
      }
    case "popitem":
      return method(name) { _ in
        guard let last = d.items.last else {
          throw PyException(.keyError, "popitem(): dictionary is empty")
        }
        try d.remove(last.key)
        return .tuple([last.key, last.value])
      }
    case "setdefault":
      return method(name) { a in
        try a.expect(min: 1, max: 2)
        if let v = try d.get(a.at(0)) { return v }
        let v = a.value(1) ?? .none
        try d.set(a.at(0), v)
        return v
      }
    case "update":
      return method(name) { [unowned self] a in
        try a.expect(min: 0, max: 1, keywords: a.keywords.map { $0.0 })
        if d.flavor == .counter, let v = a.value(0) {
          try counterAdd(d, v, sign: 1)
          return .none
        }
        if let v = a.value(0) { try updateDict(d, v) }
        for (k, v) in a.keywords { d.set(k, v) }
        return .none
      }
    case "copy": return method(name) { _ in .dict(d.copy()) }
    case "clear":
      return method(name) { _ in
        d.removeAll()
        return .none
      }
    case "most_common" where d.flavor == .counter:
      return method(name) { [unowned self] a in
        let n = try a.value(0).flatMap { isNoneValue($0) ? nil : try int($0, "n") }
        let sorted = try sortValues(
          d.items.map { .tuple([$0.key, $0.value]) },
          key: .builtin(
            PyBuiltin("key") { args, _ in
              guard case .tuple(let t) = try args.at(0) else { return .none }
              return t[1]
            }), reverse: true)
        return .list(PyList(n.map { Array(sorted.prefix(max(0, $0))) } ?? sorted))
      }
    case "elements" where d.flavor == .counter:
      return method(name) { [unowned self] _ in
        var out: [PyValue] = []
        for (k, v) in d.items {
          for _ in 0..<max(0, try int(v, "count")) { out.append(k) }
        }
        return .iterator(PyIterator.over(out, typeName: "itertools.chain"))
      }
    case "subtract" where d.flavor == .counter:
      return method(name) { [unowned self] a in
        if let v = a.value(0) { try counterAdd(d, v, sign: -1) }
        return .none
      }
    case "total" where d.flavor == .counter:
      return method(name) { [unowned self] _ in
        var t = PyValue.int(0)
        for v in d.values { t = try binary(.add, t, v) }
        return t
      }
    case "default_factory" where d.flavor == .defaultDict:
      return d.defaultFactory ?? PyValue.none
    case "move_to_end" where d.flavor == .ordered:
      return method(name) { [unowned self] a in
        let key = try a.required(0, "key")
        let last = try a.value(1, "last").map { try isTrue($0) } ?? true
        guard let v = try d.remove(key) else { throw PyException.keyError(key) }
        if last {
          try d.set(key, v)
        } else {
          let rest = d.items
          d.removeAll()
          try d.set(key, v)
          for (k, x) in rest { try d.set(k, x) }
        }
        return .none
      }
    default: return nil
    }
  }

  /// Counter.update / subtract: adds counts from a mapping or counts an iterable.
  func counterAdd(_ d: PyDict, _ v: PyValue, sign: Int) throws {
    if case .dict(let other) = v {
      for (k, x) in other.items {
        let old = try d.get(k) ?? .int(0)
        try d.set(k, try binary(sign > 0 ? .add : .sub, old, x))
      }
      return
    }
    let it = try iterate(v)
    while let k = try it.next() {
      let old = try d.get(k) ?? .int(0)
      try d.set(k, try binary(.add, old, .int(sign)))
    }
  }

  private func setMethod(_ s: PySet, _ name: String) -> PyValue? {
    switch name {
    case "add":
      return method(name) { a in
        try a.expect(min: 1, max: 1)
        try s.storage.set(a.at(0), .none)
        return .none
      }
    case "remove":
      return method(name) { a in
        try a.expect(min: 1, max: 1)
        if try s.storage.remove(a.at(0)) == nil {
          throw PyException.keyError(try a.at(0))
        }
        return .none
      }
    case "discard":
      return method(name) { a in
        try a.expect(min: 1, max: 1)
        try s.storage.remove(a.at(0))
        return .none
      }
    case "pop":
      return method(name) { _ in
        guard let first = s.items.first else {
          throw PyException(.keyError, "pop from an empty set")
        }
        try s.storage.remove(first)
        return first
      }
    case "clear":
      return method(name) { _ in
        s.storage.removeAll()
        return .none
      }
    case "copy":
      return method(name) { _ in
        let n = PySet()
        n.storage = s.storage.copy()
        return .set(n)
      }
    case "update":
      return method(name) { [unowned self] a in
        for v in a.positional { for x in try toArray(v) { try s.storage.set(x, .none) } }
        return .none
      }
    case "union", "intersection", "difference", "symmetric_difference":
      let op: BinaryOperator =
        name == "union"
        ? .bitOr : name == "intersection" ? .bitAnd : name == "difference" ? .sub : .bitXor
      return method(name) { [unowned self] a in
        var result = PyValue.set(s)
        if a.positional.isEmpty {
          let n = PySet()
          n.storage = s.storage.copy()
          return .set(n)
        }
        for v in a.positional {
          let other = PySet()
          for x in try toArray(v) { try other.storage.set(x, .none) }
          result = try binary(op, result, .set(other))
        }
        return result
      }
    case "issubset", "issuperset", "isdisjoint":
      return method(name) { [unowned self] a in
        try a.expect(min: 1, max: 1)
        let other = try toArray(a.at(0))
        let o = PySet()
        for x in other { try o.storage.set(x, .none) }
        switch name {
        case "issubset": return .bool(try s.items.allSatisfy { try o.storage.contains($0) })
        case "issuperset": return .bool(try other.allSatisfy { try s.storage.contains($0) })
        default: return .bool(try !other.contains { try s.storage.contains($0) })
        }
      }
    default: return nil
    }
  }
}
