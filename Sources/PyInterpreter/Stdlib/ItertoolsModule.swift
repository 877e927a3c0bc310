/// The common parts of `itertools`, as lazy iterators.
enum ItertoolsModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "itertools")
    func define(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    define("count") { a in
      var cur = a.value(0, "start") ?? .int(0)
      let step = a.value(1, "step") ?? .int(1)
      return .iterator(
        PyIterator("itertools.count") {
          defer { cur = (try? rt.binary(.add, cur, step)) ?? cur }
          return cur
        })
    }
    define("repeat") { a in
      let v = try a.required(0, "object")
      var remaining = try a.value(1, "times").map { try rt.int($0, "times") } ?? -1
      return .iterator(
        PyIterator("itertools.repeat") {
          if remaining == 0 { return nil }
          if remaining > 0 { remaining -= 1 }
          return v
        })
    }
    define("cycle") { a in
      let it = try rt.iterate(try a.required(0, "iterable"))
      var saved: [PyValue] = []
      var exhausted = false
      var i = 0
      return .iterator(
        PyIterator("itertools.cycle") {
          if !exhausted {
            if let v = try it.next() {
              saved.append(v)
              return v
            }
            exhausted = true
          }
          if saved.isEmpty { return nil }
          defer { i = (i + 1) % saved.count }
          return saved[i]
        })
    }
    func chain(_ sources: [PyValue]) throws -> PyValue {
      var index = 0
      var current: PyIterator?
      return .iterator(
        PyIterator("itertools.chain") {
          while true {
            if let c = current, let v = try c.next() { return v }
            guard index < sources.count else { return nil }
            current = try rt.iterate(sources[index])
            index += 1
          }
        })
    }
    let chainBuiltin = PyBuiltin("chain") { args, _ in try chain(args) }
    let chainClass = PyClass(name: "chain", base: rt.objectClass, module: "itertools") { args, _ in
      try chain(args)
    }
    _ = chainBuiltin
    chainClass.namespace.set(
      "from_iterable",
      .builtin(PyBuiltin("from_iterable") { args, _ in try chain(try rt.toArray(args.at(0))) }))
    m["chain"] = .type(chainClass)
    define("islice") { a in
      try a.expect(min: 2, max: 4)
      let it = try rt.iterate(a.at(0))
      var start = 0
      var stop: Int?
      var step = 1
      func opt(_ v: PyValue) throws -> Int? { rt.isNoneValue(v) ? nil : try rt.int(v, "islice") }
      if a.count == 2 {
        stop = try opt(a.at(1))
      } else {
        start = try opt(a.at(1)) ?? 0
        stop = try opt(a.at(2))
        if a.count == 4 { step = try opt(a.at(3)) ?? 1 }
      }
      var index = 0
      var nextWanted = start
      return .iterator(
        PyIterator("itertools.islice") {
          while true {
            if let stop, nextWanted >= stop { return nil }
            guard let v = try it.next() else { return nil }
            defer { index += 1 }
            if index == nextWanted {
              nextWanted += step
              return v
            }
          }
        })
    }
    define("product") { a in
      let repeatCount = try a.keyword("repeat").map { try rt.int($0, "repeat") } ?? 1
      var pools = try a.positional.map { try rt.toArray($0) }
      guard repeatCount >= 0 else {
        throw PyException(.valueError, "repeat argument cannot be negative")
      }
      if repeatCount != 1 {
        let base = pools
        try rt.reserve(count: base.count, stride: repeatCount)
        pools = []
        for _ in 0..<repeatCount { pools += base }
      }
      var result: [[PyValue]] = [[]]
      for pool in pools {
        var next: [[PyValue]] = []
        for r in result {
          try rt.tick()
          for x in pool { next.append(r + [x]) }
        }
        result = next
      }
      return .iterator(PyIterator.over(result.map { .tuple($0) }, typeName: "itertools.product"))
    }
    define("permutations") { a in
      let pool = try rt.toArray(try a.required(0, "iterable"))
      let r =
        try a.value(1, "r").flatMap { rt.isNoneValue($0) ? nil : try rt.int($0, "r") } ?? pool.count
      guard r >= 0 else { throw PyException(.valueError, "r must be non-negative") }
      var out: [PyValue] = []
      func rec(_ chosen: [Int]) throws {
        if chosen.count == r {
          try rt.tick()
          out.append(.tuple(chosen.map { pool[$0] }))
          return
        }
        for i in pool.indices where !chosen.contains(i) { try rec(chosen + [i]) }
      }
      if r <= pool.count { try rec([]) }
      return .iterator(PyIterator.over(out, typeName: "itertools.permutations"))
    }
    for (name, replacement) in [("combinations", false), ("combinations_with_replacement", true)] {
      define(name) { a in
        let pool = try rt.toArray(try a.required(0, "iterable"))
        let r = try rt.int(try a.required(1, "r"), "r")
        guard r >= 0 else { throw PyException(.valueError, "r must be non-negative") }
        var out: [PyValue] = []
        // Built eagerly: each tuple ticks, so the time and memory limits hold.
        func rec(_ start: Int, _ chosen: [Int]) throws {
          if chosen.count == r {
            try rt.tick()
            out.append(.tuple(chosen.map { pool[$0] }))
            return
          }
          guard start < pool.count else { return }
          for i in start..<pool.count { try rec(replacement ? i : i + 1, chosen + [i]) }
        }
        try rec(0, [])
        return .iterator(PyIterator.over(out, typeName: "itertools.\(name)"))
      }
    }
    define("accumulate") { a in
      let it = try rt.iterate(try a.required(0, "iterable"))
      let f = a.value(1, "func").flatMap { rt.isNoneValue($0) ? nil : $0 }
      var total = a.keyword("initial")
      var startedWithInitial = total != nil
      return .iterator(
        PyIterator("itertools.accumulate") {
          if startedWithInitial {
            startedWithInitial = false
            return total
          }
          guard let v = try it.next() else { return nil }
          if let t = total {
            total = try f.map { try rt.call($0, [t, v]) } ?? rt.binary(.add, t, v)
          } else {
            total = v
          }
          return total
        })
    }
    define("groupby") { a in
      let items = try rt.toArray(try a.required(0, "iterable"))
      let key = a.value(1, "key").flatMap { rt.isNoneValue($0) ? nil : $0 }
      var groups: [PyValue] = []
      var currentKey: PyValue?
      var current: [PyValue] = []
      for v in items {
        let k = try key.map { try rt.call($0, [v]) } ?? v
        if let ck = currentKey, try rt.equals(ck, k) {
          current.append(v)
        } else {
          if let ck = currentKey {
            groups.append(
              .tuple([ck, .iterator(PyIterator.over(current, typeName: "itertools._grouper"))]))
          }
          currentKey = k
          current = [v]
        }
      }
      if let ck = currentKey {
        groups.append(
          .tuple([ck, .iterator(PyIterator.over(current, typeName: "itertools._grouper"))]))
      }
      return .iterator(PyIterator.over(groups, typeName: "itertools.groupby"))
    }
    define("zip_longest") { a in
      let fill = a.keyword("fillvalue") ?? .none
      let its = try a.positional.map { try rt.iterate($0) }
      var done = [Bool](repeating: false, count: its.count)
      return .iterator(
        PyIterator("itertools.zip_longest") {
          var out: [PyValue] = []
          for (i, it) in its.enumerated() {
            if !done[i], let v = try it.next() {
              out.append(v)
            } else {
              done[i] = true
              out.append(fill)
            }
          }
          if done.allSatisfy({ $0 }) { return nil }
          return .tuple(out)
        })
    }
    define("starmap") { a in
      let f = try a.required(0, "function")
      let it = try rt.iterate(try a.required(1, "iterable"))
      return .iterator(
        PyIterator("itertools.starmap") {
          guard let v = try it.next() else { return nil }
          return try rt.call(f, try rt.toArray(v))
        })
    }
    for name in ["takewhile", "dropwhile", "filterfalse"] {
      define(name) { a in
        let f = try a.required(0, "predicate")
        let it = try rt.iterate(try a.required(1, "iterable"))
        var dropping = true
        var stopped = false
        return .iterator(
          PyIterator("itertools.\(name)") {
            while !stopped, let v = try it.next() {
              let t = try rt.isTrue(rt.isNoneValue(f) ? v : rt.call(f, [v]))
              switch name {
              case "takewhile":
                if t { return v }
                stopped = true
                return nil
              case "dropwhile":
                if dropping && t { continue }
                dropping = false
                return v
              default:
                if !t { return v }
              }
            }
            return nil
          })
      }
    }
    define("pairwise") { a in
      let it = try rt.iterate(try a.required(0, "iterable"))
      var prev = try it.next()
      return .iterator(
        PyIterator("itertools.pairwise") {
          guard let p = prev, let v = try it.next() else { return nil }
          prev = v
          return .tuple([p, v])
        })
    }
    return m
  }
}
