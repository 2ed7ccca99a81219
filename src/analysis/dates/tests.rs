//! Tests of finding and resolving dates, on sentences written for them.

use super::*;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// (text, iso or "?", end, qualifier) of each date found.
type Row = (String, String, Option<String>, Option<Qualifier>);

fn found(text: &str, published: Option<NaiveDate>) -> Vec<Row> {
    find(text, published)
        .into_iter()
        .map(|m| {
            (
                text[m.range.clone()].to_string(),
                m.date.map_or("?".to_string(), |x| x.iso()),
                m.end.map(|e| e.iso()),
                m.qualifier,
            )
        })
        .collect()
}

fn one(text: &str, published: Option<NaiveDate>) -> Row {
    let f = found(text, published);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().unwrap()
}

/// The date given to the expression `expr` in `text`.
fn date_of(text: &str, expr: &str, published: Option<NaiveDate>) -> String {
    let f = found(text, published);
    f.iter()
        .find(|r| r.0 == expr)
        .unwrap_or_else(|| panic!("{expr} not found in {text}: {f:?}"))
        .1
        .clone()
}

fn no_dates(text: &str) {
    let f = found(text, Some(d(2021, 3, 10)));
    assert!(f.is_empty(), "{text}: {f:?}");
}

#[test]
fn absolute_dates() {
    assert_eq!(
        one("It opened on June 4, 2015 in Oslo.", None).1,
        "2015-06-04"
    );
    assert_eq!(one("It opened on 4 June 2015.", None).1, "2015-06-04");
    assert_eq!(one("Filed 2021-03-08 by staff.", None).1, "2021-03-08");
    assert_eq!(one("Stamped 2021-03-08T10:15:00Z.", None).1, "2021-03-08");
    assert_eq!(one("Signed on 25.12.2019 in Bern.", None).1, "2019-12-25");
    assert_eq!(one("Signed on 12/25/2019 in Boston.", None).1, "2019-12-25");
    // Day and month in an order that cannot be told: not a date.
    no_dates("Signed on 03/04/2019 in Leeds.");
    assert_eq!(one("Talks began in Sept. 2020 again.", None).1, "2020-09");
    assert_eq!(
        one("He was born in 1961.", None),
        ("in 1961".into(), "1961".into(), None, None)
    );
    assert_eq!(one("Prices have doubled since 1990.", None).0, "since 1990");
    assert_eq!(
        one("On Tuesday, March 4, 2014 the port closed.", None).1,
        "2014-03-04"
    );
}

#[test]
fn ranges_and_both_their_ends() {
    let r = Some(d(2021, 3, 8));
    assert_eq!(
        one("The fair runs March 3-5 in Leeds.", r),
        (
            "March 3-5".into(),
            "2021-03-03".into(),
            Some("2021-03-05".into()),
            None
        )
    );
    assert_eq!(
        one("The fair ran from March 30-April 2, 2020.", r).2,
        Some("2020-04-02".into())
    );
    assert_eq!(one("a 2009–12 programme", None).2, Some("2012".into()));
    // Each end of a range written out in words is a date of its own.
    let f = found("She led the agency between 1994 and 1997.", None);
    assert_eq!(
        f,
        vec![
            (
                "between 1994".into(),
                "1994".into(),
                Some("1997".into()),
                None
            ),
            ("1997".into(), "1997".into(), None, None),
        ]
    );
    let f = found("He served from 2015 to 2017.", None);
    assert_eq!(f[0].2, Some("2017".into()));
    assert_eq!(f[1].1, "2017");
    let f = found("Sales rose from January to March.", r);
    assert_eq!(
        (f[0].1.as_str(), f[0].2.as_deref()),
        ("2021-01", Some("2021-03"))
    );
    assert_eq!(f[1].1, "2021-03");
    // An end that would come before its start is the next year's.
    let f = found(
        "The shelter is open from December to February.",
        Some(d(2021, 11, 20)),
    );
    assert_eq!(f[0].2.as_deref(), Some("2022-02"));
    assert_eq!(
        one("Parks open between 1 and 3 June each year.", r).2,
        Some("2021-06-03".into())
    );
}

#[test]
fn vague_dates() {
    let r = Some(d(2019, 1, 25));
    assert_eq!(
        one("They will meet in early June.", r),
        (
            "early June".into(),
            "2019-06".into(),
            None,
            Some(Qualifier::Early)
        )
    );
    assert_eq!(one("The plant closed in mid-2015.", r).1, "2015");
    assert_eq!(
        one("It expired at the end of last year.", r),
        (
            "the end of last year".into(),
            "2018".into(),
            None,
            Some(Qualifier::Late)
        )
    );
    assert_eq!(one("A summit in late February is planned.", r).1, "2019-02");
    assert_eq!(
        one("Relations grew tense in late 2018.", r).3,
        Some(Qualifier::Late)
    );
    assert_eq!(
        one("The rules lapse at the end of the month.", r).3,
        Some(Qualifier::Late)
    );
}

#[test]
fn relative_dates_use_the_publication_date() {
    let r = Some(d(2021, 3, 8)); // a Monday
    assert_eq!(one("Sales fell last year.", r).1, "2020");
    assert_eq!(one("Results come next month.", r).1, "2021-04");
    assert_eq!(one("It closed two years ago.", r).1, "2019");
    assert_eq!(one("It opened three days ago.", r).1, "2021-03-05");
    assert_eq!(one("The vote was held on Thursday.", r).1, "2021-03-04");
    assert_eq!(one("It was agreed yesterday.", r).1, "2021-03-07");
    assert_eq!(one("It rained last night.", r).1, "2021-03-07");
    assert_eq!(
        one("The pact lapses this quarter.", r).2,
        Some("2021-03".into())
    );
    assert_eq!(
        one("Shares fell earlier this week.", r).2,
        Some("2021-03-08".into())
    );
    // A month and day without a year take the nearest year in the past…
    assert_eq!(one("On December 30 the ship sailed.", r).1, "2020-12-30");
    assert_eq!(one("Talks resumed in November.", r).1, "2020-11");
    assert_eq!(
        one(
            "Little has changed since the June 12 summit.",
            Some(d(2019, 1, 25))
        )
        .1,
        "2018-06-12"
    );
    // …unless the sentence speaks of the future, or the date is days ahead.
    assert_eq!(
        one("The vote will be held on June 12.", Some(d(2019, 1, 25))).1,
        "2019-06-12"
    );
    assert_eq!(
        one("Polls open on January 3.", Some(d(2020, 12, 20))).1,
        "2021-01-03"
    );
    // A verb in the past tense keeps it in the past.
    assert_eq!(
        one("The council was elected in January.", Some(d(2020, 12, 20))).1,
        "2020-01"
    );
    assert_eq!(one("Her March visit was cancelled.", r).1, "2021-03");
    assert_eq!(one("Floods hit. January saw record rain.", r).1, "2021-01");
    assert_eq!(
        one("Sales rose early this month of the year.", r).1,
        "2021-03"
    );
    assert_eq!(
        one("The past week saw talks.", r).2,
        Some("2021-03-08".into())
    );
    assert_eq!(
        one("This winter was mild.", Some(d(2021, 1, 20))).1,
        "2020-12"
    );
}

#[test]
fn bare_weekdays_in_wire_style() {
    let r = Some(d(2021, 3, 10)); // a Wednesday
    // The most recent such day…
    assert_eq!(
        one("The minister said Tuesday he would resign.", r).1,
        "2021-03-09"
    );
    assert_eq!(one("Police arrested two men Saturday.", r).1, "2021-03-06");
    assert_eq!(
        one("Rebels late Monday seized the airport.", r).1,
        "2021-03-08"
    );
    // …the day itself when it is the publication's weekday…
    assert_eq!(one("The court ruled Wednesday.", r).1, "2021-03-10");
    // …and the next one when the clause speaks of the future.
    assert_eq!(one("The committee will vote Friday.", r).1, "2021-03-12");
    assert_eq!(
        one("Talks are to resume Monday in Oslo.", r).1,
        "2021-03-15"
    );
    assert_eq!(one("The envoy is due to arrive Sunday.", r).1, "2021-03-14");
    assert_eq!(
        one("Trading is suspended until Thursday.", r).1,
        "2021-03-11"
    );
    assert_eq!(
        one("On Friday, the mayor will open the new bridge.", r).1,
        "2021-03-12"
    );
    assert_eq!(
        one("She will retire, the union said Monday.", r).1,
        "2021-03-08"
    );
    assert_eq!(one("The exchange reopens Monday.", r).1, "2021-03-15");
    // last, next, this.
    assert_eq!(one("They met last Wednesday.", r).1, "2021-03-03");
    assert_eq!(one("They meet next Wednesday.", r).1, "2021-03-17");
    assert_eq!(one("They meet next Friday.", r).1, "2021-03-12");
    assert_eq!(one("Stores close this Saturday.", r).0, "this Saturday");
}

#[test]
fn a_weekday_in_an_undated_article_stays_unresolved() {
    let text = "Firefighters contained the blaze on Friday. Residents returned home.";
    let m = find(text, None);
    assert_eq!(m.len(), 1);
    assert_eq!(&text[m[0].range.clone()], "Friday");
    assert_eq!(m[0].date, None, "no date to resolve against");
    assert!(m[0].relative);
    // So do other relative dates…
    assert_eq!(one("Sales fell last year.", None).1, "?");
    assert_eq!(one("It closed two weeks ago.", None).1, "?");
    // …but a full date the article states anchors the weekdays around it.
    let text = "The summit opened on March 3, 2021. On Friday the leaders signed a pact.";
    assert_eq!(date_of(text, "Friday", None), "2021-03-05");
    let text = "The flood peaked on Sunday. Waters fell by March 9, 2021.";
    assert_eq!(date_of(text, "Sunday", None), "2021-03-07");
    // A year the article states gives a year to a date written without one.
    let text = "In 2016 the mine flooded. On April 3 the pumps failed.";
    assert_eq!(date_of(text, "April 3", None), "2016-04-03");
    let r = resolve(text, &scan(text), None);
    assert_eq!(
        r.reference.map(|x| x.basis),
        Some(ReferenceBasis::LatestPartial)
    );
    // A date the text looks forward to says nothing of when it was written.
    let text = "The plan runs until 2030. On Monday the board met.";
    assert_eq!(date_of(text, "Monday", None), "?");
}

#[test]
fn one_scan_many_references() {
    // Scanning needs no date; resolving the same scan against two
    // publication dates gives two answers.
    let text = "The ferry sank on Tuesday, a year after the strike.";
    let f = scan(text);
    let a = resolve(text, &f, Some(d(2021, 3, 10)));
    let b = resolve(text, &f, Some(d(2020, 5, 1)));
    assert_eq!(
        a.mentions[0].date.map(|x| x.iso()).as_deref(),
        Some("2021-03-09")
    );
    assert_eq!(
        b.mentions[0].date.map(|x| x.iso()).as_deref(),
        Some("2020-04-28")
    );
}

#[test]
fn holidays_fixed_and_movable() {
    let r = Some(d(2019, 5, 2));
    assert_eq!(one("Sales slumped over Easter.", r).1, "2019-04-21");
    assert_eq!(one("The shop shut on Good Friday.", r).1, "2019-04-19");
    assert_eq!(one("Flights were cut after Christmas.", r).1, "2018-12-25");
    assert_eq!(one("Flights resume after Christmas.", r).1, "2019-12-25");
    assert_eq!(one("Prices rise before Christmas 2019.", r).1, "2019-12-25");
    assert_eq!(
        one("The plant will reopen by Thanksgiving.", r).1,
        "2019-11-28"
    );
    assert_eq!(one("Fireworks lit New Year's Eve.", r).1, "2018-12-31");
    assert_eq!(one("He visited last Christmas.", r).1, "2018-12-25");
    assert_eq!(one("The office closed on Labor Day.", r).1, "2018-09-03");
    assert_eq!(one("The office closes on Labor Day.", r).1, "2019-09-02");
    assert_eq!(
        one("Marchers gathered on Valentine’s Day.", r).1,
        "2019-02-14"
    );
    // Another calendar's, or a name.
    no_dates("Families met for Orthodox Easter.");
    no_dates("Tourists flew to Easter Island.");
    no_dates("The striker Jermaine Easter scored.");
}

#[test]
fn seasons_quarters_and_halves() {
    let r = Some(d(2021, 3, 10));
    let f = one("The dam was finished in the summer of 2015.", r);
    assert_eq!((f.1.as_str(), f.2.as_deref()), ("2015-06", Some("2015-08")));
    assert_eq!(one("Exports fell last summer.", r).1, "2020-06");
    assert_eq!(one("Exports will rise next spring.", r).1, "2022-03");
    assert_eq!(one("Prices fell in the autumn.", r).1, "2020-09");
    assert_eq!(one("They plan to sell this spring.", r).1, "2021-03");
    let f = one("Winter 2021 was cold.", r);
    assert_eq!((f.1.as_str(), f.2.as_deref()), ("2020-12", Some("2021-02")));
    let f = one("Output grew in the third quarter of 2015.", r);
    assert_eq!((f.1.as_str(), f.2.as_deref()), ("2015-07", Some("2015-09")));
    assert_eq!(
        one("Q3 2016 results were flat.", r).2,
        Some("2016-09".into())
    );
    // A quarter named as an adjective takes the year of the latest one.
    assert_eq!(
        one("The bank posted a fourth-quarter loss.", r).1,
        "2020-10"
    );
    let f = one("Rents rose in the first half of the year.", r);
    assert_eq!((f.1.as_str(), f.2.as_deref()), ("2021-01", Some("2021-06")));
    assert_eq!(
        one("Margins shrank in the second half of 2019.", r).1,
        "2019-07"
    );
    // Periods of a game, the fall of a city, a sporting event: not dates.
    no_dates("He scored in the fourth quarter.");
    no_dates("The fall of the city shocked them.");
    no_dates("She won gold at the Summer Olympics.");
    no_dates("A winter storm cut power.");
}

#[test]
fn decades_and_centuries() {
    let r = Some(d(2021, 3, 10));
    let span = |t: &str| {
        let f = one(t, r);
        (f.1, f.2.unwrap_or_default())
    };
    assert_eq!(
        span("Growth stalled in the 1990s."),
        ("1990".into(), "1999".into())
    );
    assert_eq!(
        span("It was built in the '80s."),
        ("1980".into(), "1989".into())
    );
    assert_eq!(
        span("Fashion of the nineties returned."),
        ("1990".into(), "1999".into())
    );
    assert_eq!(
        span("The canal dates from the 19th century."),
        ("1800".into(), "1899".into())
    );
    assert_eq!(
        span("A twenty-first century problem."),
        ("2000".into(), "2099".into())
    );
    assert_eq!(
        span("Mills thrived in the 1800s."),
        ("1800".into(), "1899".into())
    );
    assert_eq!(
        span("Banks grew in the early 2000s."),
        ("2000".into(), "2009".into())
    );
    assert_eq!(
        one("Banks grew in the early 2000s.", r).3,
        Some(Qualifier::Early)
    );
    assert_eq!(
        span("The bridge stood for most of last century."),
        ("1900".into(), "1999".into())
    );
    assert_eq!(
        span("Wages stagnated over the past decade."),
        ("2011".into(), "2021".into())
    );
    no_dates("The vase is from the 5th century BC.");
}

#[test]
fn counted_from_the_publication_or_the_last_date() {
    let r = Some(d(2021, 3, 10));
    assert_eq!(one("It closed two weeks ago.", r).1, "2021-02-24");
    assert_eq!(one("The firm was founded 12 years ago.", r).1, "2009");
    assert_eq!(one("A year ago prices fell.", r).1, "2020");
    let t = "The dam burst on May 4, 2010. Two days later the town was evacuated.";
    assert_eq!(date_of(t, "Two days later", r), "2010-05-06");
    let t = "The strike began in March 2012. Five months later it ended.";
    assert_eq!(date_of(t, "Five months later", r), "2012-08");
    let t = "Output peaked in 2008. A year earlier it had fallen.";
    assert_eq!(date_of(t, "A year earlier", r), "2007");
    let t = "The law passed in 2010. The following year it was repealed.";
    assert_eq!(date_of(t, "The following year", r), "2011");
    let t = "The law passed in 2010, up from the previous year.";
    assert_eq!(date_of(t, "the previous year", r), "2009");
    let t = "Troops entered on June 3, 2014. That day the border closed.";
    assert_eq!(date_of(t, "That day", r), "2014-06-03");
    let t = "The bill passed on June 3, 2014, and was signed the same day.";
    assert_eq!(date_of(t, "the same day", r), "2014-06-03");
    let t = "Troops entered on June 3, 2014 and left the next day.";
    assert_eq!(date_of(t, "the next day", r), "2014-06-04");
    // Nothing mentioned before: counted from the publication date.
    assert_eq!(one("The next day, talks resumed.", r).1, "2021-03-11");
    // "Two days before the vote" counts from the vote, not a date.
    no_dates("Two days before the vote, polls shifted.");
}

#[test]
fn months_with_a_relative_year() {
    let r = Some(d(2021, 3, 10));
    assert_eq!(
        one("Rates rose in June last year.", r),
        ("June last year".into(), "2020-06".into(), None, None)
    );
    assert_eq!(one("Rates will rise in July next year.", r).1, "2022-07");
    assert_eq!(
        one("A fire broke out on Sept. 30 this year.", r).1,
        "2021-09-30"
    );
    assert_eq!(one("It was seized last December 17.", r).1, "2020-12-17");
    assert_eq!(one("It reopens next March 31.", r).1, "2021-03-31");
    assert_eq!(one("It reopens next March 1.", r).1, "2022-03-01");
    assert_eq!(one("Tourism grew last March.", r).1, "2020-03");
}

#[test]
fn years_in_words() {
    assert_eq!(
        one("It was founded in nineteen ninety-seven.", None).1,
        "1997"
    );
    assert_eq!(one("Bells rang in the year two thousand.", None).1, "2000");
    assert_eq!(
        one("The club folded in two thousand and eight.", None).1,
        "2008"
    );
    no_dates("Some two thousand people marched.");
    no_dates("The film Nineteen Eighty-Four opened.");
}

#[test]
fn words_that_are_not_dates() {
    for t in [
        "May I ask a question?",
        "He may go; march on.",
        "Women's March organisers met.",
        "The March against austerity drew crowds.",
        "The Sunday Times reported it.",
        "Relatives marked Bloody Sunday.",
        "The market opens every Friday.",
        "Officials met a Monday deadline.",
        "Some 12,000 people came.",
        "It costs $15/month or $120/yr.",
        "a Tier II partner",
        "Stationing 28,500 US troops.",
        "Revenue rose 2020% in a year.",
        "Page 1999 of the file",
        "There were 1984 delegates.",
        "The rate was 1.1752-1754 dollars.",
        "The mine is 1,400 years old, built 1,400 years ago.",
        "Mar2 is a code.",
    ] {
        let f = found(t, Some(d(2020, 1, 1)));
        let bad: Vec<_> = f.iter().filter(|x| !x.0.contains("Monday")).collect();
        assert!(bad.is_empty(), "{t}: {f:?}");
    }
    // A document that names someone May: "by May" is the person.
    let t = "Prime Minister Theresa May spoke. A speech by May followed.";
    assert!(found(t, Some(d(2019, 1, 1))).is_empty());
    // In another, it is the month.
    assert_eq!(
        one("The law will take effect by May.", Some(d(2019, 1, 1))).1,
        "2019-05"
    );
}

#[test]
fn datelines() {
    assert_eq!(
        full_date_in("February 6, 2019 Topic: Security").map(|x| x.1),
        Some(d(2019, 2, 6))
    );
    assert_eq!(full_date_in("8 Mar 2021").map(|x| x.1), Some(d(2021, 3, 8)));
    assert_eq!(
        full_date_in("Posted 2021-03-08").map(|x| x.1),
        Some(d(2021, 3, 8))
    );
    assert_eq!(
        full_date_in("Mon, 08 Mar 2021 10:32:00 +0000").map(|x| x.1),
        Some(d(2021, 3, 8))
    );
    assert_eq!(full_date_in("March 2021"), None);
}
