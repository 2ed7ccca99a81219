//! crossread: read several sources about one story as one body of evidence.
//!
//! Data flows one way: [`corpus`] loads files, the analysis builds an
//! immutable index, [`app`] holds the state that actions change, and [`ui`]
//! draws it. See DESIGN.md for the contracts between the parts.

pub mod analysis;
pub mod app;
pub mod card;
pub mod corpus;
pub mod export;
pub mod fuzzing;
pub mod index;
pub mod label;
pub mod lookup;
pub mod pins;
pub mod search;
pub mod terminal;
pub mod text;
pub mod ui;
