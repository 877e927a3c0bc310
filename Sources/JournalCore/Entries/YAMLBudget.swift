import CYaml
import Foundation

// libyaml's pointers stay in this file: the check reads the event stream and answers with a
// `JournalError` or nothing.

/// Bounds what a YAML text may cost before Yams builds it into values.
///
/// Yams composes an alias as a shared reference to its anchor's node, so a small text can stand
/// for an enormous tree (`&a [*a, *a, ...]` nested eight times is 329 bytes for 10^8 values):
/// hashing a mapping key or turning the tree into values then takes time and memory in the size
/// of the *expanded* tree. Neither libyaml nor Yams limits aliases, and Yams builds nodes by
/// recursion, so very deep nesting would overflow a thread's stack. This check walks libyaml's
/// events once, without recursion, counting every value an alias stands for, and refuses a text
/// over `maxValues` values or `maxDepth` levels before Yams sees it.
struct YAMLBudget {
  /// Values in the expanded tree (each scalar, sequence and mapping counts one).
  var maxValues = 100_000
  /// Nested sequences and mappings.
  var maxDepth = 64

  /// Throws a `JournalError` naming `file` and the line (counted from `firstLine`, the file line
  /// of the YAML's first line) where the text goes over budget; returns when it is within it or
  /// not valid YAML (Yams then reports the syntax error).
  func check(_ yaml: String, file: String, firstLine: Int) throws {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var text = yaml
    try text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      yaml_parser_set_input_string(&parser, base, bytes.count)
      try walk(&parser, file: file, firstLine: firstLine)
    }
  }

  private func walk(_ parser: inout yaml_parser_t, file: String, firstLine: Int) throws {
    // The expanded size of each anchored node, and of each collection still open.
    var anchored: [String: Int] = [:]
    var open: [(anchor: String?, size: Int)] = []
    var total = 0
    func tooBig(_ line: Int, _ message: String) -> JournalError {
      JournalError(.invalidInput, "front matter: \(message)", file: file, line: firstLine + line)
    }
    while true {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else { return }
      defer { yaml_event_delete(&event) }
      let line = Int(event.start_mark.line)
      var added = 0
      var anchorName: String?
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return
      case YAML_SCALAR_EVENT:
        added = 1
        anchorName = string(event.data.scalar.anchor)
      case YAML_ALIAS_EVENT:
        // An alias of an anchor not yet closed (`&a [*a]`) is Yams' error to report.
        added = string(event.data.alias.anchor).flatMap { anchored[$0] } ?? 1
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let anchor =
          event.type == YAML_SEQUENCE_START_EVENT
          ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
        open.append((string(anchor), 1))
        if open.count > maxDepth {
          throw tooBig(line, "nested more than \(maxDepth) levels deep")
        }
        total += 1
        continue
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let closed = open.popLast() else { continue }
        if let name = closed.anchor { anchored[name] = closed.size }
        if !open.isEmpty { open[open.count - 1].size += closed.size }
        continue
      default:
        continue
      }
      if let name = anchorName { anchored[name] = added }
      total += added
      if !open.isEmpty { open[open.count - 1].size += added }
      if total > maxValues {
        throw tooBig(
          line,
          event.type == YAML_ALIAS_EVENT
            ? "aliases expand to more than \(maxValues) values; write the values out instead"
            : "more than \(maxValues) values")
      }
    }
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
