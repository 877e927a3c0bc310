/// The parser's tokens, indexed like an array, where splicing a macro's expansion in at the read
/// position costs the size of the expansion, not the size of the rest of the formula.
///
/// A gap buffer: the storage holds a run of unused slots (the gap) at the last splice point.
/// Parsing moves forward and every splice happens at the read position, so the gap only ever
/// moves over tokens read since the last splice or put there by it: linear in all. A plain array
/// shifted the whole tail at each expansion, and 1,900 `\iff` before a million letters took 10 s.
struct TokenStream {
  private var storage: [Token]
  /// Index of the first unused slot, which is also the logical index after it.
  private var gapStart: Int
  private var gapCount: Int

  init(_ tokens: [Token]) {
    storage = tokens
    gapStart = tokens.count
    gapCount = 0
  }

  var count: Int { storage.count - gapCount }

  subscript(index: Int) -> Token {
    index < gapStart ? storage[index] : storage[index + gapCount]
  }

  subscript(range: Range<Int>) -> [Token] {
    if range.upperBound <= gapStart { return Array(storage[range]) }
    if range.lowerBound >= gapStart {
      return Array(storage[(range.lowerBound + gapCount)..<(range.upperBound + gapCount)])
    }
    return Array(storage[range.lowerBound..<gapStart])
      + storage[(gapStart + gapCount)..<(range.upperBound + gapCount)]
  }

  /// Replaces the tokens in `range` with `replacement`.
  mutating func replaceSubrange(_ range: Range<Int>, with replacement: [Token]) {
    moveGap(to: range.upperBound)
    gapStart = range.lowerBound
    gapCount += range.count
    if gapCount < replacement.count { growGap(to: replacement.count + count) }
    for token in replacement {
      storage[gapStart] = token
      gapStart += 1
      gapCount -= 1
    }
  }

  private mutating func moveGap(to index: Int) {
    while gapStart < index {
      storage[gapStart] = storage[gapStart + gapCount]
      gapStart += 1
    }
    while gapStart > index {
      gapStart -= 1
      storage[gapStart + gapCount] = storage[gapStart]
    }
  }

  /// Doubling the gap keeps the copying of all growths linear in the tokens inserted.
  private mutating func growGap(to size: Int) {
    let filler = Token(kind: .space, range: 0..<0)
    var grown: [Token] = []
    grown.reserveCapacity(count + size)
    grown += storage[..<gapStart]
    grown += repeatElement(filler, count: size)
    grown += storage[(gapStart + gapCount)...]
    storage = grown
    gapCount = size
  }
}
