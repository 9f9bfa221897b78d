/// Where each component and property of a calendar's text starts, by physical line.
///
/// libical keeps no line numbers, but it keeps components in document order, so the n-th
/// component met walking the parsed tree depth-first is the n-th `BEGIN:` line here.
/// Lines end as libical ends them: CRLF, a bare LF and a bare CR each end one line.
struct SourceMap {
    /// One property line: its name (upper case), where it starts, and where its line starts in the text.
    struct Property {
        var name: String
        var line: Int
        var offset: Int
    }

    struct Block {
        var name: String
        var line: Int
        /// 1 for a top-level component, 2 for its children, and so on.
        var depth: Int
        /// Property names (upper case) with the line each starts on, in order.
        var properties: [Property] = []
    }

    private(set) var blocks: [Block] = []
    /// The first line whose BEGIN nests deeper than `CalendarLimits.maximumNesting`, if any.
    private(set) var tooDeep: Int?
    /// The byte offset at which each line starts; line n starts at `lineStarts[n - 1]`.
    private(set) var lineStarts: [Int] = []
    private let bytes: [UInt8]

    init(text: String) {
        bytes = Array(text.utf8)
        var stack: [Int] = []
        bytes.withUnsafeBufferPointer { scan($0, &stack) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ stack: inout [Int]) {
        var i = 0
        let n = bytes.count
        while i < n {
            lineStarts.append(i)
            let lineNumber = lineStarts.count
            let start = i
            while i < n, bytes[i] != 10, bytes[i] != 13 { i += 1 }
            let end = i
            if i < n, bytes[i] == 13 {
                i += 1
                if i < n, bytes[i] == 10 { i += 1 }
            } else if i < n {
                i += 1
            }
            // Continuation lines (folded) start with a space or tab and name nothing.
            guard end > start, bytes[start] != 32, bytes[start] != 9 else { continue }
            var nameEnd = start
            while nameEnd < end, bytes[nameEnd] != 58, bytes[nameEnd] != 59 { nameEnd += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<nameEnd]), as: UTF8.self).uppercased()
            if name == "BEGIN" || name == "END" {
                let valueStart = min(nameEnd + 1, end)
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<end]), as: UTF8.self)
                    .uppercased().trimmingSpaces
                if name == "BEGIN" {
                    stack.append(blocks.count)
                    blocks.append(Block(name: value, line: lineNumber, depth: stack.count))
                    if stack.count > CalendarLimits.maximumNesting, tooDeep == nil { tooDeep = lineNumber }
                } else if !stack.isEmpty {
                    stack.removeLast()
                }
            } else if let current = stack.last {
                blocks[current].properties.append(Property(name: name, line: lineNumber, offset: start))
            }
        }
    }

    /// The line of the `occurrence`-th (0-based) property called `name` in block `index`, or the block's line.
    func line(of name: String, inBlock index: Int, occurrence: Int = 0) -> Int? {
        guard blocks.indices.contains(index) else { return nil }
        var seen = 0
        var first: Int?
        for p in blocks[index].properties where p.name == name {
            if seen == occurrence { return p.line }
            if first == nil { first = p.line }
            seen += 1
        }
        return first ?? blocks[index].line
    }

    /// The properties called `name` in block `index`, in order.
    func properties(_ name: String, inBlock index: Int) -> [Property] {
        guard blocks.indices.contains(index) else { return [] }
        return blocks[index].properties.filter { $0.name == name }
    }

    /// The value of a property as written: unfolded, after the first `:` outside quoted parameters.
    func value(of property: Property) -> String {
        var out: [UInt8] = []
        var i = property.offset
        let n = bytes.count
        var inQuotes = false
        var inValue = false
        while i < n {
            let b = bytes[i]
            if b == 13 || b == 10 {
                var next = i + 1
                if b == 13, next < n, bytes[next] == 10 { next += 1 }
                // A folded line goes on after one space or tab.
                guard next < n, bytes[next] == 32 || bytes[next] == 9 else { break }
                i = next + 1
                continue
            }
            if inValue {
                out.append(b)
            } else if b == 34 {
                inQuotes.toggle()
            } else if b == 58, !inQuotes {
                inValue = true
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 1-based line holding the byte at `offset`.
    func line(atOffset offset: Int) -> Int {
        var low = 0, high = lineStarts.count
        while low < high {
            let mid = (low + high) / 2
            if lineStarts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(1, low)
    }

    /// The first line on which `needle` appears, or nil.
    func firstLine(containing needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var i = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == first, bytes[i..<i + pattern.count].elementsEqual(pattern) { return line(atOffset: i) }
            i += 1
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
