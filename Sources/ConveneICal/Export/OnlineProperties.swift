import CLibical

/// How a session's online link is written (RFC 7986): CONFERENCE for clients that show a join
/// button, and URL for those that only know RFC 5545.
enum OnlineProperties {
    static func add(_ url: String, label: String, to event: OpaquePointer) throws {
        let address = try FeedText.address(url, field: "online link")
        let conference = icalproperty_new_conference(address)
        icalproperty_add_parameter(conference, icalparameter_new_value(ICAL_VALUE_URI))
        icalproperty_add_parameter(conference, icalparameter_new_feature(ICAL_FEATURE_VIDEO))
        icalproperty_add_parameter(conference, icalparameter_new_label(FeedText.parameter(label)))
        icalcomponent_add_property(event, conference)
        icalcomponent_add_property(event, icalproperty_new_url(address))
    }
}
