@testable import ConveneProgramme
import Testing

@Suite struct FrabIDsTests {
    @Test func uuidIsVersion5AsPythonMakesIt() {
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/") in CPython.
        #expect(FrabIDs.uuid("https://example.org/") == "527dda32-a0de-5105-a042-cb475b5f7d11")
    }

    @Test func numbersAreStableAndDistinct() {
        let a = FrabIDs.numbers(["s-a", "s-b", "s-c"]), b = FrabIDs.numbers(["s-c", "s-a", "s-b", "s-d"])
        #expect(a["s-a"] == b["s-a"] && a["s-b"] == b["s-b"])
        #expect(Set(b.values).count == 4 && b.values.allSatisfy { (100_000...999_999).contains($0) })
    }
}
