import Foundation

/// Room capacities from a CSV with a `name,capacity` header, as FOSDEM publishes them.
public enum RoomCapacities {
    /// Seats per room name.
    public static func read(_ path: String) throws -> [String: Int] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProgrammeError("\(path): error: cannot read the capacities file")
        }
        var out: [String: Int] = [:]
        for (n, line) in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).enumerated() {
            guard let comma = line.lastIndex(of: ",") else { continue }
            let name = line[..<comma].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let value = line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            if n == 0 && Int(value) == nil { continue }
            guard let seats = Int(value), seats > 0 else {
                throw ProgrammeError("\(path):\(n + 1): error: capacity '\(value)' of '\(name)' is not a positive whole number")
            }
            out[name] = seats
        }
        return out
    }
}
