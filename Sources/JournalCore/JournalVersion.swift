/// The version of the `journal` engine; part of the key of frozen cell outputs.
public enum JournalVersion {
  public static let current = "0.1.0"
}
