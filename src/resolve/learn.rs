//! Learning the weights from the data at hand, as Fellegi and Sunter estimate them and as
//! Splink does: `u` (how often two people's records show a level) from random pairs of the
//! records, less those the model finds one person's (a file may hold each person five times),
//! `m` (how often one person's records show it) by expectation-maximisation on the
//! candidate pairs the blocking found, with the term-frequency weights kept for the levels
//! that agree on a value.
//!
//! A candidate pair agrees on what the key that found it stands on (a pair found by its date
//! of birth agrees on its date of birth whoever the two are), so each pair is counted once for
//! each kind of key that found it, and there only for the comparisons that key does not stand
//! on: Splink's one training session per blocking rule, run at once. The priors of
//! [`super::model`] count as [`PRIOR_PAIRS`] pairs' worth of evidence, so that a small file
//! keeps them and a large one speaks for itself.

use rustc_hash::FxHashMap as HashMap;

use super::block;
use super::model::{COUNT, Comparison, LEVELS, Level, Model, Prior, group};
use super::profile::Profile;
use super::score::{self, Mode};
use super::stats::Stats;

/// At most this many candidate pairs train the model; more are sampled evenly.
const TRAINING_PAIRS: usize = 50_000;
/// Random pairs for `u`.
const RANDOM_PAIRS: usize = 50_000;
/// How many one-person pairs the prior `m` of a level counts for.
const PRIOR_PAIRS: f64 = 50.0;
/// A comparison seen on fewer one-person pairs than this keeps its priors: expectation-
/// maximisation on a few hundred pairs of unrelated small files finds classes that are not
/// one person and two (measured on the shared corpus of real exports).
const MATCHES_NEEDED: f64 = 300.0;
/// A level seen on fewer one-person pairs than this keeps its prior `m`: a slip the data at
/// hand happens not to hold is still a slip in the next file.
const MATCHES_SEEN: f64 = 5.0;
/// A level seen on fewer random pairs than this gives no `u` of its own: its prior stays. (The
/// bound the sample sets is no better: an initial is seldom seen among random pairs because
/// few records hold one, not because two people's initials seldom agree.)
const RANDOM_SEEN: f64 = 20.0;
const ITERATIONS: usize = 25;
/// At most this many times `u` is counted again without the random pairs the model last
/// learned finds one person's ([`random_u`]).
const CLEANINGS: usize = 4;

/// One pair's levels, as [`Mode::Levels`] scoring gives them, and the keys that found it.
struct Pair {
    levels: smallvec::SmallVec<[(Level, f32); 12]>,
    /// The comparison groups of each kind of key that found the pair ([`block::Rule::stands_on`]).
    sessions: smallvec::SmallVec<[u16; 2]>,
}

/// The model the records and their candidate pairs give: what each level's weight becomes.
pub fn learn(profiles: &[Profile], stats: &Stats, blocking: &block::Blocking) -> Model {
    let (candidates, orgs) = (&blocking.pairs, &blocking.orgs);
    use rayon::prelude::*;
    if candidates.is_empty() || profiles.len() < 2 {
        return Model::default();
    }
    let step = candidates.len().div_ceil(TRAINING_PAIRS).max(1);
    let pairs: Vec<Pair> = candidates
        .par_iter()
        .step_by(step)
        .map(|&(a, b)| {
            let (pa, pb) = (&profiles[a as usize], &profiles[b as usize]);
            let s = score::score_as(pa, pb, stats, Mode::Levels);
            let found = block::rules_finding(pa, pb, orgs);
            let mut sessions: smallvec::SmallVec<[u16; 2]> = (0..16)
                .filter(|bit| found & (1 << bit) != 0)
                .map(|bit| match block::rule_of_bit(bit) {
                    // A line several people answer (a switchboard, a small firm's one
                    // number) or a role's address (`info@`) finds colleagues: their
                    // organizations agree because the key chose them so, and counted as
                    // evidence, two colleagues of other names would teach that one person's
                    // records often differ in both names.
                    block::Rule::Phone if !score::share_one_name_number(pa, pb, stats) => {
                        group(Comparison::Phone) | group(Comparison::Org)
                    }
                    block::Rule::Email if score::share_role_address(pa, pb) => {
                        group(Comparison::Email) | group(Comparison::Org)
                    }
                    rule => rule.stands_on(),
                })
                .collect();
            sessions.sort_unstable();
            sessions.dedup();
            Pair {
                levels: s.levels,
                sessions,
            }
        })
        .collect();
    let sample = random_pairs(profiles, stats);
    let (mut u, _) = random_u(&sample, None);
    let mut model = em(&pairs, &u);
    // Where the random pairs hold one person's records, learned again with `u` counted on the
    // pairs the last model finds two people's, until they hold no more than it saw. A few in
    // 50,000 move no `u` beyond the sample's own noise (at 200,000 people they hold one or
    // two), and learning again would cost a tenth of a second for nothing.
    let prior = -stats.population().log2();
    let enough = (sample.len() as f64 / 10_000.0).max(2.0);
    let mut one_person = 0.0;
    for _ in 0..CLEANINGS {
        let (clean, found) = random_u(&sample, Some((&model, prior)));
        if found - one_person < enough {
            break;
        }
        (u, one_person) = (clean, found);
        model = em(&pairs, &u);
    }
    if std::env::var_os("ROLO_SHOW_MODEL").is_some() {
        for &l in LEVELS {
            eprintln!(
                "{:<24} {:+6.2}  u seen {:>8.1} of {:>8.0}",
                l.name(),
                model.delta[l as usize],
                u[l as usize].0,
                u[l as usize].1
            );
        }
    }
    model
}

/// The levels of random pairs of the records: the pairs `u` is counted on.
type Sample = Vec<smallvec::SmallVec<[(Level, f32); 12]>>;

fn random_pairs(profiles: &[Profile], stats: &Stats) -> Sample {
    use rayon::prelude::*;
    let n = profiles.len() as u64;
    let all = n * (n - 1) / 2;
    let count = (RANDOM_PAIRS as u64).min(all) as usize;
    (0..count)
        .into_par_iter()
        .map(|i| {
            let (a, b) = if all as usize == count {
                nth_pair(i as u64, n)
            } else {
                let r = mix(i as u64);
                let a = r % n;
                (a, (a + 1 + (r >> 32) % (n - 1)) % n)
            };
            score::score_as(
                &profiles[a as usize],
                &profiles[b as usize],
                stats,
                Mode::Levels,
            )
            .levels
        })
        .collect()
}

/// How often random pairs show each level, and on how many of them its comparison applied
/// (per level). With a model, each pair counts by how likely it is two people's records as
/// the model and `prior` (bits) say: where a file holds each person several times, one pair
/// in a hundred of its random pairs is one person's, and counted as two people's, the email
/// address or date of birth they share would seem shared by strangers that often.
fn random_u(sample: &Sample, model: Option<(&Model, f64)>) -> (Vec<(f64, f64)>, f64) {
    let mut seen = [0.0f64; COUNT];
    let mut one_person = 0.0;
    for levels in sample {
        let apart = model.map_or(1.0, |(model, prior)| {
            let odds = prior
                + levels
                    .iter()
                    .map(|&(l, base)| model.weight(l, f64::from(base)))
                    .sum::<f64>();
            1.0 - 1.0 / (1.0 + (-odds).exp2())
        });
        one_person += 1.0 - apart;
        for &(l, _) in levels {
            seen[l as usize] += apart;
        }
    }
    let within = per_comparison(&seen);
    let u = LEVELS
        .iter()
        .map(|&l| (seen[l as usize], within[l as usize]))
        .collect();
    (u, one_person)
}

/// For each level, the sum of `per_level` over the levels of its comparison.
fn per_comparison(per_level: &[f64; COUNT]) -> [f64; COUNT] {
    let mut within = [0.0; COUNT];
    for &l in LEVELS {
        within[l as usize] = LEVELS
            .iter()
            .filter(|k| k.comparison() == l.comparison())
            .map(|&k| per_level[k as usize])
            .sum();
    }
    within
}

/// The `i`th pair of all pairs of `n` records, in order.
fn nth_pair(mut i: u64, n: u64) -> (u64, u64) {
    let mut a = 0;
    while i >= n - 1 - a {
        i -= n - 1 - a;
        a += 1;
    }
    (a, a + 1 + i)
}

/// A well-mixed 64-bit number from `i` (SplitMix64): random pairs the same on every run.
fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The `u` of a level: seen often enough among random pairs, its share there; otherwise its
/// prior.
fn u_of(level: Level, (seen, within): (f64, f64)) -> Option<f64> {
    let Prior::Bits { u, .. } = level.prior() else {
        return None;
    };
    Some(if seen >= RANDOM_SEEN {
        seen / within
    } else {
        u
    })
}

/// Expectation-maximisation of `m` on the training pairs, `u` fixed.
fn em(pairs: &[Pair], u: &[(f64, f64)]) -> Model {
    let u: Vec<Option<f64>> = LEVELS.iter().map(|&l| u_of(l, u[l as usize])).collect();
    let mut model = Model::default();
    // What the prior of each Bits level becomes with the data's `u`, before `m` is learnt.
    set_weights(&mut model, &u, &prior_m());
    let mut lambda: HashMap<u16, f64> = HashMap::default();
    for _ in 0..ITERATIONS {
        let mut agree = [0.0f64; COUNT];
        let mut matched: HashMap<u16, (f64, f64)> = HashMap::default();
        for pair in pairs {
            for &session in &pair.sessions {
                let prior = *lambda.get(&session).unwrap_or(&0.1);
                let mut odds = (prior / (1.0 - prior)).log2();
                for &(l, base) in &pair.levels {
                    if group(l.comparison()) & session == 0 {
                        odds += model.weight(l, f64::from(base));
                    }
                }
                let p = 1.0 / (1.0 + (-odds).exp2());
                let m = matched.entry(session).or_default();
                m.0 += p;
                m.1 += 1.0;
                // How often one person's records show a level is counted on how likely the
                // pair is one person by its other comparisons: a prior that says a level
                // never happens to one person (a date of birth that differs, -20) would
                // otherwise make every pair that shows it two people, and stay.
                // How often one person's given names, dates of birth and genders differ is
                // counted on pairs an identifier of one person's joins (other than the date
                // itself): on the others, relatives (a family firm's staff, a household, a
                // couple) agree on all but these and would count as one person.
                let anchored_but = |c: Comparison| {
                    pair.levels
                        .iter()
                        .any(|&(l, _)| anchors(l) && l.comparison() != c)
                };
                for &(l, base) in &pair.levels {
                    let c = l.comparison();
                    if group(c) & session == 0
                        && (!matches!(
                            c,
                            Comparison::Given | Comparison::Birthday | Comparison::Gender
                        ) || anchored_but(c))
                    {
                        let others = odds - model.weight(l, f64::from(base));
                        agree[l as usize] += 1.0 / (1.0 + (-others).exp2());
                    }
                }
            }
        }
        for (session, (p, n)) in matched {
            lambda.insert(session, (p / n).clamp(1e-6, 0.999));
        }
        let applies = per_comparison(&agree);
        let m: Vec<f64> = LEVELS
            .iter()
            .map(|&l| {
                let within = applies[l as usize];
                if agree[l as usize] < MATCHES_SEEN || within < MATCHES_NEEDED {
                    l.prior_m()
                } else {
                    (agree[l as usize] + PRIOR_PAIRS * l.prior_m()) / (within + PRIOR_PAIRS)
                }
            })
            .collect();
        set_weights(&mut model, &u, &m);
    }
    model
}

/// Whether `level` is an identifier one person holds agreeing: not a household's.
fn anchors(level: Level) -> bool {
    matches!(
        level,
        Level::EmailEqual
            | Level::EmailHandle
            | Level::EmailNumber
            | Level::LinkedInEqual
            | Level::PhoneEqual
            | Level::BirthdayEqual
            | Level::IdEqual
    )
}

fn prior_m() -> Vec<f64> {
    LEVELS.iter().map(|l| l.prior_m()).collect()
}

/// Each level's change of weight for `m` and `u`: `log2(m / u)` less its prior weight for a
/// level of fixed weight, `log2(m / m0)` for a level weighed by rarity.
fn set_weights(model: &mut Model, u: &[Option<f64>], m: &[f64]) {
    for &l in LEVELS {
        let i = l as usize;
        let m = m[i].max(1e-12);
        model.delta[i] = match (l.prior(), u[i]) {
            (Prior::Bits { weight, .. }, Some(u)) => (m / u.max(1e-15)).log2() - weight,
            (Prior::Rarity { m: m0 }, _) => (m / m0).log2(),
            _ => 0.0,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A training pair of the given levels, found by an email key (so every comparison but the
    /// email's is counted).
    fn pair(levels: &[Level]) -> Pair {
        let base = |l: Level| match l.prior() {
            Prior::Bits { weight, .. } | Prior::Fixed(weight) => weight as f32,
            // A given or family name as rare as one in 100 records.
            Prior::Rarity { .. } => 6.6,
        };
        Pair {
            levels: levels.iter().map(|&l| (l, base(l))).collect(),
            sessions: smallvec::smallvec![group(Comparison::Email)],
        }
    }

    /// How often random pairs of a register show each level: names and dates of birth seldom
    /// agree.
    fn register_seen() -> [f64; COUNT] {
        let mut seen = [0.0f64; COUNT];
        seen[Level::GivenExact as usize] = 500.0;
        seen[Level::GivenDiffer as usize] = 49_500.0;
        seen[Level::FamilyExact as usize] = 50.0;
        seen[Level::FamilyDiffer as usize] = 49_950.0;
        seen[Level::BirthdayEqual as usize] = 2.0;
        seen[Level::BirthdayDiffer as usize] = 49_998.0;
        seen
    }

    /// `u` as random pairs of a register would show it ([`register_seen`]).
    fn register_u() -> Vec<(f64, f64)> {
        u_of(&register_seen())
    }

    fn u_of(seen: &[f64; COUNT]) -> Vec<(f64, f64)> {
        let within = per_comparison(seen);
        LEVELS
            .iter()
            .map(|&l| (seen[l as usize], within[l as usize]))
            .collect()
    }

    /// A member register typed twice by careless hands: of one person's two records, one in
    /// five has the date of birth wrong and one in ten the given name; of two people's, found
    /// by a shared role address, one in twenty share a given name or a family name.
    fn register(people: usize) -> Vec<Pair> {
        let mut pairs = Vec::new();
        for i in 0..people {
            let given = if i % 10 == 0 {
                Level::GivenDiffer
            } else {
                Level::GivenExact
            };
            let born = if i % 5 == 0 {
                Level::BirthdayDiffer
            } else {
                Level::BirthdayEqual
            };
            pairs.push(pair(&[Level::EmailEqual, given, Level::FamilyExact, born]));
            let family = if i % 20 == 1 {
                Level::FamilyExact
            } else {
                Level::FamilyDiffer
            };
            let given = if i % 20 == 0 {
                Level::GivenExact
            } else {
                Level::GivenDiffer
            };
            pairs.push(pair(&[
                Level::EmailRole,
                given,
                family,
                Level::BirthdayDiffer,
            ]));
        }
        pairs
    }

    #[test]
    fn expectation_maximisation_learns_how_often_one_person_s_records_disagree() {
        let model = em(&register(2_000), &register_u());
        let weight = |l: Level| {
            let Prior::Bits { weight, .. } = l.prior() else {
                unreachable!()
            };
            model.weight(l, weight)
        };
        // A date of birth that differs on one in five of one person's pairs weighs
        // log2(0.2 / 1.0) against, not the -20 of the prior that says it never happens.
        let birthday = weight(Level::BirthdayDiffer);
        assert!((-2.9..-1.8).contains(&birthday), "{birthday}");
        // A given name that differs on one in ten: log2(0.1 / 0.99), give or take the two
        // people's pairs the model cannot tell from one person's.
        let given = weight(Level::GivenDiffer);
        assert!((-3.9..-2.3).contains(&given), "{given}");
        // One person's records agree on the date of birth four times in five: the weight stays
        // near log2(0.8 × 22,000), the prior's u being kept (too few random pairs agree).
        let born = weight(Level::BirthdayEqual);
        assert!((13.5..14.7).contains(&born), "{born}");
    }

    #[test]
    fn dates_of_birth_months_apart_are_learned_apart_from_dates_years_apart() {
        // The register's typists mistype a date by days or months: of one person's pairs, one
        // in five has dates less than a year apart; of two people's, one in thirty has.
        let pairs: Vec<Pair> = register(2_000)
            .into_iter()
            .map(|mut p| {
                if p.levels[0].0 == Level::EmailEqual {
                    for (level, _) in &mut p.levels {
                        if *level == Level::BirthdayDiffer {
                            *level = Level::BirthdayNear;
                        }
                    }
                }
                p
            })
            .collect();
        let mut seen = register_seen();
        seen[Level::BirthdayNear as usize] = 1_650.0;
        seen[Level::BirthdayDiffer as usize] -= 1_650.0;
        let model = em(&pairs, &u_of(&seen));
        let weight = |l: Level| {
            let Prior::Bits { weight, .. } = l.prior() else {
                unreachable!()
            };
            model.weight(l, weight)
        };
        // log2(0.2 / 0.033): evidence for, where the prior held it as rare as any difference.
        let near = weight(Level::BirthdayNear);
        assert!((1.5..3.5).contains(&near), "{near}");
        // Years apart, which one person's records do not show here, stays evidence against.
        let far = weight(Level::BirthdayDiffer);
        assert!(far < -3.0 && near - far > 5.0, "{far}");
    }

    #[test]
    fn relatives_who_share_all_but_the_given_name_do_not_teach_that_it_differs() {
        // A trade directory of family firms: each firm's people on its `info@`, family name
        // and employer alike, given names their own; and people found by their own address.
        let mut pairs = register(1_000);
        pairs.extend((0..1_500).map(|_| {
            pair(&[
                Level::EmailRole,
                Level::GivenDiffer,
                Level::FamilyExact,
                Level::OrgEqual,
            ])
        }));
        let model = em(&pairs, &register_u());
        let Prior::Bits { weight, .. } = Level::GivenDiffer.prior() else {
            unreachable!()
        };
        // One in ten of one person's pairs, as the register has it; not one in two.
        let given = model.weight(Level::GivenDiffer, weight);
        assert!(given < -2.3, "{given}");
    }

    #[test]
    fn a_household_does_not_teach_that_one_person_s_dates_of_birth_differ() {
        // A census beside a payroll, found by family name: one person's census and payroll
        // records agree on the street (a rare one, 10.8 bits) and the given name, one in ten
        // with another given name (a nickname the lists do not know); the payroll has no date
        // of birth. Households' members agree on the street and the family name, each with
        // their own given name and date of birth. A few people's records are joined by an
        // email of their own, one in fifty with the date of birth mistyped.
        let by_family = |levels: &[Level]| {
            let mut p = pair(levels);
            p.sessions = smallvec::smallvec![group(Comparison::Family)];
            for (level, base) in &mut p.levels {
                if *level == Level::StreetEqual {
                    *base = 10.8;
                }
            }
            p
        };
        let mut pairs: Vec<Pair> = (0..1_000)
            .map(|i| {
                let given = if i % 10 == 0 {
                    Level::GivenDiffer
                } else {
                    Level::GivenExact
                };
                by_family(&[given, Level::FamilyExact, Level::StreetEqual])
            })
            .collect();
        pairs.extend((0..3_000).map(|_| {
            by_family(&[
                Level::GivenDiffer,
                Level::FamilyExact,
                Level::StreetEqual,
                Level::BirthdayDiffer,
            ])
        }));
        pairs.extend((0..500).map(|i| {
            let born = if i % 50 == 0 {
                Level::BirthdayDiffer
            } else {
                Level::BirthdayEqual
            };
            pair(&[
                Level::EmailEqual,
                Level::GivenExact,
                Level::FamilyExact,
                born,
            ])
        }));
        let mut seen = register_seen();
        seen[Level::StreetEqual as usize] = 10.0;
        seen[Level::StreetDiffer as usize] = 49_990.0;
        let model = em(&pairs, &u_of(&seen));
        let Prior::Bits { weight, .. } = Level::BirthdayDiffer.prior() else {
            unreachable!()
        };
        // log2(0.02 / 1.0), as one person's own records show it; not near 0, as a household's
        // members taken for one person would make it.
        let born = model.weight(Level::BirthdayDiffer, weight);
        assert!((-6.5..-4.5).contains(&born), "{born}");
    }

    #[test]
    fn a_small_file_keeps_the_priors() {
        let model = em(&register(40), &register_u());
        // Only what the data's u changed (0.99996 where the prior says 0.96).
        assert!(model.delta[Level::BirthdayDiffer as usize].abs() < 0.1);
        assert!(model.delta[Level::GivenDiffer as usize].abs() < 0.05);
    }

    #[test]
    fn a_level_of_fixed_weight_is_not_learned() {
        let mut pairs = register(2_000);
        pairs.extend((0..2_000).map(|_| pair(&[Level::MiddleDiffer, Level::FamilyExact])));
        let model = em(&pairs, &register_u());
        assert_eq!(model.delta[Level::MiddleDiffer as usize], 0.0);
        assert_eq!(model.delta[Level::EmailSameDomain as usize], 0.0);
    }

    /// Random pairs of a file that holds each person many times (Splink's demo data holds
    /// five or six records a person): one pair in a hundred is one person's, who share an
    /// address, a date of birth and a name.
    fn dense_sample() -> Sample {
        use Level::*;
        (0..10_000)
            .map(|i| {
                let levels: &[Level] = if i % 100 == 0 {
                    &[EmailEqual, BirthdayEqual, GivenExact, FamilyExact]
                } else {
                    &[EmailOtherDomains, BirthdayDiffer, GivenDiffer, FamilyDiffer]
                };
                pair(levels).levels
            })
            .collect()
    }

    #[test]
    fn random_pairs_of_one_person_do_not_count_as_strangers_sharing_an_address() {
        let sample = dense_sample();
        let (u, one_person) = random_u(&sample, None);
        assert_eq!(one_person, 0.0);
        let model = em(&register(2_000), &u);
        let email = |model: &Model| {
            let Prior::Bits { weight, .. } = Level::EmailEqual.prior() else {
                unreachable!()
            };
            model.weight(Level::EmailEqual, weight)
        };
        // Counted as strangers, the hundred pairs make a shared address one in a hundred.
        assert!(email(&model) < 8.0, "{}", email(&model));
        let (clean, one_person) = random_u(&sample, Some((&model, -10.0)));
        assert!((95.0..=100.0).contains(&one_person), "{one_person}");
        let model = em(&register(2_000), &clean);
        // Too few strangers share one left to count: the prior's u stands.
        assert!(email(&model) > 25.0, "{}", email(&model));
    }

    #[test]
    fn random_pairs_are_every_pair_once_where_there_are_few() {
        let pairs: Vec<(u64, u64)> = (0..6).map(|i| nth_pair(i, 4)).collect();
        assert_eq!(pairs, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    }
}
