import Foundation

/// Tells loopback, link-local, private and other non-public addresses apart, so a calendar address
/// cannot make the server fetch from inside its own network.
enum PrivateAddress {
    /// Why the address is not public (e.g. "127.0.0.1 is a loopback address"), or nil for a public one.
    static func describe(_ address: UnsafeMutablePointer<sockaddr>, family: Int32) -> String? {
        switch family {
        case AF_INET:
            let raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
            let b = withUnsafeBytes(of: raw) { Array($0) }
            return v4(b)
        case AF_INET6:
            let b = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in withUnsafeBytes(of: p.pointee.sin6_addr) { Array($0) } }
            return v6(b)
        default:
            return "an address of family \(family) is not an internet address"
        }
    }

    /// Checks four bytes of an IPv4 address in network order.
    static func v4(_ b: [UInt8]) -> String? {
        let text = b.map(String.init).joined(separator: ".")
        let kind: String? = switch (b[0], b[1]) {
        case (127, _): "a loopback"
        case (10, _), (172, 16...31), (192, 168): "a private"
        case (169, 254): "a link-local"
        case (100, 64...127): "a shared (carrier-grade NAT)"
        case (0, _): "an unspecified"
        case (224...255, _): "a multicast or reserved"
        default: nil
        }
        return kind.map { "\(text) is \($0) address" }
    }

    /// Checks sixteen bytes of an IPv6 address; an IPv4-mapped one is checked as IPv4.
    static func v6(_ b: [UInt8]) -> String? {
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return v4(Array(b[12..<16])) }
        let text = stride(from: 0, to: 16, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }.joined(separator: ":")
        if b[0..<15].allSatisfy({ $0 == 0 }) { return "\(text) is \(b[15] == 1 ? "a loopback" : "an unspecified") address" }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return "\(text) is a link-local address" }
        if b[0] & 0xFE == 0xFC { return "\(text) is a private (unique local) address" }
        if b[0] == 0xFF { return "\(text) is a multicast address" }
        return nil
    }
}
