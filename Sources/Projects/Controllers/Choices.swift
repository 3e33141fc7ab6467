import Directory
import Fluent
import Foundation
import Platform
import Vapor

enum Choices {
    /// An amount in minor units as the reader writes it (``MoneyText``).
    static func money(_ minor: Int64, _ currency: String, _ req: Request) -> String {
        MoneyText.format(minor, currency: currency, in: req.language, catalog: req.application.catalog)
    }
}

extension Translated {
    /// A text typed in one language.
    init(_ language: SiteLanguage, _ text: String) {
        switch language {
        case .ar: self.init(ar: text)
        case .fr: self.init(fr: text)
        case .en: self.init(en: text)
        }
    }
}
