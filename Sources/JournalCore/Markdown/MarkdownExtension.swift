/// The GFM extensions of cmark-gfm, enabled by name.
public enum MarkdownExtension: String, CaseIterable, Sendable {
  case table, strikethrough, autolink, tagfilter, tasklist, footnotes
}
