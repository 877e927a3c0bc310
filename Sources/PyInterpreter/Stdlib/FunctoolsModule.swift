/// The common parts of `functools`: reduce, partial, lru_cache/cache, wraps, cmp_to_key.
enum FunctoolsModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "functools")
    m.define("reduce") { args, _ in
      try Arguments("reduce", args, []).expect(min: 2, max: 3)
      let it = try rt.iterate(args.at(1))
      var acc: PyValue
      if args.count == 3 {
        acc = try args.at(2)
      } else {
        guard let first = try it.next() else {
          throw PyException(.typeError, "reduce() of empty iterable with no initial value")
        }
        acc = first
      }
      while let v = try it.next() { acc = try rt.call(args.at(0), [acc, v]) }
      return acc
    }
    m.define("partial") { args, kwargs in
      guard let f = args.first else {
        throw PyException(.typeError, "partial() missing required argument 'func'")
      }
      let bound = Array(args.dropFirst())
      return .builtin(
        PyBuiltin("partial") { more, moreKw in
          var kw = kwargs
          for (k, v) in moreKw {
            if let i = kw.firstIndex(where: { $0.0 == k }) {
              kw[i].1 = v
            } else {
              kw.append((k, v))
            }
          }
          return try rt.call(f, bound + more, kw)
        })
    }
    func memoize(_ f: PyValue) -> PyValue {
      let cache = PyDict()
      let name: String
      if case .function(let fn) = f { name = fn.name } else { name = "wrapper" }
      return .builtin(
        PyBuiltin(name) { args, kwargs in
          let key = PyValue.tuple(args + kwargs.flatMap { [PyValue.str($0.0), $0.1] })
          if let v = try cache.get(key) { return v }
          let v = try rt.call(f, args, kwargs)
          try cache.set(key, v)
          return v
        })
    }
    m.define("cache") { args, _ in
      guard let f = args.first else { throw PyException(.typeError, "cache() needs a function") }
      return memoize(f)
    }
    m.define("lru_cache") { args, kwargs in
      if let f = args.first, case .function = f { return memoize(f) }
      // `@lru_cache(maxsize=...)`: every result is kept; the bound is not enforced.
      return .builtin(
        PyBuiltin("lru_cache") { inner, _ in
          guard let f = inner.first else {
            throw PyException(.typeError, "lru_cache() needs a function")
          }
          return memoize(f)
        })
    }
    m.define("wraps") { _, _ in
      .builtin(PyBuiltin("wraps") { inner, _ in inner.first ?? .none })
    }
    m.define("cmp_to_key") { args, _ in
      guard let cmp = args.first else {
        throw PyException(.typeError, "cmp_to_key() needs a function")
      }
      let cls = PyClass(name: "K", base: rt.objectClass, module: "functools")
      cls.namespace.set(
        "__lt__",
        .builtin(
          PyBuiltin("__lt__") { a, _ in
            guard case .instance(let x) = a[0], case .instance(let y) = a[1] else {
              return .bool(false)
            }
            let r = try rt.call(
              cmp, [x.attributes.get("obj") ?? .none, y.attributes.get("obj") ?? .none])
            return .bool(try rt.isTrue(rt.compare(.lt, r, .int(0))))
          }))
      return .builtin(
        PyBuiltin("K") { a, _ in
          let inst = PyInstance(cls: cls)
          inst.attributes.set("obj", a.first ?? .none)
          return .instance(inst)
        })
    }
    return m
  }
}
