//! Train and measure the check-worthy claim model (`src/engine/claims/weights.rs`).
//!
//! usage: cargo run --release --example train_claims -- [--shared DIR] [--pred-dir DIR]
//!        [--no-news] [--no-hash] [--l2 X] [--epochs N] [--pos-share X]
//!        [--source-weights C19,C20,CB,NEWS] [--drop FEATURE] [--seed N] [--bag N]
//!        [--pairwise X] [--pairwise-sources clef2019,clef2020,news] [--position]
//!        [--augment [--aug-l2 X]] [--pairs L2] [--inter a*b,c*d] [--ufs-weight X]
//!        [--hash-norm X] [--para [--para-mask N]] [--augment-hash L2]
//!        [--newslike X [--newslike-hash]] [--doc-rel [--doc-rel-l2 X] [--doc-rel-only a,b]]
//!        [--style MASK [--style-l2 X]] [--ufs-label X]
//!        [--own DIR] [--dump FILE] [--news-train DIR [--news-train-weight X]] [--write DIR]
//!
//! Four sources under `--shared` (default `../shared`): `claims/train` (CLEF-2019
//! debates, one unit per line), `claims/more` (CLEF-2020 debates; ClaimBuster's
//! crowd-labelled sentences, `claimbuster.jsonl`) and `claims/news-dev` (news articles,
//! one unit per sentence, CFS = check-worthy). Every document is put in one of 19 folds
//! (the CLEF-2019 debates one each, so that source is left out a whole debate at a
//! time; ClaimBuster sentences go with the debate they repeat, if any) and each fold is
//! scored by a model trained on the other 18: MAP and P@10 per debate, MAP and P@3 per
//! article. `--news-train DIR` adds more news articles labelled like news-dev (the
//! hand-labelled tests/gold/claims-train), in folds of their own, trained on like news-dev
//! and scored apart ("news-train"), never in news-dev's figures nor in `--pred-dir`.
//! `--no-news` never trains on the news articles (debates only). `--pred-dir`
//! writes the held-out scores as quotelens/1 claims so `../shared/eval/claims_score.py`
//! and `news_claims_score.py` can check the figures.
//!
//! The model is a logistic regression (Adagrad, L2) with one offset per source (each
//! source has its own base rate); the news offset is the one shipped. It is the average
//! of `--bag` fits (default 4) whose shuffles differ (`--seed`): one fit's figures move
//! by about .004 MAP from seed to seed, the average less. `--drop FEATURE` leaves a
//! named feature out (ablations). Its logits are
//! calibrated on the held-out news scores (Platt), so the shipped score is the probability
//! that a sentence of an article is check-worthy. `--write DIR` trains on everything and
//! writes `DIR/weights.rs` and `DIR/hashed_weights.bin`.
//!
//! Experiments (within noise in grouped CV, so the shipped model uses neither, and
//! `--write` refuses `--position`: the engine has no position weights): `--pairwise X` adds a
//! ranking term within each document of `--pairwise-sources` (default news), each
//! positive against a random negative of its document; `--position` adds the unit's
//! place in its document (first, second or third, fourth to sixth, last fifth, last; a
//! neighbour with a figure). Issue 19, claims5, also within noise and refused by
//! `--write` (the engine has none of them): `--augment` adds a news-only copy of each
//! named weight (L2 `--aug-l2`; the shipped weight would be the sum); `--pairs L2` every
//! product of two named features, `--inter a*b,…` chosen products ("reported*number");
//! `--ufs-weight X` weighs news sentences labelled unimportant-factual X among the
//! negatives; `--hash-norm X` divides the hashed values by (n-grams / 20)^X. Issue 19,
//! claims6, within noise too and refused by `--write`: `--para` adds each news
//! sentence's place in its paragraph (first or last of several, alone, in a paragraph of
//! four or more, inside a quotation opened earlier in the paragraph, a heading);
//! `--para-mask N` keeps those of bits N (16: inside a quotation only); `--augment-hash
//! L2` adds a news-only copy of each hashed bucket (its L2; the shipped weight would be
//! the sum). Issue 19, claims7: `--newslike X` weighs each debate line and ClaimBuster
//! sentence by its odds of being news (a news-or-not logistic model of the training
//! folds, on the named features, `--newslike-hash` also the hashed words) to the power X:
//! worse on every source, not shipped (`--write` takes it, the engine needs nothing);
//! `--doc-rel` adds each named feature that fires valued by the share of its document's
//! other units without it (`--doc-rel-only a,b` those features only): up on the debates,
//! flat on news, down on the own set, refused by `--write` (the engine scores one sentence
//! at a time). `--own DIR` scores articles labelled like news-dev (never trained on) with
//! the model trained on everything: the pure ranking of their gold sentences. Issue 19,
//! claims9: `--dump FILE` writes every unit's held-out logit and named features (and the
//! own set's, from the model trained on everything) as TSV for the second-stage
//! experiments of `scripts/claims-stage2.py` (a sentence's score within its article,
//! its neighbours', a news head, trees, a pairwise stage): none paid, nothing shipped.
//! Issue 19, claims10, within noise or worse, nothing shipped: `--style MASK` adds
//! sentence-style features the trainer computes from the text (bits 1 an imperative
//! opening, 2 mostly quoted speech, 4 first or second person without a figure, 8 no
//! figure, name or date, 16 a modal without a figure, 32 second person twice or more;
//! `--write` refuses it: the engine has none of them); `--ufs-label X` makes a news
//! sentence labelled unimportant-factual a soft target X instead of 0 (`--ufs-weight 0`
//! drops those sentences from training instead).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use quotelens::engine::bench::{
        feature_vector, furniture_factor, FEATURE_NAMES, HASH_BUCKETS, NAMED, NUM_FEATURES,
    };
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    const FOLDS: usize = 19;
    const SOURCES: [&str; 4] = ["clef2019", "clef2020", "claimbuster", "news"];
    const NEWS: usize = 3;
    /// Context features after the sentence's own.
    const CTX: usize = 6 + PARA;
    /// Paragraph features (`--para`) after the position ones.
    const PARA: usize = 6;
    const ALL: usize = NUM_FEATURES + CTX;
    /// News-only copies of the named features follow (`--augment`): weights learnt from
    /// the news articles alone on top of the shared ones; the shipped weight is the sum.
    const AUG_END: usize = ALL + NAMED;
    /// Products of two named features follow (`--pairs`, an experiment).
    const PAIRS_END: usize = AUG_END + NAMED * NAMED;
    /// News-only copies of the hashed buckets follow (`--augment-hash`, an experiment).
    const DOC_REL: usize = PAIRS_END + HASH_BUCKETS;
    /// Each named feature weighed by how rare it is in its document follows (`--doc-rel`,
    /// claims7, an experiment).
    const STYLE: usize = DOC_REL + NAMED;
    /// Sentence-style features computed by the trainer from the text (`--style MASK`,
    /// claims10, an experiment): an imperative opening, mostly quoted speech, first or
    /// second person without a figure, nothing checkable (no figure, name or date), a
    /// modal without a figure, second person twice or more.
    const STYLE_N: usize = 6;
    const DIM: usize = STYLE + STYLE_N;
    const CB: usize = 2;

    struct Unit {
        /// Code points into the document's text.
        start: usize,
        end: usize,
        label: bool,
        /// A news sentence labelled unimportant-factual (UFS): factual, not check-worthy.
        ufs: bool,
        feats: Vec<(usize, f32)>,
        factor: f64,
        /// Context features (position in the document), indices from [`NUM_FEATURES`].
        ctx: Vec<(usize, f32)>,
        /// Paragraph features (news only: its place in its paragraph, inside a quotation).
        para: Vec<(usize, f32)>,
        /// `--doc-rel`: each named feature that fires, valued by the share of its
        /// document's other units without it (debates and news; none for ClaimBuster).
        rel: Vec<(usize, f32)>,
        /// `--style`: the sentence-style features (indices from [`STYLE`]).
        style: Vec<(usize, f32)>,
    }

    struct Doc {
        source: usize,
        name: String,
        fold: usize,
        units: Vec<Unit>,
        /// A news article of `--news-train` (tests/gold/claims-train): trained on within
        /// its folds, never in the figures of news-dev nor in `--pred-dir`.
        train_only: bool,
    }

    struct Params {
        l2: f64,
        epochs: usize,
        pos_share: f64,
        source_weights: [f64; 4],
        /// The weight of the `--news-train` articles in all (`--news-train-weight X`).
        news_train_weight: f64,
        hash: bool,
        /// L2 of the hashed weights (they are many and each seen rarely).
        hash_l2: f64,
        /// The value of a hashed feature that fires (a smaller step for each).
        hash_value: f32,
        /// Whether the news articles train the hashed weights too (else only the named).
        news_hash: bool,
        news: bool,
        /// Named features left out (bits; `--drop NAME`, for ablations).
        drop: u64,
        /// The seed of the shuffles (`--seed N`: other seeds tell noise from gains).
        seed: u64,
        /// How many fits (seeds `seed`, `seed + 1`, …) are averaged into one model.
        bag: usize,
        /// Weight of a pairwise ranking term within each news article / debate (0: none).
        pairwise: f64,
        /// Sources the pairwise term applies to (bits).
        pairwise_sources: u32,
        /// Position features (in the document) on.
        position: bool,
        /// Paragraph features on (`--para`), those of bits `para_mask` (`--para-mask N`).
        para: bool,
        para_mask: u32,
        /// News-only copies of the named features (domain augmentation), and their L2.
        augment: bool,
        aug_l2: f64,
        /// News-only copies of the hashed buckets (`--augment-hash L2`: their L2; 0 off).
        augment_hash: f64,
        /// Products of named features (`--pairs X`: their L2; 0 off).
        pairs: f64,
        /// Chosen products of two named features (`--inter a*b,c*d`, an experiment).
        inter: Vec<(usize, usize)>,
        /// Weight of a news UFS sentence against an NFS one among the negatives.
        ufs_weight: f64,
        /// Hashed values divided by (word count / 10) to this power (0: not at all).
        hash_norm: f64,
        /// Debate lines and ClaimBuster sentences weigh their odds of being news to this
        /// power (`--newslike X`, claims7; 0: not at all).
        newslike: f64,
        /// The news-or-not model of `--newslike` also sees the hashed words.
        newslike_hash: bool,
        /// `--doc-rel`: the named features weighed by their rarity in the document, with
        /// their own L2 (`--doc-rel-l2 X`) and only those named by `--doc-rel-only a,b`.
        doc_rel: bool,
        doc_rel_l2: f64,
        doc_rel_only: u64,
        /// `--style MASK`: the sentence-style features of bits MASK (0: none).
        style: u32,
        /// L2 of the style features (`--style-l2 X`).
        style_l2: f64,
        /// The target of a news sentence labelled unimportant-factual (`--ufs-label X`,
        /// claims10: between the check-worthy 1 and the non-factual 0; default 0).
        ufs_label: f64,
    }

    /// A trained model: weights over the features, one offset per source.
    struct Model {
        bias: f64,
        w: Vec<f64>,
        offsets: [f64; 4],
    }

    impl Model {
        /// The logit of a unit with the news offset (the shipped one).
        fn logit(&self, feats: &[(usize, f32)]) -> f64 {
            self.bias
                + self.offsets[NEWS]
                + feats
                    .iter()
                    .map(|&(i, v)| self.weight(i) * f64::from(v))
                    .sum::<f64>()
        }

        /// The weight the shipped model gives feature `i`: a named feature's shared
        /// weight plus its news copy's (zero without `--augment`).
        fn weight(&self, i: usize) -> f64 {
            if i < NAMED {
                self.w[i] + self.w[ALL + i]
            } else if i < NUM_FEATURES {
                self.w[i] + self.w[PAIRS_END + i - NAMED]
            } else {
                self.w[i]
            }
        }
    }

    impl Default for Params {
        /// The shipped model's settings.
        fn default() -> Self {
            Params {
                l2: 1e-5,
                epochs: 6,
                pos_share: 0.5,
                source_weights: [1.0, 1.0, 2.0, 2.0],
                news_train_weight: 1.0,
                hash: true,
                hash_l2: 1e-3,
                hash_value: 0.25,
                news_hash: true,
                news: true,
                drop: 0,
                seed: 0,
                bag: 4,
                pairwise: 0.0,
                pairwise_sources: 1 << NEWS,
                position: false,
                para: false,
                para_mask: u32::MAX,
                augment: false,
                aug_l2: 1e-4,
                augment_hash: 0.0,
                pairs: 0.0,
                inter: Vec::new(),
                ufs_weight: 1.0,
                hash_norm: 0.0,
                newslike: 0.0,
                newslike_hash: false,
                doc_rel: false,
                doc_rel_l2: 1e-5,
                doc_rel_only: u64::MAX,
                style: 0,
                style_l2: 1e-5,
                ufs_label: 0.0,
            }
        }
    }

    /// The command line: where the corpora are, where results go, the model's settings.
    struct Options {
        shared: PathBuf,
        pred_dir: Option<PathBuf>,
        write: Option<PathBuf>,
        /// `--own DIR`: articles labelled like news-dev, never trained on, scored by the
        /// model trained on everything (a milestone figure, the pure ranking of their
        /// gold sentences).
        own: Option<PathBuf>,
        /// `--dump FILE`: every unit's held-out logit and named features as TSV (and the
        /// own set's, scored by the model trained on everything), for second-stage
        /// experiments outside the trainer (claims9).
        dump: Option<PathBuf>,
        /// `--news-train DIR`: more news articles labelled like news-dev (the hand-labelled
        /// training set tests/gold/claims-train, its texts resolved by
        /// scripts/standoff-gold.py), trained on in their own folds, never scored as news-dev.
        news_train: Option<PathBuf>,
        params: Params,
    }

    /// Platt scaling of the logits: the probability is sigmoid(a z + b).
    #[derive(Clone, Copy)]
    struct Platt {
        a: f64,
        b: f64,
    }

    pub fn main() {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let Options {
            shared,
            pred_dir,
            write,
            own,
            dump,
            news_train,
            params: p,
        } = parse_args(&args);
        let docs = load_corpus(&shared, news_train.as_deref());
        print_counts(&docs);
        let oof = cross_validate(&docs, &p);
        report(&docs, &oof, &p);
        let calibration = platt(&docs, &oof);
        let Platt { a, b } = calibration;
        eprintln!("Platt on held-out news logits: a {a:.4} b {b:.4}");
        report_calibration(&docs, &oof, calibration);
        if let Some(dir) = &pred_dir {
            write_predictions(dir, &docs, &oof);
        }
        if let Some(dir) = &own {
            report_own(dir, &docs, &p);
        }
        if let Some(path) = &dump {
            dump_units(path, &docs, &oof, own.as_deref(), &p);
        }
        if let Some(dir) = write {
            write_shipped(&dir, &docs, &oof, calibration, &p);
        }
    }

    fn parse_args(args: &[String]) -> Options {
        let mut o = Options {
            shared: PathBuf::from("../shared"),
            pred_dir: None,
            write: None,
            own: None,
            dump: None,
            news_train: None,
            params: Params::default(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut val = || {
                it.next()
                    .cloned()
                    .unwrap_or_else(|| panic!("{a} needs a value"))
            };
            match a.as_str() {
                "--shared" => o.shared = PathBuf::from(val()),
                "--pred-dir" => o.pred_dir = Some(PathBuf::from(val())),
                "--write" => o.write = Some(PathBuf::from(val())),
                "--own" => o.own = Some(PathBuf::from(val())),
                "--dump" => o.dump = Some(PathBuf::from(val())),
                "--news-train" => o.news_train = Some(PathBuf::from(val())),
                _ => set_param(&mut o.params, a, val),
            }
        }
        o
    }

    /// Applies one model setting of the command line; `val` takes its value.
    fn set_param(p: &mut Params, flag: &str, mut val: impl FnMut() -> String) {
        match flag {
            "--no-news" => p.news = false,
            "--leave-out" => p.source_weights[source_index(&val(), "--leave-out SOURCE")] = 0.0,
            "--no-hash" => p.hash = false,
            "--news-train-weight" => {
                p.news_train_weight = val().parse().expect("--news-train-weight X")
            }
            "--no-news-hash" => p.news_hash = false,
            "--drop" => p.drop |= 1 << feature_index(&val(), "--drop FEATURE"),
            "--pairwise" => p.pairwise = val().parse().expect("--pairwise X"),
            "--pairwise-sources" => {
                p.pairwise_sources = val()
                    .split(',')
                    .map(|n| 1 << source_index(n, "source"))
                    .sum()
            }
            "--position" => p.position = true,
            "--para" => p.para = true,
            "--ufs-label" => p.ufs_label = val().parse().expect("--ufs-label X"),
            "--style" => p.style = val().parse().expect("--style MASK"),
            "--style-l2" => p.style_l2 = val().parse().expect("--style-l2 X"),
            "--para-mask" => p.para_mask = val().parse().expect("--para-mask N"),
            "--augment" => p.augment = true,
            "--inter" => p.inter = parse_inter(&val()),
            "--ufs-weight" => p.ufs_weight = val().parse().expect("--ufs-weight X"),
            "--hash-norm" => p.hash_norm = val().parse().expect("--hash-norm X"),
            "--newslike" => p.newslike = val().parse().expect("--newslike X"),
            "--newslike-hash" => p.newslike_hash = true,
            "--doc-rel" => p.doc_rel = true,
            "--doc-rel-l2" => p.doc_rel_l2 = val().parse().expect("--doc-rel-l2 X"),
            "--doc-rel-only" => {
                p.doc_rel_only = val()
                    .split(',')
                    .map(|n| 1 << feature_index(n, "--doc-rel-only a,b"))
                    .sum()
            }
            "--pairs" => p.pairs = val().parse().expect("--pairs X"),
            "--augment-hash" => p.augment_hash = val().parse().expect("--augment-hash L2"),
            "--aug-l2" => p.aug_l2 = val().parse().expect("--aug-l2 X"),
            "--bag" => p.bag = val().parse().expect("--bag N"),
            "--seed" => p.seed = val().parse().expect("--seed N"),
            "--hash-l2" => p.hash_l2 = val().parse().expect("--hash-l2 X"),
            "--hash-value" => p.hash_value = val().parse().expect("--hash-value X"),
            "--l2" => p.l2 = val().parse().expect("--l2 X"),
            "--epochs" => p.epochs = val().parse().expect("--epochs N"),
            "--pos-share" => p.pos_share = val().parse().expect("--pos-share X"),
            "--source-weights" => {
                let v: Vec<f64> = val()
                    .split(',')
                    .map(|x| x.parse().expect("--source-weights a,b,c,d"))
                    .collect();
                p.source_weights.copy_from_slice(&v[..4]);
            }
            _ => panic!("unknown argument {flag}"),
        }
    }

    /// The index of a source named on the command line (`usage` in the panic if none).
    fn source_index(name: &str, usage: &str) -> usize {
        SOURCES.iter().position(|x| *x == name).expect(usage)
    }

    /// The index of a named feature given on the command line.
    fn feature_index(name: &str, usage: &str) -> usize {
        FEATURE_NAMES.iter().position(|x| *x == name).expect(usage)
    }

    /// `--inter a*b,c*d`: the pairs of named features whose products are added.
    fn parse_inter(list: &str) -> Vec<(usize, usize)> {
        let idx = |n: &str| {
            FEATURE_NAMES
                .iter()
                .position(|x| *x == n)
                .unwrap_or_else(|| panic!("--inter: {n}"))
        };
        list.split(',')
            .map(|pair| {
                let (a, b) = pair.split_once('*').expect("--inter a*b");
                (idx(a), idx(b))
            })
            .collect()
    }

    /// The four sources' documents with their folds and position features.
    /// ClaimBuster comes last: its sentences take the folds of the debates they repeat.
    /// `news_train`'s articles come after news-dev's, so news-dev's folds stay those it
    /// has without them.
    fn load_corpus(shared: &Path, news_train: Option<&Path>) -> Vec<Doc> {
        let mut docs = load_debates(&shared.join("claims/train"), 0);
        docs.extend(load_debates(&shared.join("claims/more"), 1));
        docs.extend(load_news(&shared.join("claims/news-dev")));
        if let Some(dir) = news_train {
            docs.extend(load_news(dir).into_iter().map(|d| Doc {
                train_only: true,
                ..d
            }));
        }
        assign_folds(&mut docs);
        for d in &mut docs {
            add_position(d);
            add_doc_rel(d);
        }
        docs.extend(load_claimbuster(
            &shared.join("claims/more/claimbuster.jsonl"),
            &docs,
        ));
        docs
    }

    /// Units and positives of each source, on stderr.
    fn print_counts(docs: &[Doc]) {
        for (s, name) in SOURCES.iter().enumerate() {
            let (n, pos) = docs
                .iter()
                .filter(|d| d.source == s)
                .flat_map(|d| &d.units)
                .fold((0, 0), |(n, pos), u| (n + 1, pos + usize::from(u.label)));
            eprintln!("{name}: {n} units, {pos} check-worthy");
        }
    }

    /// `--own DIR`: MAP and P@3 per article of DIR's labelled sentences, ranked by the
    /// model trained on every document trained on (DIR never among them).
    fn report_own(dir: &Path, docs: &[Doc], p: &Params) {
        let mut own = load_news(dir);
        for d in &mut own {
            add_position(d);
            add_doc_rel(d);
        }
        let all: Vec<&Doc> = docs.iter().filter(|d| trains(d, p)).collect();
        let model = fit(&all, p);
        let (mut ap, mut pk, mut n) = (0.0, 0.0, 0usize);
        for d in &own {
            let ranked: Vec<f64> = d
                .units
                .iter()
                .map(|u| sigmoid(model.logit(&feats(u, p))) * u.factor)
                .collect();
            let labels: Vec<bool> = d.units.iter().map(|u| u.label).collect();
            if let Some((a, k)) = ap_and_precision(&ranked, &labels, 3) {
                ap += a;
                pk += k;
                n += 1;
            }
        }
        let n = n.max(1) as f64;
        println!(
            "  own set {} (never trained on, gold sentences): MAP {:.4}  P@3 {:.4}",
            dir.display(),
            ap / n,
            pk / n
        );
    }

    /// `--dump FILE`: one TSV row a unit: source, document, fold, index in the document,
    /// label, UFS, furniture factor, held-out logit, the named features' values; then the
    /// own set's units (source `own`, fold 99) with the logit of the model trained on
    /// everything.
    fn dump_units(path: &Path, docs: &[Doc], oof: &[Vec<f64>], own: Option<&Path>, p: &Params) {
        use std::fmt::Write;
        let mut out = String::from("source\tdoc\tfold\tidx\tlabel\tufs\tfactor\tlogit");
        for name in FEATURE_NAMES.iter().take(NAMED) {
            let _ = write!(out, "\t{name}");
        }
        out.push('\n');
        let mut row = |source: &str, d: &Doc, fold: usize, k: usize, u: &Unit, z: f64| {
            let mut named = vec![0f32; NAMED];
            for &(i, v) in u.feats.iter().filter(|x| x.0 < NAMED) {
                named[i] = v;
            }
            let (label, ufs) = (u8::from(u.label), u8::from(u.ufs));
            let _ = write!(
                out,
                "{source}\t{}\t{fold}\t{k}\t{label}\t{ufs}\t{}\t{z}",
                d.name, u.factor
            );
            for v in named {
                let _ = write!(out, "\t{v}");
            }
            out.push('\n');
        };
        for (d, scores) in docs.iter().zip(oof) {
            for (k, (u, &z)) in d.units.iter().zip(scores).enumerate() {
                row(SOURCES[d.source], d, d.fold, k, u, z);
            }
        }
        if let Some(dir) = own {
            let all: Vec<&Doc> = docs.iter().filter(|d| trains(d, p)).collect();
            let model = fit(&all, p);
            for d in &load_news(dir) {
                for (k, u) in d.units.iter().enumerate() {
                    row("own", d, 99, k, u, model.logit(&feats(u, p)));
                }
            }
        }
        std::fs::write(path, out).expect("write --dump");
    }

    /// `--write`: the model trained on every document trained on, calibrated by the
    /// held-out Platt scaling, written for the engine. Refuses the experiments the
    /// engine has no weights for.
    fn write_shipped(dir: &Path, docs: &[Doc], oof: &[Vec<f64>], platt: Platt, p: &Params) {
        assert!(
            !p.position && !p.para && !p.doc_rel && p.style == 0,
            "--write: the engine has no position or paragraph weights"
        );
        assert!(
            !p.augment
                && p.augment_hash == 0.0
                && p.pairs == 0.0
                && p.inter.is_empty()
                && p.hash_norm == 0.0,
            "--write: the engine has no news copies, products or hashed norm"
        );
        let all: Vec<&Doc> = docs.iter().filter(|d| trains(d, p)).collect();
        let model = fit(&all, p);
        write_model(dir, &model, platt, p, docs, oof);
    }

    /// Code point offsets of `text` to byte offsets (one past the end included).
    fn char_starts(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect()
    }

    fn unit(text: &str, chars: &[usize], start: usize, end: usize, label: bool) -> Unit {
        let last = chars.len() - 1;
        let s = &text[chars[start.min(last)]..chars[end.min(last)]];
        Unit {
            start,
            end,
            label,
            ufs: false,
            feats: feature_vector(s),
            factor: furniture_factor(s),
            ctx: Vec::new(),
            para: Vec::new(),
            rel: Vec::new(),
            style: style_features(s),
        }
    }

    /// Verbs that open an instruction ("Add the flour", "Check your tyres"): general
    /// English, set by hand for `--style` (claims10).
    const IMPERATIVE: &[&str] = &[
        "add", "use", "make", "try", "take", "keep", "put", "place", "check", "remember", "avoid",
        "start", "choose", "let", "go", "get", "find", "read", "click", "buy", "mix", "stir",
        "cut", "pour", "set", "turn", "follow", "consider", "look", "see", "don't", "do", "be",
        "enjoy", "visit", "ask", "think", "imagine", "note", "stop", "give", "bring", "open",
        "leave", "wait", "learn", "watch", "plan", "pick", "preheat", "remove", "bake", "serve",
        "install", "select", "download", "sign", "join", "tell", "write", "never", "always",
        "please", "just", "simply",
    ];

    /// Words of a date without a figure (`--style`, claims10).
    const DATE_WORDS: &[&str] = &[
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
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
    ];
    /// First and second person (`--style`, claims10).
    const PERSON: &[&str] = &[
        "i", "me", "my", "we", "our", "us", "you", "your", "i'm", "we're", "you're",
    ];
    /// Modal verbs (`--style`, claims10).
    const MODALS: &[&str] = &["would", "could", "should", "might", "may", "must", "can"];

    /// The `--style` features of sentence `s` (claims10, an experiment).
    fn style_features(s: &str) -> Vec<(usize, f32)> {
        let words: Vec<String> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
        let digit = s.chars().any(|c| c.is_ascii_digit());
        let names = s
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(char::is_uppercase));
        let quoted = quoted_share(s);
        let mut out = Vec::new();
        let mut on = |k: usize, yes: bool| {
            if yes {
                out.push((STYLE + k, 1.0));
            }
        };
        on(
            0,
            words
                .first()
                .is_some_and(|w| IMPERATIVE.contains(&w.as_str())),
        );
        on(1, quoted >= 0.5);
        on(2, has(PERSON) && !digit);
        on(3, !digit && !names && !has(DATE_WORDS));
        on(4, has(MODALS) && !digit);
        on(5, count(&["you", "your", "you're", "yourself"]) >= 2);
        out
    }

    /// The share of `s`'s characters inside quotation marks (straight or curly doubles).
    fn quoted_share(s: &str) -> f32 {
        let (mut inside, mut quoted, mut total) = (false, 0usize, 0usize);
        for c in s.chars() {
            match c {
                '"' => inside = !inside,
                '“' | '«' => inside = true,
                '”' | '»' => inside = false,
                _ => {
                    total += 1;
                    quoted += usize::from(inside);
                }
            }
        }
        quoted as f32 / total.max(1) as f32
    }

    fn names_with(dir: &Path, suffix: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .to_str()?
                    .strip_suffix(suffix)
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        names
    }

    fn load_debates(dir: &Path, source: usize) -> Vec<Doc> {
        names_with(dir, ".lines.json")
            .into_iter()
            .map(|name| {
                let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("txt");
                let json =
                    std::fs::read_to_string(dir.join(format!("{name}.lines.json"))).expect("lines");
                let spans: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
                let chars = char_starts(&text);
                let units = spans
                    .iter()
                    .map(|v| {
                        let at = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
                        unit(
                            &text,
                            &chars,
                            at("start"),
                            at("end"),
                            v["label"].as_i64() == Some(1),
                        )
                    })
                    .collect();
                Doc {
                    source,
                    name,
                    fold: 0,
                    units,
                    train_only: false,
                }
            })
            .collect()
    }

    fn load_news(dir: &Path) -> Vec<Doc> {
        names_with(dir, ".claims.json")
            .into_iter()
            .map(|name| {
                let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("txt");
                let json = std::fs::read_to_string(dir.join(format!("{name}.claims.json")))
                    .expect("claims");
                let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
                let chars = char_starts(&text);
                let units = doc["sentences"]
                    .as_array()
                    .expect("sentences")
                    .iter()
                    .map(|v| {
                        let at = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
                        let mut u =
                            unit(&text, &chars, at("start"), at("end"), v["label"] == "CFS");
                        u.ufs = v["label"] == "UFS";
                        u
                    })
                    .collect();
                let mut units: Vec<Unit> = units;
                add_paragraphs(&text, &chars, &mut units);
                Doc {
                    source: NEWS,
                    name,
                    fold: 0,
                    units,
                    train_only: false,
                }
            })
            .collect()
    }

    /// Position features of each unit of a document: the first, the second or third,
    /// the fourth to sixth, the last fifth, the last; and a neighbour with a figure.
    fn add_position(d: &mut Doc) {
        let n = d.units.len();
        let has_number: Vec<bool> = d
            .units
            .iter()
            .map(|u| u.feats.first().is_some_and(|f| f.0 == 0))
            .collect();
        for (i, u) in d.units.iter_mut().enumerate() {
            let mut on = |k: usize| u.ctx.push((NUM_FEATURES + k, 1.0));
            match i {
                0 => on(0),
                1..=2 => on(1),
                3..=5 => on(2),
                _ => {}
            }
            if i * 5 >= n * 4 {
                on(3);
            }
            if i + 1 == n {
                on(4);
            }
            if (i > 0 && has_number[i - 1]) || has_number.get(i + 1).copied().unwrap_or(false) {
                on(5);
            }
        }
    }

    /// `--doc-rel` (claims7): a named feature that fires in a unit, valued by the share of
    /// the document's other units without it, so a figure in an article of few figures
    /// counts more than one among many.
    fn add_doc_rel(d: &mut Doc) {
        let n = d.units.len();
        if n < 2 {
            return;
        }
        let mut with = [0usize; NAMED];
        for u in &d.units {
            for &(i, _) in u.feats.iter().take_while(|x| x.0 < NAMED) {
                with[i] += 1;
            }
        }
        for u in &mut d.units {
            let rel: Vec<(usize, f32)> = u
                .feats
                .iter()
                .take_while(|x| x.0 < NAMED)
                .map(|&(i, _)| (DOC_REL + i, 1.0 - (with[i] - 1) as f32 / (n - 1) as f32))
                .collect();
            u.rel = rel;
        }
    }

    /// Paragraph features of each news sentence (`--para`): the first of a paragraph of
    /// several, the last of several, alone in its paragraph, in a paragraph of four or more,
    /// inside a quotation opened before it in its paragraph, a paragraph without end
    /// punctuation (a heading).
    fn add_paragraphs(text: &str, chars: &[usize], units: &mut [Unit]) {
        let last = chars.len() - 1;
        let byte = |c: usize| chars[c.min(last)];
        // The paragraph of each unit: where its paragraph starts (a blank line before).
        let para_start = |b: usize| text[..b].rfind("\n\n").map_or(0, |k| k + 2);
        let starts: Vec<usize> = units.iter().map(|u| para_start(byte(u.start))).collect();
        for i in 0..units.len() {
            let same = |j: usize| starts[j] == starts[i];
            let first = i == 0 || !same(i - 1);
            let lastp = i + 1 == units.len() || !same(i + 1);
            let size = (0..units.len()).filter(|&j| same(j)).count();
            let before = &text[starts[i]..byte(units[i].start)];
            let opens = before.matches('\u{201c}').count();
            let closes = before.matches('\u{201d}').count();
            let straight = before.matches('"').count();
            let in_quote = opens > closes || straight % 2 == 1;
            let para_end = text[starts[i]..]
                .find("\n\n")
                .map_or(text.len(), |k| starts[i] + k);
            let heading = !text[starts[i]..para_end]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
            let u = &mut units[i];
            let mut on = |k: usize| u.para.push((NUM_FEATURES + 6 + k, 1.0));
            if first && !lastp {
                on(0);
            }
            if lastp && !first {
                on(1);
            }
            if size == 1 {
                on(2);
            }
            if size >= 4 {
                on(3);
            }
            if in_quote {
                on(4);
            }
            if heading {
                on(5);
            }
        }
    }

    /// Fold of each debate and article: its index within its source, modulo [`FOLDS`].
    fn assign_folds(docs: &mut [Doc]) {
        let mut seen = [0usize; 4];
        for d in docs {
            d.fold = seen[d.source] % FOLDS;
            seen[d.source] += 1;
        }
    }

    /// Lower-cased word 5-grams of a text, hashed.
    fn shingles(text: &str) -> Vec<u64> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(5)
            .map(|w| {
                let mut h: u64 = 0xcbf2_9ce4_8422_2325;
                for b in w.join(" ").bytes() {
                    h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                }
                h
            })
            .collect()
    }

    /// ClaimBuster's sentences, one document each; a sentence that repeats part of a
    /// debate (a shared word 5-gram) takes that debate's fold, the others a fold by hash.
    fn load_claimbuster(path: &Path, debates: &[Doc]) -> Vec<Doc> {
        let mut fold_of: HashMap<u64, usize> = HashMap::new();
        let shared = path.parent().and_then(Path::parent).expect("claims dir");
        for d in debates.iter().filter(|d| d.source != NEWS) {
            let dir = shared.join(if d.source == 0 { "train" } else { "more" });
            let text = std::fs::read_to_string(dir.join(format!("{}.txt", d.name))).expect("txt");
            for h in shingles(&text) {
                fold_of.entry(h).or_insert(d.fold);
            }
        }
        let body = std::fs::read_to_string(path).expect("claimbuster.jsonl");
        body.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                let v: serde_json::Value = serde_json::from_str(l).expect("jsonl");
                let text = v["text"].as_str().unwrap_or("");
                let fold = shingles(text)
                    .iter()
                    .find_map(|h| fold_of.get(h).copied())
                    .unwrap_or_else(|| {
                        let h = text.bytes().fold(0x811c_9dc5u32, |h, b| {
                            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
                        });
                        h as usize % FOLDS
                    });
                let chars = char_starts(text);
                let n = chars.len() - 1;
                Doc {
                    source: CB,
                    name: format!("cb{i}"),
                    fold,
                    units: vec![unit(text, &chars, 0, n, v["label"].as_i64() == Some(1))],
                    train_only: false,
                }
            })
            .collect()
    }

    /// Each unit's held-out logit (news offset), by document, unit.
    fn cross_validate(docs: &[Doc], p: &Params) -> Vec<Vec<f64>> {
        let mut oof: Vec<Vec<f64>> = docs.iter().map(|d| vec![0.0; d.units.len()]).collect();
        for k in 0..FOLDS {
            let train: Vec<&Doc> = docs
                .iter()
                .filter(|d| d.fold != k && trains(d, p))
                .collect();
            let model = fit(&train, p);
            for (d, scores) in docs.iter().zip(&mut oof) {
                if d.fold == k {
                    for (u, s) in d.units.iter().zip(scores.iter_mut()) {
                        *s = model.logit(&feats(u, p));
                    }
                }
            }
        }
        oof
    }

    /// Whether a document's source is trained on (`--no-news`, `--leave-out`).
    fn trains(d: &Doc, p: &Params) -> bool {
        p.source_weights[d.source] > 0.0 && (p.news || d.source != NEWS)
    }

    /// The features the model sees of a unit (less those `--drop` leaves out).
    fn feats(u: &Unit, p: &Params) -> Vec<(usize, f32)> {
        let mut f = scaled_feats(u, p);
        f.retain(|&(i, _)| i >= NAMED || p.drop & 1 << i == 0);
        if p.position {
            f.extend_from_slice(&u.ctx);
        }
        if p.doc_rel {
            f.extend(
                u.rel
                    .iter()
                    .filter(|x| (p.doc_rel_only & !p.drop) & 1 << (x.0 - DOC_REL) != 0),
            );
        }
        if p.style != 0 {
            f.extend(u.style.iter().filter(|x| p.style & 1 << (x.0 - STYLE) != 0));
        }
        if p.para {
            let mask = p.para_mask;
            f.extend(
                u.para
                    .iter()
                    .filter(|x| mask & 1 << (x.0 - NUM_FEATURES - 6) != 0),
            );
        }
        if !p.inter.is_empty() {
            let has = |i: usize| f.iter().any(|x| x.0 == i);
            let on: Vec<usize> = p
                .inter
                .iter()
                .filter(|&&(i, j)| has(i) && has(j))
                .map(|&(i, j)| AUG_END + i * NAMED + j)
                .collect();
            f.extend(on.into_iter().map(|k| (k, 1.0)));
        }
        if p.pairs > 0.0 {
            let named: Vec<usize> = f.iter().map(|x| x.0).filter(|&i| i < NAMED).collect();
            for (k, &i) in named.iter().enumerate() {
                for &j in &named[k + 1..] {
                    f.push((AUG_END + i * NAMED + j, 1.0));
                }
            }
        }
        f
    }

    /// A unit's features, hashed ones at `hash_value` (or none with `--no-hash`).
    fn scaled_feats(u: &Unit, p: &Params) -> Vec<(usize, f32)> {
        if p.hash {
            let ngrams: f32 = u.feats.iter().filter(|x| x.0 >= NAMED).map(|x| x.1).sum();
            let norm = ((ngrams / 20.0).max(0.1) as f64).powf(-p.hash_norm) as f32;
            u.feats
                .iter()
                .map(|&(i, v)| {
                    (
                        i,
                        if i < NAMED {
                            v
                        } else {
                            v * p.hash_value * norm
                        },
                    )
                })
                .collect()
        } else {
            u.feats
                .iter()
                .copied()
                .filter(|&(i, _)| i < NAMED)
                .collect()
        }
    }

    /// Logistic regression by Adagrad over shuffled units; L2 on the feature weights (not
    /// the bias or the source offsets). Each source weighs `source_weights` in all, its
    /// positives `pos_share` of that.
    fn fit(train: &[&Doc], p: &Params) -> Model {
        // A linear model's average is one linear model: bagging costs the engine nothing.
        let fits: Vec<Model> = (0..p.bag.max(1) as u64)
            .map(|k| fit_one(train, p, p.seed + k))
            .collect();
        let n = fits.len() as f64;
        let mut avg = Model {
            bias: 0.0,
            w: vec![0.0; DIM],
            offsets: [0.0; 4],
        };
        for m in &fits {
            avg.bias += m.bias / n;
            for (a, w) in avg.w.iter_mut().zip(&m.w) {
                *a += w / n;
            }
            for (a, o) in avg.offsets.iter_mut().zip(&m.offsets) {
                *a += o / n;
            }
        }
        avg
    }

    /// Weight groups: the four sources, then the `--news-train` articles, which weigh
    /// `--news-train-weight` in all (news units otherwise) so that adding them takes no
    /// weight from news-dev's articles, and their base rate has its own class split.
    const GROUPS: usize = 5;
    const NEWS_TRAIN: usize = 4;

    fn weight_group(d: &Doc) -> usize {
        if d.train_only {
            NEWS_TRAIN
        } else {
            d.source
        }
    }

    /// Units of each class in one weight group's training documents.
    #[derive(Clone, Copy, Default)]
    struct ClassCounts {
        pos: f64,
        neg: f64,
    }

    /// How much each unit weighs in the log loss: every active source its
    /// `source_weights` share of all units, split between its classes by `pos_share`, so
    /// the mean weight is 1 whatever the sources' sizes and base rates.
    struct SampleWeights {
        counts: [ClassCounts; GROUPS],
        /// Units of all sources (it also scales the L2 term, so L2 means the same at
        /// every corpus size).
        total: f64,
        /// Sources with at least one unit.
        active: f64,
        /// The mean of `source_weights`: the gradient is divided by it.
        norm: f64,
    }

    impl SampleWeights {
        fn new(train: &[&Doc], p: &Params) -> Self {
            let mut counts = [ClassCounts::default(); GROUPS];
            for d in train {
                for u in &d.units {
                    let c = &mut counts[weight_group(d)];
                    if u.label {
                        c.pos += 1.0;
                    } else {
                        c.neg += 1.0;
                    }
                }
            }
            let total: f64 = counts.iter().map(|c| c.pos + c.neg).sum();
            let active: f64 = counts.iter().filter(|c| c.pos + c.neg > 0.0).count() as f64;
            let norm: f64 = p.source_weights.iter().sum::<f64>() / 4.0;
            SampleWeights {
                counts,
                total,
                active,
                norm,
            }
        }

        /// The weight of a unit of weight group `g` and class `label`.
        fn of(&self, p: &Params, g: usize, label: bool) -> f64 {
            let ClassCounts { pos, neg } = self.counts[g];
            let group_weight = match g {
                NEWS_TRAIN => p.news_train_weight,
                s => p.source_weights[s],
            };
            let share = group_weight * self.total / self.active;
            if label {
                share * p.pos_share / pos.max(1.0)
            } else {
                share * (1.0 - p.pos_share) / neg.max(1.0)
            }
        }
    }

    /// A training unit with its source and the features the model sees.
    struct Weighed<'a> {
        source: usize,
        /// The unit's weight group: its source, or [`NEWS_TRAIN`] for `--news-train`.
        group: usize,
        unit: &'a Unit,
        feats: Vec<(usize, f32)>,
    }

    /// The training units in document order (the pairwise groups index them so), with
    /// the features the model sees of each: news units lose their hashed features with
    /// `--no-news-hash` and gain news-only copies of the named ones with `--augment`.
    fn weighed_units<'a>(train: &[&'a Doc], p: &Params) -> Vec<Weighed<'a>> {
        train
            .iter()
            .flat_map(|d| d.units.iter().map(move |u| (d.source, weight_group(d), u)))
            .map(|(source, group, unit)| {
                let mut f = feats(unit, p);
                if source == NEWS && !p.news_hash {
                    f.retain(|&(i, _)| i < NAMED);
                }
                if source == NEWS && p.augment {
                    let copies: Vec<(usize, f32)> = f
                        .iter()
                        .filter(|&&(i, _)| i < NAMED)
                        .map(|&(i, v)| (ALL + i, v))
                        .collect();
                    f.extend(copies);
                }
                if source == NEWS && p.augment_hash > 0.0 {
                    let copies: Vec<(usize, f32)> = f
                        .iter()
                        .filter(|&&(i, _)| (NAMED..NUM_FEATURES).contains(&i))
                        .map(|&(i, v)| (PAIRS_END + i - NAMED, v))
                        .collect();
                    f.extend(copies);
                }
                Weighed {
                    source,
                    group,
                    unit,
                    feats: f,
                }
            })
            .collect()
    }

    /// One document's positives and negatives (indices into the weighed units), for
    /// the pairwise ranking term.
    struct PairGroup {
        pos: Vec<usize>,
        neg: Vec<usize>,
    }

    /// The documents of `--pairwise-sources` with both classes (none without
    /// `--pairwise`).
    fn pair_groups(train: &[&Doc], p: &Params) -> Vec<PairGroup> {
        let mut groups = Vec::new();
        let mut at = 0;
        for d in train.iter().filter(|_| p.pairwise > 0.0) {
            if p.pairwise_sources & 1 << d.source != 0 {
                let (mut pos, mut neg) = (Vec::new(), Vec::new());
                for (k, u) in d.units.iter().enumerate() {
                    if u.label {
                        pos.push(at + k)
                    } else {
                        neg.push(at + k)
                    }
                }
                if !pos.is_empty() && !neg.is_empty() {
                    groups.push(PairGroup { pos, neg });
                }
            }
            at += d.units.len();
        }
        groups
    }

    /// The L2 of weight `i`, by the kind of feature it belongs to: named, product
    /// (`--pairs`, else the named L2), news copy (`--augment`) or hashed.
    fn l2_of(i: usize, p: &Params) -> f64 {
        if i >= STYLE {
            p.style_l2
        } else if i >= DOC_REL {
            p.doc_rel_l2
        } else if i < NAMED {
            p.l2
        } else if i >= PAIRS_END {
            p.augment_hash
        } else if i >= AUG_END {
            if p.pairs > 0.0 {
                p.pairs
            } else {
                p.l2
            }
        } else if i >= ALL {
            p.aug_l2
        } else {
            p.hash_l2
        }
    }

    /// The shuffles' generator (a 64-bit LCG): one stream serves the epoch shuffles and
    /// the pairwise term's draws in turn, so a fit is fixed by its seed.
    struct Lcg(u64);

    impl Lcg {
        fn new(seed: u64) -> Self {
            Lcg(0x9e37_79b9_7f4a_7c15 ^ seed)
        }

        /// The next draw, below `n` (the high bits: an LCG's low bits are poor).
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize % n
        }
    }

    /// The parameters being fitted and their Adagrad sums of squared gradients.
    struct Adagrad {
        w: Vec<f64>,
        g2: Vec<f64>,
        bias: f64,
        gb2: f64,
        offsets: [f64; 4],
        go2: [f64; 4],
    }

    impl Adagrad {
        const RATE: f64 = 0.1;

        fn new() -> Self {
            Adagrad {
                w: vec![0f64; DIM],
                g2: vec![1e-8f64; DIM],
                bias: 0f64,
                gb2: 1e-8f64,
                offsets: [0f64; 4],
                go2: [1e-8f64; 4],
            }
        }

        /// One step of the weighted log loss on unit `x` (its weight `weight`), with
        /// the L2 of each weight it touches (lazy: weights of absent features rest).
        fn logistic_step(&mut self, x: &Weighed, weight: f64, sw: &SampleWeights, p: &Params) {
            let (s, lr) = (x.source, Self::RATE);
            let z = self.bias
                + self.offsets[s]
                + x.feats
                    .iter()
                    .map(|&(i, v)| self.w[i] * f64::from(v))
                    .sum::<f64>();
            let pr = 1.0 / (1.0 + (-z).exp());
            let y = match (x.unit.label, x.unit.ufs) {
                (true, _) => 1.0,
                (false, true) => p.ufs_label,
                (false, false) => 0.0,
            };
            let hard = if x.unit.ufs { p.ufs_weight } else { 1.0 };
            let g = (pr - y) * weight * hard / sw.norm;
            for &(i, v) in &x.feats {
                let gi = g * f64::from(v) + l2_of(i, p) * self.w[i] * sw.total / 1000.0;
                self.g2[i] += gi * gi;
                self.w[i] -= lr * gi / self.g2[i].sqrt();
            }
            self.gb2 += g * g;
            self.bias -= lr * g / self.gb2.sqrt();
            self.go2[s] += g * g;
            self.offsets[s] -= lr * g / self.go2[s].sqrt();
        }

        /// One step of the pairwise term: a logistic loss on the difference of the
        /// scores of a positive (`fi`) and a negative (`fj`), weighted `pair_share`.
        fn pairwise_step(&mut self, fi: &[(usize, f32)], fj: &[(usize, f32)], pair_share: f64) {
            let score = |f: &[(usize, f32)]| {
                f.iter()
                    .map(|&(k, v)| self.w[k] * f64::from(v))
                    .sum::<f64>()
            };
            let d = score(fi) - score(fj);
            let g = -pair_share / (1.0 + d.exp());
            for (f, sign) in [(fi, 1.0), (fj, -1.0)] {
                for &(k, v) in f.iter() {
                    let gk = sign * g * f64::from(v);
                    self.g2[k] += gk * gk;
                    self.w[k] -= Self::RATE * gk / self.g2[k].sqrt();
                }
            }
        }
    }

    /// One fit of [`fit`], its shuffles seeded by `seed`.
    fn fit_one(train: &[&Doc], p: &Params, seed: u64) -> Model {
        let sw = SampleWeights::new(train, p);
        let units = weighed_units(train, p);
        let domain = newslike_weights(&units, p);
        let groups = pair_groups(train, p);
        // The pairwise term weighs `--pairwise` / 10 of the pointwise loss in all,
        // whatever the number of pairs.
        let pair_share = {
            let pairs: usize = groups.iter().map(|g| g.pos.len()).sum();
            p.pairwise * units.len() as f64 / pairs.max(1) as f64 / 10.0
        };
        let mut opt = Adagrad::new();
        let mut order: Vec<usize> = (0..units.len()).collect();
        let mut rng = Lcg::new(seed);
        for _ in 0..p.epochs {
            // Fisher-Yates, continuing the last epoch's order.
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for &k in &order {
                let x = &units[k];
                opt.logistic_step(x, sw.of(p, x.group, x.unit.label) * domain[k], &sw, p);
            }
            // Pairwise: each positive against a random negative of its document.
            for group in &groups {
                for &i in &group.pos {
                    let j = group.neg[rng.below(group.neg.len())];
                    opt.pairwise_step(&units[i].feats, &units[j].feats, pair_share);
                }
            }
        }
        // The offsets sum to 0 with the bias taking their mean, so the news offset is
        // a difference from the others.
        Model {
            bias: opt.bias,
            w: opt.w,
            offsets: opt.offsets,
        }
    }

    /// `--newslike X` (claims7): each debate line's and ClaimBuster sentence's weight
    /// times its odds of being a news sentence to the power X, by a logistic model of
    /// news against the other sources over the named features (and the hashed words with
    /// `--newslike-hash`), fitted on these training units only (covariate-shift
    /// weighting); each source and class keeps its total weight. All 1 when X is 0.
    fn newslike_weights(units: &[Weighed], p: &Params) -> Vec<f64> {
        let mut m = vec![1.0; units.len()];
        if p.newslike == 0.0 {
            return m;
        }
        let seen = |x: &Weighed| -> Vec<(usize, f32)> {
            x.feats
                .iter()
                .copied()
                .filter(|&(i, _)| i < if p.newslike_hash { NUM_FEATURES } else { NAMED })
                .collect()
        };
        let xs: Vec<Vec<(usize, f32)>> = units.iter().map(seen).collect();
        let news = units.iter().filter(|x| x.source == NEWS).count().max(1) as f64;
        let other = (units.len() as f64 - news).max(1.0);
        let (mut w, mut g2) = (vec![0f64; NUM_FEATURES], vec![1e-8f64; NUM_FEATURES]);
        let (mut b, mut gb2) = (0f64, 1e-8f64);
        let mut order: Vec<usize> = (0..units.len()).collect();
        let mut rng = Lcg::new(7);
        let z = |w: &[f64], b: f64, f: &[(usize, f32)]| {
            b + f.iter().map(|&(i, v)| w[i] * f64::from(v)).sum::<f64>()
        };
        for _ in 0..3 {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for &k in &order {
                let y = f64::from(u8::from(units[k].source == NEWS));
                // Classes balanced, so the odds compare the two kinds of text alike.
                let weight = if y > 0.0 { 0.5 / news } else { 0.5 / other } * units.len() as f64;
                let g = (sigmoid(z(&w, b, &xs[k])) - y) * weight;
                for &(i, v) in &xs[k] {
                    let gi = g * f64::from(v) + 1e-4 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= 0.1 * gi / g2[i].sqrt();
                }
                gb2 += g * g;
                b -= 0.1 * g / gb2.sqrt();
            }
        }
        // Odds to the power X (logits clipped so no one line weighs everything), then
        // each source and class rescaled to its old total.
        let mut sums = [[0f64; 2]; 4];
        let mut counts = [[0f64; 2]; 4];
        for (k, x) in units.iter().enumerate() {
            if x.source != NEWS {
                m[k] = (p.newslike * z(&w, b, &xs[k]).clamp(-4.0, 4.0)).exp();
                sums[x.source][usize::from(x.unit.label)] += m[k];
                counts[x.source][usize::from(x.unit.label)] += 1.0;
            }
        }
        for (k, x) in units.iter().enumerate() {
            if x.source != NEWS {
                let c = usize::from(x.unit.label);
                m[k] *= counts[x.source][c] / sums[x.source][c];
            }
        }
        m
    }

    /// Average precision of `labels` ranked by `scores` (ties: text order), and
    /// precision of the first `k`; None without positives.
    fn ap_and_precision(scores: &[f64], labels: &[bool], k: usize) -> Option<(f64, f64)> {
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
        let (mut hits, mut total) = (0usize, 0f64);
        for (rank, &i) in order.iter().enumerate() {
            if labels[i] {
                hits += 1;
                total += hits as f64 / (rank + 1) as f64;
            }
        }
        let top = order.iter().take(k).filter(|&&i| labels[i]).count() as f64 / k as f64;
        (hits > 0).then(|| (total / hits as f64, top))
    }

    /// The figures of one source: mean AP and P@k over its documents with a positive,
    /// those of `--news-train` (`train_only`) or the others.
    fn source_figures(
        docs: &[Doc],
        oof: &[Vec<f64>],
        (source, train_only): (usize, bool),
        k: usize,
    ) -> (f64, f64, usize) {
        let (mut ap, mut pk, mut n) = (0.0, 0.0, 0usize);
        for (d, scores) in docs.iter().zip(oof) {
            if d.source != source || d.train_only != train_only {
                continue;
            }
            let ranked: Vec<f64> = d
                .units
                .iter()
                .zip(scores)
                .map(|(u, z)| sigmoid(*z) * u.factor)
                .collect();
            let labels: Vec<bool> = d.units.iter().map(|u| u.label).collect();
            // The CLEF scorer counts a debate without positives as AP 0; none has one.
            if let Some((a, p)) = ap_and_precision(&ranked, &labels, k) {
                ap += a;
                pk += p;
                n += 1;
            }
        }
        (ap / n.max(1) as f64, pk / n.max(1) as f64, n)
    }

    fn sigmoid(z: f64) -> f64 {
        1.0 / (1.0 + (-z).exp())
    }

    /// Area under the ROC curve of ClaimBuster's held-out sentences (single sentences:
    /// no ranking within a document to measure).
    fn claimbuster_auc(docs: &[Doc], oof: &[Vec<f64>]) -> f64 {
        let mut scored: Vec<(f64, bool)> = docs
            .iter()
            .zip(oof)
            .filter(|(d, _)| d.source == CB)
            .map(|(d, s)| (s[0], d.units[0].label))
            .collect();
        scored.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (mut neg, mut pairs) = (0f64, 0f64);
        let pos_total = scored.iter().filter(|x| x.1).count() as f64;
        for (_, label) in &scored {
            if *label {
                pairs += neg;
            } else {
                neg += 1.0;
            }
        }
        pairs / (pos_total * neg).max(1.0)
    }

    fn report(docs: &[Doc], oof: &[Vec<f64>], p: &Params) {
        let (m19, p19, n19) = source_figures(docs, oof, (0, false), 10);
        let (m20, p20, n20) = source_figures(docs, oof, (1, false), 10);
        let (mn, pn, nn) = source_figures(docs, oof, (NEWS, false), 3);
        println!(
            "grouped CV ({FOLDS} folds; hashed {} (l2 {}, value {}); news trained {}; l2 {}; epochs {}; bag {}; pos-share {}; source weights {:?}):",
            p.hash, p.hash_l2, p.hash_value, p.news, p.l2, p.epochs, p.bag, p.pos_share, p.source_weights
        );
        println!("  CLEF-2019 leave-debate-out ({n19} debates): MAP {m19:.4}  P@10 {p19:.4}");
        println!("  CLEF-2020 grouped ({n20} debates): MAP {m20:.4}  P@10 {p20:.4}");
        println!("  news-dev grouped ({nn} articles): MAP {mn:.4}  P@3 {pn:.4}");
        let (mt, pt, nt) = source_figures(docs, oof, (NEWS, true), 3);
        if nt > 0 {
            println!("  news-train grouped ({nt} articles): MAP {mt:.4}  P@3 {pt:.4}");
        }
        println!(
            "  ClaimBuster held-out AUC {:.4}",
            claimbuster_auc(docs, oof)
        );
    }

    /// Platt scaling of the held-out news logits: (a, b) minimising the log loss of
    /// sigmoid(a z + b), by Newton's method.
    fn platt(docs: &[Doc], oof: &[Vec<f64>]) -> Platt {
        let data: Vec<(f64, f64)> = news_logits(docs, oof);
        let (mut a, mut b) = (1.0, 0.0);
        for _ in 0..50 {
            let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
            for &(z, y) in &data {
                let q = sigmoid(a * z + b);
                let r = q - y;
                let s = q * (1.0 - q);
                ga += r * z;
                gb += r;
                haa += s * z * z;
                hab += s * z;
                hbb += s;
            }
            let det = haa * hbb - hab * hab;
            a -= (hbb * ga - hab * gb) / det;
            b -= (haa * gb - hab * ga) / det;
        }
        Platt { a, b }
    }

    fn news_logits(docs: &[Doc], oof: &[Vec<f64>]) -> Vec<(f64, f64)> {
        docs.iter()
            .zip(oof)
            .filter(|(d, _)| d.source == NEWS && !d.train_only)
            .flat_map(|(d, s)| {
                d.units
                    .iter()
                    .zip(s)
                    .map(|(u, z)| (*z, if u.label { 1.0 } else { 0.0 }))
            })
            .collect()
    }

    /// How well the calibrated held-out news probabilities match the labels, by band.
    fn report_calibration(docs: &[Doc], oof: &[Vec<f64>], Platt { a, b }: Platt) {
        let data = news_logits(docs, oof);
        let mut bands = [(0usize, 0f64, 0f64); 5];
        let mut brier = 0.0;
        for &(z, y) in &data {
            let q = sigmoid(a * z + b);
            brier += (q - y) * (q - y);
            let band = &mut bands[((q * 5.0) as usize).min(4)];
            band.0 += 1;
            band.1 += q;
            band.2 += y;
        }
        println!(
            "  news-dev calibrated held-out: Brier {:.4} (base rate alone {:.4})",
            brier / data.len() as f64,
            {
                let r = data.iter().map(|d| d.1).sum::<f64>() / data.len() as f64;
                r * (1.0 - r)
            }
        );
        for (i, (n, q, y)) in bands.iter().enumerate() {
            if *n > 0 {
                println!(
                    "    {:.1}-{:.1}: {n:4} sentences, predicted {:.2}, check-worthy {:.2}",
                    i as f64 / 5.0,
                    (i + 1) as f64 / 5.0,
                    q / *n as f64,
                    y / *n as f64
                );
            }
        }
    }

    fn write_predictions(dir: &Path, docs: &[Doc], oof: &[Vec<f64>]) {
        for (s, sub) in [(0, "clef2019"), (1, "clef2020"), (NEWS, "news")] {
            let out = dir.join(sub);
            std::fs::create_dir_all(&out).expect("create --pred-dir");
            let scored = docs
                .iter()
                .zip(oof)
                .filter(|(d, _)| d.source == s && !d.train_only);
            for (d, scores) in scored {
                let annotations: Vec<serde_json::Value> = d
                    .units
                    .iter()
                    .zip(scores)
                    .enumerate()
                    .map(|(i, (u, z))| {
                        serde_json::json!({"id": format!("c{}", i + 1), "kind": "claim",
                            "start": u.start, "end": u.end, "origin": "auto",
                            "score": sigmoid(*z) * u.factor})
                    })
                    .collect();
                let doc = serde_json::json!({"format": "quotelens/1", "annotations": annotations});
                std::fs::write(out.join(format!("{}.json", d.name)), doc.to_string())
                    .expect("write prediction");
            }
        }
    }

    /// Sentences made up for the check that the engine scores as the trainer does.
    const CHECK_SENTENCES: [&str; 3] = [
        "The ministry said 40% of the region's hospitals were hit by the storm last year.",
        "I think we can all look forward to a great evening together.",
        "Exports fell by $2.5 billion in March, the lowest level since 2009.",
    ];

    /// The weights the engine ships: the model's, news offset and Platt scaling folded
    /// in, so the engine's sigmoid(bias + w.x) is sigmoid(a (bias + offset + w.x) + b).
    struct ShippedWeights {
        bias: f64,
        /// In the order of `FEATURE_NAMES`.
        named: Vec<f64>,
        /// One per hash bucket; empty with `--no-hash`.
        hashed: Vec<f64>,
    }

    impl ShippedWeights {
        fn new(m: &Model, Platt { a, b }: Platt, p: &Params) -> Self {
            let bias = a * (m.bias + m.offsets[NEWS]) + b;
            let named: Vec<f64> = (0..NAMED).map(|i| a * m.weight(i)).collect();
            let hashed: Vec<f64> = if p.hash {
                // The engine gives a hashed feature the value 1: its weight takes the value.
                m.w[NAMED..NUM_FEATURES]
                    .iter()
                    .map(|w| a * w * f64::from(p.hash_value))
                    .collect()
            } else {
                Vec::new()
            };
            ShippedWeights {
                bias,
                named,
                hashed,
            }
        }

        /// The probability the engine gives a sentence, computed here from the
        /// unquantised weights (the engine's check allows for the rounding).
        fn probability(&self, sentence: &str) -> f64 {
            let f = feature_vector(sentence);
            let z = self.bias
                + f.iter()
                    .map(|&(i, v)| {
                        let w = if i < NAMED {
                            self.named[i]
                        } else {
                            self.hashed.get(i - NAMED).copied().unwrap_or(0.0)
                        };
                        w * f64::from(v)
                    })
                    .sum::<f64>();
            sigmoid(z) * furniture_factor(sentence)
        }
    }

    /// The hashed weights as i16 (little-endian), so a million of them ship in 2 MB:
    /// the largest magnitude maps to 32767.
    struct Quantised {
        /// The weight of one step (0 when every weight is 0).
        scale: f64,
        bytes: Vec<u8>,
    }

    fn quantise(hashed: &[f64]) -> Quantised {
        let max = hashed.iter().fold(0f64, |x, w| x.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 0.0 };
        let mut bytes = Vec::with_capacity(2 * hashed.len());
        for w in hashed {
            let q = if scale > 0.0 {
                (w / scale).round() as i16
            } else {
                0
            };
            bytes.extend_from_slice(&q.to_le_bytes());
        }
        Quantised { scale, bytes }
    }

    /// What the weights were learnt from, with which settings and held-out figures.
    fn provenance(p: &Params, Platt { a, b }: Platt, docs: &[Doc], oof: &[Vec<f64>]) -> String {
        let (m19, _, _) = source_figures(docs, oof, (0, false), 10);
        let (m20, _, _) = source_figures(docs, oof, (1, false), 10);
        let (mn, pn, _) = source_figures(docs, oof, (NEWS, false), 3);
        format!(
            "logistic regression on CLEF-2019 (claims/train), CLEF-2020 (claims/more), ClaimBuster, news-dev; \
             l2 {} epochs {} bag {} pos-share {} source weights {:?} hashed {}; Platt a {a:.4} b {b:.4} on held-out news; \
             grouped CV MAP CLEF-2019 {m19:.3}, CLEF-2020 {m20:.3}, news-dev {mn:.3} (P@3 {pn:.3})",
            p.l2, p.epochs, p.bag, p.pos_share, p.source_weights, p.hash
        )
    }

    /// `weights.rs`: provenance, bias, scale, named weights, the hashed weights' file
    /// (if any) and the check sentences.
    fn weights_rs(provenance: &str, sw: &ShippedWeights, scale: f64) -> String {
        let mut s = String::from(
            "// Generated by `scripts/eval-claims.sh --write` (examples/train_claims.rs); do not edit.\n",
        );
        s.push_str(&format!("pub const PROVENANCE: &str = \"{provenance}\";\n"));
        s.push_str(&format!("pub const BIAS: f32 = {:?};\n", sw.bias as f32));
        s.push_str(&format!(
            "pub const HASH_SCALE: f32 = {:e};\n",
            scale as f32
        ));
        s.push_str("/// In the order of `features::FEATURE_NAMES`.\n#[rustfmt::skip]\n");
        s.push_str(&format!("pub const NAMED_WEIGHTS: [f32; {NAMED}] = [\n"));
        for (name, w) in FEATURE_NAMES.iter().zip(&sw.named) {
            s.push_str(&format!("    {:?}, // {name}\n", *w as f32));
        }
        s.push_str("];\n");
        if sw.hashed.is_empty() {
            s.push_str("pub static HASHED: &[u8] = &[];\n");
        } else {
            s.push_str("pub static HASHED: &[u8] = include_bytes!(\"hashed_weights.bin\");\n");
        }
        s.push_str("/// Invented sentences and the probability the trainer gives them.\n");
        s.push_str("#[cfg_attr(not(test), allow(dead_code))]\n#[rustfmt::skip]\n");
        s.push_str("pub const CHECKS: &[(&str, f64)] = &[\n");
        for sentence in CHECK_SENTENCES {
            let prob = sw.probability(sentence);
            s.push_str(&format!("    ({sentence:?}, {prob:.6}),\n"));
        }
        s.push_str("];\n");
        s
    }

    /// Writes `dir/weights.rs` and, with hashed features, `dir/hashed_weights.bin`.
    fn write_model(
        dir: &Path,
        m: &Model,
        platt: Platt,
        p: &Params,
        docs: &[Doc],
        oof: &[Vec<f64>],
    ) {
        let sw = ShippedWeights::new(m, platt, p);
        assert!(sw.hashed.is_empty() || sw.hashed.len() == HASH_BUCKETS);
        let q = quantise(&sw.hashed);
        if !sw.hashed.is_empty() {
            std::fs::write(dir.join("hashed_weights.bin"), &q.bytes).expect("write bin");
        }
        let s = weights_rs(&provenance(p, platt, docs, oof), &sw, q.scale);
        std::fs::write(dir.join("weights.rs"), s).expect("write weights.rs");
        eprintln!(
            "wrote {}/weights.rs ({} hashed bytes)",
            dir.display(),
            q.bytes.len()
        );
    }
}
