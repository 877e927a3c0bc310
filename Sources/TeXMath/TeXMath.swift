/// TeX math to MathML Core. (The converter lands with its own issue.)
public enum TeXMath {
  public static let version = "0.0.0"
}
