public import ConveneCore

/// Dates as a programme writes them.
public enum DateText {
    /// e.g. `2027年2月22日（月）`, `Monday 22 February 2027`, or both.
    public static func day(_ d: LocalDate, _ say: LanguageChoice) -> String {
        let jaWeekdays = ["月", "火", "水", "木", "金", "土", "日"]
        let enWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return say(ja: "\(d.year)年\(d.month)月\(d.day)日（\(jaWeekdays[d.isoWeekday - 1])）",
                   en: "\(enWeekdays[d.isoWeekday - 1]) \(d.day) \(months[d.month - 1]) \(d.year)")
    }
}
