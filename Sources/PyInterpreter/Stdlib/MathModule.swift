import Foundation

/// The `math` module.
enum MathModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "math")
    m["pi"] = .float(Double.pi)
    m["e"] = .float(M_E)
    m["tau"] = .float(2 * Double.pi)
    m["inf"] = .float(.infinity)
    m["nan"] = .float(.nan)
    func domain() -> PyException { PyException(.valueError, "math domain error") }
    func unary(_ name: String, _ f: @escaping (Double) throws -> Double) {
      m.define(name) { args, _ in
        try Arguments(name, args, []).expect(min: 1, max: 1)
        let r = try f(try rt.double(args.at(0)))
        return .float(r)
      }
    }
    unary("sqrt") { x in
      if x < 0 { throw domain() }
      return x.squareRoot()
    }
    unary("exp") { x in
      let r = Foundation.exp(x)
      if r.isInfinite && x.isFinite { throw PyException(.overflowError, "math range error") }
      return r
    }
    unary("expm1") { Foundation.expm1($0) }
    unary("log2") { x in
      if x <= 0 { throw domain() }
      return Foundation.log2(x)
    }
    unary("log10") { x in
      if x <= 0 { throw domain() }
      return Foundation.log10(x)
    }
    unary("log1p") { x in
      if x <= -1 { throw domain() }
      return Foundation.log1p(x)
    }
    m.define("log") { args, _ in
      try Arguments("log", args, []).expect(min: 1, max: 2)
      let x = try rt.double(args.at(0))
      if x <= 0 { throw domain() }
      if args.count == 2 {
        let b = try rt.double(args.at(1))
        if b <= 0 { throw domain() }
        if b == 1 { throw PyException(.zeroDivisionError, "float division by zero") }
        return .float(Foundation.log(x) / Foundation.log(b))
      }
      return .float(Foundation.log(x))
    }
    unary("sin") { Foundation.sin($0) }
    unary("cos") { Foundation.cos($0) }
    unary("tan") { Foundation.tan($0) }
    unary("asin") { x in
      if abs(x) > 1 { throw domain() }
      return Foundation.asin(x)
    }
    unary("acos") { x in
      if abs(x) > 1 { throw domain() }
      return Foundation.acos(x)
    }
    unary("atan") { Foundation.atan($0) }
    unary("sinh") { Foundation.sinh($0) }
    unary("cosh") { Foundation.cosh($0) }
    unary("tanh") { Foundation.tanh($0) }
    unary("asinh") { Foundation.asinh($0) }
    unary("acosh") { Foundation.acosh($0) }
    unary("atanh") { Foundation.atanh($0) }
    unary("fabs") { Swift.abs($0) }
    unary("erf") { Foundation.erf($0) }
    unary("erfc") { Foundation.erfc($0) }
    unary("gamma") { x in
      if x <= 0 && x == x.rounded() { throw domain() }
      return Foundation.tgamma(x)
    }
    unary("lgamma") { Foundation.lgamma($0) }
    unary("degrees") { $0 * 180 / Double.pi }
    unary("radians") { $0 * Double.pi / 180 }
    m.define("atan2") { args, _ in
      .float(Foundation.atan2(try rt.double(args.at(0)), try rt.double(args.at(1))))
    }
    m.define("hypot") { args, _ in
      .float(try args.map { try rt.double($0) }.reduce(0) { Foundation.hypot($0, $1) })
    }
    m.define("pow") { args, _ in
      let x = try rt.double(args.at(0))
      let y = try rt.double(args.at(1))
      if x < 0 && y != y.rounded() { throw domain() }
      if x == 0 && y < 0 { throw domain() }
      return .float(Foundation.pow(x, y))
    }
    m.define("fmod") { args, _ in
      let y = try rt.double(args.at(1))
      if y == 0 { throw domain() }
      return .float(Foundation.fmod(try rt.double(args.at(0)), y))
    }
    m.define("copysign") { args, _ in
      .float(Foundation.copysign(try rt.double(args.at(0)), try rt.double(args.at(1))))
    }
    m.define("modf") { args, _ in
      let x = try rt.double(args.at(0))
      let i = x.rounded(.towardZero)
      return .tuple([.float(x - i), .float(i)])
    }
    func toInt(_ name: String, _ rule: FloatingPointRoundingRule) {
      m.define(name) { args, _ in
        try Arguments(name, args, []).expect(min: 1, max: 1)
        if let i = rt.asInt(try args.at(0)) { return .int(i) }
        let x = try rt.double(args.at(0))
        return .int(try rt.toInt(.float(x.rounded(rule))))
      }
    }
    toInt("floor", .down)
    toInt("ceil", .up)
    toInt("trunc", .towardZero)
    m.define("isnan") { args, _ in .bool(try rt.double(args.at(0)).isNaN) }
    m.define("isinf") { args, _ in .bool(try rt.double(args.at(0)).isInfinite) }
    m.define("isfinite") { args, _ in .bool(try rt.double(args.at(0)).isFinite) }
    m.define("isclose") { args, kwargs in
      let a = Arguments("isclose", args, kwargs)
      let x = try rt.double(try a.required(0, "a"))
      let y = try rt.double(try a.required(1, "b"))
      let rel = try a.keyword("rel_tol").map { try rt.double($0) } ?? 1e-9
      let abs = try a.keyword("abs_tol").map { try rt.double($0) } ?? 0
      if x == y { return .bool(true) }
      if x.isInfinite || y.isInfinite { return .bool(false) }
      let d = Swift.abs(x - y)
      return .bool(d <= Swift.max(rel * Swift.max(Swift.abs(x), Swift.abs(y)), abs))
    }
    func bigResult(_ name: String) -> PyException {
      PyException(
        .overflowError,
        "\(name)() result does not fit in 64 bits (journal cells use 64-bit integers)")
    }
    m.define("gcd") { args, _ in
      var g = 0
      for v in args {
        let i = try rt.int(v, "gcd")
        guard i != Int.min else { throw bigResult("gcd") }
        var a = Swift.abs(i)
        var b = g
        while b != 0 { (a, b) = (b, a % b) }
        g = a
      }
      return .int(g)
    }
    m.define("lcm") { args, _ in
      var l = 1
      for v in args {
        let i = try rt.int(v, "lcm")
        guard i != Int.min else { throw bigResult("lcm") }
        let a = Swift.abs(i)
        if a == 0 { return .int(0) }
        var x = l
        var y = a
        while y != 0 { (x, y) = (y, x % y) }
        let (p, o) = (l / x).multipliedReportingOverflow(by: a)
        if o { throw bigResult("lcm") }
        l = p
      }
      return .int(l)
    }
    m.define("factorial") { args, _ in
      let n = try rt.int(args.at(0), "factorial")
      if n < 0 { throw PyException(.valueError, "factorial() not defined for negative values") }
      var r = 1
      for i in stride(from: 2, through: n, by: 1) {
        let (p, o) = r.multipliedReportingOverflow(by: i)
        if o { throw PyException(.overflowError, "factorial result does not fit in 64 bits") }
        r = p
      }
      return .int(r)
    }
    m.define("comb") { args, _ in
      let n = try rt.int(args.at(0), "comb")
      let k = try rt.int(args.at(1), "comb")
      if n < 0 || k < 0 { throw PyException(.valueError, "n must be a non-negative integer") }
      if k > n { return .int(0) }
      var r = 1
      for i in 0..<Swift.min(k, n - k) {
        let (p, o) = r.multipliedReportingOverflow(by: n - i)
        if o { throw PyException(.overflowError, "comb result does not fit in 64 bits") }
        r = p / (i + 1)
      }
      return .int(r)
    }
    m.define("perm") { args, _ in
      let n = try rt.int(args.at(0), "perm")
      let k = args.count > 1 ? try rt.int(args.at(1), "perm") : n
      if k > n { return .int(0) }
      var r = 1
      for i in 0..<k {
        let (p, o) = r.multipliedReportingOverflow(by: n - i)
        if o { throw PyException(.overflowError, "perm result does not fit in 64 bits") }
        r = p
      }
      return .int(r)
    }
    m.define("prod") { args, kwargs in
      var total = kwargs.first(where: { $0.0 == "start" })?.1 ?? .int(1)
      for v in try rt.toArray(args.at(0)) { total = try rt.binary(.mul, total, v) }
      return total
    }
    m.define("fsum") { args, _ in
      // Neumaier summation: exact enough to match CPython's fsum on ordinary inputs.
      var sum = 0.0
      var c = 0.0
      for v in try rt.toArray(args.at(0)) {
        let x = try rt.double(v)
        let t = sum + x
        if Swift.abs(sum) >= Swift.abs(x) { c += (sum - t) + x } else { c += (x - t) + sum }
        sum = t
      }
      return .float(sum + c)
    }
    m.define("isqrt") { args, _ in
      let n = try rt.int(args.at(0), "isqrt")
      if n < 0 { throw PyException(.valueError, "isqrt() argument must be nonnegative") }
      var r = Int(Double(n).squareRoot())
      while r * r > n { r -= 1 }
      while (r + 1) * (r + 1) <= n { r += 1 }
      return .int(r)
    }
    return m
  }
}
