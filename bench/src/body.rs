//! A deterministic "Update a VPC channel" request body: N members spread over G member groups, every value
//! within the documented rules, with the health check and the CCE microservice details set (channel type 3).
//!
//! The same (members, groups) always gives the same bytes: the values come from a fixed-seed splitmix64.

use api_gateway_models::apig;

/// The number of member groups the benchmarks use for `members` members: one group per hundred members.
pub fn default_groups(members: usize) -> usize {
    (members / 100).max(1)
}

/// The body as compact JSON bytes, what a server receives.
pub fn vpc_create_json(members: usize, groups: usize) -> Vec<u8> {
    serde_json::to_vec(&vpc_create(members, groups)).expect("the generated types serialize")
}

/// The body as the generated type.
pub fn vpc_create(members: usize, groups: usize) -> apig::VpcCreate {
    let groups = groups.max(1);
    let mut random = SplitMix64(0x5eed_0f0b_adca_fe00);
    apig::VpcCreate::new(
        "VPC_bench.channel-01",
        8080,
        apig::BalanceStrategy::WeightedRoundRobin,
        apig::MemberType::Ip,
    )
    .with_type(apig::VpcChannelType::Microservice)
    .with_member_groups((0..groups).map(|g| member_group(g, &mut random)).collect())
    .with_members(
        (0..members)
            .map(|i| member(i, groups, &mut random))
            .collect(),
    )
    .with_vpc_health_config(health_check())
    .with_microservice_info(cce_microservice())
}

fn group_name(group: usize) -> String {
    format!("group_{group:05}")
}

fn member_group(group: usize, random: &mut SplitMix64) -> apig::MemberGroupCreate {
    apig::MemberGroupCreate::new(group_name(group))
        .with_member_group_remark(format!(
            "Backend server group {group} of the benchmark channel"
        ))
        .with_member_group_weight(random.below(101) as i32)
        .with_microservice_version(format!("v{}.{}", 1 + random.below(3), random.below(10)))
        .with_microservice_port(8000 + random.below(1000) as i32)
        .with_microservice_labels(vec![
            apig::MicroserviceLabel::new("app", format!("svc-{group}")),
            apig::MicroserviceLabel::new("cluster_id", random.uuid()),
        ])
}

fn member(index: usize, groups: usize, random: &mut SplitMix64) -> apig::MemberInfo {
    apig::MemberInfo::new()
        .with_host(format!(
            "10.{}.{}.{}",
            (index >> 16) & 255,
            (index >> 8) & 255,
            index & 255
        ))
        .with_weight(random.below(10_001) as i32)
        .with_is_backup(index % 10 == 9)
        .with_member_group_name(group_name(index % groups))
        .with_status(if random.below(20) == 0 {
            apig::MemberStatus::Unavailable
        } else {
            apig::MemberStatus::Available
        })
        .with_port(1024 + random.below(64_512) as i32)
        .with_ecs_id(random.uuid())
        .with_ecs_name(format!("ecs-node_{index:06}.az{}", 1 + random.below(3)))
}

fn health_check() -> apig::VpcHealthConfig {
    apig::VpcHealthConfig::new(apig::HealthCheckProtocol::Http, 2, 5, 10, 5)
        .with_path("/health/check")
        .with_method(apig::HealthCheckMethod::Get)
        .with_port(8080)
        .with_http_code("200,201,210-299")
        .with_enable_client_ssl(false)
}

fn cce_microservice() -> apig::MicroServiceCreate {
    apig::MicroServiceCreate::new()
        .with_service_type(apig::MicroserviceType::Cce)
        .with_cce_info(
            apig::MicroServiceInfoCceBase::new(
                "ab1485b4f91b45abbcd560be591f7309",
                "default",
                apig::WorkloadType::Deployment,
            )
            .with_app_name("bench-app"),
        )
}

/// splitmix64: small, fast and the same on every machine.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (the modulo bias is irrelevant here).
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }

    /// A lower-case UUID-shaped string, as ECS IDs are.
    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xffff,
            b >> 48,
            b & 0xffff_ffff_ffff
        )
    }
}
