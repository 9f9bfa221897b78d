import Testing
@testable import ConveneStore

/// `postgres://USER@HOST[:PORT]/DB`, read without ever showing a password.
struct PostgresAddressTests {
    @Test func bothSchemesAPortOrNoneAndEncodedNamesAreRead() throws {
        let a = try PostgresAddress("postgres://convene@db.example.org/forum", password: "s3cret")
        #expect(a.host == "db.example.org" && a.port == 5432 && a.user == "convene" && a.database == "forum")
        #expect(a.password == "s3cret")
        let b = try PostgresAddress("postgresql://ops%40site@127.0.0.1:6543/rdd%202027", password: nil)
        #expect(b.user == "ops@site" && b.port == 6543 && b.database == "rdd 2027" && b.password == nil)
        let c = try PostgresAddress("postgres://u@[::1]:5433/x", password: nil)
        #expect(c.host == "::1" && c.description == "postgres://u@[::1]:5433/x")
        #expect(!a.description.contains("s3cret"))
        #expect(PostgresAddress.isAddress("PostgreSQL://u@h/d") && !PostgresAddress.isAddress("convene.sqlite"))
    }

    @Test func aPasswordInTheAddressIsRefusedWithoutShowingIt() {
        #expect {
            try PostgresAddress("postgres://convene:hunter2@db.example.org:5432/forum", password: nil)
        } throws: { e in
            let text = "\(e)"
            return !text.contains("hunter2") && text.contains("postgres://convene:…@db.example.org:5432/forum")
                && text.contains("--password-file") && text.contains("PGPASSWORD")
        }
        // Not even an address that cannot be read otherwise shows it.
        #expect {
            try PostgresAddress("postgres://convene:hunter2@db.example.org", password: nil)
        } throws: { !"\($0)".contains("hunter2") }
    }

    @Test(arguments: [
        ("forum.sqlite", "is not a PostgreSQL address"),
        ("mysql://u@h/d", "is not a PostgreSQL address"),
        ("postgres://db.example.org/forum", "names no user"),
        ("postgres://u@/forum", "names no host"),
        ("postgres://u@db.example.org", "names no database"),
        ("postgres://u@db.example.org/", "names no database"),
        ("postgres://u@db.example.org/forum?sslmode=require", "options after the database name"),
        ("postgres://u@db.example.org:0/forum", "port must be 1 to 65535"),
    ])
    func aBadAddressSaysWhatIsWrong(url: String, says: String) {
        #expect {
            try PostgresAddress(url, password: nil)
        } throws: { e in
            "\(e)".contains(says) && "\(e)".contains("'\(url)'")
        }
    }
}
