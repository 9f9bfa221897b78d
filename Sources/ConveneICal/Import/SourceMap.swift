/// Where each component and property of a calendar's text starts, by physical line.
///
/// libical keeps no line numbers, but it keeps components in document order, so the n-th
/// component met walking the parsed tree depth-first is the n-th `BEGIN:` line here.
struct SourceMap {
    struct Block {
        var name: String
        var line: Int
        /// Property names (upper case) with the line each starts on, in order.
        var properties: [(name: String, line: Int)] = []
    }

    private(set) var blocks: [Block] = []

    init(text: String) {
        var stack: [Int] = []
        var lineNumber = 0
        text.utf8.withContiguousStorageIfAvailable { bytes in
            scan(bytes, &stack, &lineNumber)
        } ?? {
            let copy = Array(text.utf8)
            copy.withUnsafeBufferPointer { scan($0, &stack, &lineNumber) }
        }()
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ stack: inout [Int], _ lineNumber: inout Int) {
        var i = 0
        let n = bytes.count
        while i < n {
            lineNumber += 1
            let start = i
            while i < n, bytes[i] != 10 { i += 1 }
            let end = i
            i += 1
            // Continuation lines (folded) start with a space or tab and name nothing.
            guard end > start, bytes[start] != 32, bytes[start] != 9 else { continue }
            var nameEnd = start
            while nameEnd < end, bytes[nameEnd] != 58, bytes[nameEnd] != 59, bytes[nameEnd] != 13 { nameEnd += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<nameEnd]), as: UTF8.self).uppercased()
            if name == "BEGIN" || name == "END" {
                var valueEnd = end
                if valueEnd > nameEnd, bytes[valueEnd - 1] == 13 { valueEnd -= 1 }
                let valueStart = min(nameEnd + 1, valueEnd)
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                    .uppercased().trimmingSpaces
                if name == "BEGIN" {
                    stack.append(blocks.count)
                    blocks.append(Block(name: value, line: lineNumber))
                } else if !stack.isEmpty {
                    stack.removeLast()
                }
            } else if let current = stack.last {
                blocks[current].properties.append((name, lineNumber))
            }
        }
    }

    /// The line of the `occurrence`-th (0-based) property called `name` in block `index`, or the block's line.
    func line(of name: String, inBlock index: Int, occurrence: Int = 0) -> Int? {
        guard blocks.indices.contains(index) else { return nil }
        let matches = blocks[index].properties.filter { $0.name == name }
        if matches.indices.contains(occurrence) { return matches[occurrence].line }
        return matches.first?.line ?? blocks[index].line
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
