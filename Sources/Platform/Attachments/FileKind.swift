import Foundation

/// The kinds of document people attach, recognised from their first bytes, never from their name: PDF, PNG, JPEG,
/// WebP, spreadsheets (XLSX, ODS) and CSV text. Anything else is refused.
public enum FileKind: String, CaseIterable, Sendable {
    case pdf, png, jpeg, webp, xlsx, ods, csv

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    public var fileExtension: String { rawValue == "jpeg" ? "jpg" : rawValue }

    /// The kind of these bytes, or nil.
    public static func sniff(_ data: Data) -> FileKind? {
        let bytes = [UInt8](data.prefix(64))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            // An OpenDocument file names its type first, uncompressed; an Office file lists `xl/` parts.
            if starts(Array("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8), at: 30) { return .ods }
            if data.range(of: Data("xl/workbook".utf8)) != nil { return .xlsx }
            return nil
        }
        // CSV: UTF-8 text without control bytes (but tabs and line ends), with a separator on its first line.
        guard !data.isEmpty, let text = String(data: data.prefix(65_536), encoding: .utf8) ?? String(data: data, encoding: .utf8)
        else { return nil }
        let controls = text.unicodeScalars.contains { $0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value) }
        let firstLine = text.split(whereSeparator: \.isNewline).first ?? ""
        if !controls, firstLine.contains(",") || firstLine.contains(";") || firstLine.contains("\t") { return .csv }
        return nil
    }
}
