/// The person's page as Mustache templates, one a language: the words and the markup live here as
/// text, so they can be changed without touching the code that fills them in.
///
/// Every value is HTML-escaped by Mustache. Forms are plain HTML: the page works without script.
enum PageTemplates {
    static let all: [String: String] = ["page.en": pageEn, "page.ja": pageJa]

    static let pageEn = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{event}} — {{name}}</title>
        <link rel="stylesheet" href="/page.css">
        </head>
        <body>
        <main>
        {{#events}}
        <h1>{{event}}</h1>
        <p class="who">For {{name}}. Times are in your time zone, {{zone}}{{#otherZone}}, and at the venue ({{eventZone}}){{/otherZone}}. This page is yours alone: do not pass its address on.</p>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        <h2>Your sessions</h2>
        {{^sessions}}<p>No session of yours is published yet.</p>{{/sessions}}
        {{#sessions}}
        <section class="session" id="{{idPrefix}}{{id}}" aria-labelledby="{{idPrefix}}t-{{id}}">
        <h3 id="{{idPrefix}}t-{{id}}">{{title}}</h3>
        <dl>
        <dt>Your part</dt><dd>{{role}}</dd>
        <dt>Room</dt><dd>{{room}}</dd>
        <dt>When</dt><dd>{{homeTime}}</dd>
        {{#eventTime}}<dt>At the venue</dt><dd>{{eventTime}}</dd>{{/eventTime}}
        {{#online}}<dt>Join online</dt><dd><a href="{{online}}" rel="noreferrer noopener">{{online}}</a></dd>{{/online}}
        </dl>
        <p class="answer">Your answer on record: <strong class="{{answerClass}}">{{answerText}}</strong>{{#comment}} — “{{comment}}”{{/comment}}</p>
        <form method="post" action="/p/{{token}}/answer">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <input type="hidden" name="session" value="{{id}}">
        <label for="{{idPrefix}}c-{{id}}">Comment</label>
        <textarea id="{{idPrefix}}c-{{id}}" name="comment" maxlength="1000" rows="2">{{comment}}</textarea>
        <div class="buttons">
        <button type="submit" name="answer" value="accept">Accept</button>
        <button type="submit" name="answer" value="decline">Decline</button>
        <button type="submit" name="answer" value="maybe">Maybe</button>
        </div>
        </form>
        </section>
        {{/sessions}}
        {{#grid}}
        <h2 id="{{idPrefix}}availability">When can you come?</h2>
        <form method="post" action="/p/{{token}}/availability" class="grid">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <p class="anytime"><input type="checkbox" id="{{idPrefix}}anytime" name="anytime" value="1"{{#anyTime}} checked{{/anyTime}}> <label for="{{idPrefix}}anytime">I can come at any time during the event</label></p>
        <p class="hint">If you cannot, uncheck it and mark each time: Available, If need be (you can, but would rather not) or Unavailable. Times are in your time zone, {{zone}}.{{#answeredAt}} Last saved {{answeredAt}}.{{/answeredAt}}</p>
        {{#days}}
        <fieldset class="day"><legend>{{date}}</legend>
        {{#cells}}
        <div class="cell" role="radiogroup" aria-labelledby="{{idPrefix}}l-{{id}}">
        <span class="time" id="{{idPrefix}}l-{{id}}">{{label}}–{{endLabel}}</span>
        <label class="available"><input type="radio" name="c-{{id}}" value="available"{{#available}} checked{{/available}}> Available</label>
        <label class="if-need-be"><input type="radio" name="c-{{id}}" value="if-need-be"{{#ifNeedBe}} checked{{/ifNeedBe}}> If need be</label>
        <label class="unavailable"><input type="radio" name="c-{{id}}" value="unavailable"{{#unavailable}} checked{{/unavailable}}> Unavailable</label>
        </div>
        {{/cells}}
        </fieldset>
        {{/days}}
        <label for="{{idPrefix}}note">Note to the organizer</label>
        <textarea id="{{idPrefix}}note" name="note" maxlength="2000" rows="3">{{note}}</textarea>
        <div class="buttons"><button type="submit">Save availability</button></div>
        </form>
        <script src="/page.js" defer></script>
        {{/grid}}
        <h2 id="{{idPrefix}}calendar">Your calendar</h2>
        <form method="post" action="/p/{{token}}/calendar" class="calendar">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <p class="hint">Instead of marking times, you can give the secret address of your own calendar: Google's "Secret address in iCal format", an Outlook published ICS link, an iCloud public calendar link, or any https or webcal address. Only when you are busy is read, never what your entries say; it is read again from time to time.</p>
        <label for="{{idPrefix}}address">Calendar address</label>
        <input id="{{idPrefix}}address" name="address" type="text" inputmode="url" autocomplete="off" spellcheck="false" maxlength="2000">
        <div class="buttons"><button type="submit" name="save" value="1">Save calendar</button>{{#calendar}}{{#saved}}<button type="submit" name="remove" value="1">Remove calendar</button>{{/saved}}{{/calendar}}</div>
        </form>
        {{#calendar}}{{#saved}}
        <div class="calendar-state">
        <p>Calendar saved: {{address}}{{#fetchedAt}}, last read {{fetchedAt}}{{/fetchedAt}}.</p>
        {{#error}}<p class="error">The last read failed: {{error}}. The busy times read before still count.</p>{{/error}}
        <p>{{countText}}</p>
        <ul class="busy">{{#busy}}<li>{{text}}</li>{{/busy}}</ul>
        </div>
        {{/saved}}{{/calendar}}
        {{/events}}
        </main>
        </body>
        </html>

        """

    static let pageJa = """
        <!doctype html>
        <html lang="ja">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{event}} — {{name}} 様</title>
        <link rel="stylesheet" href="/page.css">
        </head>
        <body>
        <main>
        {{#events}}
        <h1>{{event}}</h1>
        <p class="who">{{name}} 様専用のページです。時刻はお住まいの地域（{{zone}}）の時刻です{{#otherZone}}。会場（{{eventZone}}）の時刻も併記します{{/otherZone}}。このページのアドレスは他の方に伝えないでください。</p>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        <h2>ご参加のセッション</h2>
        {{^sessions}}<p>公開済みのセッションはまだありません。</p>{{/sessions}}
        {{#sessions}}
        <section class="session" id="{{idPrefix}}{{id}}" aria-labelledby="{{idPrefix}}t-{{id}}">
        <h3 id="{{idPrefix}}t-{{id}}">{{title}}</h3>
        <dl>
        <dt>ご参加の区分</dt><dd>{{role}}</dd>
        <dt>会場</dt><dd>{{room}}</dd>
        <dt>日時</dt><dd>{{homeTime}}</dd>
        {{#eventTime}}<dt>会場の時刻</dt><dd>{{eventTime}}</dd>{{/eventTime}}
        {{#online}}<dt>オンライン参加</dt><dd><a href="{{online}}" rel="noreferrer noopener">{{online}}</a></dd>{{/online}}
        </dl>
        <p class="answer">現在のお返事: <strong class="{{answerClass}}">{{answerText}}</strong>{{#comment}} — 「{{comment}}」{{/comment}}</p>
        <form method="post" action="/p/{{token}}/answer">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <input type="hidden" name="session" value="{{id}}">
        <label for="{{idPrefix}}c-{{id}}">コメント</label>
        <textarea id="{{idPrefix}}c-{{id}}" name="comment" maxlength="1000" rows="2">{{comment}}</textarea>
        <div class="buttons">
        <button type="submit" name="answer" value="accept">承諾</button>
        <button type="submit" name="answer" value="decline">辞退</button>
        <button type="submit" name="answer" value="maybe">仮承諾</button>
        </div>
        </form>
        </section>
        {{/sessions}}
        {{#grid}}
        <h2 id="{{idPrefix}}availability">ご都合のよい日時</h2>
        <form method="post" action="/p/{{token}}/availability" class="grid">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <p class="anytime"><input type="checkbox" id="{{idPrefix}}anytime" name="anytime" value="1"{{#anyTime}} checked{{/anyTime}}> <label for="{{idPrefix}}anytime">会期中はいつでも参加できます</label></p>
        <p class="hint">ご都合の悪い時間がある場合は、チェックを外して各時間に「参加可」「できれば避けたい」「参加不可」を選んでください。時刻はお住まいの地域（{{zone}}）の時刻です。{{#answeredAt}}最終保存: {{answeredAt}}{{/answeredAt}}</p>
        {{#days}}
        <fieldset class="day"><legend>{{date}}</legend>
        {{#cells}}
        <div class="cell" role="radiogroup" aria-labelledby="{{idPrefix}}l-{{id}}">
        <span class="time" id="{{idPrefix}}l-{{id}}">{{label}}–{{endLabel}}</span>
        <label class="available"><input type="radio" name="c-{{id}}" value="available"{{#available}} checked{{/available}}> 参加可</label>
        <label class="if-need-be"><input type="radio" name="c-{{id}}" value="if-need-be"{{#ifNeedBe}} checked{{/ifNeedBe}}> できれば避けたい</label>
        <label class="unavailable"><input type="radio" name="c-{{id}}" value="unavailable"{{#unavailable}} checked{{/unavailable}}> 参加不可</label>
        </div>
        {{/cells}}
        </fieldset>
        {{/days}}
        <label for="{{idPrefix}}note">主催者への連絡事項</label>
        <textarea id="{{idPrefix}}note" name="note" maxlength="2000" rows="3">{{note}}</textarea>
        <div class="buttons"><button type="submit">ご都合を保存</button></div>
        </form>
        <script src="/page.js" defer></script>
        {{/grid}}
        <h2 id="{{idPrefix}}calendar">ご自身のカレンダー</h2>
        <form method="post" action="/p/{{token}}/calendar" class="calendar">
        <input type="hidden" name="form" value="{{formKey}}">
        {{#eventField}}
        <input type="hidden" name="event" value="{{eventField}}">
        {{/eventField}}
        <p class="hint">時間を選ぶ代わりに、ご自身のカレンダーの非公開アドレスを登録できます（Google の「iCal 形式の非公開アドレス」、Outlook の公開 ICS リンク、iCloud の公開カレンダーのリンク、その他 https または webcal のアドレス）。読み取るのは予定のある時間だけで、予定の内容は読みません。登録後も定期的に読み直します。</p>
        <label for="{{idPrefix}}address">カレンダーのアドレス</label>
        <input id="{{idPrefix}}address" name="address" type="text" inputmode="url" autocomplete="off" spellcheck="false" maxlength="2000">
        <div class="buttons"><button type="submit" name="save" value="1">カレンダーを保存</button>{{#calendar}}{{#saved}}<button type="submit" name="remove" value="1">カレンダーを削除</button>{{/saved}}{{/calendar}}</div>
        </form>
        {{#calendar}}{{#saved}}
        <div class="calendar-state">
        <p>登録済みのカレンダー: {{address}}{{#fetchedAt}}（最終読み取り {{fetchedAt}}）{{/fetchedAt}}</p>
        {{#error}}<p class="error">前回の読み取りに失敗しました: {{error}}。以前に読み取った予定は引き続き考慮されます。</p>{{/error}}
        <p>{{countText}}</p>
        <ul class="busy">{{#busy}}<li>{{text}}</li>{{/busy}}</ul>
        </div>
        {{/saved}}{{/calendar}}
        {{/events}}
        </main>
        </body>
        </html>

        """

    /// Words the code fills in, by language: answers on record and what a save reports.
    static let words: [String: [String: String]] = [
        "en": ["accepted": "Accepted", "declined": "Declined", "tentative": "Maybe", "none": "No answer yet",
               "saved": "Your answer is saved.", "unchanged": "That answer was already on record.",
               "availability": "Your availability is saved.",
               "calendar": "Your calendar is saved and read.",
               "calendarFailed": "Your calendar address is saved, but it could not be read: see below.",
               "calendarRemoved": "Your calendar is removed; its busy times no longer count.",
               "busyCount": "Busy times read in the event's days, in your time zone: %d", "busyTentative": "tentative"],
        "ja": ["accepted": "承諾", "declined": "辞退", "tentative": "仮承諾", "none": "まだお返事がありません",
               "saved": "お返事を記録しました。", "unchanged": "同じお返事がすでに記録されています。",
               "availability": "ご都合を保存しました。",
               "calendar": "カレンダーを保存し、読み取りました。",
               "calendarFailed": "カレンダーのアドレスを保存しましたが、読み取れませんでした（下記をご覧ください）。",
               "calendarRemoved": "カレンダーを削除しました。その予定はもう考慮されません。",
               "busyCount": "会期中の予定（お住まいの地域の時刻）: %d 件", "busyTentative": "仮"],
    ]

    /// The page's only script, optional: drag across times to give them all the mark pressed first, and
    /// marking a time unchecks "at any time". The forms work the same without it.
    static let script = """
        "use strict";
        (function () {
          var painting = null;
          function mark(cell) {
            var input = cell && cell.querySelector('input[value="' + painting + '"]');
            if (input && !input.checked) {
              input.checked = true;
              input.dispatchEvent(new Event("change", { bubbles: true }));
            }
          }
          document.addEventListener("change", function (e) {
            // The checkbox of the same form: a page of several events has one grid each.
            var anyTime = e.target.form && e.target.form.querySelector('input[name="anytime"]');
            if (anyTime && e.target.type === "radio" && e.target.value !== "available") anyTime.checked = false;
          });
          document.addEventListener("pointerdown", function (e) {
            var label = e.target.closest && e.target.closest(".cell label");
            if (!label || e.button !== 0) return;
            painting = label.querySelector("input").value;
            mark(label.closest(".cell"));
          });
          document.addEventListener("pointermove", function (e) {
            if (!painting) return;
            var under = document.elementFromPoint(e.clientX, e.clientY);
            mark(under && under.closest && under.closest(".cell"));
          });
          ["pointerup", "pointercancel"].forEach(function (type) {
            document.addEventListener(type, function () { painting = null; });
          });
        })();

        """

    /// The page's only style sheet, served by the server itself (the Content-Security-Policy allows no other).
    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#1a1a1a;background:#fafafa}
        main{max-width:46rem;margin:0 auto;padding:1rem .75rem}
        h1{font-size:1.4rem;margin:.5rem 0}
        h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        h3{font-size:1.05rem;margin:0 0 .5rem}
        .who{color:#444}
        .notice{border:2px solid #1a5e20;background:#eef7ee;padding:.5rem .75rem;font-weight:600}
        .session{background:#fff;border:1px solid #ccc;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:0 0 .5rem}
        dt{font-weight:600}
        dd{margin:0;overflow-wrap:anywhere}
        label{display:block;font-weight:600;margin:.5rem 0 .25rem}
        textarea{width:100%;font:inherit;padding:.4rem;border:1px solid #767676;border-radius:4px}
        .buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
        button{font:inherit;min-height:44px;min-width:6rem;padding:.4rem 1rem;border:2px solid #1a1a1a;border-radius:6px;background:#fff;color:#1a1a1a;cursor:pointer}
        button:hover{background:#eee}
        :focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
        .answer strong{padding:0 .3rem;border-radius:3px}
        .accepted{background:#dff0d8}.declined{background:#f8d7da}.tentative{background:#fff3cd}
        a{color:#0b57d0}
        .anytime{font-weight:600}
        .anytime label{display:inline;margin:0}
        input[type=checkbox],input[type=radio]{width:1.2rem;height:1.2rem;vertical-align:middle;margin:0 .3rem 0 0}
        .hint{color:#444}
        fieldset.day{border:1px solid #ccc;border-radius:6px;background:#fff;margin:0 0 1rem;padding:.5rem}
        legend{font-weight:600;padding:0 .25rem}
        .cell{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));align-items:stretch;gap:.25rem;padding:.35rem 0;border-top:1px solid #eee}
        .cell .time{grid-column:1/-1;font-variant-numeric:tabular-nums;font-weight:600}
        .cell label{touch-action:none;display:flex;align-items:center;margin:0;font-weight:400;font-size:.85rem;line-height:1.2;padding:.2rem .25rem;border:1px solid #999;border-radius:4px;min-height:44px}
        .cell label:has(input:checked){border-width:2px;border-color:#1a1a1a;text-decoration:underline}
        .cell label.available:has(input:checked){background:#dff0d8}
        .cell label.if-need-be:has(input:checked){background:#fff3cd}
        .cell label.unavailable:has(input:checked){background:#f8d7da}
        .cell input[type=radio]{flex:none;width:1rem;height:1rem;margin-right:.2rem}
        input[type=text]{width:100%;font:inherit;padding:.4rem;border:1px solid #767676;border-radius:4px}
        .error{border-left:4px solid #a4262c;padding-left:.5rem}
        .busy{font-variant-numeric:tabular-nums}
        @media (min-width:40rem){.cell{grid-template-columns:10rem repeat(3,minmax(0,1fr))}.cell .time{grid-column:auto;align-self:center}}

        """
}
