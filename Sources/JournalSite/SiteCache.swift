import Foundation
import JournalCells
import JournalCore

/// What `journal build` keeps between builds in `.journal/site-cache/`, so that a rebuild parses
/// only the entries that changed: each entry's `SitePage` (its rendered body in a separate blob
/// file, read only when a page needs it) with the file's stamp and content hash, and the search
/// index's posting lists.
///
/// The cache is only ever a shortcut: it is written after the site, atomically, and whatever
/// cannot be read (missing, truncated, corrupted, from another version or other Markdown
/// options) is ignored, which makes the build a full one.
final class SiteCache: @unchecked Sendable {
  /// Where an entry's HTML sits in the blob file, and its hash to check it on reading.
  struct BlobRef: Sendable, Equatable {
    var offset: Int
    var length: Int
    var hash: UInt64
  }

  struct Record: Sendable {
    var stamp: FileStamp
    var sourceHash: ContentHash
    var page: SitePage
  }

  /// The cache file's bytes, from which unchanged records are copied as they are.
  final class Bytes: Sendable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
  }

  /// Reads checked byte ranges of the blob file, shared by the pages that still need theirs.
  final class Blob: @unchecked Sendable {
    let url: URL
    private let lock = NSLock()
    private var handle: Int32 = -1
    /// Details of an entry that the blob lost, from its Markdown again (set by the builder).
    var fallback: (@Sendable (SitePage) -> SitePage.Details)?

    init(url: URL) { self.url = url }

    deinit { if handle >= 0 { close(handle) } }

    /// The bytes at `ref`, or nil when they are missing or not what was written.
    func read(_ ref: BlobRef) -> [UInt8]? {
      let fd: Int32 = lock.withLock {
        if handle < 0 { handle = open(url.path, O_RDONLY | O_CLOEXEC) }
        return handle
      }
      guard fd >= 0, ref.length >= 0 else { return nil }
      var bytes = [UInt8](repeating: 0, count: ref.length)
      let n = bytes.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress, ref.length, off_t(ref.offset))
      }
      guard n == ref.length else { return nil }
      var hasher = StableHasher()
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
      return hasher.value == ref.hash ? bytes : nil
    }
  }

  /// A page's table of contents and search documents, read from the blob on first use.
  final class LazyDetails: @unchecked Sendable {
    private let blob: Blob
    let ref: BlobRef
    private let lock = NSLock()
    private var decoded: SitePage.Details?

    init(_ blob: Blob, _ ref: BlobRef) {
      self.blob = blob
      self.ref = ref
    }

    func value(for page: SitePage) -> SitePage.Details {
      lock.withLock {
        if let decoded { return decoded }
        let details =
          blob.read(ref).flatMap(SiteCache.decodeDetails)
          ?? blob.fallback?(page) ?? SitePage.Details(toc: [], docs: [])
        decoded = details
        return details
      }
    }
  }

  static func encodeDetails(_ details: SitePage.Details) -> [UInt8] {
    var w = BinaryWriter()
    w.write(details.toc.count)
    for item in details.toc {
      w.write(item.level)
      w.write(item.heading)
      w.write(item.anchor)
    }
    w.write(details.docs.count)
    for doc in details.docs {
      w.write(doc.anchor)
      w.write(doc.heading)
      w.write(doc.snippet)
    }
    return w.bytes
  }

  static func decodeDetails(_ bytes: [UInt8]) -> SitePage.Details? {
    var r = BinaryReader(bytes)
    var details = SitePage.Details(toc: [], docs: [])
    do {
      for _ in 0..<(try r.count()) {
        details.toc.append(
          SitePage.TOCItem(
            level: try r.int(), heading: try r.string(),
            anchor: try r.string()))
      }
      for _ in 0..<(try r.count()) {
        details.docs.append(
          SitePage.SearchDoc(
            anchor: try r.string(),
            heading: try r.string(), snippet: try r.string()))
      }
    } catch {
      return nil
    }
    return r.isAtEnd ? details : nil
  }

  /// The search index's posting lists: ascending document numbers per term, a number repeated
  /// once per occurrence (`SearchIndexBuilder.maxTermCount`).
  struct Postings: Sendable {
    var lists: [String: [UInt32]] = [:]
    var shardCount = 1
    var docCount = 0
    /// Each document's length, as `SearchIndexBuilder.lengthCode` writes it.
    var lengths: [UInt8] = []
    /// Where these postings are in the loaded cache file, while they are unchanged: saving
    /// copies those bytes instead of encoding every list again.
    var cachedBytes: Range<Int>? = nil
  }

  static let formatVersion: UInt64 = 7
  static let cacheName = "pages.bin"

  let folder: URL
  /// Identifies the Markdown options and the program that rendered the cached pages.
  let key: UInt64
  /// The records of the last build, newest entry first.
  private(set) var records: [Record] = []
  private(set) var byPath: [String: Int] = [:]
  private(set) var postings: Postings? = nil
  private var blobName: String? = nil
  /// The loaded cache file, for copying unchanged records as they are.
  private var bytes: Bytes? = nil
  /// The blob of the loaded cache.
  private(set) var blob: Blob? = nil
  private let lock = NSLock()

  private init(folder: URL, key: UInt64) {
    self.folder = folder
    self.key = key
  }

  /// The folder's cache, or an empty one when there is none or it cannot be used.
  static func load(folder: URL, key: UInt64) -> SiteCache {
    let cache = SiteCache(folder: folder, key: key)
    guard let data = readBytes(folder.appendingPathComponent(cacheName).path) else {
      return cache
    }
    do {
      try cache.decode(data)
    } catch {
      return SiteCache(folder: folder, key: key)
    }
    return cache
  }

  /// A whole file read straight into an array (not through `Data`, then copied), or nil.
  static func readBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    var complete = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var offset = 0
      while offset < size {
        let n = read(fd, buffer.baseAddress! + offset, size - offset)
        if n <= 0 { break }
        offset += n
      }
      count = offset
      complete = offset == size
    }
    return complete ? bytes : nil
  }

  func record(for path: String) -> Record? { byPath[path].map { records[$0] } }

  private func decode(_ data: [UInt8]) throws {
    let bytes = Bytes(data)
    var r = BinaryReader(data)
    guard try r.uint() == Self.formatVersion, try r.uint() == key else {
      throw BinaryReader.Malformed()
    }
    let blob = try r.string()
    guard !blob.contains("/") else { throw BinaryReader.Malformed() }
    let blobFile = Blob(url: folder.appendingPathComponent(blob))
    let count = try r.count()
    var records: [Record] = []
    records.reserveCapacity(count)
    for _ in 0..<count {
      let recordStart = r.offset
      let length = try r.count()
      let end = r.offset + length
      let stamp = FileStamp(
        size: Int64(try r.int()), modified: Int64(try r.int()),
        inode: try r.uint())
      let sourceHash = ContentHash(value: try r.uint())
      let path = try r.string()
      guard let date = JournalDate(year: try r.int(), month: try r.int(), day: try r.int())
      else { throw BinaryReader.Malformed() }
      let title = try r.string()
      let excerpt = try r.string()
      let tags = try r.strings()
      let digests = (body: try r.uint(), docs: try r.uint())
      let docCount = try r.count()
      let ref = BlobRef(offset: try r.int(), length: try r.int(), hash: try r.uint())
      let detailsRef = BlobRef(offset: try r.int(), length: try r.int(), hash: try r.uint())
      let links = try Self.decodeLinks(&r, date: date, title: title)
      guard r.offset == end else { throw BinaryReader.Malformed() }
      var page = SitePage(
        date: date, path: path, title: title, excerpt: excerpt,
        tagNames: tags, details: LazyDetails(blobFile, detailsRef), docCount: docCount,
        htmlRef: ref, digests: digests, links: links)
      page.cachedRecord = recordStart..<end
      records.append(Record(stamp: stamp, sourceHash: sourceHash, page: page))
    }
    var p = Postings()
    let postingsStart = r.offset
    p.shardCount = try r.count()
    p.docCount = try r.count()
    p.lengths = Array(try r.string().utf8)
    guard p.lengths.count == p.docCount else { throw BinaryReader.Malformed() }
    let terms = try r.count()
    p.lists.reserveCapacity(terms)
    for _ in 0..<terms {
      let term = try r.string()
      let n = try r.count()
      var list = [UInt32](repeating: 0, count: n)
      var last: UInt64 = 0
      for i in 0..<n {
        last += try r.uint()
        guard last < UInt64(p.docCount) else { throw BinaryReader.Malformed() }
        list[i] = UInt32(last)
      }
      p.lists[term] = list
    }
    guard r.isAtEnd else { throw BinaryReader.Malformed() }
    p.cachedBytes = postingsStart..<r.offset
    self.records = records
    self.byPath = Dictionary(
      records.enumerated().map { ($1.page.path, $0) }, uniquingKeysWith: { a, _ in a })
    self.postings = p
    self.blobName = blob
    self.bytes = bytes
    self.blob = blobFile
  }

  /// The HTML of a cached page, or nil when the blob cannot give it back intact.
  func html(at ref: SiteCache.BlobRef) -> String? {
    blob?.read(ref).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes the cache for the pages of this build (newest first): the HTML of pages parsed in
  /// this build is appended to the blob (a new blob when most of the old one is dead), then
  /// the index is replaced atomically. `html` gives the body of a page that the old blob lost.
  func save(
    pages: [SitePage], stamps: [String: (FileStamp, ContentHash)], postings: Postings?,
    html render: (SitePage) -> String
  ) throws {
    // Nothing new: the cache on disk says it all already.
    if bytes != nil, pages.count == records.count,
      pages.allSatisfy({ $0.cachedRecord != nil && $0.htmlRef != nil })
    {
      return
    }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var pages = pages
    let fresh = pages.indices.filter { pages[$0].htmlRef == nil }
    var live = 0
    for page in pages {
      live += (page.htmlRef?.length ?? page.html?.utf8.count ?? 0) + (page.detailsRef?.length ?? 0)
    }
    var blob = blobName
    var blobSize = 0
    if let name = blob, let size = SiteOutput.size(of: folder.appendingPathComponent(name)),
      size <= 2 * live + (1 << 20),
      pages.allSatisfy({ page in
        [page.htmlRef, page.detailsRef].allSatisfy {
          $0.map { $0.offset + $0.length <= size } ?? true
        }
      })
    {
      blobSize = size
    } else {
      blob = nil
    }
    // A new blob holds every page: read the old HTML before the old blob goes.
    let rewrite = blob == nil ? pages.indices.map { $0 } : fresh
    var appended: [UInt8] = []
    var refs: [(Int, BlobRef)] = []
    var detailsRefs: [Int: BlobRef] = [:]
    for i in rewrite {
      var body = pages[i].html ?? pages[i].htmlRef.flatMap { self.html(at: $0) } ?? render(pages[i])
      var hasher = StableHasher()
      body.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      refs.append(
        (
          i,
          BlobRef(
            offset: appended.count, length: body.utf8.count,
            hash: hasher.value)
        ))
      appended.append(contentsOf: body.utf8)
      let details = Self.encodeDetails(pages[i].details)
      var detailsHasher = StableHasher()
      details.withUnsafeBytes { detailsHasher.combine(bytes: $0) }
      detailsRefs[i] = BlobRef(
        offset: appended.count, length: details.count,
        hash: detailsHasher.value)
      appended.append(contentsOf: details)
    }
    let name = blob ?? "html-\(UUID().uuidString.prefix(8)).bin"
    let url = folder.appendingPathComponent(name)
    let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard fd >= 0 else {
      throw JournalError(.io, "cannot write: \(String(cString: strerror(errno)))", file: url.path)
    }
    var base = blobSize
    let ok = appended.withUnsafeBytes { raw -> Bool in
      var info = stat()
      if fstat(fd, &info) == 0 { base = Int(info.st_size) }
      return FileSystem.writeAll(raw, to: fd)
    }
    close(fd)
    guard ok else {
      throw JournalError(.io, "cannot write: \(String(cString: strerror(errno)))", file: url.path)
    }
    for (i, ref) in refs {
      pages[i].htmlRef = BlobRef(offset: base + ref.offset, length: ref.length, hash: ref.hash)
    }
    for (i, ref) in detailsRefs {
      detailsRefs[i] = BlobRef(offset: base + ref.offset, length: ref.length, hash: ref.hash)
    }

    var w = BinaryWriter(capacity: (bytes?.bytes.count ?? pages.count * 1024) + (1 << 16))
    w.write(Self.formatVersion)
    w.write(key)
    w.write(name)
    w.write(pages.count)
    // Unchanged records are copied as they are, when their blob references still hold.
    let old = blob == nil ? nil : bytes
    for (i, page) in pages.enumerated() {
      if let old, let range = page.cachedRecord {
        w.write(raw: old.bytes[range])
        continue
      }
      // Every page comes from a file stamped in this build; a zero stamp never matches.
      let (stamp, sourceHash) =
        stamps[page.path]
        ?? (FileStamp(size: -1, modified: 0, inode: 0), ContentHash(value: 0))
      var record = BinaryWriter()
      record.write(Int(stamp.size))
      record.write(Int(stamp.modified))
      record.write(stamp.inode)
      record.write(sourceHash.value)
      record.write(page.path)
      record.write(page.date.year)
      record.write(page.date.month)
      record.write(page.date.day)
      record.write(page.title)
      record.write(page.excerpt)
      record.write(page.tagNames)
      record.write(page.bodyDigest)
      record.write(page.docsDigest)
      record.write(page.docCount)
      let missing = BlobRef(offset: 0, length: -1, hash: 0)
      for ref in [page.htmlRef ?? missing, detailsRefs[i] ?? page.detailsRef ?? missing] {
        record.write(ref.offset)
        record.write(ref.length)
        record.write(ref.hash)
      }
      Self.encode(page.links, to: &record)
      w.write(record.bytes.count)
      w.write(raw: record.bytes)
    }
    let postings = postings ?? Postings()
    if let range = postings.cachedBytes, let old = bytes, range.upperBound <= old.bytes.count {
      w.write(raw: old.bytes[range])
    } else {
      encode(postings, to: &w)
    }
    try SiteOutput.replace(folder.appendingPathComponent(Self.cacheName), with: Data(w.bytes))
    // Blobs no longer named by the index.
    for other in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    where other.hasPrefix("html-") && other != name {
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(other))
    }
  }

  private static func encode(_ links: PageLinks, to w: inout BinaryWriter) {
    w.write(links.target.headings.flatMap { [$0.text, $0.anchor] })
    w.write(links.outgoing.count)
    for link in links.outgoing {
      let target: [String]
      switch link.reference.target {
      case .day(let date): target = ["d", date.iso]
      case .name(let name): target = ["n", name]
      case .this: target = ["t", ""]
      }
      let fragment =
        link.reference.heading.map { ["h", $0] }
        ?? link.reference.anchor.map { ["a", $0] } ?? ["", ""]
      w.write(target + fragment + [link.context, link.heading, link.anchor])
      w.write(link.line)
    }
    w.write(links.digest)
    w.write(links.images.count)
    for image in links.images {
      w.write([image.written, image.source ?? ""])
      w.write(image.line)
      w.write((image.hash == nil ? 0 : 1) + (image.isImage ? 2 : 0))
      w.write(image.hash ?? 0)
    }
  }

  private static func decodeLinks(_ r: inout BinaryReader, date: JournalDate, title: String)
    throws -> PageLinks
  {
    let flat = try r.strings()
    guard flat.count % 2 == 0 else { throw BinaryReader.Malformed() }
    let headings = stride(from: 0, to: flat.count, by: 2).map {
      LinkTargets.Target.Heading(text: flat[$0], anchor: flat[$0 + 1])
    }
    let count = try r.count()
    var outgoing: [PageLinks.Outgoing] = []
    outgoing.reserveCapacity(count)
    for _ in 0..<count {
      let f = try r.strings()
      guard f.count == 7 else { throw BinaryReader.Malformed() }
      let target: LinkReference.Target
      switch f[0] {
      case "d":
        guard let day = JournalDate(iso: f[1]) else { throw BinaryReader.Malformed() }
        target = .day(day)
      case "n": target = .name(f[1])
      case "t": target = .this
      default: throw BinaryReader.Malformed()
      }
      let reference = LinkReference(
        target: target, heading: f[2] == "h" ? f[3] : nil, anchor: f[2] == "a" ? f[3] : nil)
      outgoing.append(
        PageLinks.Outgoing(
          reference: reference, context: f[4], heading: f[5], anchor: f[6],
          line: try r.int()))
    }
    let digest = try r.uint()
    let imageCount = try r.count()
    var images: [PageFile] = []
    images.reserveCapacity(imageCount)
    for _ in 0..<imageCount {
      let f = try r.strings()
      guard f.count == 2 else { throw BinaryReader.Malformed() }
      let line = try r.int()
      let known = try r.uint()
      let hash = try r.uint()
      images.append(
        PageFile(
          written: f[0], source: f[1].isEmpty ? nil : f[1], hash: known & 1 == 1 ? hash : nil,
          line: line, isImage: known & 2 == 2))
    }
    return PageLinks(
      target: LinkTargets.Target(date: date, title: title, headings: headings),
      outgoing: outgoing, digest: digest, images: images)
  }

  private func encode(_ postings: Postings, to w: inout BinaryWriter) {
    w.write(postings.shardCount)
    w.write(postings.docCount)
    w.write(String(decoding: postings.lengths, as: UTF8.self))
    w.write(postings.lists.count)
    for (term, list) in postings.lists {
      w.write(term)
      w.write(list.count)
      var last: UInt32 = 0
      for id in list {
        w.write(UInt64(id - last))
        last = id
      }
    }
  }
}
