/// Which coordinate system an artist's x and y values live in.
enum Coordinates: Sendable {
  /// Both in data space.
  case data
  /// x as a fraction of the axes width, y in data space (axhline).
  case axesXDataY
  /// x in data space, y as a fraction of the axes height (axvline).
  case dataXAxesY
  /// Both as fractions of the axes box (text with `transform=ax.transAxes`).
  case axes
}

/// A polyline with optional markers (`Axes.plot`, `axhline`, `errorbar`'s data line).
struct LineArtist {
  var xs: [Double]
  var ys: [Double]
  var color: Color
  var width: Double
  var style: LineStyle
  var marker: Marker?
  var markerSize: Double
  var markerFace: Color
  var alpha: Double
  var coordinates: Coordinates = .data
  var zorder: Double = 2
}

/// Markers of individual sizes and colours (`Axes.scatter`).
struct ScatterArtist {
  var xs: [Double]
  var ys: [Double]
  /// Marker areas in pt², as matplotlib's `s`.
  var sizes: [Double]
  var colors: [Color]
  var marker: Marker
  var edgeColor: Color?
  var edgeWidth: Double
  var alpha: Double
}

/// Axis-aligned rectangles in data space (bars, histogram bars).
struct RectArtist {
  var rects: [(x: Double, y: Double, width: Double, height: Double)]
  var faces: [Color]
  var edge: Color?
  var edgeWidth: Double
  var alpha: Double
}

/// Filled and/or stroked polygons in data space (fill_between, contourf bands, step histograms).
struct PolygonArtist {
  var polygons: [[(x: Double, y: Double)]]
  var fill: Color?
  var edge: Color?
  var edgeWidth: Double
  var alpha: Double
  var closed: Bool = true
  var style: LineStyle = .solid
  var zorder: Double = 1
}

/// Many independent polylines sharing a style (contour lines, error bars).
struct SegmentsArtist {
  var segments: [[(x: Double, y: Double)]]
  var color: Color
  var width: Double
  var style: LineStyle
  var alpha: Double
  var zorder: Double = 2
}

/// A 2-D grid of values shown through a colormap (`imshow`).
struct ImageArtist {
  var values: [[Double]]
  var mappable: ScalarMappable
  /// Left, right, bottom, top of the image in data space.
  var extent: (left: Double, right: Double, bottom: Double, top: Double)
  /// Whether row 0 is at the top (matplotlib's default `origin="upper"`).
  var originUpper: Bool
  var alpha: Double
}

/// A text label placed in the axes.
struct TextArtist {
  var x: Double
  var y: Double
  var text: String
  var fontSize: Double
  var color: Color
  var horizontal: HorizontalAlignment
  var vertical: VerticalAlignment
  var rotation: Double
  var coordinates: Coordinates
}

/// Anything an Axes draws inside its box.
enum Artist {
  case line(LineArtist)
  case scatter(ScatterArtist)
  case rects(RectArtist)
  case polygons(PolygonArtist)
  case segments(SegmentsArtist)
  case image(ImageArtist)
  case text(TextArtist)

  /// matplotlib's drawing order: images, then patches and collections, then lines, then text.
  var zorder: Double {
    switch self {
    case .image: return 0
    case .rects: return 1
    case .polygons(let polygon): return polygon.zorder
    case .scatter: return 1
    case .segments(let segments): return segments.zorder
    case .line(let line): return line.zorder
    case .text: return 3
    }
  }
}

/// What a legend entry shows next to its label.
enum LegendHandle {
  case line(
    color: Color, width: Double, style: LineStyle, marker: Marker?, markerSize: Double,
    alpha: Double)
  case patch(face: Color?, edge: Color?, alpha: Double)
  case marker(Marker, color: Color, edge: Color?, edgeWidth: Double, alpha: Double)
}

/// Data-to-colour mapping of an image, scatter or contour set, for colorbars.
public struct ScalarMappable: Sendable {
  public var colormap: Colormap
  public var vmin: Double
  public var vmax: Double
  /// Contour levels: a colorbar then shows bands (filled) or lines at these values.
  public var levels: [Double]?
  public var filled: Bool

  public init(
    colormap: Colormap, vmin: Double, vmax: Double, levels: [Double]? = nil, filled: Bool = true
  ) {
    self.colormap = colormap
    self.vmin = vmin
    self.vmax = vmax
    self.levels = levels
    self.filled = filled
  }

  /// The colour of a data value.
  public func color(_ value: Double) -> Color {
    let span = vmax - vmin
    return colormap(span == 0 ? 0.5 : (value - vmin) / span)
  }
}

/// What `Axes.hist` computed: counts (or densities) per bin and the bin edges.
public struct Histogram: Equatable, Sendable {
  public var counts: [Double]
  public var edges: [Double]
}
