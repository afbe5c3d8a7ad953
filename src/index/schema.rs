//! The index schema: one document per statement.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

/// Bump when the schema or the extraction output changes: an index with another version is
/// rebuilt by itself on the next ingest.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Clone, Copy, Debug)]
pub struct Fields {
    pub id: Field,
    /// Statement text, with positions for phrase queries.
    pub text: Field,
    /// Speaker name and title, searchable as words.
    pub speaker_text: Field,
    pub speaker: Field,
    /// person, institution, country, media, anonymous, group, document.
    pub speaker_kind: Field,
    pub topic: Field,
    pub outlet: Field,
    pub kind: Field,
    pub year: Field,
    pub date: Field,
    /// The input file (without `#record`), for replacing a file's statements.
    pub file: Field,
    /// The whole statement record as JSON, returned as is.
    pub json: Field,
    /// Near-duplicate band hashes (see `extract::signature`), for corroboration.
    pub sig: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let positions = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("default")
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING),
        text: b.add_text_field("text", positions),
        speaker_text: b.add_text_field("speaker_text", words),
        speaker: b.add_text_field("speaker", STRING | FAST),
        speaker_kind: b.add_text_field("speaker_kind", STRING | FAST),
        topic: b.add_text_field("topic", STRING | FAST),
        outlet: b.add_text_field("outlet", STRING | FAST),
        kind: b.add_text_field("kind", STRING | FAST),
        year: b.add_text_field("year", STRING | FAST),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED)
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        // Stored, so identity unification can rewrite a statement under its own file.
        file: b.add_text_field("file", STRING | STORED),
        json: b.add_text_field("json", STORED),
        sig: b.add_u64_field("sig", INDEXED | FAST),
    };
    (b.build(), fields)
}

/// The field values of a schema read back from an existing index.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        id: f("id")?,
        text: f("text")?,
        speaker_text: f("speaker_text")?,
        speaker: f("speaker")?,
        speaker_kind: f("speaker_kind")?,
        topic: f("topic")?,
        outlet: f("outlet")?,
        kind: f("kind")?,
        year: f("year")?,
        date: f("date")?,
        file: f("file")?,
        json: f("json")?,
        sig: f("sig")?,
    })
}
