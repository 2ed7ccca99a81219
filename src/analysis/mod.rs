//! The analysis: plain functions from documents to plain data. Knows nothing
//! of the terminal or the app.

pub mod dates;
pub mod boilerplate;
pub mod metadata;
pub mod entities;
pub mod gazetteer;
