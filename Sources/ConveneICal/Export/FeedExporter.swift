public import ConveneCore
public import Foundation

/// Writes every feed of a publication and the index into a folder.
public enum FeedExporter {
    /// One rendered file: where it goes under the output folder, and its bytes.
    public struct File: Sendable {
        /// Relative to the output folder.
        public var path: String
        /// The file's exact contents.
        public var bytes: Data
    }

    /// What an export did: every feed, and how many files actually changed.
    public struct Summary: Sendable {
        /// Every feed of the publication.
        public var feeds: [Feed]
        /// Files whose bytes changed and were written.
        public var changed: Int
    }

    /// Renders the feeds (and the index) without touching the disk.
    ///
    /// - Parameter only: paths of the feeds to render (e.g. `event.ics`); all when empty.
    public static func render(_ publication: Publication, only: [String] = []) throws -> (feeds: [Feed], files: [File]) {
        let feeds = FeedCatalog.feeds(of: publication)
        let known = Set(feeds.map(\.path))
        if let unknown = only.first(where: { !known.contains($0) }) {
            throw ICalError(field: "feed", message: "no feed '\(unknown)'; feeds are \(feeds.prefix(3).map(\.path).joined(separator: ", ")), …")
        }
        var files: [File] = []
        for feed in feeds where only.isEmpty || only.contains(feed.path) {
            files.append(File(path: feed.path, bytes: Data(try FeedWriter.render(feed, of: publication).utf8)))
        }
        files.append(File(path: FeedCatalog.indexPath, bytes: try FeedCatalog.index(of: feeds, event: publication.event)))
        return (feeds, files)
    }

    /// Writes rendered files atomically; unchanged files are left alone, so their bytes, dates
    /// and ETags stay as they were. Returns how many changed.
    public static func write(_ files: [File], to directory: String) throws -> Int {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        var changed = 0
        for file in files {
            let url = root.appendingPathComponent(file.path)
            if let old = FileManager.default.contents(atPath: url.path), old == file.bytes { continue }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.bytes.write(to: url, options: .atomic)
            } catch {
                throw ICalError(file: url.path, message: "cannot write the feed: \(error.localizedDescription)")
            }
            changed += 1
        }
        return changed
    }

    /// Renders everything first, then writes: a rendering error leaves the folder as it was.
    public static func write(_ publication: Publication, to directory: String, only: [String] = []) throws -> Summary {
        let rendered = try render(publication, only: only)
        return Summary(feeds: rendered.feeds, changed: try write(rendered.files, to: directory))
    }
}
