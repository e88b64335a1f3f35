//! validate() on a valid value allocates nothing: paths are built on the stack and rendered only when a
//! violation is reported; nor does checking a valid body in one pass (`check_body`). A counting global
//! allocator, for this test binary only, proves it.

use api_gateway_models::apig;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    /// Allocations made by this thread: the tests run side by side, and each counts only its own.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator unchanged and only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn validating_a_valid_body_allocates_nothing() {
    let spec = model_tests::Spec::load();
    let op = spec.operation("apig/update_vpc_channel");
    for (title, example) in op.example_requests() {
        let mut body: apig::VpcCreate = serde_json::from_value(example).expect("fits");
        // Many members, so that a per-item allocation could not hide.
        let member = body.members.as_ref().expect("the examples have members")[0].clone();
        body.members = Some(vec![member; 1000]);
        let mut result = Ok(());
        let count = allocations_during(|| result = body.validate());
        assert!(result.is_ok(), "{title}: {result:?}");
        assert_eq!(
            count, 0,
            "{title}: validate() allocated {count} times on a valid body"
        );
    }
}

#[test]
fn invalid_bodies_do_allocate_their_report() {
    let mut body: apig::VpcCreate = serde_json::from_value(serde_json::json!({ "name": "VPC_demo", "port": 0, "balance_strategy": 1, "member_type": "ip" })).expect("fits");
    let mut result = Ok(());
    let count = allocations_during(|| result = body.validate());
    assert!(result.is_err());
    assert!(count > 0, "the counter counts");
    body.port = 1;
    assert!(body.validate().is_ok());
}

#[test]
fn checking_a_valid_body_in_one_pass_allocates_nothing() {
    let spec = model_tests::Spec::load();
    let op = spec.operation("apig/update_vpc_channel");
    for (title, mut example) in op.example_requests() {
        // Many members, so that a per-item allocation could not hide; member_type after them, so that
        // their rules wait for it.
        let member = example["members"][0].clone();
        example["members"] = serde_json::Value::Array(vec![member; 1000]);
        let member_type = example
            .as_object_mut()
            .expect("an object")
            .remove("member_type")
            .expect("member_type");
        example["member_type"] = member_type;
        let input = serde_json::to_vec(&example).expect("serializes");
        let mut result = Ok(());
        let count = allocations_during(|| result = apig::update_vpc_channel::check_body(&input));
        assert!(result.is_ok(), "{title}: {result:?}");
        assert_eq!(
            count, 0,
            "{title}: check_body allocated {count} times on a valid body"
        );
    }
}
