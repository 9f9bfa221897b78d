/// The plain-text bodies Convene sends unless the plan overrides them (`templates:` in the plan).
///
/// Keys are `<kind>.<language>`. Every template starts with the TEXT content-type pragma so
/// nothing is HTML-escaped.
enum DefaultTemplates {
    static let all: [String: String] = [
        "invitation.ja": invitationJa, "invitation.en": invitationEn,
        "update.ja": updateJa, "update.en": updateEn,
        "cancel.ja": cancelJa, "cancel.en": cancelEn,
        "ask.ja": askJa, "ask.en": askEn,
        "digest.ja": digestJa, "digest.en": digestEn,
    ]

    static let digestJa = """
        {{% CONTENT_TYPE: TEXT}}
        {{organizer}} 様

        {{event}}について、前回のダイジェスト以降の変更をお知らせします。

        {{digest}}
        詳細は `convene status`、`convene inbox`、`convene conflicts` でご確認ください。

        """

    static let digestEn = """
        {{% CONTENT_TYPE: TEXT}}
        Dear {{organizer}},

        Here is what changed in {{event}} since the last digest.

        {{digest}}
        `convene status`, `convene inbox` and `convene conflicts` show the details.

        """

    static let askJa = """
        {{% CONTENT_TYPE: TEXT}}
        {{recipient}} 様

        {{#reminder}}
        先日お願いした{{event}}のご都合について、まだお返事をいただいていないため、改めてご連絡いたします。
        {{/reminder}}
        {{^reminder}}
        {{event}}の日程を調整しております。ご都合をお知らせください。
        {{/reminder}}

        {{recipient}} 様専用のページで、時間帯ごとに「参加可能」「やむを得なければ可」「参加不可」をお選びください。
        いつでも参加可能な場合は「開催期間中いつでも参加できる」にチェックを入れたまま保存してください。
        {{page}}
        {{#deadline}}

        お返事の期限: {{deadline}}
        {{/deadline}}

        このアドレスは{{recipient}} 様専用です。他の方と共有しないでください。

        {{organizer}}
        {{organizerEmail}}

        """

    static let askEn = """
        {{% CONTENT_TYPE: TEXT}}
        Dear {{recipient}},

        {{#reminder}}
        We have not yet had your availability for {{event}}; may we ask again?
        {{/reminder}}
        {{^reminder}}
        We are scheduling {{event}} and would like to know when you can take part.
        {{/reminder}}

        On your own page, mark each time Available, If need be or Unavailable, then press "Save availability".
        If you can come at any time, leave "I can come at any time during the event" checked and save.
        {{page}}
        {{#deadline}}

        Please answer by {{deadline}}.
        {{/deadline}}

        This link is yours alone; please do not share it.

        {{organizer}}
        {{organizerEmail}}

        """

    static let invitationJa = """
        {{% CONTENT_TYPE: TEXT}}
        {{recipient}} 様

        {{event}}のセッションにご参加をお願いしたく、ご案内いたします。

        セッション: {{title}}
        会場: {{room}}
        日時: {{eventTime}}
        {{#homeTime}}
        お住まいの地域の時刻: {{homeTime}}
        {{/homeTime}}
        {{#online}}
        オンライン参加: {{online}}
        {{/online}}
        ご参加の区分: {{role}}
        {{#hasParticipants}}

        ほかのご登壇・ご参加者:
        {{/hasParticipants}}
        {{#participants}}
        - {{name}}{{#detail}}（{{detail}}）{{/detail}}
        {{/participants}}
        {{#description}}

        {{description}}
        {{/description}}

        ご出欠のお返事:
        {{#page}}
        {{recipient}} 様専用のページで「承諾」「辞退」「仮承諾」をお選びいただき、必要に応じてコメントを添えてお返事ください。
        {{page}}
        このアドレスは{{recipient}} 様専用です。以前お送りしたアドレスも引き続きお使いいただけます。メールソフトのボタンでもお返事いただけます。
        {{/page}}
        {{^page}}
        お使いのメールソフトに表示される「承諾」「辞退」「仮承諾」のボタンでお返事ください。
        ボタンが表示されない場合は、このメールに返信し、「承諾」または「辞退」とお書きください。
        {{/page}}

        {{organizer}}
        {{organizerEmail}}

        """

    static let invitationEn = """
        {{% CONTENT_TYPE: TEXT}}
        Dear {{recipient}},

        You are invited to a session at {{event}}.

        Session: {{title}}
        Room: {{room}}
        When: {{eventTime}}
        {{#homeTime}}
        In your time zone: {{homeTime}}
        {{/homeTime}}
        {{#online}}
        Join online: {{online}}
        {{/online}}
        Your part: {{role}}
        {{#hasParticipants}}

        Also taking part:
        {{/hasParticipants}}
        {{#participants}}
        - {{name}}{{#detail}} ({{detail}}){{/detail}}
        {{/participants}}
        {{#description}}

        {{description}}
        {{/description}}

        To reply:
        {{#page}}
        Answer on your own page (Accept, Decline or Maybe, with a comment if you like):
        {{page}}
        This link is yours alone (earlier ones still work); your mail program's buttons work too.
        {{/page}}
        {{^page}}
        Use the Accept, Decline or Maybe buttons your mail program shows with this message.
        If it shows none, reply to this message and write "accept" or "decline".
        {{/page}}

        {{organizer}}
        {{organizerEmail}}

        """

    static let updateJa = """
        {{% CONTENT_TYPE: TEXT}}
        {{recipient}} 様

        {{event}}のセッションの予定が変更になりました。新しい予定をご確認ください。

        セッション: {{title}}
        会場: {{room}}
        日時: {{eventTime}}
        {{#homeTime}}
        お住まいの地域の時刻: {{homeTime}}
        {{/homeTime}}
        {{#online}}
        オンライン参加: {{online}}
        {{/online}}
        {{#previous}}
        変更前: {{previous}}
        {{/previous}}
        ご参加の区分: {{role}}
        {{#hasParticipants}}

        ほかのご登壇・ご参加者:
        {{/hasParticipants}}
        {{#participants}}
        - {{name}}{{#detail}}（{{detail}}）{{/detail}}
        {{/participants}}

        ご出欠のお返事:
        {{#page}}
        変更後の予定について、{{recipient}} 様専用のページで改めてお返事ください。
        {{page}}
        このアドレスは{{recipient}} 様専用です。以前お送りしたアドレスも引き続きお使いいただけます。メールソフトのボタンでもお返事いただけます。
        {{/page}}
        {{^page}}
        変更後の予定について、メールソフトの「承諾」「辞退」「仮承諾」のボタンで改めてお返事ください。
        ボタンが表示されない場合は、このメールに返信し、「承諾」または「辞退」とお書きください。
        {{/page}}

        {{organizer}}
        {{organizerEmail}}

        """

    static let updateEn = """
        {{% CONTENT_TYPE: TEXT}}
        Dear {{recipient}},

        A session you take part in at {{event}} has changed. Please check the new details.

        Session: {{title}}
        Room: {{room}}
        When: {{eventTime}}
        {{#homeTime}}
        In your time zone: {{homeTime}}
        {{/homeTime}}
        {{#online}}
        Join online: {{online}}
        {{/online}}
        {{#previous}}
        Before the change: {{previous}}
        {{/previous}}
        Your part: {{role}}
        {{#hasParticipants}}

        Also taking part:
        {{/hasParticipants}}
        {{#participants}}
        - {{name}}{{#detail}} ({{detail}}){{/detail}}
        {{/participants}}

        To reply:
        {{#page}}
        Please answer again for the new time on your own page:
        {{page}}
        This link is yours alone (earlier ones still work); your mail program's buttons work too.
        {{/page}}
        {{^page}}
        Please answer again for the new time with the Accept, Decline or Maybe buttons.
        If your mail program shows none, reply to this message and write "accept" or "decline".
        {{/page}}

        {{organizer}}
        {{organizerEmail}}

        """

    static let cancelJa = """
        {{% CONTENT_TYPE: TEXT}}
        {{recipient}} 様

        {{event}}の次のセッションへのご参加は不要となりました。{{#sessionCancelled}}セッションは中止です。{{/sessionCancelled}}

        セッション: {{title}}
        予定されていた会場: {{room}}
        予定されていた日時: {{eventTime}}
        {{#homeTime}}
        お住まいの地域の時刻: {{homeTime}}
        {{/homeTime}}

        お手数ですが、カレンダーから予定を削除してください。お返事は不要です。
        ご不明な点は下記までお問い合わせください。

        {{organizer}}
        {{organizerEmail}}

        """

    static let cancelEn = """
        {{% CONTENT_TYPE: TEXT}}
        Dear {{recipient}},

        You are no longer expected at the following session of {{event}}.{{#sessionCancelled}} The session is cancelled.{{/sessionCancelled}}

        Session: {{title}}
        Room it was in: {{room}}
        Time it was at: {{eventTime}}
        {{#homeTime}}
        In your time zone: {{homeTime}}
        {{/homeTime}}

        Please remove it from your calendar; no reply is needed.
        If you have questions, write to the address below.

        {{organizer}}
        {{organizerEmail}}

        """
}
