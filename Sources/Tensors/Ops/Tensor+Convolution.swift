/// Sliding-window unfolding (`im2col`) behind Conv2d and the 2-D pooling layers.
extension Tensor {
  /// Geometry of one 2-D sliding window.
  public struct Window2D: Sendable, Hashable {
    public var kernel: (Int, Int)
    public var stride: (Int, Int)
    public var padding: (Int, Int)
    public var dilation: (Int, Int)

    public init(
      kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0),
      dilation: (Int, Int) = (1, 1)
    ) {
      self.kernel = kernel
      self.stride = stride ?? (1, 1)
      self.padding = padding
      self.dilation = dilation
    }

    public static func == (a: Window2D, b: Window2D) -> Bool {
      a.kernel == b.kernel && a.stride == b.stride && a.padding == b.padding
        && a.dilation == b.dilation
    }

    public func hash(into h: inout Hasher) {
      for v in [
        kernel.0, kernel.1, stride.0, stride.1, padding.0, padding.1, dilation.0, dilation.1,
      ] {
        h.combine(v)
      }
    }

    func outputSize(_ h: Int, _ w: Int) -> (Int, Int) {
      (
        (h + 2 * padding.0 - dilation.0 * (kernel.0 - 1) - 1) / stride.0 + 1,
        (w + 2 * padding.1 - dilation.1 * (kernel.1 - 1) - 1) / stride.1 + 1
      )
    }
  }

  /// `[N, C, H, W]` to `[N, C*kH*kW, L]` columns (zero padding), PyTorch `unfold`.
  public func unfolded(_ win: Window2D) throws -> Tensor {
    guard rank == 4, dtype.isFloatingPoint else {
      throw TensorError(
        .shape, "unfold: expected a float (N, C, H, W) input, got \(dtype) \(shapeString(shape))")
    }
    let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
    let (oh, ow) = win.outputSize(h, w)
    guard oh > 0, ow > 0 else {
      throw TensorError(
        .shape, "unfold: kernel \(win.kernel) is larger than the padded input \(shapeString(shape))"
      )
    }
    let x = contiguous().detached()
    let rows = c * win.kernel.0 * win.kernel.1, l = oh * ow
    let out = Tensor(zeros: [n, rows, l], dtype: dtype)
    func run<T: FloatElement>(_ t: T.Type) {
      let src = x.storage.pointer(T.self) + x.offset, dst = out.storage.pointer(T.self)
      Tensor.im2col(src, dst, n: n, c: c, h: h, w: w, oh: oh, ow: ow, win: win, reverse: false)
    }
    if dtype == .float32 { run(Float.self) } else { run(Double.self) }
    var result = out
    let inShape = shape
    result.recordUnary(self, "Im2ColBackward0") { g in [try g.folded(inShape, win)] }
    return result
  }

  /// The adjoint of `unfolded`: sums columns back into `[N, C, H, W]` (PyTorch `fold`).
  func folded(_ shape4: [Int], _ win: Window2D) throws -> Tensor {
    let (n, c, h, w) = (shape4[0], shape4[1], shape4[2], shape4[3])
    let (oh, ow) = win.outputSize(h, w)
    let cols = contiguous().detached()
    let out = Tensor(zeros: shape4, dtype: dtype)
    func run<T: FloatElement>(_ t: T.Type) {
      let src = cols.storage.pointer(T.self) + cols.offset, dst = out.storage.pointer(T.self)
      Tensor.im2col(dst, src, n: n, c: c, h: h, w: w, oh: oh, ow: ow, win: win, reverse: true)
    }
    if dtype == .float32 { run(Float.self) } else { run(Double.self) }
    var result = out
    result.recordUnary(self, "Col2ImBackward0") { g in [try g.unfolded(win)] }
    return result
  }

  /// Copies image patches to columns, or (reverse) adds columns back into the image.
  static func im2col<T: FloatElement>(
    _ img: UnsafeMutablePointer<T>, _ col: UnsafeMutablePointer<T>, n: Int, c: Int, h: Int,
    w: Int, oh: Int, ow: Int, win: Window2D, reverse: Bool
  ) {
    let (kh, kw) = win.kernel
    let l = oh * ow
    for b in 0..<n {
      for ch in 0..<c {
        let image = img + (b * c + ch) * h * w
        for ki in 0..<kh {
          for kj in 0..<kw {
            let row = (ch * kh + ki) * kw + kj
            let column = col + (b * c * kh * kw + row) * l
            for oi in 0..<oh {
              let y = oi * win.stride.0 - win.padding.0 + ki * win.dilation.0
              if y < 0 || y >= h { continue }
              for oj in 0..<ow {
                let xx = oj * win.stride.1 - win.padding.1 + kj * win.dilation.1
                if xx < 0 || xx >= w { continue }
                if reverse {
                  image[y * w + xx] += column[oi * ow + oj]
                } else {
                  column[oi * ow + oj] = image[y * w + xx]
                }
              }
            }
          }
        }
      }
    }
  }
}
