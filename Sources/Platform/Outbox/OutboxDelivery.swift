import Fluent
import Foundation
import Vapor

/// Delivers pending outbox messages through a sendmail-compatible program (`-t -i`, message on stdin),
/// retrying failures with growing delays and giving up after ``maxAttempts``.
public struct OutboxDelivery: Sendable {
    public static let maxAttempts = 8
    /// Delay before attempt n+1, in seconds: 1 min, 5 min, 15 min, 1 h, then 6 h.
    static func backoff(afterAttempt attempt: Int) -> TimeInterval {
        [60, 300, 900, 3600][safe: attempt - 1] ?? 21_600
    }

    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
    }

    let sendmailPath: String
    let from: String

    public init(sendmailPath: String, from: String) {
        self.sendmailPath = sendmailPath
        self.from = from
    }

    /// Tries every message that is due; returns what happened.
    public func deliverDue(on db: any Database, now: Date, threadPool: NIOThreadPool) async throws -> Report {
        var report = Report()
        let due = try await OutboxMessage.query(on: db).filter(\.$status == .pending)
            .filter(\.$nextAttemptAt <= now).sort(\.$createdAt).limit(100).all()
        for message in due {
            let outcome = await send(message, threadPool: threadPool)
            message.attempts += 1
            switch outcome {
            case .success:
                message.status = .sent
                message.sentAt = now
                message.lastError = nil
                message.secret = nil
                message.secretExpiresAt = nil
                report.sent += 1
            case .failure(let reason):
                message.lastError = String(reason.reason.prefix(500))
                if message.attempts >= Self.maxAttempts {
                    message.status = .failed
                    report.failed += 1
                } else {
                    message.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempt: message.attempts))
                    report.retrying += 1
                }
            }
            try await message.save(on: db)
        }
        return report
    }

    private func send(_ message: OutboxMessage, threadPool: NIOThreadPool) async -> Result<Void, SendFailure> {
        let text = render(message)
        let path = sendmailPath
        do {
            return try await threadPool.runIfActive {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = ["-t", "-i"]
                let input = Pipe(), errors = Pipe()
                process.standardInput = input
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                do { try process.run() } catch { return .failure(SendFailure("cannot start \(path): \(error)")) }
                // The program may exit without reading (a refusal): a broken pipe is then its answer, not ours.
                try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
                try? input.fileHandleForWriting.close()
                process.waitUntilExit()
                if process.terminationStatus == 0 { return .success(()) }
                let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                return .failure(SendFailure("exit \(process.terminationStatus): \(detail)"))
            }
        } catch {
            return .failure(SendFailure("\(error)"))
        }
    }

    /// RFC 5322 message with an RFC 2047 encoded subject, so Arabic subjects survive.
    func render(_ message: OutboxMessage) -> String {
        let subject = "=?UTF-8?B?" + Data(message.subject.utf8).base64EncodedString() + "?="
        return [
            "From: \(from)", "To: \(message.recipient)", "Subject: \(subject)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "", message.deliverableBody, "",
        ].joined(separator: "\r\n")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
