//! The `validate` command SDK teams run in CI: `validate <operation> <file.json>`, one `path: message` line
//! per violation, exit 0 valid, 1 invalid, 2 for a file that is not JSON or does not fit the type.

use std::path::PathBuf;
use std::process::Command;

fn run(operation: &str, content: &[u8]) -> (i32, String, String) {
    let dir = tempfile::Builder::new()
        .prefix("validate-cli-")
        .tempdir()
        .expect("a scratch folder");
    let file: PathBuf = dir
        .path()
        .join(format!("{}.json", operation.replace('/', "_")));
    std::fs::write(&file, content).expect("write body");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "run",
            "-q",
            "-p",
            "api-gateway-models",
            "--bin",
            "validate",
            "--",
        ])
        .arg(operation)
        .arg(&file)
        .current_dir(model_tests::root())
        .output()
        .expect("cargo runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn cli_exit_codes_and_lines() {
    let valid = br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip"}"#;
    let (code, stdout, stderr) = run("update_vpc_channel", valid);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.is_empty());

    let invalid = br#"{"name": "VPC_demo", "port": 22, "balance_strategy": 1, "member_type": "ip",
        "member_groups": [{"member_group_name": "1group"}],
        "members": [{"host": "a"}, {"host": "b"}, {"host": "c", "weight": 10001}],
        "vpc_health_config": {"protocol": "TCP", "threshold_normal": 2, "threshold_abnormal": 2, "time_interval": 10, "timeout": 30}}"#;
    let (code, stdout, _) = run("apig/update_vpc_channel", invalid);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].starts_with("member_groups[0].member_group_name: must start with an English letter or a Chinese character"), "{stdout}");
    assert!(
        lines[1].starts_with("members[2].weight: must be 0 to 10000, got 10001"),
        "{stdout}"
    );
    assert!(
        lines[2]
            .starts_with("vpc_health_config.timeout: must be less than time_interval (10), got 30"),
        "{stdout}"
    );

    let (code, stdout, _) = run("update_vpc_channel", b"{\"name\": ");
    assert_eq!(code, 2, "not JSON");
    assert!(stdout.contains("line 1"), "{stdout}");
    let (code, stdout, _) = run(
        "update_vpc_channel",
        br#"{"name": "VPC_demo", "port": "22", "balance_strategy": 1, "member_type": "ip"}"#,
    );
    assert_eq!(code, 2, "does not fit the type");
    assert!(stdout.starts_with("port: "), "{stdout}");
    let (code, _, stderr) = run("no_such_operation", valid);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("update_vpc_channel"),
        "lists the operations: {stderr}"
    );
}
