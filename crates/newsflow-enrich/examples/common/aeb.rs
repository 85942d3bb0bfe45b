//! Article bodies of the ScrapingHub article-extraction benchmark
//! (`<CORPUS>/aeb/ground-truth.json`: `{id: {articleBody, url}}`), the texts
//! of our `aeb` gold sets. A document's text is its `articleBody`, unchanged.

use std::collections::HashMap;
use std::path::Path;

/// `id -> articleBody`, or `None` when `dir` holds no readable ground truth.
pub fn bodies(dir: &Path) -> Option<HashMap<String, String>> {
    let text = std::fs::read_to_string(dir.join("ground-truth.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let pages = json.as_object()?;
    Some(
        pages
            .iter()
            .filter_map(|(id, page)| {
                let body = page.get("articleBody")?.as_str()?;
                Some((id.clone(), body.to_owned()))
            })
            .collect(),
    )
}
