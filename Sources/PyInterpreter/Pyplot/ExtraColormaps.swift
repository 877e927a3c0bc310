/// Colormaps the journal's cells name that the plotting engine's tables lack: matplotlib's
/// ColorBrewer diverging maps, which are defined by these 11 colours exactly (matplotlib
/// interpolates linearly between them, as `Colormap` does).
enum ExtraColormaps {
  static let tables: [String: [UInt32]] = [
    "Spectral": [
      0x9e0142, 0xd53e4f, 0xf46d43, 0xfdae61, 0xfee08b, 0xffffbf, 0xe6f598, 0xabdda4, 0x66c2a5,
      0x3288bd, 0x5e4fa2,
    ],
    "RdYlBu": [
      0xa50026, 0xd73027, 0xf46d43, 0xfdae61, 0xfee090, 0xffffbf, 0xe0f3f8, 0xabd9e9, 0x74add1,
      0x4575b4, 0x313695,
    ],
    "RdYlGn": [
      0xa50026, 0xd73027, 0xf46d43, 0xfdae61, 0xfee08b, 0xffffbf, 0xd9ef8b, 0xa6d96a, 0x66bd63,
      0x1a9850, 0x006837,
    ],
  ]

  /// The engine's map of that name, else one of these; `_r` reverses, as in matplotlib.
  static func named(_ name: String) -> Colormap? {
    if let map = Colormap(named: name) { return map }
    let reversed = name.hasSuffix("_r")
    let base = reversed ? String(name.dropLast(2)) : name
    guard let table = tables[base] else { return nil }
    let colors = table.map { Color(hex: $0) }
    return Colormap(name: name, samples: reversed ? colors.reversed() : colors)
  }

  /// Every known name, with its reversed form.
  static var names: [String] {
    let bases = Set(Colormap.names).union(tables.keys).sorted()
    return bases.flatMap { [$0, $0 + "_r"] }
  }
}
