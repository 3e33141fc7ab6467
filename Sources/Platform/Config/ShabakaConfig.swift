import Foundation

/// Everything Shabaka reads from the environment, parsed once at start.
///
/// Each variable, its default and its meaning is listed in the README ("Configuration").
public struct ShabakaConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        /// PostgreSQL; `schema` (tests only) isolates one test's tables in their own schema.
        case postgres(url: String, schema: String? = nil)
        case sqlite(path: String)
        case sqliteMemory
    }

    public var database: DatabaseChoice
    /// Load the demo data on first start.
    public var loadDemoData: Bool
    /// Path of a sendmail-compatible program (`sendmail -t` semantics); nil keeps mail in the outbox.
    public var sendmailPath: String?
    /// Absolute base URL used in links inside e-mails.
    public var baseURL: String
    /// Mark cookies `Secure` (set when served behind TLS).
    public var secureCookies: Bool
    /// Bcrypt cost; tests lower it to keep the suite fast.
    public var bcryptCost: Int
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// Sender address of outgoing mail.
    public var mailFrom: String
    /// Where people write to the network (`SHABAKA_CONTACT_EMAIL`): shown on the contact, legal, privacy and
    /// accessibility pages.
    public var contactEmail: String = "contact@shabaka.local"
    /// PostgreSQL connections per event loop.
    public var databasePoolSize: Int = 4
    /// How long a request waits for a free PostgreSQL connection before it fails (`SHABAKA_DB_POOL_WAIT`, seconds): a
    /// burst (fifty people registering for one training at once) waits its turn rather than failing.
    public var databasePoolWaitSeconds: Int = 30
    /// How long a browser session lives without a request, and at most.
    public var sessionLimits: SessionLimits = .standard
    /// Sign-in, sign-up and reset attempts allowed from one address per minute (many people share an address).
    public var attemptsPerAddressPerMinute: Int = 30
    /// API requests allowed per minute with one token (`SHABAKA_API_RATE_PER_TOKEN`), and without a token from one
    /// address (`SHABAKA_API_RATE_PER_ADDRESS`): ``APIRateLimit``.
    public var apiRequestsPerTokenPerMinute: Int = 600
    public var apiRequestsPerAddressPerMinute: Int = 300
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: TrustedProxies = .none
    /// Where attached documents are stored, outside the database (`SHABAKA_FILES`); nil: a `files` folder beside
    /// the SQLite file, or in the working directory.
    public var filesDirectory: String?
    /// Largest attached document, in bytes (`SHABAKA_MAX_UPLOAD_BYTES`).
    public var maxUploadBytes: Int = 10 * 1_048_576

    public init(
        database: DatabaseChoice,
        loadDemoData: Bool = true,
        sendmailPath: String? = nil,
        baseURL: String = "http://127.0.0.1:8080",
        secureCookies: Bool = false,
        bcryptCost: Int = 12,
        maxBodyBytes: Int = 1_048_576,
        mailFrom: String = "no-reply@shabaka.local"
    ) {
        self.database = database
        self.loadDemoData = loadDemoData
        self.sendmailPath = sendmailPath
        self.baseURL = baseURL
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.maxBodyBytes = maxBodyBytes
        self.mailFrom = mailFrom
    }

    /// Reads the process environment; throws listing every invalid variable at once.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Self {
        var problems: [String] = []
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must start with postgres:// (got \(url.prefix(12))…)")
                database = .sqliteMemory
            }
        } else {
            database = .sqlite(path: env["SHABAKA_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "./shabaka.sqlite")
        }
        func flag(_ name: String, default value: Bool) -> Bool {
            guard let raw = env[name]?.lowercased(), !raw.isEmpty else { return value }
            switch raw {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default:
                problems.append("\(name) must be 0 or 1 (got \(raw))")
                return value
            }
        }
        func integer(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = env[name], !raw.isEmpty else { return value }
            guard let number = Int(raw), range.contains(number) else {
                problems.append("\(name) must be a whole number in \(range.lowerBound)...\(range.upperBound) (got \(raw))")
                return value
            }
            return number
        }
        var config = Self(database: database)
        config.loadDemoData = flag("SHABAKA_DEMO", default: true)
        config.secureCookies = flag("SHABAKA_SECURE_COOKIES", default: false)
        config.sendmailPath = env["SHABAKA_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 }
        config.baseURL = env["SHABAKA_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.baseURL
        config.bcryptCost = integer("SHABAKA_BCRYPT_COST", default: 12, range: 4...31)
        config.maxBodyBytes = integer("SHABAKA_MAX_BODY_BYTES", default: 1_048_576, range: 1024...1_073_741_824)
        config.maxUploadBytes = integer("SHABAKA_MAX_UPLOAD_BYTES", default: 10 * 1_048_576, range: 1024...1_073_741_824)
        config.filesDirectory = env["SHABAKA_FILES"].flatMap { $0.isEmpty ? nil : $0 }
        config.mailFrom = env["SHABAKA_MAIL_FROM"].flatMap { $0.isEmpty ? nil : $0 } ?? config.mailFrom
        config.contactEmail = env["SHABAKA_CONTACT_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? config.contactEmail
        config.databasePoolSize = integer("SHABAKA_DB_POOL", default: 4, range: 1...64)
        config.databasePoolWaitSeconds = integer("SHABAKA_DB_POOL_WAIT", default: 30, range: 1...3600)
        config.sessionLimits = SessionLimits(
            idle: TimeInterval(integer("SHABAKA_SESSION_IDLE_MINUTES", default: 120, range: 5...43_200) * 60),
            lifetime: TimeInterval(integer("SHABAKA_SESSION_MAX_HOURS", default: 168, range: 1...8_760) * 3600))
        config.attemptsPerAddressPerMinute = integer("SHABAKA_THROTTLE_PER_ADDRESS", default: 30, range: 5...100_000)
        config.apiRequestsPerTokenPerMinute = integer("SHABAKA_API_RATE_PER_TOKEN", default: 600, range: 1...10_000_000)
        config.apiRequestsPerAddressPerMinute = integer("SHABAKA_API_RATE_PER_ADDRESS", default: 300, range: 1...10_000_000)
        switch TrustedProxies.parse(env["SHABAKA_TRUSTED_PROXIES"] ?? "") {
        case .success(let proxies): config.trustedProxies = proxies
        case .failure(let invalid):
            problems.append("SHABAKA_TRUSTED_PROXIES must list addresses or CIDR ranges (got \(invalid.entry))")
        }
        if !problems.isEmpty {
            throw ConfigurationError(problems: problems)
        }
        return config
    }
}
