//! The user's alias file (`aliases.toml`): forced merges and splits.

use std::collections::BTreeMap;

/// A user alias file: forced merges and splits (`aliases.toml`).
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct UserAliases {
    /// Names that must stay their own entity.
    #[serde(default)]
    pub split: Vec<String>,
    /// Canonical name = the names that are aliases of it.
    #[serde(default)]
    pub merge: BTreeMap<String, Vec<String>>,
}

impl UserAliases {
    pub fn parse(src: &str) -> Result<UserAliases, String> {
        toml::from_str(src).map_err(|e| {
            let line = e.span().map(|s| src[..s.start].matches('\n').count() + 1);
            match line {
                Some(l) => format!("line {l}: {}", e.message()),
                None => e.message().to_string(),
            }
        })
    }
}
