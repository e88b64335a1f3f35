//! Runs one case many times, for a profiler: `valgrind --tool=callgrind target/release/profile b 100000 3`.
//! Cases are those of the report (`floor`, `a` to `f`, `d2`), `validate`: validate() alone on a parsed body,
//! `from_json` and `from_slice`: the generated `apig::VpcCreate`'s `Deserialize` through our reader and through
//! serde_json's, and `codegen`: the generator once on the spec replicated `members` times (each copy in services of its own);
//! `ra`, `rb`, `rc`: the response cases (`bench::responses`) on a list response of `members` items.

use api_gateway_models::apig;
use bench::body::{default_groups, vpc_create_json};
use bench::cases::{case, Context};
use bench::responses::{apis_json, RESPONSE_CASES};
use bench::synth::{Seeds, Services};
use std::hint::black_box;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: profile <floor|a|b|c|d|d2|e|f|validate|from_json|from_slice|codegen|ra|rb|rc> [members, items or copies] [runs]";
    let key = args.first().expect(usage).as_str();
    let members: usize = args.get(1).map_or(100_000, |n| n.parse().expect(usage));
    let runs: usize = args.get(2).map_or(1, |n| n.parse().expect(usage));
    if key == "codegen" {
        return generate(members);
    }
    if let Some(case) = RESPONSE_CASES.iter().find(|case| case.key == key) {
        let (context, body) = (Context::new(), apis_json(members));
        for _ in 0..runs {
            black_box((case.run)(&context, black_box(&body)));
        }
        return;
    }
    let body = vpc_create_json(members, default_groups(members));
    if key == "validate" {
        let value: apig::VpcCreate = api_gateway_models::from_json(&body).expect("fits");
        for _ in 0..runs {
            black_box(black_box(&value).validate()).expect("valid");
        }
    } else if key == "from_json" {
        for _ in 0..runs {
            let value: apig::VpcCreate =
                api_gateway_models::from_json(black_box(&body)).expect("fits");
            black_box(value);
        }
    } else if key == "from_slice" {
        for _ in 0..runs {
            let value: apig::VpcCreate = serde_json::from_slice(black_box(&body)).expect("fits");
            black_box(value);
        }
    } else {
        let (context, case) = (Context::new(), case(key));
        for _ in 0..runs {
            black_box((case.run)(&context, black_box(&body)));
        }
    }
}

fn generate(copies: usize) {
    let scratch = std::env::temp_dir().join(format!("codegen-profile-{}", std::process::id()));
    let seeds =
        Seeds::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).expect("the seeds");
    seeds
        .write_copies(copies, Services::PerCopy, &scratch.join("spec"))
        .expect("writable");
    let report = codegen::Config::new(scratch.join("spec"))
        .out_dir(scratch.join("out"))
        .layout(codegen::Layout::Crate)
        .rerun_if_changed(false)
        .generate()
        .expect("the synthetic spec generates");
    println!("{:?}", report.timings);
    let _ = std::fs::remove_dir_all(&scratch);
}
