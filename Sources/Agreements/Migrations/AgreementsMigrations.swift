import Fluent
import SQLKit

enum AgreementsMigrations {
    static let all: [any Migration] = [CreateAgreements(), CreateStrategies(), CreateCommitments(),
                                       AddMeasurementRecorderID(), AddIndicatorMethod(), AddMeasurementPeriodSort()]
}
