import Foundation
import Tensors

/// `torch.utils.data.TensorDataset`: the i-th rows of several tensors.
final class TorchTensorDataset: PyNativeObject {
  let tensors: [Tensor]
  let torch: TorchContext
  init(_ tensors: [Tensor], torch: TorchContext) {
    self.tensors = tensors
    self.torch = torch
  }
  var typeName: String { "TensorDataset" }
  func length() throws -> Int? { tensors.first?.shape.first ?? 0 }
  /// Python iterates a class with `__getitem__` by index until an IndexError.
  func makeIterator() throws -> PyIterator? {
    var i = 0
    let n = tensors.first?.shape.first ?? 0
    return PyIterator("iterator") { [self] in
      guard i < n else { return nil }
      defer { i += 1 }
      return try getItem(.int(i))
    }
  }
  func getItem(_ key: PyValue) throws -> PyValue {
    let i = try torch.rt.toInt(key)
    return .tuple(try tensors.map { t in torch.wrap(try torch.run { try t.item([.index(i)]) }) })
  }
}

/// `torch.utils.data.DataLoader` (single process), with PyTorch's sampling and default collation.
final class TorchDataLoader: PyNativeObject {
  let dataset: PyValue
  let batchSize: Int
  let dropLast: Bool
  let shuffle: Bool
  let torch: TorchContext
  init(_ dataset: PyValue, batchSize: Int, dropLast: Bool, shuffle: Bool, torch: TorchContext) {
    self.dataset = dataset
    self.batchSize = batchSize
    self.dropLast = dropLast
    self.shuffle = shuffle
    self.torch = torch
  }
  var typeName: String { "DataLoader" }

  func length() throws -> Int? {
    let n = try torch.rt.length(dataset)
    return dropLast ? n / batchSize : n == 0 ? 0 : (n - 1) / batchSize + 1
  }

  /// `default_collate`: tensors stack, Python ints become int64 and floats float64, tuples and
  /// lists collate field by field into a list.
  func collate(_ items: [PyValue]) throws -> PyValue {
    guard let first = items.first else { return .list(PyList()) }
    switch first {
    case .native(_ as TorchTensor):
      let ts = try items.map { try torch.tensor($0) }
      return torch.wrap(try torch.run { try Tensor.stack(ts, axis: 0, style: .torch) })
    case .int, .bool:
      return torch.wrap(
        try torch.tensor(.list(PyList(items)), dtype: first.isBool ? .bool : .int64))
    case .float:
      return torch.wrap(try torch.tensor(.list(PyList(items)), dtype: .float64))
    case .tuple, .list:
      let rows = try items.map { try torch.rt.toArray($0) }
      let width = rows[0].count
      return .list(PyList(try (0..<width).map { k in try collate(rows.map { $0[k] }) }))
    default:
      return .list(PyList(items))
    }
  }

  func makeIterator() throws -> PyIterator? {
    // Every new DataLoader iterator draws its worker base seed from the default generator
    // (`torch.empty((), dtype=torch.int64).random_()`), even in order and without workers.
    _ = torch.generator.random64()
    let n = try torch.rt.length(dataset)
    var start = 0
    var order: [Int]? = shuffle ? nil : Array(0..<n)
    return PyIterator("iterator") { [self] in
      if order == nil {
        // RandomSampler, on the first batch: a seed from the default generator (random_() on
        // int64 keeps 63 bits), then randperm on a fresh generator seeded with it.
        let seed = torch.generator.random64() % (UInt64(Int64.max) + 1)
        var g = TorchGenerator(seed: seed)
        order = try bridged { try g.randperm(n) }.map { Int($0) }
      }
      guard start < n, let order else { return nil }
      let end = batchSize >= n - start ? n : start + batchSize
      if dropLast && end - start < batchSize { return nil }
      let items = try (start..<end).map { try torch.rt.getItem(dataset, .int(order[$0])) }
      start = end
      return try collate(items)
    }
  }
}

extension PyValue {
  fileprivate var isBool: Bool {
    if case .bool = self { return true }
    return false
  }
}

/// `torch.utils.data.Subset`: the items of a dataset at some indices.
final class TorchSubset: PyNativeObject {
  let dataset: PyValue
  let indices: [PyValue]
  let torch: TorchContext
  init(_ dataset: PyValue, indices: [PyValue], torch: TorchContext) {
    self.dataset = dataset
    self.indices = indices
    self.torch = torch
  }
  var typeName: String { "Subset" }
  func length() throws -> Int? { indices.count }
  /// Python iterates a class with `__getitem__` by index until an IndexError.
  func makeIterator() throws -> PyIterator? {
    var i = 0
    return PyIterator("iterator") { [self] in
      guard i < indices.count else { return nil }
      defer { i += 1 }
      return try getItem(.int(i))
    }
  }
  func getItem(_ key: PyValue) throws -> PyValue {
    if case .list(let l) = key {
      let picked = try l.items.map { try index($0) }
      return try torch.rt.getItem(dataset, .list(PyList(picked)))
    }
    return try torch.rt.getItem(dataset, try index(key))
  }
  func index(_ key: PyValue) throws -> PyValue {
    var i = try torch.rt.toInt(key)
    if i < 0 { i += indices.count }
    guard i >= 0 && i < indices.count else {
      throw PyException(.indexError, "list index out of range")
    }
    return indices[i]
  }
  func getAttribute(_ name: String) throws -> PyValue? {
    switch name {
    case "dataset": return dataset
    case "indices": return .list(PyList(indices))
    default: return nil
    }
  }
}

extension TorchContext {
  /// `torch.utils.data.Dataset`: the base class of map-style datasets.
  func makeDatasetClass() -> PyClass {
    let cls = PyClass(name: "Dataset", base: rt.objectClass, module: "torch.utils.data.dataset")
    cls.namespace.set(
      "__getitem__",
      .builtin(
        PyBuiltin("__getitem__") { _, _ in
          throw PyException(
            .notImplementedError, "Subclasses of Dataset should implement __getitem__.")
        }))
    cls.namespace.set(
      "__add__",
      .builtin(
        PyBuiltin("__add__") { _, _ in
          throw PyException(
            .notImplementedError,
            "Dataset + Dataset (ConcatDataset) is not supported in journal cells")
        }))
    return cls
  }

  /// `random_split`'s lengths: counts, or fractions summing to 1 turned into counts as PyTorch
  /// does (floors, then the remainder one by one from the first).
  func splitLengths(_ given: [PyValue], total: Int) throws -> [Int] {
    let values = try given.map { try rt.double($0) }
    let sum = values.reduce(0, +)
    if abs(sum - 1) <= 1e-9 * Swift.max(abs(sum), 1), sum <= 1 {
      var lengths = try values.enumerated().map { i, f -> Int in
        guard f >= 0 && f <= 1 else {
          throw PyException(.valueError, "Fraction at index \(i) is not between 0 and 1")
        }
        return Int((Double(total) * f).rounded(.down))
      }
      let remainder = total - lengths.reduce(0, +)
      for i in 0..<Swift.max(remainder, 0) where !lengths.isEmpty {
        lengths[i % lengths.count] += 1
      }
      return lengths
    }
    let lengths = try given.map { try rt.toInt($0) }
    guard lengths.reduce(0, +) == total else {
      throw PyException(
        .valueError, "Sum of input lengths does not equal the length of the input dataset!")
    }
    return lengths
  }

  func makeUtilsData() -> PyModule {
    let m = PyModule(name: "torch.utils.data")
    let table = TorchSignatures.data
    m["Dataset"] = .type(datasetClass)
    m.define("TensorDataset", in: table) { [unowned self] a in
      .native(TorchTensorDataset(try a.rest().map { try self.tensor($0) }, torch: self))
    }
    m.define("Subset", in: table) { [unowned self] a in
      .native(
        TorchSubset(
          try a.required("dataset"), indices: try self.rt.toArray(try a.required("indices")),
          torch: self))
    }
    m.define("random_split", in: table) { [unowned self] a in
      let dataset = try a.required("dataset")
      let total = try self.rt.length(dataset)
      let lengths = try self.splitLengths(
        try self.rt.toArray(try a.required("lengths")), total: total)
      var order: [Int64]
      switch a.value("generator") {
      case .native(let g as TorchGeneratorObject)?:
        order = try g.randperm(lengths.reduce(0, +))
      case nil, .none?:
        order = try bridged { try self.generator.randperm(lengths.reduce(0, +)) }
      case let other?:
        throw PyException(
          .typeError,
          "random_split(): generator must be a torch.Generator, not "
            + self.rt.typeName(other))
      }
      var start = 0
      return .list(
        PyList(
          lengths.map { n in
            defer { start += n }
            return .native(
              TorchSubset(
                dataset, indices: order[start..<(start + n)].map { .int(Int($0)) }, torch: self))
          }))
    }
    m.define("DataLoader", in: table) { [unowned self] a in
      let ds = try a.required("dataset")
      let bs = try a.value("batch_size").map { try self.rt.toInt($0) } ?? 1
      guard bs > 0 else {
        throw PyException(
          .valueError, "batch_size should be a positive integer value, but got batch_size=\(bs)")
      }
      let shuffle = try a.optional("shuffle").map { try self.rt.isTrue($0) } ?? false
      let drop = try a.value("drop_last").map { try self.rt.isTrue($0) } ?? false
      // Worker processes and pinned memory change where batches are made, not what they hold.
      let workers = try a.value("num_workers").map { try self.rt.toInt($0) } ?? 0
      guard workers >= 0 else {
        throw PyException(
          .valueError,
          "num_workers option should be non-negative; use num_workers=0 to disable "
            + "multiprocessing.")
      }
      _ = try a.value("pin_memory").map { try self.rt.isTrue($0) }
      return .native(
        TorchDataLoader(ds, batchSize: bs, dropLast: drop, shuffle: shuffle, torch: self))
    }
    return m
  }
}
