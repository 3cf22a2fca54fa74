//! rolo turns the contacts brought home from events into one clean contact base and a
//! follow-up worklist.
//!
//! The pipeline, one module per stage: [`read`] → [`normalize`] → [`resolve`] → [`tag`] →
//! [`worklist`] and [`export`]; [`pipeline`] runs them in order.

pub mod model;
pub mod normalize;
pub mod read;
