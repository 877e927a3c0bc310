import Foundation
import TestSupport
import Testing

@testable import PyInterpreter

/// `docs/engine.md` is what `EngineReference` generates from the signature tables.
@Suite struct EngineReferenceTests {
  @Test func committedReferenceIsCurrent() throws {
    let url = TestPaths.packageRoot.appendingPathComponent("docs/engine.md")
    let generated = EngineReference.markdown()
    // `make engine-doc` sets this to rewrite the file.
    if ProcessInfo.processInfo.environment["UPDATE_ENGINE_DOC"] != nil {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == generated, "docs/engine.md is stale: run `make engine-doc`")
  }

  @Test func referenceNamesSupportedAndRefusedParameters() {
    let text = EngineReference.markdown()
    #expect(text.contains("## `numpy`"))
    #expect(text.contains("| `diag(v, k=0)` |  |"))
    #expect(text.contains("`out`, `where`"))
  }
}
