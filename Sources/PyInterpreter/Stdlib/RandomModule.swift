import Foundation
import Tensors

/// `random`: CPython 3.11's module-level functions on one `Random` stream per session,
/// bit-identical to CPython for the same seed and calls (`Tensors.PythonRandom`).
enum RandomModule {
  final class State {
    var stream = PythonRandom(seedMagnitude: UInt64.random(in: 0...UInt64.max))
  }

  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "random")
    let state = State()
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in
        do {
          return try body(Arguments(name, args, kwargs))
        } catch let e as RandomError {
          throw PyException(e.code == .index ? .indexError : .valueError, e.message)
        }
      }
    }
    func int(_ v: PyValue, _ what: String) throws -> Int64 {
      switch v {
      case .int(let i): return Int64(i)
      case .bool(let b): return b ? 1 : 0
      case .float(let d) where d == d.rounded() || !d.isFinite:
        // CPython 3.11 still accepts integral floats in randrange (deprecated); toInt raises
        // CPython's errors for infinities and NaN, and OverflowError past 64 bits.
        return Int64(try rt.toInt(v))
      default:
        if case .native = v, let i = try? rt.index(v, "") { return Int64(i) }
        throw PyException(
          .typeError, "'\(rt.typeName(v))' object cannot be interpreted as an integer")
      }
    }

    def("seed") { a in
      try a.expect(min: 0, max: 2, keywords: ["a", "version"])
      switch a.value(0, "a") ?? .none {
      case .none:
        state.stream = PythonRandom(seedMagnitude: UInt64.random(in: 0...UInt64.max))
      case .int(let i): state.stream = PythonRandom(seed: Int64(i))
      case .bool(let b): state.stream = PythonRandom(seed: b ? 1 : 0)
      case .float(let d): state.stream = PythonRandom(seedFloat: d)
      case .str(let s): state.stream = PythonRandom(seedString: s)
      default:
        throw PyException(
          .typeError,
          "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
      }
      return .none
    }
    def("random") { a in
      try a.expect(min: 0, max: 0)
      return .float(state.stream.random())
    }
    def("uniform") { a in
      try a.expect(min: 0, max: 2, keywords: ["a", "b"])
      return .float(
        state.stream.uniform(
          try rt.double(try a.required(0, "a")), try rt.double(try a.required(1, "b"))))
    }
    def("gauss") { a in
      try a.expect(min: 0, max: 2, keywords: ["mu", "sigma"])
      let mu = try a.value(0, "mu").map { try rt.double($0) } ?? 0
      let sigma = try a.value(1, "sigma").map { try rt.double($0) } ?? 1
      return .float(state.stream.gauss(mu: mu, sigma: sigma))
    }
    def("normalvariate") { a in
      try a.expect(min: 0, max: 2, keywords: ["mu", "sigma"])
      let mu = try a.value(0, "mu").map { try rt.double($0) } ?? 0
      let sigma = try a.value(1, "sigma").map { try rt.double($0) } ?? 1
      return .float(state.stream.normalvariate(mu: mu, sigma: sigma))
    }
    def("expovariate") { a in
      try a.expect(min: 0, max: 1, keywords: ["lambd"])
      return .float(state.stream.expovariate(try rt.double(try a.required(0, "lambd"))))
    }
    def("getrandbits") { a in
      try a.expect(min: 0, max: 1, keywords: ["k"])
      let k = try int(try a.required(0, "k"), "k")
      guard k >= 0 else { throw PyException(.valueError, "number of bits must be non-negative") }
      guard k <= 63 else {
        throw PyException(
          .overflowError, "getrandbits(\(k)) does not fit in a 64-bit integer (journal cells)")
      }
      return .int(Int(try state.stream.getrandbits(Int(k))))
    }
    def("randint") { a in
      try a.expect(min: 0, max: 2, keywords: ["a", "b"])
      let lo = try int(try a.required(0, "a"), "a")
      let hi = try int(try a.required(1, "b"), "b")
      return .int(Int(try state.stream.randint(lo, hi)))
    }
    def("randrange") { a in
      try a.expect(min: 0, max: 3, keywords: ["start", "stop", "step"])
      let start = try int(try a.required(0, "start"), "start")
      guard let stopValue = a.value(1, "stop") else {
        return .int(Int(try state.stream.randrange(start)))
      }
      let stop = try int(stopValue, "stop")
      let step = try a.value(2, "step").map { try int($0, "step") } ?? 1
      return .int(Int(try state.stream.randrange(start, stop, step: step)))
    }
    def("choice") { a in
      try a.expect(min: 0, max: 1, keywords: ["seq"])
      let seq = try a.required(0, "seq")
      let n = try rt.length(seq)
      guard n > 0 else { throw PyException(.indexError, "Cannot choose from an empty sequence") }
      let i = Int(state.stream.randbelow(UInt64(n)))
      return try rt.getItem(seq, .int(i))
    }
    def("shuffle") { a in
      try a.expect(min: 0, max: 1, keywords: ["x"])
      let x = try a.required(0, "x")
      guard case .list(let l) = x else {
        throw PyException(.typeError, "'\(rt.typeName(x))' object does not support item assignment")
      }
      state.stream.shuffle(&l.items)
      return .none
    }
    def("sample") { a in
      try a.expect(min: 0, max: 2, keywords: ["population", "k", "counts"])
      let population = try a.required(0, "population")
      if case .set = population {
        throw PyException(
          .typeError,
          "Population must be a sequence.  For dicts or sets, use sorted(d).")
      }
      let items = try rt.toArray(population)
      let k = try int(try a.required(1, "k"), "k")
      guard k >= 0 else {
        throw PyException(.valueError, "Sample larger than population or is negative")
      }
      return .list(PyList(try state.stream.sample(items, count: Int(k))))
    }
    def("choices") { a in
      try a.expect(min: 0, max: 2, keywords: ["population", "weights", "cum_weights", "k"])
      let items = try rt.toArray(try a.required(0, "population"))
      let k = try a.keyword("k").map { try int($0, "k") } ?? 1
      var weights: [Double]?
      var cumulative = false
      if let w = a.value(1, "weights"), !rt.isNoneValue(w) {
        weights = try rt.toArray(w).map { try rt.double($0) }
      }
      if let w = a.keyword("cum_weights"), !rt.isNoneValue(w) {
        if weights != nil {
          throw PyException(.typeError, "Cannot specify both weights and cumulative weights")
        }
        weights = try rt.toArray(w).map { try rt.double($0) }
        cumulative = true
      }
      return .list(
        PyList(
          try state.stream.choices(
            items, weights: weights, cumulative: cumulative, count: Int(max(0, k)))))
    }
    return m
  }
}
