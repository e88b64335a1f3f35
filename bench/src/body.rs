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
    apig::VpcCreate {
        name: "VPC_bench.channel-01".to_owned(),
        port: 8080,
        balance_strategy: apig::BalanceStrategy::WeightedRoundRobin,
        member_type: apig::MemberType::Ip,
        r#type: Some(apig::VpcChannelType::Microservice),
        dict_code: None,
        member_groups: Some((0..groups).map(|g| member_group(g, &mut random)).collect()),
        members: Some(
            (0..members)
                .map(|i| member(i, groups, &mut random))
                .collect(),
        ),
        vpc_health_config: Some(health_check()),
        microservice_info: Some(cce_microservice()),
    }
}

fn group_name(group: usize) -> String {
    format!("group_{group:05}")
}

fn member_group(group: usize, random: &mut SplitMix64) -> apig::MemberGroupCreate {
    apig::MemberGroupCreate {
        member_group_name: group_name(group),
        member_group_remark: Some(format!(
            "Backend server group {group} of the benchmark channel"
        )),
        member_group_weight: Some(random.below(101) as i32),
        dict_code: None,
        microservice_version: Some(format!("v{}.{}", 1 + random.below(3), random.below(10))),
        microservice_port: Some(8000 + random.below(1000) as i32),
        microservice_labels: Some(vec![
            apig::MicroserviceLabel {
                label_name: "app".to_owned(),
                label_value: format!("svc-{group}"),
            },
            apig::MicroserviceLabel {
                label_name: "cluster_id".to_owned(),
                label_value: random.uuid(),
            },
        ]),
    }
}

fn member(index: usize, groups: usize, random: &mut SplitMix64) -> apig::MemberInfo {
    apig::MemberInfo {
        host: Some(format!(
            "10.{}.{}.{}",
            (index >> 16) & 255,
            (index >> 8) & 255,
            index & 255
        )),
        weight: Some(random.below(10_001) as i32),
        is_backup: Some(index % 10 == 9),
        member_group_name: Some(group_name(index % groups)),
        status: Some(if random.below(20) == 0 {
            apig::MemberStatus::Unavailable
        } else {
            apig::MemberStatus::Available
        }),
        port: Some(1024 + random.below(64_512) as i32),
        ecs_id: Some(random.uuid()),
        ecs_name: Some(format!("ecs-node_{index:06}.az{}", 1 + random.below(3))),
    }
}

fn health_check() -> apig::VpcHealthConfig {
    apig::VpcHealthConfig {
        protocol: apig::HealthCheckProtocol::Http,
        path: Some("/health/check".to_owned()),
        method: Some(apig::HealthCheckMethod::Get),
        port: Some(8080),
        threshold_normal: 2,
        threshold_abnormal: 5,
        time_interval: 10,
        http_code: Some("200,201,210-299".to_owned()),
        enable_client_ssl: Some(false),
        status: None,
        timeout: 5,
    }
}

fn cce_microservice() -> apig::MicroServiceCreate {
    apig::MicroServiceCreate {
        service_type: Some(apig::MicroserviceType::Cce),
        cse_info: None,
        cce_info: Some(apig::MicroServiceInfoCceBase {
            cluster_id: "ab1485b4f91b45abbcd560be591f7309".to_owned(),
            namespace: "default".to_owned(),
            workload_type: apig::WorkloadType::Deployment,
            app_name: Some("bench-app".to_owned()),
            label_key: None,
            label_value: None,
        }),
        cce_service_info: None,
    }
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
