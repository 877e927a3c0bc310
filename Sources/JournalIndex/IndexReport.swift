import JournalCore

/// What one index update found and did.
public struct IndexReport: Sendable, Hashable {
  /// New day files indexed.
  public var added = 0
  /// Day files whose content changed, indexed again.
  public var changed = 0
  /// Day files gone from disk, removed from the index.
  public var deleted = 0
  /// Day files that moved to a new name with the same content.
  public var renamed = 0
  /// Day files whose size or mtime changed but whose content did not.
  public var touched = 0
  /// Day files found unchanged by the cheap check.
  public var unchanged = 0
  /// Day files that could not be indexed (bad name, bad front matter, not UTF-8).
  public var problems: [JournalError] = []

  public init() {}

  /// Whether the update wrote nothing.
  public var isNoOp: Bool { added + changed + deleted + renamed + touched == 0 }

  /// Files now in the index.
  public var total: Int { added + changed + renamed + touched + unchanged }
}
