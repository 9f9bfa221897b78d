import Foundation

/// The body of `/healthz`: the service answers, and each worker says how it is.
struct HealthReport: Encodable {
    var status = "ok"
    var workers: [String: Operations.WorkerState]

    var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return Array((try? encoder.encode(self)) ?? Data("{\"status\":\"ok\"}".utf8)) + [10]
    }
}
