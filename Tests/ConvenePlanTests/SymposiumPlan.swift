import Foundation

/// A plan that uses everything version 2 adds: a remote speaker in New York across the day the US
/// changes its clocks (2027-03-14), a lunch break, room turnover, an exclusive plenary, a meeting
/// that picks people, a conflict of interest, a composition maximum and a weekly evening series.
/// Each test of the new syntax breaks one thing in it and expects the error at the right place.
let symposiumPlan = """
event:
  id: v2
  name: {en: Symposium}
  timeZone: Asia/Tokyo
  organizer: {name: Secretariat, email: office@example.org}
  remoteHours: {acceptable: ["07:00", "21:00"]}
  breaks:
    - {from: "12:00", to: "13:00", name: {ja: 昼食, en: Lunch}}
    - {from: "2027-03-15 15:00", to: "2027-03-15 15:15"}
  days:
    - {date: "2027-03-12", opens: "09:00", closes: "18:00"}
    - {date: "2027-03-15", opens: "09:00", closes: "18:00"}
rooms:
  - {id: hall, capacity: 100, turnover: 15}
  - {id: room-b, capacity: 30}
people:
  - {id: p-a, name: A, email: a@example.org, group: patient}
  - {id: p-ny, name: NY, email: ny@example.org, group: academia, timeZone: America/New_York, remote: true}
  - {id: p-paris, name: Paris, email: paris@example.org, group: academia, timeZone: Europe/Paris, remote: true,
     hours: {preferred: ["08:00", "20:00"]}}
  - {id: p-visit, name: Visitor, email: visit@example.org, group: academia, timeZone: Europe/Paris, hours: {acceptable: ["10:00", "16:00"]}}
  - {id: i-1, name: I1, email: i1@example.org, group: industry}
  - {id: i-2, name: I2, email: i2@example.org, group: industry}
  - {id: i-3, name: I3, email: i3@example.org, group: industry}
  - {id: g-1, name: G1, email: g1@example.org, group: government}
  - {id: g-2, name: G2, email: g2@example.org, group: government}
sessions:
  - id: s-plenary
    title: {en: Plenary}
    duration: 60
    exclusive: true
    required: [p-a]
  - id: s-keynote
    title: {en: Keynote}
    duration: 60
    required: [p-ny]
  - id: s-meeting
    title: {en: Meeting}
    duration: 60
    required: [p-a, i-1]
    pick:
      - {from: [g-1, g-2]}
      - {from: [i-2, i-3], count: 1}
    composition:
      - groups: [patient, industry, government]
      - {group: industry, atMost: 2}
apart:
  - [i-1, i-2]
series:
  - id: evenings
    title: {en: Evening Seminars}
    every: week
    from: "2027-03-16"
    to: "2027-04-06"
    on: [tue, wed]
    except: ["2027-03-24"]
    opens: "18:30"
    closes: "20:30"
    each: {duration: 60, audience: 20}
    sessions:
      - {id: sem-1, title: {en: Seminar 1}, required: [g-1]}
      - {id: sem-2, title: {en: Seminar 2}}
      - {id: sem-3, title: {en: Seminar 3}, duration: 90}

"""
