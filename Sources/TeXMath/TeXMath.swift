/// TeX math to MathML Core.
///
/// The entry point is ``MathMLConverter``; this namespace only carries the module's version.
public enum TeXMath {
  public static let version = "0.1.0"
}
