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

extension TorchContext {
  func makeUtilsData() -> PyModule {
    let m = PyModule(name: "torch.utils.data")
    m.define("TensorDataset") { [unowned self] args, _ in
      .native(TorchTensorDataset(try args.map { try self.tensor($0) }, torch: self))
    }
    m.define("DataLoader") { [unowned self] args, kwargs in
      let a = Arguments("DataLoader", args, kwargs)
      let ds = try a.required(0, "dataset")
      let bs = try a.value(1, "batch_size").map { try self.rt.toInt($0) } ?? 1
      guard bs > 0 else {
        throw PyException(
          .valueError, "batch_size should be a positive integer value, but got batch_size=\(bs)")
      }
      let shuffle = try a.value(2, "shuffle").map { try self.rt.isTrue($0) } ?? false
      let drop = try a.keyword("drop_last").map { try self.rt.isTrue($0) } ?? false
      return .native(
        TorchDataLoader(ds, batchSize: bs, dropLast: drop, shuffle: shuffle, torch: self))
    }
    return m
  }
}
