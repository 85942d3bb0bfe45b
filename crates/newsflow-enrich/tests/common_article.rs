// Shared by the entities/quotes/places tests: an article from paragraphs we write.
use newsflow_model::{Article, EnrichedArticle};

pub fn article(title: Option<&str>, paragraphs: &[&str]) -> EnrichedArticle {
    let paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
    let mut article = Article::from_paragraphs("test", "t", paragraphs);
    article.id = "t".into();
    article.title = title.map(str::to_owned);
    EnrichedArticle::from_article(article)
}
