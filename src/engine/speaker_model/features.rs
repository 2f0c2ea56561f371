//! The features of a candidate speaker: what it is (a name, a pronoun, a role noun,
//! an organisation, a document), where it stands against the quotation and its cue
//! (sentence, paragraph, distance, punctuation between), how strong its cue is, and
//! whether the rules chose it or it spoke last. All in [0, 1] or so, so that one
//! learning rate fits them all.

use std::ops::Range;

use super::super::cues::CueList;
use super::super::lexicon::{self as lex, Pronoun};
use super::super::quotes::Quote;
use super::super::text::{starts_upper, Segmented};
use super::super::words::with_lower;
use super::candidates::{is_contracted_pronoun, Candidate, NounPhrases, Origin};

/// The least learnt strength (percent) that makes a word a candidate cue. Set by hand
/// when the speaker model was written (346c46d): weaker words would offer candidates
/// the model nearly always refuses; it stays below attribution's thresholds so the model,
/// not the cut, weighs the cue in context.
pub(crate) const MIN_CUE: u8 = 4;

/// Feature names, in weight order (the trainer writes them next to the weights).
pub(crate) const NAMES: [&str; N] = [
    "nobody",
    "nobody-speech-like",
    "nobody-short-quote",
    "nobody-own-paragraph",
    "rule-pick",
    "rule-pick-outside-sentence",
    "previous-speaker",
    "mention",
    "pronoun-he-she",
    "pronoun-they-it",
    "pronoun-i-we",
    "full-name",
    "one-capitalised-word",
    "no-capitals",
    "org-word",
    "document-word",
    "role-word",
    "title-word",
    "determiner-first",
    "same-sentence",
    "sentence-before",
    "sentence-after",
    "paragraph-before",
    "before-quote",
    "distance",
    "cue-strength",
    "cue-strength-after-subject",
    "cue-phrase",
    "speaker-before-cue",
    "speaker-cue-gap",
    "right-after-quote",
    "colon-before-quote",
    "quote-between",
    "same-surname-as-previous",
    "speaker-length",
    "quote-opens-sentence",
    "rule-pick-sentence-before",
    "rule-pick-paragraph-before",
    "previous-same-paragraph",
    "previous-paragraph-before",
    "nobody-opens-paragraph",
    "nobody-after-attributed-quote",
    "speaker-opens-sentence",
    "common-noun-no-role",
    "possessive",
    "odd-first-word",
    "cue-participle",
    "nobody-inside-sentence",
    "nobody-long-quote",
    "pronoun-in-sentence-before",
    "full-name-right-after-quote",
    "rule-pick-common-noun",
    "speaker-right-before-cue",
    "cue-right-before-quote",
    "colon-cue",
    "participle-speaker-opens-sentence",
    "participle-speaker-right-before",
    "cue-coordinated",
    "coordinated-speaker-opens-sentence",
    "intro-subject-colon",
    "intro-subject-comma",
    "clause-subject",
    "participle-clause-subject",
    "participle-speaker-after-cue",
    "nobody-runs-on",
    "lone-function-word",
    "nearest-before-quote",
    "nearest-after-quote",
    "mentions-between",
    "sentences-between",
    "apposition-after",
    "after-preposition",
    "after-by",
];
pub(crate) const N: usize = 73;

/// What the features of every candidate of one quotation share.
pub(crate) struct QuoteView<'a, 't> {
    pub seg: &'a Segmented<'t>,
    pub np: &'a dyn NounPhrases,
    pub cues: &'a CueList,
    pub sentences: &'a [Range<usize>],
    pub q: &'a Quote,
    pub qi: usize,
    /// The previous speaker's mention, if any (for "same surname").
    pub previous: Option<Range<usize>>,
    /// Whether the quotation runs on into the next paragraphs (its first part).
    pub runs_on: bool,
}

impl QuoteView<'_, '_> {
    fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= t)
    }
    fn word(&self, t: usize) -> &str {
        self.seg.word(t)
    }
    fn words<'s>(&'s self, r: &Range<usize>) -> impl Iterator<Item = &'s str> + 's {
        self.word_tokens(r).map(|k| self.seg.word(k))
    }
    /// The tokens of `r` that are words.
    fn word_tokens<'s>(&'s self, r: &Range<usize>) -> impl Iterator<Item = usize> + 's {
        r.clone().filter(|&k| self.seg.tokens[k].is_word())
    }
}

fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// log(1 + n) / scale, capped at 1: distances and lengths that matter most when small.
fn squash(n: usize, scale: f32) -> f32 {
    ((n as f32).ln_1p() / scale).min(1.0)
}

pub(crate) fn features(v: &QuoteView, c: &Candidate) -> [f32; N] {
    let mut f = [0.0f32; N];
    if c.origin == Origin::Nobody {
        nobody(v, &mut f);
        return f;
    }
    f[4] = flag(matches!(c.origin, Origin::Rule(_)));
    f[6] = flag(matches!(c.origin, Origin::Previous(_)) || c.also_previous);
    f[7] = flag(c.origin == Origin::Mention);
    if c.intro {
        let colon = v.seg.tokens[v.q.first - 1].punct() == Some(':');
        f[59] = flag(colon);
        f[60] = flag(!colon);
    }
    shape(v, &c.speaker, &mut f);
    place(v, c, &mut f);
    cue(v, c, &mut f);
    pairs(&mut f);
    f
}

fn nobody(v: &QuoteView, f: &mut [f32; N]) {
    let q = v.q;
    let words = (q.first..=q.last)
        .filter(|&k| v.seg.tokens[k].is_word())
        .take(3)
        .count();
    let para = &v.seg.paragraphs[q.para].tokens;
    f[0] = 1.0;
    f[1] = flag(v.np.speech_like(q));
    f[2] = flag(words < 3);
    f[3] = flag(q.first == para.start && q.last + 2 >= para.end);
    f[40] = flag(q.first == para.start);
    f[41] = flag(v.previous.is_some());
    let word_at = |k: usize| k < v.seg.tokens.len() && v.seg.tokens[k].is_word();
    f[47] = flag(q.first > 0 && word_at(q.first - 1) && word_at(q.last + 1));
    let long = (q.first..=q.last)
        .filter(|&k| v.seg.tokens[k].is_word())
        .take(12)
        .count();
    f[48] = flag(long >= 12);
    // (A quotation over paragraphs the rules left without a speaker: a transcript, a
    // list, a letter, as often as a speaker they missed.)
    f[64] = flag(v.runs_on);
}

/// What the mention is: a pronoun, a name, a role noun, an organisation, a document.
fn shape(v: &QuoteView, s: &Range<usize>, f: &mut [f32; N]) {
    let n = v.words(s).count();
    f[34] = squash(n, 2.5);
    if n == 1 {
        let pronoun = match v.seg.lists(s.start).pronoun() {
            Some(Pronoun::He | Pronoun::She) => 8,
            Some(Pronoun::They | Pronoun::It) => 9,
            Some(Pronoun::Speaker) => 10,
            None => 0,
        };
        // (A pronoun is no name, organisation, role or title: nothing more to ask.)
        if pronoun > 0 {
            f[pronoun] = 1.0;
            return;
        }
    }
    // One pass over the words, each word looked up once in each list.
    let (mut caps, mut org, mut doc, mut role, mut title, mut possessive) =
        (0, false, false, false, false, false);
    for k in v.word_tokens(s) {
        let (w, lists) = (v.word(k), v.seg.lists(k));
        caps += usize::from(starts_upper(w));
        org |= lists.org();
        doc |= lists.document();
        role |= lists.role();
        title |= lex::is_title(w);
        possessive |= w.ends_with("'s") || w.ends_with("\u{2019}s");
    }
    f[11] = flag(caps >= 2 && !org);
    f[12] = flag(caps == 1);
    f[13] = flag(caps == 0);
    f[14] = flag(org);
    f[15] = flag(doc);
    f[16] = flag(role);
    f[17] = flag(title);
    let first = v.word_tokens(s).next().map(|k| v.seg.lists(k));
    f[18] = flag(first.is_some_and(|l| l.determiner()));
    // "The", "From", "It's": one word that names no one.
    f[65] = flag(
        n == 1
            && (first.is_some_and(|l| l.function() || l.determiner())
                || v.words(s).next().is_some_and(is_contracted_pronoun)),
    );
    f[43] = flag(caps == 0 && !doc && !role);
    f[44] = flag(possessive);
    // "Sunday", "The", "Facing ...": a first word that names no one.
    f[45] = flag(v.words(s).next().is_some_and(|w| {
        with_lower(w, lex::is_weekday)
            || (n > 1 && first.is_some_and(|l| l.function() && !l.determiner()))
            || (w.ends_with("ing") && starts_upper(w))
    }));
}

/// Where the mention stands against the quotation.
fn place(v: &QuoteView, c: &Candidate, f: &mut [f32; N]) {
    let q = v.q;
    let s = &c.speaker;
    let (first, last) = (v.sentence_of(q.first), v.sentence_of(q.last));
    let at = v.sentence_of(s.start);
    let earlier_para = v.seg.tokens[s.start].para < q.para;
    match c.origin {
        // The rules' and the previous speaker's picks are often right a paragraph back,
        // mentions seldom: their places are features of their own.
        Origin::Rule(_) => {
            f[36] = flag(!earlier_para && at < first);
            f[37] = flag(earlier_para);
        }
        Origin::Previous(_) => {
            f[38] = flag(!earlier_para);
            f[39] = flag(earlier_para);
        }
        _ => {
            f[19] = flag(at >= first && at <= last);
            f[20] = flag(at + 1 == first);
            f[21] = flag(at == last + 1);
            f[22] = flag(earlier_para);
        }
    }
    let before = s.end <= q.first;
    f[23] = flag(before);
    let gap = if before {
        q.first - s.end
    } else {
        s.start.saturating_sub(q.last + 1)
    };
    f[24] = squash(gap, 4.0);
    let near = c.speaker.start.min(c.cue.start);
    f[30] = flag(near > q.last && near <= q.last + 2);
    f[31] = flag(before && q.first > 0 && v.seg.tokens[q.first - 1].punct() == Some(':'));
    let between = if before {
        s.end..q.first
    } else {
        q.last + 1..s.start
    };
    f[32] = flag(between.clone().any(|k| {
        let at = v.np.quote_at(k);
        at != 0 && at as usize != v.qi + 1
    }));
    f[33] = flag(v.previous.as_ref().is_some_and(|p| same_last_word(v, p, s)));
    f[42] = flag(v.sentences.get(at).is_some_and(|x| x.start == s.start));
    f[61] = flag(clause_subject(v, at, s));
    f[70] = flag(apposition_after(v, s));
    let before_mention = s
        .start
        .checked_sub(1)
        .filter(|&k| v.seg.tokens[k].is_word());
    let word_before = before_mention.map_or("", |k| v.word(k));
    f[71] = flag(is_preposition(word_before));
    f[72] = flag(word_before == "by");
    let para = &v.seg.paragraphs[q.para].tokens;
    f[35] = flag(
        q.first == para.start
            || v.seg.tokens[q.first - 1]
                .punct()
                .is_some_and(|p| matches!(p, '.' | '?' | '!' | ':')),
    );
}

/// Whether mention `s` (in sentence `at`) stands where a clause's subject stands: at
/// the sentence start or right after its first comma (`In a statement on Monday, Ruiz
/// said`), followed by a lower-case word, its verb.
fn clause_subject(v: &QuoteView, at: usize, s: &Range<usize>) -> bool {
    let Some(sentence) = v.sentences.get(at) else {
        return false;
    };
    let opens = s.start == sentence.start
        || (s.start > sentence.start
            && v.seg.tokens[s.start - 1].punct() == Some(',')
            && !(sentence.start..s.start - 1).any(|k| v.seg.tokens[k].punct() == Some(',')));
    opens
        && s.end < v.seg.tokens.len()
        && v.seg.tokens[s.end].is_word()
        && v.word(s.end).starts_with(|ch: char| ch.is_lowercase())
}

fn same_last_word(v: &QuoteView, a: &Range<usize>, b: &Range<usize>) -> bool {
    match (v.words(a).last(), v.words(b).last()) {
        (Some(x), Some(y)) => starts_upper(x) && x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// The cue: its learnt strength, whether it is a phrase, and how it sits against the
/// mention.
fn cue(v: &QuoteView, c: &Candidate, f: &mut [f32; N]) {
    let cue = &c.cue;
    if cue.is_empty() {
        return;
    }
    if !v.seg.tokens[cue.start].is_word() {
        f[54] = flag(v.seg.tokens[cue.start].punct() == Some(':'));
        return;
    }
    let w = v.word(cue.start);
    let (strength, after_subject) = v.cues.strengths(w);
    // (The present tense's strength from its past only when the word is not learnt.)
    let strength = if strength == 0 {
        v.cues.strength_of_verb(w)
    } else {
        strength
    };
    f[25] = f32::from(strength) / 100.0;
    f[26] = f32::from(after_subject) / 100.0;
    f[27] = flag(cue.len() > 1);
    f[46] = flag(w.ends_with("ing"));
    let s = &c.speaker;
    f[28] = flag(s.end <= cue.start);
    let gap = if s.end <= cue.start {
        cue.start - s.end
    } else {
        s.start.saturating_sub(cue.end)
    };
    f[29] = squash(gap, 3.0);
    // An inherited pick (its cue in another sentence) is the rules' continuation.
    let (first, last) = (v.sentence_of(v.q.first), v.sentence_of(v.q.last));
    let at = v.sentence_of(cue.start);
    f[5] = flag(matches!(c.origin, Origin::Rule(_)) && (at < first || at > last));
    f[52] = flag(s.end == cue.start);
    f[57] = flag(coordinated(v, cue.start));
    let q = v.q;
    f[53] = flag(
        cue.end <= q.first
            && (cue.end == q.first
                || (cue.end + 1 == q.first
                    && v.seg.tokens[cue.end]
                        .punct()
                        .is_some_and(|p| p == ',' || p == ':'))),
    );
}

/// Whether cue `c` is the second verb of a coordination (`Ruiz laughed and said`,
/// `... but added`, `while adding`): like a participle after a comma, it has no subject
/// of its own, and its speaker is its clause's subject, not the noun right before it.
fn coordinated(v: &QuoteView, c: usize) -> bool {
    let is_link = |w: &str| matches!(w, "and" | "but" | "while" | "then" | "yet");
    // (One adverb between at most: "and later said", "but also added".)
    let mut k = c;
    for _ in 0..2 {
        let Some(prev) = k.checked_sub(1) else {
            return false;
        };
        if !v.seg.tokens[prev].is_word() {
            return false;
        }
        let w = v.word(prev);
        if is_link(w) {
            return true;
        }
        if !(w.ends_with("ly") || matches!(w, "also" | "later" | "then" | "again" | "quickly")) {
            return false;
        }
        k = prev;
    }
    false
}

/// What a candidate is against the other candidates of its quotation, set on every
/// candidate's `feats` (in `cands` order) once each has its own: whether another
/// candidate's mention stands between it and the quotation (the nearer mention speaks
/// more often than one behind it), how many, and how many sentence ends lie between.
pub(crate) fn against_the_others(v: &QuoteView, cands: &[Candidate], feats: &mut [[f32; N]]) {
    let q = v.q;
    for (i, c) in cands.iter().enumerate() {
        if c.origin == Origin::Nobody {
            continue;
        }
        let s = &c.speaker;
        let before = s.end <= q.first;
        let between = |o: &Range<usize>| {
            if before {
                o.start >= s.end && o.end <= q.first
            } else {
                o.start > q.last && o.end <= s.start
            }
        };
        let others = cands
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && o.origin != Origin::Nobody && between(&o.speaker))
            .count();
        let at = v.sentence_of(s.start);
        let sentences = if before {
            v.sentence_of(q.first).saturating_sub(at)
        } else {
            at.saturating_sub(v.sentence_of(q.last))
        };
        let f = &mut feats[i];
        f[66] = flag(before && others == 0);
        f[67] = flag(!before && others == 0);
        f[68] = squash(others, 2.0);
        f[69] = squash(sentences, 2.0);
    }
}

/// `Ana Ruiz, a nurse in Lyon, said` / `Ruiz, the port's director,`: an apposition (a
/// comma, then a determiner, a role or a title) right after the mention: a person
/// described, seldom a mere topic.
fn apposition_after(v: &QuoteView, s: &Range<usize>) -> bool {
    let toks = &v.seg.tokens;
    s.end + 1 < toks.len() && toks[s.end].punct() == Some(',') && toks[s.end + 1].is_word() && {
        let (w, lists) = (v.word(s.end + 1), v.seg.lists(s.end + 1));
        lists.determiner() || lists.role() || lex::is_title(w)
    }
}

/// A preposition (no "by") right before a mention makes it an object (`after winning
/// Ohio in the primary`, `an ad in Indiana`), seldom a speaker; "by" is apart, as it
/// names a passive's agent (`was asked by the host`).
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "of"
            | "for"
            | "from"
            | "to"
            | "about"
            | "on"
            | "at"
            | "in"
            | "near"
            | "after"
            | "during"
            | "into"
            | "over"
            | "under"
            | "against"
            | "than"
            | "like"
            | "since"
    )
}

/// A few pairs of features that mean more together than apart.
fn pairs(f: &mut [f32; N]) {
    f[49] = f[8] * f[20];
    f[50] = f[11] * f[30];
    f[51] = f[4] * f[43];
    // A participle's or a coordinated verb's speaker is the clause's subject
    // (`Diaz issued a statement, saying`), seldom the noun right before it
    // (`... posted on Facebook, writing`).
    f[55] = f[46] * f[42];
    f[56] = f[46] * f[52];
    f[58] = f[57] * f[42];
    // The same as a clause's subject; the mention after a participle is its object
    // (`..., saying the city embodied ...`).
    f[62] = f[46] * f[61];
    f[63] = f[46] * (1.0 - f[28]);
}
