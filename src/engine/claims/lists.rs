//! The word lists behind the named claim features. A word is looked up in all of them
//! at once in the word layer's one table of listed words (`words::WordTable::claim_bits`).
//!
//! Lists are set by hand from general English (no word was picked from an error list of
//! a corpus); which of them matter, and how much, is learnt (`examples/train_claims.rs`).

use super::features::{feature_bit, NAMED};
use crate::engine::lexicon;
use crate::engine::words::KEY_BYTES;

// Bits of a word's claim lists besides the features (which are bits below [`NAMED`]):
// the lists that stop a suffix rule rather than set a feature.
pub(crate) const STOPS_EST: u64 = 1 << 62;
pub(crate) const STOPS_ED: u64 = 1 << 63;
pub(crate) const FEATURE_BITS: u64 = (1 << NAMED) - 1;

/// The word lists the features look words up in, each with the bit it sets in
/// the word layer's table: its feature's, or a suffix rule's stop.
pub(crate) const LISTS: [(&[&str], u64); 40] = [
    (MONEY_WORDS, feature_bit("money")),
    (MAGNITUDES, feature_bit("magnitude")),
    (COMPARATIVES, feature_bit("comparative")),
    (SUPERLATIVES, feature_bit("superlative")),
    (NOT_SUPERLATIVE_EST, STOPS_EST),
    (CAUSES, feature_bit("cause")),
    (TRENDS, feature_bit("trend")),
    (STATISTICS, feature_bit("statistic")),
    (IRREGULAR_PAST, feature_bit("past-event")),
    (NOT_PAST_ED, STOPS_ED),
    (CEREMONY, feature_bit("ceremony")),
    (OPINION, feature_bit("opinion")),
    (MODAL_FUTURE, feature_bit("modal-future")),
    (NEGATION, feature_bit("negation")),
    (VOTE_LAW, feature_bit("vote-law")),
    (REPORTED, feature_bit("reported")),
    (HEDGES, feature_bit("hedge")),
    (QUANTITIES, feature_bit("quantity")),
    (EVERY_NEVER, feature_bit("every-never")),
    (
        &[
            "has", "have", "had", "i've", "we've", "they've", "hasn't", "haven't",
        ],
        feature_bit("perfect"),
    ),
    (
        &["i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll"],
        feature_bit("first-singular"),
    ),
    (
        &["we", "our", "us", "ours", "we've", "we're", "we'll"],
        feature_bit("first-plural"),
    ),
    (
        &["you", "your", "yours", "you're", "you've"],
        feature_bit("second-person"),
    ),
    (&["than"], feature_bit("than")),
    (&["percent", "percentage"], feature_bit("percent")),
    (DATES, feature_bit("date")),
    // The weekdays are dates too: the lexicon's one list, not a copy.
    (&lexicon::WEEKDAYS, feature_bit("date")),
    (RECORDS, feature_bit("record")),
    (
        &["is", "are", "isn't", "aren't", "it's", "there's"],
        feature_bit("present-be"),
    ),
    (OBLIGATION, feature_bit("obligation")),
    (EVALUATIVE, feature_bit("evaluative")),
    (
        &[
            "and", "but", "so", "because", "well", "oh", "now", "look", "yeah",
        ],
        feature_bit("starts-conjunction"),
    ),
    (EVENTS, feature_bit("event")),
    (RESEARCH, feature_bit("research")),
    (FORECAST, feature_bit("forecast")),
    (UNITS, feature_bit("unit")),
    (ORDINALS, feature_bit("ordinal")),
    (
        &[
            "he", "she", "they", "it", "his", "her", "their", "its", "them", "him",
        ],
        feature_bit("third-person"),
    ),
    (&["this", "that", "these", "those"], feature_bit("deictic")),
    (
        &["who", "what", "when", "where", "why", "how", "which"],
        feature_bit("wh-word"),
    ),
];

/// The length of the longest listed word: a longer word is in no list.
pub(crate) const LONGEST_LISTED: usize = {
    let (mut longest, mut k) = (0, 0);
    while k < LISTS.len() {
        let mut j = 0;
        while j < LISTS[k].0.len() {
            if LISTS[k].0[j].len() > longest {
                longest = LISTS[k].0[j].len();
            }
            j += 1;
        }
        k += 1;
    }
    longest
};

const _: () = assert!(LONGEST_LISTED <= KEY_BYTES, "every listed word has a key");

const COMPARATIVES: &[&str] = &[
    "more", "less", "fewer", "higher", "lower", "bigger", "larger", "smaller", "greater", "worse",
    "better", "faster", "slower", "cheaper", "richer", "poorer", "longer", "shorter", "stronger",
    "weaker", "older", "younger", "increase", "decrease", "compared", "versus", "double", "twice",
    "half",
];
const SUPERLATIVES: &[&str] = &[
    "most",
    "least",
    "best",
    "worst",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "greatest",
    "smallest",
    "first",
    "only",
    "ever",
    "record",
    "fastest",
    "strongest",
    "weakest",
    "richest",
    "poorest",
    "longest",
    "oldest",
    "newest",
    "deadliest",
    "top",
];
const NOT_SUPERLATIVE_EST: &[&str] = &[
    "interest", "honest", "rest", "test", "best", "west", "request", "protest", "arrest", "invest",
    "suggest", "latest", "guest", "chest", "nest", "contest", "forest", "modest", "harvest",
    "manifest", "digest", "earnest", "pest", "quest", "vest", "conquest", "unrest", "attest",
    "detest",
];
const CAUSES: &[&str] = &[
    "because",
    "caused",
    "causes",
    "cause",
    "causing",
    "due",
    "result",
    "resulted",
    "results",
    "led",
    "leads",
    "therefore",
    "consequence",
    "blamed",
    "responsible",
    "since",
    "thanks",
];
const TRENDS: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "increasing",
    "decrease",
    "decreased",
    "decreasing",
    "rise",
    "rose",
    "risen",
    "rising",
    "fell",
    "fall",
    "falling",
    "fallen",
    "grew",
    "grow",
    "growing",
    "growth",
    "drop",
    "dropped",
    "doubled",
    "tripled",
    "quadrupled",
    "cut",
    "cuts",
    "raised",
    "raise",
    "soared",
    "surged",
    "plunged",
    "plummeted",
    "declined",
    "decline",
    "down",
    "up",
    "jumped",
    "lost",
    "gained",
    "added",
    "created",
    "shrank",
    "skyrocketed",
];
const STATISTICS: &[&str] = &[
    "rate",
    "rates",
    "average",
    "majority",
    "percent",
    "per",
    "jobs",
    "unemployment",
    "poverty",
    "deficit",
    "debt",
    "tax",
    "taxes",
    "budget",
    "income",
    "wages",
    "wage",
    "gdp",
    "economy",
    "statistics",
    "survey",
    "poll",
    "polls",
    "data",
    "number",
    "numbers",
    "population",
    "cases",
    "deaths",
    "killed",
    "people",
    "americans",
    "workers",
    "households",
    "trade",
    "spending",
    "cost",
    "costs",
    "paid",
    "pay",
    "funding",
    "crime",
    "murders",
    "immigrants",
    "insurance",
    "premiums",
    "emissions",
    "total",
    "annual",
    "year",
];
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "did",
    "had",
    "said",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "got",
    "lost",
    "won",
    "spent",
    "sent",
    "paid",
    "built",
    "left",
    "told",
    "became",
    "began",
    "brought",
    "bought",
    "sold",
    "fought",
    "led",
    "wrote",
    "ran",
    "saw",
    "knew",
    "grew",
    "rose",
    "fell",
    "met",
    "held",
    "kept",
    "thought",
    "found",
    "stood",
    "broke",
    "chose",
    "drove",
    "flew",
    "hit",
    "put",
    "set",
    "shut",
    "struck",
    "threw",
    "voted",
    "passed",
    "signed",
    "killed",
    "announced",
    "reported",
];
const NOT_PAST_ED: &[&str] = &[
    "need", "indeed", "speed", "seed", "feed", "bed", "red", "shed", "united", "hundred",
];
const CEREMONY: &[&str] = &[
    "thank",
    "thanks",
    "hello",
    "welcome",
    "applause",
    "laughter",
    "crosstalk",
    "congratulations",
    "evening",
    "morning",
    "tonight",
    "ladies",
    "gentlemen",
    "please",
    "folks",
    "okay",
    "ok",
    "yes",
    "bless",
    "great",
    "wonderful",
    "honor",
    "proud",
    "love",
    "amazing",
    "beautiful",
    "incredible",
    "inaudible",
];
const OPINION: &[&str] = &[
    "think", "believe", "feel", "hope", "want", "wish", "guess", "should", "must", "need", "needs",
    "ought", "agree", "disagree", "opinion", "frankly", "honestly", "let", "let's", "going",
    "gonna",
];
const MODAL_FUTURE: &[&str] = &[
    "will", "would", "could", "can", "might", "may", "shall", "i'll", "we'll", "we're",
];
const NEGATION: &[&str] = &[
    "not", "never", "no", "nobody", "nothing", "none", "neither", "nor",
];
const VOTE_LAW: &[&str] = &[
    "voted",
    "vote",
    "votes",
    "bill",
    "law",
    "laws",
    "act",
    "legislation",
    "supported",
    "opposed",
    "senate",
    "congress",
    "signed",
    "passed",
    "vetoed",
    "treaty",
    "deal",
    "agreement",
    "plan",
    "policy",
];
const REPORTED: &[&str] = &[
    "according",
    "reported",
    "report",
    "reports",
    "says",
    "said",
    "estimates",
    "found",
    "study",
];
const HEDGES: &[&str] = &[
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "somebody",
    "something",
    "kind",
    "sort",
];
const MAGNITUDES: &[&str] = &[
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
];
const QUANTITIES: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", "percent", "half", "third", "quarter", "times",
];
const EVERY_NEVER: &[&str] = &[
    "every",
    "all",
    "always",
    "nobody",
    "everybody",
    "everyone",
    "never",
    "nothing",
    "entire",
];
const MONEY_WORDS: &[&str] = &[
    "dollars", "dollar", "$", "cents", "euros", "pounds", "bucks",
];

const DATES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "yesterday",
    "today",
    "ago",
    "since",
    "decade",
    "decades",
    "century",
    "quarter",
    "annual",
    "annually",
    "weekend",
];
const RECORDS: &[&str] = &[
    "record",
    "records",
    "first",
    "only",
    "ever",
    "history",
    "historic",
    "unprecedented",
    "never",
    "top",
    "leading",
    "number",
    "rank",
    "ranked",
    "ranks",
];
const OBLIGATION: &[&str] = &[
    "should",
    "must",
    "ought",
    "need",
    "needs",
    "have",
    "let's",
    "shouldn't",
    "mustn't",
];
const EVALUATIVE: &[&str] = &[
    "great",
    "terrible",
    "horrible",
    "wonderful",
    "good",
    "bad",
    "amazing",
    "awful",
    "beautiful",
    "disaster",
    "disgrace",
    "tremendous",
    "fantastic",
    "ridiculous",
    "stupid",
    "smart",
    "nice",
    "excellent",
    "sad",
    "happy",
    "exciting",
    "excited",
    "important",
    "interesting",
    "love",
    "hate",
    "fun",
    "best",
    "worst",
    "special",
    "perfect",
    "strong",
    "weak",
    "crazy",
    "unfair",
    "fair",
    "wrong",
    "right",
    "proud",
    "glad",
    "pleased",
];
const EVENTS: &[&str] = &[
    "won",
    "lost",
    "beat",
    "defeated",
    "scored",
    "killed",
    "died",
    "dead",
    "injured",
    "arrested",
    "charged",
    "convicted",
    "sentenced",
    "sued",
    "ruled",
    "fined",
    "fired",
    "elected",
    "launched",
    "acquired",
    "bought",
    "sold",
    "raised",
    "paid",
    "spent",
    "cut",
    "closed",
    "opened",
    "filed",
    "pleaded",
    "banned",
    "approved",
    "rejected",
    "released",
    "announced",
    "confirmed",
    "hired",
    "resigned",
    "appointed",
    "invaded",
    "attacked",
    "deported",
    "created",
    "built",
    "funded",
    "signed",
];
const RESEARCH: &[&str] = &[
    "study",
    "studies",
    "research",
    "researchers",
    "scientists",
    "survey",
    "data",
    "found",
    "finds",
    "evidence",
    "analysis",
    "poll",
    "polls",
    "census",
    "report",
    "findings",
    "published",
    "journal",
    "trial",
    "estimated",
];
const FORECAST: &[&str] = &[
    "expected",
    "expects",
    "expect",
    "forecast",
    "predicted",
    "predicts",
    "likely",
    "plans",
    "plan",
    "aims",
    "intends",
    "hopes",
    "promise",
    "promised",
    "going",
    "gonna",
    "soon",
    "future",
    "next",
    "tomorrow",
];
const UNITS: &[&str] = &[
    "people",
    "jobs",
    "workers",
    "cases",
    "deaths",
    "votes",
    "miles",
    "acres",
    "tons",
    "years",
    "months",
    "days",
    "hours",
    "points",
    "games",
    "goals",
    "yards",
    "kilometres",
    "kilometers",
    "meters",
    "metres",
    "feet",
    "degrees",
    "children",
    "families",
    "americans",
    "students",
    "patients",
    "troops",
    "soldiers",
    "members",
    "employees",
    "users",
    "customers",
    "countries",
    "states",
    "companies",
];
const ORDINALS: &[&str] = &[
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "1st",
    "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::claims::features::{feature_bit, Lower};
    use crate::engine::words::WordTable;

    #[test]
    fn list_bits_name_their_lists() {
        let table = WordTable::get();
        let of = |w: &'static str| {
            table.claim_bits(Lower {
                bytes: w.as_bytes(),
                fold: 0,
            })
        };
        assert_eq!(FEATURE_BITS & (STOPS_EST | STOPS_ED), 0);
        assert_ne!(of("percent") & feature_bit("percent"), 0);
        assert_ne!(of("interest") & STOPS_EST, 0);
        assert_eq!(of("unlisted"), 0);
        // The filter in front of the table lets every listed word through, in any case.
        for (list, bit) in LISTS {
            for w in list {
                assert_ne!(of(w) & bit, 0, "{w}");
                let upper = w.to_ascii_uppercase();
                let folded = Lower {
                    bytes: upper.as_bytes(),
                    fold: 0x20,
                };
                assert_ne!(table.claim_bits(folded) & bit, 0, "{upper}");
                assert!(w.len() <= LONGEST_LISTED);
            }
        }
        assert_eq!(of(""), 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The table's bits of a word are those of every list holding its lower case.
        #[test]
        fn listed_bits_are_a_search_of_the_lists(
            list in 0usize..LISTS.len(),
            pick in 0usize..1000,
            upper in proptest::prelude::any::<bool>(),
            other in "[a-zA-Z0-9'.,]{0,17}",
        ) {
            let search = |lower: &str| {
                LISTS
                    .iter()
                    .filter(|(words, _)| words.contains(&lower))
                    .fold(0, |bits, (_, bit)| bits | bit)
            };
            let words = LISTS[list].0;
            let w = words[pick % words.len()];
            let w = if upper { w.to_ascii_uppercase() } else { w.to_string() };
            let table = WordTable::get();
            for w in [w.as_str(), other.as_str()] {
                let lower = w.to_ascii_lowercase();
                proptest::prop_assert_eq!(
                    table.claim_bits(Lower::folded(w.as_bytes())),
                    search(&lower),
                    "{:?}",
                    w
                );
            }
        }
    }
}
