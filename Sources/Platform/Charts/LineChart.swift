import Foundation

/// Values over time (one point a year) as a line in inline SVG, drawn by `platform/line-chart` from these positions
/// (no script, no inline style). Across, positions are percentages of the chart's width, so the line fits any
/// screen while the text keeps its size; on a right-to-left page time runs from the right, as the page reads.
/// Every point carries its value as text above it, and the table beside the chart repeats them; screen readers get
/// the `<title>` and `aria-label`, which say every value.
public struct LineChart: Encodable, Sendable {
    public struct Point: Encodable, Sendable {
        let label: String
        let value: String
        let x: String
        let y: Int
        let valueY: Int
    }

    public struct Segment: Encodable, Sendable {
        let x1: String
        let y1: Int
        let x2: String
        let y2: Int
    }

    static let top = 28
    static let plot = 96
    static let height = 160

    let id: String
    let summary: String
    let height: Int
    let baseline: Int
    let labelY: Int
    let points: [Point]
    let segments: [Segment]

    /// `points`: each point's label (a year), its value and the value as the page writes it, in time order.
    public init(id: String, title: String, points: [(label: String, value: Double, text: String)], rtl: Bool,
                separator: String) {
        self.id = id
        summary = title + ": " + points.map { $0.label + " " + $0.text }.joined(separator: separator)
        height = Self.height
        baseline = Self.top + Self.plot
        labelY = Self.top + Self.plot + 24
        let largest = max(1, points.map(\.value).max() ?? 1)
        // Points sit in the middle of equal columns, so the first and last labels stay inside the chart.
        let column = 100.0 / Double(max(1, points.count))
        let placed = points.enumerated().map { index, point -> (x: Double, y: Int, point: (String, Double, String)) in
            let across = column * (Double(index) + 0.5)
            let y = Self.top + Self.plot - Int((Double(Self.plot) * max(0, point.value) / largest).rounded())
            return (rtl ? 100 - across : across, y, point)
        }
        self.points = placed.map {
            Point(label: $0.point.0, value: $0.point.2, x: BarChart.percent($0.x), y: $0.y, valueY: $0.y - 8)
        }
        segments = zip(placed, placed.dropFirst()).map {
            Segment(x1: BarChart.percent($0.x), y1: $0.y, x2: BarChart.percent($1.x), y2: $1.y)
        }
    }
}

/// One tile per wilaya, coloured by its value in five steps, drawn by `platform/tile-chart` (a 10-column grid in
/// the wilayas' code order, starting where the page's lines start). The SVG scales as a whole (a view box), so it
/// fits a phone; each tile names its wilaya and value in a `<title>`, and the table beside it lists them all.
public struct TileChart: Encodable, Sendable {
    public struct Tile: Encodable, Sendable {
        let code: String
        let title: String
        let x: Int
        let y: Int
        let textX: Int
        let textY: Int
        /// 0 (nothing) … 5 (the largest values): the CSS class `tile-N` gives the colour.
        let step: Int
    }

    static let columns = 10
    static let size = 40
    static let gap = 4

    let id: String
    let summary: String
    let width: Int
    let height: Int
    let tiles: [Tile]

    /// `tiles`: each wilaya's code, its name and value as the page writes them, and the value, in code order.
    public init(id: String, title: String, tiles: [(code: String, name: String, value: Double, text: String)], rtl: Bool,
                separator: String) {
        self.id = id
        let shown = tiles.filter { $0.value > 0 }
        summary = title + ": " + (shown.isEmpty ? "—" : shown.map { "\($0.name) \($0.text)" }.joined(separator: separator))
        let pitch = Self.size + Self.gap
        let rows = (tiles.count + Self.columns - 1) / Self.columns
        width = Self.columns * pitch - Self.gap
        height = max(1, rows) * pitch - Self.gap
        let largest = max(1, tiles.map(\.value).max() ?? 1)
        let total = width
        self.tiles = tiles.enumerated().map { index, tile in
            let column = index % Self.columns, row = index / Self.columns
            let x = rtl ? total - (column + 1) * pitch + Self.gap : column * pitch
            let step = tile.value <= 0 ? 0 : min(5, max(1, Int((5 * tile.value / largest).rounded(.up))))
            return Tile(code: tile.code, title: "\(tile.code) \(tile.name): \(tile.text)", x: x, y: row * pitch,
                        textX: x + Self.size / 2, textY: row * pitch + Self.size / 2 + 5, step: step)
        }
    }
}
