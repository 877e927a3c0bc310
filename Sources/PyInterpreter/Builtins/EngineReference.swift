/// `docs/engine.md`: what the engine supports, generated from the signature tables, so the
/// reference cannot drift from what the engine does (`EngineReferenceTests` fails when the
/// committed file is stale; `make engine-doc` rewrites it).
public enum EngineReference {
  /// The whole reference, as Markdown.
  public static func markdown() -> String {
    var out = """
      # What the engine supports

      <!-- Generated from the engine's signature tables (Sources/PyInterpreter/**/*Signatures.swift)
      by `make engine-doc`; a test fails when this file is stale. Do not edit by hand. -->

      Journal cells run on an embedded engine, not on CPython: the modules below are
      reimplemented, and each function and method is declared with the parameters the real
      library has (CPython 3.11, NumPy 2.4, PyTorch 2.13, matplotlib 3.11). A call either gives
      what the real library gives, or stops at the call with an error naming what is missing:

          NotImplementedError: numpy.sum(where=...) is not supported in journal cells

      - **Supported** parameters behave as in the real library. Every call is checked: an
        argument the engine would not use is refused, never ignored.
      - **Refused** parameters exist in the real library but not here. Passing their default
        value is accepted (it changes nothing); any other value stops the call.
      - Missing, duplicate and unknown arguments raise the `TypeError` the library raises.
      - Array dtypes: `bool`, `uint8`, `int32`, `int64`, `float32`, `float64`. Operations on
        other dtypes (`int8`, `int16`, `float16`, `uint64`, complex, strings) are refused, as
        are results NumPy would give in one of them (the `float16` of `np.exp` on `uint8`, the
        `uint64` of `np.sum` on `uint8`).
      - The differential tables (`Tests/PyInterpreterTests/Fixtures/differential`) replay calls
        of every function here over all these dtypes and array layouts against the real
        libraries; results match exactly, or within a few units in the last place for the
        transcendental functions (bounds in `scripts/fixtures/differential.py`).

      """
    for table in SignatureTables.all {
      out += "\n" + section(table)
    }
    return out
  }

  static func section(_ table: SignatureTable) -> String {
    let kind = table.signatures.first?.hasSelf == true ? "methods" : "functions"
    var out = "## `\(table.owner)`\n\n"
    out += "\(table.signatures.count) \(kind).\n\n"
    out += "| \(kind == "methods" ? "Method" : "Function") | Refused parameters |\n"
    out += "|---|---|\n"
    for s in table.signatures.sorted(by: { $0.name < $1.name }) {
      out += "| `\(supported(s))` | \(refused(s)) |\n"
    }
    return out
  }

  /// The call as the engine takes it: the supported parameters with their defaults.
  static func supported(_ s: Signature) -> String {
    var parts: [String] = []
    var keywordOnly = false
    var sawPositionalOnly = false
    for p in s.parameters where p.isSupported {
      if p.kind == .positionalOnly { sawPositionalOnly = true }
      if sawPositionalOnly && p.kind != .positionalOnly {
        parts.append("/")
        sawPositionalOnly = false
      }
      if p.kind == .keywordOnly && !keywordOnly {
        parts.append("*")
        keywordOnly = true
      }
      switch p.kind {
      case .varPositional:
        parts.append("*" + p.name)
        keywordOnly = true
      case .varKeyword: parts.append("**" + p.name)
      default: parts.append(p.name + (p.defaultValue.map { "=\($0)" } ?? ""))
      }
    }
    if sawPositionalOnly { parts.append("/") }
    let text = "\(s.name)(\(parts.joined(separator: ", ")))"
    // Table cells cannot hold a bare `|`.
    return text.replacingOccurrences(of: "|", with: "\\|")
  }

  static func refused(_ s: Signature) -> String {
    let names = s.parameters.filter { !$0.isSupported }.map { p -> String in
      switch p.kind {
      case .varPositional: return "`*\(p.name)`"
      case .varKeyword: return "`**\(p.name)`"
      default: return "`\(p.name)`"
      }
    }
    return names.isEmpty ? "" : names.joined(separator: ", ")
  }
}
