use std::fs;
use std::io::Write;
use std::time::Duration;

use crate::util::{drop_into_spool, story_line, wait_until, Scratch};

/// Hostile files in a watched spool become dead letters with a reason; the
/// daemon keeps running and keeps delivering good files.
#[test]
fn bad_files_become_dead_letters_and_the_daemon_lives_on() {
    let scratch = Scratch::new();
    let spool = scratch.spool();
    let config = scratch.config(true, "max_line_bytes = 1048576");
    let mut daemon = scratch.start(&config);

    drop_into_spool(&spool, "empty.txt", b"");
    let garbage: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    drop_into_spool(&spool, "garbage.bin", &garbage);
    // Windows-1252 curly quotes and an e-acute: invalid UTF-8, valid text.
    drop_into_spool(
        &spool,
        "legacy.txt",
        b"The mayor of Caf\xe9 Town said \x93we will rebuild\x94 after the storm on Monday.\n",
    );
    {
        // 200 MB on one line, written in pieces so the test stays small.
        let tmp = spool.join(".huge.txt.tmp");
        let mut file = fs::File::create(&tmp).expect("huge");
        let block = vec![b'a'; 1 << 20];
        for _ in 0..200 {
            file.write_all(&block).expect("write");
        }
        file.write_all(b"\n").expect("newline");
        file.write_all((story_line(7) + "\n").as_bytes())
            .expect("tail story");
        fs::rename(&tmp, spool.join("huge.txt")).expect("rename");
    }
    // Unreadable: a dangling symlink.
    std::os::unix::fs::symlink(scratch.path("nowhere"), spool.join("vanished.txt"))
        .expect("symlink");

    assert!(
        wait_until(Duration::from_secs(120), || scratch.dead_letters().len()
            >= 4
            && scratch.articles().len() >= 2),
        "dead letters {:?}\narticles {}\n{}",
        scratch
            .dead_letters()
            .iter()
            .map(|d| d["reason"].clone())
            .collect::<Vec<_>>(),
        scratch.articles().len(),
        scratch.log()
    );
    assert!(daemon.is_running(), "daemon survived: {}", scratch.log());

    let dead = scratch.dead_letters();
    let reason_for = |name: &str| -> String {
        dead.iter()
            .filter(|d| d["origin"].as_str().is_some_and(|o| o.ends_with(name)))
            .map(|d| format!("{} {}", d["stage"], d["reason"]))
            .collect::<Vec<_>>()
            .join("; ")
    };
    assert!(reason_for("empty.txt").contains("empty"), "{dead:?}");
    assert!(reason_for("garbage.bin").contains("binary"), "{dead:?}");
    assert!(reason_for("huge.txt").contains("limit"), "{dead:?}");
    assert!(!reason_for("vanished.txt").is_empty(), "{dead:?}");
    let huge = dead
        .iter()
        .find(|d| {
            d["origin"]
                .as_str()
                .is_some_and(|o| o.ends_with("huge.txt"))
        })
        .expect("huge dead letter");
    assert_eq!(huge["original_truncated"], true);

    let articles = scratch.articles();
    let legacy = articles
        .iter()
        .find(|a| a["body"].as_str().is_some_and(|b| b.contains("Café Town")))
        .expect("legacy encoding decoded");
    assert!(legacy["body"]
        .as_str()
        .expect("body")
        .contains("“we will rebuild”"));
    assert!(
        articles
            .iter()
            .any(|a| a["body"].as_str().is_some_and(|b| b.contains("NFX000007Q"))),
        "the story after the huge line still arrives"
    );

    // Still alive: a good file dropped now is delivered.
    drop_into_spool(&spool, "after.txt", (story_line(8) + "\n").as_bytes());
    assert!(wait_until(Duration::from_secs(30), || scratch
        .articles()
        .iter()
        .any(|a| a["body"]
            .as_str()
            .is_some_and(|b| b.contains("NFX000008Q")))));
    daemon.signal(libc::SIGTERM);
    assert!(daemon
        .wait_for_exit(Duration::from_secs(25))
        .expect("exits")
        .success());
}
