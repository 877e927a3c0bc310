import Foundation
import Tensors

/// `random`: CPython's module-level functions over one `PythonRandom` per session, so a seeded
/// cell draws the very numbers CPython draws (`seed`, `random`, `randint`, `randrange`,
/// `choice`, `choices`, `shuffle`, `sample`, `uniform`, `gauss`, `normalvariate`,
/// `expovariate`, `getrandbits`).
enum RandomModule {
  final class State {
    var generator = PythonRandom(seedMagnitude: UInt64(Date().timeIntervalSince1970 * 1e6))
  }

  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "random")
    let state = State()
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in
        do {
          return try body(Arguments(name, args, kwargs))
        } catch let error as RandomError {
          throw PyException(error.code == .index ? .indexError : .valueError, error.message)
        }
      }
    }
    func int64(_ v: PyValue) throws -> Int64 { Int64(try rt.toInt(v)) }
    def("seed") { a in
      try a.expect(min: 0, max: 2, keywords: ["a", "version"])
      switch a.value(0, "a") {
      case nil, .none?:
        state.generator = PythonRandom(seedMagnitude: UInt64(Date().timeIntervalSince1970 * 1e6))
      case .str(let s)?: state.generator = PythonRandom(seedString: s)
      case .float(let d)?: state.generator = PythonRandom(seedFloat: d)
      case let v?: state.generator = PythonRandom(seed: try int64(v))
      }
      return .none
    }
    def("random") { a in
      try a.expect(min: 0, max: 0)
      return .float(state.generator.random())
    }
    def("uniform") { a in
      try a.expect(min: 2, max: 2)
      return .float(state.generator.uniform(try rt.double(a.positional[0]),
        try rt.double(a.positional[1])))
    }
    def("gauss") { a in
      try a.expect(min: 0, max: 2, keywords: ["mu", "sigma"])
      let mu = try a.value(0, "mu").map(rt.double) ?? 0
      let sigma = try a.value(1, "sigma").map(rt.double) ?? 1
      return .float(state.generator.gauss(mu: mu, sigma: sigma))
    }
    def("normalvariate") { a in
      try a.expect(min: 0, max: 2, keywords: ["mu", "sigma"])
      let mu = try a.value(0, "mu").map(rt.double) ?? 0
      let sigma = try a.value(1, "sigma").map(rt.double) ?? 1
      return .float(state.generator.normalvariate(mu: mu, sigma: sigma))
    }
    def("expovariate") { a in
      try a.expect(min: 1, max: 1)
      return .float(state.generator.expovariate(try rt.double(a.positional[0])))
    }
    def("getrandbits") { a in
      try a.expect(min: 1, max: 1)
      let k = try rt.toInt(a.positional[0])
      guard k <= 63 else {
        throw PyException(.overflowError, "getrandbits() beyond 63 bits is not supported")
      }
      return .int(Int(try state.generator.getrandbits(k)))
    }
    def("randint") { a in
      try a.expect(min: 2, max: 2)
      return .int(Int(try state.generator.randint(try int64(a.positional[0]),
        try int64(a.positional[1]))))
    }
    def("randrange") { a in
      try a.expect(min: 1, max: 3)
      if a.count == 1 { return .int(Int(try state.generator.randrange(try int64(a.positional[0])))) }
      let step = a.count == 3 ? try int64(a.positional[2]) : 1
      return .int(Int(try state.generator.randrange(try int64(a.positional[0]),
        try int64(a.positional[1]), step: step)))
    }
    def("choice") { a in
      try a.expect(min: 1, max: 1)
      let items = try rt.toArray(a.positional[0])
      guard let item = state.generator.choice(items) else {
        throw PyException(.indexError, "Cannot choose from an empty sequence")
      }
      return item
    }
    def("choices") { a in
      try a.expect(min: 1, max: 2, keywords: ["weights", "cum_weights", "k"])
      let population = try rt.toArray(a.positional[0])
      let k = try a.keyword("k").map(rt.toInt) ?? 1
      var weights: [Double]?
      var cumulative = false
      if let w = a.value(1, "weights"), !isNone(w) {
        weights = try rt.toArray(w).map(rt.double)
      }
      if let w = a.keyword("cum_weights"), !isNone(w) {
        weights = try rt.toArray(w).map(rt.double)
        cumulative = true
      }
      return .list(PyList(try state.generator.choices(population, weights: weights,
        cumulative: cumulative, count: k)))
    }
    def("shuffle") { a in
      try a.expect(min: 1, max: 1)
      guard case .list(let list) = a.positional[0] else {
        throw PyException(.typeError, "shuffle() needs a list, not \(rt.typeName(a.positional[0]))")
      }
      state.generator.shuffle(&list.items)
      return .none
    }
    def("sample") { a in
      try a.expect(min: 1, max: 2, keywords: ["k"])
      let population = try rt.toArray(a.positional[0])
      let k = try rt.toInt(try a.required(1, "k"))
      return .list(PyList(try state.generator.sample(population, count: k)))
    }
    return m
  }

  private static func isNone(_ v: PyValue) -> Bool {
    if case .none = v { return true }
    return false
  }
}
