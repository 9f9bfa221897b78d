public import ConveneCore
import Foundation

/// Writes every feed of a publication and the index into a folder.
public enum FeedExporter {
    /// What an export did: every feed, and how many files actually changed.
    public struct Summary: Sendable {
        public var feeds: [Feed]
        public var changed: Int
    }

    /// Renders all feeds first, then writes each file atomically; unchanged files are left alone,
    /// so their bytes, dates and ETags stay as they were.
    public static func write(_ publication: Publication, to directory: String) throws -> Summary {
        let feeds = FeedCatalog.feeds(of: publication)
        var files: [(String, String)] = []
        for feed in feeds { files.append((feed.path, try FeedWriter.render(feed, of: publication))) }
        files.append((FeedCatalog.indexPath, FeedCatalog.index(of: feeds, event: publication.event)))
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        var changed = 0
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            let data = Data(text.utf8)
            if let old = FileManager.default.contents(atPath: url.path), old == data { continue }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw ICalError(file: url.path, message: "cannot write the feed: \(error.localizedDescription)")
            }
            changed += 1
        }
        return Summary(feeds: feeds, changed: changed)
    }
}
