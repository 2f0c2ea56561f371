//! Two built-in articles to try QuoteLens without one at hand.

pub struct Sample {
    pub title: &'static str,
    pub text: &'static str,
}

pub const SAMPLES: [Sample; 2] = [
    Sample {
        title: "Pompeo on cyber attacks on Czech hospitals",
        text: include_str!("../../samples/000_0399775715a1bf4a.txt"),
    },
    Sample {
        title: "Von der Leyen on Chinese cyberattacks",
        text: include_str!("../../samples/004_5f6aecae78906b36.txt"),
    },
];
