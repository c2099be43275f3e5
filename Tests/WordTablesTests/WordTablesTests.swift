import Testing
import WordTables

@Suite struct WordTablesTests {
    @Test("month numbers by name and abbreviation, with the suffix the reader needs")
    func months() {
        let written = Months.numbers(abbreviationSuffix: ".")
        #expect(written["january"] == 1 && written["december"] == 12 && written["may"] == 5)
        #expect(written["sept."] == 9 && written["jan."] == 1 && written["jan"] == nil)
        #expect(written.count == 12 + Months.abbreviations.count)
        let typed = Months.numbers(abbreviationSuffix: "")
        #expect(typed["jan"] == 1 && typed["sep"] == 9 && typed["may"] == 5)
        #expect(Months.abbreviations["may"] == nil)
    }

    @Test("currencies by sign, by name and by code agree")
    func currencies() {
        #expect(Currency.bySymbol["$"]?.code == "usd")
        #expect(Currency.withSymbol("€")?.plural == "euros")
        #expect(Currency.withSymbol("$$") == nil)
        #expect(Currency.byWord["dollar"] == Currency.byWord["usd"])
        #expect(Currency.byWord["sterling"]?.code == "gbp")
        #expect(Currency.allNames.contains("yuan") && !Currency.allNames.contains("usd"))
        #expect(Currency.byWord["mark"] == nil)
        for c in Currency.all { #expect(Currency.byWord[c.plural] == c) }
    }
}
