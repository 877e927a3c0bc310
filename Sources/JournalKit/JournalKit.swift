/// The version of the `journal` engine; part of the key of frozen cell outputs.
public enum JournalKitInfo {
  public static let version = "0.1.0"
}
