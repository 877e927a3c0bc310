import Foundation

/// Hashes any `Encodable` value with a `StableHasher`: every stored property that its
/// `encode(to:)` writes (all of them, for a synthesized conformance), with its key, so that a
/// value that differs in any property gets another hash. Keys derived this way cannot forget an
/// input, as a hand-written key can.
///
/// Strings, numbers and flags are hashed with a tag and their length, so that adjacent values
/// cannot run together ("ab", "c" differs from "a", "bc"); a missing optional and an empty
/// one differ too.
public struct StableHashEncoder {
  /// The hash of `value`.
  public static func hash(_ value: some Encodable, seed: UInt64? = nil) -> UInt64 {
    let sink = Sink(seed.map { StableHasher(value: $0) } ?? StableHasher())
    // Only `encode(to:)` of the value itself can throw here, and a type made for keys does not.
    try? value.encode(to: Writer(sink: sink))
    return sink.hasher.value
  }

  /// The hasher, shared by the nested containers of one `hash` call.
  final class Sink {
    var hasher: StableHasher
    init(_ hasher: StableHasher) { self.hasher = hasher }

    func tag(_ byte: UInt8) { hasher.combine(UInt64(byte)) }
    func key(_ key: any CodingKey) {
      tag(1)
      hasher.combine(key.stringValue)
    }
  }

  // The containers keep no coding path (nothing reads it): building one array per value was
  // most of the cost of keying a large site.

  struct Writer: Encoder {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      sink.tag(2)
      return KeyedEncodingContainer(Keyed<Key>(sink: sink))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      sink.tag(3)
      return Unkeyed(sink: sink)
    }
    func singleValueContainer() -> any SingleValueEncodingContainer {
      Single(sink: sink)
    }
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
      sink.key(key)
      sink.tag(4)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
      sink.key(key)
      try value.encode(to: Writer(sink: sink))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
      keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
      sink.key(key)
      return Writer(sink: sink).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
      sink.key(key)
      return Writer(sink: sink).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { Writer(sink: sink) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
      sink.key(key)
      return Writer(sink: sink)
    }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws {
      count += 1
      sink.tag(4)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
      count += 1
      sink.tag(5)
      try value.encode(to: Writer(sink: sink))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
      -> KeyedEncodingContainer<NestedKey>
    {
      count += 1
      return Writer(sink: sink).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
      count += 1
      return Writer(sink: sink).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { Writer(sink: sink) }
  }

  struct Single: SingleValueEncodingContainer {
    let sink: Sink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.tag(4) }
    mutating func encode(_ value: Bool) throws {
      sink.tag(6)
      sink.hasher.combine(value)
    }
    mutating func encode(_ value: String) throws {
      sink.tag(7)
      sink.hasher.combine(value)
    }
    mutating func encode(_ value: Double) throws {
      sink.tag(8)
      sink.hasher.combine(value.bitPattern)
    }
    mutating func encode(_ value: Float) throws { try encode(Double(value)) }
    mutating func encode(_ value: Int) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int8) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int16) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int32) throws { try encode(Int64(value)) }
    mutating func encode(_ value: Int64) throws {
      sink.tag(9)
      sink.hasher.combine(UInt64(bitPattern: value))
    }
    mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws {
      sink.tag(10)
      sink.hasher.combine(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
      try value.encode(to: Writer(sink: sink))
    }
  }
}
