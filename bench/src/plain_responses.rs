//! The plain serde models of the types otc_apig's "Querying APIs Bound with a Plug-in" responses
//! hold: the baseline (ra) of the response cases.
//! Written by `bench/tests/plain.rs` from `bench/src/floor.rs`; do not edit.

// The plain serde floor of the `otc_apig` service, written by bench/src/floor.rs.

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct PluginApiInfo {
    pub api_id: ::std::option::Option<::std::string::String>,
    pub api_name: ::std::option::Option<::std::string::String>,
    pub r#type: ::std::option::Option<Type>,
    pub req_protocol: ::std::option::Option<QueryingApisBoundWithAPlugInReqProtocol>,
    pub req_method: ::std::option::Option<ReqMethod>,
    pub req_uri: ::std::option::Option<::std::string::String>,
    pub auth_type: ::std::option::Option<AuthType>,
    pub match_mode: ::std::option::Option<MatchMode>,
    pub remark: ::std::option::Option<::std::string::String>,
    pub group_id: ::std::option::Option<::std::string::String>,
    pub group_name: ::std::option::Option<::std::string::String>,
    pub roma_app_id: ::std::option::Option<::std::string::String>,
    pub env_id: ::std::option::Option<::std::string::String>,
    pub env_name: ::std::option::Option<::std::string::String>,
    pub publish_id: ::std::option::Option<::std::string::String>,
    pub plugin_attach_id: ::std::option::Option<::std::string::String>,
    pub attached_time: ::std::option::Option<::std::string::String>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum AuthType {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "APP")]
    App,
    #[serde(rename = "IAM")]
    Iam,
    #[serde(rename = "AUTHORIZER")]
    Authorizer,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum MatchMode {
    #[serde(rename = "SWA")]
    Swa,
    #[serde(rename = "NORMAL")]
    Normal,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum QueryingApisBoundWithAPlugInReqProtocol {
    #[serde(rename = "HTTP")]
    Http,
    #[serde(rename = "HTTPS")]
    Https,
    #[serde(rename = "BOTH")]
    Both,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub enum ReqMethod {
    #[serde(rename = "GET")]
    Get,
    #[serde(rename = "POST")]
    Post,
    #[serde(rename = "PUT")]
    Put,
    #[serde(rename = "DELETE")]
    Delete,
    #[serde(rename = "HEAD")]
    Head,
    #[serde(rename = "PATCH")]
    Patch,
    #[serde(rename = "OPTIONS")]
    Options,
    #[serde(rename = "ANY")]
    Any,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct Type(pub i64);

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct QueryingApisBoundWithAPlugInResponse200 {
    pub size: ::std::option::Option<i32>,
    pub total: ::std::option::Option<i64>,
    pub apis: ::std::option::Option<::std::vec::Vec<PluginApiInfo>>,
}

#[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
pub struct QueryingApisBoundWithAPlugInResponse400 {
    pub error_code: ::std::option::Option<::std::string::String>,
    pub error_msg: ::std::option::Option<::std::string::String>,
}
