/// A front-matter value, kept as the author wrote it (timestamps stay strings).
public indirect enum MetadataValue: Sendable, Hashable, CustomStringConvertible {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case list([MetadataValue])
  case map([(key: String, value: MetadataValue)])

  public static func == (a: MetadataValue, b: MetadataValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.int(x), .int(y)): return x == y
    case let (.double(x), .double(y)): return x == y
    case let (.string(x), .string(y)): return x == y
    case let (.list(x), .list(y)): return x == y
    case let (.map(x), .map(y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(description)
  }

  /// The value as text, if it is a scalar.
  public var text: String? {
    switch self {
    case .string(let s): return s
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .bool(let b): return String(b)
    default: return nil
    }
  }

  public var description: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .string(let s): return s
    case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .map(let pairs):
      return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
  }
}

/// Encodes the value as it was written (maps as key, value, key, value...), for keys.
extension MetadataValue: Encodable {
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var container = encoder.singleValueContainer()
      try container.encodeNil()
    case .bool(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .int(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .double(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .string(let value):
      var container = encoder.singleValueContainer()
      try container.encode(value)
    case .list(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .map(let pairs):
      var container = encoder.unkeyedContainer()
      for pair in pairs {
        try container.encode(pair.key)
        try container.encode(pair.value)
      }
    }
  }
}
