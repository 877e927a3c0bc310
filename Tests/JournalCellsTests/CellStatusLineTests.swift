import Foundation
import Testing

@testable import JournalCells
@testable import JournalCore

/// The status line `journal run-entry` keeps on a terminal while a cell runs.
@Suite struct CellStatusLineTests {
  final class Screen: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func write(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
  }

  @Test func drawsInPlaceGetsOutOfTheWayOfOutputAndErasesItselfAtTheEnd() {
    let screen = Screen()
    // A long interval: the test draws by hand, never on the timer.
    let status = CellStatusLine(interval: 3600) { screen.write($0) }
    status.passThrough { screen.write("before\n") }
    #expect(screen.text == "before\n")  // nothing shown yet, nothing to erase
    status.begin("journal/2018/2018-09-17.md: cell 3 of 6 (line 127)")
    status.redraw()
    let erase = "\r\u{1B}[K"
    #expect(
      screen.text
        == "before\n\(erase)… journal/2018/2018-09-17.md: cell 3 of 6 (line 127) running, 0 s")
    status.passThrough { screen.write("step 10000\n") }
    #expect(screen.text.hasSuffix("running, 0 s\(erase)step 10000\n"))
    status.redraw()
    status.end()
    #expect(screen.text.hasSuffix("running, 0 s\(erase)"))
    let ended = screen.text
    status.redraw()  // a late tick after the end draws nothing
    status.passThrough {}
    #expect(screen.text == ended)
  }

  @Test func timeReadsInSecondsThenMinutes() {
    #expect(CellStatusLine.text("cell 1 of 2", seconds: 7.9) == "… cell 1 of 2 running, 7 s")
    #expect(CellStatusLine.text("x", seconds: 125.2) == "… x running, 2 min 05 s")
  }
}
