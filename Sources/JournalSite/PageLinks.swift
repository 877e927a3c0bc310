import JournalCore

/// An entry's part in the link graph: what links can point to in it, its own links to other
/// entries and the images it shows, kept in the site cache with its page so that no build needs
/// to parse an unchanged entry to resolve links, list backlinks or publish images.
struct PageLinks: Sendable {
  /// A link from this entry to an entry (wiki link or Markdown link to a day file).
  struct Outgoing: Sendable, Hashable {
    var reference: LinkReference
    /// The sentence the link is in.
    var context: String
    /// The heading and anchor of the section the link is in (empty before the first heading).
    var heading: String
    var anchor: String
    /// The line in the entry file.
    var line: Int
  }

  var target: LinkTargets.Target
  var outgoing: [Outgoing]
  /// What `outgoing` came to when the page's HTML was rendered (`digest(in:)`).
  var digest: UInt64
  /// The images, with the hashes of their files when the HTML was rendered.
  var images: [PageFile]

  init(
    target: LinkTargets.Target, outgoing: [Outgoing], digest: UInt64, images: [PageFile] = []
  ) {
    self.target = target
    self.outgoing = outgoing
    self.digest = digest
    self.images = images
  }

  init(document: Document, digest: UInt64, images: [PageFile] = []) {
    self.images = images
    target = LinkTargets.Target(document: document)
    outgoing = document.links.compactMap { link in
      guard let reference = link.reference else { return nil }
      let section = link.section < document.sections.count ? document.sections[link.section] : nil
      return Outgoing(
        reference: reference, context: link.context, heading: section?.heading ?? "",
        anchor: section?.anchor ?? "", line: link.line)
    }
    self.digest = digest
  }

  /// A hash of what `references` resolve to in `targets`: the page's HTML depends on nothing
  /// else of other entries.
  static func digest(
    of references: some Sequence<LinkReference>, from date: JournalDate, in targets: LinkTargets
  ) -> UInt64 {
    var hasher = StableHasher()
    for reference in references {
      switch targets.resolve(reference, from: date) {
      case .entry(let day, let anchor): hasher.combine("\(day.iso)#\(anchor ?? "")")
      case .missing, .ambiguous: hasher.combine("-")
      }
    }
    return hasher.value
  }

  /// The `href` of a link from the entry page of `source` (at `YYYY/MM/DD/index.html`), nil when
  /// it points nowhere; `index` ends links to folders (see `SiteInfo.index`).
  static func href(
    _ reference: LinkReference, from source: JournalDate, in targets: LinkTargets,
    index: String
  ) -> String? {
    guard case .entry(let day, let anchor) = targets.resolve(reference, from: source) else {
      return nil
    }
    let fragment = anchor.map { "#" + $0 } ?? ""
    if day == source, !fragment.isEmpty { return fragment }
    return "../../../" + SitePage.url(day.iso) + index + fragment
  }
}
