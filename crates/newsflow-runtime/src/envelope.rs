use crate::AckToken;

/// A record on its way through the pipeline, with the token that tells its
/// source when everything derived from it is durably written.
#[derive(Debug)]
pub struct Envelope<T> {
    pub record: T,
    pub ack: AckToken,
}

impl<T> Envelope<T> {
    pub fn new(record: T, ack: AckToken) -> Self {
        Self { record, ack }
    }

    /// A record derived from this one: it shares the ack token, so the source
    /// position is committed only when every derived record is done.
    pub fn derive<U>(&self, record: U) -> Envelope<U> {
        Envelope {
            record,
            ack: self.ack.clone(),
        }
    }
}
