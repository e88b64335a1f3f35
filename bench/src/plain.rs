//! The plain serde models of the seeds' `apig` service: the baseline (a) of the request cases.
//! Written by `bench/tests/plain.rs` from `bench/src/floor.rs`; do not edit.

// The plain serde floor of the `apig` service, written by bench/src/floor.rs.

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberGroupCreateBatch {
    pub member_groups: ::std::option::Option<::std::vec::Vec<MemberGroupCreate>>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberGroupInfoList {
    pub size: ::std::option::Option<i32>,
    pub total: ::std::option::Option<i64>,
    pub member_groups: ::std::option::Option<::std::vec::Vec<MemberGroupInfo>>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberGroupCreate {
    pub member_group_name: ::std::string::String,
    pub member_group_remark: ::std::option::Option<::std::string::String>,
    pub member_group_weight: ::std::option::Option<i32>,
    pub dict_code: ::std::option::Option<::std::string::String>,
    pub microservice_version: ::std::option::Option<::std::string::String>,
    pub microservice_port: ::std::option::Option<i32>,
    pub microservice_labels: ::std::option::Option<::std::vec::Vec<MicroserviceLabel>>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroserviceLabel {
    pub label_name: ::std::string::String,
    pub label_value: ::std::string::String,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroserviceLabelInResponse {
    pub label_name: ::std::option::Option<::std::string::String>,
    pub label_value: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberInfo {
    pub host: ::std::option::Option<::std::string::String>,
    pub weight: ::std::option::Option<i32>,
    pub is_backup: ::std::option::Option<bool>,
    pub member_group_name: ::std::option::Option<::std::string::String>,
    pub status: ::std::option::Option<MemberStatus>,
    pub port: ::std::option::Option<i32>,
    pub ecs_id: ::std::option::Option<::std::string::String>,
    pub ecs_name: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberGroupInfo {
    pub member_group_name: ::std::option::Option<::std::string::String>,
    pub member_group_remark: ::std::option::Option<::std::string::String>,
    pub member_group_weight: ::std::option::Option<i32>,
    pub dict_code: ::std::option::Option<::std::string::String>,
    pub microservice_version: ::std::option::Option<::std::string::String>,
    pub microservice_port: ::std::option::Option<i32>,
    pub microservice_labels: ::std::option::Option<::std::vec::Vec<MicroserviceLabelInResponse>>,
    pub member_group_id: ::std::option::Option<::std::string::String>,
    pub create_time: ::std::option::Option<::std::string::String>,
    pub update_time: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct ErrorResponse {
    pub error_code: ::std::option::Option<::std::string::String>,
    pub error_msg: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MemberStatus(pub i64);

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MembersBatchUpdate {
    pub members: ::std::option::Option<::std::vec::Vec<MemberInfo>>,
    pub member_group_name: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcMemberInfoList {
    pub size: ::std::option::Option<i32>,
    pub total: ::std::option::Option<i64>,
    pub members: ::std::option::Option<::std::vec::Vec<VpcMemberInfo>>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcMemberInfo {
    pub host: ::std::option::Option<::std::string::String>,
    pub weight: ::std::option::Option<i32>,
    pub is_backup: ::std::option::Option<bool>,
    pub member_group_name: ::std::option::Option<::std::string::String>,
    pub status: ::std::option::Option<MemberStatus>,
    pub port: ::std::option::Option<i32>,
    pub ecs_id: ::std::option::Option<::std::string::String>,
    pub ecs_name: ::std::option::Option<::std::string::String>,
    pub id: ::std::option::Option<::std::string::String>,
    pub vpc_channel_id: ::std::option::Option<::std::string::String>,
    pub create_time: ::std::option::Option<::std::string::String>,
    pub member_group_id: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcCreate {
    pub name: ::std::string::String,
    pub port: i32,
    pub balance_strategy: BalanceStrategy,
    pub member_type: MemberType,
    pub r#type: ::std::option::Option<VpcChannelType>,
    pub dict_code: ::std::option::Option<::std::string::String>,
    pub member_groups: ::std::option::Option<::std::vec::Vec<MemberGroupCreate>>,
    pub members: ::std::option::Option<::std::vec::Vec<MemberInfo>>,
    pub vpc_health_config: ::std::option::Option<VpcHealthConfig>,
    pub microservice_info: ::std::option::Option<MicroServiceCreate>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcHealthConfig {
    pub protocol: HealthCheckProtocol,
    pub path: ::std::option::Option<::std::string::String>,
    pub method: ::std::option::Option<HealthCheckMethod>,
    pub port: ::std::option::Option<i32>,
    pub threshold_normal: i32,
    pub threshold_abnormal: i32,
    pub time_interval: i32,
    pub http_code: ::std::option::Option<::std::string::String>,
    pub enable_client_ssl: ::std::option::Option<bool>,
    pub status: ::std::option::Option<HealthCheckStatus>,
    pub timeout: i32,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceCreate {
    pub service_type: ::std::option::Option<MicroserviceType>,
    pub cse_info: ::std::option::Option<MicroServiceInfoCseBase>,
    pub cce_info: ::std::option::Option<MicroServiceInfoCceBase>,
    pub cce_service_info: ::std::option::Option<MicroServiceInfoCceServiceBase>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCseBase {
    pub engine_id: ::std::string::String,
    pub service_id: ::std::string::String,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCceBase {
    pub cluster_id: ::std::string::String,
    pub namespace: ::std::string::String,
    pub workload_type: WorkloadType,
    pub app_name: ::std::option::Option<::std::string::String>,
    pub label_key: ::std::option::Option<::std::string::String>,
    pub label_value: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCceServiceBase {
    pub cluster_id: ::std::string::String,
    pub namespace: ::std::string::String,
    pub service_name: ::std::string::String,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcChannelInfo {
    pub name: ::std::option::Option<::std::string::String>,
    pub port: ::std::option::Option<i32>,
    pub balance_strategy: ::std::option::Option<BalanceStrategy>,
    pub member_type: ::std::option::Option<MemberType>,
    pub r#type: ::std::option::Option<VpcChannelType>,
    pub dict_code: ::std::option::Option<::std::string::String>,
    pub create_time: ::std::option::Option<::std::string::String>,
    pub id: ::std::option::Option<::std::string::String>,
    pub status: ::std::option::Option<VpcChannelStatus>,
    pub member_groups: ::std::option::Option<::std::vec::Vec<MemberGroupInfo>>,
    pub microservice_info: ::std::option::Option<MicroServiceInfo>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfo {
    pub id: ::std::option::Option<::std::string::String>,
    pub instance_id: ::std::option::Option<::std::string::String>,
    pub service_type: ::std::option::Option<MicroserviceType>,
    pub cse_info: ::std::option::Option<MicroServiceInfoCse>,
    pub cce_info: ::std::option::Option<MicroServiceInfoCce>,
    pub cce_service_info: ::std::option::Option<MicroServiceInfoCceService>,
    pub update_time: ::std::option::Option<::std::string::String>,
    pub create_time: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCse {
    pub engine_id: ::std::option::Option<::std::string::String>,
    pub service_id: ::std::option::Option<::std::string::String>,
    pub engine_name: ::std::option::Option<::std::string::String>,
    pub service_name: ::std::option::Option<::std::string::String>,
    pub register_address: ::std::option::Option<::std::string::String>,
    pub cse_app_id: ::std::option::Option<::std::string::String>,
    pub version: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCce {
    pub cluster_id: ::std::option::Option<::std::string::String>,
    pub namespace: ::std::option::Option<::std::string::String>,
    pub workload_type: ::std::option::Option<WorkloadType>,
    pub app_name: ::std::option::Option<::std::string::String>,
    pub label_key: ::std::option::Option<::std::string::String>,
    pub label_value: ::std::option::Option<::std::string::String>,
    pub cluster_name: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct MicroServiceInfoCceService {
    pub cluster_id: ::std::option::Option<::std::string::String>,
    pub namespace: ::std::option::Option<::std::string::String>,
    pub service_name: ::std::option::Option<::std::string::String>,
    pub cluster_name: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct BalanceStrategy(pub i64);

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum MemberType {
    #[serde(rename = "ip")]
    Ip,
    #[serde(rename = "ecs")]
    Ecs,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcChannelType(pub i64);

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum HealthCheckProtocol {
    #[serde(rename = "TCP")]
    #[serde(alias = "tcp")]
    Tcp,
    #[serde(rename = "HTTP")]
    #[serde(alias = "http")]
    Http,
    #[serde(rename = "HTTPS")]
    #[serde(alias = "https")]
    Https,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum HealthCheckMethod {
    #[serde(rename = "GET")]
    Get,
    #[serde(rename = "HEAD")]
    Head,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct HealthCheckStatus(pub i64);

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum MicroserviceType {
    #[serde(rename = "CSE")]
    Cse,
    #[serde(rename = "CCE")]
    Cce,
    #[serde(rename = "CCE_SERVICE")]
    CceService,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum WorkloadType {
    #[serde(rename = "deployment")]
    Deployment,
    #[serde(rename = "statefulset")]
    Statefulset,
    #[serde(rename = "daemonset")]
    Daemonset,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct VpcChannelStatus(pub i64);
