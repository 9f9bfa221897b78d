import ConveneCore
@testable import ConveneMail
import Foundation
import Testing

@Suite struct EncodedWordsTests {
    func decode(_ header: String) -> String {
        header.components(separatedBy: "\r\n ").map { word -> String in
            let inner = word.dropFirst(EncodedWords.prefix.count).dropLast(EncodedWords.suffix.count)
            return String(decoding: Data(base64Encoded: String(inner))!, as: UTF8.self)
        }.joined()
    }

    @Test func asciiStaysPlain() {
        #expect(EncodedWords.isPlain("Invitation: Opening Plenary"))
        #expect(!EncodedWords.isPlain("【ご案内】開会"))
        #expect(!EncodedWords.isPlain("looks =?like?= a word"))
    }

    @Test func longJapaneseSubjectSplitsIntoShortWordsOfWholeCharacters() {
        let subject = "【ご案内】国際シンポジウム：希少がんのドラッグ・ラグとドラッグ・ロス（希少がんフォーラム2027）"
        let header = EncodedWords.encode(subject)
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for w in words {
            #expect(w.count <= 75)
            #expect(w.hasPrefix("=?UTF-8?B?") && w.hasSuffix("?="))
            let inner = w.dropFirst(10).dropLast(2)
            // Each word decodes to valid UTF-8 by itself: no character is cut in two.
            let bytes = Array(Data(base64Encoded: String(inner))!)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(decode(header) == subject)
    }

    @Test func graphemeClustersAreNotSplit() {
        let family = "👨‍👩‍👧‍👦"
        let subject = String(repeating: "あ", count: 13) + family + family
        let header = EncodedWords.encode(subject)
        for w in header.components(separatedBy: "\r\n ") {
            let text = decode(w)
            #expect(text.unicodeScalars.filter { $0 == "\u{200D}" }.count % 3 == 0)
        }
        #expect(decode(header) == subject)
    }
}

@Suite struct HeaderFoldingTests {
    @Test func noHeaderLinePasses78OctetsAndNamesSplitBetweenWords() throws {
        let from = try MailAddress(name: "希少がん患者ネットワーク・ジャパン 事務局 / Secretariat", address: "forum@example.org")
        let to = try MailAddress(name: "Antoine Lefèvre", address: "antoine.lefevre@example.fr")
        let message = MailMessage(
            messageID: "a.b@example.org", date: Instant(secondsSinceEpoch: 0), from: from, to: to,
            subject: "【ご案内】国際シンポジウム：希少がんのドラッグ・ラグとドラッグ・ロス（希少がんフォーラム2027）", text: "x")
        let head = String(decoding: try message.render(), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        for line in head.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(head.contains("From: =?UTF-8?B?"))
        // The plain words of a mixed name stay plain, so every reader keeps the space before them.
        #expect(head.contains(" / Secretariat") && head.contains("To: Antoine =?UTF-8?B?"))
    }

    @Test func aLongNameSplitsAtASpaceKeptInTheEarlierWord() {
        let words = EncodedWords.words("山田 太郎 花子 次郎 三郎 四郎 五郎 六郎 七郎 八郎", firstLength: 40)
        #expect(words.count > 1)
        let texts = words.map { w in String(decoding: Data(base64Encoded: String(w.dropFirst(10).dropLast(2)))!, as: UTF8.self) }
        #expect(texts.dropLast().allSatisfy { $0.hasSuffix(" ") })
        #expect(texts.joined() == "山田 太郎 花子 次郎 三郎 四郎 五郎 六郎 七郎 八郎")
    }
}

@Suite struct DisplayNameSplitTests {
    func texts(_ header: String) -> [String] {
        header.split(whereSeparator: { $0 == " " || $0 == "\r\n" }).filter { $0.hasPrefix("=?UTF-8?B?") }.map { w in
            String(decoding: Data(base64Encoded: String(w.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }
    }

    /// The bundled forum's organizer: `ネットワーク・ジャパン` is too long for one encoded word, so
    /// it splits after `・`, never inside `ジャパン`.
    @Test func theOrganizersNameSplitsBetweenWordsNeverInsideOne() throws {
        let from = try MailAddress(name: "希少がん患者ネットワーク・ジャパン 事務局 / Secretariat", address: "forum@example.org")
        let header = from.header("From")
        #expect(header == "From: =?UTF-8?B?5biM5bCR44GM44KT5oKj6ICF44ON44OD44OI44Ov44O844Kv44O7?=\r\n"
            + " =?UTF-8?B?44K444Oj44OR44OzIOS6i+WLmeWxgA==?= / Secretariat\r\n <forum@example.org>")
        #expect(texts(header) == ["希少がん患者ネットワーク・", "ジャパン 事務局"])
        for line in header.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test func aNameThatFitsOneWordIsOneWord() throws {
        let header = try MailAddress(name: "国際シンポジウム 大阪 事務局", address: "office@example.jp").header("From")
        #expect(texts(header) == ["国際シンポジウム 大阪 事務局"])
        // Words of a name stay whole across encoded words, the space kept at the end of the earlier one.
        let long = try MailAddress(name: "国際シンポジウム 大阪実行委員会 ジャパン事務局 スーパーロングネーム", address: "o@example.jp").header("To")
        #expect(texts(long) == ["国際シンポジウム ", "大阪実行委員会 ジャパン事務局 ", "スーパーロングネーム"])
        // A first word too long to share the line with `From:` moves to the next line whole.
        let folded = try MailAddress(name: "大阪実行委員会 ジャパン事務局 ジャパン", address: "o@example.jp").header("Reply-To")
        #expect(folded.hasPrefix("Reply-To:\r\n =?UTF-8?B?") && texts(folded) == ["大阪実行委員会 ジャパン事務局 ", "ジャパン"])
    }
}
