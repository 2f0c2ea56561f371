//! The reported-speech model's features: named, each in [0, 1], computed from the
//! tokens around one cue candidate. The names are the trainer's and the weights'
//! (`weights.rs` is in this order).

use std::ops::Range;

use super::super::lexicon as lex;
use super::super::text::{starts_lower, starts_upper, Segmented};
use super::super::words::with_lower;

/// How the rules shaped a candidate's content around its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// "According to X, ..." (content after) or "..., according to X" (before).
    AccordingTo { front: bool },
    /// "X said (that) ...".
    NameCueContent,
    /// "..., X said."
    ContentCommaNameCue,
    /// "The museum, X said, would ...": content on both sides.
    Parenthetical,
    /// "..., said X."
    ContentCommaCueName,
}

/// How a candidate's subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    /// By the rules' noun-phrase finders, right by the cue.
    Found,
    /// By them, past auxiliaries, modals or negation ("X could not say").
    PastAuxiliary,
    /// Not found: the few words before a strong cue stand for it.
    Guessed,
}

/// One cue candidate: token ranges in the segmented text.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub cue: Range<usize>,
    pub speaker: Range<usize>,
    pub shape: Shape,
    /// The content; a parenthetical has a second part, otherwise empty.
    pub contents: [Range<usize>; 2],
    /// Whether the hand-set thresholds the rules used alone take it (a strong enough
    /// cue after its subject, a listed phrase, "according to").
    pub by_rules: bool,
    pub subject: Subject,
    /// The cue word's learnt strengths (`CueList::strengths` of the word at `cue.start`),
    /// looked up once by the candidate finder: the features and every rival ask for them.
    pub strengths: (u8, u8),
    /// Whether words the clause does not end on follow its speaker or cue: an
    /// apposition or a prepositional tail after "..., said X" ("said Ana Ruiz, a nurse
    /// in Lyon"), a hearer and a time or place after "..., X told" ("told a panel on
    /// Tuesday"). Set only by the shapes that allow one.
    pub tail: bool,
}

/// What the features look at besides the candidate.
pub(crate) struct View<'a, 't> {
    pub seg: &'a Segmented<'t>,
    /// For each token: 1 + index of the quotation holding it, or 0 (attribution's map).
    pub in_quote: &'a [u32],
    /// The sentence's tokens, and where its content ends (before the final marks).
    pub sentence: Range<usize>,
    pub content_end: usize,
    /// Whether a token of `sentence` is in a quotation: found once a sentence, for
    /// each of its candidates (whose contents lie inside it).
    pub sentence_quoted: bool,
}

pub(crate) const N: usize = 60;

pub(crate) const NAMES: [&str; N] = [
    "bias",
    "rules-take-it",
    "strength",
    "strength-after-subject",
    "phrase-cue",
    "according-to",
    "according-to-front",
    "shape-name-cue-content",
    "shape-content-comma-name-cue",
    "shape-parenthetical",
    "shape-content-comma-cue-name",
    "speaker-pronoun",
    "speaker-capitalised",
    "speaker-role-word",
    "speaker-lower-case-only",
    "speaker-long",
    "speaker-right-before-cue",
    "cue-ends-ed",
    "cue-ends-s",
    "cue-ends-ing",
    "hearer-verb",
    "before-cue-to",
    "before-cue-modal",
    "before-cue-negation",
    "before-cue-auxiliary",
    "after-cue-that",
    "after-cue-comma",
    "after-cue-colon",
    "after-cue-to",
    "after-cue-preposition",
    "after-cue-determiner",
    "after-cue-pronoun",
    "after-cue-capitalised",
    "after-cue-quotation",
    "after-cue-ing",
    "content-words",
    "content-short",
    "content-has-quotation",
    "cue-position",
    "cue-opens-sentence",
    "sentence-has-quotation",
    "question",
    "subject-past-auxiliary",
    "subject-guessed",
    "strength-after-subject-20",
    "strength-after-subject-50",
    "strength-after-subject-80",
    "cue-only-from-wordnet",
    "speaker-opens-with-determiner",
    "before-cue-plain-lower-word",
    "before-cue-determiner",
    "passive",
    "inside-rival-content",
    "holds-rival-cue",
    "inside-rules-rival-content",
    "holds-rules-rival-cue",
    "inside-stronger-rival-content",
    "holds-stronger-rival-cue",
    "tail-after-speaker-or-cue",
    "content-both-sides",
];

/// How a candidate stands among the other candidates of its sentence (its rivals):
/// whether its cue lies inside a rival's content ("X said Y had promised ...": the
/// nested clause), whether its content holds a rival's cue ("X said ..., and added
/// that ..."), and whether that rival is one the rules alone take or has the stronger
/// cue. PolNeAR annotates both nested and coordinated clauses; which one wins, and
/// where, is learnt.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Rivals {
    pub inside: bool,
    pub holds: bool,
    pub inside_rules: bool,
    pub holds_rules: bool,
    pub inside_stronger: bool,
    pub holds_stronger: bool,
}

impl Rivals {
    /// The rivals of candidate `i` among `all` (one sentence's candidates).
    pub(crate) fn of(all: &[Candidate], i: usize) -> Rivals {
        let mut out = Rivals::default();
        if all.len() < 2 {
            return out;
        }
        let me = &all[i];
        let holds_token = |c: &Candidate, k: usize| c.contents.iter().any(|r| r.contains(&k));
        for (j, o) in all.iter().enumerate() {
            let inside = j != i && holds_token(o, me.cue.start);
            let holds = j != i && holds_token(me, o.cue.start);
            if !inside && !holds {
                continue;
            }
            let stronger = o.strengths.1 > me.strengths.1;
            if inside {
                out.inside = true;
                out.inside_rules |= o.by_rules;
                out.inside_stronger |= stronger;
            }
            if holds {
                out.holds = true;
                out.holds_rules |= o.by_rules;
                out.holds_stronger |= stronger;
            }
        }
        out
    }
}

/// The feature vector of candidate `c`, in [`NAMES`] order.
pub(crate) fn features(v: &View, c: &Candidate, rivals: Rivals) -> [f32; N] {
    let mut f = [0.0f32; N];
    let mut set = |name_index: usize, x: f32| f[name_index] = x;
    let (strength, after_subject) = c.strengths;
    set(0, 1.0);
    set(1, f32::from(u8::from(c.by_rules)));
    set(2, f32::from(strength) / 100.0);
    set(3, f32::from(after_subject) / 100.0);
    let according = matches!(c.shape, Shape::AccordingTo { .. });
    set(4, flag(!according && c.cue.len() > 1));
    set(5, flag(according));
    set(6, flag(c.shape == Shape::AccordingTo { front: true }));
    set(7, flag(c.shape == Shape::NameCueContent));
    set(8, flag(c.shape == Shape::ContentCommaNameCue));
    set(9, flag(c.shape == Shape::Parenthetical));
    set(10, flag(c.shape == Shape::ContentCommaCueName));
    // Bands of the learnt strength: how sure a cue word is does not grow in a line.
    set(44, flag(after_subject >= 20));
    set(45, flag(after_subject >= 50));
    set(46, flag(after_subject >= 80));
    // A speech verb of WordNet the training gold never counted ("states" is mostly
    // the noun).
    set(
        47,
        flag((strength, after_subject) == lex::SPEECH_VERB_STRENGTH),
    );
    set(52, flag(rivals.inside));
    set(53, flag(rivals.holds));
    set(54, flag(rivals.inside_rules));
    set(55, flag(rivals.holds_rules));
    set(56, flag(rivals.inside_stronger));
    set(57, flag(rivals.holds_stronger));
    set(58, flag(c.tail));
    set(59, flag(!c.contents[1].is_empty()));
    speaker_features(v, c, &mut f);
    cue_features(v, c, &mut f);
    content_features(v, c, &mut f);
    f
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

/// What kind of mention the subject is, and whether it stands right before the cue.
fn speaker_features(v: &View, c: &Candidate, f: &mut [f32; N]) {
    let seg = v.seg;
    let sp = c.speaker.clone();
    let words = || sp.clone().filter(|&k| seg.tokens[k].is_word());
    let pronoun = sp.len() == 1 && seg.lists(sp.start).pronoun().is_some();
    let capitalised = words().any(|k| starts_upper(seg.word(k)));
    let role = words().any(|k| seg.lists(k).role());
    f[11] = flag(pronoun);
    f[12] = flag(capitalised && !pronoun);
    f[13] = flag(role);
    f[14] = flag(!pronoun && !capitalised && !role);
    f[15] = flag(sp.len() > 4);
    f[16] = flag(sp.end == c.cue.start);
    f[42] = flag(c.subject == Subject::PastAuxiliary);
    f[48] = flag(seg.lists(sp.start).determiner() && seg.tokens[sp.start].is_word());
    f[43] = flag(c.subject == Subject::Guessed);
}

/// The cue word's form and the words right before and after it.
fn cue_features(v: &View, c: &Candidate, f: &mut [f32; N]) {
    let seg = v.seg;
    let w = seg.word(c.cue.start);
    f[17] = flag(w.ends_with("ed"));
    f[18] = flag(w.ends_with('s') && !w.ends_with("ss"));
    f[19] = flag(w.ends_with("ing"));
    f[20] = flag(with_lower(w, |l| {
        matches!(
            l,
            "told" | "tells" | "tell" | "telling" | "assured" | "informed" | "warned" | "urged"
        )
    }));
    // The word before the cue (skipping the subject when it stands right there).
    let before = c
        .cue
        .start
        .checked_sub(1)
        .filter(|&k| k >= v.sentence.start);
    let before_word = before
        .filter(|&k| seg.tokens[k].is_word())
        .map(|k| seg.word(k));
    // The word before, lower-cased once for the three lists asked of it below (as
    // `list.contains(lower) || lower.ends_with("n't")` each).
    let (modal, negation, auxiliary, be_form) =
        before_word.map_or((false, false, false, false), |b| {
            with_lower(b, |l| {
                let nt = l.ends_with("n't");
                let be = matches!(l, "is" | "was" | "were" | "are" | "be" | "been" | "being");
                (
                    nt || matches!(
                        l,
                        "would"
                            | "could"
                            | "will"
                            | "may"
                            | "might"
                            | "should"
                            | "can"
                            | "must"
                            | "shall"
                    ),
                    nt || matches!(l, "not" | "never" | "no"),
                    nt || be || matches!(l, "has" | "have" | "had"),
                    be,
                )
            })
        });
    f[21] = flag(before_word == Some("to"));
    // The word before's lists from the token table (`lexicon`'s answers, found once a
    // token: the subject finders have mostly asked already).
    let before_lists = before.map(|k| seg.lists(k)).unwrap_or_default();
    // "the intense political opposition", "his statement": the cue word is a noun here.
    f[49] = flag(before_word.is_some_and(|b| {
        starts_lower(b)
            && before_lists.pronoun().is_none()
            && !before_lists.role()
            && !before_lists.adverbial()
            && !before_lists.function()
    }));
    f[50] = flag(before_word.is_some_and(|b| {
        (before_lists.determiner() && before_lists.pronoun().is_none()) || b.ends_with("'s")
    }));
    let ends_nt = before_word.is_some_and(|b| b.ends_with("n't"));
    f[22] = flag(modal && !ends_nt);
    f[23] = flag(ends_nt || negation);
    f[24] = flag(auxiliary && !ends_nt);
    // "he was said to", "could not be said", "were told": a past participle after a
    // form of "be" is passive, its subject not the speaker ("has said" is active).
    f[51] = flag(be_form && !w.ends_with("ing"));
    after_cue_features(v, c, f);
}

/// The token right after the cue: what kind of content opens there.
fn after_cue_features(v: &View, c: &Candidate, f: &mut [f32; N]) {
    let seg = v.seg;
    let k = c.cue.end;
    if k >= v.content_end {
        return;
    }
    if v.in_quote[k] != 0 {
        f[33] = 1.0;
        return;
    }
    match seg.tokens[k].punct() {
        Some(',') => f[26] = 1.0,
        Some(':') => f[27] = 1.0,
        Some(_) => {}
        None => {
            let w = seg.word(k);
            let lower = |list: &[&str]| with_lower(w, |l| list.contains(&l));
            f[25] = flag(w == "that");
            f[28] = flag(w == "to");
            f[29] = flag(lower(&[
                "in", "on", "at", "by", "for", "with", "from", "about", "of", "during", "after",
            ]));
            let lists = seg.lists(k);
            f[30] = flag(lists.determiner() && w != "that");
            f[31] = flag(lists.pronoun().is_some());
            f[32] = flag(starts_upper(w) && lists.pronoun().is_none());
            f[34] = flag(w.ends_with("ing"));
        }
    }
}

/// The content's length and make-up, and where the cue stands in its sentence.
fn content_features(v: &View, c: &Candidate, f: &mut [f32; N]) {
    let seg = v.seg;
    // One pass over the content for its words and quotations (a slice, not a call a
    // token: contents run to the end of their sentence).
    let (mut words, mut quoted) = (0usize, false);
    for r in &c.contents {
        let r = r.start..r.end.max(r.start);
        words += seg.tokens[r.clone()].iter().filter(|t| t.is_word()).count();
        quoted |= v.sentence_quoted && v.in_quote[r.clone()].iter().any(|&q| q != 0);
    }
    f[35] = ((1 + words) as f32).log2() / 6.0;
    f[36] = flag(words < 5);
    f[37] = flag(quoted);
    let s = &v.sentence;
    let len = (s.end - s.start).max(1) as f32;
    f[38] = (c.cue.start - s.start) as f32 / len;
    f[39] = flag(c.cue.start <= s.start + 1);
    f[40] = flag(v.sentence_quoted);
    f[41] = flag(s.end > s.start && seg.tokens[s.end - 1].punct() == Some('?'));
}
