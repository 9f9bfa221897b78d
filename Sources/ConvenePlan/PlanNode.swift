import Yams

/// A YAML node with its place in the file, so every message can point at it.
struct PlanNode {
    let node: Node
    /// Dotted path for messages, e.g. `sessions[3].duration`.
    let path: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    /// The raw text of a scalar (whatever YAML would have resolved it to).
    var scalar: String? {
        if case .scalar(let s) = node { return s.string }
        return nil
    }

    var isNull: Bool { node.null != nil }

    var items: [PlanNode]? {
        guard case .sequence(let seq) = node else { return nil }
        return seq.enumerated().map { PlanNode(node: $0.element, path: "\(path)[\($0.offset)]") }
    }

    var pairs: [(key: PlanNode, value: PlanNode)]? {
        guard case .mapping(let map) = node else { return nil }
        return map.map { pair in
            let name = pair.key.string ?? "?"
            let sub = path.isEmpty ? name : "\(path).\(name)"
            return (PlanNode(node: pair.key, path: sub), PlanNode(node: pair.value, path: sub))
        }
    }

    var kindName: String {
        switch node {
        case .scalar: return "a value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
