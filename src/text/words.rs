//! Words: stop words, normalisation and stemming for comparing sentences.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;
use unicode_segmentation::UnicodeSegmentation;

/// Common English function words (and a few news fillers).
const STOP: &[&str] = &[
    "a", "about", "above", "according", "across", "after", "afterwards", "again", "against", "all", "almost", "alone",
    "along", "already", "also", "although", "always", "am", "among", "amongst", "an", "and", "another", "any",
    "anyhow", "anyone", "anything", "anyway", "anywhere", "are", "around", "as", "at", "be", "became", "because",
    "become", "becomes", "becoming", "been", "before", "beforehand", "behind", "being", "below", "beside", "besides",
    "between", "beyond", "both", "but", "by", "can", "cannot", "could", "despite", "did", "do", "does", "doing",
    "done", "down", "during", "each", "either", "else", "elsewhere", "enough", "even", "ever", "every", "everyone",
    "everything", "everywhere", "except", "few", "for", "former", "formerly", "from", "further", "furthermore", "given",
    "had", "has", "have", "having", "he", "hence", "her", "here", "hereafter", "hereby", "herein", "hers", "herself",
    "him", "himself", "his", "how", "however", "i", "if", "in", "indeed", "instead", "into", "is", "it", "its",
    "itself", "just", "last", "latter", "least", "less", "many", "may", "me", "meanwhile", "might", "more",
    "moreover", "most", "mostly", "much", "must", "my", "myself", "neither", "never", "nevertheless", "next", "no",
    "nobody", "none", "nor", "not", "nothing", "now", "nowhere", "of", "off", "often", "on", "once", "one", "only",
    "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
    "rather", "same", "several", "she", "should", "similarly", "since", "so", "some", "somehow", "someone",
    "something", "sometimes", "somewhere", "still", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore", "therein", "these", "they",
    "this", "those", "though", "through", "throughout", "thus", "to", "together", "too", "toward", "towards", "under",
    "unless", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
    "whence", "whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whole", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
    "accordingly", "additionally", "again", "inevitably", "ultimately", "unfortunately", "fortunately", "clearly",
    "certainly", "overall", "finally", "first", "second", "third", "today", "yesterday", "tomorrow", "earlier",
    "later", "recently", "leading", "following", "justified", "accepting", "complicating", "officials", "many",
    "s", "t", "said", "says", "say", "told", "mr", "mrs", "ms",
];

pub fn is_stop(lower: &str) -> bool {
    STOP.binary_search(&lower).is_ok() || STOP.contains(&lower)
}

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Lower-cased words of `s` (UAX #29 words), apostrophes and quotes unified.
pub fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.unicode_words().map(|w| w.replace('’', "'").to_lowercase())
}

/// Stemmed content words: no stop words, no bare numbers of one digit.
pub fn content_terms(s: &str) -> Vec<String> {
    let st = stemmer();
    words(s)
        .filter(|w| !is_stop(w) && w.chars().any(char::is_alphanumeric) && !(w.len() == 1 && w.chars().all(|c| c.is_ascii_digit())))
        .map(|w| {
            let w = w.strip_suffix("'s").unwrap_or(&w).to_string();
            st.stem(&w).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_stemmed_content_words() {
        assert_eq!(content_terms("The ministers were meeting in Oslo’s harbours."), vec!["minist", "meet", "oslo", "harbour"]);
        assert!(is_stop("the") && is_stop("despite") && !is_stop("harbour"));
    }
}
