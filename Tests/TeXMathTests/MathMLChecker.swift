import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether markup parses as XML (libxml2, through Foundation): at most 256 elements deep.
func isWellFormedXML(_ markup: String) -> Bool {
  XMLParser(data: Data(markup.utf8)).parse()
}

/// Checks the converter's markup as XML without a depth limit: balanced tags, quoted attributes,
/// entities, characters XML 1.0 allows, one root, and the fixed arity of MathML elements
/// (`mfrac` has two children, ...). libxml2 (Foundation's XMLParser) refuses documents nested
/// deeper than 256 elements, which deep formulas are; the fuzzers use this, and libxml2 as
/// well when the document is shallow enough.
///
/// Kept free of the test framework so that benchmarks/texmath.sh compiles it.
struct MathMLChecker {
  static let arity: [String: Int] = [
    "mfrac": 2, "msub": 2, "msup": 2, "msubsup": 3, "mroot": 2, "mover": 2, "munder": 2,
    "munderover": 3, "semantics": 2,
  ]

  /// What is wrong with the document (empty when nothing is), and its deepest nesting.
  static func check(_ markup: String) -> (violations: [String], depth: Int) {
    var violations: [String] = []
    var stack: [(name: String, children: Int)] = []
    var roots = 0
    var deepest = 0
    let s = Array(markup.unicodeScalars)
    var i = 0
    func allowed(_ c: Unicode.Scalar) -> Bool {
      switch c.value {
      case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
      default: false
      }
    }
    func entity(_ at: Int) -> Int? {
      for name in ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"] {
        let n = Array(name.unicodeScalars)
        if at + n.count <= s.count, Array(s[at..<(at + n.count)]) == n { return at + n.count }
      }
      return nil
    }
    func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-"
        || c == ":" || c == "_"
    }
    while i < s.count, violations.count < 5 {
      let c = s[i]
      if c == "&" {
        guard let end = entity(i) else {
          violations.append("bare & at \(i)")
          return (violations, deepest)
        }
        i = end
        continue
      }
      if c != "<" {
        if !allowed(c) { violations.append("character U+\(String(c.value, radix: 16)) at \(i)") }
        if stack.isEmpty, c != " ", c != "\n" { violations.append("text outside the root at \(i)") }
        i += 1
        continue
      }
      i += 1
      let closing = i < s.count && s[i] == "/"
      if closing { i += 1 }
      let nameStart = i
      while i < s.count, isNameCharacter(s[i]) { i += 1 }
      var name = String.UnicodeScalarView()
      name.append(contentsOf: s[nameStart..<i])
      let tag = String(name)
      if tag.isEmpty {
        violations.append("empty tag name at \(i)")
        return (violations, deepest)
      }
      // Attributes: name="value", the value without < or a bare &.
      var selfClosing = false
      while i < s.count, s[i] != ">" {
        if s[i] == " " {
          i += 1
          continue
        }
        if s[i] == "/", i + 1 < s.count, s[i + 1] == ">" {
          selfClosing = true
          i += 1
          continue
        }
        let attributeStart = i
        while i < s.count, isNameCharacter(s[i]) { i += 1 }
        guard i > attributeStart, i + 1 < s.count, s[i] == "=", s[i + 1] == "\"" else {
          violations.append("malformed attribute in <\(tag)> at \(i)")
          return (violations, deepest)
        }
        i += 2
        while i < s.count, s[i] != "\"" {
          if s[i] == "<" || !allowed(s[i]) {
            violations.append("bad character in an attribute of <\(tag)> at \(i)")
          }
          if s[i] == "&" {
            guard let end = entity(i) else {
              violations.append("bare & in an attribute of <\(tag)> at \(i)")
              return (violations, deepest)
            }
            i = end
          } else {
            i += 1
          }
        }
        i += 1
      }
      guard i < s.count else {
        violations.append("unterminated tag <\(tag)>")
        return (violations, deepest)
      }
      i += 1
      if closing {
        guard let open = stack.last, open.name == tag else {
          violations.append("</\(tag)> closes \(stack.last?.name ?? "nothing")")
          return (violations, deepest)
        }
        stack.removeLast()
        if let expected = arity[tag], expected != open.children {
          violations.append("\(tag) has \(open.children) children")
        }
        continue
      }
      if let parent = stack.indices.last { stack[parent].children += 1 } else { roots += 1 }
      if !selfClosing {
        stack.append((tag, 0))
        deepest = max(deepest, stack.count)
      }
    }
    if let open = stack.last { violations.append("<\(open.name)> is not closed") }
    if roots != 1 { violations.append("\(roots) root elements") }
    return (violations, deepest)
  }
}
