public import ConveneCore
import Foundation

/// Writes a publication's frab schedule into a folder as `schedule.xml` or `schedule.json`.
public enum FrabExport {
    /// What was written.
    public struct Written: Sendable {
        /// The file written (or left as it was).
        public var path: String
        /// Sessions in it.
        public var events: Int
        /// False when the file already held these bytes (it is then left alone).
        public var changed: Bool
    }

    /// The file name of each format.
    public static func fileName(xml: Bool) -> String { xml ? "schedule.xml" : "schedule.json" }

    /// Renders first, then writes atomically; an unchanged file keeps its bytes and date.
    public static func write(_ publication: Publication, xml: Bool, language: Language?, baseURL: String?, to directory: String) throws -> Written {
        let schedule = FrabSchedule(publication, language: language, baseURL: baseURL)
        let bytes = Data((xml ? schedule.xml : try schedule.json()).utf8)
        let url = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(fileName(xml: xml))
        if FileManager.default.contents(atPath: url.path) == bytes {
            return Written(path: url.path, events: schedule.eventCount, changed: false)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw ProgrammeError("\(url.path): error: cannot write (\(error.localizedDescription))")
        }
        return Written(path: url.path, events: schedule.eventCount, changed: true)
    }
}
