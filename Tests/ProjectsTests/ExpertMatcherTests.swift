import Foundation
import Projects
import Testing

@Suite("Expert matching: the ranking and its reasons")
struct ExpertMatcherTests {
    func candidate(_ name: String, _ domains: Set<String>, wilaya: String?, languages: Set<String>, _ availability: String)
        -> ExpertMatcher.Candidate
    {
        .init(id: UUID(), name: name, domains: domains, wilayaCode: wilaya, languages: languages, availability: availability)
    }

    @Test func domainThenWilayaThenLanguageThenAvailability() {
        // arrange: a request for solidarity-economy crafts help in Ghardaïa (47), in Arabic
        let request = ExpertMatcher.Need(domain: "sse.crafts", wilayaCode: "47", language: "ar")
        let candidates = [
            candidate("Amina", ["sse.crafts"], wilaya: "47", languages: ["ar", "fr"], "available"),   // 40+20+20+15
            candidate("Bachir", ["sse.crafts"], wilaya: "16", languages: ["ar"], "limited"),          // 40+20+5
            candidate("Chafia", ["sse.tourism"], wilaya: "47", languages: ["ar"], "available"),       // 15+20+20+15
            candidate("Djamel", ["democracy.consultation"], wilaya: "47", languages: ["ar"], "available"), // no domain
            candidate("Fatima", ["sse.crafts"], wilaya: "47", languages: ["ar"], "unavailable"),      // left out
            candidate("Ali", ["sse.crafts"], wilaya: "16", languages: ["fr"], "available"),           // 40+15
        ]

        // act
        let ranked = ExpertMatcher.rank(request, among: candidates)

        // assert
        #expect(ranked.map(\.candidate.name) == ["Amina", "Chafia", "Bachir", "Ali"])
        #expect(ranked.map(\.score) == [95, 70, 65, 55])
        #expect(ranked[0].reasons.map(\.code) == ["domain", "wilaya", "language", "available"])
        #expect(ranked[1].reasons.first == ExpertMatcher.Reason(code: "related_domain", points: 15, argument: "sse.tourism"))
        #expect(ranked[2].reasons.map(\.code) == ["domain", "language", "limited"])
        #expect(!ranked.contains { $0.candidate.name == "Djamel" || $0.candidate.name == "Fatima" })
    }

    @Test func equalScoresGoByName() {
        let request = ExpertMatcher.Need(domain: "sse.care", wilayaCode: nil, language: "fr")
        let ranked = ExpertMatcher.rank(request, among: [
            candidate("Zoubir", ["sse.care"], wilaya: "01", languages: ["fr"], "available"),
            candidate("Karima", ["sse.care"], wilaya: "02", languages: ["fr"], "available"),
        ])
        #expect(ranked.map(\.candidate.name) == ["Karima", "Zoubir"])
        #expect(ranked.allSatisfy { !$0.reasons.contains { $0.code == "wilaya" } })
    }
}
