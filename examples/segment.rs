//! Split a short Russian news item into sentences and tokens with the posol crate.
//!
//! ```text
//! cargo run -p posol --example segment
//! ```

/// A fictional news item, written for this example.
const TEXT: &str = "Астана, 3 апреля. Президент Казахстана провёл переговоры с премьер-министром \
Италии. Товарооборот в прошлом году вырос на 8,4% и превысил $15 млрд.\n\
– Мы договорились расширить сотрудничество в энергетике, – сообщил Глава государства.";

fn main() {
    let doc = posol::analyze(TEXT);
    // Spans are byte offsets into TEXT; CharOffsets converts them for tools that count chars.
    let chars = doc.char_offsets();
    println!(
        "{} sentences, {} tokens",
        doc.sentences().len(),
        doc.tokens().len()
    );
    for (number, sentence) in doc.sentences().iter().enumerate() {
        println!("\n[{}] {}", number + 1, sentence.text(TEXT));
        for token in &doc.tokens()[sentence.tokens.clone()] {
            let (start, stop) = chars.char_span(token.span);
            println!(
                "  {start:>4}..{stop:<4} {:<8} {}",
                token.kind.as_str(),
                token.text(TEXT)
            );
        }
    }
}
