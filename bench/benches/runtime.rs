//! The run-time cases under divan, with statistics: `cargo bench -p bench`. `cargo run -p bench --release --bin
//! report` measures the same cases in one interleaved run and prints the README's table.
//!
//! The counting allocator is this binary's global allocator; before the benchmarks it prints how many heap
//! allocations validate() makes on a valid 100,000-member body (0 expected).

use api_gateway_models::apig;
use bench::alloc::{allocations_during, CountingAllocator};
use bench::body::{default_groups, vpc_create_json};
use bench::cases::{case, Context};
use divan::counter::BytesCount;
use divan::Bencher;
use std::sync::OnceLock;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    let members = SIZES[2];
    let value: apig::VpcCreate =
        api_gateway_models::from_json(body(members)).expect("the body fits the type");
    let (result, count) = allocations_during(|| value.validate());
    assert!(result.is_ok(), "the benchmark body is valid");
    println!("heap allocations by validate() on the valid {members}-member body: {count}");
    divan::main();
}

/// Each size's body, generated once.
fn body(members: usize) -> &'static [u8] {
    static BODIES: [OnceLock<Vec<u8>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = SIZES
        .iter()
        .position(|&n| n == members)
        .expect("a benchmarked size");
    BODIES[slot].get_or_init(|| vpc_create_json(members, default_groups(members)))
}

fn context() -> &'static Context {
    static CONTEXT: OnceLock<Context> = OnceLock::new();
    CONTEXT.get_or_init(Context::new)
}

fn run(bencher: Bencher, key: &str, members: usize) {
    let (body, context, case) = (body(members), context(), case(key));
    bencher
        .counter(BytesCount::new(body.len()))
        .bench(|| (case.run)(context, divan::black_box(body)));
}

/// One divan benchmark per case of `bench::cases`, by its key.
macro_rules! benches {
    ($($name:ident => $key:literal,)*) => {
        $(
            #[divan::bench(args = SIZES, max_time = 2)]
            fn $name(bencher: Bencher, members: usize) {
                run(bencher, $key, members);
            }
        )*
    };
}

benches! {
    f_check_body => "f",
    floor_ignored_any => "floor",
    a_deserialize => "a",
    b_deserialize_then_validate => "b",
    c_parse_body => "c",
    d_jsonschema_on_value => "d",
    d2_jsonschema_emitted_schema => "d2",
    e_typify_types => "e",
}
