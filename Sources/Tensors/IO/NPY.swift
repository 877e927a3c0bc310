import Foundation

/// Reading and writing NumPy `.npy` files (format 1.0-3.0, C order, the six dtypes).
public enum NPY {
  static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

  static func descr(_ d: DType) -> String {
    switch d {
    case .bool: return "|b1"
    case .uint8: return "|u1"
    case .int32: return "<i4"
    case .int64: return "<i8"
    case .float32: return "<f4"
    case .float64: return "<f8"
    }
  }

  /// The bytes of a `.npy` file holding `tensor`.
  public static func encode(_ tensor: Tensor) -> Data {
    let t = tensor.detached().contiguous()
    let shape =
      t.shape.count == 1
      ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"
    var header = "{'descr': '\(descr(t.dtype))', 'fortran_order': False, 'shape': \(shape), }"
    let total = magic.count + 2 + 2 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
    var data = Data(magic + [1, 0])
    let len = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(len & 0xff), UInt8(len >> 8)])
    data.append(contentsOf: Array(header.utf8))
    data.append(
      Data(
        bytes: t.storage.raw + t.offset * t.dtype.itemSize,
        count: t.count * t.dtype.itemSize))
    return data
  }

  /// Writes `tensor` to a `.npy` file.
  public static func save(_ tensor: Tensor, to url: URL) throws {
    do { try encode(tensor).write(to: url, options: .atomic) } catch {
      throw TensorError(.io, "\(url.path): \(error.localizedDescription)")
    }
  }

  /// Reads a `.npy` file.
  public static func load(_ url: URL) throws -> Tensor {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw TensorError(.io, "\(url.path): \(error.localizedDescription)")
    }
    do { return try decode(data) } catch let e as TensorError {
      throw TensorError(.io, "\(url.path): \(e.message)")
    }
  }

  /// Parses the bytes of a `.npy` file.
  public static func decode(_ data: Data) throws -> Tensor {
    let bytes = [UInt8](data)
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw TensorError(.io, "not a .npy file (bad magic)")
    }
    let major = bytes[6]
    var headerLen: Int, start: Int
    if major == 1 {
      headerLen = Int(bytes[8]) | Int(bytes[9]) << 8
      start = 10
    } else {
      guard bytes.count >= 12 else { throw TensorError(.io, "truncated .npy header") }
      headerLen = (0..<4).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
      start = 12
    }
    guard bytes.count >= start + headerLen,
      let header = String(bytes: bytes[start..<(start + headerLen)], encoding: .utf8)
    else { throw TensorError(.io, "truncated .npy header") }
    func field(_ key: String) -> String? {
      guard let r = header.range(of: "'\(key)':") else { return nil }
      let rest = header[r.upperBound...].drop(while: { $0 == " " })
      if rest.first == "(" { return rest.firstIndex(of: ")").map { String(rest[...$0]) } }
      return String(rest.prefix(while: { $0 != "," && $0 != "}" }))
        .trimmingCharacters(in: .whitespaces)
    }
    guard let d = field("descr")?.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")),
      let dtype = DType.allCases.first(where: {
        descr($0) == d || descr($0).dropFirst() == d.dropFirst() && d.first == "="
      })
    else { throw TensorError(.io, "unsupported .npy dtype in header \(header)") }
    guard field("fortran_order") == "False" else {
      throw TensorError(.io, "Fortran-ordered .npy files are not supported")
    }
    guard let shapeText = field("shape") else {
      throw TensorError(.io, "missing shape in .npy header")
    }
    let shape = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()"))
      .split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    let t = Tensor(uninitialized: shape, dtype: dtype)
    let n = t.count * dtype.itemSize
    let body = start + headerLen
    guard bytes.count >= body + n else { throw TensorError(.io, "truncated .npy data") }
    bytes.withUnsafeBytes { src in
      t.storage.raw.copyMemory(from: src.baseAddress! + body, byteCount: n)
    }
    if dtype == .bool {
      let p = t.storage.raw.assumingMemoryBound(to: UInt8.self)
      for i in 0..<t.count where p[i] > 1 { p[i] = 1 }
    }
    return t
  }
}
