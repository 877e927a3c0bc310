import Foundation
import JournalCore

/// A kind of file the site is made of (an entry's page, a month's archive, a feed, a search
/// shard): what a file of the kind is made from, its `Inputs`, and how it is made from them.
///
/// The key that decides whether a file must be made again is the hash of its inputs
/// (`StableHashEncoder`), so it covers everything the file shows by construction: `make` sees
/// nothing but the inputs and what every page shares (`SiteEnvironment`). An input that is not
/// declared cannot be used, and one that is declared cannot be left out of the key.
protocol PageKind {
  associatedtype Inputs: Encodable & Sendable
  /// The file's bytes.
  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data
}

/// A page rendered by a Mustache template.
protocol TemplatePage: PageKind {
  /// The template's name (`entry` for `templates/entry.mustache`).
  static var template: String { get }
  /// The template's context for the page, from its inputs.
  static func context(_ inputs: Inputs) -> [String: Any]
}

extension TemplatePage {
  static func make(_ inputs: Inputs, path: String, in site: SiteEnvironment) -> Data {
    var context = context(inputs)
    context["site"] = site.context
    if context["root"] == nil { context["root"] = SiteRenderer.root(for: path) }
    return Data(site.templates.render(template, context).utf8)
  }
}

/// What every file of the site depends on: the templates, the program that renders (both in
/// `seed`) and the site-wide values every page shows (`SiteInfo`).
struct SiteEnvironment: Sendable {
  let templates: SiteTemplates
  let info: SiteInfo
  /// The key every file's key starts from: the templates, the program, and `info`.
  let seed: UInt64

  init(templates: SiteTemplates, info: SiteInfo, base: UInt64) {
    self.templates = templates
    self.info = info
    seed = StableHashEncoder.hash(info, seed: base)
  }

  var context: [String: Any] { info.context }
}

/// The site-wide values of every page's `site` context.
struct SiteInfo: Encodable, Sendable {
  var title: String
  var author: String
  var description: String
  var baseURL: String
  var language: String
  var entryCount: Int
  var katex: Bool
  /// What links to a folder end with: `index.html`, so that links work from `file://` as well
  /// as from a web server, or nothing (`SiteBuilder.Options.folderLinks`).
  var index: String
  /// `journal.yml`'s `params`, for the templates.
  var params: MetadataValue?

  var context: [String: Any] {
    var context: [String: Any] = [
      "title": title, "author": author, "description": description, "baseURL": baseURL,
      "language": language, "entryCount": entryCount, "katex": katex, "index": index,
    ]
    if let params { context["params"] = params.templateValue }
    return context
  }
}

extension MetadataValue {
  /// The value as a Mustache context value: dictionaries, arrays and scalars.
  var templateValue: Any {
    switch self {
    case .null: return ""
    case .bool(let value): return value
    case .int(let value): return value
    case .double(let value): return value
    case .string(let value): return value
    case .list(let items): return items.map(\.templateValue)
    case .map(let pairs):
      return Dictionary(
        pairs.map { ($0.key, $0.value.templateValue) }, uniquingKeysWith: { a, _ in a })
    }
  }
}

/// A file of the site, planned: how to find its key, and how to make it when the file on disk
/// (made from the same key) cannot be kept.
struct PlannedFile: Sendable {
  let path: String
  let key: @Sendable () -> UInt64
  let make: @Sendable () -> Data
}

/// The files of a site, as they are planned.
struct SitePlan {
  let site: SiteEnvironment
  private(set) var files: [PlannedFile] = []

  init(site: SiteEnvironment) { self.site = site }

  /// Each kind's seed: the site's, and the kind's name (found once, not once per file).
  private var kindSeeds: [ObjectIdentifier: UInt64] = [:]

  /// Plans the file at `path`, of `kind`, made from `inputs`.
  mutating func add<Kind: PageKind>(_ kind: Kind.Type, at path: String, _ inputs: Kind.Inputs) {
    let seed: UInt64
    if let known = kindSeeds[ObjectIdentifier(kind)] {
      seed = known
    } else {
      var kindHasher = StableHasher(value: site.seed)
      kindHasher.combine(String(describing: kind))
      seed = kindHasher.value
      kindSeeds[ObjectIdentifier(kind)] = seed
    }
    var hasher = StableHasher(value: seed)
    hasher.combine(path)
    let pathSeed = hasher.value
    let site = self.site
    files.append(
      PlannedFile(
        path: path, key: { StableHashEncoder.hash(inputs, seed: pathSeed) },
        make: { Kind.make(inputs, path: path, in: site) }))
  }

  /// Every file's key, in the order of `files`, hashed on every processor.
  func keys() -> [UInt64] { files.concurrentMap { $0.key() } }
}

/// A value whose part of a key is computed once, from all its properties, however many pages
/// show it (an entry's summary is on its month's, its year's, its tags' and a home page).
struct Digested<Value: Encodable & Sendable>: Encodable, Sendable {
  let value: Value
  let digest: UInt64

  init(_ value: Value) {
    self.value = value
    digest = StableHashEncoder.hash(value)
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(digest)
  }
}
