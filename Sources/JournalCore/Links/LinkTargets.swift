import Foundation

/// What a link into the journal came to.
public enum LinkResolution: Sendable, Hashable {
  /// An entry, and the anchor of the heading named, if one was.
  case entry(JournalDate, anchor: String?)
  /// Nothing matches: the message says what was looked for.
  case missing(String)
  /// Several entries or headings match: the days they are on.
  case ambiguous([JournalDate])

  /// The message for a link that does not resolve, nil when it does.
  public var problem: String? {
    switch self {
    case .entry: return nil
    case .missing(let message): return message
    case .ambiguous(let days):
      return "matches several entries (\(days.map(\.iso).joined(separator: ", "))): "
        + "write [[DATE#heading]]"
    }
  }
}

/// Every entry's title and headings, for resolving links: built from all the journal's
/// documents before any is rendered with its links.
///
/// A name (`[[NameNet]]`) is an entry's title if exactly one entry has that title, else a heading
/// if exactly one heading in the journal has that text; names and headings are compared without
/// case, with runs of spaces as one, and emoji shortcodes as their emoji.
public struct LinkTargets: Sendable {
  /// One entry as a link target.
  public struct Target: Sendable, Hashable, Codable {
    public var date: JournalDate
    public var title: String
    /// Headings and their anchors, in order (anchors unique in the entry).
    public var headings: [Heading]

    public struct Heading: Sendable, Hashable, Codable {
      public var text: String
      public var anchor: String
      public init(text: String, anchor: String) {
        self.text = text
        self.anchor = anchor
      }
    }

    public init(date: JournalDate, title: String, headings: [Heading]) {
      self.date = date
      self.title = title
      self.headings = headings
    }

    /// The target a document makes: its title and every heading that has an anchor.
    public init(document: Document) {
      self.init(
        date: document.date, title: document.title,
        headings: document.sections.filter { $0.level > 0 && !$0.anchor.isEmpty }.map {
          Heading(text: $0.heading, anchor: $0.anchor)
        })
    }
  }

  private var byDate: [JournalDate: Target] = [:]
  private var byTitle: [String: [JournalDate]] = [:]
  private var byHeading: [String: [(date: JournalDate, anchor: String)]] = [:]
  /// Each entry's headings by key (the first heading of a key wins), and its title's key:
  /// keys are made once here, not at every resolution.
  private var headingsByKey: [JournalDate: (title: String, anchors: [String: String])] = [:]

  public init(_ targets: some Sequence<Target>) {
    for target in targets {
      byDate[target.date] = target
      let titleKey = Self.key(target.title)
      byTitle[titleKey, default: []].append(target.date)
      var anchors: [String: String] = [:]
      for heading in target.headings {
        let key = Self.key(heading.text)
        byHeading[key, default: []].append((target.date, heading.anchor))
        if anchors[key] == nil { anchors[key] = heading.anchor }
      }
      headingsByKey[target.date] = (titleKey, anchors)
    }
  }

  /// Whether the journal has an entry on `date`.
  public func contains(_ date: JournalDate) -> Bool { byDate[date] != nil }

  public func target(on date: JournalDate) -> Target? { byDate[date] }

  /// Where `reference`, written in the entry of `source`, points.
  public func resolve(_ reference: LinkReference, from source: JournalDate) -> LinkResolution {
    switch reference.target {
    case .this:
      return within(source, reference)
    case .day(let date):
      guard byDate[date] != nil else { return .missing("no entry on \(date.iso)") }
      return within(date, reference)
    case .name(let name):
      let key = Self.key(name)
      if let titled = byTitle[key] {
        if titled.count > 1 { return .ambiguous(titled.sorted()) }
        if let date = titled.first { return within(date, reference) }
      }
      guard reference.heading == nil, let headings = byHeading[key], let first = headings.first
      else {
        return .missing(
          "no entry titled '\(name)'"
            + (reference.heading == nil ? " and no heading '\(name)'" : ""))
      }
      let days = Set(headings.map(\.date))
      if headings.count > 1 { return .ambiguous(days.sorted()) }
      return .entry(first.date, anchor: first.anchor)
    }
  }

  private func within(_ date: JournalDate, _ reference: LinkReference) -> LinkResolution {
    guard let target = byDate[date], let keys = headingsByKey[date] else {
      return .missing("no entry on \(date.iso)")
    }
    if let heading = reference.heading {
      let key = Self.key(heading)
      guard let anchor = keys.anchors[key] else {
        // The heading a page shows as its title has no anchor of its own: the page's top.
        if key == keys.title { return .entry(date, anchor: nil) }
        return .missing("\(date.iso) has no heading '\(heading)'")
      }
      return .entry(date, anchor: anchor)
    }
    if let anchor = reference.anchor {
      guard target.headings.contains(where: { $0.anchor == anchor }) else {
        if anchor == SlugSet.slug(target.title) { return .entry(date, anchor: nil) }
        return .missing("\(date.iso) has no heading with anchor '#\(anchor)'")
      }
      return .entry(date, anchor: anchor)
    }
    return .entry(date, anchor: nil)
  }

  /// Names compare without case, emoji (or their shortcodes) and runs of spaces:
  /// `[[tennet]]` names the heading `TenNet :hand:`.
  static func key(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    for scalar in Emoji.replacingShortcodes(in: text).lowercased().unicodeScalars {
      let p = scalar.properties
      if p.isEmojiPresentation || (p.isEmoji && scalar.value > 0xFF) || scalar.value == 0xFE0F
        || scalar.value == 0x200D
      {
        continue
      }
      kept.append(scalar)
    }
    return String(kept).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
