//! The bench's documents (invented wire stories of realistic length) and
//! the stages it runs, exactly as the daemon wires them.

use newsflow_enrich::{EnrichChain, EnrichConfig};
use newsflow_model::{Article, DeadLetter, EnrichedArticle, RawDocument};
use newsflow_parse::ParseLimits;
use newsflow_runtime::{Transform, TransformOutput};

pub struct Parse(pub ParseLimits);

impl Transform for Parse {
    type Input = RawDocument;
    type Output = Article;
    fn name(&self) -> &'static str {
        "parse"
    }
    fn apply(&self, doc: RawDocument) -> TransformOutput<Article> {
        match newsflow_parse::parse(&doc, &self.0) {
            Ok(articles) => TransformOutput::records(articles),
            Err(e) => {
                TransformOutput::dead_letter(DeadLetter::for_document("parse", e.to_string(), &doc))
            }
        }
    }
}

pub struct Enrich(pub EnrichChain);

impl Enrich {
    /// The daemon's default enrichment chain.
    pub fn configured() -> Self {
        Self(EnrichChain::from_config(&EnrichConfig::default()))
    }
    /// `[enrich] disabled = true`: records pass through unchanged.
    pub fn disabled() -> Self {
        Self(EnrichChain::from_config(&EnrichConfig {
            disabled: true,
            ..EnrichConfig::default()
        }))
    }
}

impl Transform for Enrich {
    type Input = Article;
    type Output = EnrichedArticle;
    fn name(&self) -> &'static str {
        "enrich"
    }
    fn apply(&self, article: Article) -> TransformOutput<EnrichedArticle> {
        TransformOutput::records(vec![self.0.enrich(article)])
    }
}

const PORTS: [&str; 6] = [
    "Port Elwen",
    "Calder Bay",
    "Mirrowford",
    "Ostrava Quay",
    "Linnhaven",
    "Saltmere",
];
const PEOPLE: [&str; 6] = [
    "Mara Lindqvist",
    "Tomas Okafor",
    "Ines Valcourt",
    "Henrik Aalto",
    "Priya Ramaswamy",
    "Jonah Feldt",
];

/// One invented wire story of about 2 KB, different for every `n`.
pub fn story(n: usize) -> RawDocument {
    let port = PORTS[n % PORTS.len()];
    let person = PEOPLE[(n / 7) % PEOPLE.len()];
    let rise = 3 + n % 17;
    let ships = 40 + n % 90;
    let text = format!(
        "{port} cargo volumes climb for a fourth month\n\n\
         By {person}\n\n\
         {port}, June {day} (Reuters) - Harbour officials in {port} said on Monday that cargo \
         volumes rose {rise} percent in May, the strongest month since the container terminal \
         reopened after a two-year refit, and that {ships} ships had called at the quays.\n\n\
         \"We expect more ships next year, and we are hiring forty dock workers to handle \
         them,\" said {person}, the port director, adding that a second crane ordered from a \
         yard in Rotterdam would arrive before the end of September.\n\n\
         She put the value of goods the port handled in May at 412 million euros, up from \
         365 million a year earlier. Grain and timber exports led the rise, while imports \
         of machinery were flat. Shipping analysts at Nordbank said the figures suggested that \
         trade along the northern coast was recovering faster than forecast in January.\n\n\
         Local business groups welcomed the numbers but warned that road links to the port \
         remained congested. The regional council plans to widen the coastal highway between \
         {port} and the airport from 2026, at a cost of about 120 million euros, and has asked \
         the national government to share the bill.\n\n\
         Union representatives said they would press for higher night-shift pay as the \
         terminal moves to round-the-clock operation in the autumn. Talks with the port \
         operator are due to resume on Thursday.\n\n\
         Ship number {n} of the year docked last week, the director said.\n",
        day = 1 + n % 28,
    );
    let mut doc = RawDocument::new("bench", format!("bench-{n}"), text.into_bytes());
    doc.media_type = Some("text/plain".into());
    doc
}
