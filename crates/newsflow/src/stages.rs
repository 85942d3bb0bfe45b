//! The pure stages, adapted to the runtime's [`Transform`]: failures become
//! dead letters with their reason, never lost records.

use newsflow_enrich::EnrichChain;
use newsflow_model::{Article, DeadLetter, EnrichedArticle, RawDocument};
use newsflow_parse::ParseLimits;
use newsflow_runtime::{Transform, TransformOutput};

pub struct ParseStage {
    pub limits: ParseLimits,
}

impl Transform for ParseStage {
    type Input = RawDocument;
    type Output = Article;

    fn name(&self) -> &'static str {
        "parse"
    }

    /// Inputs are chunks of up to `max_chunk_bytes`: one at a time keeps
    /// the articles waiting for the next stage to one chunk's worth.
    fn max_batch(&self) -> usize {
        1
    }

    fn apply(&self, doc: RawDocument) -> TransformOutput<Article> {
        match newsflow_parse::parse(&doc, &self.limits) {
            Ok(articles) => TransformOutput::records(articles),
            Err(error) => TransformOutput::dead_letter(DeadLetter::for_document(
                "parse",
                error.to_string(),
                &doc,
            )),
        }
    }
}

pub struct EnrichStage {
    pub chain: EnrichChain,
}

impl Transform for EnrichStage {
    type Input = Article;
    type Output = EnrichedArticle;

    fn name(&self) -> &'static str {
        "enrich"
    }

    fn apply(&self, article: Article) -> TransformOutput<EnrichedArticle> {
        TransformOutput::records(vec![self.chain.enrich(article)])
    }
}
