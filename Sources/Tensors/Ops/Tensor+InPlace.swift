/// In-place updates that write through the shared storage, like PyTorch's `add_` and NumPy's
/// `+=` on an array object: every copy and view of this data sees the change.
///
/// They refuse leaves that require grad unless autograd is off (`GradMode.withNoGrad`), as
/// PyTorch does; optimizers run them under `withNoGrad`.
extension Tensor {
  /// Overwrites the elements with `value` broadcast to this shape (dtype converted).
  public func copyInPlace(from value: Tensor) throws {
    try checkWriteThrough()
    copyElements(from: try value.detached().expanded(to: shape), into: self)
  }

  /// `self = op(self, other)` in place; the result keeps this tensor's dtype, as NumPy's
  /// `a += b` casts back (floats into an int array are refused, like NumPy's same_kind rule).
  public func applyInPlace(_ op: BinaryOp, _ other: Tensor) throws {
    try checkWriteThrough()
    let ct = try Tensor.computeType(op, dtype, other.dtype, style: .numpy)
    if ct.isFloatingPoint && !dtype.isFloatingPoint {
      throw TensorError(
        .dtype,
        "Cannot cast ufunc '\(op.rawValue)' output from dtype('\(ct)') to dtype('\(dtype)') "
          + "with casting rule 'same_kind'")
    }
    // Writing straight into self is safe unless `other` reads the same memory in another layout.
    let direct =
      other.storage !== storage
      || (other.shape == shape && other.strides == strides && other.offset == offset)
    let r = try Tensor.binaryRaw(
      op, detached(), other.detached(), computeType: ct,
      into: direct ? detached() : nil)
    if r.storage === storage { return }
    guard r.shape == shape else {
      throw TensorError(
        .shape,
        "\(op.rawValue): non-broadcastable output operand with shape \(shapeString(shape)) "
          + "doesn't match the broadcast shape \(shapeString(r.shape))")
    }
    copyElements(from: r, into: self)
  }

  /// `self = op(self, scalar)` in place.
  public func applyInPlace(_ op: BinaryOp, _ scalar: Scalar) throws {
    try applyInPlace(
      op, Tensor(scalar: scalar, dtype: scalar.resultType(with: dtype, style: .numpy)))
  }

  /// Fills every element with `value`.
  public func fillInPlace(_ value: Scalar) throws {
    try checkWriteThrough()
    copyElements(from: try Tensor(scalar: value, dtype: dtype).expanded(to: shape), into: self)
  }

  /// `self += other`, copying the storage first when it is shared (value semantics) and
  /// recording autograd history for non-leaf tensors.
  public static func += (a: inout Tensor, b: Tensor) throws { try a.update(.add, b) }
  public static func -= (a: inout Tensor, b: Tensor) throws { try a.update(.subtract, b) }
  public static func *= (a: inout Tensor, b: Tensor) throws { try a.update(.multiply, b) }
  public static func /= (a: inout Tensor, b: Tensor) throws { try a.update(.divide, b) }
  public static func += (a: inout Tensor, b: Double) throws { try a.update(.add, Tensor(b)) }
  public static func -= (a: inout Tensor, b: Double) throws { try a.update(.subtract, Tensor(b)) }
  public static func *= (a: inout Tensor, b: Double) throws { try a.update(.multiply, Tensor(b)) }
  public static func /= (a: inout Tensor, b: Double) throws { try a.update(.divide, Tensor(b)) }

  mutating func update(_ op: BinaryOp, _ b: Tensor) throws {
    if Tensor.needsGrad(self, b) {
      try checkInPlaceAllowed()
      let r = try Tensor.binary(op, self, b)
      guard r.shape == shape else {
        throw TensorError(
          .shape,
          "\(op.rawValue): output with shape \(shapeString(shape)) doesn't match the "
            + "broadcast shape \(shapeString(r.shape))")
      }
      self = r.dtype == dtype ? r : r.casted(to: dtype)
      return
    }
    makeUnique()
    try applyInPlace(op, b)
  }
}
