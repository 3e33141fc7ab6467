import Foundation
import NIOCore
import Vapor

/// A `multipart/form-data` body as a browser sends a form with a file (`file` field), and its content type.
public func multipartBody(_ fields: [(String, String)], file: (name: String, data: Data)?) -> (HTTPHeaders, ByteBuffer) {
    let boundary = "----shabaka" + UUID().uuidString
    var body = Data()
    for (name, value) in fields {
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }
    if let file {
        body += Data(("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                      + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        body += file.data + Data("\r\n".utf8)
    }
    body += Data("--\(boundary)--\r\n".utf8)
    var headers = HTTPHeaders()
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    return (headers, ByteBuffer(data: body))
}
