//! `onrecord extract` on bad input: one line per problem naming the file, the rest processed,
//! exit status 1 when anything failed, never a panic.

mod common;

use std::io::Write;

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("good.txt"),
        "The talks were useful and frank, Deputy Minister Ivan Petrov told reporters on Monday.\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01",
    )
    .unwrap();
    std::fs::write(
        d.join("latin1.txt"),
        b"The caf\xe9 deal is off, Minister Ivan Petrov told reporters on Monday.\n",
    )
    .unwrap();
    let mut big = std::fs::File::create(d.join("oneline.txt")).unwrap();
    let chunk = "word ".repeat(1 << 16);
    for _ in 0..160 {
        big.write_all(chunk.as_bytes()).unwrap();
    }
    drop(big);
    std::fs::create_dir(d.join("nothing")).unwrap();
    let out = common::bin()
        .args(["extract", "--json"])
        .arg(d.join("good.txt"))
        .arg(d.join("empty.txt"))
        .arg(d.join("binary.txt"))
        .arg(d.join("latin1.txt"))
        .arg(d.join("oneline.txt"))
        .arg(d.join("missing.txt"))
        .output()
        .unwrap();
    let err = common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    for name in ["empty.txt", "binary.txt", "oneline.txt", "missing.txt"] {
        let lines: Vec<&str> = err.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "{name}: {err}");
    }
    let stdout = common::stdout(&out);
    assert!(
        stdout.contains("Ivan Petrov"),
        "good file still processed: {stdout}"
    );
    assert!(stdout.contains("café"), "latin-1 decoded: {stdout}");

    let out = common::bin()
        .args(["extract"])
        .arg(d.join("nothing"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        common::stderr(&out).lines().count(),
        1,
        "{}",
        common::stderr(&out)
    );
}

#[test]
fn readable_output_names_speaker_and_source() {
    let out = common::run(
        &["extract", "data/004_6a155f875c863dc1.txt"],
        &common::repo(),
    );
    assert!(out.status.success());
    let s = common::stdout(&out);
    assert!(s.contains("John Kirby"));
    assert!(s.contains("004_6a155f875c863dc1.txt"));
}

/// `DATA/cues.toml` replaces the built-in cue lexicon; a malformed one is one error line
/// naming the file and its line.
#[test]
fn a_cues_file_in_the_data_directory_replaces_the_builtin_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let article = d.join("opined.txt");
    std::fs::write(
        &article,
        "The new sanctions will not work, Deputy Minister Ivan Petrov opined on Monday.\n",
    )
    .unwrap();
    let data = d.join("data");
    std::fs::create_dir(&data).unwrap();
    let extract = || {
        common::bin()
            .arg("--data")
            .arg(&data)
            .args(["extract", "--json"])
            .arg(&article)
            .output()
            .unwrap()
    };
    // "opined" is no cue in the built-in lexicon.
    let out = extract();
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(!common::stdout(&out).contains("Ivan Petrov"));
    let builtin = std::fs::read_to_string(common::repo().join("data/cues.toml")).unwrap();
    std::fs::write(
        data.join("cues.toml"),
        builtin.replacen("report = [", "report = [\"opined\", ", 1),
    )
    .unwrap();
    let out = extract();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let stdout = common::stdout(&out);
    assert!(
        stdout.contains("Ivan Petrov") && stdout.contains("The new sanctions will not work"),
        "{stdout}"
    );
    std::fs::write(
        data.join("cues.toml"),
        builtin.replacen("report = [", "report = [\"said\" \"says\", ", 1),
    )
    .unwrap();
    let out = extract();
    let err = common::stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let named: Vec<&str> = err.lines().filter(|l| l.contains("cues.toml:")).collect();
    assert_eq!(named.len(), 1, "{err}");
}
