/// Bytes as lowercase hexadecimal, two characters each: digests, keyed hashes and random tokens are written this
/// way. Built from a table (`String(format:)` per byte cost a ballot a visible share of its time).
extension Sequence where Element == UInt8 {
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
