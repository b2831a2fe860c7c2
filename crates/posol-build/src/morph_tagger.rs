//! `posol-build morph-tagger`: trains the context model on a UD segment file.

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let out =
        crate::flag(args, "--out").unwrap_or_else(|| "crates/posol/data/morph-tagger.bin".into());
    let train = crate::flag(args, "--train")
        .unwrap_or_else(|| "../shared/data/segment/ud_taiga_train_r2.7.jsonl.gz".into());
    let epochs: usize = crate::flag(args, "--epochs")
        .and_then(|e| e.parse().ok())
        .unwrap_or(5);
    let sents = crate::morph_predict::read_gold(&train)?;
    eprintln!("training on {} sentences, {epochs} epochs ...", sents.len());
    let bytes = posol::morph::Analyzer::global().train_tagger(&sents, epochs);
    std::fs::write(&out, &bytes).map_err(|e| e.to_string())?;
    eprintln!("wrote {out}: {} bytes", bytes.len());
    Ok(())
}
