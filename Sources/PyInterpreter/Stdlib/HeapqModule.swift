/// `heapq` and `bisect`: CPython's algorithms step for step, so a program that prints its heap
/// list or relies on which of equal items comes first sees what CPython shows. Both compare
/// items with `<` only, as CPython does.
enum HeapqModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "heapq")
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    func less(_ a: PyValue, _ b: PyValue) throws -> Bool { try rt.ordered(.lt, a, b) }
    func heapList(_ a: Arguments) throws -> PyList {
      guard case .list(let l) = a.positional[0] else {
        throw PyException(
          .typeError,
          "\(a.function)() argument 1 must be list, not \(rt.typeName(a.positional[0]))")
      }
      return l
    }
    func siftDown(_ heap: PyList, _ start: Int, _ position: Int) throws {
      var pos = position
      let item = heap.items[pos]
      while pos > start {
        let parentPos = (pos - 1) >> 1
        let parent = heap.items[parentPos]
        guard try less(item, parent) else { break }
        heap.items[pos] = parent
        pos = parentPos
      }
      heap.items[pos] = item
    }
    func siftUp(_ heap: PyList, _ position: Int) throws {
      let end = heap.items.count
      var pos = position
      let item = heap.items[pos]
      var child = 2 * pos + 1
      while child < end {
        let right = child + 1
        if right < end, !(try less(heap.items[child], heap.items[right])) { child = right }
        heap.items[pos] = heap.items[child]
        pos = child
        child = 2 * pos + 1
      }
      heap.items[pos] = item
      try siftDown(heap, position, pos)
    }
    def("heappush") { a in
      try a.expect(min: 2, max: 2)
      let heap = try heapList(a)
      heap.items.append(a.positional[1])
      try siftDown(heap, 0, heap.items.count - 1)
      return .none
    }
    def("heappop") { a in
      try a.expect(min: 1, max: 1)
      let heap = try heapList(a)
      guard let last = heap.items.popLast() else {
        throw PyException(.indexError, "index out of range")
      }
      guard let top = heap.items.first else { return last }
      heap.items[0] = last
      try siftUp(heap, 0)
      return top
    }
    def("heapreplace") { a in
      try a.expect(min: 2, max: 2)
      let heap = try heapList(a)
      guard let top = heap.items.first else {
        throw PyException(.indexError, "index out of range")
      }
      heap.items[0] = a.positional[1]
      try siftUp(heap, 0)
      return top
    }
    def("heappushpop") { a in
      try a.expect(min: 2, max: 2)
      let heap = try heapList(a)
      var item = a.positional[1]
      if let top = heap.items.first, try less(top, item) {
        heap.items[0] = item
        item = top
        try siftUp(heap, 0)
      }
      return item
    }
    def("heapify") { a in
      try a.expect(min: 1, max: 1)
      let heap = try heapList(a)
      for i in stride(from: heap.items.count / 2 - 1, through: 0, by: -1) { try siftUp(heap, i) }
      return .none
    }
    // Documented as equal to sorted(iterable, key=key, reverse=...)[:n], which they are.
    for (name, reverse) in [("nlargest", true), ("nsmallest", false)] {
      def(name) { a in
        try a.expect(min: 2, max: 3, keywords: ["key"])
        let n = try rt.int(a.positional[0], name)
        let key = a.value(2, "key")
        let items = try rt.toArray(a.positional[1])
        guard n > 0 else { return .list(PyList([])) }
        let sorted = try rt.sortValues(items, key: key, reverse: reverse)
        return .list(PyList(Array(sorted.prefix(n))))
      }
    }
    def("merge") { a in
      try a.expect(min: 0, max: Int.max, keywords: ["key", "reverse"])
      let key = a.keyword("key").flatMap { rt.isNoneValue($0) ? nil : $0 }
      let reverse = try a.keyword("reverse").map { try rt.isTrue($0) } ?? false
      let iterators = try a.positional.map { try rt.iterate($0) }
      func keyed(_ v: PyValue?) throws -> (value: PyValue, key: PyValue)? {
        guard let v else { return nil }
        return (v, try key.map { try rt.call($0, [v]) } ?? v)
      }
      var heads: [(value: PyValue, key: PyValue)?] = []
      for it in iterators { heads.append(try keyed(try it.next())) }
      // The head that comes first: ties go to the earlier iterable, as in CPython.
      return .iterator(
        PyIterator("generator") {
          var best: Int?
          for (i, head) in heads.enumerated() {
            guard let head else { continue }
            if let b = best, let current = heads[b] {
              let first =
                reverse ? try less(current.key, head.key) : try less(head.key, current.key)
              if first { best = i }
            } else {
              best = i
            }
          }
          guard let b = best, let head = heads[b] else { return nil }
          heads[b] = try keyed(try iterators[b].next())
          return head.value
        })
    }
    return m
  }
}

enum BisectModule {
  static func make(_ rt: Runtime) -> PyModule {
    let m = PyModule(name: "bisect")
    func def(_ name: String, _ body: @escaping (Arguments) throws -> PyValue) {
      m.define(name) { args, kwargs in try body(Arguments(name, args, kwargs)) }
    }
    struct Call {
      var seq: PyValue
      var x: PyValue
      var lo: Int
      var hi: Int
      var key: PyValue?
    }
    func parse(_ a: Arguments) throws -> Call {
      try a.expect(min: 0, max: 4, keywords: ["a", "x", "lo", "hi", "key"])
      let seq = try a.required(0, "a")
      let x = try a.required(1, "x")
      let lo = try a.value(2, "lo").map { try rt.int($0, "lo") } ?? 0
      if lo < 0 { throw PyException(.valueError, "lo must be non-negative") }
      let hi =
        try a.value(3, "hi").flatMap { rt.isNoneValue($0) ? nil : try rt.int($0, "hi") }
        ?? (try rt.length(seq))
      let key = a.keyword("key").flatMap { rt.isNoneValue($0) ? nil : $0 }
      return Call(seq: seq, x: x, lo: lo, hi: hi, key: key)
    }
    /// The insertion point of `x` (already keyed) in `seq[lo:hi]`: leftmost (`a[mid] < x`
    /// moves right) or rightmost (`x < a[mid]` moves left).
    func search(_ c: Call, _ x: PyValue, right: Bool) throws -> Int {
      var (lo, hi) = (c.lo, c.hi)
      while lo < hi {
        let mid = (lo + hi) / 2
        var item = try rt.getItem(c.seq, .int(mid))
        if let key = c.key { item = try rt.call(key, [item]) }
        let goesLeft = right ? try rt.ordered(.lt, x, item) : !(try rt.ordered(.lt, item, x))
        if goesLeft { hi = mid } else { lo = mid + 1 }
      }
      return lo
    }
    for (name, right) in [
      ("bisect_left", false), ("bisect_right", true), ("bisect", true),
    ] {
      def(name) { a in
        let c = try parse(a)
        return .int(try search(c, c.x, right: right))
      }
    }
    for (name, right) in [
      ("insort_left", false), ("insort_right", true), ("insort", true),
    ] {
      def(name) { a in
        let c = try parse(a)
        // With a key, the search compares key(x) but x itself is inserted.
        let index = try search(c, try c.key.map { try rt.call($0, [c.x]) } ?? c.x, right: right)
        _ = try rt.call(try rt.getAttribute(c.seq, "insert"), [.int(index), c.x])
        return .none
      }
    }
    return m
  }
}
