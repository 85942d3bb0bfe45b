pub mod eval;
pub mod parse;
pub mod run;
pub mod schema;
pub mod validate;
