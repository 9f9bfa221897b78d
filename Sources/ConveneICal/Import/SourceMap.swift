import ConveneCore

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
        /// The lines of each property name, in order: looking one up costs the same however many there are.
        var lines: [String: [Int]] = [:]
    }

    private(set) var blocks: [Block] = []
    /// The first thing in the text that Convene refuses before libical reads it (nesting too deep,
    /// too many parameters on one property, an END that closes nothing), with its line.
    private(set) var refusal: (line: Int, field: String, message: String)?
    /// The byte offset at which each line starts; line n starts at `lineStarts[n - 1]`.
    private(set) var lineStarts: [Int] = []
    /// Whether some physical line is longer than libical reads in linear time.
    private(set) var hasLongLines = false
    private let bytes: [UInt8]

    /// libical reads one physical line in time that grows with the square of its length (a
    /// 4 MB line takes seconds), but folded lines in linear time; longer lines are folded first.
    static let foldedLineBytes = 4096

    init(text: String) {
        bytes = Array(text.utf8)
        var stack: [Int] = []
        bytes.withUnsafeBufferPointer { scan($0, &stack) }
        if let open = stack.first, open == blocks.firstIndex(where: { $0.depth == 1 }) {
            // libical gives back nothing when the first calendar is cut short; say where.
            refuse(line: blocks[open].line, field: "BEGIN",
                   "BEGIN:\(Self.printableName(blocks[open].name)) is never closed (the text ends before its END)")
        }
        checkPropertyWork()
    }

    /// libical removes each property whose value it cannot read by walking its component's list,
    /// so a component of n bad values costs n² steps (30,000 take 10 s): the sum of the squares
    /// is bounded, and the largest component is named when it is over.
    private mutating func checkPropertyWork() {
        var work = 0
        var largest: Block?
        for block in blocks {
            work += block.properties.count * block.properties.count
            if block.properties.count > largest?.properties.count ?? 0 { largest = block }
        }
        guard work > CalendarLimits.propertyWork, let largest else { return }
        refuse(line: largest.line, field: "BEGIN", "\(Self.printableName(largest.name)) has \(largest.properties.count) properties, "
            + "and the calendar's components too many in all (the sum of their squares may be at most \(CalendarLimits.propertyWork))")
    }

    private mutating func refuse(line: Int, field: String, _ message: String) {
        if refusal == nil { refusal = (line, field, message) }
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ stack: inout [Int]) {
        var i = 0
        let n = bytes.count
        // The property being read, across its folded lines: its first line, whether its
        // parameters are still being read, whether inside a quoted parameter value, and how many.
        var property = (line: 1, inParameters: false, inQuotes: false, parameters: 0)
        while i < n {
            lineStarts.append(i)
            let lineNumber = lineStarts.count
            let start = i
            let continued = bytes[i] == 32 || bytes[i] == 9
            if continued { i += 1 }
            if !continued { property = (lineNumber, true, false, 0) }
            while i < n, bytes[i] != 10, bytes[i] != 13 {
                if property.inParameters {
                    switch bytes[i] {
                    case 34: property.inQuotes.toggle()
                    case 58 where !property.inQuotes: property.inParameters = false
                    case 59 where !property.inQuotes: property.parameters += 1
                    default: break
                    }
                }
                i += 1
            }
            let end = i
            if end - start > Self.foldedLineBytes { hasLongLines = true }
            if i < n, bytes[i] == 13 {
                i += 1
                if i < n, bytes[i] == 10 { i += 1 }
            } else if i < n {
                i += 1
            }
            if property.parameters > CalendarLimits.parametersPerProperty {
                var nameEnd = lineStarts[property.line - 1]
                while nameEnd < n, bytes[nameEnd] != 58, bytes[nameEnd] != 59, bytes[nameEnd] != 10, bytes[nameEnd] != 13 { nameEnd += 1 }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStarts[property.line - 1]..<nameEnd]), as: UTF8.self)
                refuse(line: property.line, field: Self.printableName(name),
                       "the property has more than \(CalendarLimits.parametersPerProperty) parameters")
                property.parameters = 0
            }
            // Continuation lines (folded) start with a space or tab and name nothing.
            guard end > start, !continued else { continue }
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
                    if stack.count > CalendarLimits.maximumNesting {
                        refuse(line: lineNumber, field: "BEGIN", "components nest more than \(CalendarLimits.maximumNesting) deep")
                    }
                } else if let open = stack.last, blocks[open].name == value {
                    stack.removeLast()
                } else {
                    // libical reads on after an END that closes nothing, printing its own complaint
                    // on standard error and putting what follows in the wrong component.
                    let closes = Self.printableName(value)
                    let why = stack.last.map { "BEGIN:\(Self.printableName(blocks[$0].name)) on line \(blocks[$0].line) is still open" }
                        ?? "no component is open"
                    refuse(line: lineNumber, field: "END", "END:\(closes) closes nothing (\(why))")
                    if !stack.isEmpty, let match = stack.lastIndex(where: { blocks[$0].name == value }) {
                        stack.removeSubrange(match...)
                    }
                }
            } else if let current = stack.last {
                blocks[current].properties.append(Property(name: name, line: lineNumber, offset: start))
                blocks[current].lines[name, default: []].append(lineNumber)
            }
        }
    }

    /// Throws the refusal, if any: libical must not see this text.
    func check(file: String) throws {
        // libical parses, frees and prints components recursively, reads a property's parameters
        // in quadratic time, and complains of a stray END on standard error: all refused first.
        if let refusal { throw ICalError(file: file, line: refusal.line, field: refusal.field, message: refusal.message) }
    }

    /// A name from the text, short and safe to print in a message.
    private static func printableName(_ name: String) -> String {
        String(name.unicodeScalars.prefix(40).map { PrintableText.isUnsafe($0) || $0 == "\t" ? "?" : Character($0) })
    }

    /// The text as libical should read it: the same, with physical lines over `foldedLineBytes`
    /// folded (a fold is removed again by libical's unfolding, so the content is unchanged).
    var textForLibical: String? {
        guard hasLongLines else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / Self.foldedLineBytes * 3 + 3)
        bytes.withUnsafeBufferPointer { b in
            var i = 0, run = 0
            let n = b.count
            while i < n {
                // Copy up to the next line end or fold point in one piece.
                var j = i
                while j < n, b[j] != 10, b[j] != 13, run < Self.foldedLineBytes || b[j] & 0xC0 == 0x80 {
                    j += 1
                    run += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
                guard i < n else { break }
                if b[i] == 10 || b[i] == 13 {
                    out.append(b[i])
                    i += 1
                    run = 0
                } else {
                    // Never inside a UTF-8 sequence: the text must stay valid.
                    out.append(contentsOf: [13, 10, 32])
                    run = 0
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line of the `occurrence`-th (0-based) property called `name` in block `index`, or the block's line.
    func line(of name: String, inBlock index: Int, occurrence: Int = 0) -> Int? {
        guard blocks.indices.contains(index) else { return nil }
        guard let lines = blocks[index].lines[name], let first = lines.first else { return blocks[index].line }
        return lines[safe: occurrence] ?? first
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
