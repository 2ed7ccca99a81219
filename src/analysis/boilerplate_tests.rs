//! Tests of `boilerplate`.

use super::*;
use crate::text::sentences;

fn kinds(text: &str) -> Vec<(String, BoilerKind)> {
    let s = sentences::split(text);
    find(text, &s)
        .into_iter()
        .map(|b| (text[b.range].to_string(), b.kind))
        .collect()
}

#[test]
fn paywall_and_comment_forms() {
    let t = "The council met on Monday.\n\nTo read the rest of this story, become a Daily Ledger Gold member. Only $5/month.\n\nLeave a Reply\n\nEnter your name\n\nFacebook photo\n\nA long closing paragraph of real reporting that goes on well past a hundred characters about the harbour budget.";
    let k = kinds(t);
    assert_eq!(k[0].1, BoilerKind::Paywall);
    assert!(k[0].0.starts_with("To read the rest"));
    assert_eq!(k[1], ("Leave a Reply".into(), BoilerKind::CommentForm));
    assert_eq!(k[2], ("Enter your name".into(), BoilerKind::CommentForm));
    assert_eq!(k[3], ("Facebook photo".into(), BoilerKind::CommentForm));
    assert_eq!(k.len(), 4, "{k:?}");
}

#[test]
fn copyright_captions_promos_and_tags() {
    let t = "Title\nPhoto: Jane Doe for the Ledger\nMayors gather in Leeds on March 3, 2021. AP\nMarch 8, 2021 Topic: Cities Region: Europe Tags: Leeds\nReal text about the harbour.\nRead more from Ann Lee\nCopyright © 2021 Ledger Media. All rights reserved.";
    let k = kinds(t);
    let got: Vec<BoilerKind> = k.iter().map(|x| x.1).collect();
    assert_eq!(
        got,
        vec![
            BoilerKind::Caption,
            BoilerKind::Caption,
            BoilerKind::Metadata,
            BoilerKind::Promo,
            BoilerKind::Copyright
        ],
        "{k:?}"
    );
}

#[test]
fn sentence_level_prompts_and_real_news_kept() {
    let t = "Ann Lee is a fellow at the Institute. You can follow her on Twitter @annlee.\nNetflix said subscribers rose by 8 million in the quarter, beating forecasts.";
    let k = kinds(t);
    assert_eq!(
        k,
        vec![(
            "You can follow her on Twitter @annlee.".into(),
            BoilerKind::Share
        )]
    );
}

#[test]
fn each_general_pattern_is_found() {
    let cases: &[(&str, BoilerKind)] = &[
        (
            "Subscribe now to continue reading this story.",
            BoilerKind::Paywall,
        ),
        (
            "Already a subscriber? Log in to read more.",
            BoilerKind::Paywall,
        ),
        (
            "Share this article on Facebook, X or by email",
            BoilerKind::Share,
        ),
        (
            "Share on Facebook  Share on Twitter  Email",
            BoilerKind::Share,
        ),
        (
            "Follow us on Twitter for the latest news.",
            BoilerKind::Share,
        ),
        (
            "Sign up for our free morning newsletter.",
            BoilerKind::Newsletter,
        ),
        (
            "Get our newsletter delivered to your inbox every week.",
            BoilerKind::Newsletter,
        ),
        ("Advertisement", BoilerKind::Promo),
        ("ADVERTISEMENT", BoilerKind::Promo),
        ("Photo: Ann Lee/Island Herald", BoilerKind::Caption),
        ("Photo by Ann Lee / Island Herald", BoilerKind::Caption),
        ("Image courtesy of the harbour trust", BoilerKind::Caption),
        (
            "This website uses cookies to give you the best experience.",
            BoilerKind::Cookie,
        ),
        ("By Ann Lee, Political Correspondent", BoilerKind::Byline),
        (
            "Posted by Island Herald staff · 4 March 2021",
            BoilerKind::Byline,
        ),
        ("Copyright 2021 Island Herald Ltd.", BoilerKind::Copyright),
        (
            "© 2021 Island Herald. All rights reserved.",
            BoilerKind::Copyright,
        ),
    ];
    for (line, kind) in cases {
        let text = format!(
            "Dock workers extended their strike on Monday, the union said.\n{line}\nThe port authority said talks would resume."
        );
        let k = kinds(&text);
        assert_eq!(k, vec![(line.to_string(), *kind)], "{line}");
    }
}

#[test]
fn related_lists_are_dimmed_to_their_end() {
    let t = "The strike ended on Friday.\nRelated articles\n- Ferry timetable changes\nCouncil approves new fire station\n\nThe port reopened on Saturday morning after the union and the port authority signed the agreement, officials said.";
    let k = kinds(t);
    let got: Vec<&str> = k.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "Related articles",
            "- Ferry timetable changes",
            "Council approves new fire station"
        ]
    );
    assert!(k.iter().all(|x| x.1 == BoilerKind::Related));
}

#[test]
fn news_that_looks_like_boilerplate_is_kept() {
    for line in [
        "By Tuesday, the fire was out and residents were allowed home.",
        "Netflix said subscribers rose by 8 million in the quarter.",
        "The minister said she would follow the advice of the committee.",
        "Photographers gathered outside the court on Monday.",
    ] {
        assert_eq!(kinds(line), vec![], "{line}");
    }
}

#[test]
fn labels_before_body_text_take_only_the_label_run() {
    let t = "Related: Ferry timetable Section: Local news Tags: ferries. The ferry between the two islands resumed service on Monday, the operator said. Passengers waited for two hours at the pier.";
    let k = kinds(t);
    assert_eq!(
        k,
        vec![(
            "Related: Ferry timetable Section: Local news Tags: ferries.".to_string(),
            BoilerKind::Metadata
        )]
    );
    // A one-line file: labels run into a sentence with no stop between.
    let t = "Section: World Topic: Shipping The port authority said on Tuesday that forty ships were delayed by the strike at the northern terminal. Dockers returned to work on Wednesday.";
    let k = kinds(t);
    assert_eq!(k.len(), 1, "{k:?}");
    assert_eq!(k[0].1, BoilerKind::Metadata);
    assert!(
        k[0].0.starts_with("Section: World Topic: Shipping"),
        "{k:?}"
    );
    assert!(
        k[0].0.len() <= "Section: World Topic:".len() + LABEL_VALUE,
        "{k:?}"
    );
    assert!(!k[0].0.contains("Dockers"), "{k:?}");
}

#[test]
fn labels_after_body_text_and_far_apart_labels() {
    // Body first, then a tag line on the same line.
    let t = "The council approved the new fire station on Thursday, the mayor said. Tags: council, fire station Section: Local";
    let k = kinds(t);
    assert_eq!(
        k,
        vec![(
            "Tags: council, fire station Section: Local".to_string(),
            BoilerKind::Metadata
        )]
    );
    // Two labels with a sentence between them are not a run.
    let t = "Section: Local. The council approved the new fire station on Thursday after a long debate, the mayor said. Related: the budget was passed in March.";
    assert!(kinds(t).is_empty(), "{:?}", kinds(t));
    // A line of labels alone is metadata whole, as before.
    let t = "Body text here.\nTopic: Cities Region: Europe Tags: Leeds, Hull\nMore body text.";
    assert_eq!(
        kinds(t),
        vec![(
            "Topic: Cities Region: Europe Tags: Leeds, Hull".to_string(),
            BoilerKind::Metadata
        )]
    );
}

#[test]
fn a_huge_one_line_file_with_labels_keeps_its_body() {
    let mut t = String::from("Section: World Tags: ports, ferries ");
    while t.len() < 5_000_000 {
        t.push_str("The harbour master said on March 3, 2021 that 40 ships were delayed by fog. ");
    }
    let s = sentences::split(&t);
    let b = find(&t, &s);
    let covered: usize = b.iter().map(|b| b.range.len()).sum();
    assert!(
        covered < 200,
        "{covered} bytes taken as boilerplate: {:?}",
        &b[..b.len().min(3)]
    );
    assert_eq!(b[0].kind, BoilerKind::Metadata);
    assert_eq!(b[0].range.start, 0);
}
